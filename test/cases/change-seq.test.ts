/**
 * What the workstation polls to notice other officers' changes (`lastChangeSeq`): reads — viewing
 * a case, listing a queue, checking documents, viewing the pool — are audited but do not count,
 * so an officer who leaves a case open is not shown it again and again (each showing audited);
 * a change (a note) does count.
 */
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {lastAuditSeq, lastChangeSeq} from '../../source/cases/audit.js';
import {viewCase} from '../../source/cases/case-view.js';
import {verifyDocuments} from '../../source/cases/documents.js';
import {importApplications} from '../../source/cases/import.js';
import {addNote} from '../../source/cases/notes.js';
import {listQueue} from '../../source/cases/queues.js';
import type {Session} from '../../source/cases/session.js';
import {fixture, seededStore, type TestStore} from './seeded-store.js';

let t: TestStore;
let alice: Session;
beforeEach(async () => {
	t = await seededStore('caips-change-seq-');
	alice = await t.as('alice');
});
afterEach(async () => {
	await t.close();
});

describe('lastChangeSeq', () => {
	it('moves on a change, not on reads (which are still audited)', async () => {
		const {file, applications} = fixture('V01.json');
		await importApplications(alice, applications, {file, today: '2026-11-29'});
		const number = applications[0]!.applicationNumber;
		const changed = await lastChangeSeq(t.store.db);
		const audited = await lastAuditSeq(t.store.db);
		expect(changed).toBe(audited);

		await viewCase(alice, number);
		await verifyDocuments(alice, number);
		await listQueue(alice, {queue: 'All cases'});
		expect(await lastAuditSeq(t.store.db)).toBeGreaterThan(audited);
		expect(await lastChangeSeq(t.store.db)).toBe(changed);

		await addNote(alice, number, 'Reference letter verified.');
		expect(await lastChangeSeq(t.store.db)).toBe(await lastAuditSeq(t.store.db));
		expect(await lastChangeSeq(t.store.db)).toBeGreaterThan(changed);
	});
});
