/**
 * The Pool screen (P): the ranked pool windowed to the height, IRCC's CRS distribution as a bar
 * chart of `#` within the width, the program (c/f/t/p) and category (y) filters, refresh, Esc
 * back, and the terminal contract (80×24, TERM=dumb plain). The pool comes from the FakePort.
 */
import chalk from 'chalk';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {PoolRequest} from '../../source/ui/data.js';
import {themeFor} from '../../source/ui/theme.js';
import {CASES, FakePort, POOL_CATEGORIES, TODAY} from './fake-port.js';
import {KEY, openWorkstation, useUiTestHooks, type Rendered} from './render-app.js';

let savedLevel: typeof chalk.level;
beforeEach(() => {
	savedLevel = chalk.level;
	chalk.level = 3;
});
afterEach(() => {
	chalk.level = savedLevel;
});
useUiTestHooks();

/** The frame without SGR (colour, inverse) codes. */
const plain = (frame: string) => frame.replace(/\u001b\[[0-9;]*m/g, '');

/** Rows of the pool table in the frame: [rank, application number, CRS, rest of the line]. */
function poolRows(frame: string): Array<[number, string, number, string]> {
	return plain(frame)
		.split('\n')
		.map((line) => /^[>* ] +(\d+) (E\d{9}) +(\d+) (.*)$/.exec(line))
		.filter((m): m is RegExpExecArray => m !== null)
		.map((m) => [Number(m[1]), m[2]!, Number(m[3]), m[4]!]);
}

/** The chart's band rows: label, count, bar length. */
function chartRows(frame: string): Array<{label: string; count: number; bar: number}> {
	return plain(frame)
		.split('\n')
		.map((line) => /^ *(\d+-\d+) +([\d,]+) ?(#*) *$/.exec(line))
		.filter((m): m is RegExpExecArray => m !== null)
		.map((m) => ({label: m[1]!, count: Number(m[2]!.replace(/,/g, '')), bar: m[3]!.length}));
}

function lastPoolRequest(fake: FakePort): PoolRequest {
	const calls = fake.callsOf('pool');
	return calls[calls.length - 1]![0] as PoolRequest;
}

async function openPool(app: Rendered): Promise<string> {
	await app.press('P');
	return app.waitFor((f) => f.includes('Pool on') && poolRows(f).length > 0, 'the pool table');
}

describe('Pool screen', () => {
	it('opens with P and shows the ranked pool windowed to the height', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		const frame = await openPool(app);
		const all = fake.poolEntries();
		expect(frame).toContain(`Pool on ${TODAY} | program: all | category: all | 1–20 of ${all.length}`);
		expect(frame).toMatch(/Rank Application +CRS Programs +Submitted +Categories/);
		const rows = poolRows(frame);
		// 24 lines: title, keys, header, 20 rows, status bar.
		expect(rows).toHaveLength(20);
		expect(rows.map((r) => r[1])).toEqual(all.slice(0, 20).map((e) => e.applicationNumber));
		expect(rows.map((r) => r[0])).toEqual(all.slice(0, 20).map((e) => e.rank));
		// Ranked by CRS, highest first.
		for (let i = 1; i < rows.length; i++) expect(rows[i]![2]).toBeLessThanOrEqual(rows[i - 1]![2]);
		// Only the visible window is asked for; the ranking is the port's to keep.
		expect(lastPoolRequest(fake)).toMatchObject({asOf: TODAY, program: null, category: null, offset: 0, limit: 20});
		expect(app.selectedLine()).toContain(all[0]!.applicationNumber);
	});

	it('moves through the window like the queues: j, G, PgUp, g', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openPool(app);
		const all = fake.poolEntries();
		await app.press('j', 'j');
		expect(app.selectedLine()).toContain(all[2]!.applicationNumber);
		await app.press('G');
		await app.waitFor((f) => f.includes(`41–60 of ${all.length}`) && poolRows(f)[19]?.[1] === all[59]!.applicationNumber, 'the last window');
		expect(app.selectedLine()).toContain(all[59]!.applicationNumber);
		expect(lastPoolRequest(fake)).toMatchObject({offset: 40, limit: 20});
		await app.press(KEY.pageUp);
		await app.waitForText(`21–40 of ${all.length}`);
		await app.press('g');
		await app.waitFor((f) => f.includes(`1–20 of ${all.length}`) && (app.selectedLine()?.includes(all[0]!.applicationNumber) ?? false), 'the first row');
	});

	it('windows a long pool: only the visible rows are fetched and drawn', async () => {
		const fake = new FakePort();
		fake.extraPoolProfiles = 5000;
		const app = await openWorkstation({fake});
		const frame = await openPool(app);
		expect(frame).toContain('1–20 of 5060');
		expect(poolRows(frame)).toHaveLength(20);
		await app.press('G');
		await app.waitForText('5041–5060 of 5060');
		expect(poolRows(app.frame())).toHaveLength(20);
		for (const [request] of fake.callsOf('pool')) expect((request as PoolRequest).limit).toBeLessThanOrEqual(20);
	});

	it('draws the CRS distribution as bars of # proportional to the counts, within 80 columns', async () => {
		const fake = new FakePort();
		fake.extraPoolProfiles = 400;
		const app = await openWorkstation({fake});
		await openPool(app);
		await app.press(KEY.tab);
		const frame = await app.waitForText('CRS score distribution (460 profiles)');
		const rows = chartRows(frame);
		expect(rows.map((r) => r.label)).toEqual([
			'601-1200', '501-600', '451-500', '491-500', '481-490', '471-480', '461-470', '451-460',
			'401-450', '441-450', '431-440', '421-430', '411-420', '401-410', '351-400', '301-350', '0-300',
		]);
		const entries = fake.poolEntries();
		for (const row of rows) {
			const [min, max] = row.label.split('-').map(Number) as [number, number];
			expect(row.count, row.label).toBe(entries.filter((e) => e.crs >= min && e.crs <= max).length);
		}
		const largest = Math.max(...rows.map((r) => r.count));
		const longest = Math.max(...rows.map((r) => r.bar));
		expect(largest).toBeGreaterThan(0);
		expect(longest).toBeGreaterThan(30);
		for (const row of rows) {
			if (row.count === 0) expect(row.bar, row.label).toBe(0);
			else {
				expect(row.bar, row.label).toBeGreaterThanOrEqual(1);
				expect(Math.abs(row.bar - (row.count / largest) * longest), row.label).toBeLessThanOrEqual(1);
			}
		}
		expect(plain(frame)).toMatch(/^total +460 *$/m);
		for (const line of plain(frame).split('\n')) expect(line.length).toBeLessThanOrEqual(80);
		// Tab again: back to the table.
		await app.press(KEY.tab);
		await app.waitFor((f) => poolRows(f).length === 20 && !f.includes('CRS score distribution'), 'the table again');
	});

	it('shows the table and the chart together on a tall terminal', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake, size: {columns: 100, rows: 50}});
		const frame = await openPool(app);
		await app.waitForText('CRS score distribution (60 profiles)');
		expect(poolRows(app.frame()).length).toBe(50 - 1 - 3 - 19);
		expect(frame).toContain('Tab table+chart');
	});

	it('filters by program with c/f/t/p (the same key again shows all)', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openPool(app);
		for (const [key, program] of [['c', 'CEC'], ['f', 'FSW'], ['t', 'FST'], ['p', 'PNP']] as const) {
			await app.press(key);
			const expected = fake.poolEntries(program);
			expect(expected.length).toBeGreaterThan(0);
			const frame = await app.waitFor(
				(f) => f.includes(`program: ${program} |`) && f.includes(`of ${expected.length}`) && poolRows(f)[0]?.[1] === expected[0]!.applicationNumber,
				`the ${program} pool`,
			);
			const rows = poolRows(frame);
			expect(rows.length).toBe(Math.min(20, expected.length));
			for (const row of rows) expect(row[3].split(/ {2,}|\s+\d{4}-/)[0]).toContain(program);
			// Ranks are within the filtered pool.
			expect(rows[0]![0]).toBe(1);
			expect(lastPoolRequest(fake)).toMatchObject({program, offset: 0});
		}
		await app.press('p');
		await app.waitForText('program: all |', `of ${fake.poolEntries().length}`);
		expect(lastPoolRequest(fake).program).toBeNull();
	});

	it('cycles the categories in force with y, then all', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openPool(app);
		for (const category of POOL_CATEGORIES) {
			await app.press('y');
			await app.waitForText(`category: ${category} |`, `of ${fake.poolEntries(null, category).length}`);
			expect(lastPoolRequest(fake).category).toBe(category);
		}
		await app.press('y');
		await app.waitForText('category: all |');
		expect(lastPoolRequest(fake).category).toBeNull();
	});

	it('r ranks the pool again; Esc goes back to the queue', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openPool(app);
		expect(fake.callsOf('pool').every(([r]) => !(r as PoolRequest).reload)).toBe(true);
		await app.press('r');
		await app.waitFor(() => fake.callsOf('pool').some(([r]) => (r as PoolRequest).reload === true), 'a reload');
		await app.press(KEY.escape);
		await app.waitFor((f) => f.includes('filter: none') && !f.includes('Pool on'), 'the queue');
		expect(fake.writes()).toEqual([]);
		await openPool(app);
		await app.press('q');
		await app.waitForText('filter: none');
		expect(app.exited()).toBe(false);
	});

	it('a change in the store while the pool is shown is told (r ranks again), not re-ranked unasked', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake, pollMs: 5});
		await openPool(app);
		const ranked = fake.callsOf('pool').length;
		fake.simulateOtherOfficer(CASES.helene);
		await app.waitForText('the store changed since the pool was ranked: r ranks it again');
		expect(fake.callsOf('pool').length).toBe(ranked);
	});

	it('r ranks the pool again and the notice that the store changed goes; leaving the screen takes it away too', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake, pollMs: 5});
		await openPool(app);
		// The status bar has no empty part (the Pool screen has no queue position).
		expect(app.frame()).toMatch(/\| Pool \| \d\d:\d\d/);
		const ranked = fake.callsOf('pool').length;
		fake.simulateOtherOfficer(CASES.helene);
		const told = await app.waitForText('ranks it again');
		expect(plain(told)).toMatch(/^Pool the store changed since the pool was ranked/m);
		await app.press('r');
		await app.waitFor((f) => fake.callsOf('pool').length > ranked && !f.includes('ranks it again'), 'ranked again, the notice gone');
		fake.simulateOtherOfficer(CASES.cjk);
		await app.waitForText('ranks it again');
		await app.press(KEY.escape);
		await app.waitFor((f) => f.includes('filter: none') && !f.includes('ranks it again'), 'the queue, without the notice');
	});

	it('opened again after the store changed elsewhere, the pool is ranked again, not shown as it was', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake, pollMs: 5});
		await openPool(app);
		await app.press(KEY.escape);
		await app.waitForText('filter: none');
		// Unchanged store: the ranking kept is shown.
		await openPool(app);
		expect((fake.callsOf('pool').at(-1)![0] as PoolRequest).reload).toBe(false);
		await app.press(KEY.escape);
		await app.waitForText('filter: none');
		const asked = fake.callsOf('queues').length;
		fake.simulateOtherOfficer(CASES.helene);
		await app.waitFor(() => fake.callsOf('queues').length > asked, 'the change seen');
		await openPool(app);
		expect((fake.callsOf('pool').at(-1)![0] as PoolRequest).reload).toBe(true);
	});

	it('moves and Enter typed ahead in one burst (j j j Enter) open the profile the moves chose', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openPool(app);
		await app.press('f');
		const fsw = fake.poolEntries('FSW');
		await app.waitFor((f) => f.includes('program: FSW |') && poolRows(f)[0]?.[1] === fsw[0]!.applicationNumber, 'the FSW pool');
		await app.type('jjj\r');
		await app.waitForText('[1 Summary]', `Application ${fsw[3]!.applicationNumber}`);
	});

	it('Enter opens the chosen profile in the case view (audited as a case view); Esc comes back to the same row, filters kept', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openPool(app);
		await app.press('f');
		const fsw = fake.poolEntries('FSW');
		expect(fsw.length).toBeGreaterThan(4);
		await app.waitFor((f) => f.includes('program: FSW |') && poolRows(f)[0]?.[1] === fsw[0]!.applicationNumber, 'the FSW pool');
		await app.press('j', 'j', 'j');
		const chosen = fsw[3]!.applicationNumber;
		expect(app.selectedLine()).toContain(chosen);
		const reads = fake.callsOf('caseDetail').length;
		await app.press(KEY.enter);
		let frame = await app.waitForText('[1 Summary]', `Application ${chosen}`);
		// The store's case view (each read is audited there) was asked for this case.
		expect(fake.callsOf('caseDetail').slice(reads)).toEqual([[chosen]]);
		expect(frame).not.toContain('Pool on');
		// The status bar says where the case came from.
		expect(plain(frame).split('\n').at(-1)).toMatch(new RegExp(`Pool \\| ${chosen}`));
		// The case view is the one of the queues: its tabs work.
		await app.press('3');
		await app.waitForText('[3 CRS]');
		await app.press(KEY.escape);
		frame = await app.waitFor((f) => f.includes('program: FSW |') && poolRows(f).length > 0, 'the pool again');
		expect(app.selectedLine()).toContain(chosen);
		expect(fake.writes()).toEqual([]);
		// Back once more: the queue.
		await app.press(KEY.escape);
		await app.waitFor((f) => f.includes('filter: none') && !f.includes('Pool on'), 'the queue');
	});

	it('after a case opened far down the pool, Esc finds the same window and row', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openPool(app);
		const all = fake.poolEntries();
		await app.press('G', 'k', 'k', 'k');
		await app.waitForText('41–60 of 60');
		const chosen = all[56]!.applicationNumber;
		expect(app.selectedLine()).toContain(chosen);
		await app.press(KEY.enter);
		await app.waitForText(`Application ${chosen}`);
		await app.press(KEY.escape);
		await app.waitFor((f) => f.includes('41–60 of 60') && (app.selectedLine()?.includes(chosen) ?? false), 'the same window and row');
		expect(poolRows(app.frame()).map((r) => r[1])).toEqual(all.slice(40, 60).map((e) => e.applicationNumber));
	});

	it('shows a ranking error in the status bar', async () => {
		const fake = new FakePort();
		fake.failNext('pool', new Error('as-of date 2014-01-01 is before Express Entry began (2015-01-01)\nmore'));
		const app = await openWorkstation({fake});
		await app.press('P');
		await app.waitForText('! as-of date 2014-01-01 is before Express Entry began');
	});

	it('is listed in help and runs from the palette', async () => {
		const app = await openWorkstation();
		await app.press('?');
		for (let i = 0; i < 30; i++) await app.press('j');
		await app.waitForText('Pool: ranked profiles', 'Rounds of invitations', 'Table or CRS distribution chart  (pool)');
		await app.press(KEY.escape, ':');
		await app.type('pool');
		await app.press(KEY.enter);
		await app.waitFor((f) => f.includes('Pool on') && poolRows(f).length > 0, 'the pool from the palette');
		// On the pool screen the palette still reaches the Rounds screen.
		await app.press(':');
		await app.type('rounds');
		await app.press(KEY.enter);
		await app.waitForText('Rounds of invitations');
	});

	it('on TERM=dumb draws plain text: no escape codes, no box drawing, the > marker kept', async () => {
		const app = await openWorkstation({theme: themeFor({TERM: 'dumb'})});
		await openPool(app);
		await app.press('j', KEY.tab);
		await app.waitForText('CRS score distribution');
		await app.press(KEY.tab, 'c');
		await app.waitForText('program: CEC');
		expect(app.selectedLine()).toMatch(/^> +1 E\d{9}/);
		for (const frame of app.frames) {
			expect(frame).not.toContain('\u001b');
			expect(frame).not.toMatch(/[\u2500-\u257f]/);
		}
	});
});
