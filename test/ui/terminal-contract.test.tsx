/**
 * The terminal contract (DESIGN.md): every frame fits the terminal (80×24 and larger, and after
 * a resize); TERM=dumb draws plain text (no escape codes, no box drawing) and keeps the `>`
 * marker; NO_COLOR draws no colour; text from the store (names, notes, documents, reason codes
 * with ESC sequences and bidi overrides) never reaches the terminal raw, on any screen.
 *
 * Each test tours the screens and checks every frame Ink drew, not only the last one. Chalk is
 * set to full colour so that the themes (not chalk's own detection) decide what is drawn.
 */
import chalk from 'chalk';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {themeFor, type Theme} from '../../source/ui/theme.js';
import {CASES, FakePort} from './fake-port.js';
import {expectFits, expectNoRawControls, KEY, openCase, openWorkstation, switchToQueue, useUiTestHooks, type Rendered} from './render-app.js';

let savedLevel: typeof chalk.level;
beforeEach(() => {
	savedLevel = chalk.level;
	chalk.level = 3;
});
afterEach(() => {
	chalk.level = savedLevel;
});
useUiTestHooks();

const SGR = /\u001b\[([0-9;]*)m/g;
const BOX_DRAWING = /[\u2500-\u257f]/;

/** The SGR parameter lists in a frame (`36`, `1`, `7`, `39`…). */
function sgrCodes(frame: string): string[] {
	return [...frame.matchAll(SGR)].map((m) => m[1]!);
}

/** Whether an SGR parameter list sets a colour (foreground or background, any form). */
function isColour(params: string): boolean {
	return params.split(';').some((p) => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(p));
}

/**
 * Visits every screen: queue, filter, help, palette, the hostile case's six tabs, its documents
 * and pager, the note editor, the decision dialog (with the office's hostile reason code), the
 * bring-forward prompt, a review, and the quit question.
 */
async function tour(app: Rendered): Promise<void> {
	await app.press('/');
	await app.type('mallory');
	await app.press(KEY.enter);
	await app.waitForText('1–1 of 1');
	await app.press(KEY.escape);
	await app.press('?');
	await app.waitForText('Keys (Esc');
	await app.press('j', 'j', KEY.escape);
	await app.press(':');
	await app.type('case');
	await app.press(KEY.escape);
	await openCase(app, CASES.evil);
	for (const tab of ['1', '2', '3', '4', '5', '6']) {
		await app.press(tab);
		await app.press('G', 'g');
	}
	await app.press('5', 'G');
	await app.press(KEY.enter);
	await app.waitForText('(j/k scroll, Esc close)');
	await app.press(KEY.escape);
	await app.press('n');
	await app.type('A note with a tab\there and “quotes”');
	await app.press(KEY.escape);
	await app.press('d', '2', KEY.tab);
	for (let i = 0; i < 14; i++) await app.press('j');
	await app.press(' ', KEY.tab);
	await app.type('Reasons');
	await app.press(KEY.escape);
	await app.press('b');
	await app.type('+3');
	await app.press(KEY.escape);
	await app.press(KEY.escape, KEY.escape);
	await app.waitForText('filter: none');
	await switchToQueue(app, 'All cases');
	await openCase(app, CASES.pendingByColleague);
	await app.press('R');
	await app.waitForText('Review of');
	await app.press(KEY.escape);
	await app.press(KEY.ctrlC);
	await app.waitForText('Discard unsaved drafts');
	await app.press('n');
}

function tourFake(): FakePort {
	return new FakePort();
}

describe('frames fit the terminal', () => {
	it('at 80×24 every frame of the tour fits', async () => {
		const app = await openWorkstation({fake: tourFake()});
		await tour(app);
		for (const frame of app.frames) expectFits(frame, {columns: 80, rows: 24});
	});

	it('resize to 120×40 and back to 80×24 redraws to fit, on the queue, a case and the decision dialog', async () => {
		const app = await openWorkstation();
		await switchToQueue(app, 'All cases');
		for (const size of [
			{columns: 120, rows: 40},
			{columns: 80, rows: 24},
			{columns: 100, rows: 30},
			{columns: 80, rows: 24},
		]) {
			app.resize(size);
			const rows = size.rows - 4;
			const frame = await app.waitForText(`1–${rows} of 60`);
			expectFits(frame, size);
			expect(frame.split('\n')).toHaveLength(size.rows);
			if (size.columns >= 100) expect(frame).toContain('Officer');
			else expect(frame).not.toContain('Officer');
		}
		await openCase(app, CASES.helene);
		await app.press('d', '2');
		for (const size of [
			{columns: 120, rows: 40},
			{columns: 80, rows: 24},
		]) {
			app.resize(size);
			await app.settle();
			expectFits(app.frame(), size);
			expect(app.frame()).toContain('Outcome: Refuse');
		}
		await app.press(KEY.escape, '3');
		app.resize({columns: 120, rows: 40});
		await app.settle();
		expectFits(app.frame(), {columns: 120, rows: 40});
		app.resize({columns: 80, rows: 24});
		await app.settle();
		expectFits(app.frame(), {columns: 80, rows: 24});
	});

	it('the cursor stays in view when the terminal shrinks', async () => {
		const app = await openWorkstation({size: {columns: 120, rows: 40}});
		await app.press('G');
		expect(app.selectedLine()).toContain(CASES.helene.replace(/00$/, '25'));
		app.resize({columns: 80, rows: 24});
		await app.settle();
		expect(app.selectedLine()).toContain(CASES.helene.replace(/00$/, '25'));
		expect(app.frame()).toContain('7–26 of 26');
	});
});

describe('TERM=dumb and NO_COLOR', () => {
	async function tourWith(theme: Theme): Promise<Rendered> {
		const app = await openWorkstation({theme, fake: tourFake()});
		expect(app.selectedLine()!.replace(SGR, '')).toMatch(/^> E\d{9}/);
		await tour(app);
		return app;
	}

	it('TERM=dumb: no escape codes and no box drawing in any frame; the > marker marks the row', async () => {
		const app = await tourWith(themeFor({TERM: 'dumb'}));
		for (const frame of app.frames) {
			expect(frame).not.toContain('\u001b');
			expect(frame).not.toMatch(BOX_DRAWING);
		}
		await app.press(KEY.escape, KEY.escape, 'j');
		await app.waitFor((f) => /^> E\d{9}/m.test(f), 'the marker');
	});

	it('NO_COLOR: no colour codes in any frame (inverse video and bold may stay)', async () => {
		const app = await tourWith(themeFor({NO_COLOR: '1'}));
		for (const frame of app.frames) {
			const colours = sgrCodes(frame).filter(isColour);
			expect(colours, frame).toEqual([]);
			expect(frame).not.toMatch(BOX_DRAWING);
		}
		expect(app.frames.some((f) => sgrCodes(f).includes('7'))).toBe(true);
	});

	it('NO_COLOR with an empty value is not set (colour theme); the colour theme does draw colour', async () => {
		expect(themeFor({NO_COLOR: ''}).name).toBe('colour');
		const app = await openWorkstation({theme: themeFor({})});
		expect(sgrCodes(app.frame()).some(isColour)).toBe(true);
	});
});

describe('untrusted text is never drawn raw', () => {
	it('names, notes, documents, titles and reason codes with ESC and bidi overrides are made visible and harmless on every screen', async () => {
		const fake = tourFake();
		const app = await openWorkstation({fake});
		await tour(app);
		for (const frame of app.frames) expectNoRawControls(frame);
		const all = app.frames.join('\n');
		// what was hostile is shown as visible symbols
		expect(all).toContain('Evil␛[31mRed');
		expect(all).toContain('Mallory\ufffdyrollaM');
		expect(all).toContain('␛[2J␛[31mALERT␛[0m');
		expect(all).toContain('red␛[0m and \ufffdreversed\ufffd text');
		expect(all).toContain('Local␛[5m policy');
	});

	it('an error message from the store holding an escape sequence is shown safely', async () => {
		const fake = tourFake();
		const app = await openWorkstation({fake});
		fake.failNext('assignToMe', new Error('no such officer "x\u001b[2J\u202e"'));
		await app.press('a');
		const frame = await app.waitForText('no such officer "x␛[2J');
		expectNoRawControls(frame);
	});

	it('with colours on, the only escape sequences are Ink’s own colour codes', async () => {
		const app = await openWorkstation({fake: tourFake()});
		await tour(app);
		for (const frame of app.frames) {
			expectNoRawControls(frame);
			for (const code of sgrCodes(frame)) expect(code).toMatch(/^[0-9;]*$/);
		}
	});
});
