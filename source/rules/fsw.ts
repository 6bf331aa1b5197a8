/**
 * Federal Skilled Worker minimums and the 67-point selection grid (IRPR ss. 75–83;
 * rules.md §3; decisions.md §7–§10).
 */
import type {EducationLevel} from './application.js';
import {verdict, type Criterion, type ProgramResult} from './criterion.js';
import {outsideQuebec, settlementFunds} from './common-criteria.js';
import {countedPeriods, datedExperience, datedStretch} from './experience.js';
import type {Facts, PersonFacts} from './facts.js';
import type {LanguageResult} from './language.js';
import {isSkilled} from './noc.js';
import {formatHours} from './text.js';

/** FSW result: `points` is the grid total, or null when a minimum fails before the grid. */
export type FswResult = ProgramResult & {points: number | null};

/** Pass mark of the selection grid (IRPR s. 76(2)). */
export const FSW_PASS_MARK = 67;

const EDUCATION_POINTS: Record<EducationLevel, number> = {
	none: 0,
	secondary: 5,
	'one-year': 15,
	'two-year': 19,
	bachelor: 21,
	'two-or-more': 22,
	master: 23,
	doctoral: 25,
};

/** IRPR s. 81: age points (index = age 0..47). */
const AGE_POINTS = [...Array.from({length: 18}, () => 0), ...Array.from({length: 18}, () => 12), 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0];

const languagePoint = (clb: number) => (clb >= 9 ? 6 : clb >= 8 ? 5 : clb >= 7 ? 4 : 0);
const experiencePoints = (years: number) => (years >= 6 ? 15 : years >= 4 ? 13 : years >= 2 ? 11 : years >= 1 ? 9 : 0);
const clbOf = (result: LanguageResult | null) => (result ? `${result.language === 'fr' ? 'NCLC' : 'CLB'} ${result.min}` : 'no valid test');

/**
 * The FSW grid, factor by factor (language 28, education 25, experience 15, age 12, arranged
 * employment 10, adaptability 10).
 */
export function fswGrid(facts: Facts): {total: number; factors: Array<[name: string, points: number]>} {
	const app = facts.application;
	const {first, second} = facts.applicant.languages;
	const language =
		(first ? languagePoint(first.L) + languagePoint(first.R) + languagePoint(first.W) + languagePoint(first.S) : 0) +
		(second && second.min >= 5 ? 4 : 0);
	const education = EDUCATION_POINTS[facts.applicant.education];
	const work = datedExperience(facts.applicant.work, {skilledOnly: true, where: 'anywhere'}, facts.windows.ten);
	const age = AGE_POINTS[Math.min(facts.age, AGE_POINTS.length - 1)]!;
	const offer = app.jobOffer && isSkilled(app.jobOffer.nocCode) ? 10 : 0;
	const adaptability = Math.min(10, adaptabilityPoints(facts, offer > 0));
	const factors: Array<[string, number]> = [
		['language', language],
		['education', education],
		['experience', experiencePoints(work.years)],
		['age', age],
		['arranged employment', offer],
		['adaptability', adaptability],
	];
	return {total: factors.reduce((sum, [, points]) => sum + points, 0), factors};
}

/** Adaptability elements before the cap of 10 (IRPR s. 83; decisions.md §9). */
function adaptabilityPoints(facts: Facts, arrangedEmployment: boolean): number {
	const app = facts.application;
	let points = 0;
	const canadianYears = (person: PersonFacts, skilledOnly: boolean) => datedExperience(person.work, {skilledOnly, where: 'canada'}, facts.windows.all).years;
	if (canadianYears(facts.applicant, true) >= 1) points += 10;
	if ((app.applicant.education.canadianCredential?.years ?? 0) >= 2) points += 5;
	if (arrangedEmployment) points += 5;
	if (app.relativeInCanada || app.siblingInCanada) points += 5;
	if (facts.withSpouse && facts.spouse) {
		const spouse = facts.spouse;
		const {first, second} = spouse.languages;
		if ((first && first.min >= 4) || (second && second.min >= 4)) points += 5;
		if ((spouse.person.education.canadianCredential?.years ?? 0) >= 2) points += 5;
		if (canadianYears(spouse, false) >= 1) points += 5;
	}
	return points;
}

/** `language 24, education 21, …`: the grid's factors with their points, comma-separated. */
function factorList(factors: ReadonlyArray<readonly [name: string, points: number]>): string {
	let list = '';
	for (let i = 0; i < factors.length; i++) list += `${i === 0 ? '' : ', '}${factors[i]![0]} ${factors[i]![1]}`;
	return list;
}

/**
 * FSW minimums (IRPR s. 75(2)), grid ≥ 67 (s. 76(1)(a)), settlement funds (s. 76(1)(b)),
 * outside Quebec (s. 75(1)).
 */
export function assessFsw(facts: Facts): FswResult {
	const first = facts.applicant.languages.first;
	const languageOk = first !== null && first.min >= 7;
	const work = facts.applicant.work;
	const stretch = datedStretch(countedPeriods(work, {skilledOnly: true, where: 'anywhere'}), facts.windows.ten, work.lastDay);
	const workOk = stretch !== null && stretch.hours >= 1560 - 1e-9;
	const educationOk = facts.applicant.education !== 'none';
	const criteria: Criterion[] = [
		{
			id: 'fsw.language',
			passed: languageOk,
			detail: `first official language lowest ability ${clbOf(first)}; CLB 7 needed in all four`,
			source: 'IRPR s. 75(2)(d); MI language threshold',
		},
		{
			id: 'fsw.continuous-work',
			passed: workOk,
			detail: stretch
				? `best continuous stretch: NOC ${stretch.nocCode} from ${stretch.start}, ${formatHours(stretch.hours)} of 1,560 hours in the 10 years before ${facts.asOf}`
				: `no skilled (TEER 0-3) work in the 10 years before ${facts.asOf}`,
			source: 'IRPR s. 75(2)(a)',
		},
		{
			id: 'fsw.education',
			passed: educationOk,
			detail: educationOk ? `${facts.applicant.education} counts` : 'no Canadian credential and no educational credential assessment (ECA)',
			source: 'IRPR s. 75(2)(e)',
		},
	];
	let points: number | null = null;
	if (languageOk && workOk && educationOk) {
		const grid = fswGrid(facts);
		points = grid.total;
		criteria.push({
			id: 'fsw.points',
			passed: points >= FSW_PASS_MARK,
			detail: `${points} of 100 points, ${FSW_PASS_MARK} needed (${factorList(grid.factors)})`,
			source: 'IRPR s. 76(1)(a), ss. 78–83',
		});
	} else {
		criteria.push({id: 'fsw.points', passed: false, detail: 'not assessed: a minimum requirement is not met', source: 'IRPR s. 76(1)(a)'});
	}
	criteria.push(settlementFunds('fsw.settlement-funds', facts, 'IRPR s. 76(1)(b)(i)'));
	criteria.push(outsideQuebec('fsw.outside-quebec', facts, 'IRPR s. 75(1)'));
	const {eligible} = verdict(criteria);
	return {eligible, points, criteria};
}
