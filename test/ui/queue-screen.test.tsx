/**
 * The queue screen: queue tabs with counts, the windowed table and its position, moving, paging,
 * switching and sorting queues, the live filter, tagging and assigning, taking the next case,
 * refreshing (by key and by polling), help, the command palette and quitting.
 */
import {describe, expect, it} from 'vitest';
import {COMMANDS, defaultKeyMap, keyLabel} from '../../source/ui/keymap.js';
import {CASES, FakePort, numberOf} from './fake-port.js';
import {expectFits, KEY, openCase, openWorkstation, switchToQueue, useUiTestHooks} from './render-app.js';

useUiTestHooks();

/** Application numbers of the table rows in the frame, top to bottom. */
function rowNumbers(frame: string): string[] {
	return frame
		.split('\n')
		.map((line) => /^[>* ] (E\d{9}) /.exec(line)?.[1])
		.filter((n): n is string => Boolean(n));
}

describe('queue screen: what the officer sees', () => {
	it('shows the queue tabs with counts, a header, rows windowed to the height and the position', async () => {
		const app = await openWorkstation();
		const frame = app.frame();
		expect(frame).toContain('[My cases (26)]');
		expect(frame).toContain('Unassigned (12)');
		expect(frame).toContain('Application');
		expect(frame).toContain('Applicant');
		expect(frame).toContain('1–20 of 26');
		expect(rowNumbers(frame)).toHaveLength(20);
		expect(rowNumbers(frame)[0]).toBe(numberOf(0));
		expect(app.selectedLine()).toContain(numberOf(0));
		expect(frame).toContain('tremblay (officer,supervisor)');
		expectFits(frame, {columns: 80, rows: 24});
	});

	it('draws names in other scripts and accents aligned on display width', async () => {
		const app = await openWorkstation();
		const lines = app.lines();
		const program = (n: string) => {
			const line = lines.find((l) => l.includes(n))!;
			// the column after the applicant: measure by display width up to "FSW"/"CEC"/"FST"
			const at = line.search(/ (CEC|FSW|FST) /);
			return (line.slice(0, at).match(/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/g) ?? []).length + at;
		};
		expect(lines.some((l) => l.includes('Côté-Lefrançois, H'))).toBe(true);
		expect(lines.some((l) => l.includes('王, 秀英'))).toBe(true);
		expect(lines.some((l) => l.includes('العلي, محمد'))).toBe(true);
		// the program column starts at the same display column for a Latin and a CJK name
		expect(program(CASES.cjk)).toBe(program(CASES.helene));
	});
});

describe('queue screen: moving', () => {
	it('j/k and ↓/↑ move the > marker; the window follows the cursor', async () => {
		const app = await openWorkstation();
		await app.press('j');
		expect(app.selectedLine()).toContain(numberOf(1));
		await app.press(KEY.down);
		expect(app.selectedLine()).toContain(numberOf(2));
		await app.press('k');
		expect(app.selectedLine()).toContain(numberOf(1));
		await app.press(KEY.up);
		expect(app.selectedLine()).toContain(numberOf(0));
		await app.press(KEY.up);
		expect(app.selectedLine()).toContain(numberOf(0));
		// a burst of keys arrives as one string: every key counts
		await app.type('j'.repeat(20));
		expect(app.selectedLine()).toContain(numberOf(20));
		expect(app.frame()).toContain('2–21 of 26');
		expect(rowNumbers(app.frame())[0]).toBe(numberOf(1));
		expect(rowNumbers(app.frame())).toHaveLength(20);
	});

	it('g/G and Home/End go to the first and last row', async () => {
		const app = await openWorkstation();
		await app.press('G');
		expect(app.selectedLine()).toContain(numberOf(25));
		expect(app.frame()).toContain('7–26 of 26');
		await app.press('g');
		expect(app.selectedLine()).toContain(numberOf(0));
		expect(app.frame()).toContain('1–20 of 26');
		await app.press(KEY.end);
		expect(app.selectedLine()).toContain(numberOf(25));
		await app.press(KEY.home);
		expect(app.selectedLine()).toContain(numberOf(0));
	});

	it('PgDn/PgUp (and Ctrl+F/Ctrl+B) move the marker and the window a page', async () => {
		const app = await openWorkstation();
		await switchToQueue(app, 'All cases');
		await app.waitForText('1–20 of 60');
		await app.press(KEY.pageDown);
		expect(app.selectedLine()).toContain(numberOf(20));
		expect(app.frame()).toContain('21–40 of 60');
		await app.press(KEY.ctrlF);
		expect(app.selectedLine()).toContain(numberOf(40));
		expect(app.frame()).toContain('41–60 of 60');
		await app.press(KEY.pageDown);
		expect(app.selectedLine()).toContain(numberOf(59));
		expect(app.frame()).toContain('41–60 of 60');
		await app.press(KEY.pageUp);
		expect(app.selectedLine()).toContain(numberOf(39));
		expect(app.frame()).toContain('21–40 of 60');
		await app.press(KEY.ctrlB, KEY.ctrlB);
		expect(app.selectedLine()).toContain(numberOf(0));
		expect(app.frame()).toContain('1–20 of 60');
		expectFits(app.frame(), {columns: 80, rows: 24});
	});
});

