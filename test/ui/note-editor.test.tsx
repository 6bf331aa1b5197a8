/**
 * The note editor: `n` opens it on a case; multi-line typing; Esc keeps the draft (per case),
 * which outlives refreshes and other officers' changes; Ctrl+S saves exactly what was typed and
 * clears the draft; Ctrl+C asks before a draft would be lost.
 */
import {describe, expect, it} from 'vitest';
import {CASES, FakePort} from './fake-port.js';
import {KEY, expectFits, openCase, openWorkstation, useUiTestHooks} from './render-app.js';

useUiTestHooks();

const TITLE = 'New note for';

describe('note editor', () => {
	it('n opens the editor; Enter starts a new line; Ctrl+S saves the exact text, shows it last on Notes and clears the draft', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.press('n');
		await app.waitForText(`${TITLE} ${CASES.helene}`, 'Ctrl+S: save');
		await app.type('Pay stubs received');
		await app.press(KEY.enter);
		await app.type('Hours confirmed: 40/week — Côté');
		let frame = await app.waitForText('Pay stubs received', 'Hours confirmed: 40/week — Côté');
		expectFits(frame, {columns: 80, rows: 24});
		await app.press(KEY.ctrlS);
		frame = await app.waitForText('note added', '[4 Notes]');
		expect(fake.callsOf('addNote')).toEqual([[CASES.helene, 'Pay stubs received\nHours confirmed: 40/week — Côté', undefined]]);
		// newest last
		const lines = frame.split('\n');
		const last = lines.map((l) => /^#\d+ /.test(l)).lastIndexOf(true);
		expect(lines[last]).toMatch(/2026-11-29 15:00Z {2}tremblay/);
		expect(lines[last + 1]).toBe('    Pay stubs received');
		expect(lines[last + 2]).toBe('    Hours confirmed: 40/week — Côté');
		// the draft is gone
		await app.press('n');
		frame = await app.waitForText(TITLE);
		expect(frame).not.toContain('Pay stubs received\n');
		expect(frame.split('\n')[2]).not.toContain('Pay stubs');
	});

	it('Backspace deletes the character before the cursor; arrows move it', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.press('n');
		await app.waitForText(TITLE);
		await app.type('abcd');
		await app.press(KEY.backspace);
		await app.press(KEY.left, KEY.left);
		await app.type('X');
		await app.press(KEY.ctrlS);
		await app.waitForText('note added');
		expect(fake.callsOf('addNote')[0]![1]).toBe('aXbc');
	});

	it('a long line wraps in the editor, so the end of what is typed (and the cursor) stays in view', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.press('n');
		await app.waitForText(TITLE);
		const text = 'The employer letter dated 2025-03-01 states forty hours a week, but the pay stubs for January and February show twenty-two hours. END';
		await app.type(text);
		const frame = await app.waitForText('END');
		expectFits(frame, {columns: 80, rows: 24});
		const rows = frame.split('\n').slice(3, 6).join('');
		expect(rows.replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
		// many lines: the window follows the cursor
		for (let i = 1; i <= 30; i++) await app.type(`\rline ${i}`);
		await app.waitForText('line 30');
		expectFits(app.frame(), {columns: 80, rows: 24});
		await app.press(KEY.ctrlS);
		await app.waitForText('note added');
		expect(fake.callsOf('addNote')[0]![1]).toBe(`${text}${Array.from({length: 30}, (_, i) => `\nline ${i + 1}`).join('')}`);
	});

	it('control characters and bidi overrides pasted into a note are dropped', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.press('n');
		await app.waitForText(TITLE);
		await app.type('a\u202eb\u0085c\u0007d محمد 王');
		const frame = await app.waitForText('abcd محمد 王');
		expect(frame).not.toMatch(/[\u202e\u0085\u0007]/);
		await app.press(KEY.ctrlS);
		await app.waitForText('note added');
		expect(fake.callsOf('addNote')[0]![1]).toBe('abcd محمد 王');
	});

	it('a burst of typing with line breaks (a paste) arrives whole', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.press('n');
		await app.waitForText(TITLE);
		await app.type('one\rtwo\rthree');
		await app.press(KEY.ctrlS);
		await app.waitForText('note added');
		expect(fake.callsOf('addNote')[0]![1]).toBe('one\ntwo\nthree');
	});

	it('Esc closes and keeps the draft; n reopens it; another case has its own draft', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.press('n');
		await app.waitForText(TITLE);
		await app.type('Draft for Hélène');
		await app.press(KEY.escape);
		await app.waitForText('note draft kept', '[1 Summary]');
		await app.press('n');
		await app.waitForText(TITLE, 'Draft for Hélène');
		await app.press(KEY.escape);
		await app.waitFor((f) => !f.includes(TITLE) && f.includes('note draft kept'), 'the editor closed');
		await app.press(KEY.escape);
		await app.waitForText('filter: ');
		await openCase(app, CASES.arabic);
		await app.press('n');
		const other = await app.waitForText(`${TITLE} ${CASES.arabic}`);
		expect(other).not.toContain('Draft for Hélène');
		await app.press(KEY.escape, KEY.escape);
		await openCase(app, CASES.helene);
		await app.press('n');
		await app.waitForText(`${TITLE} ${CASES.helene}`, 'Draft for Hélène');
		expect(fake.callsOf('addNote')).toEqual([]);
	});

	it('a refresh and another officer’s change (change mark) do not lose the draft', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake, pollMs: 5});
		await openCase(app, CASES.helene);
		const version = fake.case(CASES.helene).version;
		await app.press('n');
		await app.waitForText(TITLE);
		await app.type('Typed before the change');
		fake.simulateOtherOfficer(CASES.helene);
		await app.waitForText(`v${version + 1}`);
		expect(app.frame()).toContain('Typed before the change');
		await app.type(' and after');
		await app.press(KEY.escape);
		await app.press('r');
		await app.waitForText('refreshed');
		await app.press('n');
		await app.waitForText('Typed before the change and after');
		await app.press(KEY.ctrlS);
		await app.waitForText('note added');
		expect(fake.callsOf('addNote')).toEqual([[CASES.helene, 'Typed before the change and after', undefined]]);
		expect(fake.case(CASES.helene).notes.map((n) => n.body)).toContain('Called the employer; reference confirmed.');
	});

	it('a second Ctrl+S while the note is being saved does not add it twice (notes are append-only)', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.press('n');
		await app.waitForText(TITLE);
		await app.type('Only once');
		const release = fake.hold('addNote');
		await app.press(KEY.ctrlS);
		await app.waitForText('working…');
		await app.press(KEY.ctrlS);
		await app.waitForText('still working on the last change');
		release();
		await app.waitForText('note added', '[4 Notes]');
		expect(fake.callsOf('addNote')).toEqual([[CASES.helene, 'Only once', undefined]]);
		expect(fake.case(CASES.helene).notes.filter((n) => n.body === 'Only once')).toHaveLength(1);
	});

	it('an empty note is not saved', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.press('n');
		await app.waitForText(TITLE);
		await app.type('   ');
		await app.press(KEY.ctrlS);
		await app.waitForText('the note is empty');
		expect(fake.callsOf('addNote')).toEqual([]);
	});

	it('a failed save keeps the editor open with the draft and shows the error', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.press('n');
		await app.waitForText(TITLE);
		await app.type('Will fail once');
		fake.failNext('addNote', new Error('the store is busy; try again'));
		await app.press(KEY.ctrlS);
		await app.waitForText('! the store is busy; try again', TITLE, 'Will fail once');
		await app.press(KEY.ctrlS);
		await app.waitForText('note added');
		expect(fake.callsOf('addNote').map((c) => c[1])).toEqual(['Will fail once', 'Will fail once']);
	});

	it('n on the queue does nothing; “Add a note” from the palette asks to open a case first', async () => {
		const app = await openWorkstation();
		await app.press('n');
		expect(app.frame()).not.toContain(TITLE);
		await app.press(':');
		await app.type('add a note');
		await app.press(KEY.enter);
		await app.waitForText('open a case first (Enter)');
		expect(app.frame()).not.toContain(TITLE);
	});

	it('Backspace and Ctrl+S arriving in one burst with the text (fast typing, a slow link) still act', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.press('n');
		await app.waitForText(TITLE);
		await app.type('Hours okk\u007f.\u0013');
		await app.waitForText('note added');
		expect(fake.callsOf('addNote')).toEqual([[CASES.helene, 'Hours ok.', undefined]]);
	});

	it('n then fast typing in one burst goes into the note', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.type('nhello');
		await app.waitForText(TITLE, 'hello');
		await app.press(KEY.ctrlS);
		await app.waitForText('note added');
		expect(fake.callsOf('addNote')[0]![1]).toBe('hello');
	});
});

