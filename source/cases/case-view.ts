/**
 * Reading one case: its columns, the application data, the work periods with the officer's
 * findings, the notes, the documents (metadata only), the decisions with their reviews, the
 * cached assessment, and its history in the audit trail. `viewCase` is the audited read
 * (`caips case show`); `readCase` and `readCaseHistory` read inside a caller's transaction.
 */
import {toDecision, type Decision} from './decisions.js';
import {listDocuments, type DocumentInfo} from './documents.js';
import type {Kysely} from 'kysely';
import {decodeJson, decodeSet, fetchPage, type ApplicationStatus, type Cursor, type Database, type OfficerRole, type SortKey} from '../../db/index.js';
import type {Application} from '../rules/application.js';
import {utcDateOf} from '../rules/dates.js';
import {assessCase, caseReferenceDate, decodeCaseAssessment, type CaseAssessment} from './assessment.js';
import {recordAudit} from './audit.js';
import {NotFoundError} from './errors.js';
import {requireRole, write, type Session} from './session.js';

/** Roles that may read a case (view, export): every role; each read is audited. */
export const CASE_READ_ROLES: readonly OfficerRole[] = ['officer', 'supervisor', 'auditor', 'admin'];

/** The `applications` columns of a case in camelCase (without `data`, `assessment`, `search_key`). */
export type CaseColumns = {
	applicationNumber: string;
	uci: string;
	program: 'CEC' | 'FSW' | 'FST';
	status: ApplicationStatus;
	office: string | null;
	assignedTo: string | null;
	priority: number;
	familyName: string;
	givenNames: string;
	profileSubmittedAt: string;
	receivedAt: string | null;
	invitedAt: string | null;
	bringForwardOn: string | null;
	crsTotal: number | null;
	rulesVersion: string | null;
	eligiblePrograms: string[];
	version: number;
	createdAt: string;
	updatedAt: string;
};

/** A claimed work period with the officer's finding; `id` is what `caips assess-item` takes. */
export type WorkPeriodView = {
	id: number;
	person: 'applicant' | 'spouse';
	/** Position in the person's `workExperience` list. */
	idx: number;
	employer: string | null;
	nocCode: string;
	country: string;
	start: string;
	end: string | null;
	hoursPerWeek: number;
	finding: 'claimed' | 'verified' | 'not_credited';
	findingReason: string | null;
	findingBy: string | null;
	findingAt: string | null;
};

/** A note (append-only; a correction names the note it corrects). */
export type NoteView = {id: number; author: string; at: string; body: string; correctsNoteId: number | null};

/** A document without its content. */
export type DocumentMeta = DocumentInfo;

/** A decision and its review (review fields null until reviewed). */
export type DecisionView = Decision;

/** Everything about one case but its audit history and document contents. */
export type CaseRecord = {
	case: CaseColumns;
	/** The application data as imported (without `documents` and `notes`: see `notes`, `documents`). */
	application: Application;
	/** The assessment as claimed and as assessed: the cached one, else computed when read (readCase). */
	assessment: CaseAssessment | null;
	workPeriods: WorkPeriodView[];
	/** In the order recorded. */
	notes: NoteView[];
	/** In the order added. */
	documents: DocumentMeta[];
	/** In the order recorded. */
	decisions: DecisionView[];
};

/** One audit event of a case. */
export type HistoryEvent = {seq: number; at: string; officer: string; action: string; detail: Record<string, unknown> | null};

const PAGE = 500;

/**
 * Reads every row of an ordered per-case list page by page with the keyset helper (the one way
 * lists are read), so that no single query returns an unbounded result.
 */
export async function readAllPages<O>(page: (after: Cursor | null) => Promise<{rows: O[]; next: Cursor | null}>): Promise<O[]> {
	const all: O[] = [];
	let after: Cursor | null = null;
	do {
		const result = await page(after);
		all.push(...result.rows);
		after = result.next;
	} while (after !== null);
	return all;
}

const BY_ID: readonly SortKey[] = [{column: 'id'}];
const BY_SEQ: readonly SortKey[] = [{column: 'seq'}];

/**
 * Reads case `applicationNumber` with `db` (a transaction handle or the store's handle). The
 * assessment is the cached one, or — for a case whose row caches none (a round's invitees, profiles
 * loaded in bulk) — computed now from the stored application and the officer's findings on its
 * reference date (`caseReferenceDate(application, today)`; `today` `YYYY-MM-DD`, default the
 * current UTC date). Throws NotFoundError (65) naming the application number when there is no
 * such case.
 */
