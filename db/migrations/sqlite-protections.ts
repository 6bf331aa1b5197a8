/**
 * SQLite-only protections, kept apart from the standard-SQL migrations: triggers that make
 * `audit_events`, `notes` and `decisions` append-only, let a decision's review be recorded once,
 * and refuse a review by the deciding officer. (PostgreSQL will get its own equivalents.)
 *
 * `INSERT OR REPLACE` deletes the old row without firing DELETE triggers unless
 * `PRAGMA recursive_triggers` is on; `openStore` turns it on so these hold against REPLACE too.
 */

/** Columns of `decisions` fixed once the row is written. */
export const DECISION_FIXED_COLUMNS = [
	'id',
	'application_number',
	'outcome',
	'reason_codes',
	'text',
	'officer',
	'decided_at',
	'rules_version',
	'assessment_snapshot',
	'case_version',
	'bring_forward_on',
	'review_required',
] as const;

/** Columns of `decisions` that a supervisor's review sets, once, together. */
export const DECISION_REVIEW_COLUMNS = ['reviewer', 'review_outcome', 'review_text', 'reviewed_at'] as const;

function appendOnly(table: string): string[] {
	return [
		`create trigger ${table}_no_update before update on ${table}
begin select raise(abort, '${table} is append-only: UPDATE refused'); end`,
		`create trigger ${table}_no_delete before delete on ${table}
begin select raise(abort, '${table} is append-only: DELETE refused'); end`,
	];
}

/** The `CREATE TRIGGER` statements, one per array element, in the order to run them. */
export function sqliteProtections(): string[] {
	const fixedChanged = DECISION_FIXED_COLUMNS.map((c) => `new.${c} is not old.${c}`).join(' or ');
	const alreadyReviewed = DECISION_REVIEW_COLUMNS.map((c) => `old.${c} is not null`).join(' or ');
	return [
		...appendOnly('audit_events'),
		...appendOnly('notes'),
		`create trigger decisions_no_delete before delete on decisions
begin select raise(abort, 'decisions is append-only: DELETE refused'); end`,
		// One guard for UPDATE, so that the checks run in a fixed order and the message names the
		// first rule broken.
		`create trigger decisions_update_guard before update on decisions
begin select case
	when ${fixedChanged}
		then raise(abort, 'decisions is append-only: only the review columns may be set')
	when ${alreadyReviewed}
		then raise(abort, 'decisions: the review is already recorded and cannot be changed')
	when new.reviewer is null or new.review_outcome is null or new.reviewed_at is null
		then raise(abort, 'decisions: a review needs reviewer, review_outcome and reviewed_at')
	when new.reviewer = new.officer
		then raise(abort, 'separation of duties: the reviewer cannot be the deciding officer')
end; end`,
		`create trigger decisions_no_self_review_insert before insert on decisions
when new.reviewer is not null and new.reviewer = new.officer
begin select raise(abort, 'separation of duties: the reviewer cannot be the deciding officer'); end`,
	];
}
