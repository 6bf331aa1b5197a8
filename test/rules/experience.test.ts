/**
 * Work experience: the 30 h/week cap, the 1,560-hour year, what counts (rules.md §2, §8.6;
 * decisions.md §4, §5), windows (decisions.md §2) and the FSW continuous year (decisions.md §7).
 */
import {describe, expect, it} from 'vitest';
import type {Application, WorkPeriod} from '../../source/rules/application.js';
import {assess} from '../../source/rules/assess.js';
import {dayNumber} from '../../source/rules/dates.js';
import {bestContinuousStretch, counts, creditableHours, experience, windowBefore} from '../../source/rules/experience.js';
import {
	AS_OF,
	application,
	canadianJob,
	celpip,
	criterion,
	eligibility,
	factorPoints,
	foreignJob,
	person,
	sections,
	vector,
	vectorApplication,
} from './builders.js';

const CANADA = {skilledOnly: true, where: 'canada'} as const;
const ABROAD = {skilledOnly: true, where: 'abroad'} as const;
const ANYWHERE = {skilledOnly: true, where: 'anywhere'} as const;

/** V25 with its one Canadian period changed. */
function v25With(change: Partial<WorkPeriod>): Application {
	const app = vectorApplication('V25');
	app.applicant.workExperience[0] = {...app.applicant.workExperience[0]!, ...change};
	return app;
}

// V25 (rule book): 1,560 h → core 362 (age 26: 110, bachelor 120, CLB 8 x4: 4 x 23 = 92,
// Canadian work 1 yr: 40), transferability 26 (bachelor + CLB 8: 13; bachelor + 1 yr Canadian: 13),
// additional 30 (Canadian 4-year bachelor), total 418; CEC and FSW (72) eligible.
// Without the Canadian year (rules.md §8.6, V24): core 362 - 40 = 322, transferability 13
// (language combination only), additional 30, total 322 + 13 + 30 = 365; no CEC, no FSW.
const V24_SECTIONS = {core: 322, spouse: 0, transferability: 13, additional: 30, total: 365};
const V25_SECTIONS = {core: 362, spouse: 0, transferability: 26, additional: 30, total: 418};

describe('30 h/week cap (rules.md §2; decisions.md §4)', () => {
	// 2025-06-02 (Monday) to 2026-05-31 (Sunday): 364 days = 52 weeks.
	it('two concurrent 20 h/week jobs for 52 weeks give 1,560 h, not 2,080', () => {
		const jobs = [canadianJob('2025-06-02', '2026-05-31', 20), canadianJob('2025-06-02', '2026-05-31', 20, {nocCode: '21232'})];
		expect(experience(jobs, CANADA, AS_OF, 3)).toEqual({hours: 1560, years: 1});
	});

	it('the cap applies only on the days the jobs overlap', () => {
		// 26 weeks at 20 h (2025-06-02..2025-11-30) = 520 h, then 26 weeks at min(40, 30) = 780 h: 1,300 h.
		const jobs = [canadianJob('2025-06-02', '2026-05-31', 20), canadianJob('2025-12-01', '2026-05-31', 20)];
		expect(experience(jobs, CANADA, AS_OF, 3).hours).toBeCloseTo(1300, 9);
	});

	it('one 45 h/week job counts 30 h/week', () => {
		expect(experience([canadianJob('2025-06-02', '2026-05-31', 45)], CANADA, AS_OF, 3)).toEqual({hours: 1560, years: 1});
	});

	it('Canadian and foreign hours are capped separately for the CRS but together for FSW experience', () => {
		const jobs = [canadianJob('2025-06-02', '2026-05-31', 30), foreignJob('2025-06-02', '2026-05-31', 30)];
		expect(experience(jobs, CANADA, AS_OF, 10).hours).toBeCloseTo(1560, 9);
		expect(experience(jobs, ABROAD, AS_OF, 10).hours).toBeCloseTo(1560, 9);
		expect(experience(jobs, ANYWHERE, AS_OF, 10).hours).toBeCloseTo(1560, 9);
	});

	it('two concurrent jobs adding up to a year only when capped hours reach 1,560 make CEC eligible', () => {
		// 15 + 15 h/week for 52 weeks = 780 + 780 = 1,560 h (nothing above the cap).
		const app = v25With({hoursPerWeek: 15});
		app.applicant.workExperience.push({...app.applicant.workExperience[0]!, employer: 'Second job', nocCode: '21232'});
		expect(assess(app, AS_OF).programs.CEC.eligible).toBe(true);
		// 25 + 25 h/week: capped at 30, still only 1,560 h, so still 1 year (not 2).
		const capped = v25With({hoursPerWeek: 25});
		capped.applicant.workExperience.push({...capped.applicant.workExperience[0]!, employer: 'Second job'});
		expect(factorPoints(assess(capped, AS_OF), 'canadian-work')).toBe(40);
	});
});

