/**
 * Work experience: periods → creditable hours and whole years inside a window before a
 * reference date. Rules: IRPR s. 87.1(4), s. 80(4) and the MI (30 h a week at most count,
 * 1 year = 1,560 h); counting conventions in rules/decisions.md §2, §4, §5, §7.
 * Pure: the reference date is an argument. An assessment dates each person's periods once
 * ({@link datedWork}) and counts them with the `dated…` functions; the functions on plain periods
 * give the same results, to the last bit.
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

/** The windows the programs count work in, for one reference date (each as {@link windowBefore}). */
export type Windows = {three: Window; five: Window; ten: Window; all: Window};

/** The 3-, 5- and 10-year windows before `asOf` and the unlimited one ({@link windowBefore}). */
export function windowsBefore(asOf: string): Windows {
	const to = dayNumber(asOf) - 1;
	return {
		three: {from: addYears(asOf, -3), to},
		five: {from: addYears(asOf, -5), to},
		ten: {from: addYears(asOf, -10), to},
		all: {from: -1e9, to},
	};
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
 * A work period with its days as day numbers, worked out once per assessment: `start` its first
 * day, `end` its last day (ongoing: the day before the reference date; not capped otherwise).
 */
export type DatedPeriod = {period: WorkPeriod; start: number; end: number};

/**
 * A person's work periods dated for one reference date, in the file's order; `lastDay` is the
 * day before the reference date (the last day any period can count).
 */
export type DatedWork = {lastDay: number; periods: readonly DatedPeriod[]};

/**
 * Dates `periods` (in order) for the reference date `asOf` (`YYYY-MM-DD`); `lastDay` may be
 * passed when known (the day before `asOf`).
 */
export function datedWork(periods: readonly WorkPeriod[], asOf: string, lastDay = dayNumber(asOf) - 1): DatedWork {
	const dated: DatedPeriod[] = new Array(periods.length);
	for (let i = 0; i < periods.length; i++) {
		const period = periods[i]!;
		dated[i] = {period, start: dayNumber(period.start), end: period.end === undefined ? lastDay : dayNumber(period.end)};
	}
	return {lastDay, periods: dated};
}

/** The periods of `work` that count under `rule`, in order ({@link counts}). */
export function countedPeriods(work: DatedWork, rule: CountingRule): DatedPeriod[] {
	return work.periods.filter((dated) => counts(dated.period, rule));
}

/**
 * Creditable hours of `periods` (already filtered) inside `window`. A period runs from its start
 * to its end inclusive (ongoing: to the day before `asOf`); each day earns hoursPerWeek / 7 and
 * the summed rate of concurrent periods is capped at 30 h/week (decisions.md §4).
 */
export function creditableHours(periods: readonly WorkPeriod[], window: Window, asOf: string): Experience {
	const work = datedWork(periods, asOf);
	return datedHours(work.periods, window, work.lastDay);
}

/**
 * {@link creditableHours} of periods already dated, `lastDay` being the day before the reference
 * date. Each period adds a rate change on its first day and takes it off the day after its last;
 * the changes are ordered by day, ties in the order added (a stable sort), and summed in that
 * order so that the floating-point result never depends on the algorithm used.
 */
export function datedHours(periods: readonly DatedPeriod[], window: Window, lastDay: number): Experience {
	// Insertion keeps the usual few periods cheap; a long list (quadratic there), or days that are
	// not numbers (NaN: dates no caller should pass), take the built-in stable sort.
	const edges = (periods.length <= INSERTION_LIMIT ? insertedEdges(periods, window, lastDay) : null) ?? sortedEdges(periods, window, lastDay);
	if (edges.days.length === 0) return {hours: 0, years: 0};
	// Sum of (days × capped weekly rate); divided by 7 once at the end to stay exact.
	const {days, deltas} = edges;
	let hourDays = 0;
	let rate = 0;
	let previous = days[0]!;
	for (let i = 0; i < days.length; i++) {
		const day = days[i]!;
		if (day > previous && rate > 0) hourDays += (day - previous) * Math.min(rate, MAX_HOURS_PER_WEEK);
		rate += deltas[i]!;
		previous = day;
	}
	return {hours: hourDays / 7, years: Math.floor(hourDays / (HOURS_PER_YEAR * 7) + 1e-9)};
}

/** Rate changes by day: the day a rate starts (delta +rate) and the day after it ends (−rate). */
type Edges = {days: number[]; deltas: number[]};

/** Most periods whose rate changes {@link datedHours} orders by insertion. */
const INSERTION_LIMIT = 32;

/** The edges of `periods` clipped to the window, ordered by stable insertion; null when a day is NaN. */
function insertedEdges(periods: readonly DatedPeriod[], window: Window, lastDay: number): Edges | null {
	const days: number[] = [];
	const deltas: number[] = [];
	for (const dated of periods) {
		const start = Math.max(dated.start, window.from);
		const end = Math.min(dated.end, window.to, lastDay);
		if (end < start) continue;
		if (start !== start || end !== end) return null;
		const rate = dated.period.hoursPerWeek;
		insertEdge(days, deltas, start, rate);
		insertEdge(days, deltas, end + 1, -rate);
	}
	return {days, deltas};
}

/** Inserts an edge into `days`/`deltas` (sorted by day), after any edge of the same day. */
function insertEdge(days: number[], deltas: number[], day: number, delta: number): void {
	let i = days.length;
	while (i > 0 && days[i - 1]! > day) {
		days[i] = days[i - 1]!;
		deltas[i] = deltas[i - 1]!;
		i--;
	}
	days[i] = day;
	deltas[i] = delta;
}

/** The edges of `periods` clipped to the window, in the order of the built-in (stable) sort by day. */
function sortedEdges(periods: readonly DatedPeriod[], window: Window, lastDay: number): Edges {
	const edges: Array<[day: number, delta: number]> = [];
	for (const dated of periods) {
		const start = Math.max(dated.start, window.from);
		const end = Math.min(dated.end, window.to, lastDay);
		if (end < start) continue;
		edges.push([start, dated.period.hoursPerWeek], [end + 1, -dated.period.hoursPerWeek]);
	}
	edges.sort((a, b) => a[0] - b[0]);
	return {days: edges.map((e) => e[0]), deltas: edges.map((e) => e[1])};
}

/** Creditable experience of `periods` under `rule` in the `years` before `asOf` (null: no limit). */
export function experience(periods: readonly WorkPeriod[], rule: CountingRule, asOf: string, years: number | null): Experience {
	const work = datedWork(periods, asOf);
	return datedExperience(work, rule, windowBefore(asOf, years));
}

/** {@link experience} of dated work inside `window` (from {@link windowBefore}). */
export function datedExperience(work: DatedWork, rule: CountingRule, window: Window): Experience {
	return datedHours(countedPeriods(work, rule), window, work.lastDay);
}

/** The best unbroken stretch of one NOC for the FSW "one year of continuous work" minimum. */
export type Stretch = {nocCode: string; start: string; end: string | undefined; hours: number};

/**
 * For each five-digit NOC, periods that overlap or touch (next start no later than the day after
 * the previous end) form one stretch; one missing day breaks it. Returns the stretch with the
 * most capped hours inside the window, or null (IRPR s. 75(2)(a); decisions.md §7).
 */
export function bestContinuousStretch(periods: readonly WorkPeriod[], window: Window, asOf: string): Stretch | null {
	const work = datedWork(periods, asOf);
	return datedStretch(work.periods, window, work.lastDay);
}

/** {@link bestContinuousStretch} of periods already dated, `lastDay` being the day before the reference date. */
export function datedStretch(periods: readonly DatedPeriod[], window: Window, lastDay: number): Stretch | null {
	const byNoc = new Map<string, DatedPeriod[]>();
	for (const dated of periods) {
		const list = byNoc.get(dated.period.nocCode);
		if (list) list.push(dated);
		else byNoc.set(dated.period.nocCode, [dated]);
	}
	let best: Stretch | null = null;
	for (const [nocCode, list] of byNoc) {
		if (list.length > 1) list.sort((a, b) => (a.period.start < b.period.start ? -1 : a.period.start > b.period.start ? 1 : 0));
		let group: DatedPeriod[] = [];
		let groupEnd = -Infinity;
		for (let i = 0; i <= list.length; i++) {
			const dated = list[i];
			// A gap (or the end of the list) closes the stretch so far.
			if (dated === undefined || dated.start > groupEnd + 1) {
				if (group.length > 0) {
					const {hours} = datedHours(group, window, lastDay);
					if (!best || hours > best.hours) {
						const last = group.reduce((a, b) => (a.end >= b.end ? a : b));
						best = {nocCode, start: group[0]!.period.start, end: last.period.end, hours};
					}
				}
				if (dated === undefined) break;
				group = [];
			}
			group.push(dated);
			groupEnd = Math.max(groupEnd, dated.end);
		}
	}
	return best;
}
