/**
 * Renders the workstation over a FakePort with ink-testing-library and drives it by keys:
 * `press` writes keys and lets Ink and React settle (event-loop turns, never a fixed sleep);
 * `waitFor` polls the last frame until a predicate holds or a deadline passes (and then fails
 * with the frame, so a failing test shows what the officer saw).
 */
import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import stringWidth from 'string-width';
import {afterEach, beforeEach, expect, vi, type MockInstance} from 'vitest';
import {App} from '../../source/ui/App.js';
import {defaultKeyMap, type KeyMap} from '../../source/ui/keymap.js';
import {themeFor, type Theme} from '../../source/ui/theme.js';
import type {Size} from '../../source/ui/use-terminal-size.js';
import {FakePort, NOW, TODAY} from './fake-port.js';

// A UI test presses many keys, each settling over event-loop turns; under a loaded machine the
// default 5 s per test is too tight for the longer walks (they take 1–4 s alone).
vi.setConfig({testTimeout: 30_000});

/** Key sequences as a terminal sends them. */
export const KEY = {
	down: '\u001B[B',
	up: '\u001B[A',
	right: '\u001B[C',
	left: '\u001B[D',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	backtab: '\u001B[Z',
	backspace: '\u007F',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
	home: '\u001B[H',
	end: '\u001B[F',
	ctrlC: '\u0003',
	ctrlS: '\u0013',
	ctrlR: '\u0012',
	ctrlF: '\u0006',
	ctrlB: '\u0002',
	ctrlU: '\u0015',
} as const;

export type RenderOptions = {
	size?: Size;
	theme?: Theme;
	keyMap?: KeyMap;
	/** The keys.json path the help names. */
	keysPath?: string;
	pollMs?: number;
	fake?: FakePort;
	/** The clock prop: a fixed one by default; `'none'` renders without it (as run.tsx does); `'inline'` a new function each render. */
	clock?: 'fixed' | 'none' | 'inline';
};

