/**
 * Criteria shared by several programs: intended province (outside Quebec) and settlement funds.
 */
import type {Criterion} from './criterion.js';
import {dayNumber} from './dates.js';
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
export function familySize(facts: Facts): number {
	const status = facts.application.applicant.maritalStatus;
	const partner = status === 'married' || status === 'common-law' ? 1 : 0;
	return 1 + partner + (facts.application.dependentChildren ?? 0);
}

/**
 * Proof of settlement funds (FSW, FST): funds at least the dated table's amount for the family
 * size, unless a valid TEER 0–3 job offer is held and an authorized Canadian job (not marked
 * `not_credited`) covers the reference date (IRPR s. 76(1)(b)(i); decisions.md §10).
 */
export function settlementFunds(id: string, facts: Facts, source: string): Criterion {
	const app = facts.application;
	const asOfDay = dayNumber(facts.asOf);
	// A period the officer marked not_credited is left out of the assessed result, here too.
	const working = app.applicant.workExperience.some(
		(period) =>
			period.finding !== 'not_credited' &&
			period.country === 'CAN' &&
			period.authorized === true &&
			dayNumber(period.start) <= asOfDay &&
			(period.end === undefined || dayNumber(period.end) >= asOfDay),
	);
	if (app.jobOffer && isSkilled(app.jobOffer.nocCode) && working) {
		return {id, passed: true, detail: `exempt: valid job offer (NOC ${app.jobOffer.nocCode}) and authorized to work in Canada`, source};
	}
	const size = familySize(facts);
	const {cad, table} = fundsRequired(size, facts.asOf);
	const funds = app.fundsCad ?? 0;
	return {
		id,
		passed: funds >= cad,
		detail: `${formatCad(funds)} CAD of ${formatCad(cad)} CAD required for a family of ${size} (table of ${table.effective})`,
		source,
	};
}
