/**
 * Loading a case for a change, and optimistic concurrency on `applications.version`.
 *
 * Every change to a case runs inside one write transaction (`write` in session.ts): it loads the
 * row with {@link loadCaseForUpdate} (NotFoundError when absent; ConflictError saying what changed
 * when the caller's expected version is stale), makes its change, then calls {@link bumpCase},
 * which raises the version by one and sets `updated_at`, guarded by `WHERE version = <read>` so
 * that the guard also holds on a database without SQLite's whole-database write lock.
 */
import type {Kysely} from 'kysely';
import {decodeJson, fetchPage, type ApplicationRow, type ApplicationUpdate, type Cursor, type Database, type Page, type SortKey} from '../../db/index.js';
import {escapeControls} from '../format/format-error.js';
import type {Application} from '../rules/application.js';
import {assessCase, caseReferenceDate, decodeCaseAssessment, type CaseAssessment, type Finding} from './assessment.js';
import {READ_ONLY_ACTIONS} from './audit.js';
import {ConflictError, NotFoundError} from './errors.js';
import type {Session, Trx} from './session.js';

/** Case states from which the case can still change course (not yet decided for good). */
export const OPEN_STATES = ['pool', 'invited', 'received', 'in_review', 'awaiting_info', 'pending_review'] as const;

/** Audit actions that read but never change a case (skipped when telling what changed). */
const READ_ACTIONS = new Set(READ_ONLY_ACTIONS);

/** Audit actions that change a case without bumping its version (told, but not counted). */
const UNVERSIONED_ACTIONS = new Set(['note']);

/** At most this many changes are named in a conflict message; the rest are counted. */
const MAX_NAMED_CHANGES = 6;

/** At most this many audit events of the case are read to explain a conflict. */
const MAX_EVENTS_SCANNED = 500;

/** The case row, or NotFoundError `no case E000000999`. */
export async function loadCase(db: Kysely<Database>, applicationNumber: string): Promise<ApplicationRow> {
	const row = await db.selectFrom('applications').selectAll().where('application_number', '=', applicationNumber).executeTakeFirst();
	if (!row) throw new NotFoundError(`no case ${escapeControls(applicationNumber)}`);
	return row;
}

/**
 * Loads a case inside a write transaction and, when `expectedVersion` is given, checks it is the
 * case's current version. Throws NotFoundError (no such case) or ConflictError (exit 75) whose
 * message lists what changed since that version, e.g. `case E000000117 changed since you opened
 * it (version 4 → 6): note by aokafor at 14:02 UTC, assign by jdoe at 14:05 UTC`.
 */
export async function loadCaseForUpdate(trx: Trx, session: Session, applicationNumber: string, expectedVersion?: number): Promise<ApplicationRow> {
	const row = await loadCase(trx, applicationNumber);
	if (expectedVersion !== undefined && expectedVersion !== row.version) {
		if (expectedVersion > row.version) {
			throw new ConflictError(`case ${applicationNumber} is at version ${row.version}, not ${expectedVersion}: reload it`);
		}
		const changes = await changesSince(trx, applicationNumber, expectedVersion, row.version, session.now());
		const told = changes.length === 0 ? '' : `: ${changes.join(', ')}`;
		throw new ConflictError(`case ${applicationNumber} changed since you opened it (version ${expectedVersion} → ${row.version})${told}`);
	}
	return row;
}

/**
 * Writes `changes` to the case, raises its version by one and sets `updated_at` to now. Guarded by
 * the version read in this transaction: if another writer got in between (possible only on a
 * database without a whole-database write lock), throws ConflictError. Returns the new version.
 */
export async function bumpCase(trx: Trx, session: Session, row: ApplicationRow, changes: ApplicationUpdate = {}): Promise<number> {
	const version = row.version + 1;
	const result = await trx
		.updateTable('applications')
		.set({...changes, version, updated_at: session.now()})
		.where('application_number', '=', row.application_number)
		.where('version', '=', row.version)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) !== 1) {
		throw new ConflictError(`case ${row.application_number} was changed by someone else meanwhile (version ${row.version}): reload it`);
	}
	return version;
}

