import path from 'node:path';
import {sql, type Kysely} from 'kysely';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {encodeJson} from '../../db/codec.js';
import {openStore, type Store} from '../../db/connect.js';
import {cursorOf, decodeCursor, encodeCursor, fetchPage, keysetCondition, keysetPage, type Cursor, type SortKey} from '../../db/keyset.js';
import type {Database} from '../../db/schema.js';
import {tempDir} from './helpers.js';

interface Item {
	id: number;
	a: number;
	b: string | null;
	c: number;
}
interface TestDb extends Database {
	items: Item;
}

const tmp = tempDir();
let store: Store;
let db: Kysely<TestDb>;
let all: Item[];

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

beforeAll(async () => {
	store = await openStore(path.join(tmp.dir, 'keyset.db'));
	db = store.db as unknown as Kysely<TestDb>;
	await sql`create table items (id integer primary key, a integer not null, b text, c real not null)`.execute(db);
	const r = rng(7);
	all = Array.from({length: 400}, (_, i) => ({
		id: i + 1,
		a: Math.floor(r() * 6), // many ties
		b: r() < 0.25 ? null : ['alpha', 'bravo', 'charlie', 'delta'][Math.floor(r() * 4)]!,
		c: Math.floor(r() * 3) / 2,
	}));
	// Insert in shuffled order so that rowid order is not the answer.
	const shuffled = [...all].sort(() => r() - 0.5);
	await store.transaction((trx) => (trx as unknown as Kysely<TestDb>).insertInto('items').values(shuffled).execute());
});
afterAll(async () => {
	await store.close();
	tmp.cleanup();
});

function compare(sort: readonly SortKey<Item>[]) {
	return (x: Item, y: Item): number => {
		for (const k of sort) {
			const name = (k.key ?? k.column) as keyof Item;
			const u = x[name];
			const v = y[name];
			if (u === v) continue;
			if (u === null || v === null) {
				const nullFirst = k.nulls === 'first';
				return (u === null) === nullFirst ? -1 : 1;
			}
			const asc = u < v ? -1 : 1;
			return k.direction === 'desc' ? -asc : asc;
		}
		return 0;
	};
}

const SORTS: Array<readonly SortKey<Item>[]> = [
	[{column: 'a'}, {column: 'id'}],
	[{column: 'a', direction: 'desc'}, {column: 'id', direction: 'desc'}],
	[{column: 'a', direction: 'desc'}, {column: 'c'}, {column: 'id'}],
	[{column: 'c'}, {column: 'a', direction: 'desc'}, {column: 'id', direction: 'desc'}],
	[{column: 'b', nulls: 'last'}, {column: 'id'}],
	[{column: 'b', nulls: 'first'}, {column: 'id'}],
	[{column: 'b', direction: 'desc', nulls: 'first'}, {column: 'a'}, {column: 'id', direction: 'desc'}],
	[{column: 'b', direction: 'desc', nulls: 'last'}, {column: 'c', direction: 'desc'}, {column: 'id'}],
	[{column: 'items.id'}],
];

