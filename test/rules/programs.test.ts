/**
 * Scenarios of rules.md §8 whose vectors are not among the fixtures (V02, V08, V09, V15, V19,
 * V28, V37, V38, V39, ...). Every expected number is worked out by hand from the rule-book
 * tables in the comment beside it.
 */
import {describe, expect, it} from 'vitest';
import type {Application, JobOffer, LanguageTest, WorkPeriod} from '../../source/rules/application.js';
import {assess, eligiblePrograms} from '../../source/rules/assess.js';
import {completedYears} from '../../source/rules/dates.js';
import {fstTradeGroup} from '../../source/rules/noc.js';
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
	spouse,
	tcf,
	tcfNclc7,
	tef,
	vector,
	vectorApplication,
} from './builders.js';

// Reference: V01 as of 2026-11-29 — single, 29, bachelor's (ECA), IELTS 8/7/7/7 = CLB 9 x4,
// 3 years of foreign TEER 1 work, funds 20,000.
//   CRS core 354 = age 110 + education 120 + language 4 x 31 = 124; transferability 75 =
//   education group (bachelor + CLB 9) 25 + foreign group (3 yrs + CLB 9) 50; total 429.
//   FSW 68 = language 4 x 6 = 24 + education 21 + experience (3 yrs) 11 + age 12.
const V01 = () => vectorApplication('V01');

function v01BornOn(dateOfBirth: string): Application {
	const app = V01();
	app.applicant.dateOfBirth = dateOfBirth;
	return app;
}

/** V01 with an accompanying, non-citizen spouse who earns 0 points (no ECA, no test, no work). */
function v01WithZeroSpouse(extra: Partial<ReturnType<typeof spouse>> = {}): Application {
	const app = V01();
	app.applicant.maritalStatus = 'married';
	app.spouse = spouse(extra);
	return app;
}

describe('age (rules.md §5.2, §3.2 factor 4, §8.2)', () => {
	// Single column: 17 → 0, 44 → 6, 45 → 0. FSW: <18 → 0, 44 → 3, 45 → 2, 46 → 1, 47 → 0.
	it('17 (birthday on asOf): 0 CRS age points; FSW age 0', () => {
		const result = assess(v01BornOn('2009-11-29'), AS_OF);
		// core 354 - 110 = 244; total 244 + 75 = 319. FSW 68 - 12 = 56 (< 67).
		expect(sections(result)).toEqual({core: 244, spouse: 0, transferability: 75, additional: 0, total: 319});
		expect(factorPoints(result, 'age')).toBe(0);
		expect(result.programs.FSW).toMatchObject({eligible: false, points: 56});
	});

	it('44: 6 CRS points; FSW 3', () => {
		// Born 1982-11-29: 44 on asOf. core 244 + 6 = 250; total 325. FSW 56 + 3 = 59.
		const result = assess(v01BornOn('1982-11-29'), AS_OF);
		expect(sections(result)).toMatchObject({core: 250, total: 325});
		expect(result.programs.FSW.points).toBe(59);
	});

	it('45 (birthday on asOf): 0 CRS points, not 6; FSW 2', () => {
		const result = assess(v01BornOn('1981-11-29'), AS_OF);
		expect(sections(result)).toMatchObject({core: 244, total: 319});
		expect(factorPoints(result, 'age')).toBe(0);
		expect(result.programs.FSW.points).toBe(58);
	});

	it('one day before the 45th birthday the applicant is still 44', () => {
		const result = assess(v01BornOn('1981-11-30'), AS_OF);
		expect(factorPoints(result, 'age')).toBe(6);
		expect(result.programs.FSW.points).toBe(59);
	});

	it('FSW age 46 → 1 point, 47 → 0 points (56 + 1 = 57, 56 + 0 = 56)', () => {
		expect(assess(v01BornOn('1980-11-29'), AS_OF).programs.FSW.points).toBe(57);
		expect(assess(v01BornOn('1979-11-29'), AS_OF).programs.FSW.points).toBe(56);
	});

	it('with-spouse column: 17 → 0, 44 → 5, 45 → 0', () => {
		// With spouse (29): age 100 + education 112 + language 4 x 29 = 116 → 328.
		const at = (dateOfBirth: string) => {
			const app = v01WithZeroSpouse();
			app.applicant.dateOfBirth = dateOfBirth;
			return factorPoints(assess(app, AS_OF), 'age');
		};
		expect(at('2009-11-29')).toBe(0);
		expect(at('1982-11-29')).toBe(5);
		expect(at('1981-11-29')).toBe(0);
		expect(at('1997-03-14')).toBe(100);
	});
});

