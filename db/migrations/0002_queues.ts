/**
 * Migration 2: indexes for the officers' queues (source/cases/queues.ts), so that a page of any
 * built-in queue in its default order is an index range read in order — no full scan, no sort —
 * at 100,000 and 1,000,000 cases.
 *
 * They are partial indexes. `applications_open_queue` and `applications_bring_forward_due` hold
 * only the cases being worked on ({@link WORK_STATUSES}) — an office holds far more closed cases
 * than open ones, so they stay small and the "My cases" / "Unassigned" / "Bring-forward due"
 * pages never step over closed cases. SQLite and PostgreSQL use a partial index only when the
 * query repeats its condition, so queues.ts writes the very same terms ({@link
 * workStatusCondition}, {@link notClosedCondition}: literal values); `x IS NOT NULL` is implied
 * by any comparison on x. The others cover the received cases (`received_at IS NOT NULL`, the
 * condition of every listing) in received, name and CRS order.
 *
 * Standard SQL (partial indexes are in SQLite and PostgreSQL alike); nothing is seeded — the
 * built-in queues are code, saved queues live in `queues`.
 */
import {sql, type Kysely, type SqlBool} from 'kysely';
import type {Migration} from './types.js';

/**
 * Case states of a received case still being worked on, before a final decision (DESIGN.md "Case
 * life cycle"); the pool and invitations are not queue work. Shared with
 * source/cases/queues.ts: the partial indexes below are only usable by queries that repeat this
 * exact list, in this order.
 */
export const WORK_STATUSES = ['received', 'in_review', 'awaiting_info', 'pending_review'] as const;

/** The other case states: not received yet, or decided for good. */
export const NOT_WORKING_STATUSES = ['pool', 'invited', 'approved', 'refused', 'withdrawn'] as const;

/** `status in ('received', 'in_review', 'awaiting_info', 'pending_review')`, with literal values. */
export function workStatusCondition(column = 'status') {
	return sql<SqlBool>`${sql.ref(column)} in (${sql.join(WORK_STATUSES.map((s) => sql.lit(s)))})`;
}

/**
 * `status not in ('pool', 'invited', 'approved', 'refused', 'withdrawn')`, with literal values:
 * the same cases as {@link workStatusCondition}, in a form no status index can serve, so that
 * SQLite reads the bring-forward index in order rather than applications_status_received and a
 * sort.
 */
export function notClosedCondition(column = 'status') {
	return sql<SqlBool>`${sql.ref(column)} not in (${sql.join(NOT_WORKING_STATUSES.map((s) => sql.lit(s)))})`;
}

async function up(db: Kysely<any>): Promise<void> {
	// My cases (assigned_to = me), Unassigned (assigned_to IS NULL) and `caips next`, oldest
	// first; `status` rides along so the Unassigned condition is checked without reading the row.
	await db.schema
		.createIndex('applications_open_queue')
		.on('applications')
		.columns(['assigned_to', 'received_at', 'application_number', 'status'])
		.where(workStatusCondition())
		.execute();
	// Every received case in received order (the listing when no queue is named, "All cases").
	// `search_key` rides along so that a name search walking this index tests each case without
	// reading its row (rows are wide: the application JSON and the cached assessment).
	await db.schema
		.createIndex('applications_received')
		.on('applications')
		.columns(['received_at', 'application_number', 'search_key'])
		.where(sql.ref('received_at'), 'is not', null)
		.execute();
	// Every received case by name (folded search key), for "sort by name" without sorting.
	await db.schema
		.createIndex('applications_received_by_name')
		.on('applications')
		.columns(['search_key', 'application_number'])
		.where(sql.ref('received_at'), 'is not', null)
		.execute();
	// Bring-forward due: cases being worked on that have a bring-forward date, by that date.
	await db.schema
		.createIndex('applications_bring_forward_due')
		.on('applications')
		.columns(['bring_forward_on', 'application_number'])
		.where((eb) => eb.and([eb(sql.ref('bring_forward_on'), 'is not', null), notClosedCondition()]))
		.execute();
	// Every received case by CRS (cached, as assessed), for "sort by CRS" without sorting.
	await db.schema
		.createIndex('applications_received_by_crs')
		.on('applications')
		.columns(['crs_total', 'application_number'])
		.where(sql.ref('received_at'), 'is not', null)
		.execute();
	// Decided today: decisions by the instant they were recorded.
	await db.schema.createIndex('decisions_decided_at').on('decisions').columns(['decided_at', 'application_number']).execute();
}

/** Migration 2: queue indexes. */
export const migration0002: Migration = {version: 2, name: 'queues', up};
