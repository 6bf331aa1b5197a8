import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {decodeJson, decodeSet} from '../../db/index.js';
import {InvalidError, NotFoundError, PermissionError} from '../../source/cases/errors.js';
import {addOfficer, deactivateOfficer, initStore, listOfficers} from '../../source/cases/officers.js';
import {loadActor} from '../../source/cases/session.js';
import {seededStore, type TestStore} from './seeded-store.js';

let t: TestStore;
beforeEach(async () => {
	t = await seededStore('caips-officers-');
});
afterEach(async () => {
	await t.close();
});

const auditRows = () => t.store.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();

describe('initStore', () => {
	it('makes the user who runs it an active admin, officer and supervisor, seeds the reason codes, and audits it', async () => {
		const alice = await loadActor(t.store, 'alice');
		expect([...alice.roles].sort()).toEqual(['admin', 'officer', 'supervisor']);
		const codes = await t.store.db.selectFrom('reason_codes').selectAll().orderBy('code').execute();
		expect(codes).toHaveLength(13);
		expect(codes.find((c) => c.code === 'misrepresentation')).toEqual({
			code: 'misrepresentation',
			meaning: 'material misrepresentation (5-year bar)',
			source: 'IRPA s. 40(1)(a)',
		});
		expect(codes.find((c) => c.code === 'fsw-not-met')?.source).toBe('IRPR ss. 75–76');
		const events = await auditRows();
		expect(events.map((e) => [e.officer, e.action])).toEqual([['alice', 'init']]);
		expect(decodeJson(events[0]!.detail)).toMatchObject({admin: 'alice', reasonCodes: 13});
	});

	it('changes nothing on a store that already has officers, and says whether the user is one of them', async () => {
		const before = {officers: await t.store.db.selectFrom('officers').selectAll().execute(), audit: await auditRows()};
		expect(await initStore(t.store, {userName: 'alice'}, t.now)).toEqual({created: false, officers: 1, isOfficer: true});
		expect(await initStore(t.store, {userName: 'mallory'}, t.now)).toEqual({created: false, officers: 1, isOfficer: false});
		expect(await t.store.db.selectFrom('officers').selectAll().execute()).toEqual(before.officers);
		expect(await auditRows()).toEqual(before.audit);
	});

	it('keeps reason codes an office changed when seeding', async () => {
		await t.store.transaction((trx) => trx.deleteFrom('officers').execute());
		await t.store.transaction((trx) => trx.updateTable('reason_codes').set({meaning: 'local wording'}).where('code', '=', 'incomplete').execute());
		const result = await initStore(t.store, {userName: 'bob'}, t.now);
		expect(result).toEqual({created: true, admin: 'bob', reasonCodes: 13});
		const row = await t.store.db.selectFrom('reason_codes').select('meaning').where('code', '=', 'incomplete').executeTakeFirstOrThrow();
		expect(row.meaning).toBe('local wording');
		const override = await t.store.db.selectFrom('reason_codes').selectAll().where('code', '=', 'eligibility-override').executeTakeFirstOrThrow();
		expect(override.source).toBe("officer's reasons");
	});
});