describe('spouse status decides the column (rules.md §5.1, §8.1; decisions.md §12)', () => {
	// With-spouse column for V01's applicant: age 100 + education 112 + language 4 x 29 = 116 → 328;
	// transferability is the same table either way: 75. Zero-point spouse: section B = 0.
	it('accompanying non-citizen spouse with 0 spouse points → with-spouse columns (V23)', () => {
		const result = assess(v01WithZeroSpouse(), AS_OF);
		expect(sections(result)).toEqual({core: 328, spouse: 0, transferability: 75, additional: 0, total: 403});
		expect(result.programs.FSW).toMatchObject({eligible: true, points: 68});
	});

	it('common-law partner counts like a spouse', () => {
		const app = v01WithZeroSpouse();
		app.applicant.maritalStatus = 'common-law';
		expect(sections(assess(app, AS_OF))).toMatchObject({core: 328, total: 403});
	});

	it('an accompanying spouse with points adds section B', () => {
		// Spouse bachelor's (ECA) 8 + CELPIP 7 x4: 4 x 3 = 12 → 20; total 403 + 20 = 423.
		const app = v01WithZeroSpouse({education: {level: 'bachelor', ecaReference: 'WES-2'}, languageTests: [celpip('2025-06-01', 7)]});
		expect(sections(assess(app, AS_OF))).toEqual({core: 328, spouse: 20, transferability: 75, additional: 0, total: 423});
	});

	const single = vector('V01').expected.crs; // 354 / 0 / 75 / 0 / 429
	it('non-accompanying spouse → single columns, no section B (V18/V19)', () => {
		const app = v01WithZeroSpouse({accompanying: false, education: {level: 'doctoral', ecaReference: 'WES-3'}, languageTests: [celpip('2025-06-01', 10)]});
		expect(sections(assess(app, AS_OF))).toEqual(single);
	});

	it('accompanying spouse who is a citizen or PR → single columns, no section B', () => {
		const app = v01WithZeroSpouse({canadianCitizenOrPR: true, education: {level: 'doctoral', ecaReference: 'WES-3'}, languageTests: [celpip('2025-06-01', 10)]});
		expect(sections(assess(app, AS_OF))).toEqual(single);
	});

	it('a spouse object on a separated applicant is ignored (single columns, family of 1)', () => {
		const app = v01WithZeroSpouse();
		app.applicant.maritalStatus = 'separated';
		app.fundsCad = 15263;
		const result = assess(app, AS_OF);
		expect(sections(result)).toEqual(single);
		expect(result.clb.spouse).toBeNull();
		expect(criterion(result, 'FSW', 'fsw.settlement-funds').passed).toBe(true);
	});
});

describe('FSW second official language: 4 points all or nothing (rules.md §3.2, §8.10)', () => {
	// TEF Canada (current scale) NCLC 5 minimums: L 352, R 352, W 330, S 387; S 386 is NCLC 4.
	it('NCLC 5 in all four French abilities: FSW 68 + 4 = 72; CRS second language 4 x 1 = 4 (core 358)', () => {
		const app = V01();
		app.applicant.languageTests.push(tef('2025-06-01', 352, 352, 330, 387));
		const result = assess(app, AS_OF);
		expect(result.programs.FSW.points).toBe(72);
		expect(sections(result)).toMatchObject({core: 358, total: 433});
	});

	it('one French ability at NCLC 4: FSW 0 extra (68), while the CRS still gives 1 + 1 + 1 + 0 = 3 (core 357)', () => {
		const app = V01();
		app.applicant.languageTests.push(tef('2025-06-01', 352, 352, 330, 386));
		const result = assess(app, AS_OF);
		expect(result.programs.FSW.points).toBe(68);
		expect(sections(result)).toMatchObject({core: 357, total: 432});
	});
});

