/**
 * The raw score scale of each approved language test, as printed on the result, and the check
 * that a result's four scores fit it.
 */
import type {LanguageTestName} from '../rules/application.js';

/** The four abilities of a language test, in the file's order. */
export const ABILITIES = ['listening', 'reading', 'writing', 'speaking'] as const;
export type Ability = (typeof ABILITIES)[number];

/** A score scale: which raw scores it accepts and how to describe it to a person. */
export type ScoreScale = {accepts: (score: number) => boolean; description: string};

const wholeNumbers = (min: number, max: number): ScoreScale => ({
	accepts: (n) => Number.isInteger(n) && n >= min && n <= max,
	description: `whole numbers ${min}–${max}`,
});

const IELTS: ScoreScale = {accepts: (n) => n >= 0 && n <= 9 && Number.isInteger(n * 2), description: '0–9 in steps of 0.5'};
const CELPIP = wholeNumbers(0, 12);
const PTE = wholeNumbers(10, 90);
const TEF = wholeNumbers(0, 699);
const TCF_COMPREHENSION = wholeNumbers(100, 699);
const TCF_EXPRESSION = wholeNumbers(0, 20);

/** Scale of each test's score per ability (TEF: old and current scales both fit 0–699). */
export const SCORE_SCALES: Record<LanguageTestName, Record<Ability, ScoreScale>> = {
	'IELTS-GT': {listening: IELTS, reading: IELTS, writing: IELTS, speaking: IELTS},
	'CELPIP-G': {listening: CELPIP, reading: CELPIP, writing: CELPIP, speaking: CELPIP},
	'PTE-Core': {listening: PTE, reading: PTE, writing: PTE, speaking: PTE},
	TEF: {listening: TEF, reading: TEF, writing: TEF, speaking: TEF},
	TCF: {listening: TCF_COMPREHENSION, reading: TCF_COMPREHENSION, writing: TCF_EXPRESSION, speaking: TCF_EXPRESSION},
};

/**
 * Problems with a language test result's scores: one `{ability, problem}` per score that is a
 * number outside its test's scale, e.g. `out of range for IELTS-GT: 0–9 in steps of 0.5`.
 * Anything that is not a known test or not a number is left to the type checks.
 */
export function scoreProblems(result: unknown): Array<{ability: Ability; problem: string}> {
	if (typeof result !== 'object' || result === null) return [];
	const record = result as Record<string, unknown>;
	const test = record['test'];
	if (typeof test !== 'string' || !Object.hasOwn(SCORE_SCALES, test)) return [];
	const scales = SCORE_SCALES[test as LanguageTestName];
	const problems: Array<{ability: Ability; problem: string}> = [];
	for (const ability of ABILITIES) {
		const score = record[ability];
		if (typeof score !== 'number' || scales[ability].accepts(score)) continue;
		const which = test === 'TCF' ? `TCF ${ability}` : test;
		problems.push({ability, problem: `out of range for ${which}: ${scales[ability].description}`});
	}
	return problems;
}
