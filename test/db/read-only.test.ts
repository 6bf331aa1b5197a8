/**
 * A store opened read-only (db/read-only.ts): what a user who cannot write the store may still
 * do, whoever runs the tests (as root, file permissions cannot make a store unwritable, so these
 * tests ask for read-only explicitly; test/commands/read-only-store.test.ts runs the CLI as a
 * user who really cannot write).
 */
import {existsSync, mkdirSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {CompiledQuery} from 'kysely';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {MIGRATIONS, openStore, StoreUnavailableError, type Store} from '../../db/index.js';
import {readOnlyTarget} from '../../db/read-only.js';
import {listQueue} from '../../source/cases/queues.js';
import type {Session} from '../../source/cases/session.js';
import {addOfficer, insertCases} from '../cases/queue-fixtures.js';
import {tempDir} from './helpers.js';

const tmp = tempDir('caips-read-only-');
const dir = path.join(tmp.dir, 'store');
const file = path.join(dir, 'caips.db');
afterAll(() => tmp.cleanup());

const session = (store: Store): Session => ({store, actor: {userName: 'alice', displayName: 'alice', roles: new Set(['officer'] as const), office: null}, now: () => '2026-11-29T15:00:00.000Z'});

async function auditCount(): Promise<number> {
	const store = await openStore(file);
	try {
		return (await store.db.selectFrom('audit_events').select('seq').execute()).length;
	} finally {
		await store.close();
	}
}

beforeAll(async () => {
	mkdirSync(dir, {recursive: true});
	const store = await openStore(file);
	await addOfficer(store, 'alice', ['officer']);
	await insertCases(store, [{applicationNumber: 'E000000101', familyName: 'Côté'}, {applicationNumber: 'E000000102'}]);
	await listQueue(session(store), {}); // one audit event
	await store.close();
});

describe('openStore(path, {readOnly: true})', () => {
	it('reads; the audit events of a read are counted, not recorded; nothing is created beside the store', async () => {
		expect(readdirSync(dir)).toEqual(['caips.db']);
		expect(readOnlyTarget(file).mode).toBe('immutable');
		const before = await auditCount();
		const store = await openStore(file, {readOnly: true});
		try {
			expect(store.readOnly).toBe(true);
			expect(await store.unrecordedAuditEvents()).toBe(0);
			const page = await listQueue(session(store), {filter: 'name:cote'});
			expect(page.rows.map((r) => r.applicationNumber)).toEqual(['E000000101']);
			const again = await listQueue(session(store), {});
			expect(again.total).toBe(2);
			expect(await store.unrecordedAuditEvents()).toBe(2);
			// Reads of the trail see the real one.
			expect((await store.db.selectFrom('audit_events').select('seq').execute()).length).toBe(before);
			expect(readdirSync(dir)).toEqual(['caips.db']);
		} finally {
			await store.close();
		}
		expect(readdirSync(dir)).toEqual(['caips.db']);
		expect(await auditCount()).toBe(before);
	});

	it('refuses any other write with StoreUnavailableError (69) saying the store is read-only', async () => {
		const store = await openStore(file, {readOnly: true});
		try {
			const error = await store.transaction((trx) => trx.updateTable('applications').set({priority: 1}).execute()).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(StoreUnavailableError);
			expect((error as StoreUnavailableError).exitCode).toBe(69);
			expect((error as Error).message).toBe(`cannot open the caips store at ${file}: it is open read-only (you cannot write it), and this needs to change it`);
		} finally {
			await store.close();
		}
	});

	it('reads what a writer still holds in its write-ahead log (mode=ro, through its -shm)', async () => {
		const writer = await openStore(file);
		try {
			await writer.db.executeQuery(CompiledQuery.raw('pragma wal_autocheckpoint = 0'));
			await writer.transaction((trx) => trx.updateTable('applications').set({priority: 7}).where('application_number', '=', 'E000000102').execute());
			expect(existsSync(`${file}-wal`)).toBe(true);
			expect(readOnlyTarget(file).mode).toBe('ro');
			const reader = await openStore(file, {readOnly: true});
			try {
				const row = await reader.db.selectFrom('applications').select('priority').where('application_number', '=', 'E000000102').executeTakeFirstOrThrow();
				expect(row.priority).toBe(7);
			} finally {
				await reader.close();
			}
		} finally {
			await writer.close();
		}
	});

	it('refuses a store that needs a migration, saying who can upgrade it', async () => {
		const old = path.join(tmp.dir, 'old.db');
		await (await openStore(old, {migrations: MIGRATIONS.slice(0, MIGRATIONS.length - 1)})).close();
		const error = await openStore(old, {readOnly: true}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StoreUnavailableError);
		expect((error as Error).message).toMatch(/has schema version \d+ and this caips needs \d+; it is read-only for you, so it cannot be upgraded: run any caips command on it once as a user who can write it$/);
	});

	it('refuses a missing file and a directory, naming them', async () => {
		await expect(openStore(path.join(dir, 'absent.db'), {readOnly: true})).rejects.toThrow(/absent\.db: no such file$/);
		await expect(openStore(dir, {readOnly: true})).rejects.toThrow(`cannot open the caips store at ${dir}: it is a directory, not a store file`);
		await expect(openStore(dir)).rejects.toThrow(`cannot open the caips store at ${dir}: it is a directory, not a store file`);
	});
});
