/**
 * Pool profiles scored on a date: what ranking needs of the rules engine (CRS, the programs a
 * profile is eligible for, the categories it meets), as numbers and bit masks. Pure; shared by the
 * ranking in the main thread and by the ranking worker threads (pool-worker.ts), so both give
 * exactly the same result.
 *
 * Profiles arrive in batches as the store hands them out (pool.ts): one text of keys
 * (`application number TAB submission instant`, a line each) and one text of the stored
 * applications' JSON joined by commas, in the same order, parsed at once as one array. A batch
 * crosses to a worker thread as two strings instead of hundreds.
 */
import type {Application} from '../rules/application.js';
import {assess} from '../rules/assess.js';
import {CATEGORY_IDS, categoryScreen, type CategoryId} from '../rules/categories.js';
import {addYears, dayNumber} from '../rules/dates.js';
import {decodeInstant} from '../../db/codec.js';
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

/**
 * What every batch of one ranking is scored against: the reference date `YYYY-MM-DD`, the filter,
 * the round's instant (profiles submitted after it are left out; null: none), and the officer's
 * findings on pool profiles' work periods, by application number (structured-clonable, for the
 * worker threads' `workerData`).
 */
export type ScoreSetup = {asOf: string; filter: ScoreFilter; submittedBy: string | null; findings: ReadonlyArray<readonly [string, readonly Finding[]]>};

/**
 * A batch of stored profiles: `keys` holds one line per profile, `application number TAB
 * profile_submitted_at` (as stored), lines joined by LF; `data` the stored applications' JSON
 * texts joined by commas (the elements of a JSON array), in the same order.
 */
export type ProfileBatch = {keys: string; data: string};

/** One line of a batch's `keys`: the application number and the submission instant in canonical form. */
export type BatchKey = {number: string; at: string};

/**
 * The lines of a batch's `keys` ({@link ProfileBatch}), in order: the one reader of that format.
 * Throws CodecError for a stored instant that is not one.
 */
export function batchKeys(keys: string): BatchKey[] {
	if (keys === '') return [];
	return keys.split('\n').map((line) => {
		const tab = line.indexOf('\t');
		return {number: line.slice(0, tab), at: canonicalInstant(line.slice(tab + 1))};
	});
}

/** Thrown when a batch's JSON does not parse: the caller finds and names the damaged application. */
export class DamagedBatchError extends Error {}

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * True when a profile submitted at `submittedAt` (an instant) is still in the pool on `date`:
 * submitted on or before `date` and `date` is before the first anniversary of the submission
 * date (rules.md §7.1: the profile leaves the pool one year after the day it was received).
 */
export function withinProfileLife(submittedAt: string, date: string): boolean {
	const submitted = submittedAt.slice(0, 10);
	return submitted <= date && dayNumber(date) < addYears(submitted, 1);
}

/** The stored instant in canonical form (`2026-08-05T14:00:00.000Z`); CodecError for one that is not an instant. */
export function canonicalInstant(stored: string): string {
	return CANONICAL_INSTANT.test(stored) ? stored : decodeInstant(stored);
}

/**
 * A scorer for `asOf` (`YYYY-MM-DD`) and `filter`: scores one application (the officer's findings
 * already applied), or returns null when the profile is eligible for no program (and holds no
 * nomination) or fails the filter. What a filter can decide without the rules engine is checked
 * first — a PNP filter needs a nomination, a category filter the category — so a filtered
 * ranking assesses only the profiles that may pass it.
 */
export function applicationScorer(asOf: string, filter: ScoreFilter): (application: Application) => ProfileScore | null {
	const screen = categoryScreen(asOf);
	return (application) => {
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

/** Fields per profile in a {@link batchScorer} result. */
export const SCORE_FIELDS = 3;

/**
 * Scores whole batches for `setup` (see the module comment). Each batch gives one Int32Array of
 * `SCORE_FIELDS` numbers a profile, in the batch's order: [crs, programs, categories], crs = −1 for
 * a profile left out — out of the pool on the date (withinProfileLife), submitted after the
 * round's instant, or refused by the scorer. One flat typed array, so a worker thread hands it
 * back without copying. Throws DamagedBatchError when the batch's JSON does not parse, Error when
 * keys and applications differ in number, CodecError for a stored instant that is not one.
 */
export function batchScorer(setup: ScoreSetup): (batch: ProfileBatch) => Int32Array {
	const score = applicationScorer(setup.asOf, setup.filter);
	const findings = new Map(setup.findings);
	return ({keys, data}) => {
		let applications: Application[];
		try {
			applications = JSON.parse(`[${data}]`) as Application[];
		} catch (error) {
			throw new DamagedBatchError(error instanceof Error ? error.message : String(error));
		}
		const lines = batchKeys(keys);
		if (lines.length !== applications.length) throw new Error(`a batch of ${lines.length} profiles held ${applications.length} applications`);
		const out = new Int32Array(lines.length * SCORE_FIELDS);
		for (let i = 0; i < lines.length; i++) {
			const {number, at} = lines[i]!;
			const o = i * SCORE_FIELDS;
			if (!withinProfileLife(at, setup.asOf) || (setup.submittedBy !== null && at > setup.submittedBy)) {
				out[o] = -1;
				continue;
			}
			const own = findings.get(number);
			const result = score(own && own.length > 0 ? applyFindings(applications[i]!, own) : applications[i]!);
			if (!result) {
				out[o] = -1;
				continue;
			}
			out[o] = result.crs;
			out[o + 1] = result.programs;
			out[o + 2] = result.categories;
		}
		return out;
	};
}