describe('French bonus (rules.md §5.5, §8.5)', () => {
	// Single, 29, bachelor's (ECA), no work. First-language column: NCLC 7 → 17, CLB 9 → 31.
	const french = (...tests: LanguageTest[]) =>
		assess(application(person({languageTests: tests})), AS_OF);

	it('NCLC 7 x4 and no English test → 25 (V37)', () => {
		// core 110 + 120 + 4 x 17 = 298; transferability bachelor + CLB 7 = 13; additional 25; total 336.
		const result = french(tcfNclc7('2025-06-01'));
		expect(factorPoints(result, 'french')).toBe(25);
		expect(sections(result)).toEqual({core: 298, spouse: 0, transferability: 13, additional: 25, total: 336});
	});

	it('NCLC 7 x4 and English CLB 5 x4 → 50 (V16)', () => {
		// French total 28 > English 20: French first. Second language CLB 5: 4 x 1 = 4 → core 302.
		// transferability 13; additional 50; total 365.
		const result = french(tcfNclc7('2025-06-01'), celpip('2025-06-01', 5));
		expect(factorPoints(result, 'french')).toBe(50);
		expect(sections(result)).toEqual({core: 302, spouse: 0, transferability: 13, additional: 50, total: 365});
	});

	it('NCLC 7 x4 and English with one ability at CLB 4 → 25 (V15)', () => {
		// Second language 1 + 1 + 1 + 0 = 3 → core 301; transferability 13; additional 25; total 339.
		const result = french(tcfNclc7('2025-06-01'), celpip('2025-06-01', 5, 5, 5, 4));
		expect(factorPoints(result, 'french')).toBe(25);
		expect(sections(result)).toEqual({core: 301, spouse: 0, transferability: 13, additional: 25, total: 339});
	});

	it('one French ability at NCLC 6 → 0 (V36)', () => {
		// TCF speaking 9 = NCLC 6. core 110 + 120 + 3 x 17 + 9 = 290; transferability: lowest 6 → 0; total 290.
		const result = french(tcf('2025-06-01', 458, 453, 10, 9));
		expect(factorPoints(result, 'french')).toBe(0);
		expect(sections(result)).toEqual({core: 290, spouse: 0, transferability: 0, additional: 0, total: 290});
	});

	it('French as the second language still earns the bonus', () => {
		// English CLB 9 first: 110 + 120 + 124 + French second 4 x 3 = 12 → 366;
		// transferability bachelor + CLB 9 = 25; additional 50; total 441.
		const result = french(celpip('2025-06-01', 9), tcfNclc7('2025-06-01'));
		expect(result.clb.applicant.first?.language).toBe('en');
		expect(sections(result)).toEqual({core: 366, spouse: 0, transferability: 25, additional: 50, total: 441});
	});
});

