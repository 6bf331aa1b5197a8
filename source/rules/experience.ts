/**
 * Work experience: periods → creditable hours and whole years inside a window before a
 * reference date. Rules: IRPR s. 87.1(4), s. 80(4) and the MI (30 h a week at most count,
 * 1 year = 1,560 h); counting conventions in rules/decisions.md §2, §4, §5, §7.
 * Pure: the reference date is an argument.
 */
import type {WorkPeriod} from './application.js';
import {addYears, dayNumber} from './dates.js';
import {isSkilled} from './noc.js';

/** Hours in one year of full-time work (30 h/week × 52 weeks). */
export const HOURS_PER_YEAR = 1560;
/** Most paid hours a week that count, across all jobs held in the same week. */
export const MAX_HOURS_PER_WEEK = 30;

/** An inclusive range of day numbers (days since 1970-01-01). */
export type Window = {from: number; to: number};

/** Creditable hours (may be fractional) and whole years (floor of hours / 1,560). */
export type Experience = {hours: number; years: number};

/**
 * "The N years before" `asOf`: from `asOf` minus N years to the day before `asOf`
 * (decisions.md §2). `years` = null: everything up to the day before `asOf`.
 */
export function windowBefore(asOf: string, years: number | null): Window {
	const to = dayNumber(asOf) - 1;
	return {from: years === null ? -1e9 : addYears(asOf, -years), to};
}

/** Who the experience is counted for: what counts differs (decisions.md §5, §9). */
export type CountingRule = {
	/** Only TEER 0–3 (true everywhere except a spouse's past work for FSW adaptability). */
	skilledOnly: boolean;
	/** `CAN` periods only, other countries only, or both. */
	where: 'canada' | 'abroad' | 'anywhere';
};

/**
 * True when a period counts under `rule`: skilled TEER (if required), in the right place,
 * not marked not-credited by an officer, and for work in Canada: authorized, not
 * self-employed, not while a full-time student (IRPR s. 87.1(3); decisions.md §5).
 */
export function counts(period: WorkPeriod, rule: CountingRule): boolean {
	if (period.finding === 'not_credited') return false;
	if (rule.skilledOnly && !isSkilled(period.nocCode)) return false;
	const inCanada = period.country === 'CAN';
	if (rule.where === 'canada' && !inCanada) return false;
	if (rule.where === 'abroad' && inCanada) return false;
	if (inCanada && (period.authorized === false || period.selfEmployed === true || period.whileFullTimeStudent === true)) {
		return false;
	}
	return true;
}

/**
 * Creditable hours of `periods` (already filtered) inside `window`. A period runs from its start
 * to its end inclusive (ongoing: to the day before `asOf`); each day earns hoursPerWeek / 7 and
 * the summed rate of concurrent periods is capped at 30 h/week (decisions.md §4).
 */
export function creditableHours(periods: readonly WorkPeriod[], window: Window, asOf: string): Experience {
	const lastDay = dayNumber(asOf) - 1;
	const edges: Array<[day: number, delta: number]> = [];
	for (const period of periods) {
		const start = Math.max(dayNumber(period.start), window.from);
		const end = Math.min(period.end === undefined ? lastDay : dayNumber(period.end), window.to, lastDay);
		if (end < start) continue;
		edges.push([start, period.hoursPerWeek], [end + 1, -period.hoursPerWeek]);
	}
	if (edges.length === 0) return {hours: 0, years: 0};
	edges.sort((a, b) => a[0] - b[0]);
	// Sum of (days × capped weekly rate); divided by 7 once at the end to stay exact.
	let hourDays = 0;
	let rate = 0;
	let previous = edges[0]![0];
	for (const [day, delta] of edges) {
		if (day > previous && rate > 0) hourDays += (day - previous) * Math.min(rate, MAX_HOURS_PER_WEEK);
		rate += delta;
		previous = day;
	}
	return {hours: hourDays / 7, years: Math.floor(hourDays / (HOURS_PER_YEAR * 7) + 1e-9)};
}

/** Creditable experience of `periods` under `rule` in the `years` before `asOf` (null: no limit). */
export function experience(periods: readonly WorkPeriod[], rule: CountingRule, asOf: string, years: number | null): Experience {
	return creditableHours(
		periods.filter((period) => counts(period, rule)),
		windowBefore(asOf, years),
		asOf,
	);
}

/** The best unbroken stretch of one NOC for the FSW "one year of continuous work" minimum. */
export type Stretch = {nocCode: string; start: string; end: string | undefined; hours: number};

/**
 * For each five-digit NOC, periods that overlap or touch (next start no later than the day after
 * the previous end) form one stretch; one missing day breaks it. Returns the stretch with the
 * most capped hours inside the window, or null (IRPR s. 75(2)(a); decisions.md §7).
 */
export function bestContinuousStretch(periods: readonly WorkPeriod[], window: Window, asOf: string): Stretch | null {
	const lastDay = dayNumber(asOf) - 1;
	const byNoc = new Map<string, WorkPeriod[]>();
	for (const period of periods) {
		const list = byNoc.get(period.nocCode);
		if (list) list.push(period);
		else byNoc.set(period.nocCode, [period]);
	}
	let best: Stretch | null = null;
	for (const [nocCode, list] of byNoc) {
		list.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
		let group: WorkPeriod[] = [];
		let groupEnd = -Infinity;
		const flush = () => {
			if (group.length === 0) return;
			const {hours} = creditableHours(group, window, asOf);
			if (!best || hours > best.hours) {
				const last = group.reduce((a, b) => (endDay(a, lastDay) >= endDay(b, lastDay) ? a : b));
				best = {nocCode, start: group[0]!.start, end: last.end, hours};
			}
		};
		for (const period of list) {
			if (dayNumber(period.start) > groupEnd + 1) {
				flush();
				group = [];
			}
			group.push(period);
			groupEnd = Math.max(groupEnd, endDay(period, lastDay));
		}
		flush();
	}
	return best;
}

function endDay(period: WorkPeriod, lastDay: number): number {
	return period.end === undefined ? lastDay : dayNumber(period.end);
}
