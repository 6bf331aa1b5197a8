/**
 * `caips queue`, `caips next`, `caips assign` as an officer runs them (the built dist/cli.js on a
 * real store; run `npm run build` first).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openStore} from '../../db/index.js';
import {BUILT_IN_QUEUES} from '../../source/cases/queues.js';
import {displayWidth} from '../../source/ui/terminal-text.js';
import {addOfficer, insertCases, queueStore, type CaseSpec} from '../cases/queue-fixtures.js';
import {runCli} from '../helpers/cli.js';

let dbPath: string;
let close: () => Promise<void>;
const as = (officer: string) => ({env: {CAIPS_DB: dbPath, CAIPS_OFFICER: officer}});
const n = (i: number) => `E${String(800 + i).padStart(9, '0')}`;

beforeAll(async () => {
	const t = await queueStore();
	dbPath = t.path;
	await addOfficer(t.store, 'alice', ['officer', 'supervisor']);
	await addOfficer(t.store, 'bob', ['officer']);
	const names: Array<[string, string]> = [
		['Côté-Lefrançois', 'Marie-Ève'],
		['王', '秀英'],
		['\u001b[31mRed', 'Evil\u0007'],
		['Nguyễn', 'Thị'],
	];
	const specs: CaseSpec[] = Array.from({length: 30}, (_, i) => ({
		applicationNumber: n(i),
		familyName: names[i % 4]![0],
		givenNames: names[i % 4]![1],
		status: i < 25 ? ('received' as const) : ('awaiting_info' as const),
		receivedAt: `2026-0${1 + (i % 9)}-0${1 + (i % 9)}T12:00:00.000Z`,
		program: (['CEC', 'FSW', 'FST'] as const)[i % 3],
	}));
	await insertCases(t.store, specs);
	await t.store.close();
	close = t.close;
});
afterAll(async () => {
	await close();
});

describe('caips queue', () => {
	it('lists every received case when no queue is named: header, table, first 20', () => {
		const run = runCli(['queue'], as('alice'));
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		const lines = run.stdout.trimEnd().split('\n');
		expect(lines[0]).toBe('All cases — 1–20 of 30 (more with --limit N) · sorted by received:asc');
		expect(lines[1]).toMatch(/^NUMBER\s+NAME\s+PROG\s+STATUS\s+CRS\s+RECEIVED\s+DAYS\s+BF\s+OFFICER$/);
		expect(lines).toHaveLength(22);
	});

	it('sanitises names from the store and aligns columns by display width (wide and combining characters)', () => {
		const run = runCli(['queue', '--limit', '30'], as('alice'));
		expect(run.code).toBe(0);
		expect(run.stdout).not.toContain('\u001b');
		expect(run.stdout).not.toContain('\u0007');
		expect(run.stdout).toContain('␛[31mRed, Evil␇');
		expect(run.stdout).toContain('王, 秀英');
		const rows = run.stdout.trimEnd().split('\n').slice(2);
		expect(rows).toHaveLength(30);
		const programAt = rows.map((line) => displayWidth(line.split(/ {2}(?:CEC|FSW|FST) {2}/)[0]!));
		expect(new Set(programAt).size).toBe(1);
		const header = run.stdout.split('\n')[1]!;
		expect(displayWidth(header.slice(0, header.indexOf('PROG')))).toBe(programAt[0]! + 2);
	});

	it('--json: the queue, its total, rows and a cursor; names matched ignoring case; several words', () => {
		const run = runCli(['queue', 'UNASSIGNED', '--limit', '5', '--json'], as('alice'));
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		const out = JSON.parse(run.stdout);
		expect(Object.keys(out)).toEqual(['queue', 'filter', 'sort', 'total', 'rows', 'next']);
		expect(out).toMatchObject({queue: 'Unassigned', filter: null, sort: 'received:asc', total: 25});
		expect(out.rows).toHaveLength(5);
		expect(typeof out.next).toBe('string');
		expect(Object.keys(out.rows[0])).toEqual([
			'applicationNumber', 'familyName', 'givenNames', 'program', 'status', 'crsTotal', 'receivedAt', 'daysWaiting', 'bringForwardOn', 'assignedTo', 'office', 'version',
		]);
		const awaiting = JSON.parse(runCli(['queue', 'awaiting', 'information', '--json'], as('alice')).stdout);
		expect(awaiting).toMatchObject({queue: 'Awaiting information', total: 5});
	});

	it('--filter narrows the queue (accents ignored) and --sort orders it', () => {
		const run = runCli(['queue', '--filter', 'name:cote program:CEC', '--sort', 'number:desc', '--json'], as('alice'));
		expect(run.code).toBe(0);
		const out = JSON.parse(run.stdout);
		expect(out.filter).toBe('name:cote program:CEC');
		const expected = Array.from({length: 30}, (_, i) => i)
			.filter((i) => i % 4 === 0 && i % 3 === 0)
			.map(n)
			.reverse();
		expect(out.rows.map((r: {applicationNumber: string}) => r.applicationNumber)).toEqual(expected);
		const text = runCli(['queue', '--filter', 'name:cote program:CEC'], as('alice'));
		expect(text.stdout.split('\n')[1]).toBe('filter: name contains "cote" · program CEC');
	});

	it('an unknown queue exits 65 naming the queues there are', () => {
		const run = runCli(['queue', 'Urgent'], as('alice'));
		expect(run.code).toBe(65);
		expect(run.stdout).toBe('');
		expect(run.stderr).toBe(`caips: no queue named "Urgent"; queues: ${BUILT_IN_QUEUES.map((q) => q.name).join(', ')}\n`);
	});

	it('a filter that does not parse, a bad --limit or --sort exit 2, naming the flag', () => {
		const filter = runCli(['queue', '--filter', 'crs>>4'], as('alice'));
		expect(filter.code).toBe(2);
		expect(filter.stderr).toBe('caips: --filter: "crs>>4" — expected crs>=N, crs<=N, crs>N, crs<N, crs=N or crs:N with N a whole number of points\n');
		const key = runCli(['queue', '--filter', 'status:received colour:red'], as('alice'));
		expect(key.code).toBe(2);
		expect(key.stderr).toMatch(/^caips: --filter: "colour:red" — expected a known key .*"colour" is not one\n$/);
		const limit = runCli(['queue', '--limit', 'ten'], as('alice'));
		expect(limit.code).toBe(2);
		expect(limit.stderr).toBe('caips: --limit: "ten" is not a whole number from 1 to 1000\n');
		const sort = runCli(['queue', '--sort', 'colour'], as('alice'));
		expect(sort.code).toBe(2);
		expect(sort.stderr).toMatch(/^caips: --sort "colour": expected one of received, crs, name, status, bf, number, waiting/);
	});

	it('a filter naming an officer who is not one exits 65 naming them and the known ones; officer:me and a known officer list', () => {
		const unknown = runCli(['queue', '--filter', 'status:received officer:nobody'], as('alice'));
		expect(unknown).toEqual({code: 65, stdout: '', stderr: 'caips: no officer "nobody" (known: alice, bob)\n'});
		const mine = runCli(['queue', '--filter', 'officer:me', '--json'], as('alice'));
		expect(mine.code).toBe(0);
		expect(JSON.parse(mine.stdout)).toMatchObject({filter: 'officer:me', total: 0});
		const bob = runCli(['queue', '--filter', 'officer:bob,none', '--json'], as('alice'));
		expect(bob.code).toBe(0);
		expect(JSON.parse(bob.stdout)).toMatchObject({total: 30});
	});

	it('each listing is audited once', async () => {
		const store = await openStore(dbPath);
		try {
			const events = await store.db.selectFrom('audit_events').select(['action', 'officer', 'detail']).where('action', 'in', ['list', 'search']).orderBy('seq').execute();
			expect(events.length).toBeGreaterThanOrEqual(5);
			expect(events.some((e) => e.action === 'search' && JSON.parse(e.detail!).filter === 'name:cote program:CEC')).toBe(true);
		} finally {
			await store.close();
		}
	});
});

describe('caips queue save and delete', () => {
	it('saves a filter and sort as a queue with a digit key, lists it by name, and deletes it', () => {
		// One NAME argument, as every command takes its arguments: a second is a usage error (2), nothing saved.
		const split = runCli(['queue', 'save', 'CEC', 'by', 'CRS', '--filter', 'program:CEC'], as('bob'));
		expect(split.code).toBe(2);
		expect(split.stderr.split('\n')[0]).toMatch(/^caips: queue save: unexpected argument "by" \(quote a name with spaces/);
		expect(runCli(['queue', 'delete', 'CEC', 'extra'], as('bob')).code).toBe(2);
		const saved = runCli(['queue', 'save', 'CEC by CRS', '--filter', 'program:CEC', '--sort', 'crs', '--key', '4'], as('bob'));
		expect(saved.stderr).toBe('');
		expect(saved.code).toBe(0);
		expect(saved.stdout).toBe('saved queue "CEC by CRS" (key 4): program:CEC, sorted by crs:desc\n');
		const listed = runCli(['queue', 'cec by crs', '--json', '--limit', '100'], as('alice'));
		expect(listed.code).toBe(0);
		const page = JSON.parse(listed.stdout);
		expect(page).toMatchObject({queue: 'CEC by CRS', sort: 'crs:desc', total: 10});
		expect(page.rows.every((r: {program: string}) => r.program === 'CEC')).toBe(true);
		const deleted = runCli(['queue', 'delete', 'CEC by CRS'], as('bob'));
		expect(deleted.stdout).toBe('deleted queue "CEC by CRS"\n');
		expect(deleted.code).toBe(0);
		expect(runCli(['queue', 'CEC by CRS'], as('alice')).code).toBe(65);
	});

	it('refuses a name in use (65) unless --replace; someone else\'s queue needs a supervisor (77); --json gives the saved queue', () => {
		expect(runCli(['queue', 'save', 'Mine CEC', '--filter', 'program:CEC officer:me'], as('bob')).code).toBe(0);
		const again = runCli(['queue', 'save', 'mine-cec', '--filter', 'program:FSW'], as('bob'));
		expect(again.code).toBe(65);
		expect(again.stderr).toBe('caips: a saved queue named "Mine CEC" exists already (saved by bob); choose another name or give --replace to replace it\n');
		const replaced = runCli(['queue', 'save', 'mine-cec', '--filter', 'program:FSW', '--replace', '--json'], as('bob'));
		expect(replaced.code).toBe(0);
		expect(JSON.parse(replaced.stdout)).toMatchObject({name: 'mine-cec', query: 'program:FSW', sort: 'received:asc', digitKey: null, owner: 'bob', replaced: true});
		expect(runCli(['queue', 'save', 'Alice FST', '--filter', 'program:FST'], as('alice')).code).toBe(0);
		expect(runCli(['queue', 'save', 'Alice FST', '--filter', 'program:FSW', '--replace'], as('bob')).code).toBe(77);
		expect(runCli(['queue', 'delete', 'alice fst'], as('bob')).code).toBe(77);
		expect(runCli(['queue', 'delete', 'mine-cec'], as('alice')).code).toBe(0);
		expect(runCli(['queue', 'delete', 'alice fst'], as('alice')).code).toBe(0);
		const gone = runCli(['queue', 'delete', 'mine-cec'], as('bob'));
		expect(gone.stderr).toBe('caips: no saved queue named "mine-cec"\n');
		expect(gone.code).toBe(65);
	});

	it('checks the filter as when typed: an unknown officer is refused (65) naming known ones, a bad token is a usage error (2)', () => {
		const nobody = runCli(['queue', 'save', 'Nobody', '--filter', 'officer:nobody'], as('bob'));
		expect(nobody.stderr).toMatch(/^caips: no officer "nobody" \(known: [a-z, ]+\)\n$/);
		expect(nobody.code).toBe(65);
		const bad = runCli(['queue', 'save', 'Bad', '--filter', 'crs>>4'], as('bob'));
		expect(bad.stderr).toMatch(/^caips: --filter: "crs>>4" — expected/);
		expect(bad.code).toBe(2);
		expect(runCli(['queue', 'Nobody'], as('alice')).code).toBe(65);
	});
});

describe('caips next and caips assign', () => {
	it('next takes the oldest unassigned case for me, one line; --json gives the row', () => {
		const run = runCli(['next'], as('bob'));
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		// Oldest: received 2026-01-01 (i = 0, 9, 18, …): E000000800 first.
		expect(run.stdout).toMatch(/^E000000800 {2}Côté-Lefrançois, Marie-Ève {2}CEC {2}received 2026-01-01 \(\d+ days\) {2}now in_review, assigned to you\n$/);
		const json = JSON.parse(runCli(['next', 'unassigned', '--json'], as('bob')).stdout);
		expect(json).toMatchObject({applicationNumber: n(9), status: 'in_review', assignedTo: 'bob', version: 2});
	});

	it('next on an empty queue exits 0 with a message (--json: null); unknown queue 65', () => {
		const empty = runCli(['next', 'Pending review'], as('bob'));
		expect(empty).toEqual({code: 0, stdout: 'no unassigned case in Pending review\n', stderr: ''});
		expect(runCli(['next', 'pending', '--json'], as('bob')).stdout).toBe('null\n');
		const unknown = runCli(['next', 'Nope'], as('bob'));
		expect(unknown.code).toBe(65);
		expect(unknown.stderr).toMatch(/^caips: no queue named "Nope"; queues: My cases/);
	});

	it('assign: a supervisor assigns to an officer; text and --json', () => {
		const run = runCli(['assign', n(1), '--to', 'bob'], as('alice'));
		expect(run.stderr).toBe('');
		expect(run).toMatchObject({code: 0, stdout: `assigned ${n(1)} to bob (was unassigned; now in_review)\n`});
		const again = runCli(['assign', n(1).toLowerCase(), '--to', 'bob', '--json'], as('alice'));
		expect(JSON.parse(again.stdout)).toEqual({applicationNumber: n(1), assignedTo: 'bob', previous: 'bob', status: 'in_review', version: 2, changed: false});
		const moved = runCli(['assign', n(1), '--to', 'me'], as('alice'));
		expect(moved.stdout).toBe(`assigned ${n(1)} to alice (was assigned to bob; now in_review)\n`);
	});

	it('assign: usage errors exit 2; an officer assigning to someone else 77; unknown case 65', () => {
		expect(runCli(['assign', n(2)], as('alice'))).toMatchObject({
			code: 2,
			stderr: 'caips: --to USER is required: the officer to assign the case to (me for yourself) (usage: caips assign APP --to USER)\n',
		});
		expect(runCli(['assign', '--to', 'bob'], as('alice'))).toMatchObject({code: 2, stderr: 'caips: missing APP (usage: caips assign APP --to USER)\n'});
		const refused = runCli(['assign', n(2), '--to', 'alice'], as('bob'));
		expect(refused.code).toBe(77);
		expect(refused.stderr).toBe(`caips: assigning case ${n(2)} to alice needs the supervisor or admin role; an officer may take only an unassigned case, for themselves\n`);
		const unknown = runCli(['assign', 'E999999999', '--to', 'bob'], as('alice'));
		expect(unknown).toMatchObject({code: 65, stderr: 'caips: no case E999999999\n'});
	});
});