describe('caps (rules.md §5.1, §5.4, §8.4)', () => {
	// Like V34: the maximum with an accompanying spouse.
	//   PA 29 (with spouse 100), Canadian doctorate 140, CELPIP 12 x4 = CLB 10: 4 x 32 = 128,
	//   TEF 560 x4 = NCLC 10 second language 4 x 6 = 24 capped at 22, 5+ yrs Canadian work 70
	//   → core 100 + 140 + 128 + 22 + 70 = 460.
	//   Spouse: doctorate (ECA) 10 + CELPIP 10 x4: 4 x 5 = 20 + 5+ yrs Canadian work 10 = 40.
	//   Transferability: education 50 + 50 → 50; foreign (4 yrs) 50 + 0 → 50; total 100.
	//   Additional: PNP 600 + sibling 15 + French 50 + Canadian doctorate 30 = 695 → 600.
	//   Total 460 + 40 + 100 + 600 = 1,200.
	const maximum = () =>
		application(
			person({
				maritalStatus: 'married',
				education: {level: 'doctoral', canadianCredential: {level: 'doctoral', years: 4}},
				languageTests: [celpip('2025-06-01', 12), tef('2025-06-01', 560)],
				workExperience: [canadianJob('2021-01-04', undefined, 40), foreignJob('2017-01-02', '2020-12-31', 40)],
			}),
			{
				spouse: spouse({
					education: {level: 'doctoral', ecaReference: 'WES-9'},
					languageTests: [celpip('2025-06-01', 10)],
					workExperience: [canadianJob('2021-01-04', undefined, 30, {nocCode: '13110'})],
				}),
				provincialNomination: true,
				siblingInCanada: true,
			},
		);

	it('maximum with an accompanying spouse: 460 + 40 + 100 + 600 = 1,200 (second language capped at 22)', () => {
		const result = assess(maximum(), AS_OF);
		expect(sections(result)).toEqual({core: 460, spouse: 40, transferability: 100, additional: 600, total: 1200});
		expect(factorPoints(result, 'second-language-cap')).toBe(22 - 24);
		expect(factorPoints(result, 'additional-cap')).toBe(600 - 695);
	});

	it('single with NCLC 10 second language: 4 x 6 = 24, the single cap, so no cap line', () => {
		const app = maximum();
		app.applicant.maritalStatus = 'single';
		app.spouse = null;
		const result = assess(app, AS_OF);
		// 110 + 150 + 4 x 34 + 24 + 80 = 500.
		expect(sections(result)).toMatchObject({core: 500, spouse: 0, total: 1200});
		expect(result.crs.factors.some((entry) => entry.factor === 'second-language-cap')).toBe(false);
	});

	it('transferability groups can add up to 150 but the section is capped at 100 (like V21)', () => {
		// V01 (CLB 9 x4, 3 yrs foreign, bachelor's) with a master's and a certificate of qualification:
		// education (master's + CLB 9) 50, foreign (3 yrs + CLB 9) 50, certificate + CLB 7+ 50 = 150 → 100.
		const app = V01();
		app.applicant.education = {level: 'master', ecaReference: 'WES-5'};
		app.applicant.certificateOfQualification = true;
		const result = assess(app, AS_OF);
		expect(result.crs.transferability).toBe(100);
		expect(factorPoints(result, 'certificate-of-qualification+language')).toBe(50);
		expect(factorPoints(result, 'transferability-cap')).toBe(-50);
	});
});

describe('Quebec (rules.md §8.8, V28)', () => {
	const toQuebec = (id: string) => {
		const app = vectorApplication(id);
		app.intendedProvince = 'QC';
		return assess(app, vector(id).asOf);
	};

	it('CEC and FSW become ineligible; the CRS (1,200) and FSW points (90) are unchanged (V22)', () => {
		const result = toQuebec('V22');
		expect(sections(result)).toEqual(vector('V22').expected.crs);
		expect(eligibility(result)).toEqual({CEC: false, FSW: false, FST: false});
		expect(result.programs.FSW.points).toBe(90);
		expect(criterion(result, 'CEC', 'cec.outside-quebec').passed).toBe(false);
		expect(criterion(result, 'FSW', 'fsw.outside-quebec').passed).toBe(false);
		// Quebec is the only failing criterion.
		expect(result.programs.CEC.criteria.filter((entry) => !entry.passed).map((entry) => entry.id)).toEqual(['cec.outside-quebec']);
		expect(result.programs.FSW.criteria.filter((entry) => !entry.passed).map((entry) => entry.id)).toEqual(['fsw.outside-quebec']);
	});

	it('FST becomes ineligible; the CRS (143) is unchanged (V30)', () => {
		const result = toQuebec('V30');
		expect(sections(result)).toEqual(vector('V30').expected.crs);
		expect(eligiblePrograms(result)).toEqual([]);
		expect(result.programs.FST.criteria.filter((entry) => !entry.passed).map((entry) => entry.id)).toEqual(['fst.outside-quebec']);
	});
});

