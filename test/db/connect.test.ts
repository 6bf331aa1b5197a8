import {existsSync, mkdirSync, readdirSync, readlinkSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {sql} from 'kysely';
import sqlite3 from 'sqlite3';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
	defaultStorePath,
	NestedTransactionError,
	openStore,
	resolveStorePath,
	StoreBusyError,
	StoreUnavailableError,
	type Store,
} from '../../db/connect.js';
import {ConnectionReentryError} from '../../db/sqlite/driver.js';
import {bundleChild, lastJson, runNode, tempDir} from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('store paths', () => {
	it('defaults to XDG_DATA_HOME, else ~/.local/share', () => {
		expect(defaultStorePath({XDG_DATA_HOME: '/x/data', HOME: '/home/o'})).toBe('/x/data/caips/caips.db');
		expect(defaultStorePath({HOME: '/home/o'})).toBe('/home/o/.local/share/caips/caips.db');
		expect(defaultStorePath({XDG_DATA_HOME: 'relative', HOME: '/home/o'})).toBe('/home/o/.local/share/caips/caips.db');
	});

	it('resolves --db, then CAIPS_DB, then the default', () => {
		const env = {CAIPS_DB: '/env/c.db', HOME: '/home/o'};
		expect(resolveStorePath('/flag/f.db', env)).toBe('/flag/f.db');
		expect(resolveStorePath(undefined, env)).toBe('/env/c.db');
		expect(resolveStorePath('', {HOME: '/home/o'})).toBe('/home/o/.local/share/caips/caips.db');
		expect(resolveStorePath('~/s.db', {HOME: '/home/o'})).toBe('/home/o/s.db');
		expect(resolveStorePath('rel.db', {})).toBe(path.resolve('rel.db'));
		expect(resolveStorePath(':memory:', {})).toBe(':memory:');
	});
});

