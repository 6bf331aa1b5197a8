/**
 * Language tests → CLB/NCLC per ability, and the choice of first and second official language.
 * Sources: IRCC test equivalency charts (rules.md §6); validity and choice rules in
 * rules/decisions.md §3 and §15. Pure: the reference date is an argument.
 */
import type {LanguageTest, Person} from './application.js';
import {addYears, dayNumber} from './dates.js';
import {
	IELTS_GT,
	PTE_CORE,
	PTE_CORE_ACCEPTED_FROM,
	TCF_CANADA,
	TEF_CANADA,
	type Ability,
	type Chart,
} from './language-tables.js';

/** CLB (English) or NCLC (French) level per ability; 0 means below the chart. */
export type ClbLevels = {L: number; R: number; W: number; S: number};

/** One official language's counted result. `min` is the lowest of the four abilities. */
export type LanguageResult = ClbLevels & {
	language: 'en' | 'fr';
	test: LanguageTest['test'];
	date: string;
	min: number;
	total: number;
};

/** The applicant's (or spouse's) counted results: first and second official language. */
export type OfficialLanguages = {first: LanguageResult | null; second: LanguageResult | null};

function level(chart: Chart, ability: Ability, score: number): number {
	const row = chart.minimums[ability];
	for (let i = 0; i < row.length; i++) if (score >= row[i]!) return chart.top - i;
	return 0;
}

function chartFor(test: LanguageTest): Chart | null {
	switch (test.test) {
		case 'IELTS-GT':
			return IELTS_GT;
		case 'PTE-Core':
			return PTE_CORE;
		case 'TCF':
			return TCF_CANADA;
		case 'TEF': {
			for (const dated of TEF_CANADA) {
				if (test.date >= dated.from && (dated.until === undefined || test.date < dated.until)) return dated.chart;
			}
			return null;
		}
		case 'CELPIP-G':
			return null;
	}
}

/**
 * Converts one test's raw scores to CLB/NCLC per ability. CELPIP-General levels map one to one,
 * 11 and 12 count as CLB 10; below-chart scores give the chart's lowest level if it has one
 * (CELPIP 1–3, PTE CLB 3), else 0 (decisions.md §15).
 */
export function toClb(test: LanguageTest): ClbLevels {
	if (test.test === 'CELPIP-G') {
		const celpip = (n: number) => Math.max(0, Math.min(10, Math.floor(n)));
		return {L: celpip(test.listening), R: celpip(test.reading), W: celpip(test.writing), S: celpip(test.speaking)};
	}
	const chart = chartFor(test)!;
	return {
		L: level(chart, 'listening', test.listening),
		R: level(chart, 'reading', test.reading),
		W: level(chart, 'writing', test.writing),
		S: level(chart, 'speaking', test.speaking),
	};
}

/** `en` for IELTS-GT, CELPIP-G and PTE Core; `fr` for TEF Canada and TCF Canada. */
export function languageOf(test: LanguageTest['test']): 'en' | 'fr' {
	return test === 'TEF' || test === 'TCF' ? 'fr' : 'en';
}

/**
 * True when the result counts on `asOf`: taken on or before it and less than two years old
 * (valid until the day before its second anniversary; MI s. 3(4), 12(3)); PTE Core only from
 * 2024-01-30.
 */
export function isTestValid(test: LanguageTest, asOf: string): boolean {
	return validOn(test, asOf, dayNumber(asOf));
}

/** {@link isTestValid} with the day number of `asOf` already worked out. */
function validOn(test: LanguageTest, asOf: string, asOfDay: number): boolean {
	if (test.date > asOf) return false;
	if (test.test === 'PTE-Core' && test.date < PTE_CORE_ACCEPTED_FROM) return false;
	return asOfDay < addYears(test.date, 2);
}

function better(a: LanguageResult, b: LanguageResult | null): boolean {
	if (!b) return true;
	if (a.total !== b.total) return a.total > b.total;
	return a.date > b.date;
}

/**
 * The counted first and second official language results of a person on `asOf`.
 * Per language the valid test with the highest CLB total counts (then the latest). The first
 * official language is the declared one when it has a valid test, else the higher total,
 * English on a tie (decisions.md §3).
 */
export function officialLanguages(person: Pick<Person, 'languageTests' | 'firstOfficialLanguage'>, asOf: string): OfficialLanguages {
	let en: LanguageResult | null = null;
	let fr: LanguageResult | null = null;
	let asOfDay: number | undefined;
	for (const test of person.languageTests) {
		if (!validOn(test, asOf, (asOfDay ??= dayNumber(asOf)))) continue;
		const {L, R, W, S} = toClb(test);
		const language = languageOf(test.test);
		const result: LanguageResult = {language, test: test.test, date: test.date, L, R, W, S, min: Math.min(L, R, W, S), total: L + R + W + S};
		if (language === 'en') {
			if (better(result, en)) en = result;
		} else if (better(result, fr)) fr = result;
	}
	let firstIsFrench: boolean;
	if (person.firstOfficialLanguage === 'fr' && fr) firstIsFrench = true;
	else if (person.firstOfficialLanguage === 'en' && en) firstIsFrench = false;
	else firstIsFrench = fr !== null && (en === null || fr.total > en.total);
	return firstIsFrench ? {first: fr, second: en} : {first: en, second: fr};
}

/** Lowest of the four abilities, or 0 when there is no counted result. */
export function minClb(result: LanguageResult | null): number {
	return result ? result.min : 0;
}
