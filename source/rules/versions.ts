/**
 * Rule tables keyed by the date they took effect (rules.md §3, §5, §7.6). An assessment picks
 * the rule set in force on its reference date and reports its `effective` date as
 * `rulesVersion`. A future rule set (e.g. the proposed Federal High-Skilled Class) is added here
 * as data: a new entry with the tables that change.
 */
import type {EducationLevel} from './application.js';

/** Points by completed age 0..45+ (index = age; ages above the last index use the last value). */
type AgeTable = readonly number[];
/** Points by CLB 0..10 (index = CLB). */
type ClbTable = readonly number[];
/** Points by whole years of experience (index = years; more years use the last value). */
type YearsTable = readonly number[];

/** One column of the CRS core grid: with an accompanying spouse, or without. */
export type CoreColumn = {
	age: AgeTable;
	education: Record<EducationLevel, number>;
	firstLanguage: ClbTable;
	secondLanguageCap: number;
	canadianWork: YearsTable;
};

/** A complete CRS rule set (Ministerial Instructions respecting the Express Entry system). */
export type CrsRules = {
	withSpouse: CoreColumn;
	withoutSpouse: CoreColumn;
	secondLanguage: ClbTable;
	spouse: {education: Record<EducationLevel, number>; firstLanguage: ClbTable; canadianWork: YearsTable};
	transferabilityGroupCap: number;
	transferabilityCap: number;
	additionalCap: number;
	provincialNomination: number;
	sibling: number;
	/** French bonus: NCLC 7+ all four; `withEnglish` when English CLB 5+ in all four too. */
	french: {withoutEnglish: number; withEnglish: number};
	canadianEducation: {oneOrTwoYears: number; threeYearsOrMore: number};
	/** Arranged employment: NOC major group 00, and other TEER 0–3 offers. */
	arrangedEmployment: {seniorManagement: number; other: number};
};

/** A dated rule set. */
export type RuleSet = {
	/** `YYYY-MM-DD` the set took effect; reported as `rulesVersion`. */
	effective: string;
	/** What changed, with its source. */
	change: string;
	crs: CrsRules;
};

const zeros = (n: number) => Array.from({length: n}, () => 0);

// Age tables, index = age in completed years (rules.md §5.2). 45 and over: 0.
const AGE_WITH_SPOUSE = [...zeros(18), 90, 95, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 95, 90, 85, 80, 75, 70, 65, 60, 55, 50, 45, 35, 25, 15, 5, 0];
const AGE_WITHOUT_SPOUSE = [...zeros(18), 99, 105, 110, 110, 110, 110, 110, 110, 110, 110, 110, 110, 105, 99, 94, 88, 83, 77, 72, 66, 61, 55, 50, 39, 28, 17, 6, 0];

/** CRS 2015-01-01 as amended to 2016-11-19: the base tables that every later set keeps. */
const BASE_CRS: CrsRules = {
	withSpouse: {
		age: AGE_WITH_SPOUSE,
		education: {none: 0, secondary: 28, 'one-year': 84, 'two-year': 91, bachelor: 112, 'two-or-more': 119, master: 126, doctoral: 140},
		firstLanguage: [0, 0, 0, 0, 6, 6, 8, 16, 22, 29, 32],
		secondLanguageCap: 22,
		canadianWork: [0, 35, 46, 56, 63, 70],
	},
	withoutSpouse: {
		age: AGE_WITHOUT_SPOUSE,
		education: {none: 0, secondary: 30, 'one-year': 90, 'two-year': 98, bachelor: 120, 'two-or-more': 128, master: 135, doctoral: 150},
		firstLanguage: [0, 0, 0, 0, 6, 6, 9, 17, 23, 31, 34],
		secondLanguageCap: 24,
		canadianWork: [0, 40, 53, 64, 72, 80],
	},
	secondLanguage: [0, 0, 0, 0, 0, 1, 1, 3, 3, 6, 6],
	spouse: {
		education: {none: 0, secondary: 2, 'one-year': 6, 'two-year': 7, bachelor: 8, 'two-or-more': 9, master: 10, doctoral: 10},
		firstLanguage: [0, 0, 0, 0, 0, 1, 1, 3, 3, 5, 5],
		canadianWork: [0, 5, 7, 8, 9, 10],
	},
	transferabilityGroupCap: 50,
	transferabilityCap: 100,
	additionalCap: 600,
	provincialNomination: 600,
	sibling: 0,
	french: {withoutEnglish: 0, withEnglish: 0},
	canadianEducation: {oneOrTwoYears: 0, threeYearsOrMore: 0},
	arrangedEmployment: {seniorManagement: 600, other: 600},
};

