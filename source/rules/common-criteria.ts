/**
 * Criteria shared by several programs: intended province (outside Quebec) and settlement funds.
 */
import type {Application} from './application.js';
import type {Criterion} from './criterion.js';
import type {DatedWork} from './experience.js';
import type {Facts} from './facts.js';
import {isSkilled} from './noc.js';
import {formatCad} from './text.js';
import {fundsRequired} from './versions.js';

/** The applicant must intend to live outside Quebec (IRPR ss. 75(1), 87.1(1), 87.2(2)). */
export function outsideQuebec(id: string, facts: Facts, source: string): Criterion {
	const province = facts.application.intendedProvince;
	return {
		id,
		passed: province !== 'QC',
		detail: province === 'QC' ? 'intends to live in Quebec (Quebec selects its own skilled workers)' : `intends to live in ${province}`,
		source,
	};
}

/**
 * Family size for proof of funds: applicant, spouse or common-law partner (even if not
 * accompanying or a citizen/PR) and dependent children (rules.md §3.3; decisions.md §10).
 */
export function familySize(facts: Pick<Facts, 'application'>): number {
	const status = facts.application.applicant.maritalStatus;
	const partner = status === 'married' || status === 'common-law' ? 1 : 0;
	return 1 + partner + (facts.application.dependentChildren ?? 0);
}

/** The outcome and figures of the settlement-funds check, the same for FSW and FST. */
export type FundsFinding = {passed: boolean; detail: string};

/**
 * Proof of settlement funds on `asOf` (`YYYY-MM-DD`): funds at least the dated table's amount
 * for the family size, unless a valid TEER 0–3 job offer is held and an authorized Canadian job
 * (not marked `not_credited`) covers the reference date (IRPR s. 76(1)(b)(i); decisions.md §10).
 * `work` is the applicant's work dated for `asOf` (facts.ts works it out once per assessment).
 */
export function fundsFinding(application: Application, asOf: string, work: DatedWork): FundsFinding {
	const asOfDay = work.lastDay + 1;
	const offer = application.jobOffer;
	if (offer && isSkilled(offer.nocCode)) {
		// A period the officer marked not_credited is left out of the assessed result, here too.
		const working = work.periods.some(
			({period, start, end}) =>
				period.finding !== 'not_credited' &&
				period.country === 'CAN' &&
				period.authorized === true &&
				start <= asOfDay &&
				(period.end === undefined || end >= asOfDay),
		);
		if (working) return {passed: true, detail: `exempt: valid job offer (NOC ${offer.nocCode}) and authorized to work in Canada`};
	}
	const size = familySize({application});
	const {cad, table} = fundsRequired(size, asOf);
	const funds = application.fundsCad ?? 0;
	return {
		passed: funds >= cad,
		detail: `${formatCad(funds)} CAD of ${formatCad(cad)} CAD required for a family of ${size} (table of ${table.effective})`,
	};
}

/** The settlement-funds criterion `id` (FSW, FST) with its legal `source`: see {@link fundsFinding}. */
export function settlementFunds(id: string, facts: Facts, source: string): Criterion {
	return {id, passed: facts.funds.passed, detail: facts.funds.detail, source};
}
