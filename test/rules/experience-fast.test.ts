/**
 * The hour counting of source/rules/experience.ts (periods dated once per assessment, rate
 * changes ordered by a stable insertion) against the former implementation it replaced: tuples
 * sorted by the built-in stable sort. Floating-point sums depend on the order of the additions,
 * so the results must be exactly equal (Object.is), fractional weekly hours included.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {WorkPeriod} from '../../source/rules/application.js';
import {dayNumber, fromDayNumber} from '../../source/rules/dates.js';
import {
	bestContinuousStretch,
	countedPeriods,
	creditableHours,
	datedExperience,
	datedWork,
	experience,
	windowBefore,
	windowsBefore,
	type Experience,
	type Stretch,
	type Window,
} from '../../source/rules/experience.js';

/** The former creditableHours. */
function hoursBefore(periods: readonly WorkPeriod[], window: Window, asOf: string): Experience {
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
	let hourDays = 0;
	let rate = 0;
	let previous = edges[0]![0];
	for (const [day, delta] of edges) {
		if (day > previous && rate > 0) hourDays += (day - previous) * Math.min(rate, 30);
		rate += delta;
		previous = day;
	}
	return {hours: hourDays / 7, years: Math.floor(hourDays / (1560 * 7) + 1e-9)};
}

/** The former bestContinuousStretch. */
function stretchBefore(periods: readonly WorkPeriod[], window: Window, asOf: string): Stretch | null {
	const lastDay = dayNumber(asOf) - 1;
	const endDay = (period: WorkPeriod) => (period.end === undefined ? lastDay : dayNumber(period.end));
	const byNoc = new Map<string, WorkPeriod[]>();
	for (const period of periods) byNoc.set(period.nocCode, [...(byNoc.get(period.nocCode) ?? []), period]);
	let best: Stretch | null = null;
	for (const [nocCode, list] of byNoc) {
		list.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
		let group: WorkPeriod[] = [];
		let groupEnd = -Infinity;
		const flush = () => {
			if (group.length === 0) return;
			const {hours} = hoursBefore(group, window, asOf);
			if (!best || hours > best.hours) {
				const last = group.reduce((a, b) => (endDay(a) >= endDay(b) ? a : b));
				best = {nocCode, start: group[0]!.start, end: last.end, hours};
			}
		};
		for (const period of list) {
			if (dayNumber(period.start) > groupEnd + 1) {
				flush();
				group = [];
			}
			group.push(period);
			groupEnd = Math.max(groupEnd, endDay(period));
		}
		flush();
	}
	return best;
}

const AS_OF_MIN = dayNumber('2016-01-01');
const AS_OF_MAX = dayNumber('2027-12-31');

/** Work periods around asOf: shared start and end days (ties), ongoing ones, odd weekly hours. */
const casesArb = (minLength: number, maxLength: number) =>
	fc
		.record({
			asOfDay: fc.integer({min: AS_OF_MIN, max: AS_OF_MAX}),
			periods: fc.array(
				fc.record({
					nocCode: fc.constantFrom('21231', '21232', '72106', '44101'),
					country: fc.constantFrom('CAN', 'IND'),
					// Few distinct offsets, so that periods often start or end on the same day.
					startBack: fc.oneof(fc.constantFrom(30, 365, 1096, 1827), fc.integer({min: -30, max: 4500})),
					length: fc.oneof(fc.constantFrom(0, 364, 365, 729), fc.integer({min: -5, max: 4000})),
					ongoing: fc.boolean(),
					hoursPerWeek: fc.oneof(fc.constantFrom(0.1, 0.2, 7.3, 12.7, 22.3, 37.5, 40), fc.double({min: 0, max: 60, noNaN: true})),
				}),
				{minLength, maxLength},
			),
			years: fc.constantFrom(null, 3, 5, 10),
		})
		.map(({asOfDay, periods, years}) => ({
			asOf: fromDayNumber(asOfDay),
			years,
			periods: periods.map((spec): WorkPeriod => {
				const period: WorkPeriod = {nocCode: spec.nocCode, country: spec.country, start: fromDayNumber(asOfDay - spec.startBack), hoursPerWeek: spec.hoursPerWeek};
				if (!spec.ongoing) period.end = fromDayNumber(asOfDay - spec.startBack + spec.length);
				return period;
			}),
		}));
const caseArb = casesArb(0, 9);

const same = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));

describe('hours counted as before, to the last bit', () => {
	it('creditableHours and experience', () => {
		fc.assert(
			fc.property(caseArb, ({asOf, periods, years}) => {
				const window = windowBefore(asOf, years);
				const expected = hoursBefore(periods, window, asOf);
				const actual = creditableHours(periods, window, asOf);
				expect(Object.is(actual.hours, expected.hours)).toBe(true);
				expect(actual.years).toBe(expected.years);
				const rule = {skilledOnly: true, where: 'anywhere'} as const;
				same(experience(periods, rule, asOf, years), hoursBefore(periods.filter((p) => p.nocCode !== '44101'), window, asOf));
			}),
			{numRuns: 3000},
		);
	});

	it('long lists (sorted rather than inserted)', () => {
		fc.assert(
			fc.property(casesArb(30, 45), ({asOf, periods, years}) => {
				const window = windowBefore(asOf, years);
				expect(Object.is(creditableHours(periods, window, asOf).hours, hoursBefore(periods, window, asOf).hours)).toBe(true);
			}),
			{numRuns: 300},
		);
	});

	it('bestContinuousStretch', () => {
		fc.assert(
			fc.property(caseArb, ({asOf, periods, years}) => {
				const window = windowBefore(asOf, years);
				same(bestContinuousStretch(periods, window, asOf), stretchBefore(periods, window, asOf));
			}),
			{numRuns: 3000},
		);
	});

	it('work dated once gives what the periods give, window by window', () => {
		fc.assert(
			fc.property(caseArb, ({asOf, periods}) => {
				const work = datedWork(periods, asOf);
				const windows = windowsBefore(asOf);
				expect(windows).toEqual({three: windowBefore(asOf, 3), five: windowBefore(asOf, 5), ten: windowBefore(asOf, 10), all: windowBefore(asOf, null)});
				for (const rule of [{skilledOnly: true, where: 'canada'}, {skilledOnly: false, where: 'abroad'}] as const) {
					expect(countedPeriods(work, rule).map((dated) => dated.period)).toEqual(periods.filter((p) => (p.country === 'CAN') === (rule.where === 'canada') && (!rule.skilledOnly || p.nocCode !== '44101')));
					same(datedExperience(work, rule, windows.ten), experience(periods, rule, asOf, 10));
				}
			}),
			{numRuns: 1000},
		);
	});

	it('rate changes on one day are added in the order the periods give them (a reordering changes the sum)', () => {
		// Found by the property above against a sort that put later-added changes first on a tie.
		const asOf = '2016-01-01';
		const periods: WorkPeriod[] = [
			{nocCode: '21231', country: 'CAN', start: '2012-12-31', end: '2015-01-01', hoursPerWeek: 0.1},
			{nocCode: '21231', country: 'CAN', start: '2015-01-01', end: '2015-01-01', hoursPerWeek: 7.3},
			{nocCode: '21231', country: 'CAN', start: '2015-12-08', hoursPerWeek: 0.1},
		];
		const window = windowBefore(asOf, null);
		const expected = hoursBefore(periods, window, asOf);
		expect(Object.is(creditableHours(periods, window, asOf).hours, expected.hours)).toBe(true);
		expect(Object.is(hoursBefore([periods[1]!, periods[0]!, periods[2]!], window, asOf).hours, expected.hours)).toBe(false);
	});
});
