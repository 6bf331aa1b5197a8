/**
 * The terminal screen between Ink and stdout (source/ui/terminal-screen.ts): the alternate screen
 * entered once and left once (at the process's exit at the latest), `ESC[3J` (erase the
 * scrollback) never written, and a change of size redrawn whole — the screen erased and the new
 * frame drawn in full — while key presses keep Ink's line-by-line redraw.
 *
 * The last test mounts the workstation with Ink's real renderer on a fake terminal (Ink draws
 * nothing interactive in CI mode, so CI is unset while Ink is first loaded in this file).
 */
import {EventEmitter} from 'node:events';
import React from 'react';
import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {CLEAR_SCREEN, ENTER_ALTERNATE_SCREEN, LEAVE_ALTERNATE_SCREEN, TerminalScreen} from '../../source/ui/terminal-screen.js';
import {FakePort, TODAY} from './fake-port.js';

/** A terminal: its size, and everything written to it. */
class FakeTerminal extends EventEmitter {
	columns = 80;
	rows = 24;
	isTTY = true;
	written: string[] = [];

	write(text: string, callback?: () => void): boolean {
		this.written.push(text);
		callback?.();
		return true;
	}

	resize(columns: number, rows: number): void {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}

	/** What was written since the last call. */
	take(): string {
		const text = this.written.join('');
		this.written = [];
		return text;
	}
}

const screens: TerminalScreen[] = [];
function screenOn(terminal: FakeTerminal): TerminalScreen {
	const screen = new TerminalScreen(terminal);
	screens.push(screen);
	return screen;
}
afterEach(() => {
	for (const screen of screens.splice(0)) screen.leave();
});

describe('TerminalScreen', () => {
	it('enters the alternate screen once and leaves it once', () => {
		const terminal = new FakeTerminal();
		const screen = screenOn(terminal);
		screen.enter();
		screen.enter();
		expect(terminal.take()).toBe(ENTER_ALTERNATE_SCREEN);
		expect(ENTER_ALTERNATE_SCREEN).toContain('\u001b[?1049h');
		screen.leave();
		screen.leave();
		expect(terminal.take()).toBe(LEAVE_ALTERNATE_SCREEN);
		expect(LEAVE_ALTERNATE_SCREEN).toBe('\u001b[?1049l');
	});

	it('leaves the alternate screen when the process exits without leaving it', () => {
		const terminal = new FakeTerminal();
		const screen = screenOn(terminal);
		screen.enter();
		terminal.take();
		process.emit('exit', 0);
		expect(terminal.take()).toBe(LEAVE_ALTERNATE_SCREEN);
		screen.leave();
		expect(terminal.take()).toBe('');
	});

	it('not a terminal: no alternate screen', () => {
		const terminal = new FakeTerminal();
		terminal.isTTY = false;
		const screen = screenOn(terminal);
		screen.enter();
		screen.leave();
		expect(terminal.take()).toBe('');
	});

	it('never writes ESC[3J (erase the scrollback): Ink’s clear keeps the rest', () => {
		const terminal = new FakeTerminal();
		const screen = screenOn(terminal);
		let called = false;
		screen.write('\u001b[2J\u001b[3J\u001b[Hframe', () => {
			called = true;
		});
		expect(terminal.take()).toBe('\u001b[2J\u001b[Hframe');
		expect(called).toBe(true);
	});

	it('tells of a new size; while it is laid out, writes are held back until redraw, which draws once more and repaints', () => {
		const terminal = new FakeTerminal();
		const screen = screenOn(terminal);
		const events: string[] = [];
		screen.on('resize', () => events.push(`resize ${screen.columns}×${screen.rows}`));
		screen.on('size', () => events.push('size'));
		terminal.resize(100, 30);
		expect(events).toEqual(['resize 100×30', 'size']);
		screen.write('stale frame');
		expect(terminal.take()).toBe('');
		screen.redraw(() => screen.write(`${CLEAR_SCREEN}whole frame`));
		expect(events).toEqual(['resize 100×30', 'size', 'resize 100×30']);
		expect(terminal.take()).toBe(`${CLEAR_SCREEN}whole frame`);
		// Redrawn: writes go through again; another redraw without a resize does nothing.
		screen.write('next');
		screen.redraw(() => screen.write('again'));
		expect(terminal.take()).toBe('next');
		// The same size again is no change.
		terminal.resize(100, 30);
		expect(events).toHaveLength(3);
	});

	it('without anything listening for sizes, a resize is passed on and nothing is held back', () => {
		const terminal = new FakeTerminal();
		const screen = screenOn(terminal);
		let resized = 0;
		screen.on('resize', () => resized++);
		terminal.resize(90, 24);
		screen.write('frame');
		expect(resized).toBe(1);
		expect(terminal.take()).toBe('frame');
	});
});