export async function readCase(db: Kysely<Database>, applicationNumber: string, today: string = utcDateOf(new Date().toISOString())): Promise<CaseRecord> {
	const row = await db.selectFrom('applications').selectAll().where('application_number', '=', applicationNumber).executeTakeFirst();
	if (!row) throw new NotFoundError(`no case ${JSON.stringify(applicationNumber)} in this store`);
	const n = applicationNumber;
	const work = await readAllPages((after) =>
		fetchPage(db.selectFrom('work_periods').selectAll().where('application_number', '=', n), {sort: BY_ID, after, limit: PAGE}),
	);
	const notes = await readAllPages((after) =>
		fetchPage(db.selectFrom('notes').select(['id', 'author', 'at', 'body', 'corrects_note_id']).where('application_number', '=', n), {sort: BY_ID, after, limit: PAGE}),
	);
	const documents = await readAllPages(async (after) => {
		const page = await listDocuments(db, n, {after, limit: PAGE});
		return {rows: page.documents, next: page.next};
	});
	const decisions = await readAllPages((after) =>
		fetchPage(db.selectFrom('decisions').selectAll().where('application_number', '=', n), {sort: BY_ID, after, limit: PAGE}),
	);
	const {documents: _documents, notes: _notes, ...application} = decodeJson<Application>(row.data);
	return {
		case: {
			applicationNumber: row.application_number,
			uci: row.uci,
			program: row.program,
			status: row.status,
			office: row.office,
			assignedTo: row.assigned_to,
			priority: row.priority,
			familyName: row.family_name,
			givenNames: row.given_names,
			profileSubmittedAt: row.profile_submitted_at,
			receivedAt: row.received_at,
			invitedAt: row.invited_at,
			bringForwardOn: row.bring_forward_on,
			crsTotal: row.crs_total,
			rulesVersion: row.rules_version,
			eligiblePrograms: decodeSet(row.eligible_programs),
			version: row.version,
			createdAt: row.created_at,
			updatedAt: row.updated_at,
		},
		application: application as Application,
		assessment:
			row.assessment === null
				? assessCase(application as Application, work.map((w) => ({person: w.person, idx: w.idx, finding: w.finding})), caseReferenceDate(application as Application, today))
				: decodeCaseAssessment(row.assessment),
		// Applicant's periods first, each person's in list order.
		workPeriods: work
			.map((w) => ({
				id: w.id,
				person: w.person,
				idx: w.idx,
				employer: w.employer,
				nocCode: w.noc_code,
				country: w.country,
				start: w.start_on,
				end: w.end_on,
				hoursPerWeek: w.hours_per_week,
				finding: w.finding,
				findingReason: w.finding_reason,
				findingBy: w.finding_by,
				findingAt: w.finding_at,
			}))
			.sort((a, b) => (a.person === b.person ? a.idx - b.idx : a.person === 'applicant' ? -1 : 1)),
		notes: notes.map((r) => ({id: r.id, author: r.author, at: r.at, body: r.body, correctsNoteId: r.corrects_note_id})),
		documents,
		decisions: decisions.map(toDecision),
	};
}

/**
 * The audit events of case `applicationNumber` in sequence order, leaving out the actions in
 * `excludeActions` (e.g. reads, so that a record of the case does not change when it is read).
 */
export async function readCaseHistory(db: Kysely<Database>, applicationNumber: string, excludeActions: readonly string[] = []): Promise<HistoryEvent[]> {
	const rows = await readAllPages((after) => {
		let q = db.selectFrom('audit_events').select(['seq', 'at', 'officer', 'action', 'detail']).where('application_number', '=', applicationNumber);
		if (excludeActions.length > 0) q = q.where('action', 'not in', excludeActions);
		return fetchPage(q, {sort: BY_SEQ, after, limit: PAGE});
	});
	return rows.map((r) => ({seq: r.seq, at: r.at, officer: r.officer, action: r.action, detail: decodeJson<Record<string, unknown>>(r.detail)}));
}

/**
 * Reads a case for an officer (`caips case show`), audited as `view` in the same transaction.
 * Throws NotFoundError (65) for an unknown case, PermissionError (77) when the officer holds
 * none of {@link CASE_READ_ROLES}.
 */
export async function viewCase(session: Session, applicationNumber: string): Promise<CaseRecord> {
	return write(session, {action: 'view', applicationNumber}, async (trx) => {
		requireRole(session.actor, CASE_READ_ROLES, 'viewing a case');
		const record = await readCase(trx, applicationNumber, utcDateOf(session.now()));
		await recordAudit(trx, session, {action: 'view', applicationNumber});
		return record;
	});
}