describe('officers and roles', () => {
	it('an admin adds officers with several roles; the list shows them in user-name order', async () => {
		const alice = await t.as('alice');
		const added = await addOfficer(alice, {userName: 'bob', roles: ['supervisor', 'officer', 'officer'], office: 'Sydney CPC', displayName: 'Bob Tremblay'});
		expect(added).toMatchObject({userName: 'bob', roles: ['officer', 'supervisor'], office: 'Sydney CPC', active: true, displayName: 'Bob Tremblay'});
		await addOfficer(alice, {userName: 'carol', roles: ['auditor']});
		const {officers, next} = await listOfficers(t.store.db);
		expect(next).toBeNull();
		expect(officers.map((o) => [o.userName, o.roles.join(','), o.displayName])).toEqual([
			['alice', 'admin,officer,supervisor', 'alice'],
			['bob', 'officer,supervisor', 'Bob Tremblay'],
			['carol', 'auditor', 'carol'],
		]);
		const bob = await loadActor(t.store, 'bob');
		expect([...bob.roles].sort()).toEqual(['officer', 'supervisor']);
		const last = (await auditRows()).at(-1)!;
		expect([last.officer, last.action]).toEqual(['alice', 'officer-add']);
		expect(decodeJson(last.detail)).toEqual({userName: 'carol', roles: ['auditor'], office: null});
	});

	it('pages through officers with the keyset cursor without repeating or skipping anyone', async () => {
		const alice = await t.as('alice');
		for (const name of ['erin', 'bob', 'dave', 'carol', 'frank']) await addOfficer(alice, {userName: name, roles: ['officer']});
		const seen: string[] = [];
		let after = null;
		do {
			const page: Awaited<ReturnType<typeof listOfficers>> = await listOfficers(t.store.db, {after, limit: 2});
			expect(page.officers.length).toBeLessThanOrEqual(2);
			seen.push(...page.officers.map((o) => o.userName));
			after = page.next;
		} while (after !== null);
		expect(seen).toEqual(['alice', 'bob', 'carol', 'dave', 'erin', 'frank']);
	});

	it('names a bad role, refuses an empty role list, a bad user name and a second officer of the same name', async () => {
		const alice = await t.as('alice');
		await expect(addOfficer(alice, {userName: 'bob', roles: ['officer', 'boss']})).rejects.toThrow(/role "boss" is not one of officer, supervisor, admin, auditor/);
		await expect(addOfficer(alice, {userName: 'bob', roles: []})).rejects.toThrow(InvalidError);
		await expect(addOfficer(alice, {userName: 'bob smith', roles: ['officer']})).rejects.toThrow(/user name "bob smith"/);
		await expect(addOfficer(alice, {userName: 'bob', roles: ['officer'], displayName: 'Bob\u001b[2J'})).rejects.toThrow(/display name/);
		await addOfficer(alice, {userName: 'bob', roles: ['officer']});
		await expect(addOfficer(alice, {userName: 'bob', roles: ['auditor']})).rejects.toThrow(/officer "bob" already exists/);
		expect((await listOfficers(t.store.db)).officers).toHaveLength(2);
	});

	it('refuses a non-admin with a PermissionError and audits the refusal', async () => {
		await addOfficer(await t.as('alice'), {userName: 'bob', roles: ['officer', 'supervisor']});
		const bob = await t.as('bob');
		const attempt = addOfficer(bob, {userName: 'mallory', roles: ['admin']});
		await expect(attempt).rejects.toThrow(PermissionError);
		await expect(attempt).rejects.toThrow('adding an officer needs the admin role; bob has officer, supervisor');
		await expect(deactivateOfficer(bob, 'alice')).rejects.toThrow(PermissionError);
		expect((await listOfficers(t.store.db)).officers.map((o) => o.userName)).toEqual(['alice', 'bob']);
		const refused = (await auditRows()).filter((e) => e.action === 'refused');
		expect(refused.map((e) => [e.officer, decodeJson<{attempt: string}>(e.detail)!.attempt])).toEqual([
			['bob', 'officer-add'],
			['bob', 'officer-deactivate'],
		]);
	});

	it('deactivates an officer, who can then no longer act; the last active admin cannot deactivate themself', async () => {
		const alice = await t.as('alice');
		await addOfficer(alice, {userName: 'bob', roles: ['officer']});
		await deactivateOfficer(alice, 'bob');
		await expect(loadActor(t.store, 'bob')).rejects.toThrow('officer "bob" is deactivated');
		await expect(deactivateOfficer(alice, 'bob')).rejects.toThrow(/already deactivated/);
		await expect(deactivateOfficer(alice, 'nobody')).rejects.toThrow(NotFoundError);
		await expect(deactivateOfficer(alice, 'alice')).rejects.toThrow('officer "alice" is the last active admin: add another admin before deactivating yourself');
		await addOfficer(alice, {userName: 'dana', roles: ['admin']});
		await deactivateOfficer(alice, 'alice');
		const rows = (await listOfficers(t.store.db)).officers;
		expect(rows.map((o) => [o.userName, o.active])).toEqual([
			['alice', false],
			['bob', false],
			['dana', true],
		]);
		const dana = await t.as('dana');
		await expect(deactivateOfficer(dana, 'dana')).rejects.toThrow(/last active admin/);
		const stored = await t.store.db.selectFrom('officers').select('roles').where('user_name', '=', 'dana').executeTakeFirstOrThrow();
		expect(decodeSet(stored.roles)).toEqual(['admin']);
	});
});