describe('queue screen: queues and sorting', () => {
	it('Tab and Shift+Tab switch queues; the current queue stays visible on the tab line', async () => {
		const app = await openWorkstation();
		await app.press(KEY.tab);
		await app.waitForText('[Unassigned (12)]', '1–12 of 12');
		expect(app.selectedLine()).toContain(CASES.firstUnassigned);
		await app.press(KEY.backtab);
		await app.waitForText('[My cases (26)]', '1–20 of 26');
		// from the first queue, Shift+Tab wraps to the last (a saved queue), which must be shown
		await app.press(KEY.backtab);
		await app.waitForText('[2 High CRS (14)]', '1–14 of 14');
		expectFits(app.frame(), {columns: 80, rows: 24});
		for (let i = 0; i < 2; i++) await app.press(KEY.backtab);
		await app.waitForText('[All cases (60)]');
		expectFits(app.frame(), {columns: 80, rows: 24});
	});

	it('digit keys jump to saved queues; a digit without a queue does nothing', async () => {
		const app = await openWorkstation();
		await app.press('1');
		await app.waitForText('[1 FST trades (4)]', '1–4 of 4');
		expect(rowNumbers(app.frame())).toHaveLength(4);
		await app.press('2');
		await app.waitForText('[2 High CRS (14)]', '1–14 of 14');
		await app.press('7');
		await app.settle();
		expect(app.frame()).toContain('[2 High CRS (14)]');
	});

	it('s sorts by the next column, S reverses; the header marks the sort', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		expect(app.frame()).toContain('Received↑');
		await app.press('s');
		await app.waitForText('CRS↑', 'sorted by crs');
		const crsOf = (n: string) => fake.case(n).assessment!.asAssessed.crs.total;
		const ascending = rowNumbers(app.frame()).map(crsOf);
		expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
		await app.press('S');
		await app.waitForText('CRS↓');
		const descending = rowNumbers(app.frame()).map(crsOf);
		expect(descending).toEqual([...descending].sort((a, b) => b - a));
		expect(app.selectedLine()).toContain(rowNumbers(app.frame())[0]);
		await app.press('s');
		await app.waitForText('Applicant↓', 'sorted by name');
		const requests = fake.callsOf('queuePage').map(([r]) => r as {sort: string; descending: boolean});
		expect(requests.at(-1)).toMatchObject({sort: 'name', descending: true});
	});
});