/** One event-loop turn (lets Ink flush a pending Esc and React run its effects). */
export function turn(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

export function renderApp(options: RenderOptions = {}) {
	const fake = options.fake ?? new FakePort();
	let size = options.size ?? {columns: 80, rows: 24};
	const theme = options.theme ?? themeFor({});
	const keyMap = options.keyMap ?? defaultKeyMap();
	const pollMs = options.pollMs ?? 0;
	const fixedClock = () => new Date(NOW);
	const clockProp = () => (options.clock === 'none' ? undefined : options.clock === 'inline' ? () => new Date(NOW) : fixedClock);
	const element = (s: Size) => <App data={fake} theme={theme} keyMap={keyMap} {...(options.keysPath ? {keysPath: options.keysPath} : {})} size={s} pollMs={pollMs} today={() => TODAY} clock={clockProp()} />;
	const instance = render(element(size));
	// Every frame is written at a size: remember which, so each can be checked against it.
	const sizes: Size[] = instance.frames.map(() => size); // the first frame is drawn by render() itself
	const write = instance.stdout.write;
	instance.stdout.write = (frame: string) => {
		sizes.push(size);
		write(frame);
	};
	rendered.push({frames: instance.frames, sizes});

	const frame = () => instance.lastFrame() ?? '';

	/** Waits until `predicate(frame)` holds; fails with the frame after `timeout` ms. */
	async function waitFor(predicate: (frame: string) => boolean, description = 'the expected frame', timeout = 5000): Promise<string> {
		const deadline = Date.now() + timeout;
		for (;;) {
			const current = frame();
			if (predicate(current)) return current;
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}; last frame:\n${current}`);
			await new Promise((resolve) => setTimeout(resolve, 2));
		}
	}

	/** Waits until the frame contains every text given. */
	function waitForText(...texts: string[]): Promise<string> {
		return waitFor((f) => texts.every((text) => f.includes(text)), texts.map((t) => JSON.stringify(t)).join(' and '));
	}

	/** Lets pending input, promises, renders and effects run: until nothing new is drawn for a few turns. */
	async function settle(): Promise<void> {
		let quiet = 0;
		let seen = instance.frames.length;
		for (let i = 0; i < 200 && quiet < 5; i++) {
			await turn();
			if (instance.frames.length === seen) quiet++;
			else {
				seen = instance.frames.length;
				quiet = 0;
			}
		}
	}

	/** Writes each key (one stdin chunk each) and settles after each. */
	async function press(...keys: string[]): Promise<string> {
		for (const key of keys) {
			instance.stdin.write(key);
			await settle();
		}
		return frame();
	}

	/** Types text as one burst (one chunk, as a paste or fast typing arrives). */
	async function type(text: string): Promise<string> {
		instance.stdin.write(text);
		await settle();
		return frame();
	}

	/** Renders at another size. */
	function resize(next: Size) {
		size = next;
		instance.rerender(element(size));
	}

	/** Whether the app has exited (Ink unmounted it: it no longer listens to the keyboard). */
	function exited(): boolean {
		return instance.stdin.listenerCount('readable') === 0;
	}

	/** The frame's lines. */
	const lines = () => frame().split('\n');

	/** The line holding the `>` selection marker, or undefined. */
	const selectedLine = () => lines().find((line) => /^\s*(\u001b\[[0-9;]*m)*>/.test(line));

	return {...instance, fake, frame, lines, selectedLine, waitFor, waitForText, settle, press, type, resize, exited, size: () => size};
}

export type Rendered = ReturnType<typeof renderApp>;

/** The apps rendered by the current test, with the size each frame was drawn at. */
const rendered: Array<{frames: string[]; sizes: Size[]}> = [];

/** Opens the workstation and waits until the first queue page is drawn. */
export async function openWorkstation(options: RenderOptions = {}): Promise<Rendered> {
	const app = renderApp(options);
	await app.waitFor((f) => /\d+–\d+ of \d+/.test(f) && f.includes('>'), 'the queue');
	await app.settle();
	return app;
}

/** Opens case `number` from the current queue, filtering it by the number (the filter stays). */
export async function openCase(app: Rendered, number: string): Promise<string> {
	await app.press('/', KEY.ctrlU);
	await app.type(number);
	await app.press(KEY.enter);
	await app.waitFor((f) => f.includes(number) && f.includes('1 of 1'), `the queue filtered to ${number}`);
	await app.press(KEY.enter);
	return app.waitFor((f) => f.includes('[1 Summary]') && f.includes(`Application ${number}`), `case ${number}`);
}

/** Switches to the queue named `name` with Tab. */
export async function switchToQueue(app: Rendered, name: string): Promise<string> {
	for (let i = 0; i < 12; i++) {
		if (app.frame().includes(`[${name} (`) || new RegExp(`\\[\\d ${name} \\(`).test(app.frame())) return app.frame();
		await app.press(KEY.tab);
	}
	throw new Error(`queue ${name} not reached; frame:\n${app.frame()}`);
}

/** Every line fits the terminal: at most `rows` lines, each at most `columns` display columns. */
export function expectFits(frame: string, size: Size): void {
	const lines = frame.split('\n');
	expect(lines.length, `frame has ${lines.length} lines:\n${frame}`).toBeLessThanOrEqual(size.rows);
	for (const line of lines) expect(stringWidth(line), `line too wide (${stringWidth(line)}): ${JSON.stringify(line)}`).toBeLessThanOrEqual(size.columns);
}

/** Characters untrusted data must never bring to the terminal raw. */
export function expectNoRawControls(frame: string): void {
	// ESC only as part of Ink's own SGR colour codes; none from the data.
	const withoutSgr = frame.replace(/\u001b\[[0-9;]*m/g, '');
	expect(withoutSgr, 'a raw ESC reached the frame').not.toContain('\u001b');
	expect(frame, 'a bidi override reached the frame').not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
	expect(frame).not.toMatch(/[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f\u0080-\u009f]/);
}

/**
 * Per-test hooks for a UI test file: unmounts what was rendered, and fails the test when React or
 * Ink reported an error on the console (an update loop, a key warning, an error thrown in a handler).
 */
export function useUiTestHooks(): void {
	let logged: string[] = [];
	let spy: MockInstance | undefined;
	beforeEach(() => {
		logged = [];
		spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
			logged.push(args.map(String).join(' ').split('\n')[0]!);
		});
	});
	afterEach(() => {
		cleanup();
		spy?.mockRestore();
		expect(logged, 'console.error during the test').toEqual([]);
		// The terminal contract holds for every frame drawn by every test, not only those it looked at.
		const apps = rendered.splice(0);
		for (const {frames, sizes} of apps) {
			frames.forEach((frame, i) => {
				const size = sizes[i];
				if (size) expectFits(frame, size);
				expectNoRawControls(frame);
			});
		}
	});
}
