/**
 * Saving the queue view as a queue (Ctrl+S on the queue, or `queue.save` from the palette): the
 * status line asks for a name, then a digit; the queue's query with the filter on top and the
 * sort are saved through the port; the new queue shows in the tabs with its count, in its sort,
 * and its digit opens it. A name that cannot be saved is refused when Enter is pressed on it; what
 * the store refuses is said on the prompt, in one line, and the prompt stays open with the input.
 */
import {describe, expect, it} from 'vitest';
import {InvalidError} from '../../source/cases/errors.js';
import type {NewQueue} from '../../source/ui/data.js';
import {stepOfRefusal} from '../../source/ui/screens/SaveQueuePrompt.js';
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

	it('a name too long, or holding invisible characters, stays at the name with the reason and the input', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await app.press(KEY.ctrlS);
		await app.type('Cases received before the October round, CEC');
		await app.press(KEY.enter);
		await app.waitFor(() => statusLine(app).startsWith('! at most 40 characters (this one has 44). Name: '), 'the too-long hint');
		expect(statusLine(app)).toContain('October round, CEC');
		await app.press(KEY.ctrlU);
		await app.type('Zero\u200bwidth');
		await app.press(KEY.enter);
		await app.waitFor(() => statusLine(app).startsWith('! no control or invisible characters in a name. Name: Zerowidth'), 'the invisible-character hint');
		expect(saves(fake)).toEqual([]);
		// A name a queue has, compared as the store compares (case, spaces, - and _).
		await app.press(KEY.ctrlU);
		await app.type('high_CRS');
		await app.press(KEY.enter);
		await app.waitFor(() => statusLine(app).startsWith('! "High CRS" exists already: choose another name. Name: high_CRS'), 'the taken-name hint');
		await app.press(KEY.ctrlU);
		await app.type('Before October');
		await app.press(KEY.enter, KEY.enter);
		await app.waitForText('Before October (26)]');
		expect(saves(fake).map((q) => q.name)).toEqual(['Before October']);
	});

	it('a digit that is not one stays at the digit; a digit another queue has is the store’s refusal: the prompt stays open with the input and says why', async () => {
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
		// The store's reason comes first, cut so that the field and what was typed stay on the line.
		await app.waitFor(() => /^! digit key 2 already opens queue "High CRS"; .*… Digit \(free: 03456789\): 2/.test(statusLine(app)), 'the store’s refusal, on the prompt');
		expect(saves(fake)).toHaveLength(1);
		await app.press(KEY.backspace);
		await app.type('5');
		await app.press(KEY.enter);
		await app.waitForText('[5 Second look (26)]');
		expect(app.frame()).not.toContain('Digit');
		// Saved: the next Ctrl+S starts afresh.
		await app.press(KEY.ctrlS);
		await app.waitFor(() => /^Save this view as queue, name: (?:\u001b\[[0-9;]*m)* (?:\u001b\[[0-9;]*m)* +Enter: next/.test(statusLine(app)), 'an empty prompt');
	});

	it('a name the store refuses after the digit step goes back to the name, with the input and the reason', async () => {
		const fake = new FakePort();
		fake.failNext('saveQueue', new InvalidError('queue name "All": taken by the built-in queue "All cases"; choose another'));
		const app = await openWorkstation({fake});
		await app.press(KEY.ctrlS);
		await app.type('All');
		await app.press(KEY.enter);
		await app.type('4');
		await app.press(KEY.enter);
		await app.waitFor(() => /^! queue name "All": taken by the built-in queue "All cases"; choo… Name: All/.test(statusLine(app)), 'the store’s refusal at the name');
		await app.type(' mine');
		await app.press(KEY.enter);
		await app.waitFor(() => statusLine(app).startsWith('Digit to open it (free: 03456789; Enter: none): 4'), 'the digit kept');
		await app.press(KEY.enter);
		await app.waitForText('[4 All mine (26)]');
		expect(saves(fake).map((q) => q.name)).toEqual(['All', 'All mine']);
	});

	it('any other refusal of the store is shown in one line on the prompt, which stays open', async () => {
		const fake = new FakePort();
		fake.failNext('saveQueue', new Error('saving a queue needs the officer, supervisor or admin role\nmore'));
		const app = await openWorkstation({fake});
		await app.type('\u0013Audit view\r\r');
		await app.waitFor(() => /^! saving a queue needs the officer, supervisor or ?… Digit \(free: 03456789\): /.test(statusLine(app)), 'the error');
		expect(app.frame()).not.toContain('more');
		await app.press(KEY.escape);
		await app.waitFor(() => !statusLine(app).includes('Digit'), 'the prompt closed');
		await app.press(KEY.ctrlS);
		await app.waitFor(() => statusLine(app).startsWith(`${NAME_PROMPT} Audit view`), 'the name kept');
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

describe('stepOfRefusal', () => {
	it('puts a refusal of the store on the step it is about', () => {
		expect(stepOfRefusal('digit key 2 already opens queue "High CRS"; choose another digit or none', 'digit')).toBe('digit');
		expect(stepOfRefusal('queue name "All": taken by the built-in queue "All cases"; choose another', 'digit')).toBe('name');
		expect(stepOfRefusal('a queue named "High CRS" exists already; choose another name', 'digit')).toBe('name');
		expect(stepOfRefusal('a saved queue named "Mine" exists already (saved by lavoie); choose another name or replace it', 'digit')).toBe('name');
		expect(stepOfRefusal('saving a queue needs the officer, supervisor or admin role', 'digit')).toBe('digit');
	});
});

describe('keys typed fast into the save prompt', () => {
	it('Backspaces and a new name arriving in separate deliveries before a render replace a refused name', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await switchToQueue(app, 'All cases');
		await app.press(KEY.ctrlS);
		await app.waitFor(() => statusLine(app).startsWith(NAME_PROMPT), 'the name prompt');
		await app.type('My cases');
		await app.press(KEY.enter);
		await app.waitFor(() => statusLine(app).includes('exists already'), 'the name refused');
		// Each key its own delivery, none waiting for a render (a slow link, tmux send-keys).
		for (let i = 0; i < 8; i++) app.stdin.write('\u007f');
		for (const key of ['M', 'i', 'n', 'e', '\r', '5', '\r']) app.stdin.write(key);
		await app.waitFor(() => saves(fake).length === 1, 'the queue saved');
		expect(saves(fake)[0]).toMatchObject({name: 'Mine', digitKey: 5});
	});
});