describe('queue screen: filter', () => {
	it('/ filters live as you type, ignoring accents; Esc clears', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await app.press('/');
		await app.waitForText('/ ', 'Enter keeps, Esc clears');
		for (const char of 'helene') await app.press(char);
		await app.waitForText('Côté-Lefrançois, H', '1–1 of 1');
		expect(rowNumbers(app.frame())).toEqual([CASES.helene]);
		// each keystroke asked the store again
		const filters = fake.callsOf('queuePage').map(([r]) => (r as {filter: string}).filter);
		expect(filters).toEqual(expect.arrayContaining(['h', 'he', 'hel', 'hele', 'helen', 'helene']));
		await app.press(KEY.escape);
		await app.waitForText('1–20 of 26', 'filter: none');
	});

	it('Enter keeps the filter; Esc on the queue clears it; Backspace edits', async () => {
		const app = await openWorkstation();
		await app.press('/');
		await app.type('cote');
		await app.waitForText('1–1 of 1');
		await app.press(KEY.enter);
		await app.waitForText('filter: cote');
		expect(app.selectedLine()).toContain(CASES.helene);
		// / again edits the kept filter
		await app.press('/');
		await app.press(KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace);
		await app.type('王');
		await app.waitForText('王, 秀英', '1–1 of 1');
		await app.press(KEY.enter);
		await app.press(KEY.escape);
		await app.waitForText('filter: none', '1–20 of 26');
	});

	it('a burst (fast typing or a paste) after / goes into the filter', async () => {
		const app = await openWorkstation();
		await app.type('/helene');
		await app.waitForText('/ helene', '1–1 of 1');
		expect(app.selectedLine()).toContain(CASES.helene);
		// nothing of the burst was read as commands (h, e, l, n…)
		expect(app.frame()).toContain('[My cases (26)]');
	});

	it('a filter typed with its Enter in one burst is applied and kept; Backspace in a burst edits', async () => {
		const app = await openWorkstation();
		await app.press('/');
		await app.type('cotx\u007fe\r');
		await app.waitForText('filter: cote', '1–1 of 1');
		expect(app.selectedLine()).toContain(CASES.helene);
	});

	it('/ with a filter and Enter in one burst applies and keeps it', async () => {
		const app = await openWorkstation();
		await app.type('/cote\r');
		await app.waitForText('filter: cote', '1–1 of 1');
	});

	it('a long filter shows its end while typing', async () => {
		const app = await openWorkstation();
		await app.press('/');
		await app.type('name:"de la" status:in_review,awaiting_info,pending_review program:CEC crs>=400 officer:me');
		const frame = await app.waitForText('officer:me');
		expect(frame).toContain('/ …');
		expectFits(frame, {columns: 80, rows: 24});
	});

	it('a filter the store refuses is shown in the status bar, and the table says so (asking the store once)', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await app.press('/');
		const before = fake.callsOf('queuePage').length;
		await app.type('crs>>4');
		const frame = await app.waitForText('filter: "crs>>4"');
		await app.settle();
		expect(frame).toContain('expected');
		expect(frame).toContain('Cannot list this queue');
		expect(frame).not.toContain('of 26');
		expect(fake.callsOf('queuePage').length - before).toBe(1);
		expectFits(frame, {columns: 80, rows: 24});
		await app.press(KEY.escape);
		await app.waitFor((f) => f.includes('1–20 of 26') && !f.includes('crs>>4'), 'the error gone');
	});

	it('the filter language works (status, program, officer)', async () => {
		const app = await openWorkstation();
		await switchToQueue(app, 'All cases');
		await app.press('/');
		await app.type('program:cec officer:none');
		await app.press(KEY.enter);
		const frame = await app.waitFor((f) => /1–\d of \d\b/.test(f), 'a short list');
		const rows = frame.split('\n').filter((l) => /^[> ] E\d{9}/.test(l));
		expect(rows.length).toBeGreaterThan(0);
		for (const line of rows) expect(line).toMatch(/ CEC /);
		expect(frame).toContain('filter: program:cec officer:none');
	});
});

