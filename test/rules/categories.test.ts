/**
 * Category-based selection (rules.md §7.5): the dated category data, the French rule, and the
 * work-experience rule by round date — 6 months continuous before 2026-02-18, 12 months (1,560 h)
 * not necessarily continuous in ONE eligible occupation from that day — checked against IRCC's
 * real category rounds (test/fixtures/express-entry-rounds.csv, copied from shared/data).
 */
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {Application, WorkPeriod} from '../../source/rules/application.js';
import {
	CATEGORY_IDS,
	CATEGORY_VERSIONS,
	categoriesInForce,
	categoriesMet,
	categoryOfRoundName,
	categoryOn,
	categoryScreen,
	categoryWorkRuleOn,
	checkCategory,
	meetsCategory,
	TWELVE_MONTH_RULE_FROM,
} from '../../source/rules/categories.js';
import {parseApplicationFile} from '../../source/format/parse.js';
import {assess} from '../../source/rules/assess.js';
import {application, canadianJob, foreignJob, ielts, person, tcf, tcfNclc7, tef} from './builders.js';

const BEFORE = '2026-02-10'; // 6 months continuous
const AFTER = '2026-03-01'; // 12 months, not necessarily continuous

/** A candidate whose only work is `periods` (tests in English and, if given, French). */
function candidate(periods: WorkPeriod[], extra: Partial<Application> = {}, french = tcfNclc7('2025-06-01')): Application {
	return application(person({languageTests: [ielts('2025-06-01', 8, 7, 7, 7), french], workExperience: periods}), extra);
}

const civil = (start: string, end: string, hours = 40) => foreignJob(start, end, hours, {nocCode: '21300'}); // civil engineers: STEM in every version
const electrical = (start: string, end: string) => foreignJob(start, end, 40, {nocCode: '21310'}); // electrical engineers: STEM too

