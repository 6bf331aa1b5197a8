import {CompiledQuery} from 'kysely';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {decodeCursor, encodeCursor, keysetPage, type ApplicationStatus} from '../../db/index.js';
import {verifyAudit} from '../../source/cases/audit.js';
import {InvalidError, NotFoundError, PermissionError} from '../../source/cases/errors.js';
import {localDayStart} from '../../source/cases/filter.js';
import {
	BUILT_IN_QUEUES,
	deleteQueue,
	findQueue,
	listQueue,
	listQueues,
	parseSort,
	queueCounts,
	queuePageQuery,
	QueueExistsError,
	saveQueue,
	SORT_COLUMNS,
	sortKeys,
	type QueueEntry,
	type QueueSort,
} from '../../source/cases/queues.js';
import {caseSearchKey} from '../../source/cases/search-key.js';
import type {Session} from '../../source/cases/session.js';
import {dayNumber, fromDayNumber} from '../../source/rules/dates.js';
import {addOfficer, caseRow, insertCases, queueStore, rng, type CaseSpec} from './queue-fixtures.js';

const TODAY = '2026-11-29';
const day = (offset: number) => fromDayNumber(dayNumber(TODAY) + offset);
const numbers = (rows: QueueEntry[]) => rows.map((r) => r.applicationNumber);

type T = Awaited<ReturnType<typeof queueStore>>;

async function events(t: T, action?: string) {
	let q = t.store.db.selectFrom('audit_events').selectAll().orderBy('seq');
	if (action) q = q.where('action', '=', action);
	return (await q.execute()).map((e) => ({...e, detail: e.detail ? JSON.parse(e.detail) : null}));
}