/** `14:02 UTC` when `at` falls on the same UTC day as `now`, else `2026-11-27 14:02 UTC`. */
function shortTime(at: string, now: string): string {
	const time = at.slice(11, 16);
	return at.slice(0, 10) === now.slice(0, 10) ? `${time} UTC` : `${at.slice(0, 10)} ${time} UTC`;
}

type EventRow = {seq: number; at: string; officer: string; action: string; detail: string | null};

function versionOf(event: EventRow): number | undefined {
	if (event.detail === null) return undefined;
	try {
		const version = (decodeJson<Record<string, unknown>>(event.detail) ?? {}).version;
		return typeof version === 'number' ? version : undefined;
	} catch {
		return undefined;
	}
}

/**
 * What happened to a case since version `from` (the current one being `to`), oldest first, as
 * `ACTION by OFFICER at TIME` items. Reads the case's audit events newest first: an event that
 * records the version it produced (`detail.version`) is counted when newer than `from`, and the
 * scan stops at the first one that is not; events without it count as one change each (notes as
 * none), until `to − from` changes are found. Views, searches and refusals are skipped.
 */
export async function changesSince(db: Kysely<Database>, applicationNumber: string, from: number, to: number, now: string): Promise<string[]> {
	const sort: SortKey<EventRow>[] = [{column: 'seq', direction: 'desc'}];
	const found: EventRow[] = [];
	let counted = 0;
	let scanned = 0;
	let after: Cursor | null = null;
	scan: while (scanned < MAX_EVENTS_SCANNED) {
		const query = db
			.selectFrom('audit_events')
			.select(['seq', 'at', 'officer', 'action', 'detail'])
			.where('application_number', '=', applicationNumber);
		const page: Page<EventRow> = await fetchPage(query, {sort, after, limit: 50});
		for (const event of page.rows) {
			scanned++;
			if (READ_ACTIONS.has(event.action)) continue;
			const version = versionOf(event);
			if (version !== undefined && version <= from) break scan;
			if (counted >= to - from && (version !== undefined || !UNVERSIONED_ACTIONS.has(event.action))) break scan;
			found.push(event);
			if (version !== undefined || !UNVERSIONED_ACTIONS.has(event.action)) counted++;
		}
		if (!page.next) break;
		after = page.next;
	}
	found.reverse();
	const named = found.slice(-MAX_NAMED_CHANGES).map((e) => `${e.action} by ${e.officer} at ${shortTime(e.at, now)}`);
	return found.length > MAX_NAMED_CHANGES ? [`${found.length - MAX_NAMED_CHANGES} earlier changes`, ...named] : named;
}

/** The application as stored in `applications.data`. */
export function applicationOf(row: ApplicationRow): Application {
	return decodeJson<Application>(row.data);
}

/** The officer's findings on the case's work periods, for `assessCase`. */
export async function findingsOf(db: Kysely<Database>, applicationNumber: string): Promise<Finding[]> {
	const rows = await db
		.selectFrom('work_periods')
		.select(['person', 'idx', 'finding'])
		.where('application_number', '=', applicationNumber)
		.orderBy('person')
		.orderBy('idx')
		.execute();
	return rows.map((r) => ({person: r.person, idx: r.idx, finding: r.finding}));
}

/**
 * The case's current assessment: the cached `applications.assessment`, or (when none is cached)
 * computed from the stored application and findings on its reference date
 * (`caseReferenceDate(application, today)`).
 */
export async function currentAssessment(db: Kysely<Database>, row: ApplicationRow, today: string): Promise<CaseAssessment> {
	if (row.assessment) return decodeCaseAssessment(row.assessment);
	const application = applicationOf(row);
	return assessCase(application, await findingsOf(db, row.application_number), caseReferenceDate(application, today));
}