describe('category data', () => {
	it('every version: known id, five-digit NOC codes, a source, a rule-book confidence label, dates in order, no overlap per category', () => {
		for (const v of CATEGORY_VERSIONS) {
			expect(CATEGORY_IDS).toContain(v.id);
			expect(v.source.length).toBeGreaterThan(10);
			expect(['OFF', 'OFF-COPY', 'SEC', 'MEM', 'UNVERIFIED']).toContain(v.confidence);
			if (v.until !== null) expect(v.from < v.until).toBe(true);
			if (v.rule.kind !== 'french') for (const code of v.rule.nocCodes) expect(code).toMatch(/^\d{5}$/);
			if (v.rule.kind !== 'french') expect(new Set(v.rule.nocCodes).size).toBe(v.rule.nocCodes.length);
		}
		for (const id of CATEGORY_IDS) {
			const versions = CATEGORY_VERSIONS.filter((v) => v.id === id);
			expect(versions.length).toBeGreaterThan(0);
			for (let i = 1; i < versions.length; i++) expect(versions[i - 1]!.until! <= versions[i]!.from).toBe(true);
		}
	});

	it('the 2026 categories carry the rule book\'s NOC codes and start on 2026-02-18', () => {
		const codes = (id: (typeof CATEGORY_IDS)[number]) => {
			const rule = categoryOn(id, AFTER)!.rule;
			return rule.kind === 'french' ? [] : [...rule.nocCodes].sort();
		};
		expect(codes('physicians')).toEqual(['31100', '31101', '31102']);
		expect(codes('researchers')).toEqual(['41200', '41201']);
		expect(codes('senior-managers')).toEqual(['00012', '00013', '00014', '00015']);
		expect(codes('transport')).toEqual(['22313', '72404', '72410', '72600']);
		expect(codes('military')).toEqual(['40042', '42102', '43204']);
		for (const id of ['physicians', 'researchers', 'senior-managers', 'military'] as const) {
			expect(categoryOn(id, '2026-02-17')).toBeNull();
			expect(categoryOn(id, TWELVE_MONTH_RULE_FROM)?.from).toBe(TWELVE_MONTH_RULE_FROM);
		}
	});

	it('versions follow the announced changes: transport retired in 2025 and redesigned in 2026, education from 2025, agriculture gone in 2026, cooks out of trades in 2026', () => {
		expect(categoryOn('transport', '2024-06-01')?.name).toBe('Transport occupations');
		expect(categoryOn('transport', '2025-06-01')).toBeNull();
		expect(categoryOn('education', '2024-12-01')).toBeNull();
		expect(categoryOn('education', '2025-06-01')).not.toBeNull();
		expect(categoryOn('agriculture', '2023-10-01')).not.toBeNull();
		expect(categoryOn('agriculture', AFTER)).toBeNull();
		expect(categoryOn('french', '2023-05-30')).toBeNull();
		const trades = (date: string) => {
			const rule = categoryOn('trades', date)!.rule;
			return rule.kind === 'occupation' ? rule.nocCodes : [];
		};
		expect(trades('2025-06-01')).toContain('63200');
		expect(trades(AFTER)).not.toContain('63200');
		expect(categoriesInForce(AFTER).map((v) => v.id)).toEqual(['french', 'healthcare', 'stem', 'trades', 'transport', 'education', 'physicians', 'researchers', 'senior-managers', 'military']);
	});

	it('every category round IRCC held (rounds #237–#434) falls on a date its category is in force here', () => {
		const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'express-entry-rounds.csv'), 'utf8');
		const rows = text
			.trim()
			.split('\n')
			.slice(1)
			.map((line) => [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => m[2] ?? m[1]!));
		const categoryRounds = rows.filter((r) => r[2] === 'category');
		expect(categoryRounds).toHaveLength(73);
		for (const [round, date, , name] of categoryRounds) {
			const id = categoryOfRoundName(name!);
			expect(id, `round ${round} ${name}`).not.toBeNull();
			expect(categoryOn(id!, date!), `round ${round} (${date}) ${name}`).not.toBeNull();
		}
		// IRCC's version numbers line up with the dated versions here.
		for (const [round, date, , name] of categoryRounds) {
			const version = categoryOn(categoryOfRoundName(name!)!, date!)!;
			if (name!.includes('(Version 2)')) expect(version.from, `round ${round}`).toBe('2025-02-27');
			if (/2026-Version [23]/.test(name!) && !name!.startsWith('French')) expect(version.from, `round ${round}`).toBe('2026-02-18');
		}
		for (const r of rows.filter((row) => row[2] !== 'category')) expect(categoryOfRoundName(r[3]!)).toBeNull();
	});
});

describe('French-language proficiency: NCLC 7 or more in all four abilities', () => {
	it('met with TCF Canada at NCLC 7 in all four; not met with one ability at 6, with English only, or with a French test over two years old', () => {
		expect(meetsCategory(candidate([]), 'french', AFTER)).toBe(true);
		expect(meetsCategory(candidate([], {}, tcf('2025-06-01', 458, 453, 10, 5)), 'french', AFTER)).toBe(false);
		expect(meetsCategory(candidate([], {}, ielts('2025-06-01', 9, 9, 9, 9)), 'french', AFTER)).toBe(false);
		expect(meetsCategory(candidate([], {}, tef('2024-02-15', 600)), 'french', '2026-02-14')).toBe(true);
		expect(meetsCategory(candidate([], {}, tef('2024-02-15', 600)), 'french', '2026-02-15')).toBe(false);
		const check = checkCategory(candidate([], {}, tcf('2025-06-01', 458, 453, 10, 5)), 'french', AFTER);
		expect(check.detail).toMatch(/NCLC L 7, R 7, W 7, S \d.*below 7/);
	});
});