describe('openStore', () => {
	let store: Store;
	beforeAll(async () => {
		store = await openStore(path.join(tmp.dir, 'nested', 'deeper', 'caips.db'));
	});
	afterAll(async () => {
		await store.close();
	});

	it('creates the parent directory and the file', () => {
		expect(statSync(store.path).isFile()).toBe(true);
	});

	it('sets the pragmas', async () => {
		const one = async (p: string) => Object.values((await sql.raw(`pragma ${p}`).execute(store.db)).rows[0] as object)[0];
		expect(await one('journal_mode')).toBe('wal');
		expect(await one('foreign_keys')).toBe(1);
		expect(await one('synchronous')).toBe(2); // FULL
		expect(await one('busy_timeout')).toBe(5000);
		expect(await one('recursive_triggers')).toBe(1);
	});

	it('commits a transaction and returns its value; rolls back on error', async () => {
		const n = await store.transaction(async (trx) => {
			await trx.insertInto('reason_codes').values({code: 'T1', meaning: 'test', source: 'none'}).execute();
			return 42;
		});
		expect(n).toBe(42);
		await expect(
			store.transaction(async (trx) => {
				await trx.insertInto('reason_codes').values({code: 'T2', meaning: 'test', source: 'none'}).execute();
				throw new Error('nope');
			}),
		).rejects.toThrow('nope');
		const codes = await store.db.selectFrom('reason_codes').select('code').where('code', 'like', 'T%').execute();
		expect(codes).toEqual([{code: 'T1'}]);
	});

	it('refuses nested transactions', async () => {
		let inner: unknown;
		await expect(
			store.transaction(async () => {
				try {
					await store.transaction(async () => 1);
				} catch (err) {
					inner = err;
					throw err;
				}
			}),
		).rejects.toBeInstanceOf(NestedTransactionError);
		expect(inner).toBeInstanceOf(NestedTransactionError);
		// The store is still usable afterwards.
		expect(await store.transaction(async () => 'ok')).toBe('ok');
	});

	it('refuses store.db inside a transaction instead of deadlocking', async () => {
		await expect(
			store.transaction(async () => {
				await store.db.selectFrom('officers').selectAll().execute();
			}),
		).rejects.toBeInstanceOf(ConnectionReentryError);
	});

	it('enforces foreign keys', async () => {
		await expect(
			store.transaction((trx) =>
				trx
					.insertInto('notes')
					.values({application_number: 'NOPE', author: 'x', at: '2024-01-01T00:00:00.000Z', body: 'b'})
					.execute(),
			),
		).rejects.toMatchObject({code: 'SQLITE_CONSTRAINT'});
	});

	it('takes the write lock up front: another handle cannot write during a transaction', async () => {
		const other = await new Promise<sqlite3.Database>((resolve, reject) => {
			const h = new sqlite3.Database(store.path, (err) => (err ? reject(err) : resolve(h)));
		});
		other.configure('busyTimeout', 100);
		const write = () =>
			new Promise<void>((resolve, reject) =>
				other.run(`insert into reason_codes (code, meaning, source) values ('X${Math.random()}', 'm', 's')`, (err) =>
					err ? reject(err) : resolve(),
				),
			);
		const read = () =>
			new Promise<unknown[]>((resolve, reject) => other.all('select count(*) n from reason_codes', (err, rows) => (err ? reject(err) : resolve(rows))));
		await store.transaction(async () => {
			await expect(write()).rejects.toMatchObject({code: 'SQLITE_BUSY'});
			await expect(read()).resolves.toHaveLength(1); // WAL: readers are not blocked
		});
		await expect(write()).resolves.toBeUndefined();
		await new Promise<void>((r) => other.close(() => r()));
	});

	it('read-only transactions take no write lock', async () => {
		const other = await new Promise<sqlite3.Database>((resolve, reject) => {
			const h = new sqlite3.Database(store.path, (err) => (err ? reject(err) : resolve(h)));
		});
		other.configure('busyTimeout', 100);
		await store.transaction(
			async (trx) => {
				await trx.selectFrom('reason_codes').selectAll().execute();
				await new Promise<void>((resolve, reject) =>
					other.run(`insert into reason_codes (code, meaning, source) values ('RO', 'm', 's')`, (err) => (err ? reject(err) : resolve())),
				);
			},
			{readOnly: true},
		);
		await new Promise<void>((r) => other.close(() => r()));
	});

	it('measures insert rates', async () => {
		await sql`create table if not exists bench (id integer primary key, a text, b integer)`.execute(store.db);
		const N = 5000;
		let t0 = performance.now();
		await store.transaction(async (trx) => {
			for (let i = 0; i < N; i++) await trx.insertInto('bench' as any).values({a: `row ${i}`, b: i}).execute();
		});
		const oneTx = performance.now() - t0;
		const M = 200;
		t0 = performance.now();
		for (let i = 0; i < M; i++) {
			await store.transaction((trx) => trx.insertInto('bench' as any).values({a: 'tx', b: i}).execute());
		}
		const perTx = performance.now() - t0;
		console.log(
			`[db bench] ${N} inserts in one transaction: ${oneTx.toFixed(0)} ms (${Math.round((N / oneTx) * 1000)}/s); ` +
				`${M} single-insert transactions: ${perTx.toFixed(0)} ms (${(perTx / M).toFixed(2)} ms each, synchronous=FULL)`,
		);
		const {n} = await store.db
			.selectFrom('bench' as any)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		expect(n).toBe(N + M);
	});
});

describe('retry deadline', () => {
	it('gives up with StoreBusyError when another process keeps the write lock', async () => {
		const file = path.join(tmp.dir, 'held.db');
		const retries: number[] = [];
		const store = await openStore(file, {busyTimeoutMs: 20, retryDeadlineMs: 400, onRetry: (r) => retries.push(r.delayMs)});
		const holder = await new Promise<sqlite3.Database>((resolve, reject) => {
			const h = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(h)));
		});
		await new Promise<void>((resolve, reject) => holder.run('begin immediate', (err) => (err ? reject(err) : resolve())));
		let ran = 0;
		const t0 = Date.now();
		const err = await store
			.transaction(async (trx) => {
				ran++;
				await trx.insertInto('reason_codes').values({code: 'B', meaning: 'm', source: 's'}).execute();
			})
			.catch((e: unknown) => e);
		const waited = Date.now() - t0;
		expect(err).toBeInstanceOf(StoreBusyError);
		expect((err as StoreBusyError).exitCode).toBe(75);
		expect((err as Error).message).toContain(file);
		expect(ran).toBe(0); // BEGIN IMMEDIATE failed before fn ran
		expect(retries.length).toBeGreaterThan(2);
		// It waited out every pause it announced, and gave up when the next would pass the 400-ms deadline.
		expect(waited).toBeGreaterThanOrEqual(retries.reduce((sum, ms) => sum + ms, 0));
		expect(waited).toBeLessThan(2000);
		// Once the lock is released, the same call succeeds.
		await new Promise<void>((resolve, reject) => holder.run('rollback', (err) => (err ? reject(err) : resolve())));
		await store.transaction((trx) => trx.insertInto('reason_codes').values({code: 'B', meaning: 'm', source: 's'}).execute());
		await new Promise<void>((r) => holder.close(() => r()));
		await store.close();
	});
});

