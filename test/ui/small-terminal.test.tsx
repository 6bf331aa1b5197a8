/**
 * A terminal smaller than 80×24: one notice instead of a cut-off screen, never larger than the
 * terminal; only quitting does anything meanwhile (asking first when a draft would be lost);
 * growing the terminal back brings back the screen as it was, drafts and places kept.
 */
import {describe, expect, it} from 'vitest';
import {smallTerminalLines, tooSmall} from '../../source/ui/screens/SmallTerminal.js';
import {CASES, FakePort} from './fake-port.js';
import {expectFits, KEY, openCase, openWorkstation, renderApp, useUiTestHooks} from './render-app.js';

useUiTestHooks();

const NOTICE = 'caips needs at least 80×24; this terminal is';

/** The frame as one line of words (the notice is wrapped to the width). */
const words = (frame: string) => frame.split('\n').map((line) => line.trim()).join(' ');

describe('a terminal smaller than 80×24', () => {
	it('started at 70×20: the notice, never the queue', async () => {
		const app = renderApp({size: {columns: 70, rows: 20}});
		await app.waitForText(NOTICE);
		await app.settle();
		for (const frame of app.frames) expect(frame).not.toContain('My cases');
		expectFits(app.frame(), {columns: 70, rows: 20});
	});

	it('70×20: the notice names both sizes and how to quit, and fits', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		app.resize({columns: 70, rows: 20});
		const frame = await app.waitForText(NOTICE);
		expect(words(frame)).toBe('caips needs at least 80×24; this terminal is 70×20. Enlarge it, or press q to quit.');
		expectFits(frame, {columns: 70, rows: 20});
		expect(frame).not.toContain('My cases');
	});

	it('one row or one column short is too small; 80×24 is not', () => {
		expect(tooSmall({columns: 80, rows: 23})).toBe(true);
		expect(tooSmall({columns: 79, rows: 24})).toBe(true);
		expect(tooSmall({columns: 80, rows: 24})).toBe(false);
		expect(tooSmall({columns: 200, rows: 60})).toBe(false);
	});

	it('a tiny terminal gets a notice cut to fit, never taller or wider than it', async () => {
		for (const size of [
			{columns: 30, rows: 5},
			{columns: 20, rows: 2},
			{columns: 12, rows: 1},
			{columns: 79, rows: 24},
		]) {
			const lines = smallTerminalLines(size, size.columns, size.rows, 'q');
			expect(lines.length, JSON.stringify(size)).toBeGreaterThan(0);
			expectFits(lines.join('\n'), size);
		}
		// The whole sentence while it fits, then a short one.
		expect(words(smallTerminalLines({columns: 30, rows: 3}, 30, 3, 'q').join('\n'))).toBe('caips needs at least 80×24; this terminal is 30×3. Enlarge it, or press q to quit.');
		expect(smallTerminalLines({columns: 30, rows: 2}, 30, 2, 'q')).toEqual(['need 80×24 (is 30×2); q quits']);
		const app = await openWorkstation();
		app.resize({columns: 30, rows: 2});
		const frame = await app.waitForText('need 80×24 (is 30×2); q quits');
		expectFits(frame, {columns: 30, rows: 2});
	});

	it('keys other than quit do nothing; growing back shows the queue where it was', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await app.press('j', 'j');
		const selected = app.selectedLine();
		expect(selected).toContain(CASES.arabic);
		app.resize({columns: 70, rows: 20});
		await app.waitForText(NOTICE);
		const calls = fake.calls.length;
		await app.press('j', KEY.enter, '/', 'x', ':', '?', 'n', 'd', 'a', 'N', KEY.escape, KEY.tab, '2');
		await app.type('jjj\r');
		expect(app.frame()).toContain(NOTICE);
		expect(fake.calls.slice(calls).filter((call) => call.method !== 'queuePage')).toEqual([]);
		expect(fake.writes()).toEqual([]);
		expect(app.exited()).toBe(false);
		app.resize({columns: 80, rows: 24});
		const frame = await app.waitForText('filter: none', '[My cases (26)]');
		expect(app.selectedLine()).toBe(selected);
		expectFits(frame, {columns: 80, rows: 24});
	});

	it('q quits at once when nothing would be lost', async () => {
		const app = await openWorkstation();
		app.resize({columns: 60, rows: 10});
		await app.waitForText('press q to quit');
		await app.press('q');
		await app.waitFor(() => app.exited(), 'the app to exit');
	});

	it('a note draft survives: the editor comes back with it; q asks first, n keeps it', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.press('n');
		await app.type('Checked the reference letter');
		await app.waitForText('Checked the reference letter');
		app.resize({columns: 79, rows: 30});
		await app.waitForText(NOTICE);
		// Typing meanwhile changes nothing (the editor is not there to take it).
		await app.type(' and more');
		await app.press(KEY.ctrlS);
		expect(fake.callsOf('addNote')).toEqual([]);
		await app.press('q');
		let frame = await app.waitForText('Discard unsaved drafts and quit? y/n');
		expectFits(frame, {columns: 79, rows: 30});
		await app.press('n');
		frame = await app.waitForText(NOTICE);
		expect(app.exited()).toBe(false);
		app.resize({columns: 80, rows: 24});
		frame = await app.waitForText(`Application ${CASES.helene}`);
		// The editor was closed by the quit question; its draft is there when it opens again.
		await app.press('n');
		frame = await app.waitForText(`New note for ${CASES.helene}`, 'Checked the reference letter');
		expect(frame).not.toContain('and more');
		await app.press(KEY.ctrlS);
		await app.waitForText('note added');
		expect(fake.callsOf('addNote')).toEqual([[CASES.helene, 'Checked the reference letter', undefined]]);
	});

	it('a decision draft open in its dialog is there again, in the dialog, after a resize through a small size', async () => {
		const app = await openWorkstation();
		await openCase(app, CASES.eligible);
		await app.press('d', '2', KEY.tab, KEY.tab);
		await app.type('Experience not established.');
		await app.waitForText('Outcome: Refuse', 'Experience not established.');
		app.resize({columns: 50, rows: 24});
		await app.waitForText(NOTICE);
		app.resize({columns: 100, rows: 30});
		const frame = await app.waitForText('Decision on', 'Outcome: Refuse', 'Experience not established.');
		expectFits(frame, {columns: 100, rows: 30});
	});

	it('Ctrl+C with a draft asks in the notice; y quits', async () => {
		const app = await openWorkstation();
		await openCase(app, CASES.helene);
		await app.press('n');
		await app.type('Draft');
		app.resize({columns: 70, rows: 20});
		await app.waitForText(NOTICE);
		await app.press(KEY.ctrlC);
		await app.waitForText('Discard unsaved drafts and quit? y/n');
		await app.press('y');
		await app.waitFor(() => app.exited(), 'the app to exit');
	});

	it('the Pool screen keeps its filter and row through a small size', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await app.press('P');
		await app.waitForText('Pool on');
		await app.press('c', 'j', 'j');
		const cec = fake.poolEntries('CEC');
		await app.waitFor((f) => f.includes('program: CEC |') && (app.selectedLine()?.includes(cec[2]!.applicationNumber) ?? false), 'the third CEC profile');
		app.resize({columns: 70, rows: 20});
		await app.waitForText(NOTICE);
		app.resize({columns: 80, rows: 24});
		await app.waitFor((f) => f.includes('program: CEC |') && (app.selectedLine()?.includes(cec[2]!.applicationNumber) ?? false), 'the pool as it was');
	});
});
