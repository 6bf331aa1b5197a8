/**
 * Decisions and the case life cycle (DESIGN.md "Case life cycle"; spec/decisions.md).
 *
 * A decision is a record, never overwritten: one row per decision with the outcome, the reason
 * codes and the officer's text (in law, the reasons), the officer, the instant, the rules version
 * and the as-assessed assessment it rests on, the case version it was made against, and whether
 * it needs a second officer's review (refusals and eligibility overrides). Review is in review.ts.
 *
 * | outcome  | from                         | case becomes                                   |
 * |----------|------------------------------|------------------------------------------------|
 * | approve  | in_review, awaiting_info     | approved; pending_review when it overrides the eligibility result |
 * | refuse   | in_review, awaiting_info     | pending_review (refused once a supervisor approves) |
 * | rfi, pfl | in_review, awaiting_info     | awaiting_info, bring-forward date set (default today + 30 days) |
 * | withdraw | any open state               | withdrawn                                      |
 * | return   | in_review, awaiting_info     | withdrawn, reason code `incomplete`            |
 *
 * The deciding officer holds the officer role and has the case assigned to them (supervisors
 * too); a `withdraw` of a case nobody holds (a pool profile, an unassigned e-APR) is open to any
 * officer. While a decision awaits review, only `withdraw` may be recorded (the pending decision
 * then stays on record, unreviewed).
 */
import type {Kysely} from 'kysely';
import {decodeJson, encodeJson, fetchPage, type ApplicationStatus, type Cursor, type Database, type DecisionRow, type SortKey} from '../../db/index.js';
import {formatValue} from '../format/format-error.js';
import {dayNumber, fromDayNumber, isRealDate, utcDateOf} from '../rules/dates.js';
import {recordAudit} from './audit.js';
import {REASON_CODES} from './reason-codes.js';
import {bumpCase, currentAssessment, loadCaseForUpdate, OPEN_STATES} from './case-version.js';
import {ConflictError, InvalidError, PermissionError} from './errors.js';
import {checkNoteBody} from './notes.js';
import {requireRole, write, type Session, type Trx} from './session.js';

/** Decision outcomes (spec/decisions.md "Outcomes"). */
export const OUTCOMES = ['approve', 'refuse', 'rfi', 'pfl', 'withdraw', 'return'] as const;

/** One of {@link OUTCOMES}. */
export type DecisionOutcome = (typeof OUTCOMES)[number];

/** The reason code an approval that contradicts the eligibility result must cite. */
export const OVERRIDE_CODE = 'eligibility-override';

/** The reason code a `return` (incomplete application) records. */
export const INCOMPLETE_CODE = 'incomplete';

/** Default bring-forward period of an RFI or PFL, in days. */
export const DEFAULT_BRING_FORWARD_DAYS = 30;

/**
 * Reason codes that rest on a plain eligibility or completeness failure the applicant knows of
 * (their own file): a refusal citing only these needs no procedural fairness letter first.
 */
const PLAIN_REFUSAL_CODES = new Set(['cec-not-met', 'fsw-not-met', 'fst-not-met', 'crs-below-round', 'funds-insufficient', 'failure-to-provide', INCOMPLETE_CODE]);

/**
 * Adds the starting reason codes (`REASON_CODES` of reason-codes.ts, spec/decisions.md) to a
 * store that lacks them; codes already there are left as they are. Run when a store is created
 * (`caips init`, `caips demo`), inside its transaction.
 */
export async function seedReasonCodes(trx: Kysely<Database>): Promise<void> {
	await trx
		.insertInto('reason_codes')
		.values([...REASON_CODES])
		.onConflict((oc) => oc.column('code').doNothing())
		.execute();
}

/** What the officer decides. */
export type DecisionInput = {
	outcome: DecisionOutcome;
	/** Codes of `reason_codes`; duplicates are dropped, order kept. */
	reasonCodes?: readonly string[];
	/** The officer's reasons (required for refuse, override approvals, rfi, pfl, withdraw, return). */
	text?: string;
	/** RFI/PFL bring-forward date `YYYY-MM-DD`, after today (default today + 30 days). */
	bringForwardOn?: string;
	/** The case version the officer saw; when given and stale, ConflictError says what changed. */
	expectedVersion?: number;
	/** Today's date `YYYY-MM-DD` in the officer's time zone (default: the UTC date of `session.now()`). */
	today?: string;
};