describe('occupational categories: the work-experience rule of the round date', () => {
	it('the rule changes on 2026-02-18: 6 months continuous before, 12 months (1,560 h) after', () => {
		expect(categoryWorkRuleOn('2026-02-17')).toEqual({kind: 'continuous', hours: 780, windowYears: 3});
		expect(categoryWorkRuleOn('2026-02-18')).toEqual({kind: 'cumulative', hours: 1560, windowYears: 3});
	});

	it('7 months continuous in one occupation: met before 2026-02-18, not after', () => {
		const app = candidate([civil('2025-06-02', '2025-12-31')]);
		expect(meetsCategory(app, 'stem', BEFORE)).toBe(true);
		expect(meetsCategory(app, 'stem', AFTER)).toBe(false);
		expect(checkCategory(app, 'stem', AFTER).detail).toMatch(/^\d[\d,]* h in all in NOC 21300 in the 3 years before 2026-03-01 \(12 months, 1,560 h/);
	});

	it('three 5-month stints in one occupation (15 months, never 6 in a row): not met before, met after — the 12 months need not be continuous', () => {
		const app = candidate([civil('2023-06-01', '2023-10-31'), civil('2024-02-01', '2024-06-30'), civil('2024-10-01', '2025-02-28')]);
		expect(meetsCategory(app, 'stem', BEFORE)).toBe(false);
		expect(meetsCategory(app, 'stem', AFTER)).toBe(true);
	});

	it('12 months must be in ONE occupation: 7 + 7 months in two STEM occupations is met before (7 continuous) but not after', () => {
		const app = candidate([civil('2024-01-01', '2024-07-31'), electrical('2024-09-01', '2025-03-31')]);
		expect(meetsCategory(app, 'stem', BEFORE)).toBe(true);
		expect(meetsCategory(app, 'stem', AFTER)).toBe(false);
	});

	it('boundaries: exactly 1,560 h (52 weeks at 30 h) is met, one day less is not; exactly 780 h continuous (26 weeks) is met before the change', () => {
		expect(meetsCategory(candidate([civil('2025-03-02', '2026-02-28')]), 'stem', AFTER)).toBe(true);
		expect(meetsCategory(candidate([civil('2025-03-03', '2026-02-28')]), 'stem', AFTER)).toBe(false);
		expect(meetsCategory(candidate([civil('2025-08-11', '2026-02-08')]), 'stem', BEFORE)).toBe(true);
		expect(meetsCategory(candidate([civil('2025-08-12', '2026-02-08')]), 'stem', BEFORE)).toBe(false);
	});

	it('counts hours as the programs do: part-time takes longer, 30 h a week at most, not-credited periods and work older than 3 years left out', () => {
		expect(meetsCategory(candidate([civil('2024-06-01', '2025-05-31', 20)]), 'stem', AFTER)).toBe(false); // 52 weeks × 20 h
		expect(meetsCategory(candidate([civil('2024-03-01', '2026-02-28', 15)]), 'stem', AFTER)).toBe(true); // 104 weeks × 15 h
		expect(meetsCategory(candidate([civil('2024-01-01', '2025-06-30', 60)]), 'stem', AFTER)).toBe(true);
		expect(meetsCategory(candidate([{...civil('2024-01-01', '2025-06-30'), finding: 'not_credited'}]), 'stem', AFTER)).toBe(false);
		expect(meetsCategory(candidate([civil('2021-01-01', '2023-02-28')]), 'stem', AFTER)).toBe(false);
	});

	it('uses the list of the round date: a software engineer is STEM in 2024, not in 2026; a cook is a trade in 2025, not in 2026', () => {
		const software = candidate([foreignJob('2023-01-01', '2025-12-31', 40, {nocCode: '21231'})]);
		expect(meetsCategory(software, 'stem', '2024-06-01')).toBe(true);
		expect(meetsCategory(software, 'stem', AFTER)).toBe(false);
		const cook = candidate([foreignJob('2023-01-01', '2026-01-31', 40, {nocCode: '63200'})]);
		expect(meetsCategory(cook, 'trades', '2025-10-01')).toBe(true);
		expect(meetsCategory(cook, 'trades', AFTER)).toBe(false);
	});

	it('"with Canadian work experience" categories count work in Canada only', () => {
		const abroad = candidate([foreignJob('2023-06-01', '2026-01-31', 40, {nocCode: '31102'})]);
		const inCanada = candidate([canadianJob('2024-06-01', '2026-01-31', 40, {nocCode: '31102'})]);
		expect(meetsCategory(abroad, 'physicians', AFTER)).toBe(false);
		expect(meetsCategory(inCanada, 'physicians', AFTER)).toBe(true);
		expect(meetsCategory(abroad, 'healthcare', '2024-06-01')).toBe(true); // healthcare counts work anywhere
	});

	it('skilled military recruits: a job offer in one of the CAF occupations', () => {
		expect(meetsCategory(candidate([], {jobOffer: {nocCode: '42102', employer: 'Canadian Armed Forces'}}), 'military', AFTER)).toBe(true);
		expect(meetsCategory(candidate([], {jobOffer: {nocCode: '21300'}}), 'military', AFTER)).toBe(false);
		expect(meetsCategory(candidate([]), 'military', AFTER)).toBe(false);
	});

	it('a category not in force is not met, and says when it is in force', () => {
		const app = candidate([foreignJob('2023-01-01', '2025-12-31', 40, {nocCode: '72600'})]);
		expect(meetsCategory(app, 'transport', '2024-06-01')).toBe(true);
		const check = checkCategory(app, 'transport', '2025-06-01');
		expect(check).toMatchObject({met: false, version: null});
		expect(check.detail).toBe('category transport is not in force on 2025-06-01 (in force 2023-05-31 to 2025-02-26, from 2026-02-18)');
	});

	it('categoriesMet lists every category in force that the application meets', () => {
		const app = candidate([civil('2023-01-01', '2026-01-31')]);
		expect(categoriesMet(app, AFTER)).toEqual(['french', 'stem']);
		expect(categoriesMet(app, '2022-06-01')).toEqual([]);
	});
});

describe('categoryScreen (the pool\'s fast path) gives what categoriesMet gives', () => {
	it('for every fixture application and a set of built ones, on dates across the versions, with and without the French levels of an assessment', () => {
		const dir = join(import.meta.dirname, '..', 'fixtures', 'applications');
		const fixtures = readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.map((f) => parseApplicationFile(readFileSync(join(dir, f), 'utf8'), f)[0]!);
		const built = [
			candidate([civil('2023-01-01', '2026-01-31')]),
			candidate([civil('2025-06-02', '2025-12-31')], {}, tcf('2025-06-01', 458, 453, 10, 5)),
			candidate([canadianJob('2024-06-01', '2026-01-31', 40, {nocCode: '31102'})]),
			candidate([foreignJob('2023-01-01', '2026-01-31', 40, {nocCode: '63200'})], {jobOffer: {nocCode: '42102'}}),
			candidate([foreignJob('2023-01-01', '2025-12-31', 40, {nocCode: '72600'})], {}, ielts('2025-06-01', 9, 9, 9, 9)),
		];
		let met = 0;
		for (const date of ['2023-06-01', '2024-06-01', '2025-06-01', '2026-02-10', '2026-03-01', '2026-11-29']) {
			const screen = categoryScreen(date);
			for (const app of [...fixtures, ...built]) {
				const expected = categoriesMet(app, date);
				met += expected.length;
				expect(screen(app), `${app.applicationNumber} on ${date}`).toEqual(expected);
				const {first, second} = assess(app, date).clb.applicant;
				const french = first?.language === 'fr' ? first : second?.language === 'fr' ? second : null;
				expect(screen(app, french), `${app.applicationNumber} on ${date} (French levels given)`).toEqual(expected);
			}
		}
		expect(met).toBeGreaterThan(30);
	});
});

