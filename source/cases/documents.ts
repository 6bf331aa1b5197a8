/**
 * Documents attached to a case: the bytes are stored in the row with their size and SHA-256, so
 * that `verifyDocuments` can show that nothing changed them since they were added.
 *
 * Adding a document bumps the case version: it is new evidence, so a decision drafted before it
 * arrived is stale (unlike a note; see notes.ts).
 */
import {createHash} from 'node:crypto';
import type {Kysely} from 'kysely';
import {fetchPage, type Cursor, type Database, type DocumentRow, type Page, type SortKey} from '../../db/index.js';
import {formatValue} from '../format/format-error.js';
import type {Document} from '../rules/application.js';
import {recordAudit} from './audit.js';
import {bumpCase, loadCase} from './case-version.js';
import {InvalidError, NotFoundError} from './errors.js';
import {requireRole, write, type Session} from './session.js';

/** Document kinds of the application format (spec/application-format.md, "Document"). */
export const DOCUMENT_KINDS = [
	'passport',
	'language-test-result',
	'eca',
	'employment-reference',
	'police-certificate',
	'medical',
	'proof-of-funds',
	'other',
] as const satisfies readonly Document['kind'][];

/** A document kind. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

// Compile-time check that the list names every kind of the application format.
const kindsComplete: [Exclude<Document['kind'], DocumentKind>] extends [never] ? true : never = true;
void kindsComplete;

/** Largest document, in bytes (10 MiB). */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Control and bidi characters, refused in a title (one line of text, as in the application format). */
const TITLE_CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Largest title, in UTF-8 bytes. */
const TITLE_MAX_BYTES = 1024;

/** A document's description (everything but its bytes). */
export type DocumentInfo = {
	id: number;
	applicationNumber: string;
	kind: string;
	title: string;
	fileName: string;
	mediaType: string;
	sizeBytes: number;
	/** Lower-case hex SHA-256 of the content as added. */
	sha256: string;
	status: string;
	addedBy: string;
	/** Instant added. */
	addedAt: string;
};

/** What `addDocument` needs. */
export type NewDocumentInput = {
	/** A name only: no `/`, `\`, `..`, control or bidi characters; at most 255 UTF-8 bytes. */
	fileName: string;
	/** One of {@link DOCUMENT_KINDS}. */
	kind: string;
	/** Default: the file name. */
	title?: string;
	/** e.g. `text/plain`, `application/pdf`. */
	mediaType: string;
	content: Buffer;
};

type ContentRow = Pick<DocumentRow, 'id' | 'file_name' | 'sha256' | 'size_bytes' | 'content'>;

const INFO_COLUMNS = ['id', 'application_number', 'kind', 'title', 'file_name', 'media_type', 'size_bytes', 'sha256', 'status', 'added_by', 'added_at'] as const;
type InfoRow = Pick<DocumentRow, (typeof INFO_COLUMNS)[number]>;

function toInfo(row: InfoRow): DocumentInfo {
	return {
		id: row.id,
		applicationNumber: row.application_number,
		kind: row.kind,
		title: row.title,
		fileName: row.file_name,
		mediaType: row.media_type,
		sizeBytes: row.size_bytes,
		sha256: row.sha256,
		status: row.status,
		addedBy: row.added_by,
		addedAt: row.added_at,
	};
}

/** Lower-case hex SHA-256 of `content`. */
export function sha256Hex(content: Buffer): string {
	return createHash('sha256').update(content).digest('hex');
}

/**
 * Throws InvalidError naming the field and value when the new document is not acceptable. The
 * format's schemas (zod) are loaded here, on first use: the workstation starts without them.
 */