describe('arranged employment by rule version (rules.md §5.5, §7.6; decisions.md §1)', () => {
	// Single, born 1995-01-01 (30 on both dates), bachelor's (ECA), CELPIP 9 x4 (2024-06-01), no work.
	// core 105 + 120 + 4 x 31 = 349; transferability bachelor + CLB 9 = 25; without offer 374.
	const withOffer = (jobOffer: JobOffer | null, extra: Partial<Application> = {}) =>
		application(person({dateOfBirth: '1995-01-01', languageTests: [celpip('2024-06-01', 9)]}), {jobOffer, ...extra});

	it('2025-03-24: NOC 00 offer 200 (total 574), other TEER 0-3 offer 50 (424), TEER 4 offer 0; rules of 2020-10-27', () => {
		const senior = assess(withOffer({nocCode: '00012', lmia: true}), '2025-03-24');
		expect(senior.rulesVersion).toBe('2020-10-27');
		expect(factorPoints(senior, 'arranged-employment')).toBe(200);
		expect(sections(senior)).toEqual({core: 349, spouse: 0, transferability: 25, additional: 200, total: 574});
		const other = assess(withOffer({nocCode: '21231', lmia: true}), '2025-03-24');
		expect(sections(other)).toMatchObject({additional: 50, total: 424});
		const teer0 = assess(withOffer({nocCode: '10010'}), '2025-03-24');
		expect(factorPoints(teer0, 'arranged-employment')).toBe(50);
		const unskilled = assess(withOffer({nocCode: '44101'}), '2025-03-24');
		expect(sections(unskilled)).toMatchObject({additional: 0, total: 374});
	});

	it('from 2025-03-25: 0 for every offer; rules of 2025-03-25', () => {
		for (const nocCode of ['00012', '21231']) {
			const result = assess(withOffer({nocCode, lmia: true}), '2025-03-25');
			expect(result.rulesVersion).toBe('2025-03-25');
			expect(factorPoints(result, 'arranged-employment')).toBe(0);
			expect(sections(result)).toEqual({core: 349, spouse: 0, transferability: 25, additional: 0, total: 374});
		}
	});

	it('an ITA before 2025-03-25 keeps the old points and rule version (asOf later)', () => {
		const result = assess(withOffer({nocCode: '00012'}, {invitedAt: '2025-03-24T23:59:59Z'}), '2025-04-10');
		expect(result.rulesVersion).toBe('2020-10-27');
		expect(sections(result)).toMatchObject({additional: 200, total: 574});
	});

	it('the ITA counts on its UTC date: 2025-03-25T00:00:00Z is already the new rules', () => {
		const result = assess(withOffer({nocCode: '00012'}, {invitedAt: '2025-03-25T00:00:00Z'}), '2025-04-10');
		expect(result.rulesVersion).toBe('2025-03-25');
		expect(sections(result)).toMatchObject({additional: 0, total: 374});
	});
});

describe('age locked at the ITA date (rules.md §7.4; decisions.md §1)', () => {
	// V01 born 1990-11-20: 35 until 2026-11-19, 36 from 2026-11-20 (asOf 2026-11-29).
	// 35: CRS 77, FSW 12 → core 354 - 110 + 77 = 321, total 396, FSW 68.
	// 36: CRS 72, FSW 11 → core 316, total 391, FSW 67 (same as V07).
	const invited = (invitedAt?: string) => {
		const app = v01BornOn('1990-11-20');
		if (invitedAt) app.invitedAt = invitedAt;
		return assess(app, AS_OF);
	};

	it('without an ITA the age on asOf (36) counts', () => {
		const result = invited();
		expect(sections(result)).toMatchObject({core: 316, total: 391});
		expect(result.programs.FSW.points).toBe(67);
	});

	it('ITA on 2026-11-15, birthday 2026-11-20, asOf 2026-11-29: age 35 counts for CRS and FSW', () => {
		const result = invited('2026-11-15T14:00:00Z');
		expect(factorPoints(result, 'age')).toBe(77);
		expect(sections(result)).toMatchObject({core: 321, total: 396});
		expect(result.programs.FSW.points).toBe(68);
	});

	it('the ITA instant is taken on its UTC date (23:59:59Z on the day before the birthday vs 00:00Z on it)', () => {
		expect(sections(invited('2026-11-19T23:59:59Z')).total).toBe(396);
		expect(sections(invited('2026-11-20T00:00:00Z')).total).toBe(391);
	});

	it('an ITA after asOf does not lock anything', () => {
		expect(sections(invited('2026-12-01T10:00:00Z')).total).toBe(391);
	});

	it('the lock does not move windows or test validity: those stay on asOf', () => {
		const app = v01BornOn('1990-11-20');
		app.invitedAt = '2026-11-15T14:00:00Z';
		// Test dated 2024-11-20: valid on the ITA date, expired on 2026-11-20, before asOf.
		app.applicant.languageTests = [celpip('2024-11-20', 9)];
		const result = assess(app, AS_OF);
		expect(result.clb.applicant.first).toBeNull();
		expect(result.programs.FSW.points).toBeNull();
	});
});

