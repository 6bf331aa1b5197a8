/**
 * Language tests → CLB/NCLC (rules.md §6), result validity and the choice of first and second
 * official language (decisions.md §3, §15).
 */
import {describe, expect, it} from 'vitest';
import {assess} from '../../source/rules/assess.js';
import {isTestValid, languageOf, officialLanguages, toClb} from '../../source/rules/language.js';
import {AS_OF, application, celpip, ielts, person, pte, tcf, tcfNclc7, tef} from './builders.js';

/** CLB of one ability, the other three held at a neutral score. */
const ieltsL = (band: number) => toClb(ielts('2025-01-01', band, 6, 6, 6)).L;
const ieltsR = (band: number) => toClb(ielts('2025-01-01', 6, band, 6, 6)).R;
const ieltsW = (band: number) => toClb(ielts('2025-01-01', 6, 6, band, 6)).W;
const ieltsS = (band: number) => toClb(ielts('2025-01-01', 6, 6, 6, band)).S;

describe('IELTS General Training → CLB (rules.md §6 table)', () => {
	it('listening 6.0, 6.5 and 7.0 are all CLB 7; 5.5 is 6; 7.5 is 8; 8.0 is 9; 8.5 is 10', () => {
		expect([6.0, 6.5, 7.0].map(ieltsL)).toEqual([7, 7, 7]);
		expect(ieltsL(5.5)).toBe(6);
		expect(ieltsL(7.5)).toBe(8);
		expect(ieltsL(8.0)).toBe(9);
		expect(ieltsL(8.5)).toBe(10);
		expect(ieltsL(9.0)).toBe(10);
	});

	it('reading 7.0 and 7.5 are both CLB 9; 6.5 is 8; 8.0 is 10; 5.0 and 5.5 are 6', () => {
		expect([7.0, 7.5].map(ieltsR)).toEqual([9, 9]);
		expect(ieltsR(6.5)).toBe(8);
		expect(ieltsR(8.0)).toBe(10);
		expect([5.0, 5.5].map(ieltsR)).toEqual([6, 6]);
	});

	it('writing and speaking: 7.5 is CLB 10, 7.0 is 9, 5.0 is 5, 4.0 is 4', () => {
		expect([7.5, 7.0, 6.5, 6.0, 5.5, 5.0, 4.0].map(ieltsW)).toEqual([10, 9, 8, 7, 6, 5, 4]);
		expect([7.5, 7.0, 6.5, 6.0, 5.5, 5.0, 4.0].map(ieltsS)).toEqual([10, 9, 8, 7, 6, 5, 4]);
	});

	it('below the CLB 4 band is 0 in every ability (L 4.0, R 3.0, W 3.5, S 3.5)', () => {
		expect(ieltsL(4.5)).toBe(4);
		expect(ieltsL(4.0)).toBe(0);
		expect(ieltsR(3.5)).toBe(4);
		expect(ieltsR(3.0)).toBe(0);
		expect(ieltsW(3.5)).toBe(0);
		expect(ieltsS(3.5)).toBe(0);
	});
});

describe('CELPIP-General → CLB', () => {
	it('levels 11 and 12 count as CLB 10', () => {
		expect(toClb(celpip('2025-01-01', 11, 12, 10, 12))).toEqual({L: 10, R: 10, W: 10, S: 10});
	});

	it('levels 4–10 map one to one; level 3 is reported as 3 (below CLB 4, decisions.md §15)', () => {
		expect(toClb(celpip('2025-01-01', 4, 5, 9, 3))).toEqual({L: 4, R: 5, W: 9, S: 3});
	});
});

describe('PTE Core → CLB', () => {
	const writing = (score: number) => toClb(pte('2025-01-01', 60, 60, score, 68)).W;
	it('writing 68 is CLB 6 and 69 is CLB 7', () => {
		expect(writing(68)).toBe(6);
		expect(writing(69)).toBe(7);
	});

	it('writing 90 is CLB 10 and 89 is CLB 9', () => {
		expect(writing(90)).toBe(10);
		expect(writing(89)).toBe(9);
	});

	it('reading 24 is CLB 3 (the chart goes down to 3) and 23 is 0', () => {
		expect(toClb(pte('2025-01-01', 60, 24, 69, 68)).R).toBe(3);
		expect(toClb(pte('2025-01-01', 60, 23, 69, 68)).R).toBe(0);
	});

	it('each ability uses its own column: 60 is L7 R7 W6 S6', () => {
		expect(toClb(pte('2025-01-01', 60, 60, 60, 60))).toEqual({L: 7, R: 7, W: 6, S: 6});
	});
});

