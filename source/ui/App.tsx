/**
 * The officer's workstation: queues → case → note / decision, by keyboard alone. Holds the
 * screen state and the drafts (which outlive Esc, refreshes and other officers' changes), routes
 * keys through the key map, and polls the store for changes made by others.
 */
import {Box, Text, useApp, useInput} from 'ink';
import React, {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {CommandPalette} from './components/CommandPalette.js';
import {HelpOverlay} from './components/HelpOverlay.js';
import {LineInput, lineKeys} from './components/LineInput.js';
import {StatusBar, type StatusMessage} from './components/StatusBar.js';
import {Table, type Column} from './components/Table.js';
import {TextArea} from './components/TextArea.js';
import {bufferOf, editKey, textOf, type TextBuffer} from './components/text-buffer.js';
import {isConflict, type CaseDetail, type CaseRow, type QueuePage, type QueueSummary, type ReasonCode, type SortColumn, type WorkstationData} from './data.js';
import {dateOf, statusLabel} from './format.js';
import {keyNames} from './key-names.js';
import {commandFor, keyLabel, type KeyMap} from './keymap.js';
import {CASE_TABS, documentLineOffsets, tabLines, wrapLine} from './screens/case-lines.js';
import {DecisionDialog, emptyDecisionDraft, type DecisionDraft} from './screens/DecisionDialog.js';
import {missingForDecision} from './screens/decision-warnings.js';
import {INITIAL_POOL_STATE, PoolScreen, type PoolScreenState} from './screens/PoolScreen.js';
import {INITIAL_ROUNDS_STATE, RoundsScreen, type RoundsScreenState} from './screens/RoundsScreen.js';
import {emptyReviewDraft, ReviewDialog, type ReviewDraft} from './screens/ReviewDialog.js';
import {cleanQueueName, digitOf, EMPTY_SAVE_DRAFT, SaveQueuePrompt, saveQueueKeys, savedQueueQuery, stepOfRefusal, type SaveQueueDraft} from './screens/SaveQueuePrompt.js';
import {SmallTerminal, tooSmall} from './screens/SmallTerminal.js';
import type {Theme} from './theme.js';
import {displayWidth, fitWidth, safeLines, safeText} from './terminal-text.js';
import {useQueueWindow, type QueueQuery} from './use-queue-window.js';
import {useTerminalSize, type Size} from './use-terminal-size.js';
import {TypeAheadProvider, useTypeAhead, useTypeAheadDelivery, useTypeAheadWaiting, useTypedAhead} from './typeahead.js';

/** The queue, or one of the read-only pool screens; a case opened from any of them is shown over it. */
type Screen = 'main' | 'pool' | 'rounds';

/** Commands the Pool and Rounds screens pass to the workstation (others apply to the queue or a case only). */
const POOL_SCREEN_COMMANDS = new Set(['back', 'help', 'palette', 'refresh', 'pool.open', 'rounds.open', 'quit']);

type Overlay = null | 'help' | 'palette' | 'filter' | 'note' | 'decide' | 'review' | 'bf' | 'quit' | 'pager' | 'save';

export type AppProps = {
	data: WorkstationData;
	theme: Theme;
	keyMap: KeyMap;
	/** Where the officer rebinds keys (key-config.ts keyConfigPath), shown by the help. */
	keysPath?: string;
	/** Fixed size (tests, benchmarks); otherwise the terminal's, updated on resize. */
	size?: Size;
	/** How often to look for other officers' changes, ms (0: never). */
	pollMs?: number;
	/** Today's date (`YYYY-MM-DD`), for relative bring-forward dates. */
	today: () => string;
	/** Leave the terminal's last line free (the real terminal: see `height`). */
	reserveLastLine?: boolean;
	/** The clock for the status bar's "refreshed" time. */
	clock?: () => Date;
	/**
	 * The first reads, already made (run.tsx starts them while the screens load): the queues with
	 * their counts and the first page of the first queue, so the first frame is drawn with them.
	 */
	initial?: {queues: QueueSummary[]; page: QueuePage; query: QueueQuery} | null;
};

/** Commands after which the rest of a burst of keys is not read as commands of this screen. */
// Commands that change what the keys after them act on (another screen, tab, queue or order):
// the rest of a burst waits for the next render (burstAfter).
const SCREEN_CHANGING = new Set([
	'open', 'back', 'filter', 'palette', 'help', 'note.add', 'decide', 'review', 'bring-forward', 'take.next', 'quit', 'pool.open', 'rounds.open', 'queue.save',
	'tab.next', 'tab.previous', 'queues.next', 'queues.previous', 'sort.next', 'sort.reverse',
]);

// Commands that open an editor or a dialog: keys after them in a burst are theirs (forwardBurst).
const EDITORS = new Set(['filter', 'palette', 'bring-forward', 'note.add', 'queue.save', 'decide', 'review']);

/** Said on the Pool screen when another officer changed the store (ranking again takes seconds: the officer asks with r). */
const POOL_STALE = 'the store changed since the pool was ranked: r ranks it again';

// Commands on the row under the cursor (of the queue).
const ROW_COMMANDS = new Set(['open', 'assign.me', 'tag']);

// Commands after which the rest of a burst is dropped: quitting, and taking the next case (the case
// opens when the store answers, so the keys would act on the queue instead).
const ENDS_BURST = new Set(['quit', 'take.next']);

// What openingRef holds once the editor a burst opened has closed: the burst's remaining keys wait for the next screen.
const TYPED_AHEAD = 'typed-ahead';

const SORTS: SortColumn[] = ['received', 'crs', 'name', 'status', 'bf', 'number', 'waiting'];

const COLUMNS: Array<Column<CaseRow> & {sort: SortColumn}> = [
	{title: 'Application', width: 11, value: (r) => r.applicationNumber, sort: 'number'},
	{title: 'Applicant', width: 10, flex: true, value: (r) => `${r.familyName}, ${r.givenNames}`, sort: 'name'},
	{title: 'Prog', width: 4, value: (r) => r.program, sort: 'number'},
	{title: 'Status', width: 14, value: (r) => statusLabel(r.status), sort: 'status'},
	{title: 'CRS', width: 4, align: 'right', value: (r) => (r.crsTotal === null ? '' : String(r.crsTotal)), sort: 'crs'},
	{title: 'Received', width: 10, value: (r) => dateOf(r.receivedAt), sort: 'received'},
	{title: 'Days', width: 4, align: 'right', value: (r) => (r.daysWaiting === null ? '' : String(r.daysWaiting)), sort: 'waiting'},
	{title: 'BF', width: 10, value: (r) => r.bringForwardOn ?? '', sort: 'bf'},
	{title: 'Officer', width: 8, value: (r) => r.assignedTo ?? '', sort: 'number'},
];

/** Columns that fit the width: the narrowest terminals drop Officer, then BF, then Days. */
function columnsFor(width: number) {
	if (width >= 100) return COLUMNS;
	const drop = width >= 90 ? ['Officer'] : width >= 80 ? ['Officer', 'Days'] : ['Officer', 'Days', 'BF'];
	return COLUMNS.filter((column) => !drop.includes(column.title));
}

/**
 * The queue tab line: every queue with its count, the current one in brackets. When the line is
 * wider than the terminal it starts late enough (marked `…`) that the current queue is visible.
 */
export function queueTabLine(queues: readonly QueueSummary[], current: number, width: number): string {
	const parts = queues.map((q, i) => {
		const label = safeText(`${q.digitKey !== null ? `${q.digitKey} ` : ''}${q.name} (${q.count})`);
		return i === current ? `[${label}]` : ` ${label} `;
	});
	let start = 0;
	while (start < current && displayWidth((start > 0 ? '…' : '') + parts.slice(start, current + 1).join('')) > width) start++;
	return fitWidth((start > 0 ? '…' : '') + parts.slice(start).join(''), width);
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/**
 * Resolves a typed bring-forward date: `+N` (N days from `today`, N up to 9999) or a calendar date
 * `YYYY-MM-DD`, to `YYYY-MM-DD`; empty gives null (clear it); undefined when it is neither.
 */
export function resolveDate(text: string, today: string): string | null | undefined {
	const trimmed = text.trim();
	if (trimmed === '') return null;
	const relative = /^\+(\d{1,4})$/.exec(trimmed);
	if (relative) {
		const date = new Date(`${today}T00:00:00Z`);
		date.setUTCDate(date.getUTCDate() + Number(relative[1]));
		return date.toISOString().slice(0, 10);
	}
	if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return undefined;
	// Not a real day (2026-13-01, 2026-02-30): an Invalid Date, whose toISOString would throw.
	const date = new Date(`${trimmed}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === trimmed ? trimmed : undefined;
}

/** The clock when none is given: one function for every render (a new default each render re-ran the first load forever). */
const systemClock = () => new Date();

/** The workstation, with keys typed ahead delivered to the screen they were meant for (typeahead.tsx). */
export function App(props: AppProps) {
	return (
		<TypeAheadProvider>
			<Workstation {...props} />
		</TypeAheadProvider>
	);
}

function Workstation({data, theme, keyMap, keysPath = '~/.config/caips/keys.json', size: fixedSize, pollMs = 3000, today, clock = systemClock, reserveLastLine = false, initial = null}: AppProps) {
	const {exit} = useApp();
	const typeAhead = useTypeAhead();
	const typeAheadWaiting = useTypeAheadWaiting();
	const typedAhead = useTypedAhead();
	/**
	 * A note, a decision or a review is saved only by a Ctrl+S pressed with it on the screen: one
	 * typed ahead (before the editor or dialog was drawn) is refused, with the keys after it, and
	 * the officer told. True when refused.
	 */
	const refusedTypedAhead = () => {
		if (!typedAhead.now()) return false;
		typedAhead.drop();
		say('not saved (Ctrl+S typed ahead): check it, then press Ctrl+S', 'warning');
		return true;
	};
	const size = useTerminalSize(fixedSize);
	// In a real terminal one column is left free too: a line measured a little narrower than the
	// terminal draws it still never wraps.
	const width = Math.max(20, size.columns - (reserveLastLine ? 1 : 0));
	// Ink clears and redraws the whole terminal when a frame is as tall as it: one line is left free
	// so that only changed lines are redrawn (fewer bytes per key over SSH, no flicker).
	const height = Math.max(6, size.rows - (reserveLastLine ? 1 : 0));
	const me = data.me();

	const [queues, setQueues] = useState<QueueSummary[]>(initial?.queues ?? []);
	// The queues were read before the first frame: not read again on mount.
	const queuesGiven = useRef(initial !== null);
	const [queueIndex, setQueueIndex] = useState(0);
	const [filter, setFilter] = useState('');
	const [filterDraft, setFilterDraftState] = useState('');
	// The filter text as last typed, read by keys that arrive before the next render.
	const filterDraftRef = useRef('');
	const setFilterDraft = useCallback((value: string) => {
		filterDraftRef.current = value;
		setFilterDraftState(value);
	}, []);
	// A command that opens an editor or changes the screen takes effect at the next render; keys
	// that arrive before it (typing fast, or over a slow link) belong to what was opened.
	const openingRef = useRef<string | null>(null);
	const [sort, setSort] = useState<SortColumn>('received');
	const [descending, setDescending] = useState(false);
	// The cursor and the first visible row change together, in one update, so a key press draws
	// one frame (a second update from an effect would draw the screen twice).
	const [view, setView] = useState({cursor: 0, top: 0});
	const {cursor, top} = view;
	// The cursor as the keys so far left it: keys that arrive in one burst (typing ahead, a slow
	// link) are handled before the next render, so `j j a` must assign the row two down, not the
	// row the last frame showed. Moves set it at once; actions read it (see currentRow).
	const cursorRef = useRef(cursor);
	cursorRef.current = cursor;
	const rowsRef = useRef(0);
	const setCursor = useCallback((next: number | ((cursor: number) => number)) => {
		const c = typeof next === 'function' ? next(cursorRef.current) : next;
		cursorRef.current = c;
		setView((v) => {
			const rows = Math.max(1, rowsRef.current);
			const t = c < v.top ? c : c >= v.top + rows ? c - rows + 1 : v.top;
			return c === v.cursor && t === v.top ? v : {cursor: c, top: t};
		});
	}, []);
	const setTop = useCallback((next: number | ((top: number) => number)) => {
		setView((v) => {
			const t = typeof next === 'function' ? next(v.top) : next;
			return t === v.top ? v : {...v, top: t};
		});
	}, []);
	const [tagged, setTaggedState] = useState<ReadonlySet<string>>(new Set());
	// The tags as the keys so far left them (a burst like `Space a` acts on the tag just made).
	const taggedRef = useRef(tagged);
	taggedRef.current = tagged;
	const setTagged = useCallback((next: ReadonlySet<string>) => {
		taggedRef.current = next;
		setTaggedState(next);
	}, []);
	const [overlay, setOverlay] = useState<Overlay>(null);
	const [message, setMessage] = useState<StatusMessage | null>(null);
	// The time of the last read; the first frame, drawn with what was read before it, has it already.
	const [refreshedAt, setRefreshedAt] = useState(() => (initial ? clock().toISOString().slice(11, 19) : ''));
	const [caseNumber, setCaseNumber] = useState<string | null>(null);
	const [detail, setDetail] = useState<CaseDetail | null>(null);
	const [tab, setTab] = useState(0);
	const [scroll, setScroll] = useState(0);
	/** The document chosen on the Documents tab (Enter opens it). */
	const [docIndex, setDocIndex] = useState(0);
	const [paletteQuery, setPaletteQuery] = useState('');
	const [noteDrafts, setNoteDrafts] = useState<ReadonlyMap<string, TextBuffer>>(new Map());
	const [decisionDrafts, setDecisionDrafts] = useState<ReadonlyMap<string, DecisionDraft>>(new Map());
	const [reviewDrafts, setReviewDrafts] = useState<ReadonlyMap<string, ReviewDraft>>(new Map());
	const [bfDraft, setBfDraft] = useState('');
	const [reasonCodes, setReasonCodes] = useState<ReasonCode[]>([]);
	const [pager, setPager] = useState<{title: string; lines: string[]; top: number} | null>(null);
	const [busy, setBusy] = useState(false);
	const [screen, setScreen] = useState<Screen>('main');
	// The Pool and Rounds screens' filters and cursors: kept here, so that closing a case opened
	// from them (or the help, or a terminal too small for a while) finds them as they were.
	const [poolState, setPoolState] = useState<PoolScreenState>(INITIAL_POOL_STATE);
	const [roundsState, setRoundsState] = useState<RoundsScreenState>(INITIAL_ROUNDS_STATE);
	const [saveDraft, setSaveDraft] = useState<SaveQueueDraft>(EMPTY_SAVE_DRAFT);
	// The terminal is smaller than the screens need: a notice is shown instead, and every key but
	// quit does nothing (the state, drafts included, is all kept for when it grows back).
	const small = tooSmall(size);
	/** Bumped by `refresh` on the Pool and Rounds screens (they fetch again). */
	const [screenReload, setScreenReload] = useState(0);
	const busyRef = useRef(false);
	const changeMark = useRef<number | null>(null);

	const queue = queues[queueIndex];
	// The queue shown, read by keys that arrive before the next render (Tab Tab in one burst).
	const queueIndexRef = useRef(queueIndex);
	queueIndexRef.current = queueIndex;
	/** A queue to show as soon as the queues are read again (the one just saved). */
	const showAfterLoad = useRef<string | null>(null);
	const queueName = queue?.name ?? 'My cases';
	const bodyHeight = height - 4; // queue tabs, filter line, table header, status bar
	rowsRef.current = bodyHeight;
	const window = useQueueWindow(data, {queue: queueName, filter, sort, descending}, top, top + bodyHeight - 1, initial);
	const total = window.total;
	// The row under the cursor as the keys so far left it (see cursorRef); undefined while its page is read.
	const windowRef = useRef(window);
	windowRef.current = window;
	const currentRow = useCallback(() => windowRef.current.rowAt(cursorRef.current), []);

	const say = useCallback((text: string, kind: StatusMessage['kind'] = 'info') => setMessage({text, kind}), []);
	// Through a ref: a caller's inline clock must not make `stamp`, and the effects using it, new on every render.
	const clockRef = useRef(clock);
	clockRef.current = clock;
	const stamp = useCallback(() => setRefreshedAt(clockRef.current().toISOString().slice(11, 19)), []);

	/**
	 * Shows queue `index` of `list`, in its own sort; the cursor goes to the top and the tags are
	 * dropped (tags belong to the queue they were made in: none may be acted on unseen).
	 */
	const selectQueue = useCallback(
		(index: number, list: readonly QueueSummary[]) => {
			const next = list[index];
			if (!next) return;
			queueIndexRef.current = index;
			setQueueIndex(index);
			setSort(next.sort);
			setDescending(next.descending);
			setCursor(0);
			setTop(0);
			setTagged(new Set());
		},
		[setCursor, setTop],
	);

	const queuesRef = useRef(queues);
	queuesRef.current = queues;
	const loadQueues = useCallback(async () => {
		try {
			const next = await data.queues();
			// The queue shown stays the one shown when others are saved or deleted meanwhile.
			const shownName = queuesRef.current[queueIndexRef.current]?.name;
			const at = shownName === undefined ? -1 : next.findIndex((q) => q.name === shownName);
			setQueues(next);
			queuesRef.current = next;
			const wanted = showAfterLoad.current === null ? -1 : next.findIndex((q) => q.name === showAfterLoad.current);
			if (wanted >= 0) {
				showAfterLoad.current = null;
				selectQueue(wanted, next);
				// The saved queue holds the filter now.
				setFilter('');
				setFilterDraft('');
			} else if (at >= 0 && at !== queueIndexRef.current) {
				queueIndexRef.current = at;
				setQueueIndex(at);
			}
		} catch (error) {
			say(errorText(error), 'error');
		}
	}, [data, say, selectQueue, setFilterDraft]);

	// A change by anyone seen while the Pool screen was not shown (the poll): opening it ranks again.
	const poolStaleRef = useRef(false);
	const [poolRankAgain, setPoolRankAgain] = useState(false);
	// Set when `d` or `R` opened its dialog (runCommand): the keys typed after it go to the dialog.
	const dialogOpenedRef = useRef(false);
	// Cases being read from the store: keys typed ahead wait for them (useTypeAheadDelivery below).
	const caseLoadsRef = useRef(0);
	// The Pool or Rounds screen reading its rows (its onLoading); a render when it is done delivers waiting keys.
	const screenLoadingRef = useRef(false);
	const [, setScreenLoads] = useState(0);
	const onScreenLoading = useCallback((loading: boolean) => {
		screenLoadingRef.current = loading;
		if (!loading) setScreenLoads((n) => n + 1);
	}, []);
	const loadCase = useCallback(
		async (number: string) => {
			caseLoadsRef.current += 1;
			try {
				setDetail(await data.caseDetail(number));
			} catch (error) {
				say(errorText(error), 'error');
			} finally {
				caseLoadsRef.current -= 1;
			}
		},
		[data, say],
	);

	useEffect(() => {
		if (queuesGiven.current) queuesGiven.current = false;
		else void loadQueues();
		void data.reasonCodes().then(setReasonCodes, () => undefined);
		stamp();
	}, [loadQueues, data, stamp]);

	// Other officers' changes appear without a restart; what is typed (drafts) is never touched.
	const refresh = useCallback(async () => {
		await loadQueues();
		window.reload();
		if (caseNumber) await loadCase(caseNumber);
		stamp();
	}, [loadQueues, window, caseNumber, loadCase, stamp]);

	// The screen shown, for the poll below (it must not restart its timer on every screen change).
	const screenRef = useRef(screen);
	screenRef.current = screen;
	useEffect(() => {
		if (!pollMs) return;
		const timer = setInterval(() => {
			void data.changeMark().then(
				(mark) => {
					if (changeMark.current !== null && mark !== changeMark.current) {
						void refresh();
						if (screenRef.current !== 'pool') poolStaleRef.current = true;
						// The Rounds screen reads again (a short list); ranking the pool again takes seconds on a
						// large store, so the Pool screen says so and leaves it to the officer (r).
						if (screenRef.current === 'rounds') setScreenReload((n) => n + 1);
						if (screenRef.current === 'pool') say(POOL_STALE);
					}
					changeMark.current = mark;
				},
				() => undefined,
			);
		}, pollMs);
		return () => clearInterval(timer);
	}, [pollMs, data, refresh, say]);

	// The notice that the pool is out of date is about the Pool screen: it goes when the screen does.
	useEffect(() => {
		if (screen !== 'pool') setMessage((m) => (m?.text === POOL_STALE ? null : m));
	}, [screen]);

	// Keep the cursor inside the list and the window around the cursor.
	useEffect(() => {
		if (total > 0 && cursor >= total) setCursor(total - 1);
	}, [total, cursor]);
	useEffect(() => {
		const rows = bodyHeight;
		if (cursor < top) setTop(cursor);
		else if (cursor >= top + rows) setTop(cursor - rows + 1);
		// A list that shrank (cases taken, a taller terminal) is not left half empty below its end.
		else if (total > 0 && top > Math.max(0, total - rows)) setTop(Math.max(0, total - rows));
	}, [cursor, top, bodyHeight, total]);

	const openCase = useCallback(
		(number: string) => {
			setCaseNumber(number);
			setDetail(null);
			setTab(0);
			setScroll(0);
			setDocIndex(0);
			void loadCase(number);
		},
		[loadCase],
	);

	const hasDrafts =
		[...noteDrafts.values()].some((buffer) => textOf(buffer).trim() !== '') ||
		[...decisionDrafts.values()].some((draft) => textOf(draft.text).trim() !== '') ||
		[...reviewDrafts.values()].some((draft) => textOf(draft.text).trim() !== '');

	/**
	 * Runs one change through the port and says how it went, then reads the store again. A change
	 * refused for a version conflict (the case changed meanwhile) reads the store again too, so
	 * the screen shows the case as it is now; the draft of the change is kept.
	 */
	const act = useCallback(
		async <T,>(label: string | ((result: T) => string), action: () => Promise<T>, after?: () => void) => {
			// One change at a time: a second Ctrl+S while the first is saving must not save twice
			// (notes are append-only, so a duplicate would stay on the record).
			if (busyRef.current) return say('still working on the last change…', 'warning');
			busyRef.current = true;
			setBusy(true);
			try {
				const result = await action();
				say(typeof label === 'function' ? label(result) : label);
				after?.();
			} catch (error) {
				say(errorText(error), 'error');
				if (!isConflict(error)) return;
			} finally {
				// Only the change itself is guarded: a slow refresh after it must not block the next one.
				busyRef.current = false;
				setBusy(false);
			}
			await refresh();
		},
		[refresh, say],
	);

	const caseLines = useMemo(() => (detail ? tabLines(CASE_TABS[tab]!, detail, width, docIndex) : ['Loading…']), [detail, tab, width, docIndex]);
	const caseBodyHeight = height - 3;
	const onDocuments = caseNumber !== null && CASE_TABS[tab] === 'Documents';
	const documentCount = detail?.documents.length ?? 0;

	// On the Documents tab the chosen document stays in view.
	useEffect(() => {
		if (!onDocuments || !detail) return;
		const offsets = documentLineOffsets(detail, width);
		const first = offsets[docIndex] ?? 0;
		const end = offsets[docIndex + 1] ?? caseLines.length;
		if (first < scroll) setScroll(first);
		else if (end > scroll + caseBodyHeight) setScroll(Math.max(0, end - caseBodyHeight));
	}, [onDocuments, detail, width, docIndex, scroll, caseBodyHeight, caseLines.length]);
	useEffect(() => {
		if (docIndex > 0 && docIndex >= documentCount) setDocIndex(Math.max(0, documentCount - 1));
	}, [docIndex, documentCount]);

	const runCommand = useCallback(
		(id: string) => {
			if (screen !== 'main' && caseNumber === null) {
				// The Pool and Rounds screens handle their own moves; from the palette only these apply.
				if (!POOL_SCREEN_COMMANDS.has(id)) return say('not on this screen (Esc back to the queue)', 'warning');
				if (id === 'back') return setScreen('main');
				if (id === 'refresh') {
					// Ranked again: the notice that the store changed since is answered.
					setMessage((m) => (m?.text === POOL_STALE ? null : m));
					return setScreenReload((n) => n + 1);
				}
			}
			const inCase = caseNumber !== null;
			const rows = inCase ? caseBodyHeight : bodyHeight;
			const moveBy = (delta: number) => {
				if (onDocuments) setDocIndex((d) => Math.max(0, Math.min(documentCount - 1, d + delta)));
				else if (inCase) setScroll((s) => Math.max(0, Math.min(Math.max(0, caseLines.length - rows), s + delta)));
				else setCursor((c) => Math.max(0, Math.min(Math.max(0, total - 1), c + delta)));
			};
			switch (id) {
				case 'move.down':
					return moveBy(1);
				case 'move.up':
					return moveBy(-1);
				case 'page.down':
				case 'page.up': {
					const delta = id === 'page.down' ? rows : -rows;
					// The window turns a page too (the cursor keeps its place on the screen).
					if (!inCase) setTop((t) => Math.max(0, Math.min(Math.max(0, total - rows), t + delta)));
					return moveBy(delta);
				}
				case 'move.first':
					if (onDocuments) return setDocIndex(0);
					return inCase ? setScroll(0) : setCursor(0);
				case 'move.last':
					if (onDocuments) return setDocIndex(Math.max(0, documentCount - 1));
					return inCase ? setScroll(Math.max(0, caseLines.length - rows)) : setCursor(Math.max(0, total - 1));
				case 'open':
					if (!inCase) {
						const row = currentRow();
						if (row) openCase(row.applicationNumber);
					}
					return;
				case 'back':
					if (inCase) {
						setCaseNumber(null);
						setDetail(null);
						return;
					}
					if (filter) {
						setFilter('');
						setFilterDraft('');
						return;
					}
					return;
				case 'filter':
					setFilterDraft(filter);
					return setOverlay('filter');
				case 'palette':
					setPaletteQuery('');
					return setOverlay('palette');
				case 'help':
					return setOverlay('help');
				case 'queues.next':
				case 'queues.previous': {
					if (queues.length === 0) return;
					const step = id === 'queues.next' ? 1 : queues.length - 1;
					return selectQueue((queueIndexRef.current + step) % queues.length, queues);
				}
				case 'queue.save': {
					if (inCase) return say('back to the queue first (Esc): what is saved is the queue view', 'warning');
					if (!queue) return;
					if (savedQueueQuery(queue, filter) === null) return say(`"${queue.name}" cannot be written in the filter language, so not saved: filter All cases instead`, 'warning');
					setSaveDraft((d) => ({...d, step: 'name', problem: null}));
					return setOverlay('save');
				}
				case 'sort.next': {
					const next = SORTS[(SORTS.indexOf(sort) + 1) % SORTS.length]!;
					setSort(next);
					setCursor(0);
					setTop(0);
					return say(`sorted by ${next}`);
				}
				case 'sort.reverse':
					setDescending((d) => !d);
					setCursor(0);
					setTop(0);
					return;
				case 'tab.next':
					if (!inCase) return;
					setScroll(0);
					setDocIndex(0);
					return setTab((t) => (t + 1) % CASE_TABS.length);
				case 'tab.previous':
					if (!inCase) return;
					setScroll(0);
					setDocIndex(0);
					return setTab((t) => (t + CASE_TABS.length - 1) % CASE_TABS.length);
				case 'note.add':
					if (!inCase) return say('open a case first (Enter)', 'warning');
					return setOverlay('note');
				case 'decide':
					if (!inCase || !detail) return say('open a case first (Enter)', 'warning');
					if (!me.roles.includes('officer')) return say('recording a decision needs the officer role', 'error');
					// The decision rests on the case as it is now: the version saved with it is this one.
					setDecisionDrafts((drafts) => new Map(drafts).set(caseNumber, {...(drafts.get(caseNumber) ?? emptyDecisionDraft()), seenVersion: detail.version}));
					dialogOpenedRef.current = true;
					return setOverlay('decide');
				case 'review': {
					if (!inCase || !detail) return say('open a case first (Enter)', 'warning');
					if (!me.roles.includes('supervisor')) return say('review needs the supervisor role', 'error');
					const pending = [...detail.decisions].reverse().find((d) => d.reviewRequired && !d.reviewOutcome);
					if (!pending) return say('no decision of this case awaits review', 'warning');
					if (pending.officer === me.userName) return say('you recorded this decision: another supervisor must review it', 'error');
					// The review rests on the case as it is now: the version saved with it is this one.
					setReviewDrafts((drafts) => new Map(drafts).set(caseNumber, {...(drafts.get(caseNumber) ?? emptyReviewDraft()), seenVersion: detail.version}));
					dialogOpenedRef.current = true;
					return setOverlay('review');
				}
				case 'assign.me': {
					const tags = taggedRef.current;
					const numbers = !inCase && tags.size > 0 ? [...tags] : [inCase ? caseNumber : currentRow()?.applicationNumber].filter((n): n is string => Boolean(n));
					if (numbers.length === 0) return;
					return void act(`assigned ${numbers.length === 1 ? numbers[0] : `${numbers.length} cases`} to you`, async () => {
						for (const number of numbers) await data.assignToMe(number);
					}, () => setTagged(new Set()));
				}
				case 'take.next': {
					// My cases holds only cases assigned to me: take from Unassigned then.
					const from = inCase || queueName === 'My cases' ? 'Unassigned' : queueName;
					let taken: string | null = null;
					return void act(() => `took ${taken}`, async () => {
						taken = await data.takeNext(from);
						if (taken) openCase(taken);
						else throw new Error(`no unassigned case in ${from}`);
					});
				}
				case 'bring-forward':
					if (!inCase) return say('open a case first (Enter)', 'warning');
					setBfDraft(detail?.bringForwardOn ?? '');
					return setOverlay('bf');
				case 'refresh':
					return void refresh().then(() => say('refreshed'));
				case 'pool.open':
				case 'rounds.open': {
					// From a case too (the palette): the case closes, its drafts are kept. Coming from
					// elsewhere the screen opens afresh; from a case opened on it, as it was.
					const target = id === 'pool.open' ? 'pool' : 'rounds';
					if (screen !== target) {
						if (target === 'pool') {
							setPoolState(INITIAL_POOL_STATE);
							// The store changed since the pool was last ranked: ranked again, not shown as it was.
							setPoolRankAgain(poolStaleRef.current);
							poolStaleRef.current = false;
						}
						else setRoundsState(INITIAL_ROUNDS_STATE);
					}
					setCaseNumber(null);
					setDetail(null);
					return setScreen(target);
				}
				case 'tag': {
					const row = currentRow();
					if (inCase || !row) return;
					const n = row.applicationNumber;
					// From the tags as the keys so far left them (Space j Space in one burst tags both).
					const next = new Set(taggedRef.current);
					if (next.has(n)) next.delete(n);
					else next.add(n);
					setTagged(next);
					return moveBy(1);
				}
				case 'quit':
					if (hasDrafts) return setOverlay('quit');
					return exit();
			}
		},
		[screen, caseNumber, onDocuments, documentCount, caseBodyHeight, bodyHeight, caseLines.length, total, currentRow, openCase, filter, queues, queue, selectQueue, sort, say, detail, me, tagged, act, data, queueName, refresh, hasDrafts, exit],
	);

	// After the render that follows such a command, keys go where they normally go again.
	const [, setRendered] = useState(0);
	useEffect(() => {
		openingRef.current = null;
	});

	useInput(
		(input, key) => {
			const names = keyNames(input, key);
			if (openingRef.current !== null) {
				burstAfter(openingRef.current, names);
				return;
			}
			// Keys typed earlier still wait (for rows being read): this one goes after them.
			if (typeAheadWaiting()) {
				typeAhead(names);
				return;
			}
			for (let i = 0; i < names.length; i++) {
				const name = names[i]!;
				if (caseNumber !== null && /^[1-6]$/.test(name)) {
					setScroll(0);
					setDocIndex(0);
					setTab(Number(name) - 1);
					// The keys after it scroll the tab chosen, once drawn.
					handOn(names.slice(i + 1));
					break;
				}
				if (caseNumber === null && /^[0-9]$/.test(name)) {
					const index = queues.findIndex((q) => q.digitKey === Number(name));
					if (index < 0) continue;
					selectQueue(index, queues);
					handOn(names.slice(i + 1));
					break;
				}
				let id = commandFor(keyMap, name, caseNumber === null ? 'queue' : 'case');
				// On the queue with nothing to go back from, q (a `back` key other than Esc) quits.
				if (id === 'back' && name !== 'escape' && caseNumber === null && !filter) id = 'quit';
				if (!id) continue;
				// A command on the row under the cursor while that row is still being read (a new
				// filter, a page further down) waits for it, with the keys after it.
				if (ROW_COMMANDS.has(id) && caseNumber === null && currentRow() === undefined && windowRef.current.busy()) {
					openingRef.current = TYPED_AHEAD;
					typeAhead(names.slice(i));
					break;
				}
				// Clear the last message first, so that what this command says is shown.
				setMessage((m) => (m?.kind === 'error' ? m : null));
				dialogOpenedRef.current = false;
				runCommand(id);
				if (!SCREEN_CHANGING.has(id)) continue;
				openingRef.current = id;
				setRendered((n) => n + 1);
				burstAfter(id, names.slice(i + 1));
				break;
			}
		},
		{isActive: overlay === null && (screen === 'main' || caseNumber !== null) && !small},
	);

	/** The rest of a burst, after a key that changed what the keys act on: to the next render. */
	function handOn(rest: readonly string[]) {
		if (rest.length === 0) return;
		openingRef.current = TYPED_AHEAD;
		typeAhead(rest);
	}

	/**
	 * Keys of the same burst that arrive after command `id` changed the screen or opened an editor,
	 * before the next render: typed into the editor it opened, as if typed there; the keys after
	 * the one that closes it — and all of them after a command that changes the screen — are
	 * delivered to the new screen after its render (typeahead.tsx). After quitting or taking the
	 * next case (which opens once the store answers), none.
	 */
	function burstAfter(id: string, names: readonly string[]) {
		if (id === TYPED_AHEAD) return typeAhead(names);
		const rest = forwardBurst(id, names);
		if (rest === null) return;
		openingRef.current = TYPED_AHEAD;
		if (!ENDS_BURST.has(id)) typeAhead(rest);
	}

	/**
	 * The rest of a burst of keys after `id` opened an editor: into that editor, as if typed there.
	 * Returns the keys left after the editor closed (those after the Enter or Esc that closed it),
	 * or all of them when `id` opened no editor; null while the editor stays open.
	 */
	function forwardBurst(id: string, rest: readonly string[]): readonly string[] | null {
		if (rest.length === 0) return null;
		if (id === 'filter') {
			const {value, end, after} = lineKeys(filterDraftRef.current, rest);
			const kept = end === 'cancel' ? '' : value;
			setFilterDraft(kept);
			setFilter(kept);
			setCursor(0);
			setTop(0);
			if (!end) return null;
			setOverlay(null);
			return after;
		} else if (id === 'palette') {
			// Enter or Esc, and what follows, go to the palette once it is drawn: it runs or closes there.
			const {value, end, after} = lineKeys('', rest);
			setPaletteQuery(value);
			return end ? rest.slice(rest.length - after.length - 1) : null;
		} else if (id === 'bring-forward' && caseNumber !== null) {
			const {value, end, after} = lineKeys(detail?.bringForwardOn ?? '', rest);
			setBfDraft(value);
			if (end === 'submit') submitBringForward(value);
			if (end === 'cancel') setOverlay(null);
			return end ? after : null;
		} else if (id === 'note.add' && caseNumber !== null) {
			const upTo = rest.findIndex((name) => name === 'escape' || name === 'ctrl+s' || name === '\u0013');
			const keys = upTo < 0 ? rest : rest.slice(0, upTo);
			setNoteDrafts((drafts) => new Map(drafts).set(caseNumber, keys.reduce(editKey, drafts.get(caseNumber) ?? bufferOf(''))));
			// Esc or Ctrl+S, and what follows, go to the editor once it is drawn: it closes or saves as if pressed there.
			return upTo < 0 ? null : rest.slice(upTo);
		} else if (id === 'queue.save') {
			const {draft, action} = saveQueueKeys(saveDraft, rest, queues);
			setSaveDraft(draft);
			if (action === 'close') setOverlay(null);
			if (action === 'save') void submitSaveQueue(draft);
			return null;
		} else if (id === 'decide' || id === 'review') {
			// To the dialog once it is drawn, key by key, as if typed there; a Ctrl+S among them is
			// refused there (typed ahead: the officer sees the dialog filled and presses Ctrl+S).
			// When the dialog did not open (no case, no role), they are dropped.
			const opened = dialogOpenedRef.current;
			dialogOpenedRef.current = false;
			return opened ? rest : [];
		}
		return EDITORS.has(id) ? null : rest;
	}

	/**
	 * Saves the queue view as the queue `draft` names. Saved, the prompt closes and the new queue
	 * is shown; refused by the store, the prompt stays open with what was typed and says why, on
	 * the step the refusal is about (the name, or the digit).
	 */
	async function submitSaveQueue(draft: SaveQueueDraft) {
		const query = queue ? savedQueueQuery(queue, filter) : null;
		if (query === null) return;
		const name = cleanQueueName(draft.name);
		const digitKey = digitOf(draft);
		// One change at a time (as `act`): a second Enter while the first is saving must not save twice.
		if (busyRef.current) return setSaveDraft({...draft, problem: 'still working on the last change…'});
		busyRef.current = true;
		setBusy(true);
		try {
			await data.saveQueue({name, query, sort, descending, digitKey});
		} catch (error) {
			const problem = errorText(error);
			setSaveDraft({...draft, step: stepOfRefusal(problem, draft.step), problem});
			return;
		} finally {
			busyRef.current = false;
			setBusy(false);
		}
		setOverlay(null);
		setSaveDraft(EMPTY_SAVE_DRAFT);
		showAfterLoad.current = name;
		say(`saved queue "${name}"${digitKey === null ? '' : ` (key ${digitKey})`}: ${query || 'every case'}, by ${sort} ${descending ? 'descending' : 'ascending'}`);
		await refresh();
	}

	function submitBringForward(value: string) {
		const date = resolveDate(value, today());
		if (date === undefined) return say(`"${value}" is not a date (YYYY-MM-DD or +N)`, 'warning');
		// Refused here, with the prompt and what was typed kept (the store would refuse it too).
		if (date !== null && date < today()) return say(`${date} is in the past (today is ${today()})`, 'warning');
		if (caseNumber === null) return;
		setOverlay(null);
		void act(date ? `bring-forward set to ${date}` : 'bring-forward cleared', () => data.setBringForward(caseNumber, date));
	}

	// The keys that quit (from the queue): the back keys other than Esc, and the quit command's.
	const quitKeys = [...(keyMap.get('back') ?? []).filter((key) => key !== 'escape'), ...(keyMap.get('quit') ?? [])];

	// A terminal too small: only quitting does something (asking first when a draft would be lost).
	useInput(
		(input, key) => {
			if (keyNames(input, key).some((name) => quitKeys.includes(name) && name !== 'ctrl+c')) runCommand('quit');
		},
		{isActive: small && overlay !== 'quit'},
	);

	// Ctrl+C anywhere: quit, asking first when a draft would be lost.
	useInput((input, key) => {
		if (key.ctrl && input === 'c') {
			if (overlay === 'quit') return exit();
			runCommand('quit');
		}
	});

	useInput(
		(input, key) => {
			if (input === 'y' || input === 'Y') return exit();
			if (input === 'n' || input === 'N' || key.escape) {
				setOverlay(null);
				say('nothing discarded');
			}
		},
		{isActive: overlay === 'quit'},
	);

	// The document pager: the key map's moves scroll, Space pages, Esc/q close.
	useInput(
		(input, key) => {
			const rows = caseBodyHeight - 1; // below the title line
			for (const name of keyNames(input, key)) {
				const id = name === 'space' ? 'page.down' : commandFor(keyMap, name, 'case');
				if (id === 'back') return setOverlay(null);
				setPager((p) => {
					if (!p) return p;
					const maxTop = Math.max(0, p.lines.length - rows);
					const to =
						id === 'move.down' ? p.top + 1 : id === 'move.up' ? p.top - 1 : id === 'page.down' ? p.top + rows : id === 'page.up' ? p.top - rows : id === 'move.first' ? 0 : id === 'move.last' ? maxTop : p.top;
					return {...p, top: Math.max(0, Math.min(maxTop, to))};
				});
			}
		},
		{isActive: overlay === 'pager' && !small},
	);

	// Enter on the Documents tab opens the chosen document (j/k choose) in the pager.
	useInput(
		(input, key) => {
			if (!detail || CASE_TABS[tab] !== 'Documents' || overlay !== null) return;
			if (input === 'v' || keyNames(input, key).some((name) => (keyMap.get('open') ?? []).includes(name))) {
				const doc = detail.documents[Math.min(docIndex, detail.documents.length - 1)];
				if (!doc) return;
				void data.documentText(doc.id).then(
					(text) => {
						setPager({title: `${doc.title} (${doc.fileName})`, lines: safeLines(text).flatMap((line) => wrapLine(line, width)), top: 0});
						setOverlay('pager');
					},
					(error) => say(errorText(error), 'error'),
				);
			}
		},
		{isActive: overlay === null && caseNumber !== null && !small},
	);

	// The review dialog open on a case whose decision no longer awaits review (another supervisor
	// reviewed it meanwhile): Esc closes it (the draft stays).
	const pendingReview = detail ? [...detail.decisions].reverse().find((d) => d.reviewRequired && !d.reviewOutcome) : undefined;
	useInput(
		(input, key) => {
			if (keyNames(input, key).some((name) => name === 'escape' || commandFor(keyMap, name, 'case') === 'back')) setOverlay(null);
		},
		{isActive: overlay === 'review' && detail !== null && !pendingReview && !small},
	);

	// Keys typed ahead of a screen change act once the queue's rows, the open case, and the Pool or
	// Rounds screen's rows are read.
	// Declared after every key handler above: their effects (which subscribe the handlers of
	// this render) run first.
	useTypeAheadDelivery(() => !windowRef.current.busy() && caseLoadsRef.current === 0 && !screenLoadingRef.current);

	// ---- drawing ----
	const position = caseNumber ? caseNumber : screen !== 'main' ? '' : total === 0 ? '0 of 0' : `${top + 1}–${Math.min(total, top + bodyHeight)} of ${total}`;
	const statusBar = overlay === 'save' ? (
		<SaveQueuePrompt
			draft={saveDraft}
			queues={queues}
			width={width}
			theme={theme}
			onChange={setSaveDraft}
			onClose={() => setOverlay(null)}
			onSave={(draft) => void submitSaveQueue(draft)}
		/>
	) : (
		<StatusBar
			officer={me.userName}
			roles={me.roles}
			store={data.storeName()}
			queue={screen === 'pool' ? 'Pool' : screen === 'rounds' ? 'Rounds' : queueName}
			position={position}
			refreshedAt={busy ? 'working…' : refreshedAt}
			message={overlay === 'quit' ? {text: 'Discard unsaved drafts and quit? y/n', kind: 'warning'} : message ?? (window.error ? {text: window.error, kind: 'error'} : null)}
			width={width}
			theme={theme}
		/>
	);

	let body: React.ReactNode;
	if (overlay === 'help') body = <HelpOverlay keyMap={keyMap} keysPath={keysPath} width={width} height={height - 1} theme={theme} onClose={() => setOverlay(null)} />;
	else if (overlay === 'palette')
		body = (
			<CommandPalette
				keyMap={keyMap}
				initialQuery={paletteQuery}
				width={width}
				height={height - 1}
				theme={theme}
				onClose={() => setOverlay(null)}
				onRun={(id) => {
					setOverlay(null);
					runCommand(id);
				}}
			/>
		);
	else if (caseNumber !== null) body = caseBody();
	else if (screen === 'pool')
		body = (
			<PoolScreen
				data={data}
				theme={theme}
				keyMap={keyMap}
				width={width}
				height={height - 1}
				asOf={today()}
				active={overlay === null}
				reloadToken={screenReload}
				rankAgain={poolRankAgain}
				state={poolState}
				onState={setPoolState}
				onOpenCase={openCase}
				onBack={() => setScreen('main')}
				onCommand={runCommand}
				onError={(text) => say(text, 'error')}
				onLoading={onScreenLoading}
			/>
		);
	else if (screen === 'rounds')
		body = (
			<RoundsScreen
				data={data}
				theme={theme}
				keyMap={keyMap}
				width={width}
				height={height - 1}
				active={overlay === null}
				reloadToken={screenReload}
				state={roundsState}
				onState={setRoundsState}
				onOpenCase={openCase}
				onBack={() => setScreen('main')}
				onCommand={runCommand}
				onError={(text) => say(text, 'error')}
				onLoading={onScreenLoading}
			/>
		);
	else body = queueBody();

	function queueBody() {
		const columns = columnsFor(width);
		const rows: CaseRow[] = [];
		for (let i = top; i < Math.min(total, top + bodyHeight); i++) {
			const row = window.rowAt(i);
			if (row) rows.push(row);
		}
		const tabLine = queueTabLine(queues, queueIndex, width);
		const sortIndex = columns.findIndex((column) => column.sort === sort && (sort !== 'number' || column.title === 'Application'));
		return (
			<>
				<Text wrap="truncate">{tabLine || 'Loading queues…'}</Text>
				{overlay === 'filter' ? (
					<LineInput
						label="/ "
						value={filterDraft}
						latestValue={() => filterDraftRef.current}
						width={width}
						theme={theme}
						hint="Enter keeps, Esc clears"
						onChange={(value) => {
							setFilterDraft(value);
							setFilter(value);
							setCursor(0);
							setTop(0);
						}}
						onSubmit={() => setOverlay(null)}
						onCancel={() => {
							setFilter('');
							setFilterDraft('');
							setOverlay(null);
						}}
					/>
				) : (
					<Text color={theme.muted} wrap="truncate">
						{fitWidth(filter ? `filter: ${safeText(filter)}   (/ edit, Esc clear)` : 'filter: none   (/ to filter, ? for keys, : for commands)', width)}
					</Text>
				)}
				<Table
					columns={columns}
					rows={rows}
					selected={cursor - top}
					width={width}
					theme={theme}
					rowKey={(row) => row.applicationNumber}
					tagged={tagged}
					empty={window.error ? 'Cannot list this queue: see the message below.' : window.loading ? 'Loading…' : 'No cases in this queue.'}
					sortColumn={sortIndex >= 0 ? sortIndex : undefined}
					descending={descending}
				/>
			</>
		);
	}

	function caseBody() {
		const header = detail
			? `${detail.applicationNumber}  ${safeText(detail.applicant.familyName)}, ${safeText(detail.applicant.givenNames)}  ${detail.program}  ${statusLabel(detail.status)}  v${detail.version}`
			: `${caseNumber}  loading…`;
		const tabsLine = CASE_TABS.map((name, i) => (i === tab ? `[${i + 1} ${name}]` : ` ${i + 1} ${name} `)).join('');
		const contentHeight = caseBodyHeight;
		let content: React.ReactNode;
		if (overlay === 'note' && caseNumber) {
			const buffer = noteDrafts.get(caseNumber) ?? bufferOf('');
			content = (
				<Box flexDirection="column">
					<Text bold={theme.bold}>{fitWidth(`New note for ${caseNumber}  Ctrl+S: save  Esc: close (draft kept)`, width)}</Text>
					<TextArea
						buffer={buffer}
						width={width}
						height={contentHeight - 1}
						theme={theme}
						onChange={(next) => setNoteDrafts((drafts) => new Map(drafts).set(caseNumber, next))}
						onClose={() => {
							setOverlay(null);
							if (textOf(buffer).trim()) say('note draft kept: n to continue', 'info');
						}}
						onSave={(current) => {
							if (refusedTypedAhead()) return;
							const body = textOf(current);
							if (!body.trim()) return say('the note is empty', 'warning');
							void act('note added', () => data.addNote(caseNumber, body), () => {
								const next = new Map(noteDrafts);
								next.delete(caseNumber);
								setNoteDrafts(next);
								setOverlay(null);
								setTab(CASE_TABS.indexOf('Notes'));
							});
						}}
					/>
				</Box>
			);
		} else if (overlay === 'decide' && detail && caseNumber) {
			const draft = decisionDrafts.get(caseNumber) ?? emptyDecisionDraft();
			content = (
				<DecisionDialog
					detail={detail}
					reasonCodes={reasonCodes}
					draft={draft}
					width={width}
					height={contentHeight}
					theme={theme}
					onChange={(next) => setDecisionDrafts((drafts) => new Map(drafts).set(caseNumber, next))}
					onClose={() => setOverlay(null)}
					onSave={(current) => {
						if (refusedTypedAhead()) return;
						const text = textOf(current.text);
						const missing = missingForDecision(detail, current.outcome, current.reasons, text);
						if (missing) return say(missing, 'warning');
						// A bring-forward date belongs to an RFI or a PFL only (one typed before switching outcome is not sent).
						const bfText = current.outcome === 'rfi' || current.outcome === 'pfl' ? current.bf.trim() : '';
						const bf = bfText ? resolveDate(bfText, today()) : undefined;
						if (bf === undefined && bfText) return say(`bring-forward date "${bfText}" is not YYYY-MM-DD or +N`, 'warning');
						void act(
							(result: {status: string; reviewRequired: boolean}) =>
								result.reviewRequired ? `decision recorded: ${current.outcome} (${statusLabel(result.status)}): a supervisor will review it` : `decision recorded: ${current.outcome}`,
							() =>
								data.decide(caseNumber, {
									outcome: current.outcome,
									reasonCodes: current.reasons,
									text,
									bringForwardOn: bf ?? undefined,
									expectedVersion: current.seenVersion ?? detail.version,
								}),
							() => {
								const next = new Map(decisionDrafts);
								next.delete(caseNumber);
								setDecisionDrafts(next);
								setOverlay(null);
							},
						);
					}}
				/>
			);
		} else if (overlay === 'review' && detail && caseNumber) {
			const decision = pendingReview;
			const draft = reviewDrafts.get(caseNumber) ?? emptyReviewDraft();
			content = decision ? (
				<ReviewDialog
					detail={detail}
					decision={decision}
					draft={draft}
					width={width}
					height={contentHeight}
					theme={theme}
					onChange={(next) => setReviewDrafts((drafts) => new Map(drafts).set(caseNumber, next))}
					onClose={() => setOverlay(null)}
					onSave={(current) => {
						if (refusedTypedAhead()) return;
						const text = textOf(current.text);
						if (current.outcome === 'return' && !text.trim()) return say('returning needs text for the officer', 'warning');
						const expectedVersion = current.seenVersion ?? detail.version;
						void act(`review recorded: ${current.outcome}`, () => data.review(caseNumber, {outcome: current.outcome, text, expectedVersion}), () => {
							const next = new Map(reviewDrafts);
							next.delete(caseNumber);
							setReviewDrafts(next);
							setOverlay(null);
						});
					}}
				/>
			) : (
				<Text>{fitWidth('No decision of this case awaits review now (Esc closes; your draft is kept).', width)}</Text>
			);
		} else if (overlay === 'pager' && pager) {
			content = (
				<Box flexDirection="column">
					<Text bold={theme.bold}>{fitWidth(`${safeText(pager.title)}  (j/k scroll, Esc close)`, width)}</Text>
					{pager.lines.slice(pager.top, pager.top + contentHeight - 1).map((line, i) => (
						<Text key={i}>{fitWidth(line, width)}</Text>
					))}
				</Box>
			);
		} else {
			const lines = caseLines.slice(scroll, scroll + contentHeight);
			content = (
				<Box flexDirection="column">
					{lines.map((line, i) => (
						<Text key={scroll + i} wrap="truncate">
							{fitWidth(line, width) || ' '}
						</Text>
					))}
				</Box>
			);
		}
		return (
			<>
				<Text bold={theme.bold} color={theme.accent} wrap="truncate">
					{fitWidth(header, width)}
				</Text>
				{overlay === 'bf' ? (
					<LineInput
						label="Bring-forward date (YYYY-MM-DD, +N days, empty clears): "
						value={bfDraft}
						width={width}
						theme={theme}
						onChange={setBfDraft}
						onCancel={() => setOverlay(null)}
						onSubmit={submitBringForward}
					/>
				) : (
					<Text wrap="truncate">{fitWidth(tabsLine, width)}</Text>
				)}
				<Box flexDirection="column" height={contentHeight}>
					{content}
				</Box>
			</>
		);
	}

	if (small) {
		const reserve = reserveLastLine ? 1 : 0;
		return (
			<SmallTerminal
				size={size}
				width={size.columns - reserve}
				height={size.rows - reserve}
				quitKey={keyLabel(quitKeys.slice(0, 1)) || 'Ctrl+C'}
				asking={overlay === 'quit' ? 'Discard unsaved drafts and quit? y/n' : null}
				theme={theme}
			/>
		);
	}

	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box flexDirection="column" height={height - 1} overflow="hidden">
				{body}
			</Box>
			{statusBar}
		</Box>
	);
}

