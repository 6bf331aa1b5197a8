/**
 * Case notes: the officer's record of the case. In law the notes are the reasons, so they are
 * append-only (the database refuses UPDATE and DELETE); a mistake is put right by a new note
 * that names the one it corrects.
 *
 * Adding a note does NOT bump the case version: a note changes nothing a decision rests on, so a
 * colleague's note must not invalidate the draft decision another officer has open (no version
 * check, no conflict). It is audited like every change.
 *
 * Bodies are stored exactly as given, control characters included; they are made safe when
 * displayed (`safeText`/`safeLines` in source/ui/terminal-text.ts).
 */
import type {Kysely} from 'kysely';
import {fetchPage, type Cursor, type Database, type NoteRow, type Page, type SortKey} from '../../db/index.js';
import {recordAudit} from './audit.js';
import {loadCase} from './case-version.js';
import {InvalidError, NotFoundError} from './errors.js';
import {requireRole, write, type Session, type Trx} from './session.js';

/** Largest note body, in UTF-8 bytes (64 KiB). */
export const NOTE_MAX_BYTES = 64 * 1024;

/** A note as callers see it. */
export type Note = {
	id: number;
	applicationNumber: string;
	/** Officer user name. */
	author: string;
	/** Instant written, `YYYY-MM-DDTHH:MM:SS.sssZ`. */
	at: string;
	body: string;
	/** The note this one corrects, or null. */
	correctsNoteId: number | null;
};

/** One page of notes and the cursor of the next (null on the last page). */
export type NotePage = {notes: Note[]; next: Cursor | null};

function toNote(row: NoteRow): Note {
	return {id: row.id, applicationNumber: row.application_number, author: row.author, at: row.at, body: row.body, correctsNoteId: row.corrects_note_id};
}

/** Throws InvalidError unless `body` is non-blank and at most {@link NOTE_MAX_BYTES} bytes. */
export function checkNoteBody(body: string, field = 'note body'): void {
	if (body.trim() === '') throw new InvalidError(`${field} is empty`);
	const bytes = Buffer.byteLength(body, 'utf8');
	if (bytes > NOTE_MAX_BYTES) {
		throw new InvalidError(`${field} is ${bytes.toLocaleString('en-CA')} bytes; the limit is ${NOTE_MAX_BYTES.toLocaleString('en-CA')} bytes (64 KiB)`);
	}
}

/**
 * Inserts a note inside the caller's transaction (no role check, no audit, no version bump):
 * for operations that add a note as part of a larger change (a review returned with the
 * reviewer's text). Returns the note.
 */
export async function insertNote(trx: Trx, session: Session, applicationNumber: string, body: string, correctsNoteId: number | null = null): Promise<Note> {
	const row = await trx
		.insertInto('notes')
		.values({application_number: applicationNumber, author: session.actor.userName, at: session.now(), body, corrects_note_id: correctsNoteId})
		.returningAll()
		.executeTakeFirstOrThrow();
	return toNote(row);
}

/**
 * Appends a note to a case. Any officer or supervisor may add one, in any case state.
 * `correctsNoteId` names an earlier note of the same case that this one corrects.
 *
 * Throws PermissionError (77, audited as refused) without the officer or supervisor role,
 * NotFoundError (65) when the case or the corrected note does not exist, InvalidError (65) when
 * the body is blank or larger than 64 KiB, or the corrected note belongs to another case.
 * Audited as `note`. Does not change the case version (see the module comment).
 */
export async function addNote(session: Session, applicationNumber: string, body: string, options: {correctsNoteId?: number} = {}): Promise<Note> {
	return write(session, {action: 'note', applicationNumber}, async (trx) => {
		requireRole(session.actor, ['officer', 'supervisor'], `adding a note to ${applicationNumber}`);
		await loadCase(trx, applicationNumber);
		checkNoteBody(body);
		const corrects = options.correctsNoteId ?? null;
		if (corrects !== null) {
			const target = await trx.selectFrom('notes').select(['id', 'application_number']).where('id', '=', corrects).executeTakeFirst();
			if (!target) throw new NotFoundError(`correction: no note ${corrects}`);
			if (target.application_number !== applicationNumber) {
				throw new InvalidError(`correction: note ${corrects} belongs to case ${target.application_number}, not ${applicationNumber}`);
			}
		}
		const note = await insertNote(trx, session, applicationNumber, body, corrects);
		await recordAudit(trx, session, {
			action: 'note',
			applicationNumber,
			detail: {noteId: note.id, correctsNoteId: corrects, bytes: Buffer.byteLength(body, 'utf8')},
		});
		return note;
	});
}

const NOTE_ORDER: SortKey<NoteRow>[] = [{column: 'at'}, {column: 'id'}];

/**
 * The notes of a case in the order they were written (`at`, then `id`), one keyset page at a
 * time (default 500 a page; pass `next` back as `after`). A plain read: the caller audits the
 * view it is part of. An unknown case has no notes.
 */
export async function listNotes(db: Kysely<Database>, applicationNumber: string, page: {after?: Cursor | null; limit?: number} = {}): Promise<NotePage> {
	const query = db.selectFrom('notes').selectAll().where('application_number', '=', applicationNumber);
	const result: Page<NoteRow> = await fetchPage(query, {sort: NOTE_ORDER, after: page.after ?? null, limit: page.limit ?? 500});
	return {notes: result.rows.map(toNote), next: result.next};
}
