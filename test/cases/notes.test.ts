import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Store} from '../../db/index.js';
import {verifyAudit} from '../../source/cases/audit.js';
import {addNote, listNotes, NOTE_MAX_BYTES} from '../../source/cases/notes.js';
import type {Session} from '../../source/cases/session.js';
import {tempDir} from '../db/helpers.js';
import {addOfficer, auditOf, insertCase, openSeededStore, sessionAs} from './seed-decisions.js';

const tmp = tempDir('caips-notes-');
let store: Store;
let jdoe: Session;
let aokafor: Session;
let sup: Session;
let auditor: Session;
let app: string;
let other: string;

beforeAll(async () => {
	store = await openSeededStore(path.join(tmp.dir, 'caips.db'));
	await addOfficer(store, 'jdoe', ['officer']);
	await addOfficer(store, 'aokafor', ['officer']);
	await addOfficer(store, 'msup', ['supervisor']);
	await addOfficer(store, 'audra', ['auditor']);
	[jdoe, aokafor, sup, auditor] = await Promise.all(['jdoe', 'aokafor', 'msup', 'audra'].map((u) => sessionAs(store, u)));
	app = await insertCase(store, 'V17', {assignedTo: 'jdoe'});
	other = await insertCase(store, 'V01', {assignedTo: 'aokafor'});
});
afterAll(async () => {
	await store.close();
	tmp.cleanup();
});

const versionOf = async (n: string) => (await store.db.selectFrom('applications').select('version').where('application_number', '=', n).executeTakeFirstOrThrow()).version;

describe('addNote', () => {
	it('appends a note by any officer or supervisor, audited, without bumping the case version', async () => {
		const before = await versionOf(app);
		const note = await addNote(aokafor, app, 'Employer letter received; duties match NOC 21231.');
		await addNote(sup, app, 'Checked by supervisor.');
		expect(note).toMatchObject({applicationNumber: app, author: 'aokafor', body: 'Employer letter received; duties match NOC 21231.', correctsNoteId: null});
		expect(note.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		expect(await versionOf(app)).toBe(before);
		const events = (await auditOf(store, app)).filter((e) => e.action === 'note');
		expect(events.map((e) => e.officer)).toEqual(['aokafor', 'msup']);
		expect(events[0]!.detail).toMatchObject({noteId: note.id});
	});

	it('lists notes in the order written, a keyset page at a time', async () => {
		for (const body of ['one', 'two', 'three']) await addNote(jdoe, other, body);
		const first = await listNotes(store.db, other, {limit: 2});
		expect(first.notes.map((n) => n.body)).toEqual(['one', 'two']);
		const second = await listNotes(store.db, other, {limit: 2, after: first.next});
		expect(second.notes.map((n) => n.body)).toEqual(['three']);
		expect(second.next).toBeNull();
	});

	it('stores control characters exactly as given', async () => {
		const body = 'line 1\n\u001b[31mred\u001b[0m\u0007 \u202Eevil';
		const note = await addNote(jdoe, app, body);
		const stored = (await listNotes(store.db, app)).notes.find((n) => n.id === note.id);
		expect(stored?.body).toBe(body);
	});

	it('refuses a blank body and one over 64 KiB, naming the limit', async () => {
		await expect(addNote(jdoe, app, '  \n ')).rejects.toMatchObject({exitCode: 65, message: 'note body is empty'});
		await expect(addNote(jdoe, app, 'x'.repeat(NOTE_MAX_BYTES + 1))).rejects.toMatchObject({
			exitCode: 65,
			message: 'note body is 65,537 bytes; the limit is 65,536 bytes (64 KiB)',
		});
		// The limit is in bytes: 32,769 two-byte characters are over it.
		await expect(addNote(jdoe, app, 'é'.repeat(NOTE_MAX_BYTES / 2 + 1))).rejects.toMatchObject({exitCode: 65});
		const atLimit = await addNote(jdoe, app, 'x'.repeat(NOTE_MAX_BYTES));
		expect(atLimit.body.length).toBe(NOTE_MAX_BYTES);
	});

	it('adds a correction naming an earlier note of the same case; the original stays as written', async () => {
		const wrong = await addNote(jdoe, app, 'Spouse has no Canadian work.');
		const fix = await addNote(jdoe, app, 'Correction: spouse worked in Calgary 2025–2026.', {correctsNoteId: wrong.id});
		expect(fix.correctsNoteId).toBe(wrong.id);
		const notes = (await listNotes(store.db, app)).notes;
		expect(notes.find((n) => n.id === wrong.id)?.body).toBe('Spouse has no Canadian work.');
		const onOther = await addNote(jdoe, other, 'other case');
		await expect(addNote(jdoe, app, 'fix', {correctsNoteId: onOther.id})).rejects.toMatchObject({
			exitCode: 65,
			message: `correction: note ${onOther.id} belongs to case ${other}, not ${app}`,
		});
		await expect(addNote(jdoe, app, 'fix', {correctsNoteId: 999_999})).rejects.toMatchObject({exitCode: 65, message: 'correction: no note 999999'});
	});

	it('refuses an auditor (77) and audits the refused attempt', async () => {
		await expect(addNote(auditor, app, 'I should not write')).rejects.toMatchObject({exitCode: 77});
		const last = (await auditOf(store, app)).at(-1)!;
		expect(last).toMatchObject({action: 'refused', officer: 'audra', detail: {attempt: 'note'}});
		expect((await listNotes(store.db, app)).notes.some((n) => n.body === 'I should not write')).toBe(false);
	});

	it('refuses a note on a case that does not exist', async () => {
		await expect(addNote(jdoe, 'E000000999', 'hello')).rejects.toMatchObject({exitCode: 65, message: 'no case E000000999'});
	});

	it('keeps the audit chain whole', async () => {
		expect(await verifyAudit(store.db)).toMatchObject({ok: true});
	});
});