/** What `decide` recorded. */
export type DecisionResult = {
	decisionId: number;
	applicationNumber: string;
	outcome: DecisionOutcome;
	reasonCodes: string[];
	/** The case's status before and after. */
	from: ApplicationStatus;
	status: ApplicationStatus;
	/** True for refusals and eligibility overrides: a supervisor other than the officer must review. */
	reviewRequired: boolean;
	bringForwardOn: string | null;
	/** The case version after the decision. */
	version: number;
	/** Things the officer should know (e.g. a refusal on grounds never put to the applicant in a PFL). */
	warnings: string[];
};

/** A stored decision as callers see it (without its assessment snapshot). */
export type Decision = {
	id: number;
	applicationNumber: string;
	outcome: string;
	reasonCodes: string[];
	text: string;
	officer: string;
	decidedAt: string;
	rulesVersion: string;
	caseVersion: number;
	bringForwardOn: string | null;
	reviewRequired: boolean;
	reviewer: string | null;
	reviewOutcome: string | null;
	reviewText: string | null;
	reviewedAt: string | null;
};

/** Maps a decision row (snapshot left out). */
export function toDecision(row: Omit<DecisionRow, 'assessment_snapshot'>): Decision {
	return {
		id: row.id,
		applicationNumber: row.application_number,
		outcome: row.outcome,
		reasonCodes: decodeJson<string[]>(row.reason_codes),
		text: row.text,
		officer: row.officer,
		decidedAt: row.decided_at,
		rulesVersion: row.rules_version,
		caseVersion: row.case_version,
		bringForwardOn: row.bring_forward_on,
		reviewRequired: row.review_required === 1,
		reviewer: row.reviewer,
		reviewOutcome: row.review_outcome,
		reviewText: row.review_text,
		reviewedAt: row.reviewed_at,
	};
}

const DECISION_COLUMNS = [
	'id',
	'application_number',
	'outcome',
	'reason_codes',
	'text',
	'officer',
	'decided_at',
	'rules_version',
	'case_version',
	'bring_forward_on',
	'review_required',
	'reviewer',
	'review_outcome',
	'review_text',
	'reviewed_at',
] as const;

/** The latest decision of a case (highest id), or undefined. */
export async function latestDecision(db: Kysely<Database>, applicationNumber: string): Promise<Decision | undefined> {
	const row = await db.selectFrom('decisions').select(DECISION_COLUMNS).where('application_number', '=', applicationNumber).orderBy('id', 'desc').limit(1).executeTakeFirst();
	return row ? toDecision(row) : undefined;
}

/** The decisions of a case in the order recorded, one keyset page at a time (default 200). A plain read. */
export async function listDecisions(
	db: Kysely<Database>,
	applicationNumber: string,
	page: {after?: Cursor | null; limit?: number} = {},
): Promise<{decisions: Decision[]; next: Cursor | null}> {
	const sort: SortKey[] = [{column: 'id'}];
	const query = db.selectFrom('decisions').select(DECISION_COLUMNS).where('application_number', '=', applicationNumber);
	const result = await fetchPage(query, {sort, after: page.after ?? null, limit: page.limit ?? 200});
	return {decisions: result.rows.map(toDecision), next: result.next};
}

/** `YYYY-MM-DD` plus `days`. */
function addDays(date: string, days: number): string {
	return fromDayNumber(dayNumber(date) + days);
}

function todayOf(session: Session, today: string | undefined): string {
	return today ?? utcDateOf(session.now());
}

const DECIDING_STATES: readonly ApplicationStatus[] = ['in_review', 'awaiting_info'];

/** Throws unless the officer may record `outcome` on a case in this status and assignment. */
function checkStateAndAssignment(session: Session, applicationNumber: string, status: ApplicationStatus, assignedTo: string | null, outcome: DecisionOutcome): void {
	const me = session.actor.userName;
	const allowed: readonly ApplicationStatus[] = outcome === 'withdraw' ? OPEN_STATES : DECIDING_STATES;
	if (assignedTo !== me && !(outcome === 'withdraw' && assignedTo === null)) {
		const holder = assignedTo === null ? 'it is not assigned to anyone (take it first)' : `it is assigned to ${assignedTo}`;
		throw new PermissionError(`deciding ${applicationNumber} needs the case assigned to you (${me}); ${holder}`);
	}
	if (!allowed.includes(status)) {
		throw new InvalidError(`cannot ${outcome} case ${applicationNumber}: it is ${status}; ${outcome} needs ${allowed.join(', ')}`);
	}
}

