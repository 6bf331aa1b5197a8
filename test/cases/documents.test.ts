import {createHash} from 'node:crypto';
import path from 'node:path';
import {sql} from 'kysely';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Store} from '../../db/index.js';
import {verifyAudit} from '../../source/cases/audit.js';
import {formatValue} from '../../source/format/format-error.js';
import {addDocument, DOCUMENT_MAX_BYTES, listDocuments, showDocumentText, verifyDocuments, viewDocuments} from '../../source/cases/documents.js';
import type {Session} from '../../source/cases/session.js';
import {tempDir} from '../db/helpers.js';
import {addOfficer, auditOf, insertCase, openSeededStore, sessionAs} from './seed-decisions.js';

const tmp = tempDir('caips-documents-');
let store: Store;
let jdoe: Session;
let auditor: Session;
let app: string;

beforeAll(async () => {
	store = await openSeededStore(path.join(tmp.dir, 'caips.db'));
	await addOfficer(store, 'jdoe', ['officer']);
	await addOfficer(store, 'audra', ['auditor']);
	jdoe = await sessionAs(store, 'jdoe');
	auditor = await sessionAs(store, 'audra');
	app = await insertCase(store, 'V17', {assignedTo: 'jdoe'});
});
afterAll(async () => {
	await store.close();
	tmp.cleanup();
});

const versionOf = async () => (await store.db.selectFrom('applications').select('version').where('application_number', '=', app).executeTakeFirstOrThrow()).version;
const text = (s: string) => Buffer.from(s, 'utf8');

describe('addDocument', () => {
	it('stores the bytes with size and SHA-256, bumps the case version, audits', async () => {
		const before = await versionOf();
		const content = text('Prairie Cloud Systems — employment letter\nDuties: NOC 21231\n');
		const doc = await addDocument(jdoe, app, {fileName: 'letter-prairie.txt', kind: 'employment-reference', title: 'Employer letter', mediaType: 'text/plain', content});
		expect(doc).toMatchObject({
			applicationNumber: app,
			fileName: 'letter-prairie.txt',
			kind: 'employment-reference',
			title: 'Employer letter',
			mediaType: 'text/plain',
			sizeBytes: content.length,
			sha256: createHash('sha256').update(content).digest('hex'),
			addedBy: 'jdoe',
			status: 'received',
		});
		expect(await versionOf()).toBe(before + 1);
		const event = (await auditOf(store, app)).at(-1)!;
		expect(event).toMatchObject({action: 'document', officer: 'jdoe', detail: {documentId: doc.id, sha256: doc.sha256, version: before + 1}});
		expect((await listDocuments(store.db, app)).documents.map((d) => d.id)).toContain(doc.id);
	});

	it('defaults the title to the file name', async () => {
		const doc = await addDocument(jdoe, app, {fileName: 'passport.pdf', kind: 'passport', mediaType: 'application/pdf', content: Buffer.from([0x25, 0x50, 0x44, 0x46])});
		expect(doc.title).toBe('passport.pdf');
	});

	it.each([
		['../etc/passwd', "a file name must not contain '/' or '\\'"],
		['..', "a file name must not contain '..'"],
		['a\\b.txt', "a file name must not contain '/' or '\\'"],
		['evil\u202Etxt.exe', 'control character in a file name'],
		['bell\u0007.txt', 'control character in a file name'],
		['', 'file name is empty'],
		['é'.repeat(128) + '.txt', 'file name longer than 255 bytes'],
	])('refuses the file name %j', async (fileName, problem) => {
		const error = await addDocument(jdoe, app, {fileName, kind: 'other', mediaType: 'text/plain', content: text('x')}).catch((e: unknown) => e);
		expect(error).toMatchObject({exitCode: 65, message: `fileName ${formatValue(fileName)}: ${problem}`});
	});

	it('accepts a 255-byte name', async () => {
		const fileName = 'a'.repeat(251) + '.txt';
		await expect(addDocument(jdoe, app, {fileName, kind: 'other', mediaType: 'text/plain', content: text('x')})).resolves.toMatchObject({fileName});
	});

	it('refuses an unknown kind, naming the kinds', async () => {
		await expect(addDocument(jdoe, app, {fileName: 'x.txt', kind: 'selfie', mediaType: 'text/plain', content: text('x')})).rejects.toMatchObject({
			exitCode: 65,
			message: expect.stringMatching(/^kind "selfie" is not a document kind \(one of passport, .*other\)$/),
		});
	});

	it('refuses content over 10 MiB, naming the limit; exactly 10 MiB is accepted', async () => {
		const before = await versionOf();
		await expect(
			addDocument(jdoe, app, {fileName: 'big.bin', kind: 'other', mediaType: 'application/octet-stream', content: Buffer.alloc(DOCUMENT_MAX_BYTES + 1)}),
		).rejects.toMatchObject({exitCode: 65, message: 'document "big.bin" is 10,485,761 bytes; the limit is 10,485,760 bytes (10 MiB)'});
		expect(await versionOf()).toBe(before);
		const doc = await addDocument(jdoe, app, {fileName: 'max.bin', kind: 'other', mediaType: 'application/octet-stream', content: Buffer.alloc(DOCUMENT_MAX_BYTES, 7)});
		expect(doc.sizeBytes).toBe(DOCUMENT_MAX_BYTES);
	});

	it('refuses an auditor (77), audited as refused', async () => {
		await expect(addDocument(auditor, app, {fileName: 'x.txt', kind: 'other', mediaType: 'text/plain', content: text('x')})).rejects.toMatchObject({exitCode: 77});
		expect((await auditOf(store, app)).at(-1)).toMatchObject({action: 'refused', officer: 'audra', detail: {attempt: 'document'}});
	});
});