describe('29 February birthday (decisions.md §1)', () => {
	it('completedYears: the birthday is reached on 1 March in a common year, on 29 February in a leap year', () => {
		expect(completedYears('2008-02-29', '2026-02-28')).toBe(17);
		expect(completedYears('2008-02-29', '2026-03-01')).toBe(18);
		expect(completedYears('2008-02-29', '2028-02-28')).toBe(19);
		expect(completedYears('2008-02-29', '2028-02-29')).toBe(20);
	});

	it('CRS age points change on 1 March: born 1992-02-29 is 34 (83) on 2027-02-28 and 35 (77) on 2027-03-01', () => {
		const app = application(person({dateOfBirth: '1992-02-29', languageTests: [celpip('2026-01-01', 9)]}));
		expect(factorPoints(assess(app, '2027-02-28'), 'age')).toBe(83);
		expect(factorPoints(assess(app, '2027-03-01'), 'age')).toBe(77);
	});

	it('turning 18 on 1 March: 0 CRS points on 2026-02-28, 99 on 2026-03-01', () => {
		const app = application(person({dateOfBirth: '2008-02-29', languageTests: [celpip('2026-01-01', 9)]}));
		expect(factorPoints(assess(app, '2026-02-28'), 'age')).toBe(0);
		expect(factorPoints(assess(app, '2026-03-01'), 'age')).toBe(99);
	});
});

describe('proof of funds (rules.md §3.3, §8.11; decisions.md §10)', () => {
	// Table of 2025-07-07: 1 → 15,263; 2 → 19,001; 4 → 28,362; 7 → 40,392; each additional 4,112.
	const withFunds = (fundsCad: number | undefined, change: (app: Application) => void = () => {}) => {
		const app = V01();
		if (fundsCad === undefined) delete app.fundsCad;
		else app.fundsCad = fundsCad;
		change(app);
		return assess(app, AS_OF);
	};
	const fundsPassed = (result: ReturnType<typeof assess>) => criterion(result, 'FSW', 'fsw.settlement-funds').passed;

	it('family of 1: exactly 15,263 passes, 15,262 fails (points still shown)', () => {
		expect(withFunds(15263).programs.FSW).toMatchObject({eligible: true, points: 68});
		const short = withFunds(15262);
		expect(short.programs.FSW).toMatchObject({eligible: false, points: 68});
		expect(fundsPassed(short)).toBe(false);
		expect(criterion(short, 'FSW', 'fsw.settlement-funds').detail).toContain('15,263');
	});

	it('absent funds count as 0', () => {
		expect(fundsPassed(withFunds(undefined))).toBe(false);
	});

	it('a non-accompanying spouse and two children make a family of 4: 28,362 passes, 28,361 fails', () => {
		const family = (app: Application) => {
			app.applicant.maritalStatus = 'married';
			app.spouse = spouse({accompanying: false});
			app.dependentChildren = 2;
		};
		expect(withFunds(28362, family).programs.FSW.eligible).toBe(true);
		expect(withFunds(28361, family).programs.FSW.eligible).toBe(false);
	});

	it('a citizen/PR spouse counts: family of 2 needs 19,001', () => {
		const family = (app: Application) => {
			app.applicant.maritalStatus = 'common-law';
			app.spouse = spouse({canadianCitizenOrPR: true});
		};
		expect(fundsPassed(withFunds(19001, family))).toBe(true);
		expect(fundsPassed(withFunds(19000, family))).toBe(false);
	});

	it('family of 8 (applicant, spouse, 6 children): 40,392 + 4,112 = 44,504', () => {
		const family = (app: Application) => {
			app.applicant.maritalStatus = 'married';
			app.spouse = spouse();
			app.dependentChildren = 6;
		};
		expect(fundsPassed(withFunds(44504, family))).toBe(true);
		expect(fundsPassed(withFunds(44503, family))).toBe(false);
	});

	describe('exemption: valid job offer and an authorized Canadian job on asOf', () => {
		const offer = {nocCode: '21231', lmia: true};
		const exempt = (jobOffer: JobOffer | null, job: WorkPeriod) =>
			withFunds(0, (app) => {
				app.jobOffer = jobOffer;
				app.applicant.workExperience.push(job);
			});

		it('ongoing authorized Canadian job + TEER 0-3 offer: exempt with 0 funds (FSW and FST criteria)', () => {
			const result = exempt(offer, canadianJob('2026-06-01', undefined, 30));
			expect(fundsPassed(result)).toBe(true);
			expect(criterion(result, 'FST', 'fst.settlement-funds').passed).toBe(true);
			expect(result.programs.FSW.eligible).toBe(true);
		});

		it('a job ending on asOf still covers it; one ending the day before does not', () => {
			expect(fundsPassed(exempt(offer, canadianJob('2026-06-01', AS_OF, 30)))).toBe(true);
			expect(fundsPassed(exempt(offer, canadianJob('2026-06-01', '2026-11-28', 30)))).toBe(false);
		});

		it('the current Canadian job may be of any TEER (it shows work authorization)', () => {
			expect(fundsPassed(exempt(offer, canadianJob('2026-06-01', undefined, 30, {nocCode: '44101'})))).toBe(true);
		});

		it("no exemption from a current job the officer marked 'not_credited'", () => {
			const result = exempt(offer, canadianJob('2026-06-01', undefined, 30, {finding: 'not_credited'}));
			expect(fundsPassed(result)).toBe(false);
			expect(criterion(result, 'FST', 'fst.settlement-funds').passed).toBe(false);
			expect(result.programs.FSW.eligible).toBe(false);
		});

		it('no exemption without an offer, with a TEER 4 offer, without an explicit authorization, or for a job abroad', () => {
			expect(fundsPassed(exempt(null, canadianJob('2026-06-01', undefined, 30)))).toBe(false);
			expect(fundsPassed(exempt({nocCode: '44101'}, canadianJob('2026-06-01', undefined, 30)))).toBe(false);
			const {authorized: _a, ...unmarked} = canadianJob('2026-06-01', undefined, 30);
			expect(fundsPassed(exempt(offer, unmarked))).toBe(false);
			expect(fundsPassed(exempt(offer, foreignJob('2026-06-01', undefined, 30)))).toBe(false);
		});
	});
});