function requireText(text: string, what: string): void {
	if (text.trim() === '') throw new InvalidError(`text is required: ${what}`);
	checkNoteBody(text, 'text');
}

async function checkReasonCodes(trx: Trx, codes: readonly string[]): Promise<void> {
	if (codes.length === 0) return;
	const known = new Set((await trx.selectFrom('reason_codes').select('code').where('code', 'in', [...codes]).execute()).map((r) => r.code));
	const unknown = codes.find((code) => !known.has(code));
	if (unknown !== undefined) {
		const all = (await trx.selectFrom('reason_codes').select('code').orderBy('code').execute()).map((r) => r.code);
		throw new InvalidError(`reason code ${formatValue(unknown)} is not known (known codes: ${all.join(', ') || 'none: the store has no reason codes'})`);
	}
}

/**
 * Records a decision on a case, in one write transaction: checks the role (officer), the case
 * (exists; `expectedVersion` current; no decision awaiting review; assigned to the officer; a
 * state the outcome is allowed from), the reasons (known codes; text where needed), inserts one
 * decision row with the as-assessed assessment snapshot, moves the case to its new status (and
 * bring-forward date), bumps the version, and audits `decide`.
 *
 * Needs: refuse — at least one reason code and text; approve of a case that does not meet its
 * program as assessed — code `eligibility-override` and text (then reviewed); rfi/pfl — text, and
 * a bring-forward date after today (default today + 30 days); withdraw — text; return — text
 * (code `incomplete` is added).
 *
 * Throws PermissionError (77, audited as refused) for a missing role or a case not assigned to
 * the officer; ConflictError (75, audited as refused) for a stale `expectedVersion` (naming what
 * changed since) or a decision already awaiting review; NotFoundError / InvalidError (65) for no
 * such case, a state the outcome is not allowed from, an unknown code, missing text or codes, a
 * bad bring-forward date.
 */
