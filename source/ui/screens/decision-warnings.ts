/**
 * What the decision dialog tells the officer before a decision is saved: the eligibility
 * result it rests on, a warning when the outcome contradicts it, when a supervisor's review
 * will be needed, and the procedural-fairness reminder (spec: decisions).
 */
import type {CaseDetail, Outcome} from '../data.js';

export const OUTCOMES: readonly Outcome[] = ['approve', 'refuse', 'rfi', 'pfl', 'withdraw', 'return'];

export const OUTCOME_LABELS: Record<Outcome, string> = {
	approve: 'Approve',
	refuse: 'Refuse',
	rfi: 'Request information',
	pfl: 'Procedural fairness letter',
	withdraw: 'Withdraw',
	return: 'Return (incomplete)',
};

/** Eligibility codes: a refusal for one of these rests on the rules engine's own finding. */
const ELIGIBILITY_CODES = new Set(['cec-not-met', 'fsw-not-met', 'fst-not-met', 'crs-below-round', 'funds-insufficient']);

/** Is the case eligible, as assessed, for the program it was made under? null when not assessed. */
export function eligibleForProgram(detail: CaseDetail): boolean | null {
	if (!detail.assessment) return null;
	const program = detail.program as 'CEC' | 'FSW' | 'FST';
	return detail.assessment.asAssessed.programs[program]?.eligible ?? null;
}

export type DecisionNotice = {kind: 'info' | 'warning'; text: string};

/** Notices for `outcome` with `reasonCodes` on `detail`. */
export function decisionNotices(detail: CaseDetail, outcome: Outcome, reasonCodes: readonly string[]): DecisionNotice[] {
	const notices: DecisionNotice[] = [];
	const eligible = eligibleForProgram(detail);
	notices.push({kind: 'info', text: `Eligibility (as assessed) for ${detail.program}: ${eligible === null ? 'not assessed' : eligible ? 'ELIGIBLE' : 'NOT ELIGIBLE'}`});
	if (outcome === 'approve' && eligible === false) {
		notices.push({kind: 'warning', text: 'Approval contradicts the eligibility result: reason code eligibility-override and your reasons are required.'});
		notices.push({kind: 'warning', text: 'A supervisor other than you must review this decision before it is final.'});
	}
	if (outcome === 'refuse') {
		if (eligible === true) notices.push({kind: 'warning', text: 'Refusing a case the rules find eligible: your reasons must say why.'});
		notices.push({kind: 'warning', text: 'Refusals are reviewed by a supervisor other than you before they are final.'});
		const hadPfl = detail.decisions.some((decision) => decision.outcome === 'pfl');
		const plainEligibility = reasonCodes.length > 0 && reasonCodes.every((code) => ELIGIBILITY_CODES.has(code));
		if (!hadPfl && !plainEligibility) {
			notices.push({kind: 'warning', text: 'No procedural fairness letter was sent: a refusal on concerns the applicant has not seen should follow a PFL.'});
		}
	}
	if (outcome === 'rfi' || outcome === 'pfl') notices.push({kind: 'info', text: 'The case waits for the applicant until the bring-forward date (default 30 days).'});
	return notices;
}

/** What the officer must still fill in before the decision can be saved, or null when complete. */
export function missingForDecision(detail: CaseDetail, outcome: Outcome, reasonCodes: readonly string[], text: string): string | null {
	const eligible = eligibleForProgram(detail);
	if (outcome === 'refuse' && reasonCodes.length === 0) return 'a refusal needs at least one reason code';
	if (outcome === 'approve' && eligible === false && !reasonCodes.includes('eligibility-override')) return 'an approval against the eligibility result needs the eligibility-override reason code';
	if (outcome !== 'approve' && text.trim() === '') return `${OUTCOME_LABELS[outcome].toLowerCase()} needs text (the reasons, or what is requested)`;
	if (outcome === 'approve' && eligible === false && text.trim() === '') return 'an override needs your reasons in the text';
	return null;
}
