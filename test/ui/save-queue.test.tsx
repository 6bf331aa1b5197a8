/**
 * Saving the queue view as a queue (Ctrl+S on the queue, or `queue.save` from the palette): the
 * status line asks for a name, then a digit; the queue's query with the filter on top and the
 * sort are saved through the port; the new queue shows in the tabs with its count, in its sort,
 * and its digit opens it. What the store refuses is said in the status line, in one line.
 */
import {describe, expect, it} from 'vitest';
import type {NewQueue} from '../../source/ui/data.js';
import {CASES, FakePort} from './fake-port.js';
import {expectFits, KEY, openCase, openWorkstation, switchToQueue, useUiTestHooks, type Rendered} from './render-app.js';

useUiTestHooks();

const NAME_PROMPT = 'Save this view as queue, name:';

function saves(fake: FakePort): NewQueue[] {
	return fake.callsOf('saveQueue').map(([input]) => input as NewQueue);
}

/** The last line of the frame: the status line. */
function statusLine(app: Rendered): string {
	return app.lines().at(-1)!;
}

/** Application numbers of the rows shown, in order. */
function rowNumbers(frame: string): string[] {
	return frame
		.split('\n')
		.map((line) => /^[>* ] (E\d{9})/.exec(line)?.[1])
		.filter((n): n is string => n !== undefined);
}

async function filterBy(app: Rendered, text: string): Promise<void> {
	await app.press('/');
	await app.type(text);
	await app.press(KEY.enter);
	await app.waitForText(`filter: ${text}`);
}