describe('CEC language threshold by TEER (rules.md §2; decisions.md §6)', () => {
	// V12: single, CELPIP 5 x4, 1,680 h of Canadian TEER 3 (NOC 33102) in the 3-year window → CEC.
	const v12 = (clb: number | [number, number, number, number], periods?: WorkPeriod[]) => {
		const app = vectorApplication('V12');
		const levels = typeof clb === 'number' ? [clb, clb, clb, clb] : clb;
		app.applicant.languageTests = [celpip('2025-12-06', levels[0]!, levels[1], levels[2], levels[3])];
		if (periods) app.applicant.workExperience = periods;
		return assess(app, AS_OF);
	};
	const withNoc = (nocCode: string) => [canadianJob('2025-04-07', '2026-05-03', 30, {nocCode})];

	it('TEER 3 or TEER 2 experience: CLB 5 in all four is enough, one ability at 4 is not', () => {
		expect(v12(5).programs.CEC.eligible).toBe(true);
		expect(v12(5, withNoc('22310')).programs.CEC.eligible).toBe(true);
		expect(v12([5, 5, 4, 5]).programs.CEC.eligible).toBe(false);
	});

	it('TEER 1 or TEER 0 experience: CLB 5 fails, CLB 7 passes', () => {
		for (const nocCode of ['21231', '10010']) {
			const low = v12(5, withNoc(nocCode));
			expect(low.programs.CEC.eligible).toBe(false);
			expect(criterion(low, 'CEC', 'cec.language').detail).toContain('7 needed');
			expect(v12(7, withNoc(nocCode)).programs.CEC.eligible).toBe(true);
			expect(v12([7, 7, 7, 6], withNoc(nocCode)).programs.CEC.eligible).toBe(false);
		}
	});

	it('mixed year (780 h TEER 3 + 780 h TEER 1): CLB 7 is required', () => {
		const mixed = [
			canadianJob('2025-06-02', '2025-11-30', 30, {nocCode: '33102'}),
			canadianJob('2025-12-01', '2026-05-31', 30, {nocCode: '21231'}),
		];
		expect(v12(5, mixed).programs.CEC.eligible).toBe(false);
		expect(v12(7, mixed).programs.CEC.eligible).toBe(true);
	});

	it('a full TEER 3 year plus TEER 1 work: CLB 5 is enough', () => {
		const both = [
			canadianJob('2025-06-02', '2026-05-31', 30, {nocCode: '33102'}),
			canadianJob('2024-06-03', '2025-06-01', 30, {nocCode: '21231'}),
		];
		const result = v12(5, both);
		expect(result.programs.CEC.eligible).toBe(true);
		expect(criterion(result, 'CEC', 'cec.language').detail).toContain('5 needed');
	});
});

