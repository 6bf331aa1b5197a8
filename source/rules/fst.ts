/**
 * Federal Skilled Trades minimums (IRPR s. 87.2; rules.md §4; decisions.md §13).
 */
import {verdict, type ProgramResult} from './criterion.js';
import {outsideQuebec, settlementFunds} from './common-criteria.js';
import {countedPeriods, datedHours} from './experience.js';
import type {Facts} from './facts.js';
import {fstTradeGroup} from './noc.js';
import {formatHours} from './text.js';

/**
 * FST: CLB/NCLC 5 in speaking and listening and 4 in reading and writing; two years (3,120 h)
 * in one skilled trade in the 5 years before the reference date; a job offer in that trade or
 * a Canadian certificate of qualification; settlement funds; outside Quebec.
 */
export function assessFst(facts: Facts): ProgramResult {
	const app = facts.application;
	const first = facts.applicant.languages.first;
	const languageOk = first !== null && first.L >= 5 && first.S >= 5 && first.R >= 4 && first.W >= 4;
	const coq = app.applicant.certificateOfQualification === true;

	// Best trade: enough hours first, then one backed by the certificate or an offer in it.
	const {lastDay} = facts.applicant.work;
	const counted = countedPeriods(facts.applicant.work, {skilledOnly: true, where: 'anywhere'});
	const trades = new Set(counted.map((dated) => dated.period.nocCode).filter((noc) => fstTradeGroup(noc) !== null));
	let best: {noc: string; hours: number; years: number; backed: boolean} | null = null;
	for (const noc of trades) {
		const work = datedHours(
			counted.filter((dated) => dated.period.nocCode === noc),
			facts.windows.five,
			lastDay,
		);
		const backed = coq || app.jobOffer?.nocCode === noc;
		const rank = (candidate: {years: number; backed: boolean; hours: number}) => [candidate.years >= 2 ? 1 : 0, candidate.backed ? 1 : 0, candidate.hours];
		const candidate = {noc, hours: work.hours, years: work.years, backed};
		if (!best || compare(rank(candidate), rank(best)) > 0) best = candidate;
	}
	const first3 = first ? `${first.language === 'fr' ? 'NCLC' : 'CLB'} L${first.L} R${first.R} W${first.W} S${first.S}` : 'no valid test';
	return verdict([
		{
			id: 'fst.language',
			passed: languageOk,
			detail: `${first3}; needs 5 in listening and speaking, 4 in reading and writing`,
			source: 'IRPR s. 87.2(3)(a); MI language threshold',
		},
		{
			id: 'fst.trade-experience',
			passed: best !== null && best.years >= 2,
			detail: best
				? `${formatHours(best.hours)} of 3,120 hours in NOC ${best.noc} (${fstTradeGroup(best.noc)}) in the 5 years before ${facts.asOf}`
				: 'no work in an eligible skilled trade',
			source: 'IRPR s. 87.2(3)(b)',
		},
		{
			id: 'fst.offer-or-certificate',
			passed: best !== null && best.backed,
			detail: coq
				? 'holds a Canadian certificate of qualification'
				: app.jobOffer
					? `job offer in NOC ${app.jobOffer.nocCode}${best && app.jobOffer.nocCode !== best.noc ? `, not in the trade (NOC ${best.noc})` : ''}`
					: 'no job offer and no certificate of qualification',
			source: 'IRPR s. 87.2(3)(d)',
		},
		settlementFunds('fst.settlement-funds', facts, 'IRPR s. 87.2; MI proof of funds'),
		outsideQuebec('fst.outside-quebec', facts, 'IRPR s. 87.2(2)'),
	]);
}

function compare(a: number[], b: number[]): number {
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
	return 0;
}