describe('saving the queue view (Ctrl+S)', () => {
	it('asks in the status line for a name, then a digit; saves the query, the filter and the sort; the tab shows it with its count; its digit opens it', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await switchToQueue(app, 'All cases');
		await filterBy(app, 'program:CEC');
		await app.press('s', 'S');
		await app.waitForText('CRS↓');
		const rows = rowNumbers(app.frame());
		const count = Number(/of (\d+)/.exec(app.frame())![1]);
		await app.press(KEY.ctrlS);
		await app.waitFor(() => statusLine(app).startsWith(NAME_PROMPT), 'the name prompt in the status line');
		expect(statusLine(app)).toContain('Enter: next  Esc: close');
		await app.type('CEC by CRS');
		await app.press(KEY.enter);
		await app.waitFor(() => statusLine(app).startsWith('Digit to open it (free: 03456789; Enter: none):'), 'the digit prompt');
		expectFits(app.frame(), {columns: 80, rows: 24});
		await app.type('3');
		await app.press(KEY.enter);
		const frame = await app.waitForText('[3 CEC by CRS (');
		expect(saves(fake)).toEqual([{name: 'CEC by CRS', query: 'program:CEC', sort: 'crs', descending: true, digitKey: 3}]);
		expect(frame).toContain(`[3 CEC by CRS (${count})]`);
		expect(statusLine(app)).toContain('saved queue "CEC by CRS" (key 3): program:CEC, by crs descending');
		// The saved queue holds the filter: the view is the same, without it.
		expect(frame).toContain('filter: none');
		expect(frame).toContain('CRS↓');
		expect(rowNumbers(frame)).toEqual(rows);
		// Elsewhere, in another sort: its digit opens it in its own sort.
		await app.press(KEY.tab, 's');
		await app.waitFor((f) => f.includes('[My cases (26)]') && f.includes('CRS↑'), 'another queue, by CRS ascending');
		await app.press('3');
		const again = await app.waitForText(`[3 CEC by CRS (${count})]`, 'CRS↓');
		expect(rowNumbers(again)).toEqual(rows);
	});

	it('a built-in queue is saved with its own query and the filter on top; no digit is fine', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await filterBy(app, 'crs>=450');
		const count = Number(/of (\d+)/.exec(app.frame())![1]);
		await app.press(KEY.ctrlS);
		await app.type('Mine high');
		await app.press(KEY.enter, KEY.enter);
		await app.waitForText(`Mine high (${count})]`);
		expect(saves(fake)).toEqual([{name: 'Mine high', query: 'officer:me status:received,in_review,awaiting_info,pending_review crs>=450', sort: 'received', descending: false, digitKey: null}]);
		expect(app.frame()).not.toMatch(/\d Mine high/);
	});

	it('a name, Enter and Enter typed in one burst after Ctrl+S save the view', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await app.type('\u0013Burst queue\r\r');
		await app.waitForText('Burst queue (26)');
		expect(saves(fake)).toEqual([{name: 'Burst queue', query: 'officer:me status:received,in_review,awaiting_info,pending_review', sort: 'received', descending: false, digitKey: null}]);
	});

	it('an empty name or one a queue has already stays at the name, saying why', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await app.press(KEY.ctrlS, KEY.enter);
		await app.waitFor(() => statusLine(app).startsWith('! type a name for the queue. Name:'), 'the empty-name hint');
		await app.type('high crs');
		await app.press(KEY.enter);
		await app.waitFor(() => statusLine(app).startsWith('! "High CRS" exists already: choose another name. Name: high crs'), 'the taken-name hint');
		expect(saves(fake)).toEqual([]);
	});

	it('a digit that is not one stays at the digit; a digit another queue has is the store’s error, in one line; the draft is kept', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await app.press(KEY.ctrlS);
		await app.type('Second look');
		await app.press(KEY.enter);
		await app.type('12');
		await app.press(KEY.enter);
		await app.waitFor(() => statusLine(app).startsWith('! one digit 0–9, or nothing. Digit (free: 03456789): 12'), 'the digit hint');
		expect(saves(fake)).toEqual([]);
		await app.press(KEY.backspace, KEY.backspace);
		await app.type('2');
		await app.press(KEY.enter);
		await app.waitFor(() => statusLine(app).includes('! digit key 2 already opens queue "High CRS"; choose another digit or none'), 'the store’s error');
		expect(app.frame()).not.toContain(NAME_PROMPT);
		expect(saves(fake)).toHaveLength(1);
		// Ctrl+S again: the name typed is still there.
		await app.press(KEY.ctrlS);
		await app.waitFor(() => statusLine(app).startsWith(`${NAME_PROMPT} Second look`), 'the name kept');
		await app.press(KEY.enter);
		await app.waitFor(() => statusLine(app).startsWith('Digit to open it (free: 03456789; Enter: none): 2'), 'the digit kept');
		await app.press(KEY.backspace);
		await app.type('5');
		await app.press(KEY.enter);
		await app.waitForText('[5 Second look (26)]');
	});

	it('any other refusal of the store is shown in one line', async () => {
		const fake = new FakePort();
		fake.failNext('saveQueue', new Error('saving a queue needs the officer, supervisor or admin role\nmore'));
		const app = await openWorkstation({fake});
		await app.type('\u0013Audit view\r\r');
		await app.waitFor(() => statusLine(app).includes('! saving a queue needs the officer, supervisor or admin role'), 'the error');
		expect(app.frame()).not.toContain('more');
	});

	it('Esc closes the prompt and keeps what was typed', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await app.press(KEY.ctrlS);
		await app.type('Half typed');
		await app.press(KEY.escape);
		await app.waitFor(() => !app.frame().includes(NAME_PROMPT), 'the prompt closed');
		await app.press(KEY.ctrlS);
		await app.waitFor(() => statusLine(app).startsWith(`${NAME_PROMPT} Half typed`), 'the name kept');
		expect(saves(fake)).toEqual([]);
	});

	it('a queue the filter language cannot say (Decided today) is not saved, and says so', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await switchToQueue(app, 'Decided today');
		await app.press(KEY.ctrlS);
		await app.waitForText('"Decided today" cannot be written in the filter language, so not saved');
		expect(app.frame()).not.toContain(NAME_PROMPT);
	});

	it('in a case, from the palette: back to the queue first', async () => {
		const app = await openWorkstation();
		await openCase(app, CASES.helene);
		await app.press(':');
		await app.type('save this view');
		await app.press(KEY.enter);
		await app.waitForText('back to the queue first (Esc)');
		expect(app.frame()).not.toContain(NAME_PROMPT);
	});

	it('from the palette on the queue', async () => {
		const app = await openWorkstation();
		await app.press(':');
		await app.type('save this view');
		await app.press(KEY.enter);
		await app.waitFor(() => statusLine(app).startsWith(NAME_PROMPT), 'the name prompt');
	});
});