describe('in-memory store', () => {
	it('opens :memory: with the schema applied', async () => {
		const store = await openStore(':memory:');
		expect(store.path).toBe(':memory:');
		expect(store.migration.applied.length).toBeGreaterThan(0);
		await store.transaction((trx) => trx.insertInto('reason_codes').values({code: 'M', meaning: 'm', source: 's'}).execute());
		expect(await store.db.selectFrom('reason_codes').select('code').execute()).toEqual([{code: 'M'}]);
		await store.close();
		await store.close(); // idempotent
	});
});

describe('StoreUnavailableError', () => {
	it('is raised with a one-line message naming the path when the directory cannot be made', async () => {
		const blocker = path.join(tmp.dir, 'a-file');
		writeFileSync(blocker, 'x');
		const p = path.join(blocker, 'sub', 'caips.db');
		const err = await openStore(p).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(StoreUnavailableError);
		const e = err as StoreUnavailableError;
		expect(e.exitCode).toBe(69);
		expect(e.message).toContain(p);
		expect(e.message).not.toContain('\n');
	});

	it('is raised for a file that is not a database', async () => {
		const p = path.join(tmp.dir, 'junk.db');
		writeFileSync(p, 'this is not an sqlite database, just text '.repeat(100));
		const err = await openStore(p).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(StoreUnavailableError);
		expect((err as Error).message).toMatch(/not an SQLite database/);
		expect((err as Error).message).toContain(p);
		if (existsSync('/proc/self/fd')) {
			// The handle was closed: no file descriptor left open on the file.
			const open = readdirSync('/proc/self/fd').filter((fd) => {
				try {
					return readlinkSync(`/proc/self/fd/${fd}`) === p;
				} catch {
					return false;
				}
			});
			expect(open).toEqual([]);
		}
	});

	it('is raised for a directory in place of the file', async () => {
		const p = path.join(tmp.dir, 'dir.db');
		mkdirSync(p);
		await expect(openStore(p)).rejects.toBeInstanceOf(StoreUnavailableError);
	});

	it('is raised for a database URL', async () => {
		await expect(openStore('postgres://localhost/caips')).rejects.toBeInstanceOf(StoreUnavailableError);
	});
});

describe('busy retry across processes', () => {
	let hammer: string;
	beforeAll(async () => {
		hammer = await bundleChild('hammer', tmp.dir);
	}, 60_000);

	for (const busyTimeoutMs of [5000, 0]) {
		it(`two processes hammering writes see no "database is locked" (busy_timeout ${busyTimeoutMs})`, async () => {
			const file = path.join(tmp.dir, `hammer-${busyTimeoutMs}.db`);
			const setup = await openStore(file);
			await sql`create table hammer_log (id integer primary key, who text not null, n integer not null unique)`.execute(setup.db);
			await setup.close();
			const count = 300;
			const startAt = String(Date.now() + 700);
			const results = await Promise.all(
				['A', 'B'].map((label) => runNode(hammer, [file, String(count), String(busyTimeoutMs), startAt, label])),
			);
			for (const r of results) {
				expect(r.stderr).not.toMatch(/database is locked/);
				expect(r.code, r.stdout + r.stderr).toBe(0);
			}
			const reports = results.map((r) => lastJson<{ok: boolean; retries: number; ms: number}>(r));
			console.log(
				`[db busy] busy_timeout=${busyTimeoutMs}: 2×${count} read-modify-write transactions; retries ${reports
					.map((x) => x.retries)
					.join('+')}; ${reports.map((x) => `${x.ms.toFixed(0)} ms`).join(' / ')}`,
			);
			const check = await openStore(file);
			const counter = await check.db.selectFrom('meta').select('value').where('key', '=', 'counter').executeTakeFirstOrThrow();
			expect(Number(counter.value)).toBe(2 * count);
			const log = await sql<{n: number; who: number}>`select count(*) as n, count(distinct who) as who from hammer_log`.execute(check.db);
			expect(log.rows[0]).toEqual({n: 2 * count, who: 2});
			await check.close();
		}, 60_000);
	}
});