describe('1,559 h vs 1,560 h (rules.md §8.6; V24/V25)', () => {
	it('V25 as given: 1,560 h is one year', () => {
		const result = assess(vectorApplication('V25'), AS_OF);
		expect(sections(result)).toEqual(V25_SECTIONS);
		expect(eligibility(result)).toEqual({CEC: true, FSW: true, FST: false});
		expect(result.programs.FSW.points).toBe(72);
	});

	it('1,559 h (52 weeks at 1,559/52 h/week): no CEC, 0 Canadian-work points, no FSW', () => {
		const result = assess(v25With({hoursPerWeek: 1559 / 52}), AS_OF);
		expect(sections(result)).toEqual(V24_SECTIONS);
		expect(factorPoints(result, 'canadian-work')).toBe(0);
		expect(eligibility(result)).toEqual({CEC: false, FSW: false, FST: false});
		expect(result.programs.FSW.points).toBeNull();
		expect(criterion(result, 'CEC', 'cec.canadian-experience').detail).toContain('1,559 of 1,560');
	});

	it('the same period one day shorter (363 days x 30/7 = 1,555.7 h): no CEC, no Canadian year, no FSW', () => {
		const result = assess(v25With({end: '2026-05-30'}), AS_OF);
		expect(sections(result)).toEqual(V24_SECTIONS);
		expect(eligibility(result)).toEqual({CEC: false, FSW: false, FST: false});
		expect(result.programs.FSW.points).toBeNull();
	});
});

describe('what counts (rules.md §2 "Does NOT count"; decisions.md §5)', () => {
	const exclusions: Array<[string, Partial<WorkPeriod>]> = [
		['self-employed', {selfEmployed: true}],
		['while a full-time student', {whileFullTimeStudent: true}],
		['unauthorized', {authorized: false}],
		['TEER 4 (NOC 44101)', {nocCode: '44101'}],
		['TEER 5 (NOC 75101)', {nocCode: '75101'}],
	];
	for (const [name, change] of exclusions) {
		it(`Canadian work ${name} does not count for CEC, CRS or FSW`, () => {
			const result = assess(v25With(change), AS_OF);
			expect(sections(result)).toEqual(V24_SECTIONS);
			expect(eligibility(result)).toEqual({CEC: false, FSW: false, FST: false});
			expect(result.programs.FSW.points).toBeNull();
		});
	}

	it('absent flags mean authorized, not self-employed, not a student', () => {
		const app = vectorApplication('V25');
		const {selfEmployed: _s, whileFullTimeStudent: _w, authorized: _a, ...bare} = app.applicant.workExperience[0]!;
		app.applicant.workExperience[0] = bare;
		expect(sections(assess(app, AS_OF))).toEqual(V25_SECTIONS);
	});

	// V01: 3 years of foreign TEER 1 work → CRS 429 (transferability 75 = education 25 + foreign 50), FSW 68.
	it('foreign work ignores the self-employed, student and authorization flags', () => {
		const app = vectorApplication('V01');
		app.applicant.workExperience = app.applicant.workExperience.map((period) => ({
			...period,
			selfEmployed: true,
			whileFullTimeStudent: true,
			authorized: false,
		}));
		const result = assess(app, AS_OF);
		expect(sections(result)).toEqual(vector('V01').expected.crs);
		expect(result.programs.FSW).toMatchObject({eligible: true, points: 68});
	});

	it('foreign TEER 4/5 work still does not count', () => {
		const app = vectorApplication('V01');
		app.applicant.workExperience[0]!.nocCode = '44101';
		const result = assess(app, AS_OF);
		// Transferability loses the foreign group (50): 75 - 50 = 25; total 354 + 25 = 379.
		expect(sections(result)).toMatchObject({transferability: 25, total: 379});
		expect(result.programs.FSW).toMatchObject({eligible: false, points: null});
	});

	it('counts() applies the Canadian flags only in Canada and TEER 0-3 everywhere', () => {
		const flags = {selfEmployed: true, whileFullTimeStudent: true, authorized: false};
		expect(counts(canadianJob('2025-01-01', '2025-12-31', 30, flags), ANYWHERE)).toBe(false);
		expect(counts(foreignJob('2025-01-01', '2025-12-31', 30, flags), ANYWHERE)).toBe(true);
		expect(counts(foreignJob('2025-01-01', '2025-12-31', 30, {nocCode: '75101'}), ANYWHERE)).toBe(false);
		expect(counts(canadianJob('2025-01-01', '2025-12-31', 30), ABROAD)).toBe(false);
		expect(counts(foreignJob('2025-01-01', '2025-12-31', 30), CANADA)).toBe(false);
	});
});

