/**
 * Keys typed ahead: over a slow SSH link, or typing fast, several keys arrive in one burst and are
 * handled before the screen they were meant for is drawn (`/ name Enter j j`, `Enter 3`, `Esc q`
 * — the last arriving as one Alt+q). Whatever closes an editor or changes the screen part-way
 * through a burst hands the rest of the burst here, and after the next render (when the new
 * screen's key handlers listen, and what they act on has been read from the store) the keys are
 * delivered again, one at a time, exactly as if typed then. No key an officer typed is lost.
 */
import {useStdin} from 'ink';
import React, {createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode} from 'react';

/** Hands keys (key-map names, as from keyNames) to be delivered again after the next render. */
export type TypeAhead = (names: readonly string[]) => void;

// Raw input of the named keys that are not one character (xterm / VT220 sequences, as Ink reads them).
const SEQUENCES: Readonly<Record<string, string>> = {
	enter: '\r',
	escape: '\u001b',
	tab: '\t',
	backtab: '\u001b[Z',
	backspace: '\u007f',
	delete: '\u001b[3~',
	space: ' ',
	up: '\u001b[A',
	down: '\u001b[B',
	right: '\u001b[C',
	left: '\u001b[D',
	pageup: '\u001b[5~',
	pagedown: '\u001b[6~',
	home: '\u001b[H',
	end: '\u001b[F',
};

/**
 * The terminal input that Ink reads as the key `name` (a key-map name: `j`, `enter`, `up`,
 * `ctrl+s`…), so that delivering it again gives the same (input, key) and the same key names.
 * Returns null for a name no terminal input gives (such a key is not delivered again).
 */
export function rawKey(name: string): string | null {
	if (SEQUENCES[name] !== undefined) return SEQUENCES[name]!;
	const ctrl = /^ctrl\+([a-z])$/.exec(name);
	if (ctrl) return String.fromCharCode(ctrl[1]!.charCodeAt(0) - 96);
	return Array.from(name).length === 1 ? name : null;
}

type Queue = {hand: TypeAhead; queued: {current: string[]}; delivering: {current: boolean}; dropped: {current: boolean}; turn: number; latestTurn: {current: number}};

const DOUBLE_ESCAPE = '\u001b\u001b';

/** Deliveries in a row of a key that comes straight back before the keys are dropped (see useTypeAheadDelivery). */
const MAX_RETURNS = 50;

const TypeAheadContext = createContext<Queue>({hand: () => {}, queued: {current: []}, delivering: {current: false}, dropped: {current: false}, turn: 0, latestTurn: {current: 0}});

/** The function that hands the rest of a burst on to the next screen (see the module comment). */
export function useTypeAhead(): TypeAhead {
	return useContext(TypeAheadContext).hand;
}

/**
 * Whether keys typed earlier are still waiting to be delivered: a key that arrives now must wait
 * behind them (hand it on), or it would act before them. False while one of them is being delivered.
 */
export function useTypeAheadWaiting(): () => boolean {
	const {queued, delivering} = useContext(TypeAheadContext);
	return useCallback(() => queued.current.length > 0 && !delivering.current, [queued, delivering]);
}

/**
 * For what saves a record that cannot be taken back (a note, a decision, a review): `now()` is
 * true while a key typed ahead is being delivered — the officer pressed it before the editor or
 * dialog was on the screen, so such a save is refused; `drop()` then forgets the keys still
 * waiting (they were typed expecting the save to have happened).
 */
export function useTypedAhead(): {now: () => boolean; drop: () => void} {
	const {queued, delivering, dropped} = useContext(TypeAheadContext);
	return useMemo(
		() => ({
			now: () => delivering.current,
			drop: () => {
				queued.current = [];
				dropped.current = true;
			},
		}),
		[queued, delivering, dropped],
	);
}

/**
 * Holds the keys handed on by {@link useTypeAhead} below it; the screen delivers them with
 * {@link useTypeAheadDelivery}.
 */
export function TypeAheadProvider({children}: {children: ReactNode}) {
	const queued = useRef<string[]>([]);
	const delivering = useRef(false);
	// Set by drop() while a key is delivered: the keys after it are forgotten too.
	const dropped = useRef(false);
	// Each key handed on is a new turn: the screen renders and its delivery effect runs.
	const [turn, setTurn] = useState(0);
	// The turn the next render will have: an effect of an earlier render is stale (see useTypeAheadDelivery).
	const latestTurn = useRef(0);
	const hand = useCallback<TypeAhead>((names) => {
		if (names.length === 0) return;
		queued.current.push(...names);
		latestTurn.current += 1;
		setTurn(latestTurn.current);
	}, []);
	// Two Esc in one packet reach Ink's key handlers as one Esc key: the second is delivered again.
	const {internal_eventEmitter: events} = useStdin();
	useEffect(() => {
		const onInput = (raw: string) => {
			if (raw === DOUBLE_ESCAPE) hand(['escape']);
		};
		events.on('input', onInput);
		return () => {
			events.off('input', onInput);
		};
	}, [events, hand]);
	const value = useMemo(() => ({hand, queued, delivering, dropped, turn, latestTurn}), [hand, turn]);
	return <TypeAheadContext.Provider value={value}>{children}</TypeAheadContext.Provider>;
}

/**
 * Delivers the keys handed on, through Ink's input events, one a render, after the render that
 * follows (a component's effects run after its children's, so the new screen's key handlers are
 * in place), and only while `ready()` says the screen shows what the keys act on (a filtered
 * queue's rows, an opened case): `/ name Enter Enter` opens the case the filter found. Call it in
 * the component that draws the screens, which renders again when what it waits for arrives.
 */
export function useTypeAheadDelivery(ready: () => boolean): void {
	const {internal_eventEmitter: events} = useStdin();
	const {queued, delivering, dropped, hand, turn, latestTurn} = useContext(TypeAheadContext);
	// Deliveries in a row whose key came straight back: a screen that keeps saying it is not ready
	// while the workstation says it is must not spin; after MAX_RETURNS the keys are dropped.
	const returns = useRef(0);
	useEffect(() => {
		// Keys handed on since this render (Ink can read input while effects run, e.g. keys typed
		// before the first frame): this render does not show their effect yet; the next one delivers.
		if (turn !== latestTurn.current) return;
		if (queued.current.length === 0 || !ready()) return;
		const name = queued.current.shift()!;
		const rest = queued.current.splice(0);
		const raw = rawKey(name);
		if (raw !== null) {
			delivering.current = true;
			dropped.current = false;
			try {
				events.emit('input', raw);
			} finally {
				delivering.current = false;
			}
			if (dropped.current) return;
			returns.current = queued.current[0] === name ? returns.current + 1 : 0;
			if (returns.current > MAX_RETURNS) {
				returns.current = 0;
				queued.current = [];
				return;
			}
		}
		// The keys after it wait for the render after this one (a new turn), behind any this key
		// handed on again (a screen still reading its rows hands it back: it stays first).
		hand(rest);
	});
}