async function checkDocument(input: NewDocumentInput, title: string): Promise<void> {
	const {fileNameSchema, mediaTypeSchema} = await import('../format/scalars.js');
	const name = fileNameSchema.safeParse(input.fileName);
	if (!name.success) throw new InvalidError(`fileName ${formatValue(input.fileName)}: ${name.error.issues[0]?.message ?? 'not a file name'}`);
	if (!(DOCUMENT_KINDS as readonly string[]).includes(input.kind)) {
		throw new InvalidError(`kind ${formatValue(input.kind)} is not a document kind (one of ${DOCUMENT_KINDS.join(', ')})`);
	}
	if (!mediaTypeSchema.safeParse(input.mediaType).success) throw new InvalidError(`mediaType ${formatValue(input.mediaType)}: expected a media type like application/pdf`);
	if (title.trim() === '') throw new InvalidError('title is empty');
	if (TITLE_CONTROL.test(title)) throw new InvalidError(`title ${formatValue(title)}: control character in a title`);
	if (Buffer.byteLength(title, 'utf8') > TITLE_MAX_BYTES) throw new InvalidError(`title is longer than ${TITLE_MAX_BYTES} bytes`);
	if (!Buffer.isBuffer(input.content)) throw new InvalidError('content is not bytes');
	if (input.content.length > DOCUMENT_MAX_BYTES) {
		throw new InvalidError(
			`document ${formatValue(input.fileName)} is ${input.content.length.toLocaleString('en-CA')} bytes; the limit is ${DOCUMENT_MAX_BYTES.toLocaleString('en-CA')} bytes (10 MiB)`,
		);
	}
}

/**
 * Attaches a document to a case: stores the bytes with their size and SHA-256, bumps the case
 * version, audits `document`. Role: officer or supervisor.
 *
 * Throws PermissionError (77, audited as refused), NotFoundError (no such case), InvalidError
 * (65) for a bad file name (path separators, `..`, control or bidi characters, over 255 bytes),
 * an unknown kind, a malformed media type, a blank title or one with control characters, or
 * content over 10 MiB.
 */
export async function addDocument(session: Session, applicationNumber: string, input: NewDocumentInput): Promise<DocumentInfo> {
	return write(session, {action: 'document', applicationNumber}, async (trx) => {
		requireRole(session.actor, ['officer', 'supervisor'], `adding a document to ${applicationNumber}`);
		const row = await loadCase(trx, applicationNumber);
		const title = input.title ?? input.fileName;
		await checkDocument(input, title);
		const sha256 = sha256Hex(input.content);
		const inserted = await trx
			.insertInto('documents')
			.values({
				application_number: applicationNumber,
				kind: input.kind,
				title,
				file_name: input.fileName,
				media_type: input.mediaType,
				size_bytes: input.content.length,
				sha256,
				content: input.content,
				added_by: session.actor.userName,
				added_at: session.now(),
			})
			.returning(INFO_COLUMNS)
			.executeTakeFirstOrThrow();
		const version = await bumpCase(trx, session, row);
		await recordAudit(trx, session, {
			action: 'document',
			applicationNumber,
			detail: {documentId: inserted.id, fileName: input.fileName, kind: input.kind, sizeBytes: input.content.length, sha256, version},
		});
		return toInfo(inserted);
	});
}

const DOCUMENT_ORDER: SortKey<InfoRow>[] = [{column: 'id'}];

/**
 * The documents of a case (without their bytes) in the order added, one keyset page at a time
 * (default 200 a page). A plain read: the caller audits the view it is part of (see
 * {@link viewDocuments}).
 */
export async function listDocuments(
	db: Kysely<Database>,
	applicationNumber: string,
	page: {after?: Cursor | null; limit?: number} = {},
): Promise<{documents: DocumentInfo[]; next: Cursor | null}> {
	const query = db.selectFrom('documents').select(INFO_COLUMNS).where('application_number', '=', applicationNumber);
	const result = await fetchPage(query, {sort: DOCUMENT_ORDER, after: page.after ?? null, limit: page.limit ?? 200});
	return {documents: result.rows.map(toInfo), next: result.next};
}

const READ_ROLES = ['officer', 'supervisor', 'auditor'] as const;

/**
 * {@link listDocuments} as a view that is audited (`view`, detail `{what: 'documents'}`).
 * Role: officer, supervisor or auditor. NotFoundError when there is no such case.
 */
