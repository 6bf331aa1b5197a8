/**
 * The audit trail after a busy session is intact; tampering behind caips' back (edit, delete,
 * insert, made with a raw sqlite3 connection on a copy of the store, triggers dropped first) is
 * found by `caips audit verify`, which names the first bad event and exits 1.
 */
import {copyFileSync, existsSync} from 'node:fs';
import {join} from 'node:path';
import sqlite3 from 'sqlite3';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openStore} from '../../db/index.js';
import {eventHash} from '../../source/cases/audit.js';
import {viewCase} from '../../source/cases/case-view.js';
import {exportCaseJson} from '../../source/cases/export-json.js';
import {exportCaseNotes} from '../../source/cases/export-notes.js';
import {importApplications} from '../../source/cases/import.js';
import {addOfficer, deactivateOfficer} from '../../source/cases/officers.js';
import {runCli} from '../helpers/cli.js';
import {FIXTURE_FILES, fixture, seededStore, type TestStore} from './seeded-store.js';

let t: TestStore;
let events = 0;
/** A copy of the store taken right after the session, before any verification was recorded. */
let pristine = '';

beforeAll(async () => {
	t = await seededStore('caips-audit-');
	const alice = await t.as('alice');
	await addOfficer(alice, {userName: 'bob', roles: ['officer']});
	await addOfficer(alice, {userName: 'carol', roles: ['auditor']});
	const bob = await t.as('bob');
	const carol = await t.as('carol');
	for (const name of FIXTURE_FILES) {
		const {file, applications} = fixture(name);
		await importApplications(name < 'V20' ? alice : bob, applications, {file, today: '2026-11-29'});
	}
	for (const number of ['E000000101', 'E000000117', 'E000000122']) {
		await viewCase(bob, number);
		await viewCase(carol, number);
		await exportCaseJson(carol, number);
		await exportCaseNotes(alice, number);
	}
	await importApplications(carol, fixture('V01.json').applications, {file: 'again.json'}).catch(() => undefined); // refused: audited
	await addOfficer(bob, {userName: 'mallory', roles: ['admin']}).catch(() => undefined); // refused: audited
	await deactivateOfficer(alice, 'bob');
	events = (await t.store.db.selectFrom('audit_events').select('seq').execute()).length;
	await t.store.close();
	pristine = join(t.dir, 'pristine.db');
	copyFileSync(t.path, pristine);
	if (existsSync(`${t.path}-wal`)) copyFileSync(`${t.path}-wal`, `${pristine}-wal`);
}, 60_000);

afterAll(async () => {
	await t.close();
});

/** A copy of the store (closed, so its WAL is checkpointed) with `statements` run on it by a raw connection. */
async function tamperedCopy(name: string, statements: string): Promise<string> {
	const copy = join(t.dir, `${name}.db`);
	copyFileSync(pristine, copy);
	if (existsSync(`${pristine}-wal`)) copyFileSync(`${pristine}-wal`, `${copy}-wal`);
	const db = new sqlite3.Database(copy);
	await new Promise<void>((resolve, reject) =>
		db.exec(`drop trigger audit_events_no_update; drop trigger audit_events_no_delete; ${statements}`, (err) => (err ? reject(err) : resolve())),
	);
	await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
	return copy;
}

const verify = (db: string, json = false) => runCli(['audit', 'verify', '--db', db, ...(json ? ['--json'] : [])], {env: {CAIPS_OFFICER: 'carol', CAIPS_DB: ''}});

describe('audit trail', () => {
	it('is intact after a busy session of imports, views, exports, refusals and officer changes', async () => {
		expect(events).toBeGreaterThan(40);
		const run = verify(t.path);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toBe(`audit trail intact: ${events} events\n`);
		const json = verify(t.path, true);
		expect(JSON.parse(json.stdout)).toEqual({ok: true, events: events + 1}); // the first verify is on record now
	});

	it('names an event whose detail was edited', async () => {
		const copy = await tamperedCopy('edited', `update audit_events set detail = '{"format":"nothing to see"}' where seq = 30;`);
		const run = verify(copy);
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('audit trail broken at event 30: its contents do not match its hash (the event was changed)\n');
	});

	it('names the event after a deleted middle event', async () => {
		const copy = await tamperedCopy('deleted', 'delete from audit_events where seq = 12;');
		const run = verify(copy, true);
		expect(run.code).toBe(1);
		expect(JSON.parse(run.stdout)).toMatchObject({ok: false, seq: 13, problem: 'event 12 is missing (next is 13)'});
	});

	it('names a forged event inserted after the last one', async () => {
		const forged = `insert into audit_events (seq, at, officer, action, application_number, detail, prev_hash, hash)
			select max(seq) + 1, '2026-11-29T09:00:00.500Z', 'alice', 'view', 'E000000101', null,
				(select hash from audit_events order by seq desc limit 1), '${'ab'.repeat(32)}' from audit_events;`;
		const copy = await tamperedCopy('forged', forged);
		const run = verify(copy);
		expect(run.code).toBe(1);
		expect(run.stdout).toBe(`audit trail broken at event ${events + 1}: its contents do not match its hash (the event was changed)\n`);
	});

	it('names the event after one re-hashed by someone who knows the hash function', async () => {
		// Edit event 5 and give it a correct hash of its new contents: event 6 no longer links to it.
		const copy = join(t.dir, 'rehashed-source.db');
		copyFileSync(pristine, copy);
		const store = await openStore(copy);
		const row = await store.db.selectFrom('audit_events').selectAll().where('seq', '=', 5).executeTakeFirstOrThrow();
		await store.close();
		const edited = {...row, officer: 'mallory'};
		const statements = `update audit_events set officer = 'mallory', hash = '${eventHash(edited)}' where seq = 5;`;
		const run = verify(await tamperedCopy('rehashed', statements));
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('audit trail broken at event 6: does not link to the previous event (an event before it was removed, inserted or changed)\n');
	});
});
