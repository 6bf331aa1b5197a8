/**
 * One pool profile scored on a date: what ranking needs of the rules engine (CRS, the programs it
 * is eligible for, the categories it meets), as numbers and bit masks. Pure; shared by the ranking
 * in the main thread and by the ranking worker threads (pool-worker.ts), so both give exactly the
 * same result.
 */
import type {Application} from '../rules/application.js';
import {assess} from '../rules/assess.js';
import {CATEGORY_IDS, categoryScreen, type CategoryId} from '../rules/categories.js';
import {applyFindings, type Finding} from './assessment.js';

/** Programs a pool can be filtered by and a program-specific round can target; PNP = holds a nomination. */
export const POOL_PROGRAMS = ['CEC', 'FSW', 'FST', 'PNP'] as const;

/** One of {@link POOL_PROGRAMS}. */
export type PoolProgram = (typeof POOL_PROGRAMS)[number];

/** Bit of each program in a programs mask. */
export const PROGRAM_BIT: Readonly<Record<PoolProgram, number>> = {CEC: 1, FSW: 2, FST: 4, PNP: 8};

/** Bit of each category in a categories mask (the order of CATEGORY_IDS). */
export const CATEGORY_BIT = Object.fromEntries(CATEGORY_IDS.map((id, i) => [id, 1 << i])) as Readonly<Record<CategoryId, number>>;

/** What a ranking keeps: a program bit and a category bit (0: no filter). */
export type ScoreFilter = {programBit: number; categoryBit: number};

/** A scored profile: CRS total (points) on the date and its two masks. */
export type ProfileScore = {crs: number; programs: number; categories: number};

/** One profile to score: its stored application JSON and the officer's findings on its work periods (null: none). */
export type ScoreInput = {data: string; findings: readonly Finding[] | null};

/**
 * A scorer for `asOf` (`YYYY-MM-DD`) and `filter`: parses a stored application, applies the
 * findings, and returns its score, or null when the profile is eligible for no program (and holds
 * no nomination) or fails the filter. What a filter can decide without the rules engine is
 * checked first — a PNP filter needs a nomination, a category filter the category — so a filtered
 * ranking assesses only the profiles that may pass it. Throws SyntaxError for stored JSON that
 * does not parse (a damaged store).
 */
export function profileScorer(asOf: string, filter: ScoreFilter): (input: ScoreInput) => ProfileScore | null {
	const screen = categoryScreen(asOf);
	return ({data, findings}) => {
		const stored = JSON.parse(data) as Application;
		const application = findings && findings.length > 0 ? applyFindings(stored, findings) : stored;
		const nominee = application.provincialNomination === true;
		if (filter.programBit === PROGRAM_BIT.PNP && !nominee) return null;
		let categories = -1;
		if (filter.categoryBit) {
			categories = 0;
			for (const id of screen(application)) categories |= CATEGORY_BIT[id];
			if (!(categories & filter.categoryBit)) return null;
		}
		const assessment = assess(application, asOf);
		let programs = 0;
		if (assessment.programs.CEC.eligible) programs |= PROGRAM_BIT.CEC;
		if (assessment.programs.FSW.eligible) programs |= PROGRAM_BIT.FSW;
		if (assessment.programs.FST.eligible) programs |= PROGRAM_BIT.FST;
		if (nominee) programs |= PROGRAM_BIT.PNP;
		if (programs === 0 || (filter.programBit && !(programs & filter.programBit))) return null;
		if (categories === -1) {
			categories = 0;
			const {first, second} = assessment.clb.applicant;
			const french = first?.language === 'fr' ? first : second?.language === 'fr' ? second : null;
			for (const id of screen(application, french)) categories |= CATEGORY_BIT[id];
		}
		return {crs: assessment.crs.total, programs, categories};
	};
}

/** Fields per profile in a {@link scoreBatch} result. */
export const SCORE_FIELDS = 3;

/**
 * Scores `inputs` in order into one Int32Array of `SCORE_FIELDS` numbers a profile:
 * [crs, programs, categories], crs = −1 for a profile left out (see {@link profileScorer}).
 * One flat typed array so a worker thread hands it back without copying.
 */
export function scoreBatch(score: (input: ScoreInput) => ProfileScore | null, inputs: readonly ScoreInput[]): Int32Array {
	const out = new Int32Array(inputs.length * SCORE_FIELDS);
	for (let i = 0; i < inputs.length; i++) {
		const result = score(inputs[i]!);
		const at = i * SCORE_FIELDS;
		if (!result) {
			out[at] = -1;
			continue;
		}
		out[at] = result.crs;
		out[at + 1] = result.programs;
		out[at + 2] = result.categories;
	}
	return out;
}