/** Every rule set, oldest first. */
export const RULE_SETS: readonly RuleSet[] = (() => {
	const launch: RuleSet = {
		effective: '2015-01-01',
		change: 'Express Entry and the CRS in force; LMIA job offer or nomination 600 (Canada Gazette SI/2014-99)',
		crs: BASE_CRS,
	};
	const nov2016: RuleSet = {
		effective: '2016-11-19',
		change: 'Job offer 600 → 200 (NOC 00) / 50; Canadian education 15/30 (MI amendments, 2016-11-19)',
		crs: {...launch.crs, arrangedEmployment: {seniorManagement: 200, other: 50}, canadianEducation: {oneOrTwoYears: 15, threeYearsOrMore: 30}},
	};
	const jun2017: RuleSet = {
		effective: '2017-06-06',
		change: 'Sibling in Canada 15; French 15/30; tie-break by profile submission time (MI 2017-1)',
		crs: {...nov2016.crs, sibling: 15, french: {withoutEnglish: 15, withEnglish: 30}},
	};
	const oct2020: RuleSet = {
		effective: '2020-10-27',
		change: 'French bonus raised to 25/50 (IRCC news release 2020-10-27)',
		crs: {...jun2017.crs, french: {withoutEnglish: 25, withEnglish: 50}},
	};
	const mar2025: RuleSet = {
		effective: '2025-03-25',
		change: 'Arranged-employment CRS points removed (MI in force 2025-03-25)',
		crs: {...oct2020.crs, arrangedEmployment: {seniorManagement: 0, other: 0}},
	};
	return [launch, nov2016, jun2017, oct2020, mar2025];
})();

/**
 * The rule set in force on `date` (`YYYY-MM-DD`): the latest whose effective date is on or before it.
 * Throws RangeError for a date before Express Entry (2015-01-01).
 */
export function ruleSetOn(date: string, sets: readonly RuleSet[] = RULE_SETS): RuleSet {
	for (let i = sets.length - 1; i >= 0; i--) if (sets[i]!.effective <= date) return sets[i]!;
	throw new RangeError(`no Express Entry rule set in force on ${date} (the first took effect ${sets[0]!.effective})`);
}

/** A proof-of-funds table (50% of LICO), whole CAD by family size 1..7, plus each additional member. */
export type FundsTable = {effective: string; bySize: readonly number[]; eachAdditional: number; source: string};

/** Settlement-funds tables for FSW and FST, oldest first (rules.md §3.3, [SEC]). */
export const FUNDS_TABLES: readonly FundsTable[] = [
	{effective: '2023-04-25', bySize: [13757, 17127, 21055, 25564, 28994, 32700, 36407], eachAdditional: 3706, source: 'IRCC proof of funds, 2023-04-25'},
	{effective: '2024-05-28', bySize: [14690, 18288, 22483, 27297, 30690, 34917, 38875], eachAdditional: 3958, source: 'IRCC proof of funds, 2024-05-28'},
	{effective: '2025-07-07', bySize: [15263, 19001, 23360, 28362, 32168, 36280, 40392], eachAdditional: 4112, source: 'IRCC proof of funds, 2025-07-07'},
];

/**
 * Funds required (whole CAD) for `familySize` members on `date`, with the table used.
 * Before the first stored table the oldest table applies (older tables are not stored).
 */
export function fundsRequired(familySize: number, date: string): {cad: number; table: FundsTable} {
	let table = FUNDS_TABLES[0]!;
	for (const candidate of FUNDS_TABLES) if (candidate.effective <= date) table = candidate;
	const size = Math.max(1, familySize);
	const cad = size <= 7 ? table.bySize[size - 1]! : table.bySize[6]! + (size - 7) * table.eachAdditional;
	return {cad, table};
}