describe('FST trades (rules.md §4; decisions.md §13)', () => {
	it('trade groups: 72 except 726, 73, 82, 83, 92, 93 except 932, 6320x, 62200', () => {
		const table: Array<[string, string | null]> = [
			['72106', 'Major Group 72'],
			['72410', 'Major Group 72'],
			['72600', null],
			['72603', null],
			['73300', 'Major Group 73'],
			['82010', 'Major Group 82'],
			['83100', 'Major Group 83'],
			['92100', 'Major Group 92'],
			['93100', 'Major Group 93'],
			['93200', null],
			['63200', 'Minor Group 6320'],
			['63201', 'Minor Group 6320'],
			['63202', 'Minor Group 6320'],
			['63210', null],
			['62200', 'Unit Group 62200'],
			['62201', null],
			['21231', null],
			['00012', null],
		];
		for (const [noc, group] of table) expect([noc, fstTradeGroup(noc)]).toEqual([noc, group]);
	});

	// V29: 4 years of foreign welding (72106), CELPIP L5 R4 W4 S5, certificate of qualification → FST.
	const v29 = (change: (app: Application) => void) => {
		const app = vectorApplication('V29');
		change(app);
		return assess(app, AS_OF);
	};

	it('the same work history in each listed trade qualifies; in an excluded group it does not', () => {
		const fstFor = (nocCode: string) => v29((app) => (app.applicant.workExperience[0]!.nocCode = nocCode)).programs.FST.eligible;
		for (const noc of ['72106', '73300', '82010', '83100', '92100', '93100', '63200', '63202', '62200']) expect([noc, fstFor(noc)]).toEqual([noc, true]);
		for (const noc of ['72600', '93200', '63210', '62201', '21231']) expect([noc, fstFor(noc)]).toEqual([noc, false]);
	});

	it('without a certificate of qualification, a job offer helps only in the same NOC', () => {
		const withOffer = (jobOffer: JobOffer | null) =>
			v29((app) => {
				app.applicant.certificateOfQualification = false;
				app.jobOffer = jobOffer;
			});
		expect(withOffer(null).programs.FST.eligible).toBe(false);
		expect(withOffer({nocCode: '72106', lmia: true}).programs.FST.eligible).toBe(true);
		const otherTrade = withOffer({nocCode: '72100', lmia: true});
		expect(otherTrade.programs.FST.eligible).toBe(false);
		expect(criterion(otherTrade, 'FST', 'fst.offer-or-certificate').passed).toBe(false);
		expect(withOffer({nocCode: '21231', lmia: true}).programs.FST.eligible).toBe(false);
	});

	it('FST language floor: listening 4 fails (needs 5); reading 4 passes', () => {
		expect(v29((app) => (app.applicant.languageTests[0]!.listening = 4)).programs.FST.eligible).toBe(false);
		expect(v29(() => {}).programs.FST.eligible).toBe(true);
	});
});

describe('reference date before Express Entry', () => {
	it('asOf 2014-12-31 throws RangeError; 2015-01-01 uses the launch rules', () => {
		expect(() => assess(V01(), '2014-12-31')).toThrow(RangeError);
		expect(assess(V01(), '2015-01-01').rulesVersion).toBe('2015-01-01');
	});
});