export async function decide(session: Session, applicationNumber: string, input: DecisionInput): Promise<DecisionResult> {
	return write(session, {action: 'decide', applicationNumber}, async (trx) => {
		const {outcome} = input;
		requireRole(session.actor, ['officer'], `deciding ${applicationNumber}`);
		if (!(OUTCOMES as readonly string[]).includes(outcome)) throw new InvalidError(`outcome ${formatValue(outcome)} is not one of ${OUTCOMES.join(', ')}`);
		const row = await loadCaseForUpdate(trx, session, applicationNumber, input.expectedVersion);
		const today = todayOf(session, input.today);

		if (row.status === 'pending_review' && outcome !== 'withdraw') {
			const pending = await latestDecision(trx, applicationNumber);
			const which = pending ? `: decision ${pending.id} (${pending.outcome}) by ${pending.officer} at ${pending.decidedAt.slice(0, 16).replace('T', ' ')} UTC` : '';
			throw new ConflictError(`case ${applicationNumber} already has a decision awaiting review${which}`);
		}
		checkStateAndAssignment(session, applicationNumber, row.status, row.assigned_to, outcome);

		const codes = [...new Set(input.reasonCodes ?? [])];
		if (outcome === 'return' && !codes.includes(INCOMPLETE_CODE)) codes.unshift(INCOMPLETE_CODE);
		await checkReasonCodes(trx, codes);
		const text = input.text ?? '';
		if (text !== '') checkNoteBody(text, 'text');

		const assessment = await currentAssessment(trx, row, today);
		const programResult = assessment.asAssessed.programs[row.program];
		let reviewRequired = false;
		let status: ApplicationStatus;
		let bringForwardOn: string | null = null;
		switch (outcome) {
			case 'approve': {
				if (!programResult.eligible) {
					const failed = programResult.criteria.filter((c) => !c.passed).map((c) => c.id);
					if (!codes.includes(OVERRIDE_CODE)) {
						throw new InvalidError(
							`reason code ${OVERRIDE_CODE} is required: as assessed, ${applicationNumber} does not meet ${row.program}${failed.length ? ` (${failed.join(', ')})` : ''}`,
						);
					}
					requireText(text, `the reasons for approving against the eligibility result`);
					reviewRequired = true;
				}
				status = reviewRequired ? 'pending_review' : 'approved';
				break;
			}
			case 'refuse':
				if (codes.length === 0) throw new InvalidError('reason code is required: a refusal cites at least one');
				requireText(text, 'the reasons for the refusal');
				reviewRequired = true;
				status = 'pending_review';
				break;
			case 'rfi':
			case 'pfl': {
				requireText(text, outcome === 'rfi' ? 'what is requested' : 'the concerns, stated so the applicant can answer them');
				bringForwardOn = input.bringForwardOn ?? addDays(today, DEFAULT_BRING_FORWARD_DAYS);
				if (!isRealDate(bringForwardOn)) throw new InvalidError(`bringForwardOn ${formatValue(bringForwardOn)} is not a calendar date (YYYY-MM-DD)`);
				if (bringForwardOn <= today) throw new InvalidError(`bringForwardOn ${bringForwardOn} is not in the future (today is ${today})`);
				status = 'awaiting_info';
				break;
			}
			case 'withdraw':
				requireText(text, "the applicant's request to withdraw");
				status = 'withdrawn';
				break;
			case 'return':
				requireText(text, 'which required item is missing');
				status = 'withdrawn';
				break;
		}

		const warnings: string[] = [];
		if (outcome === 'refuse' && codes.some((c) => !PLAIN_REFUSAL_CODES.has(c))) {
			const pfl = await trx.selectFrom('decisions').select('id').where('application_number', '=', applicationNumber).where('outcome', '=', 'pfl').limit(1).executeTakeFirst();
			if (!pfl) {
				warnings.push(
					`no procedural fairness letter was sent on ${applicationNumber}: a refusal that relies on information the applicant has not seen needs a PFL first (${codes.filter((c) => !PLAIN_REFUSAL_CODES.has(c)).join(', ')})`,
				);
			}
		}

		const decided = await trx
			.insertInto('decisions')
			.values({
				application_number: applicationNumber,
				outcome,
				reason_codes: encodeJson(codes),
				text,
				officer: session.actor.userName,
				decided_at: session.now(),
				rules_version: assessment.asAssessed.rulesVersion,
				assessment_snapshot: encodeJson(assessment.asAssessed),
				case_version: row.version,
				bring_forward_on: bringForwardOn,
				review_required: reviewRequired ? 1 : 0,
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const version = await bumpCase(trx, session, row, {status, bring_forward_on: bringForwardOn});
		await recordAudit(trx, session, {
			action: 'decide',
			applicationNumber,
			detail: {decisionId: decided.id, outcome, reasonCodes: codes, from: row.status, to: status, reviewRequired, bringForwardOn, version},
		});
		return {decisionId: decided.id, applicationNumber, outcome, reasonCodes: codes, from: row.status, status, reviewRequired, bringForwardOn, version, warnings};
	});
}

/** States in which a bring-forward date may be set or cleared. */
const BRING_FORWARD_STATES: readonly ApplicationStatus[] = ['received', 'in_review', 'awaiting_info', 'pending_review'];

/**
 * Sets (or, with null, clears) the case's bring-forward date: the day the case comes back to the
 * officer's attention (workstation key `b`). Role: officer or supervisor. The date must be a real
 * `YYYY-MM-DD` date, not before today. Bumps the version; audited `bring-forward` with the old
 * and new dates.
 *
 * Throws PermissionError (77), ConflictError (75, stale `expectedVersion`), NotFoundError, or
 * InvalidError (65: bad date, or a case that is not open).
 */
export async function setBringForward(
	session: Session,
	applicationNumber: string,
	date: string | null,
	options: {today?: string; expectedVersion?: number} = {},
): Promise<{applicationNumber: string; bringForwardOn: string | null; version: number}> {
	return write(session, {action: 'bring-forward', applicationNumber}, async (trx) => {
		requireRole(session.actor, ['officer', 'supervisor'], `setting the bring-forward date of ${applicationNumber}`);
		const row = await loadCaseForUpdate(trx, session, applicationNumber, options.expectedVersion);
		if (!BRING_FORWARD_STATES.includes(row.status)) {
			throw new InvalidError(`cannot set the bring-forward date of ${applicationNumber}: it is ${row.status} (needs ${BRING_FORWARD_STATES.join(', ')})`);
		}
		if (date !== null) {
			const today = todayOf(session, options.today);
			if (!isRealDate(date)) throw new InvalidError(`bringForwardOn ${formatValue(date)} is not a calendar date (YYYY-MM-DD)`);
			if (date < today) throw new InvalidError(`bring-forward date ${date} is in the past (today is ${today})`);
		}
		const version = await bumpCase(trx, session, row, {bring_forward_on: date});
		await recordAudit(trx, session, {action: 'bring-forward', applicationNumber, detail: {from: row.bring_forward_on, to: date, version}});
		return {applicationNumber, bringForwardOn: date, version};
	});
}
