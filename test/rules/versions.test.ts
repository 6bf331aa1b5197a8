/**
 * Dated rule sets (rules.md §7.6) and proof-of-funds tables (rules.md §3.3).
 */
import {describe, expect, it} from 'vitest';
import {assess} from '../../source/rules/assess.js';
import {FUNDS_TABLES, fundsRequired, RULE_SETS, ruleSetOn, type RuleSet} from '../../source/rules/versions.js';
import {application, celpip, person} from './builders.js';

describe('ruleSetOn picks the set in force on a date', () => {
	const boundaries: Array<[day: string, expected: string]> = [
		['2015-01-01', '2015-01-01'],
		['2016-11-18', '2015-01-01'],
		['2016-11-19', '2016-11-19'],
		['2017-06-05', '2016-11-19'],
		['2017-06-06', '2017-06-06'],
		['2020-10-26', '2017-06-06'],
		['2020-10-27', '2020-10-27'],
		['2025-03-24', '2020-10-27'],
		['2025-03-25', '2025-03-25'],
		['2026-11-29', '2025-03-25'],
	];
	for (const [day, expected] of boundaries) {
		it(`${day} → ${expected}`, () => {
			expect(ruleSetOn(day).effective).toBe(expected);
		});
	}

	it('a date before 2015-01-01 throws RangeError', () => {
		expect(() => ruleSetOn('2014-12-31')).toThrow(RangeError);
	});

	it('each set carries the change it introduced (rules.md §7.6)', () => {
		const crs = (day: string) => ruleSetOn(day).crs;
		expect(crs('2016-11-18').arrangedEmployment).toEqual({seniorManagement: 600, other: 600});
		expect(crs('2016-11-19').arrangedEmployment).toEqual({seniorManagement: 200, other: 50});
		expect(crs('2016-11-18').canadianEducation).toEqual({oneOrTwoYears: 0, threeYearsOrMore: 0});
		expect(crs('2016-11-19').canadianEducation).toEqual({oneOrTwoYears: 15, threeYearsOrMore: 30});
		expect([crs('2017-06-05').sibling, crs('2017-06-06').sibling]).toEqual([0, 15]);
		expect(crs('2017-06-06').french).toEqual({withoutEnglish: 15, withEnglish: 30});
		expect(crs('2020-10-27').french).toEqual({withoutEnglish: 25, withEnglish: 50});
		expect(crs('2025-03-25').arrangedEmployment).toEqual({seniorManagement: 0, other: 0});
		// The 2025 set keeps everything else of the 2020 set.
		expect({...crs('2025-03-25'), arrangedEmployment: null}).toEqual({...crs('2020-10-27'), arrangedEmployment: null});
	});

	it('the built-in list is oldest first with distinct dates', () => {
		const dates = RULE_SETS.map((set) => set.effective);
		expect(dates).toEqual([...dates].sort());
		expect(new Set(dates).size).toBe(dates.length);
	});
});

describe('a future rule set added as data', () => {
	const latest = RULE_SETS[RULE_SETS.length - 1]!;
	const future: RuleSet = {
		effective: '2027-01-01',
		change: 'hypothetical: sibling points 20',
		crs: {...latest.crs, sibling: 20},
	};
	const extended = [...RULE_SETS, future];

	it('is picked from its effective date, and not the day before', () => {
		expect(ruleSetOn('2026-12-31', extended)).toBe(latest);
		expect(ruleSetOn('2027-01-01', extended)).toBe(future);
		expect(ruleSetOn('2030-06-15', extended).crs.sibling).toBe(20);
	});

	it('does not change the built-in list or what it picks', () => {
		expect(RULE_SETS).toHaveLength(5);
		expect(ruleSetOn('2027-01-01')).toBe(latest);
	});

	it('a list starting later throws for earlier dates', () => {
		expect(() => ruleSetOn('2026-12-31', [future])).toThrow(RangeError);
	});
});

describe('the CRS uses the set of its date (French bonus 15/30 before 2020-10-27, 25/50 from it)', () => {
	// Single 29, bachelor's (ECA), TCF NCLC 7 x4 and CELPIP 5 x4: French bonus 30 → 50.
	const app = application(
		person({
			dateOfBirth: '1991-03-14',
			languageTests: [
				{test: 'TCF', date: '2020-06-01', listening: 458, reading: 453, writing: 10, speaking: 10},
				celpip('2020-06-01', 5),
			],
		}),
	);
	it('2020-10-26 → 30, 2020-10-27 → 50', () => {
		const bonus = (day: string) => assess(app, day).crs.factors.find((entry) => entry.factor === 'french')!.points;
		expect(bonus('2020-10-26')).toBe(30);
		expect(bonus('2020-10-27')).toBe(50);
	});
});

describe('proof-of-funds tables by date (rules.md §3.3)', () => {
	it('family of 1: 13,757 until 2024-05-27, 14,690 from 2024-05-28, 15,263 from 2025-07-07', () => {
		expect(fundsRequired(1, '2024-05-27').cad).toBe(13757);
		expect(fundsRequired(1, '2024-05-28').cad).toBe(14690);
		expect(fundsRequired(1, '2025-07-06').cad).toBe(14690);
		expect(fundsRequired(1, '2025-07-07').cad).toBe(15263);
	});

	it('2025-07-07 table by family size, with 4,112 per member above 7', () => {
		const sizes = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((size) => fundsRequired(size, '2026-11-29').cad);
		expect(sizes).toEqual([15263, 19001, 23360, 28362, 32168, 36280, 40392, 44504, 48616]);
	});

	it('2024-05-28 table: each additional member 3,958 (family of 8: 38,875 + 3,958 = 42,833)', () => {
		expect(fundsRequired(8, '2025-01-01').cad).toBe(42833);
		expect(fundsRequired(8, '2025-01-01').table).toBe(FUNDS_TABLES[1]);
	});
});