describe('built-in queues', () => {
	let t: T;
	let alice: Session;
	const noon = (offset: number) => new Date(Date.parse(localDayStart(day(offset))) + 12 * 3_600_000).toISOString();

	beforeAll(async () => {
		t = await queueStore();
		await addOfficer(t.store, 'alice', ['officer', 'supervisor']);
		await addOfficer(t.store, 'bob', ['officer']);
		const c = (n: number, status: ApplicationStatus, more: Partial<CaseSpec> = {}): CaseSpec => ({
			applicationNumber: `E0000001${String(n).padStart(2, '0')}`,
			status,
			receivedAt: `2026-0${1 + (n % 9)}-15T10:00:00.000Z`,
			...more,
		});
		await insertCases(t.store, [
			c(1, 'pool', {receivedAt: null}),
			c(2, 'invited', {receivedAt: null}),
			c(3, 'received'),
			c(4, 'in_review'),
			c(5, 'in_review', {assignedTo: 'alice'}),
			c(6, 'awaiting_info', {assignedTo: 'alice', bringForwardOn: day(-1)}),
			c(7, 'awaiting_info', {assignedTo: 'bob', bringForwardOn: day(0)}),
			c(8, 'awaiting_info', {assignedTo: 'bob', bringForwardOn: day(1)}),
			c(9, 'pending_review', {assignedTo: 'alice'}),
			c(10, 'approved', {assignedTo: 'alice', bringForwardOn: day(-9)}),
			c(11, 'refused', {assignedTo: 'bob'}),
			c(12, 'withdrawn'),
			c(13, 'awaiting_info'),
			c(14, 'received', {receivedAt: '2025-12-31T23:00:00.000Z'}),
		]);
		// Decisions: approve today (E…110), rfi today (E…107: not a decision that decides),
		// refuse yesterday (E…111), withdraw today at local midnight (E…112), withdraw at the
		// start of tomorrow (E…113).
		const decision = (applicationNumber: string, outcome: string, decidedAt: string) => ({
			application_number: applicationNumber,
			outcome,
			reason_codes: '[]',
			text: 'reasons',
			officer: 'alice',
			decided_at: decidedAt,
			rules_version: '2025-03-25',
			assessment_snapshot: '{}',
			case_version: 1,
		});
		await t.store.transaction((trx) =>
			trx
				.insertInto('decisions')
				.values([
					decision('E000000110', 'approve', noon(0)),
					decision('E000000107', 'rfi', noon(0)),
					decision('E000000111', 'refuse', new Date(Date.parse(localDayStart(TODAY)) - 1).toISOString()),
					decision('E000000112', 'withdraw', localDayStart(TODAY)),
					decision('E000000113', 'withdraw', localDayStart(day(1))),
				])
				.execute(),
		);
		alice = await t.as('alice');
	});
	afterAll(async () => {
		await t.close();
	});

	const list = async (queue: string | undefined, session = alice) => numbers((await listQueue(session, {queue, limit: 100, today: TODAY, sort: 'number'})).rows);

	it('My cases: assigned to me and being worked on', async () => {
		expect(await list('My cases')).toEqual(['E000000105', 'E000000106', 'E000000109']);
		expect(await list('My cases', await t.as('bob'))).toEqual(['E000000107', 'E000000108']);
	});

	it('Unassigned: received or in review, nobody assigned', async () => {
		expect(await list('Unassigned')).toEqual(['E000000103', 'E000000104', 'E000000114']);
	});

	it('Bring-forward due: being worked on, BF today or earlier', async () => {
		expect(await list('Bring-forward due')).toEqual(['E000000106', 'E000000107']);
	});

	it('Awaiting information and Pending review', async () => {
		expect(await list('Awaiting information')).toEqual(['E000000106', 'E000000107', 'E000000108', 'E000000113']);
		expect(await list('Pending review')).toEqual(['E000000109']);
	});

	it("Decided today: decisions (not RFI or PFL) recorded in the officer's local day", async () => {
		expect(await list('Decided today')).toEqual(['E000000110', 'E000000112']);
	});

	it('All cases (no queue named): every received case, never the pool', async () => {
		const all = await list(undefined);
		expect(all).toHaveLength(12);
		expect(all).not.toContain('E000000101');
		expect(all).not.toContain('E000000102');
		expect(await list('all')).toEqual(all);
	});

	it('default orders: received oldest first; Bring-forward due by BF date', async () => {
		const unassigned = await listQueue(alice, {queue: 'Unassigned', today: TODAY});
		expect(numbers(unassigned.rows)).toEqual(['E000000114', 'E000000103', 'E000000104']);
		expect(unassigned.sort).toEqual({column: 'received', direction: 'asc'});
		const bf = await listQueue(alice, {queue: 'Bring-forward due', today: TODAY});
		expect(bf.rows.map((r) => r.bringForwardOn)).toEqual([day(-1), day(0)]);
	});

	it('queue names are matched ignoring case, spaces, dashes; aliases work', async () => {
		for (const name of ['my cases', 'MY-CASES', ' My_Cases ', 'mine']) expect((await findQueue(t.store.db, name)).name).toBe('My cases');
		for (const name of ['bring forward due', 'BF', 'bring-forward-due']) expect((await findQueue(t.store.db, name)).name).toBe('Bring-forward due');
	});

	it('an unknown queue is NotFoundError (65) listing the queues there are', async () => {
		const error = await listQueue(alice, {queue: 'Urgent'}).catch((e) => e);
		expect(error).toBeInstanceOf(NotFoundError);
		expect(error.exitCode).toBe(65);
		expect(error.message).toBe(`no queue named "Urgent"; queues: ${BUILT_IN_QUEUES.map((q) => q.name).join(', ')}`);
	});

	it('rows carry what the officer sees', async () => {
		const page = await listQueue(alice, {queue: 'My cases', today: TODAY, sort: 'number', limit: 1});
		const row = caseRow({applicationNumber: 'E000000105'});
		expect(page.rows[0]).toEqual({
			applicationNumber: 'E000000105',
			familyName: row.family_name,
			givenNames: row.given_names,
			program: row.program,
			status: 'in_review',
			crsTotal: row.crs_total,
			receivedAt: '2026-06-15T10:00:00.000Z',
			daysWaiting: dayNumber(TODAY) - dayNumber('2026-06-15'),
			bringForwardOn: null,
			assignedTo: 'alice',
			office: null,
			version: 1,
		});
	});

	it('counts per queue agree with the listings', async () => {
		const counts = await queueCounts(alice, {today: TODAY});
		expect(counts.map((c) => c.name)).toEqual(BUILT_IN_QUEUES.map((q) => q.name));
		for (const {name, count} of counts) {
			const page = await listQueue(alice, {queue: name, limit: 1000, today: TODAY});
			expect(count, name).toBe(page.rows.length);
			expect(page.total, name).toBe(page.rows.length);
		}
		expect(Object.fromEntries(counts.map((c) => [c.name, c.count]))).toEqual({
			'My cases': 3,
			Unassigned: 3,
			'Bring-forward due': 2,
			'Awaiting information': 4,
			'Pending review': 1,
			'Decided today': 2,
			'All cases': 12,
		});
	});
});