export async function viewDocuments(
	session: Session,
	applicationNumber: string,
	page: {after?: Cursor | null; limit?: number} = {},
): Promise<{documents: DocumentInfo[]; next: Cursor | null}> {
	return write(session, {action: 'view', applicationNumber}, async (trx) => {
		requireRole(session.actor, READ_ROLES, `viewing the documents of ${applicationNumber}`);
		await loadCase(trx, applicationNumber);
		const result = await listDocuments(trx, applicationNumber, page);
		await recordAudit(trx, session, {action: 'view', applicationNumber, detail: {what: 'documents', count: result.documents.length}});
		return result;
	});
}

/** True for media types whose content is text to show (`text/*`). */
export function isTextMediaType(mediaType: string): boolean {
	return /^text\//i.test(mediaType.trim());
}

/**
 * The text of a `text/*` document, decoded as UTF-8 (undecodable bytes become U+FFFD), with its
 * description. Audited as `view` (detail `{what: 'document', documentId}`). Role: officer,
 * supervisor or auditor. The text is as stored: display it through `safeLines`.
 *
 * Throws NotFoundError (`no document 12`), InvalidError for other media types (`document 12 is
 * application/pdf: no text to show`), PermissionError (77, audited as refused).
 */
export async function showDocumentText(session: Session, documentId: number): Promise<{document: DocumentInfo; text: string}> {
	const found = await session.store.db.selectFrom('documents').select('application_number').where('id', '=', documentId).executeTakeFirst();
	return write(session, {action: 'view', applicationNumber: found?.application_number ?? null}, async (trx) => {
		requireRole(session.actor, READ_ROLES, `viewing document ${documentId}`);
		const row = await trx.selectFrom('documents').selectAll().where('id', '=', documentId).executeTakeFirst();
		if (!row) throw new NotFoundError(`no document ${documentId}`);
		if (!isTextMediaType(row.media_type)) throw new InvalidError(`document ${documentId} is ${row.media_type}: no text to show`);
		await recordAudit(trx, session, {action: 'view', applicationNumber: row.application_number, detail: {what: 'document', documentId}});
		return {document: toInfo(row), text: new TextDecoder('utf-8').decode(row.content)};
	});
}

/** One document's checksum check. */
export type DocumentCheck = {
	id: number;
	fileName: string;
	/** SHA-256 recorded when the document was added. */
	storedSha256: string;
	/** SHA-256 of the bytes stored now. */
	actualSha256: string;
	/** Size recorded when added, and size now, in bytes. */
	storedSizeBytes: number;
	actualSizeBytes: number;
	ok: boolean;
};

/**
 * Recomputes the SHA-256 of every document of a case and compares it (and the size) with what was
 * recorded when it was added. Reads the bytes a few documents at a time. Audited as
 * `verify-documents` with the number checked and the ids that failed. Role: officer, supervisor
 * or auditor. NotFoundError when there is no such case.
 */
export async function verifyDocuments(session: Session, applicationNumber: string): Promise<DocumentCheck[]> {
	return write(session, {action: 'verify-documents', applicationNumber}, async (trx) => {
		requireRole(session.actor, READ_ROLES, `verifying the documents of ${applicationNumber}`);
		await loadCase(trx, applicationNumber);
		const checks: DocumentCheck[] = [];
		let after: Cursor | null = null;
		for (;;) {
			const query = trx.selectFrom('documents').select(['id', 'file_name', 'sha256', 'size_bytes', 'content']).where('application_number', '=', applicationNumber);
			const page: Page<ContentRow> = await fetchPage(query, {sort: [{column: 'id'}], after, limit: 8});
			for (const row of page.rows) {
				const actualSha256 = sha256Hex(row.content);
				checks.push({
					id: row.id,
					fileName: row.file_name,
					storedSha256: row.sha256,
					actualSha256,
					storedSizeBytes: row.size_bytes,
					actualSizeBytes: row.content.length,
					ok: actualSha256 === row.sha256 && row.content.length === row.size_bytes,
				});
			}
			if (!page.next) break;
			after = page.next;
		}
		const bad = checks.filter((c) => !c.ok).map((c) => c.id);
		await recordAudit(trx, session, {action: 'verify-documents', applicationNumber, detail: {checked: checks.length, bad}});
		return checks;
	});
}
