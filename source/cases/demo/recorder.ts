/**
 * What the demo writes for its cases, gathered before it is inserted: store rows with their ids
 * assigned in order, and audit events with their instants (hashed later, in time order). A
 * {@link CaseRecorder} keeps one case's version, `updated_at` and state while its history is told.
 */
import {createHash} from 'node:crypto';
import {Buffer} from 'node:buffer';
import type {ApplicationStatus, NewApplication, NewDecision, NewDocument, NewNote, NewWorkPeriod} from '../../../db/index.js';
import {storeInstant} from './clock.js';

/** An audit event before it gets its sequence number and hash. */
export type EventStub = {at: number; order: number; officer: string; action: string; applicationNumber: string | null; detail: string | null};

/** Rows waiting to be inserted, by table; ids are explicit so that events can name them. */
export type RowBatch = {
	applications: NewApplication[];
	work: (NewWorkPeriod & {id: number})[];
	notes: (NewNote & {id: number})[];
	documents: (NewDocument & {id: number})[];
	decisions: (NewDecision & {id: number})[];
};

/** Next ids per table, audit events and rows of the current batch. */
export class DemoLedger {
	nextWorkId: number;
	nextNoteId: number;
	nextDocumentId: number;
	nextDecisionId: number;
	readonly events: EventStub[] = [];
	batch: RowBatch = DemoLedger.emptyBatch();
	private order = 0;

	/** Starts after the largest ids already in the store. */
	constructor(after: {work: number; notes: number; documents: number; decisions: number}) {
		this.nextWorkId = after.work + 1;
		this.nextNoteId = after.notes + 1;
		this.nextDocumentId = after.documents + 1;
		this.nextDecisionId = after.decisions + 1;
	}

	/** An empty batch. */
	static emptyBatch(): RowBatch {
		return {applications: [], work: [], notes: [], documents: [], decisions: []};
	}

	/** Records an audit event (hashed later, in time order). */
	event(at: number, officer: string, action: string, applicationNumber: string | null, detail: Record<string, unknown> | null): void {
		this.events.push({at, order: this.order++, officer, action, applicationNumber, detail: detail === null ? null : JSON.stringify(detail)});
	}

	/** Hands over the current batch and starts a new one. */
	takeBatch(): RowBatch {
		const batch = this.batch;
		this.batch = DemoLedger.emptyBatch();
		return batch;
	}
}

/** Lower-case hex SHA-256. */
function sha256Hex(content: Buffer): string {
	return createHash('sha256').update(content).digest('hex');
}

/** A document to attach: text (stored as UTF-8) or bytes. */
export type DemoDocument = {kind: string; title: string; fileName: string; text: string | Buffer; mediaType?: string};

/** One case's running state while its history is recorded. */
export class CaseRecorder {
	version = 1;
	updatedAt: number;
	status: ApplicationStatus;
	assignedTo: string | null = null;
	bringForwardOn: string | null = null;

	/** Starts the case as imported at `createdAt` in `status`. */
	constructor(
		readonly ledger: DemoLedger,
		readonly applicationNumber: string,
		readonly createdAt: number,
		status: ApplicationStatus,
	) {
		this.updatedAt = createdAt;
		this.status = status;
	}

	/** An event that changes the case: bumps the version, sets `updated_at`, names the new version. */
	change(at: number, officer: string, action: string, detail: Record<string, unknown> = {}): number {
		this.version += 1;
		this.updatedAt = at;
		this.ledger.event(at, officer, action, this.applicationNumber, {...detail, version: this.version});
		return this.version;
	}

	/** An event that reads the case (view) or adds a note: no version change. */
	touch(at: number, officer: string, action: string, detail: Record<string, unknown> | null = null): void {
		this.ledger.event(at, officer, action, this.applicationNumber, detail);
	}

	/** Appends a note (notes do not change the case version) and audits it; returns its id. */
	note(at: number, author: string, body: string, correctsNoteId: number | null = null): number {
		const id = this.ledger.nextNoteId++;
		this.ledger.batch.notes.push({id, application_number: this.applicationNumber, author, at: storeInstant(at), body, corrects_note_id: correctsNoteId});
		this.touch(at, author, 'note', {noteId: id, correctsNoteId, bytes: Buffer.byteLength(body, 'utf8')});
		return id;
	}

	/**
	 * Attaches a text document and audits it (a change); `corrupt` stores a wrong checksum on
	 * purpose, for `caips document verify` to find. Returns its id.
	 */
	document(at: number, addedBy: string, doc: DemoDocument, corrupt = false): number {
		const {id, sizeBytes, sha256} = this.attach(at, addedBy, doc, corrupt);
		this.change(at, addedBy, 'document', {documentId: id, fileName: doc.fileName, kind: doc.kind, sizeBytes, sha256});
		return id;
	}

	/**
	 * Attaches a document without an audit event of its own (the documents of an e-APR are
	 * recorded by the `receive` event). Returns its id, size and true checksum.
	 */
	attach(at: number, addedBy: string, doc: DemoDocument, corrupt = false): {id: number; sizeBytes: number; sha256: string} {
		const id = this.ledger.nextDocumentId++;
		const content = typeof doc.text === 'string' ? Buffer.from(doc.text, 'utf8') : doc.text;
		const real = sha256Hex(content);
		const sha256 = corrupt ? `${real.slice(0, 10)}${real[10] === '0' ? '1' : '0'}${real.slice(11)}` : real;
		this.ledger.batch.documents.push({
			id,
			application_number: this.applicationNumber,
			kind: doc.kind,
			title: doc.title,
			file_name: doc.fileName,
			media_type: doc.mediaType ?? 'text/plain; charset=utf-8',
			size_bytes: content.length,
			sha256,
			content,
			added_by: addedBy,
			added_at: storeInstant(at),
		});
		return {id, sizeBytes: content.length, sha256: real};
	}
}