describe('TEF Canada: the scale follows the test date', () => {
	// 450 in every ability: old scale (before 2019-10-01) is above every NCLC 10 minimum
	// (R 263, W 393, L 316, S 393); 2019-10-01..2023-12-10 uniform scale 450–499 = NCLC 7;
	// from 2023-12-11: R/L 434–461 = 7, W 428–471 = 7, S 422–455 = 6.
	it('2019-09-30 uses the old scale', () => {
		expect(toClb(tef('2019-09-30', 450))).toEqual({L: 10, R: 10, W: 10, S: 10});
	});

	it('2019-10-01 and 2023-12-10 use the uniform 2019 scale', () => {
		expect(toClb(tef('2019-10-01', 450))).toEqual({L: 7, R: 7, W: 7, S: 7});
		expect(toClb(tef('2023-12-10', 450))).toEqual({L: 7, R: 7, W: 7, S: 7});
	});

	it('2023-12-11 uses the current scale, where speaking 450 is only NCLC 6', () => {
		expect(toClb(tef('2023-12-11', 450))).toEqual({L: 7, R: 7, W: 7, S: 6});
	});

	it('old scale boundary: reading 207 is NCLC 7, 206 is 6', () => {
		expect(toClb(tef('2019-09-30', 300, 207, 400, 400)).R).toBe(7);
		expect(toClb(tef('2019-09-30', 300, 206, 400, 400)).R).toBe(6);
	});

	it('2019 scale boundaries: 566 is 10, 565 is 9, 300 is 4, 299 below 4', () => {
		expect(toClb(tef('2021-05-05', 566, 565, 300, 299))).toEqual({L: 10, R: 9, W: 4, S: 0});
	});

	it('current scale boundaries: speaking 556 is 10 and 555 is 9; writing 268 is 4 and 267 below 4', () => {
		expect(toClb(tef('2025-01-01', 546, 546, 268, 556))).toEqual({L: 10, R: 10, W: 4, S: 10});
		expect(toClb(tef('2025-01-01', 545, 545, 267, 555))).toEqual({L: 9, R: 9, W: 0, S: 9});
	});
});

describe('TCF Canada → NCLC', () => {
	it('reading 549 is 10 and 548 is 9; reading 523 is 8 but listening 523 is 9', () => {
		expect(toClb(tcf('2025-01-01', 523, 549, 10, 10))).toEqual({L: 9, R: 10, W: 7, S: 7});
		expect(toClb(tcf('2025-01-01', 522, 548, 10, 10))).toEqual({L: 8, R: 9, W: 7, S: 7});
		expect(toClb(tcf('2025-01-01', 523, 523, 10, 10)).R).toBe(8);
	});

	it('writing/speaking 16 is 10, 15 is 9, 6 is 5, 4 is 4, 3 below 4', () => {
		expect(toClb(tcf('2025-01-01', 458, 453, 16, 15))).toMatchObject({W: 10, S: 9});
		expect(toClb(tcf('2025-01-01', 458, 453, 6, 4))).toMatchObject({W: 5, S: 4});
		expect(toClb(tcf('2025-01-01', 458, 453, 3, 3))).toMatchObject({W: 0, S: 0});
	});

	it('TEF and TCF are French; IELTS, CELPIP and PTE Core are English', () => {
		expect(['TEF', 'TCF', 'IELTS-GT', 'CELPIP-G', 'PTE-Core'].map((name) => languageOf(name as never))).toEqual(['fr', 'fr', 'en', 'en', 'en']);
	});
});

describe('validity of a result (decisions.md §3; MI 3(4), 12(3))', () => {
	it('a test dated exactly two years before asOf does not count; one day later it does', () => {
		expect(isTestValid(celpip('2024-11-29', 9), AS_OF)).toBe(false);
		expect(isTestValid(celpip('2024-11-30', 9), AS_OF)).toBe(true);
	});

	it('a test dated on asOf counts; one dated after asOf does not', () => {
		expect(isTestValid(celpip(AS_OF, 9), AS_OF)).toBe(true);
		expect(isTestValid(celpip('2026-11-30', 9), AS_OF)).toBe(false);
	});

	it('PTE Core counts only from 2024-01-30', () => {
		expect(isTestValid(pte('2024-01-29', 80, 80, 80, 80), '2024-06-01')).toBe(false);
		expect(isTestValid(pte('2024-01-30', 80, 80, 80, 80), '2024-06-01')).toBe(true);
		// Another test on 2024-01-29 is not affected.
		expect(isTestValid(ielts('2024-01-29', 8, 8, 8, 8), '2024-06-01')).toBe(true);
	});

	it('a test taken on 29 February expires on 1 March two years later (decisions.md §1)', () => {
		expect(isTestValid(celpip('2024-02-29', 9), '2026-02-28')).toBe(true);
		expect(isTestValid(celpip('2024-02-29', 9), '2026-03-01')).toBe(false);
	});

	it('an expired test gives no language result in the assessment', () => {
		const expired = assess(application(person({languageTests: [celpip('2024-11-29', 9)]})), AS_OF);
		expect(expired.clb.applicant.first).toBeNull();
		const valid = assess(application(person({languageTests: [celpip('2024-11-30', 9)]})), AS_OF);
		expect(valid.clb.applicant.first).toEqual({language: 'en', L: 9, R: 9, W: 9, S: 9});
	});

	it('the assessment ignores a pre-2024-01-30 PTE Core result and uses the valid IELTS instead', () => {
		const applicant = person({languageTests: [pte('2024-01-29', 90, 90, 90, 90), ielts('2025-02-01', 6, 6, 6, 6)]});
		const result = assess(application(applicant), '2025-06-01');
		expect(result.clb.applicant.first).toEqual({language: 'en', L: 7, R: 7, W: 7, S: 7});
	});
});

