/**
 * Canadian Experience Class minimums (IRPR s. 87.1; rules.md §2; decisions.md §6).
 */
import {verdict, type ProgramResult} from './criterion.js';
import {outsideQuebec} from './common-criteria.js';
import {datedExperience, HOURS_PER_YEAR} from './experience.js';
import type {Facts} from './facts.js';
import {teerOf} from './noc.js';
import {formatHours} from './text.js';

/**
 * CEC: one year (1,560 h) of skilled, authorized Canadian work in the 3 years before the
 * reference date; CLB/NCLC 7 in all four abilities (CLB 5 when TEER 2/3 hours alone reach a
 * year); intending to live outside Quebec.
 */
export function assessCec(facts: Facts): ProgramResult {
	const work = facts.applicant.work;
	const threeYears = facts.windows.three;
	const canadian = datedExperience(work, {skilledOnly: true, where: 'canada'}, threeYears);
	const teer23 = datedExperience(
		{lastDay: work.lastDay, periods: work.periods.filter((dated) => teerOf(dated.period.nocCode) >= 2)},
		{skilledOnly: true, where: 'canada'},
		threeYears,
	);
	const threshold = teer23.years >= 1 ? 5 : 7;
	const first = facts.applicant.languages.first;
	const windowText = `in the 3 years before ${facts.asOf}`;
	return verdict([
		{
			id: 'cec.canadian-experience',
			passed: canadian.years >= 1,
			detail: `${formatHours(canadian.hours)} of ${formatHours(HOURS_PER_YEAR)} creditable hours in Canada ${windowText}`,
			source: 'IRPR s. 87.1(2)(a)',
		},
		{
			id: 'cec.language',
			passed: first !== null && first.min >= threshold,
			detail:
				(first ? `lowest ability ${first.language === 'fr' ? 'NCLC' : 'CLB'} ${first.min} (${first.test} ${first.date})` : 'no valid language test') +
				`; ${threshold} needed (${threshold === 5 ? 'TEER 2/3 experience' : 'TEER 0/1 experience'})`,
			source: 'IRPR s. 87.1(2)(d); MI language thresholds',
		},
		outsideQuebec('cec.outside-quebec', facts, 'IRPR s. 87.1(1)'),
	]);
}
