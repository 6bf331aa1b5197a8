import path from 'node:path';
import {sql} from 'kysely';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openStore} from '../../db/connect.js';
import {LATEST_SCHEMA_VERSION, MIGRATIONS, SchemaTooNewError, readSchemaVersion} from '../../db/migrate.js';
import type {Migration} from '../../db/migrations/types.js';
import {bundleChild, lastJson, runNode, tempDir} from './helpers.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const EXPECTED_TABLES = [
	'applications',
	'audit_events',
	'decisions',
	'documents',
	'invitations',
	'meta',
	'notes',
	'officers',
	'queues',
	'reason_codes',
	'rounds',
	'schema_migrations',
	'work_periods',
];

describe('migrations', () => {
	it('apply on first open and are idempotent on reopen', async () => {
		const file = path.join(tmp.dir, 'idem.db');
		const first = await openStore(file);
		expect(first.migration).toEqual({
			from: 0,
			to: LATEST_SCHEMA_VERSION,
			applied: MIGRATIONS.map((m) => ({version: m.version, name: m.name})),
		});
		const tables = await first.db.introspection.getTables();
		expect(tables.map((t) => t.name).sort()).toEqual(EXPECTED_TABLES);
		await first.close();

		for (let i = 0; i < 3; i++) {
			const again = await openStore(file);
			expect(again.migration).toEqual({from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION, applied: []});
			expect(again.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
			const rows = await again.db.selectFrom('schema_migrations').selectAll().execute();
			expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
			await again.close();
		}
	});

	it('creates the queue and pool indexes', async () => {
		const store = await openStore(path.join(tmp.dir, 'idx.db'));
		const idx = await sql<{name: string; sql: string}>`select name, sql from sqlite_master where type = 'index' and tbl_name = 'applications' and sql is not null`.execute(
			store.db,
		);
		const byName = Object.fromEntries(idx.rows.map((r) => [r.name, r.sql.replace(/\s+/g, ' ')]));
		expect(byName.applications_status_received).toMatch(/"status", "received_at", "application_number"/);
		expect(byName.applications_assigned_status).toMatch(/"assigned_to", "status"/);
		expect(byName.applications_bring_forward).toMatch(/"bring_forward_on"/);
		expect(byName.applications_search_key).toMatch(/"search_key"/);
		expect(byName.applications_pool).toMatch(/"status", "crs_total" desc, "profile_submitted_at", "application_number"/);
		// The pool order uses its index without a sort step.
		const plan = await sql<{detail: string}>`explain query plan select application_number from applications where status = 'pool' order by crs_total desc, profile_submitted_at, application_number limit 50`.execute(
			store.db,
		);
		const detail = plan.rows.map((r) => r.detail).join(' | ');
		expect(detail).toMatch(/applications_pool/);
		expect(detail).not.toMatch(/TEMP B-TREE/);
		await store.close();
	});

	it('add new migrations on top of an existing store', async () => {
		const file = path.join(tmp.dir, 'next.db');
		(await openStore(file)).close();
		const extra: Migration = {
			version: LATEST_SCHEMA_VERSION + 1,
			name: 'test_extra',
			async up(db) {
				await db.schema.alterTable('officers').addColumn('email', 'text').execute();
			},
		};
		const store = await openStore(file, {migrations: [...MIGRATIONS, extra]});
		expect(store.migration.applied).toEqual([{version: extra.version, name: 'test_extra'}]);
		expect(await readSchemaVersion(store.db)).toBe(extra.version);
		await store.close();
	});

	it('roll back entirely when a migration fails', async () => {
		const file = path.join(tmp.dir, 'fail.db');
		const bad: Migration = {
			version: LATEST_SCHEMA_VERSION + 1,
			name: 'bad',
			async up(db) {
				await db.schema.createTable('half_done').addColumn('x', 'integer').execute();
				throw new Error('migration failed on purpose');
			},
		};
		await expect(openStore(file, {migrations: [...MIGRATIONS, bad]})).rejects.toThrow('on purpose');
		const store = await openStore(file, {migrate: false});
		expect(await readSchemaVersion(store.db)).toBeNull(); // nothing of the failed run persisted
		const t = await sql<{n: number}>`select count(*) as n from sqlite_master where type = 'table'`.execute(store.db);
		expect(t.rows[0]!.n).toBe(0);
		await store.close();
	});

	it('refuse a store whose schema is newer than this build', async () => {
		const file = path.join(tmp.dir, 'new.db');
		const store = await openStore(file);
		await store.transaction((trx) =>
			trx.updateTable('meta').set({value: String(LATEST_SCHEMA_VERSION + 5)}).where('key', '=', 'schema_version').execute(),
		);
		await store.close();
		const err = await openStore(file).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(SchemaTooNewError);
		const e = err as SchemaTooNewError;
		expect(e.exitCode).toBe(78);
		expect(e.storeVersion).toBe(LATEST_SCHEMA_VERSION + 5);
		expect(e.buildVersion).toBe(LATEST_SCHEMA_VERSION);
		expect(e.message).toContain(file);
		expect(e.message).toMatch(/newer than this caips knows/);
		await expect(openStore(file, {migrate: false})).rejects.toBeInstanceOf(SchemaTooNewError);
	});

	it('check that migrations are numbered without gaps', async () => {
		const gap: Migration = {version: LATEST_SCHEMA_VERSION + 2, name: 'gap', up: async () => {}};
		await expect(openStore(path.join(tmp.dir, 'gap.db'), {migrations: [...MIGRATIONS, gap]})).rejects.toThrow(/expected/);
	});

	it('are applied once when two stores open the same fresh file in one process', async () => {
		const file = path.join(tmp.dir, 'twin', 'caips.db');
		const [a, b] = await Promise.all([openStore(file), openStore(file)]);
		expect(a.migration.applied.length + b.migration.applied.length).toBe(MIGRATIONS.length);
		await a.close();
		await b.close();
	});
});

describe('concurrent first open from several processes', () => {
	let child: string;
	beforeAll(async () => {
		child = await bundleChild('open-store', tmp.dir);
	}, 60_000);

	for (const round of [1, 2, 3]) {
		it(`applies the schema exactly once, with no error (round ${round})`, async () => {
			const file = path.join(tmp.dir, `race-${round}`, 'sub', 'caips.db');
			const startAt = String(Date.now() + 600);
			const results = await Promise.all(Array.from({length: 4}, () => runNode(child, [file, startAt])));
			for (const r of results) expect(r.code, r.stdout + r.stderr).toBe(0);
			const reports = results.map((r) => lastJson<{ok: boolean; from: number; to: number; applied: number}>(r));
			expect(reports.every((r) => r.ok && r.to === LATEST_SCHEMA_VERSION)).toBe(true);
			expect(reports.filter((r) => r.applied > 0)).toHaveLength(1);
			expect(reports.reduce((s, r) => s + r.applied, 0)).toBe(MIGRATIONS.length);
			const store = await openStore(file);
			const rows = await store.db.selectFrom('schema_migrations').select('version').execute();
			expect(rows).toHaveLength(MIGRATIONS.length);
			await store.close();
		}, 60_000);
	}
});