describe('the workstation on a real Ink renderer', () => {
	it('80 → 100 → 80 columns: each change erases the screen and draws the whole frame for the new width; keys redraw line by line', async () => {
		const saved = {CI: process.env.CI, CONTINUOUS_INTEGRATION: process.env.CONTINUOUS_INTEGRATION};
		delete process.env.CI;
		delete process.env.CONTINUOUS_INTEGRATION;
		const [{render}, {App}, {RepaintOnResize}, {defaultKeyMap}, {themeFor}] = await Promise.all([
			import('ink'),
			import('../../source/ui/App.js'),
			import('../../source/ui/components/RepaintOnResize.js'),
			import('../../source/ui/keymap.js'),
			import('../../source/ui/theme.js'),
		]);
		Object.assign(process.env, Object.fromEntries(Object.entries(saved).filter(([, value]) => value !== undefined)));
		const terminal = new FakeTerminal();
		const stdin = Object.assign(new EventEmitter(), {
			isTTY: true,
			data: null as string | null,
			setEncoding() {},
			setRawMode() {},
			resume() {},
			pause() {},
			ref() {},
			unref() {},
			read() {
				const data = this.data;
				this.data = null;
				return data;
			},
		});
		const press = (key: string) => {
			stdin.data = key;
			stdin.emit('readable');
		};
		const screen = screenOn(terminal);
		screen.enter();
		const instance = render(
			<RepaintOnResize screen={screen}>
				<App data={new FakePort()} theme={themeFor({TERM: 'dumb'})} keyMap={defaultKeyMap()} today={() => TODAY} pollMs={0} reserveLastLine />
			</RepaintOnResize>,
			{stdout: screen as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, exitOnCtrlC: false, incrementalRendering: true, maxFps: 60, patchConsole: false},
		);
		try {
			/** Polls until `predicate` holds for what was written since the last wait; fails after a deadline. */
			const until = async (predicate: (text: string) => boolean, what: string): Promise<string> => {
				const deadline = Date.now() + 10_000;
				let text = '';
				for (;;) {
					text += terminal.take();
					if (predicate(text)) return text;
					if (Date.now() > deadline) throw new Error(`never written: ${what}; written:\n${JSON.stringify(text)}`);
					await new Promise((resolve) => setTimeout(resolve, 2));
				}
			};
			const first = await until((text) => /\d+–\d+ of \d+/.test(text), 'the first frame');
			expect(first).not.toContain('\u001b[3J');
			/** The frame drawn after the last CLEAR_SCREEN, as lines, without colours and Ink's line ends. */
			const frameAfterClear = (text: string) =>
				text
					.slice(text.lastIndexOf(CLEAR_SCREEN) + CLEAR_SCREEN.length)
					.replace(/\u001b\[\?2026[hl]/g, '')
					.replace(/\u001b\[[0-9;]*m/g, '')
					.split('\n')
					.slice(0, 23);

			terminal.resize(100, 24);
			const wide = await until((text) => text.includes(CLEAR_SCREEN) && /of \d+/.test(text.slice(text.lastIndexOf(CLEAR_SCREEN))), 'the repaint at 100 columns');
			const wideLines = frameAfterClear(wide);
			expect(wideLines).toHaveLength(23);
			expect(wideLines[0]).toMatch(/^\[My cases \(26\)\] Unassigned/);
			expect(Math.max(...wideLines.map((line) => stringWidth(line)))).toBeGreaterThan(80);
			expect(Math.max(...wideLines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(99);

			terminal.resize(80, 24);
			const narrow = await until((text) => text.includes(CLEAR_SCREEN) && /of \d+/.test(text.slice(text.lastIndexOf(CLEAR_SCREEN))), 'the repaint at 80 columns');
			const narrowLines = frameAfterClear(narrow);
			expect(narrowLines).toHaveLength(23);
			expect(narrowLines[0]).toMatch(/^\[My cases \(26\)\] Unassigned/);
			for (const line of narrowLines) expect(stringWidth(line), line).toBeLessThanOrEqual(79);

			// A key press: only what changed is rewritten, the screen is not erased.
			press('j');
			const moved = await until((text) => text.includes('> E'), 'the cursor moved');
			expect(moved).not.toContain('\u001b[2J');
		} finally {
			instance.unmount();
		}
	});
});