describe('showDocumentText', () => {
	it('returns the text of a text/* document as stored, audited as a view', async () => {
		const body = 'Result: CLB 9\n\u001b[2Jclear-screen attempt';
		const doc = await addDocument(jdoe, app, {fileName: 'ielts.txt', kind: 'language-test-result', mediaType: 'text/plain; charset=utf-8', content: text(body)});
		const shown = await showDocumentText(auditor, doc.id);
		expect(shown.text).toBe(body);
		expect(shown.document.id).toBe(doc.id);
		expect((await auditOf(store, app)).at(-1)).toMatchObject({action: 'view', officer: 'audra', detail: {what: 'document', documentId: doc.id}});
	});

	it('refuses other media types with one line naming the document and its type', async () => {
		const doc = await addDocument(jdoe, app, {fileName: 'scan.pdf', kind: 'passport', mediaType: 'application/pdf', content: Buffer.from('%PDF-1.7')});
		await expect(showDocumentText(jdoe, doc.id)).rejects.toMatchObject({exitCode: 65, message: `document ${doc.id} is application/pdf: no text to show`});
		await expect(showDocumentText(jdoe, 987_654)).rejects.toMatchObject({exitCode: 65, message: 'no document 987654'});
	});
});

describe('viewDocuments', () => {
	it('lists the documents without their bytes and audits the view', async () => {
		const {documents} = await viewDocuments(auditor, app);
		expect(documents.length).toBeGreaterThan(3);
		expect(documents[0]).not.toHaveProperty('content');
		expect((await auditOf(store, app)).at(-1)).toMatchObject({action: 'view', detail: {what: 'documents', count: documents.length}});
	});
});

describe('verifyDocuments', () => {
	it('recomputes every checksum: all ok, then finds bytes changed behind caips’ back', async () => {
		const checks = await verifyDocuments(jdoe, app);
		expect(checks.length).toBeGreaterThan(3);
		expect(checks.every((c) => c.ok && c.storedSha256 === c.actualSha256)).toBe(true);
		const victim = checks.find((c) => c.fileName === 'letter-prairie.txt')!;
		await sql`update documents set content = ${text('Duties: forged')} where id = ${victim.id}`.execute(store.db);
		const after = await verifyDocuments(jdoe, app);
		const bad = after.filter((c) => !c.ok);
		expect(bad.map((c) => c.id)).toEqual([victim.id]);
		expect(bad[0]!.actualSha256).not.toBe(bad[0]!.storedSha256);
		expect((await auditOf(store, app)).at(-1)).toMatchObject({action: 'verify-documents', detail: {checked: after.length, bad: [victim.id]}});
	});

	it('keeps the audit chain whole', async () => {
		expect(await verifyAudit(store.db)).toMatchObject({ok: true});
	});
});