describe('queue screen: tagging, assigning, taking the next case', () => {
	it('Space tags rows (and moves down); a assigns the tagged cases to me', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await switchToQueue(app, 'Unassigned');
		await app.waitForText('1–12 of 12');
		const [first, second, third] = rowNumbers(app.frame());
		await app.press(' ');
		expect(app.selectedLine()).toContain(second);
		expect(app.lines().find((l) => l.includes(first!))).toMatch(/^\* /);
		await app.press(' ');
		expect(app.selectedLine()).toContain(third);
		expect(app.lines().find((l) => l.includes(second!))).toMatch(/^\* /);
		await app.press('a');
		await app.waitForText('assigned 2 cases to you', '[Unassigned (10)]');
		expect(fake.callsOf('assignToMe')).toEqual([[first], [second]]);
		expect(app.frame()).not.toContain(first);
		expect(app.frame()).not.toMatch(/^\* /m);
	});

	it('a without tags assigns the selected case', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await switchToQueue(app, 'Unassigned');
		await app.press('j');
		const selected = /E\d{9}/.exec(app.selectedLine()!)![0];
		await app.press('a');
		await app.waitForText(`assigned ${selected} to you`);
		expect(fake.callsOf('assignToMe')).toEqual([[selected]]);
	});

	it('tags are dropped when the queue changes, so a cannot act on cases no longer shown', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await switchToQueue(app, 'Unassigned');
		await app.press(' ', ' ');
		await app.waitFor((f) => (f.match(/^\* /gm) ?? []).length === 2, 'two tags');
		await app.press(KEY.tab);
		await app.waitForText('[Bring-forward due (2)]');
		await app.press(KEY.backtab);
		await app.waitForText('[Unassigned (12)]');
		expect(app.frame()).not.toMatch(/^\* /m);
		await app.press('g', 'a');
		await app.waitForText(`assigned ${CASES.firstUnassigned} to you`);
		expect(fake.callsOf('assignToMe')).toEqual([[CASES.firstUnassigned]]);
	});

	it('Space on a tagged row untags it', async () => {
		const app = await openWorkstation();
		await app.press(' ', 'k', ' ');
		expect(app.frame()).not.toMatch(/^\* /m);
	});

	it('an error from the store (assigning a colleague’s case without the supervisor role) is shown', async () => {
		const fake = new FakePort({roles: ['officer']});
		const app = await openWorkstation({fake});
		await switchToQueue(app, 'All cases');
		await app.press('/');
		await app.type(CASES.othersCase);
		await app.press(KEY.enter);
		await app.waitForText('1–1 of 1');
		await app.press('a');
		await app.waitForText('only a supervisor may reassign it');
		expect(app.frame()).toMatch(/! case E\d+ is assigned to chen/);
	});

	it('N takes the next unassigned case and opens it, also from My cases', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await app.press('N');
		await app.waitForText(`${CASES.firstUnassigned}  Trần`, '[1 Summary]');
		expect(fake.callsOf('takeNext')).toHaveLength(1);
		expect(fake.case(CASES.firstUnassigned).assignedTo).toBe('tremblay');
		expect(app.frame()).toContain(`took ${CASES.firstUnassigned}`);
		await app.press(KEY.escape);
		await app.waitForText('[My cases (27)]');
	});

	it('N on a queue with nothing to take says so', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await app.press('1'); // FST trades: none unassigned
		await app.waitForText('[1 FST trades (4)]');
		for (const n of fake.numbers()) if (fake.case(n).program === 'FST') fake.case(n).assignedTo = 'chen';
		await app.press('N');
		await app.waitForText('no unassigned case in FST trades');
		expect(fake.callsOf('takeNext')).toEqual([['FST trades']]);
	});
});

describe('queue screen: assigning from a case', () => {
	it('a on an open case assigns it to me (a supervisor may take a colleague’s case)', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await switchToQueue(app, 'All cases');
		await openCase(app, CASES.othersCase);
		expect(app.frame()).toContain('Assigned to chen');
		await app.press('a');
		await app.waitForText(`assigned ${CASES.othersCase} to you`, 'Assigned to tremblay');
		expect(fake.callsOf('assignToMe')).toEqual([[CASES.othersCase]]);
	});

	it('the window does not stay past the end when the list shrinks', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await switchToQueue(app, 'All cases');
		await app.press('G');
		await app.waitForText('41–60 of 60');
		// 20 cases leave the listings (pool profiles are never listed)
		for (const n of fake.numbers().slice(40)) fake.case(n).status = 'pool';
		await app.press('r');
		await app.waitForText('21–40 of 40');
		expect(app.selectedLine()).toContain(numberOf(39));
	});
});

describe('store traffic', () => {
	it.each(['none', 'inline'] as const)('opening the workstation asks for the queues and reason codes once (clock prop: %s)', async (clock) => {
		const fake = new FakePort();
		const app = await openWorkstation({fake, clock});
		await app.press('j', 'k', 'j');
		await app.settle();
		expect(fake.callsOf('queues')).toHaveLength(1);
		expect(fake.callsOf('reasonCodes')).toHaveLength(1);
		expect(fake.callsOf('queuePage')).toHaveLength(1);
		app.resize({columns: 100, rows: 30});
		await app.settle();
		expect(fake.callsOf('queues')).toHaveLength(1);
	});

	it('a change refreshes once: queues, the queue page and the open case, each asked once', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake, clock: 'none'});
		await openCase(app, CASES.eligible);
		const count = (method: string) => fake.callsOf(method).length;
		const before = {queues: count('queues'), caseDetail: count('caseDetail')};
		await app.press('b');
		await app.type('+14\r');
		await app.waitForText('bring-forward set to 2026-12-13', 'Bring-forward      2026-12-13');
		await app.settle();
		expect(count('queues') - before.queues).toBe(1);
		expect(count('caseDetail') - before.caseDetail).toBe(1);
	});
});

