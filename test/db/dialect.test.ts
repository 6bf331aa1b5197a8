import path from 'node:path';
import {CompiledQuery, Kysely, sql} from 'kysely';
import sqlite3 from 'sqlite3';
import {afterAll, afterEach, beforeEach, describe, expect, it} from 'vitest';
import {Sqlite3Dialect} from '../../db/sqlite/dialect.js';
import {Sqlite3Connection, toSqliteValue} from '../../db/sqlite/driver.js';
import {Mutex} from '../../db/sqlite/mutex.js';
import {tempDir} from './helpers.js';

interface TestDb {
	person: {id: import('kysely').Generated<number>; name: string; age: number | null; photo: Buffer | null};
}

function openRaw(file: string): Promise<sqlite3.Database> {
	return new Promise((resolve, reject) => {
		const h = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(h)));
	});
}

describe('sqlite3 dialect', () => {
	const tmp = tempDir();
	let db: Kysely<TestDb>;
	let n = 0;

	afterAll(() => tmp.cleanup());

	beforeEach(async () => {
		const handle = await openRaw(path.join(tmp.dir, `d${n++}.db`));
		db = new Kysely<TestDb>({dialect: new Sqlite3Dialect({database: handle})});
		await db.schema
			.createTable('person')
			.addColumn('id', 'integer', (c) => c.primaryKey())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('age', 'integer')
			.addColumn('photo', 'blob')
			.execute();
	});

	afterEach(async () => {
		await db.destroy();
	});

	it('inserts, selects, updates and deletes with counts and insert ids', async () => {
		const r1 = await db.insertInto('person').values({name: 'Ana', age: 30}).executeTakeFirstOrThrow();
		expect(r1.insertId).toBe(1n);
		expect(r1.numInsertedOrUpdatedRows).toBe(1n);
		const r2 = await db
			.insertInto('person')
			.values([
				{name: 'Bo', age: 40},
				{name: 'Cé', age: null},
			])
			.executeTakeFirstOrThrow();
		expect(r2.insertId).toBe(3n);
		expect(r2.numInsertedOrUpdatedRows).toBe(2n);

		const rows = await db.selectFrom('person').selectAll().orderBy('id').execute();
		expect(rows.map((r) => [r.id, r.name, r.age])).toEqual([
			[1, 'Ana', 30],
			[2, 'Bo', 40],
			[3, 'Cé', null],
		]);
		expect(typeof rows[0]!.id).toBe('number');

		const up = await db.updateTable('person').set({age: 41}).where('age', '>=', 30).executeTakeFirstOrThrow();
		expect(up.numUpdatedRows).toBe(2n);
		const del = await db.deleteFrom('person').where('name', '=', 'Cé').executeTakeFirstOrThrow();
		expect(del.numDeletedRows).toBe(1n);
	});

	it('supports RETURNING on insert, update and delete', async () => {
		const ins = await db.insertInto('person').values({name: 'Dee', age: 22}).returning(['id', 'name']).executeTakeFirstOrThrow();
		expect(ins).toEqual({id: 1, name: 'Dee'});
		const upd = await db.updateTable('person').set({age: 23}).returning('age').execute();
		expect(upd).toEqual([{age: 23}]);
		const del = await db.deleteFrom('person').returningAll().execute();
		expect(del).toEqual([{id: 1, name: 'Dee', age: 23, photo: null}]);
		const raw = await sql<{id: number}>`insert into person (name) values ('Eve') returning id`.execute(db);
		expect(raw.rows).toEqual([{id: 1}]); // rowid reuse: the table is empty again
		expect(raw.numAffectedRows).toBe(1n);
	});

	it('runs raw statements and pragmas', async () => {
		const v = await sql<{v: string}>`select sqlite_version() as v`.execute(db);
		expect(v.rows[0]!.v).toMatch(/^3\.\d+/);
		const fk = await db.executeQuery<{foreign_keys: number}>(CompiledQuery.raw('pragma foreign_keys'));
		expect(fk.rows).toHaveLength(1);
		const upd = await sql`update person set age = 1`.execute(db);
		expect(upd.numAffectedRows).toBe(0n);
		const withCte = await sql<{x: number}>`with t(x) as (values (1), (2)) select x from t`.execute(db);
		expect(withCte.rows).toEqual([{x: 1}, {x: 2}]);
	});

	it('round-trips blobs, converts booleans and safe bigints, refuses Date and objects', async () => {
		const photo = Buffer.from([0, 1, 2, 255]);
		await db.insertInto('person').values({name: 'Pix', photo, age: 5n as unknown as number}).execute();
		const row = await db.selectFrom('person').selectAll().executeTakeFirstOrThrow();
		expect(Buffer.isBuffer(row.photo)).toBe(true);
		expect([...row.photo!]).toEqual([0, 1, 2, 255]);
		expect(row.age).toBe(5);
		const b = await sql<{t: number; f: number}>`select ${true} as t, ${false} as f`.execute(db);
		expect(b.rows[0]).toEqual({t: 1, f: 0});
		await expect(sql`select ${new Date()} as d`.execute(db)).rejects.toThrow(/JS Date/);
		await expect(sql`select ${{a: 1}} as d`.execute(db)).rejects.toThrow(/encode it first/);
		expect(() => toSqliteValue(2n ** 60n)).toThrow(RangeError);
		expect(toSqliteValue(new Uint8Array([7]))).toEqual(Buffer.from([7]));
	});

	it('commits and rolls back transactions', async () => {
		await db.transaction().execute(async (trx) => {
			await trx.insertInto('person').values({name: 'Kept'}).execute();
		});
		await expect(
			db.transaction().execute(async (trx) => {
				await trx.insertInto('person').values({name: 'Lost'}).execute();
				throw new Error('boom');
			}),
		).rejects.toThrow('boom');
		const names = await db.selectFrom('person').select('name').execute();
		expect(names).toEqual([{name: 'Kept'}]);
	});

	it('supports savepoints (controlled transactions)', async () => {
		const trx = await db.startTransaction().execute();
		await trx.insertInto('person').values({name: 'A'}).execute();
		const sp = await trx.savepoint('before_b').execute();
		await sp.insertInto('person').values({name: 'B'}).execute();
		const back = await sp.rollbackToSavepoint('before_b').execute();
		const sp2 = await back.savepoint('sp two').execute();
		await sp2.insertInto('person').values({name: 'C'}).execute();
		const done = await sp2.releaseSavepoint('sp two').execute();
		await done.commit().execute();
		const names = await db.selectFrom('person').select('name').orderBy('id').execute();
		expect(names.map((r) => r.name)).toEqual(['A', 'C']);
	});

	it('serialises concurrent queries on the one connection', async () => {
		const inserts = Array.from({length: 50}, (_, i) => db.insertInto('person').values({name: `p${i}`, age: i}).execute());
		const reads = Array.from({length: 20}, () => db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).execute());
		await Promise.all([...inserts, ...reads]);
		const {n} = await db.selectFrom('person').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(n).toBe(50);
	});

	it('streams select results in chunks', async () => {
		await db
			.insertInto('person')
			.values(Array.from({length: 25}, (_, i) => ({name: `s${i}`})))
			.execute();
		let total = 0;
		for await (const row of db.selectFrom('person').select('name').stream(10)) {
			expect(row.name).toMatch(/^s\d+$/);
			total++;
		}
		expect(total).toBe(25);
		const conn = new Sqlite3Connection(await openRaw(path.join(tmp.dir, `d${n - 1}.db`)));
		const sizes: number[] = [];
		for await (const chunk of conn.streamQuery(db.selectFrom('person').select('name').compile(), 10)) sizes.push(chunk.rows.length);
		expect(sizes).toEqual([10, 10, 5]);
		await expect(conn.streamQuery(db.deleteFrom('person').compile()).next()).rejects.toThrow(/streams only/);
		await conn.close();
	});

	it('begins transactions with BEGIN IMMEDIATE (another handle cannot write meanwhile)', async () => {
		const file = path.join(tmp.dir, 'imm.db');
		const a = await openRaw(file);
		const b = await openRaw(file);
		const run = (h: sqlite3.Database, s: string) =>
			new Promise<void>((resolve, reject) => h.run(s, (err) => (err ? reject(err) : resolve())));
		await run(a, 'pragma journal_mode = wal');
		await run(a, 'create table t (x integer)');
		b.configure('busyTimeout', 50);
		const kdb = new Kysely<any>({dialect: new Sqlite3Dialect({database: a})});
		await kdb.transaction().execute(async () => {
			// No statement yet inside the transaction: only BEGIN IMMEDIATE has run.
			await expect(run(b, 'insert into t values (1)')).rejects.toMatchObject({code: 'SQLITE_BUSY'});
		});
		await run(b, 'insert into t values (2)');
		await kdb.destroy();
		await new Promise<void>((r) => b.close(() => r()));
	});
});

describe('Mutex', () => {
	it('serves waiters first come, first served', async () => {
		const m = new Mutex();
		const order: number[] = [];
		await m.lock();
		const waiters = [1, 2, 3].map((i) => m.lock().then(() => order.push(i)));
		expect(m.waiting).toBe(3);
		for (let i = 0; i < 3; i++) {
			m.unlock();
			await new Promise((r) => setImmediate(r));
		}
		await Promise.all(waiters);
		expect(order).toEqual([1, 2, 3]);
		m.unlock();
		expect(m.locked).toBe(false);
	});
});