describe('first and second official language (decisions.md §3)', () => {
	const choose = (tests: Parameters<typeof person>[0]) => officialLanguages(person(tests), AS_OF);

	it('the declared first language is honoured when valid, even with the lower total', () => {
		// English CELPIP 10 x4 = 40; French NCLC 7 x4 = 28.
		const result = choose({firstOfficialLanguage: 'fr', languageTests: [celpip('2025-06-01', 10), tcfNclc7('2025-06-01')]});
		expect(result.first).toMatchObject({language: 'fr', total: 28, min: 7});
		expect(result.second).toMatchObject({language: 'en', total: 40});
	});

	it('a declared first language without a valid test falls back to the other language', () => {
		const expiredFrench = choose({firstOfficialLanguage: 'fr', languageTests: [celpip('2025-06-01', 8), tcfNclc7('2024-11-29')]});
		expect(expiredFrench.first).toMatchObject({language: 'en', total: 32});
		expect(expiredFrench.second).toBeNull();
		const noEnglish = choose({firstOfficialLanguage: 'en', languageTests: [tcfNclc7('2025-06-01')]});
		expect(noEnglish.first).toMatchObject({language: 'fr'});
		expect(noEnglish.second).toBeNull();
	});

	it('undeclared: the higher total is first', () => {
		// CELPIP 6 x4 = 24 < NCLC 7 x4 = 28.
		const result = choose({languageTests: [celpip('2025-06-01', 6), tcfNclc7('2025-06-01')]});
		expect(result.first).toMatchObject({language: 'fr', total: 28});
		expect(result.second).toMatchObject({language: 'en', total: 24});
	});

	it('undeclared with equal totals: English is first', () => {
		// CELPIP 7 x4 = 28 = NCLC 7 x4.
		const result = choose({languageTests: [tcfNclc7('2025-06-01'), celpip('2025-06-01', 7)]});
		expect(result.first).toMatchObject({language: 'en', total: 28});
		expect(result.second).toMatchObject({language: 'fr', total: 28});
	});

	it('declared French wins a tie too', () => {
		const result = choose({firstOfficialLanguage: 'fr', languageTests: [celpip('2025-06-01', 7), tcfNclc7('2025-06-01')]});
		expect(result.first).toMatchObject({language: 'fr'});
	});

	it('several tests in one language: the highest total counts even if older', () => {
		// IELTS 8.0/7.0/7.0/7.0 = CLB 9 x4 = 36 (2025-01-10) beats CELPIP 8 x4 = 32 (2025-06-01).
		const tests = [ielts('2025-01-10', 8, 7, 7, 7), celpip('2025-06-01', 8)];
		for (const order of [tests, [...tests].reverse()]) {
			const result = choose({languageTests: order});
			expect(result.first).toMatchObject({test: 'IELTS-GT', date: '2025-01-10', total: 36});
			expect(result.second).toBeNull();
		}
	});

	it('several tests with equal totals: the latest counts', () => {
		// CELPIP 10/10/6/6 = 32 (2025-01-10) and CELPIP 8 x4 = 32 (2025-06-01).
		const tests = [celpip('2025-01-10', 10, 10, 6, 6), celpip('2025-06-01', 8)];
		for (const order of [tests, [...tests].reverse()]) {
			expect(choose({languageTests: order}).first).toMatchObject({date: '2025-06-01', L: 8, R: 8, W: 8, S: 8, min: 8});
		}
	});

	it('an expired or future higher result is not chosen', () => {
		const result = choose({languageTests: [celpip('2024-11-29', 12), celpip('2026-12-01', 12), celpip('2025-06-01', 7)]});
		expect(result.first).toMatchObject({date: '2025-06-01', total: 28});
	});

	it('no valid test at all: both null', () => {
		expect(choose({languageTests: []})).toEqual({first: null, second: null});
	});

	it('the assessment reports the chosen first and second languages', () => {
		const applicant = person({firstOfficialLanguage: 'fr', languageTests: [celpip('2025-06-01', 10), tcfNclc7('2025-06-01')]});
		const result = assess(application(applicant), AS_OF);
		expect(result.clb.applicant).toEqual({
			first: {language: 'fr', L: 7, R: 7, W: 7, S: 7},
			second: {language: 'en', L: 10, R: 10, W: 10, S: 10},
		});
	});
});