describe('quitting with drafts', () => {
	it('Ctrl+C with a draft asks "Discard … y/n"; n keeps it; y quits', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.press('n');
		await app.waitForText(TITLE);
		await app.type('Unsaved reasons');
		await app.press(KEY.ctrlC);
		await app.waitForText('Discard unsaved drafts and quit? y/n');
		expect(app.exited()).toBe(false);
		await app.press('n');
		await app.waitForText('nothing discarded');
		expect(app.exited()).toBe(false);
		await app.press('n');
		await app.waitForText(TITLE, 'Unsaved reasons');
		await app.press(KEY.escape);
		await app.press(KEY.ctrlC);
		await app.waitForText('Discard unsaved drafts and quit? y/n');
		await app.press('y');
		await app.waitFor(() => app.exited(), 'the app to exit');
		expect(fake.callsOf('addNote')).toEqual([]);
	});

	it('q on the queue with a draft also asks; Esc keeps the draft', async () => {
		const app = await openWorkstation();
		await openCase(app, CASES.helene);
		await app.press('n');
		await app.waitForText(TITLE);
		await app.type('draft');
		await app.press(KEY.escape, KEY.escape);
		await app.waitForText('1–1 of 1', 'filter: E000100100');
		await app.press(KEY.escape);
		await app.waitForText('filter: none');
		await app.press('q');
		await app.waitForText('Discard unsaved drafts and quit? y/n');
		await app.press(KEY.escape);
		await app.waitForText('nothing discarded');
		expect(app.exited()).toBe(false);
	});

	it('a second Ctrl+C at the question quits', async () => {
		const app = await openWorkstation();
		await openCase(app, CASES.helene);
		await app.press('n');
		await app.waitForText(TITLE);
		await app.type('draft');
		await app.press(KEY.ctrlC);
		await app.waitForText('Discard unsaved drafts');
		await app.press(KEY.ctrlC);
		await app.waitFor(() => app.exited(), 'the app to exit');
	});
});