describe('saved queues', () => {
	let t: T;
	let alice: Session;
	let bob: Session;
	let dave: Session;

	beforeAll(async () => {
		t = await queueStore();
		await addOfficer(t.store, 'alice', ['officer', 'supervisor']);
		await addOfficer(t.store, 'bob', ['officer']);
		await addOfficer(t.store, 'dave', ['officer']);
		await addOfficer(t.store, 'carol', ['auditor']);
		const specs: CaseSpec[] = [];
		for (let i = 0; i < 30; i++) {
			specs.push({
				applicationNumber: `E${String(300 + i).padStart(9, '0')}`,
				program: (['CEC', 'FSW', 'FST'] as const)[i % 3],
				crsTotal: 400 + (i % 7) * 20,
				receivedAt: `2026-03-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00.000Z`,
			});
		}
		await insertCases(t.store, specs);
		[alice, bob, dave] = await Promise.all([t.as('alice'), t.as('bob'), t.as('dave')]);
	});
	afterAll(async () => {
		await t.close();
	});

	it('saves a queue, lists it with its count, and lists its cases in its order', async () => {
		const saved = await saveQueue(bob, {name: 'CEC high', query: 'program:CEC crs>=480', sort: 'crs', digitKey: 1});
		expect(saved).toMatchObject({name: 'CEC high', query: 'program:CEC crs>=480', sort: 'crs:desc', digitKey: 1, owner: 'bob'});
		const queues = await listQueues(alice, {today: TODAY});
		const mine = queues.find((q) => q.name === 'CEC high')!;
		expect(mine).toMatchObject({id: saved.id, builtIn: false, digitKey: 1, sort: 'crs:desc', owner: 'bob'});
		const page = await listQueue(alice, {queue: 'cec HIGH', limit: 100, today: TODAY});
		expect(page.rows.length).toBe(mine.count);
		expect(page.rows.length).toBeGreaterThan(0);
		expect(page.rows.every((r) => r.program === 'CEC' && r.crsTotal! >= 480)).toBe(true);
		const crs = page.rows.map((r) => r.crsTotal!);
		expect(crs).toEqual([...crs].sort((a, b) => b - a));
		const audit = await events(t, 'queue-save');
		expect(audit.at(-1)).toMatchObject({officer: 'bob', detail: {name: 'CEC high', query: 'program:CEC crs>=480', sort: 'crs:desc', digitKey: 1, replaced: false}});
	});

	it('refuses a bad query, a bad sort, a built-in name, a digit key in use or out of range', async () => {
		await expect(saveQueue(bob, {name: 'Bad', query: 'crs>>4'})).rejects.toThrow('filter: "crs>>4" — expected');
		await expect(saveQueue(bob, {name: 'Bad', query: '', sort: 'colour'})).rejects.toThrow(/^sort "colour": expected one of received, crs, name/);
		await expect(saveQueue(bob, {name: 'unassigned', query: ''})).rejects.toThrow('taken by the built-in queue "Unassigned"');
		await expect(saveQueue(bob, {name: 'Mine', query: ''})).rejects.toThrow('taken by the built-in queue "My cases"');
		await expect(saveQueue(dave, {name: 'Other', query: '', digitKey: 1})).rejects.toThrow('digit key 1 already opens queue "CEC high"');
		await expect(saveQueue(dave, {name: 'Other', query: '', digitKey: 10})).rejects.toBeInstanceOf(InvalidError);
		await expect(saveQueue(dave, {name: 'a\u001b[2Jb', query: ''})).rejects.toBeInstanceOf(InvalidError);
		await expect(saveQueue(await t.as('carol'), {name: 'Audit', query: ''})).rejects.toBeInstanceOf(PermissionError);
	});

	it('refuses a name a saved queue has (ignoring case, spaces and dashes) unless told to replace it', async () => {
		const error = await saveQueue(bob, {name: 'cec-high', query: 'program:FSW'}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(QueueExistsError);
		expect((error as QueueExistsError).existing).toBe('CEC high');
		expect((error as Error).message).toBe('a saved queue named "CEC high" exists already (saved by bob); choose another name or replace it');
		expect((await listQueues(alice)).find((q) => q.name === 'CEC high')).toMatchObject({query: 'program:CEC crs>=480'});
	});

	it('refuses a query naming an officer the store does not have, listing known officers, as a typed filter is', async () => {
		const before = (await events(t, 'queue-save')).length;
		const error = await saveQueue(bob, {name: 'Nobody', query: 'officer:nobody status:in_review'}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NotFoundError);
		expect((error as Error).message).toMatch(/^no officer "nobody" \(known: [a-z, ]*alice/);
		await expect(saveQueue(bob, {name: 'CEC high', query: 'officer:nobody', replace: true})).rejects.toBeInstanceOf(NotFoundError);
		expect((await listQueues(alice)).map((q) => q.name)).not.toContain('Nobody');
		expect((await events(t, 'queue-save')).length).toBe(before);
		await expect(saveQueue(bob, {name: 'Dave and me', query: 'officer:dave,me'})).resolves.toMatchObject({name: 'Dave and me'});
		await deleteQueue(bob, 'Dave and me');
	});

	it("only the owner, a supervisor or an admin may replace or delete a saved queue", async () => {
		await expect(saveQueue(dave, {name: 'cec high', query: 'program:CEC', replace: true})).rejects.toBeInstanceOf(PermissionError);
		await expect(deleteQueue(dave, 'CEC high')).rejects.toBeInstanceOf(PermissionError);
		const refused = await events(t, 'refused');
		expect(refused.at(-1)).toMatchObject({officer: 'dave', detail: {attempt: 'queue-delete'}});
		const replaced = await saveQueue(alice, {name: 'CEC High', query: 'program:CEC crs>=500', digitKey: 2, replace: true});
		expect(replaced).toMatchObject({name: 'CEC High', query: 'program:CEC crs>=500', sort: 'received:asc', digitKey: 2, owner: 'bob'});
		expect((await listQueues(alice)).filter((q) => !q.builtIn).map((q) => q.name)).toEqual(['CEC High']);
		await expect(deleteQueue(alice, 'Unassigned')).rejects.toThrow('queue "Unassigned" is built in and cannot be deleted');
		await expect(deleteQueue(alice, 'Nope')).rejects.toBeInstanceOf(NotFoundError);
		await deleteQueue(bob, 'cec-high');
		expect((await listQueues(alice)).filter((q) => !q.builtIn)).toEqual([]);
		expect((await events(t, 'queue-delete')).at(-1)).toMatchObject({officer: 'bob', detail: {name: 'CEC High', query: 'program:CEC crs>=500'}});
		expect(await verifyAudit(t.store.db)).toMatchObject({ok: true});
	});

	it('a saved query that no longer parses counts null and says so when listed', async () => {
		await t.store.transaction((trx) => trx.insertInto('queues').values({name: 'Old', query: 'colour:red', sort: 'received:asc', digit_key: null, owner: 'bob'}).execute());
		const old = (await listQueues(alice)).find((q) => q.name === 'Old');
		expect(old?.count).toBeNull();
		await expect(listQueue(alice, {queue: 'old'})).rejects.toThrow(/^saved queue "Old" has a query that no longer reads \(filter: "colour:red"/);
		await t.store.transaction((trx) => trx.deleteFrom('queues').where('name', '=', 'Old').execute());
	});
});

describe('keyset pages', () => {
	let t: T;
	let alice: Session;
	const specs = new Map<string, CaseSpec>();

	beforeAll(async () => {
		t = await queueStore();
		await addOfficer(t.store, 'alice', ['officer']);
		const r = rng(11);
		const pick = <X>(xs: readonly X[]): X => xs[Math.floor(r() * xs.length)]!;
		for (let i = 0; i < 137; i++) {
			const spec: CaseSpec = {
				applicationNumber: `E${String(Math.floor(r() * 1e9)).padStart(9, '0')}`,
				// Few distinct values everywhere: lots of ties for the application number to break.
				receivedAt: pick(['2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.001Z', '2026-02-01T00:00:00.000Z', '2026-03-09T17:30:00.000Z']),
				crsTotal: pick([null, 410, 455, 455, 502]),
				bringForwardOn: pick([null, null, '2026-12-01', '2026-12-15']),
				status: pick(['received', 'in_review', 'awaiting_info', 'approved'] as const),
				familyName: pick(['Côté', 'Cote', 'COTE', 'Ng', 'Zhang']),
				givenNames: pick(['Anne', 'Éric']),
				assignedTo: pick([null, 'alice']),
			};
			specs.set(spec.applicationNumber, spec);
		}
		await insertCases(t.store, [...specs.values()]);
		alice = await t.as('alice');
	});
	afterAll(async () => {
		await t.close();
	});

	/** SQLite compares text as UTF-8 bytes. */
	const bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
	const nullsLast = (a: number | string | null, b: number | string | null, dir: number) =>
		a === b ? 0 : a === null ? 1 : b === null ? -1 : dir * (typeof a === 'number' ? a - (b as number) : bytes(a, b as string));

	function expectedOrder(rows: QueueEntry[], sort: QueueSort): string[] {
		const dir = sort.direction === 'asc' ? 1 : -1;
		const key = (e: QueueEntry) => {
			const s = specs.get(e.applicationNumber)!;
			return caseSearchKey(e.familyName, e.givenNames, caseRow(s).uci, e.applicationNumber);
		};
		const cmp = (a: QueueEntry, b: QueueEntry): number => {
			const number = dir * bytes(a.applicationNumber, b.applicationNumber);
			switch (sort.column) {
				case 'received':
					return dir * bytes(a.receivedAt, b.receivedAt) || number;
				case 'waiting':
					return -dir * bytes(a.receivedAt, b.receivedAt) || -number;
				case 'crs':
					return nullsLast(a.crsTotal, b.crsTotal, dir) || number;
				case 'name':
					return dir * bytes(key(a), key(b)) || number;
				case 'status':
					return dir * bytes(a.status, b.status) || dir * bytes(a.receivedAt, b.receivedAt) || number;
				case 'bf':
					return nullsLast(a.bringForwardOn, b.bringForwardOn, dir) || number;
				case 'number':
					return number;
			}
		};
		return numbers([...rows].sort(cmp));
	}

	for (const column of SORT_COLUMNS) {
		for (const direction of ['asc', 'desc'] as const) {
			for (const queue of [undefined, 'My cases']) {
				it(`${queue ?? 'All cases'} by ${column} ${direction}: pages of 7 cover every row once, in order`, async () => {
					const sort = {column, direction};
					const whole = await listQueue(alice, {queue, sort, limit: 1000, today: TODAY});
					expect(whole.next).toBeNull();
					const seen: string[] = [];
					let after: string | null = null;
					let pages = 0;
					do {
						const page = await listQueue(alice, {queue, sort, limit: 7, after, today: TODAY});
						expect(page.rows.length).toBeLessThanOrEqual(7);
						expect(page.total).toBe(after ? null : whole.total);
						seen.push(...numbers(page.rows));
						after = page.next;
						pages++;
					} while (after);
					expect(pages).toBe(Math.max(1, Math.ceil(whole.rows.length / 7)));
					expect(seen).toEqual(numbers(whole.rows));
					expect(new Set(seen).size).toBe(seen.length);
					expect(seen).toEqual(expectedOrder(whole.rows, sort));
					expect(seen.length).toBe(whole.total);
				});
			}
		}
	}

	it('a filter with a CRS or BF comparison pages the same (NULL-free order)', async () => {
		for (const [filter, sort] of [['crs>=455', 'crs'], ['bf>=2026-12-01', 'bf:desc']] as const) {
			const whole = await listQueue(alice, {filter, sort, limit: 1000, today: TODAY});
			const seen: string[] = [];
			let after: string | null = null;
			do {
				const page = await listQueue(alice, {filter, sort, limit: 5, after, today: TODAY});
				seen.push(...numbers(page.rows));
				after = page.next;
			} while (after);
			expect(seen).toEqual(numbers(whole.rows));
			expect(seen).toEqual(expectedOrder(whole.rows, parseSort(sort)));
		}
	});

	it('a cursor is refused when malformed or made for another order', async () => {
		const first = await listQueue(alice, {sort: 'crs', limit: 3, today: TODAY});
		await expect(listQueue(alice, {sort: 'name', limit: 3, after: first.next})).rejects.toThrow('page cursor belongs to another order than name:asc');
		await expect(listQueue(alice, {sort: 'crs', limit: 3, after: 'not-a-cursor'})).rejects.toBeInstanceOf(InvalidError);
		const forged = encodeCursor([...decodeCursor(first.next!), 'extra']);
		await expect(listQueue(alice, {sort: 'crs', limit: 3, after: forged})).rejects.toBeInstanceOf(InvalidError);
		await expect(listQueue(alice, {limit: 0})).rejects.toThrow('limit 0: expected a whole number of rows from 1 to 1000');
		await expect(listQueue(alice, {sort: {column: 'crs', direction: 'up' as 'asc'}})).rejects.toBeInstanceOf(InvalidError);
	});

	it('parses sorts', () => {
		expect(parseSort('crs')).toEqual({column: 'crs', direction: 'desc'});
		expect(parseSort('CRS:asc')).toEqual({column: 'crs', direction: 'asc'});
		expect(parseSort('name desc')).toEqual({column: 'name', direction: 'desc'});
		expect(parseSort('-received')).toEqual({column: 'received', direction: 'desc'});
		expect(parseSort('waiting')).toEqual({column: 'waiting', direction: 'desc'});
		expect(() => parseSort('-crs:asc')).toThrow(InvalidError);
		expect(() => parseSort('')).toThrow(InvalidError);
	});
});

describe('audit of listings', () => {
	let t: T;
	let alice: Session;
	beforeAll(async () => {
		t = await queueStore();
		await addOfficer(t.store, 'alice', ['officer']);
		await insertCases(t.store, Array.from({length: 12}, (_, i) => ({applicationNumber: `E${String(500 + i).padStart(9, '0')}`, familyName: i % 2 ? 'Côté' : 'Ng'})));
		alice = await t.as('alice');
	});
	afterAll(async () => {
		await t.close();
	});

	it('the first page of a plain queue writes one `list` event; following pages none', async () => {
		const before = (await events(t)).length;
		const first = await listQueue(alice, {queue: 'Unassigned', limit: 5});
		await listQueue(alice, {queue: 'Unassigned', limit: 5, after: first.next});
		const after = await events(t);
		expect(after.length).toBe(before + 1);
		expect(after.at(-1)).toMatchObject({action: 'list', officer: 'alice', application_number: null, detail: {queue: 'Unassigned', sort: 'received:asc', rows: 5, total: 12}});
	});

	it('a filtered listing writes a `search` event naming the queue and the filter', async () => {
		await listQueue(alice, {filter: 'name:cote', limit: 50});
		expect((await events(t)).at(-1)).toMatchObject({action: 'search', detail: {queue: 'All cases', filter: 'name:cote', rows: 6, total: 6}});
		expect(await verifyAudit(t.store.db)).toMatchObject({ok: true});
	});

	it('a refused filter writes nothing and says what is wrong', async () => {
		const before = (await events(t)).length;
		await expect(listQueue(alice, {filter: 'crs>>4'})).rejects.toBeInstanceOf(InvalidError);
		expect((await events(t)).length).toBe(before);
	});
});

describe('officers named in a filter', () => {
	let t: T;
	let alice: Session;
	beforeAll(async () => {
		t = await queueStore();
		await addOfficer(t.store, 'alice', ['officer']);
		for (const name of ['mdubois', 'mtremblay', 'jdoe', 'akaur', 'bnguyen', 'cwong', 'dsingh', 'epatel', 'fli', 'gmartin', 'hroy']) await addOfficer(t.store, name, ['officer']);
		await addOfficer(t.store, 'zgone', ['officer'], {active: false});
		await insertCases(t.store, [
			{applicationNumber: 'E000000601', assignedTo: 'zgone', status: 'in_review'},
			{applicationNumber: 'E000000602', assignedTo: 'jdoe', status: 'in_review'},
		]);
		alice = await t.as('alice');
	});
	afterAll(async () => {
		await t.close();
	});

	it('lists at most 10 known officers, those most like the name first, then how many more; writes no audit event', async () => {
		const before = (await events(t)).length;
		await expect(listQueue(alice, {filter: 'officer:m'})).rejects.toThrow(
			new NotFoundError('no officer "m" (known: mdubois, mtremblay, gmartin, akaur, alice, bnguyen, cwong, dsingh, epatel, fli, and 3 more)'),
		);
		await expect(listQueue(alice, {filter: 'officer:JDOE'})).rejects.toThrow(/^no officer "JDOE" \(known: jdoe, akaur, /);
		expect((await events(t)).length).toBe(before);
	});

	it('a deactivated officer is still an officer: their cases are listed', async () => {
		expect(numbers((await listQueue(alice, {filter: 'officer:zgone'})).rows)).toEqual(['E000000601']);
		expect(numbers((await listQueue(alice, {filter: 'officer:zgone,jdoe', sort: 'number'})).rows)).toEqual(['E000000601', 'E000000602']);
	});
});

describe('query plans (SQLite EXPLAIN QUERY PLAN)', () => {
	let t: T;
	beforeAll(async () => {
		t = await queueStore();
		await addOfficer(t.store, 'alice', ['officer']);
		await insertCases(t.store, [{applicationNumber: 'E000000001'}]);
	});
	afterAll(async () => {
		await t.close();
	});

	async function plan(queueName: string, after: boolean, sort?: QueueSort): Promise<string> {
		const queue = await findQueue(t.store.db, queueName);
		const keys = sortKeys(sort ?? queue.sort, queue.nonNull);
		const cursor = after ? keys.map(() => '2026-01-01') : null;
		const compiled = keysetPage(queuePageQuery(t.store.db, queue, null, {me: 'alice', today: TODAY}), {sort: keys, after: cursor, limit: 51}).compile();
		const result = await t.store.db.executeQuery(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
		return (result.rows as Array<{detail: string}>).map((r) => r.detail).join(' | ');
	}

	// Decided today reads today's decisions and sorts those few cases.
	for (const name of ['My cases', 'Unassigned', 'Bring-forward due', 'Awaiting information', 'Pending review', 'All cases']) {
		it(`${name}, default order: an index range read in order, first page and deep pages`, async () => {
			for (const after of [false, true]) {
				const text = await plan(name, after);
				expect(text).toMatch(/^SEARCH applications USING INDEX \w+ \(/);
				expect(text).not.toMatch(/TEMP B-TREE|SCAN applications/);
			}
		});
	}

	it('All cases sorted by name or by CRS: read in index order, no sort', async () => {
		for (const sort of [parseSort('name'), parseSort('name:desc'), parseSort('crs'), parseSort('crs:asc')]) {
			const text = await plan('All cases', false, sort);
			expect(text).toMatch(/^SCAN applications USING INDEX applications_received_by_(name|crs)$/);
		}
		expect(await plan('All cases', true, parseSort('name'))).toMatch(/^SEARCH applications USING INDEX applications_received_by_name \(\(search_key,application_number\)>\(\?,\?\)\)$/);
	});

	it('My cases and Unassigned read the partial index of open cases', async () => {
		expect(await plan('My cases', true)).toContain('USING INDEX applications_open_queue (assigned_to=? AND (received_at,application_number)>(?,?))');
		expect(await plan('Unassigned', false)).toContain('USING INDEX applications_open_queue (assigned_to=?');
	});
});
