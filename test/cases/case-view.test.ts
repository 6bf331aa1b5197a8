import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {readCase, readCaseHistory, viewCase} from '../../source/cases/case-view.js';
import {NotFoundError} from '../../source/cases/errors.js';
import {importApplications} from '../../source/cases/import.js';
import {addOfficer} from '../../source/cases/officers.js';
import type {Session} from '../../source/cases/session.js';
import {fixture, seededStore, type TestStore} from './seeded-store.js';

let t: TestStore;
let alice: Session;
beforeEach(async () => {
	t = await seededStore('caips-view-');
	alice = await t.as('alice');
	for (const name of ['V01.json', 'V17.json']) {
		const {file, applications} = fixture(name);
		await importApplications(alice, applications, {file, today: '2026-11-29'});
	}
});
afterEach(async () => {
	await t.close();
});

describe('viewCase', () => {
	it('reads the columns, the application, work periods with ids and findings, notes, document metadata and decisions', async () => {
		const record = await viewCase(alice, 'E000000117');
		expect(record.case).toMatchObject({
			applicationNumber: 'E000000117',
			uci: '1204-8896',
			program: 'CEC',
			status: 'received',
			assignedTo: null,
			familyName: 'Mwangi',
			givenNames: 'Brian Otieno',
			receivedAt: '2026-11-26T18:42:00.000Z',
			invitedAt: '2026-11-12T15:00:00.000Z',
			crsTotal: 508,
			rulesVersion: '2025-03-25',
			eligiblePrograms: ['CEC', 'FSW'],
			version: 1,
		});
		expect(record.case).not.toHaveProperty('data');
		const app = fixture('V17.json').applications[0]!;
		const {notes: _notes, documents: _documents, ...withoutLists} = app;
		expect(record.application).toEqual(withoutLists);
		expect(record.assessment?.asAssessed.crs.total).toBe(508);
		expect(record.workPeriods.map((w) => [w.person, w.idx, w.employer, w.finding])).toEqual([
			['applicant', 0, 'Safari Data Ltd', 'claimed'],
			['applicant', 1, 'Prairie Cloud Systems', 'claimed'],
			['spouse', 0, 'Calgary Dental Group', 'claimed'],
		]);
		expect(new Set(record.workPeriods.map((w) => w.id)).size).toBe(3);
		expect(record.notes).toEqual([{id: 1, author: 'aokafor', at: '2026-11-27T14:10:00.000Z', body: app.notes![0]!.body, correctsNoteId: null}]);
		expect(record.decisions).toEqual([]);

		const v01 = await viewCase(alice, 'E000000101');
		expect(v01.documents).toHaveLength(1);
		expect(v01.documents[0]).toMatchObject({kind: 'passport', fileName: 'passport-okonkwo.txt', addedBy: 'alice', status: 'received'});
		expect(v01.documents[0]).not.toHaveProperty('content');
	});

	it('is audited as a view; an unknown case is named and nothing is recorded for it', async () => {
		await viewCase(alice, 'E000000101');
		const last = await t.store.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
		expect([last.action, last.application_number, last.officer]).toEqual(['view', 'E000000101', 'alice']);
		const before = await t.store.db.selectFrom('audit_events').select('seq').execute();
		await expect(viewCase(alice, 'E000000999')).rejects.toThrow(NotFoundError);
		await expect(viewCase(alice, 'E000000999')).rejects.toThrow('no case "E000000999" in this store');
		expect(await t.store.db.selectFrom('audit_events').select('seq').execute()).toEqual(before);
	});

	it('lets an auditor read a case', async () => {
		await addOfficer(alice, {userName: 'carol', roles: ['auditor']});
		const record = await viewCase(await t.as('carol'), 'E000000117');
		expect(record.case.applicationNumber).toBe('E000000117');
	});
});

describe('readCaseHistory', () => {
	it('lists the case events in order, leaving out the actions asked', async () => {
		await viewCase(alice, 'E000000117');
		await viewCase(alice, 'E000000101');
		const all = await readCaseHistory(t.store.db, 'E000000117');
		expect(all.map((e) => e.action)).toEqual(['import', 'view']);
		expect(all[0]!.seq).toBeLessThan(all[1]!.seq);
		expect(all[0]!.detail).toMatchObject({status: 'received', notes: 1});
		const changes = await readCaseHistory(t.store.db, 'E000000117', ['view']);
		expect(changes.map((e) => e.action)).toEqual(['import']);
	});

	it('readCase works on a transaction handle (no audit)', async () => {
		const before = (await t.store.db.selectFrom('audit_events').select('seq').execute()).length;
		const record = await t.store.transaction((trx) => readCase(trx, 'E000000101'));
		expect(record.case.applicationNumber).toBe('E000000101');
		expect((await t.store.db.selectFrom('audit_events').select('seq').execute()).length).toBe(before);
	});
});