describe('queue screen: refresh and other officers’ changes', () => {
	it('r refreshes the counts and rows', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		fake.case(CASES.firstUnassigned).assignedTo = 'tremblay';
		fake.mark++;
		await app.press('r');
		await app.waitForText('refreshed', '[My cases (27)]', '1–20 of 27');
	});

	it('polling picks up another officer’s change without a key', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake, pollMs: 5});
		await app.waitFor(() => fake.callsOf('changeMark').length >= 2, 'two polls');
		fake.simulateOtherOfficer(CASES.helene, (d) => {
			d.assignedTo = 'chen';
		});
		await app.waitForText('[My cases (25)]', '1–20 of 25');
		expect(rowNumbers(app.frame())).not.toContain(CASES.helene);
	});
});

describe('help and command palette', () => {
	it('? lists every command with its keys (scrolling with j), Esc closes', async () => {
		const app = await openWorkstation();
		await app.press('?');
		await app.waitForText('Keys (Esc or ? to close');
		const seen = new Set<string>();
		for (let i = 0; i < COMMANDS.length + 5; i++) {
			for (const line of app.lines()) seen.add(line.trimEnd());
			await app.press('j');
		}
		const text = [...seen].join('\n');
		for (const command of COMMANDS) {
			const label = keyLabel(defaultKeyMap().get(command.id)!);
			expect(text, command.id).toMatch(new RegExp(`${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+${command.description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
		}
		expect(text).toMatch(/1–6\s+Case tab by number/);
		expect(text).toMatch(/0–9\s+Saved queue by its digit/);
		expect(text).toMatch(/Enter \/ v\s+Open the chosen document/);
		expect(text).toMatch(/^q\s+Quit, on the queue with no filter/m);
		expectFits(app.frame(), {columns: 80, rows: 24});
		await app.press(KEY.escape);
		await app.waitForText('1–20 of 26');
		await app.press('?');
		await app.waitForText('Keys (Esc');
		await app.press('?');
		await app.waitForText('1–20 of 26');
	});

	it('? at 80×24 says which lines are shown and that more follow; G goes to the end, g back; j j j in a burst scrolls three', async () => {
		const app = await openWorkstation();
		await app.press('?');
		let frame = await app.waitForText('Keys (Esc or ? to close');
		const first = /(\d+)–(\d+) of (\d+), more below: j PgDn/.exec(frame);
		expect(first, frame).not.toBeNull();
		const [, from, to, of] = first!.map(Number);
		expect(from).toBe(1);
		await app.press('G');
		frame = await app.waitForText(`of ${of}, more above: k PgUp`);
		expect(frame).toMatch(/^q\s+Quit, on the queue with no filter/m);
		expect(frame).not.toContain('more below');
		expectFits(frame, {columns: 80, rows: 24});
		await app.press('g');
		await app.waitForText(`1–${to} of ${of}, more below`);
		await app.type('jjj');
		const middle = await app.waitForText(`4–${to! + 3} of ${of}, more above: k PgUp; more below: j PgDn`);
		expectFits(middle, {columns: 80, rows: 24});
		expect(middle).not.toContain('PgDn…');
	});

	it(': filters the commands as you type; Enter runs one (:help opens the help)', async () => {
		const app = await openWorkstation();
		await app.press(':');
		await app.waitForText('Move down', 'Next queue');
		for (const char of 'help') await app.press(char);
		await app.waitFor((f) => f.includes(':help') && f.includes('Keys and commands') && !f.includes('Move down'), 'the palette filtered');
		await app.press(KEY.enter);
		await app.waitForText('Keys (Esc or ? to close');
	});

	it(': followed by a burst filters the palette with it', async () => {
		const app = await openWorkstation();
		await app.type(':help');
		await app.waitFor((f) => f.includes(':help') && f.includes('> Keys and commands') && !f.includes('Move down'), 'the palette filtered');
		await app.press(KEY.enter);
		await app.waitForText('Keys (Esc or ? to close');
	});

	it(': with a command and Enter in one burst runs it', async () => {
		const app = await openWorkstation();
		await app.press(':');
		await app.type('next queue\r');
		await app.waitForText('[Unassigned (12)]');
	});

	it(': runs a queue command; ↑/↓ choose; Esc closes; no match says so', async () => {
		const app = await openWorkstation();
		await app.press(':');
		await app.type('queue');
		await app.waitForText('> Filter the queue');
		await app.press(KEY.down);
		await app.waitForText('> Next queue');
		await app.press(KEY.down);
		await app.waitForText('> Previous queue');
		await app.press(KEY.up, KEY.enter);
		await app.waitForText('[Unassigned (12)]');
		expect(app.frame()).not.toContain('> Next queue');
		await app.press(':');
		await app.type('zzzz');
		await app.waitForText('no command matches');
		await app.press(KEY.escape);
		await app.waitForText('[Unassigned (12)]', '1–12 of 12');
	});
});

describe('quitting', () => {
	it('q quits', async () => {
		const app = await openWorkstation();
		expect(app.exited()).toBe(false);
		await app.press('q');
		await app.waitFor(() => app.exited(), 'the app to exit');
	});

	it('Ctrl+C without drafts quits at once', async () => {
		const app = await openWorkstation();
		await app.press(KEY.ctrlC);
		await app.waitFor(() => app.exited(), 'the app to exit');
	});

	it('q with a filter clears the filter first', async () => {
		const app = await openWorkstation();
		await app.press('/');
		await app.type('cote');
		await app.press(KEY.enter);
		await app.waitForText('filter: cote');
		await app.press('q');
		await app.waitForText('filter: none');
		expect(app.exited()).toBe(false);
	});
});

describe('keys typed ahead (one burst: fast typing, a slow link) act on the row the keys before them chose', () => {
	it('j j a assigns the third row; j j Enter opens it', async () => {
		const app = await openWorkstation();
		await switchToQueue(app, 'All cases');
		const rows = rowNumbers(app.frame());
		await app.type('jja');
		await app.waitForText(`assigned ${rows[2]} to you`);
		expect(app.fake.callsOf('assignToMe')).toEqual([[rows[2]]]);
		await app.type('gjj\r');
		await app.waitForText(`Application ${rows[2]}`);
	});

	it('a filter, its Enter and then Enter in one burst open the case the filter found', async () => {
		const app = await openWorkstation();
		await app.type('/helene\r\r');
		await app.waitForText('[1 Summary]', `Application ${CASES.helene}`);
	});

	it('Esc then q in one burst (arriving as Alt+q) closes the filter and quits: the q is not lost', async () => {
		const app = await openWorkstation();
		await app.type('/zzz\u001bq');
		await app.waitFor(() => app.exited(), 'the app to exit');
	});

	it('Enter then a tab digit in one burst opens the case on that tab; Esc then j goes back and moves down', async () => {
		const app = await openWorkstation();
		const rows = rowNumbers(app.frame());
		await app.type('\r3');
		await app.waitForText('[3 CRS]', `${rows[0]}  `);
		await app.type('\u001bj');
		await app.waitFor((f) => f.includes('filter: none') && app.selectedLine()?.includes(rows[1]!) === true, 'the queue with the second row selected');
	});

	it('Enter typed ahead of a slow store waits for the filtered rows, even when an earlier filter’s rows come first', async () => {
		const app = await openWorkstation();
		const releaseFirst = app.fake.hold('queuePage');
		await app.type(`/${CASES.ineligible.slice(0, -1)}`);
		await app.waitFor(() => app.fake.callsOf('queuePage').length >= 2, 'the first filter asked for');
		// The second filter's page is held longer than the first's.
		const releaseSecond = app.fake.hold('queuePage');
		await app.type(CASES.ineligible.slice(-1));
		await app.waitFor(() => app.fake.callsOf('queuePage').length >= 3, 'the second filter asked for');
		releaseFirst();
		await app.type('\r\r');
		await app.waitForText(`filter: ${CASES.ineligible}`);
		expect(app.frame()).not.toContain('[1 Summary]');
		// A key typed later, while the Enter still waits, acts after it: on the case it opens.
		await app.type('3');
		await app.settle();
		expect(app.frame()).not.toContain('[3 CRS]');
		releaseSecond();
		await app.waitForText('[3 CRS]', `${CASES.ineligible}  `);
	});

	it('two Esc in one packet count as two: from a filtered case back to the queue, then the filter cleared', async () => {
		const app = await openWorkstation();
		await app.type(`/${CASES.ineligible}\r\r`);
		await app.waitForText('[1 Summary]', `Application ${CASES.ineligible}`);
		await app.type('\u001b\u001b');
		await app.waitForText('filter: none', '1–20 of 26');
	});

	it('Space Space a assigns the two rows just tagged, not the row under the cursor', async () => {
		const app = await openWorkstation();
		await switchToQueue(app, 'All cases');
		const rows = rowNumbers(app.frame());
		await app.type('  a');
		await app.waitForText('assigned 2 cases to you');
		expect(app.fake.callsOf('assignToMe')).toEqual([[rows[0]], [rows[1]]]);
	});
});
