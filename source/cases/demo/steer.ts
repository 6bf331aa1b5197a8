/**
 * Steering a generated profile's CRS into a band: draw a profile at some strength, assess it,
 * and, when it misses, first make the applicant older or younger a year at a time (age points move
 * the score in steps of 5 to 11), then draw again stronger or weaker, until its score falls in the
 * band and it passes the caller's check (e.g. eligible for its program), within a bounded number
 * of tries. When no try fits, the acceptable profile closest to the band is kept (or the last one).
 */
import type {Application} from '../../rules/application.js';
import type {CaseAssessment} from '../assessment.js';
import type {Random} from './random.js';

/** A generated application with its case assessment and whatever the evaluator adds. */
export type Steered<E> = {application: Application; assessment: CaseAssessment; extra: E; tries: number; inBand: boolean; strength: number};

/** What to steer towards: a CRS band, the strength to start from, and other scores also welcome. */
export type SteerTarget = {min: number; max: number; strength: number; alsoFits?: (crs: number) => boolean};

/** How to make, judge and age a profile. */
export type SteerFunctions<E> = {
	/** A new application at `strength` (0–1). */
	generate: (strength: number) => Application;
	/** Its case assessment, plus anything the caller wants back (e.g. the findings used). */
	evaluate: (application: Application) => {assessment: CaseAssessment; extra: E};
	/** Whether a result is acceptable besides its score (e.g. eligible for its program). */
	accept: (assessment: CaseAssessment, extra: E) => boolean;
	/** The application with the applicant `years` older (negative: younger), or null when that is implausible. */
	older: (application: Application, years: number) => Application | null;
};

type Candidate<E> = {application: Application; assessment: CaseAssessment; extra: E};

const distanceTo = (total: number, target: SteerTarget) => (total < target.min ? target.min - total : total > target.max ? total - target.max : 0);
const fitsTarget = (total: number, target: SteerTarget) => distanceTo(total, target) === 0 || target.alsoFits?.(total) === true;

/**
 * Tries ageing or rejuvenating `base` into the band: a first jump sized on about 6 points a
 * year, then a year at a time; the first fitting variant, or null.
 */
function byAge<E>(base: Candidate<E>, target: SteerTarget, fns: SteerFunctions<E>): Candidate<E> | null {
	const total = base.assessment.asAssessed.crs.total;
	const direction = total > target.max ? 1 : -1;
	const distance = distanceTo(total, target);
	let years = Math.max(1, Math.round(distance / 6));
	let lastSide = 0;
	for (let attempt = 0; attempt < 5 && years >= 1 && years <= 16; attempt++) {
		const application = fns.older(base.application, direction * years);
		if (!application) return null;
		const next = {application, ...fns.evaluate(application)};
		const nextTotal = next.assessment.asAssessed.crs.total;
		if (fitsTarget(nextTotal, target) && fns.accept(next.assessment, next.extra)) return next;
		if (distanceTo(nextTotal, target) === 0) return null;
		// Still on the starting side: go further; overshot: come back (never both ways twice).
		const side = (direction > 0 ? nextTotal > target.max : nextTotal < target.min) ? 1 : -1;
		if (lastSide !== 0 && side !== lastSide) return null;
		lastSide = side;
		years += side;
	}
	return null;
}

/**
 * Draws up to `maxTries` applications until one scores (as assessed) within [min, max] and
 * passes `accept`; returns it, or the best acceptable miss (`inBand` false).
 */
export function steer<E>(random: Random, target: SteerTarget, fns: SteerFunctions<E>, maxTries = 24): Steered<E> {
	let strength = target.strength;
	let step = 0.18;
	let best: (Candidate<E> & {distance: number; ok: boolean; strength: number}) | null = null;
	for (let tries = 1; tries <= maxTries; tries++) {
		const used = Math.max(0, Math.min(1, strength + random.normal(0, 0.04)));
		const application = fns.generate(used);
		const candidate = {application, ...fns.evaluate(application)};
		const total = candidate.assessment.asAssessed.crs.total;
		const ok = fns.accept(candidate.assessment, candidate.extra);
		const distance = distanceTo(total, target);
		if (ok && fitsTarget(total, target)) return {...candidate, tries, inBand: true, strength: used};
		if (distance > 0 && distance <= 70) {
			const aged = byAge(candidate, target, fns);
			if (aged) return {...aged, tries, inBand: true, strength: used};
		}
		if (!best || (ok && (!best.ok || distance < best.distance))) best = {...candidate, distance, ok, strength: used};
		if (distance > 0) {
			strength = Math.max(-0.1, Math.min(1.1, strength + (total < target.min ? step : -step)));
			step = Math.max(0.03, step * 0.8);
		} else if (!ok) {
			// In the band but not acceptable (usually too weak to be eligible): a little stronger.
			strength = Math.min(1.1, strength + 0.04);
		}
	}
	const {application, assessment, extra, strength: bestStrength} = best!;
	return {application, assessment, extra, tries: maxTries, inBand: false, strength: bestStrength};
}