describe('windows (decisions.md §2, §4)', () => {
	it('"the 3 years before 2026-11-29" is 2023-11-29 to 2026-11-28', () => {
		expect(windowBefore(AS_OF, 3)).toEqual({from: dayNumber('2023-11-29'), to: dayNumber('2026-11-28')});
		expect(windowBefore(AS_OF, 10)).toEqual({from: dayNumber('2016-11-29'), to: dayNumber('2026-11-28')});
	});

	it('a window ending on 29 February starts on 1 March N years before', () => {
		expect(windowBefore('2028-02-29', 3).from).toBe(dayNumber('2025-03-01'));
	});

	// One-day periods at 7 h/week earn exactly 1 h.
	const oneDay = (date: string, country: 'CAN' | 'IND' = 'CAN') => [{...canadianJob(date, date, 7), country}];
	it('the first day of the window counts, the day before it does not', () => {
		expect(experience(oneDay('2023-11-29'), CANADA, AS_OF, 3).hours).toBeCloseTo(1, 9);
		expect(experience(oneDay('2023-11-28'), CANADA, AS_OF, 3).hours).toBe(0);
		expect(experience(oneDay('2016-11-29', 'IND'), ABROAD, AS_OF, 10).hours).toBeCloseTo(1, 9);
		expect(experience(oneDay('2016-11-28', 'IND'), ABROAD, AS_OF, 10).hours).toBe(0);
	});

	it('the day before asOf counts, asOf itself does not', () => {
		expect(experience(oneDay('2026-11-28'), CANADA, AS_OF, 3).hours).toBeCloseTo(1, 9);
		expect(experience(oneDay(AS_OF), CANADA, AS_OF, 3).hours).toBe(0);
	});

	it('an ongoing period (or one ending after asOf) counts up to the day before asOf', () => {
		// 2026-11-22..2026-11-28 = 7 days at 1 h.
		expect(experience([canadianJob('2026-11-22', undefined, 7)], CANADA, AS_OF, 3).hours).toBeCloseTo(7, 9);
		expect(experience([canadianJob('2026-11-22', '2027-01-31', 7)], CANADA, AS_OF, 3).hours).toBeCloseTo(7, 9);
		expect(experience([canadianJob(AS_OF, undefined, 7)], CANADA, AS_OF, 3).hours).toBe(0);
		expect(creditableHours([canadianJob('2026-11-22', undefined, 7)], windowBefore(AS_OF, null), AS_OF).hours).toBeCloseTo(7, 9);
	});

	it('an ongoing job from 2025-11-30 is exactly one year on 2026-11-29 (364 days), from 2025-12-01 it is not', () => {
		const ongoingFrom = (start: string) => {
			const app = vectorApplication('V25');
			const {end: _end, ...rest} = app.applicant.workExperience[0]!;
			app.applicant.workExperience[0] = {...rest, start};
			return assess(app, AS_OF);
		};
		expect(ongoingFrom('2025-11-30').programs.CEC.eligible).toBe(true);
		expect(factorPoints(ongoingFrom('2025-11-30'), 'canadian-work')).toBe(40);
		expect(ongoingFrom('2025-12-01').programs.CEC.eligible).toBe(false);
		expect(factorPoints(ongoingFrom('2025-12-01'), 'canadian-work')).toBe(0);
	});

	it('CEC uses 3 years, the CRS 10: a year starting on the window start qualifies; one day earlier it does not, yet still scores', () => {
		// 2023-11-29..2024-11-26 = 364 days (2024 is a leap year) = 1,560 h, all in the 3-year window.
		const inside = assess(v25With({start: '2023-11-29', end: '2024-11-26'}), AS_OF);
		expect(inside.programs.CEC.eligible).toBe(true);
		expect(sections(inside)).toEqual(V25_SECTIONS);
		// 2023-11-28..2024-11-25: only 363 days (1,555.7 h) fall in the CEC window, but all 364 in the CRS window.
		const shifted = assess(v25With({start: '2023-11-28', end: '2024-11-25'}), AS_OF);
		expect(shifted.programs.CEC.eligible).toBe(false);
		expect(criterion(shifted, 'CEC', 'cec.canadian-experience').detail).toContain('1,555 of 1,560');
		expect(sections(shifted)).toEqual(V25_SECTIONS);
		expect(shifted.programs.FSW).toMatchObject({eligible: true, points: 72});
	});

	it('two years of Canadian work ending before the CEC window: 2 CRS years, 0 CEC hours (like V26)', () => {
		const periods = [canadianJob('2021-06-01', '2023-05-31', 30)];
		expect(experience(periods, CANADA, AS_OF, 3).hours).toBe(0);
		expect(experience(periods, CANADA, AS_OF, 10).years).toBe(2);
	});
});