describe('keyset pagination', () => {
	for (const sort of SORTS) {
		const label = sort.map((k) => `${k.column} ${k.direction ?? 'asc'}${k.nulls ? ` nulls ${k.nulls}` : ''}`).join(', ');
		for (const limit of [1, 7, 50, 1000]) {
			it(`walks every row once in order: ${label} (pages of ${limit})`, async () => {
				const expected = [...all].sort(compare(sort)).map((x) => x.id);
				const seen: number[] = [];
				let after: Cursor | null = null;
				let pages = 0;
				do {
					const page: {rows: Item[]; next: Cursor | null} = await fetchPage(db.selectFrom('items').selectAll(), {sort, after, limit});
					expect(page.rows.length).toBeLessThanOrEqual(limit);
					seen.push(...page.rows.map((x) => x.id));
					after = page.next ? decodeCursor(encodeCursor(page.next)) : null;
					pages++;
				} while (after && pages < 1000);
				expect(seen).toEqual(expected);
				expect(pages).toBe(Math.max(1, Math.ceil(all.length / limit)));
			});
		}
	}

	it('uses a row-value comparison for uniform orders and the expanded form otherwise', () => {
		const compile = (sort: readonly SortKey[], cursor: Cursor) => {
			const cond = keysetCondition(sort, cursor);
			if (cond === false) return 'false';
			return db.selectFrom('items').select('id').where(cond).compile().sql;
		};
		expect(compile([{column: 'a'}, {column: 'id'}], [1, 2])).toMatch(/\("a", "id"\) > \(\?, \?\)/);
		expect(compile([{column: 'a', direction: 'desc'}, {column: 'id', direction: 'desc'}], [1, 2])).toMatch(/\("a", "id"\) < \(\?, \?\)/);
		expect(compile([{column: 'a', direction: 'desc'}, {column: 'id'}], [1, 2])).toMatch(/"a" <= \? and \("a" < \? or \("a" = \? and "id" > \?\)\)/);
		expect(compile([{column: 'b', nulls: 'last'}, {column: 'id'}], [null, 2])).toMatch(/\("b" is null and "id" > \?\)/);
	});

	it('works with typed tables and qualified columns (the pool order)', async () => {
		const t = '2024-01-01T00:00:00.000Z';
		await store.transaction((trx) =>
			trx
				.insertInto('applications')
				.values(
					[480, 480, 480, 470, 490].map((crs, i) => ({
						application_number: `P${i}`,
						uci: '1',
						program: 'FSW' as const,
						status: 'pool' as const,
						profile_submitted_at: `2024-01-0${(i % 2) + 1}T00:00:00.000Z`,
						crs_total: crs,
						search_key: 'x',
						family_name: 'X',
						given_names: 'Y',
						data: encodeJson({}),
						created_at: t,
						updated_at: t,
					})),
				)
				.execute(),
		);
		const sort: SortKey[] = [
			{column: 'applications.crs_total', direction: 'desc'},
			{column: 'applications.profile_submitted_at'},
			{column: 'applications.application_number'},
		];
		const base = store.db
			.selectFrom('applications')
			.select(['application_number', 'crs_total', 'profile_submitted_at'])
			.where('status', '=', 'pool');
		const p1 = await fetchPage(base, {sort, limit: 2});
		const p2 = await fetchPage(base, {sort, limit: 2, after: p1.next});
		const p3 = await fetchPage(base, {sort, limit: 2, after: p2.next});
		expect([...p1.rows, ...p2.rows, ...p3.rows].map((r) => r.application_number)).toEqual(['P4', 'P0', 'P2', 'P1', 'P3']);
		expect(p3.next).toBeNull();
	});

	it('rejects bad input', () => {
		const q = db.selectFrom('items').selectAll();
		expect(() => keysetPage(q, {sort: [], limit: 5})).toThrow(/at least one sort key/);
		expect(() => keysetPage(q, {sort: [{column: 'id'}], limit: 0})).toThrow(RangeError);
		expect(() => keysetPage(q, {sort: [{column: 'a'}, {column: 'id'}], after: [1], limit: 5})).toThrow(/2 sort keys/);
		expect(() => keysetPage(q, {sort: [{column: 'b'}, {column: 'id'}], after: [null, 1], limit: 5})).toThrow(/not declared nullable/);
		expect(() => decodeCursor('not-a-cursor')).toThrow(/malformed/);
		expect(cursorOf({a: 1, id: 2}, [{column: 'items.a'}, {column: 'id'}])).toEqual([1, 2]);
		expect(() => cursorOf({a: 1}, [{column: 'id'}])).toThrow(/no property id/);
	});

	it('measures a deep page on 100k rows', async () => {
		await sql`create table big (id integer primary key, received_at text not null, status text not null)`.execute(db);
		await store.transaction(async (trx) => {
			await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 100000)
				insert into big (id, received_at, status)
				select i, printf('2024-%02d-%02dT00:00:00.000Z', 1 + (i * 7919) % 12, 1 + (i * 104729) % 28), 'in_review' from n`.execute(trx);
			await sql`create index big_recv on big (status, received_at, id)`.execute(trx);
			await sql`create index big_recv_mixed on big (status, received_at, id desc)`.execute(trx);
		});
		const sort: SortKey[] = [{column: 'received_at'}, {column: 'id'}];
		const mixed: SortKey[] = [{column: 'received_at'}, {column: 'id', direction: 'desc'}];
		const base = (db as Kysely<any>).selectFrom('big').select(['id', 'received_at']).where('status', '=', 'in_review');
		const time = async (s: SortKey[]) => {
			let after: Cursor | null = null;
			// Jump deep: cursor of row 50,000 in order.
			const deep = await base.orderBy('received_at').orderBy('id', s[1]!.direction ?? 'asc').offset(50_000).limit(1).executeTakeFirstOrThrow();
			after = cursorOf(deep, s);
			const t0 = performance.now();
			const runs = 50;
			for (let i = 0; i < runs; i++) await fetchPage(base, {sort: s, after, limit: 50});
			return (performance.now() - t0) / runs;
		};
		const rowValue = await time(sort);
		const expanded = await time(mixed);
		const t0 = performance.now();
		await base.orderBy('received_at').orderBy('id').offset(50_000).limit(50).execute();
		const offset = performance.now() - t0;
		const cq = keysetPage(base, {sort: mixed, after: ['2024-06-01T00:00:00.000Z', 5], limit: 51}).compile();
		const plan = await db.executeQuery<{detail: string}>({...cq, sql: `explain query plan ${cq.sql}`, query: sql``.toOperationNode() as never});
		const detail = plan.rows.map((r) => r.detail).join(' | ');
		expect(detail).toMatch(/received_at>/); // an index range, not a scan of every row
		console.log(
			`[db keyset] 100k rows, page of 50 at row 50,000: row-value ${rowValue.toFixed(2)} ms, expanded (mixed dirs) ${expanded.toFixed(2)} ms, OFFSET ${offset.toFixed(2)} ms`,
		);
		expect(rowValue).toBeLessThan(50);
		expect(expanded).toBeLessThan(50);
	});
});
