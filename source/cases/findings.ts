/**
 * The officer's findings on claimed work periods (`caips assess-item`): verified, not credited
 * (with the reason, e.g. the reference letter does not show the duties), or back to claimed. The
 * case is then re-assessed; both results are kept — as claimed (the applicant's file) and as
 * assessed (without the periods not credited) — and decisions rest on the assessed one
 * (DESIGN.md "Eligibility rules").
 */
import type {WorkFinding} from '../../db/index.js';
import {formatValue} from '../format/format-error.js';
import {eligiblePrograms} from '../rules/assess.js';
import {utcDateOf} from '../rules/dates.js';
import {assessCase, cachedColumns, caseReferenceDate, encodeCaseAssessment} from './assessment.js';
import {recordAudit} from './audit.js';
import {applicationOf, bumpCase, currentAssessment, findingsOf, loadCaseForUpdate} from './case-version.js';
import {InvalidError, NotFoundError, PermissionError} from './errors.js';
import {checkNoteBody} from './notes.js';
import {requireRole, write, type Session} from './session.js';

/** Findings an officer may record. */
export const FINDINGS: readonly WorkFinding[] = ['verified', 'not_credited', 'claimed'];

/** States in which findings may be recorded (the case is open and not awaiting review). */
const FINDING_STATES = ['received', 'in_review', 'awaiting_info'] as const;

/** CRS total and eligible programs of one assessment. */
export type AssessmentSummary = {crs: number; eligible: Array<'CEC' | 'FSW' | 'FST'>};

/** What `recordFinding` did. */
export type FindingResult = {
	applicationNumber: string;
	workPeriodId: number;
	finding: WorkFinding;
	/** As assessed, before and after the finding. */
	before: AssessmentSummary;
	after: AssessmentSummary;
	/** As claimed (unchanged by findings). */
	asClaimed: AssessmentSummary;
	/** Case version after the change. */
	version: number;
};

/**
 * Records the officer's finding on one claimed work period of a case and re-assesses the case
 * with all its findings on its reference date (`caseReferenceDate(application, today)`): updates
 * the period (finding, reason, officer, instant), the cached columns (CRS total, rules version,
 * eligible programs) and the stored assessment pair, bumps the version, and audits
 * `assess-item` with the CRS total and eligibility before and after.
 *
 * Role: officer; the case must be `received`, `in_review` or `awaiting_info`, and not assigned to
 * another officer. `not_credited` needs a reason (kept for `verified` when given; cleared for
 * `claimed`). `options.today` is today's date `YYYY-MM-DD` (default: the UTC date of now).
 *
 * Throws PermissionError (77, audited), ConflictError (75: stale `expectedVersion`), NotFoundError
 * (no such case or work period on it), InvalidError (65: bad finding, missing reason, case not open).
 */
export async function recordFinding(
	session: Session,
	applicationNumber: string,
	workPeriodId: number,
	finding: WorkFinding,
	reason?: string,
	options: {today?: string; expectedVersion?: number} = {},
): Promise<FindingResult> {
	return write(session, {action: 'assess-item', applicationNumber}, async (trx) => {
		requireRole(session.actor, ['officer'], `recording a finding on ${applicationNumber}`);
		if (!FINDINGS.includes(finding)) throw new InvalidError(`finding ${formatValue(finding)} is not one of verified, not-credited, claimed`);
		const row = await loadCaseForUpdate(trx, session, applicationNumber, options.expectedVersion);
		if (row.assigned_to !== null && row.assigned_to !== session.actor.userName) {
			throw new PermissionError(`recording a finding on ${applicationNumber} needs the case assigned to you (${session.actor.userName}) or to no one; it is assigned to ${row.assigned_to}`);
		}
		if (!(FINDING_STATES as readonly string[]).includes(row.status)) {
			throw new InvalidError(`cannot record a finding on ${applicationNumber}: it is ${row.status} (needs ${FINDING_STATES.join(', ')})`);
		}
		const period = await trx.selectFrom('work_periods').selectAll().where('id', '=', workPeriodId).executeTakeFirst();
		if (!period || period.application_number !== applicationNumber) throw new NotFoundError(`case ${applicationNumber} has no work period ${workPeriodId}`);
		const why = reason?.trim() ? reason : null;
		if (finding === 'not_credited' && why === null) throw new InvalidError('reason is required: why the work period is not credited');
		if (why !== null) checkNoteBody(why, 'reason');

		const today = options.today ?? utcDateOf(session.now());
		const before = (await currentAssessment(trx, row, today)).asAssessed;
		await trx
			.updateTable('work_periods')
			.set({finding, finding_reason: finding === 'claimed' ? null : why, finding_by: session.actor.userName, finding_at: session.now()})
			.where('id', '=', workPeriodId)
			.execute();
		const application = applicationOf(row);
		const assessment = assessCase(application, await findingsOf(trx, applicationNumber), caseReferenceDate(application, today));
		const version = await bumpCase(trx, session, row, {...cachedColumns(assessment), assessment: encodeCaseAssessment(assessment)});
		const summary = (a: typeof before): AssessmentSummary => ({crs: a.crs.total, eligible: eligiblePrograms(a)});
		const result: FindingResult = {
			applicationNumber,
			workPeriodId,
			finding,
			before: summary(before),
			after: summary(assessment.asAssessed),
			asClaimed: summary(assessment.asClaimed),
			version,
		};
		await recordAudit(trx, session, {
			action: 'assess-item',
			applicationNumber,
			detail: {workPeriodId, person: period.person, idx: period.idx, from: period.finding, finding, reason: why, before: result.before, after: result.after, version},
		});
		return result;
	});
}