describe('FSW continuous year (decisions.md §7)', () => {
	// Master's (ECA), CELPIP 9 x4, age 29, funds 50,000. FSW grid: language 4 x 6 = 24,
	// education 23, experience 1 yr 9, age 12, no offer, no adaptability = 68.
	// CRS (no Canadian work): core 110 + 135 + 4 x 31 = 369; transferability: education
	// (master's + CLB 9) 50, foreign 1 yr + CLB 9: 25 → 75; total 444.
	const withPeriods = (periods: WorkPeriod[]) =>
		application(person({education: {level: 'master', ecaReference: 'WES-1'}, languageTests: [celpip('2025-06-01', 9)], workExperience: periods}));
	// 2024-01-01..2024-06-30 = 182 days; 2024-07-01..2024-12-29 = 182 days; together 364 days x 30/7 = 1,560 h.
	const first = foreignJob('2024-01-01', '2024-06-30', 30);

	it('periods of one NOC that touch form one continuous year', () => {
		const result = assess(withPeriods([first, foreignJob('2024-07-01', '2024-12-29', 30)]), AS_OF);
		expect(result.programs.FSW).toMatchObject({eligible: true, points: 68});
		expect(sections(result)).toEqual({core: 369, spouse: 0, transferability: 75, additional: 0, total: 444});
	});

	it('overlapping periods of one NOC also form one stretch', () => {
		const result = assess(withPeriods([first, foreignJob('2024-06-01', '2024-12-29', 30)]), AS_OF);
		expect(result.programs.FSW).toMatchObject({eligible: true, points: 68});
	});

	it('one missing day (2024-07-01) breaks the stretch: FSW fails before the grid, CRS unchanged', () => {
		const result = assess(withPeriods([first, foreignJob('2024-07-02', '2024-12-30', 30)]), AS_OF);
		expect(result.programs.FSW).toMatchObject({eligible: false, points: null});
		expect(criterion(result, 'FSW', 'fsw.continuous-work').passed).toBe(false);
		// Still 364 days x 30/7 = 1,560 h of foreign work for the CRS.
		expect(sections(result)).toEqual({core: 369, spouse: 0, transferability: 75, additional: 0, total: 444});
	});

	it('touching periods in two different NOCs are not one continuous year', () => {
		const result = assess(withPeriods([first, foreignJob('2024-07-01', '2024-12-29', 30, {nocCode: '21232'})]), AS_OF);
		expect(result.programs.FSW).toMatchObject({eligible: false, points: null});
	});

	it('bestContinuousStretch reports the joined stretch and its capped hours', () => {
		const stretch = bestContinuousStretch([foreignJob('2024-07-01', '2024-12-29', 45), first], windowBefore(AS_OF, 10), AS_OF);
		expect(stretch).toMatchObject({nocCode: '21231', start: '2024-01-01', end: '2024-12-29'});
		expect(stretch!.hours).toBeCloseTo(1560, 9);
		const broken = bestContinuousStretch([first, foreignJob('2024-07-02', '2024-12-30', 30)], windowBefore(AS_OF, 10), AS_OF);
		expect(broken!.hours).toBeCloseTo(780, 9);
	});
});

describe('officer findings', () => {
	it("a period marked 'not_credited' is left out of every count", () => {
		const result = assess(v25With({finding: 'not_credited'}), AS_OF);
		expect(sections(result)).toEqual(V24_SECTIONS);
		expect(eligibility(result)).toEqual({CEC: false, FSW: false, FST: false});
	});

	it("'claimed' and 'verified' periods count", () => {
		expect(sections(assess(v25With({finding: 'claimed'}), AS_OF))).toEqual(V25_SECTIONS);
		expect(sections(assess(v25With({finding: 'verified'}), AS_OF))).toEqual(V25_SECTIONS);
	});

	it('a not-credited foreign period is left out too', () => {
		const app = vectorApplication('V01');
		app.applicant.workExperience[0]!.finding = 'not_credited';
		const result = assess(app, AS_OF);
		expect(sections(result)).toMatchObject({transferability: 25, total: 379});
		expect(result.programs.FSW.points).toBeNull();
	});
});
