/**
 * The integer date arithmetic of source/rules/dates.ts against the built-in `Date.UTC` and
 * `toISOString` it replaced (fast-check over 1900–2100, leap days included, and odd inputs):
 * same day numbers, same strings, the same 29 February → 1 March rule.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {addYears, completedYears, dayNumber, fromDayNumber, isRealDate} from '../../source/rules/dates.js';

const MS_PER_DAY = 86_400_000;

/** The former dayNumber: `Date.UTC` on the sliced fields. */
const dayByDate = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
/** The former fromDayNumber. */
const stringByDate = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
/** The former addYears. */
function addYearsByDate(date: string, years: number): number {
	const y = Number(date.slice(0, 4)) + years;
	const m = Number(date.slice(5, 7));
	const d = Number(date.slice(8, 10));
	if (m === 2 && d === 29 && !leap(y)) return Date.UTC(y, 2, 1) / MS_PER_DAY;
	return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

const FIRST = dayByDate('1900-01-01');
const LAST = dayByDate('2100-12-31');
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Any day 1900–2100, often a 28/29 February or 1 March. */
const dayArb = fc.oneof(
	{weight: 3, arbitrary: fc.integer({min: FIRST, max: LAST})},
	{
		weight: 1,
		arbitrary: fc
			.record({year: fc.integer({min: 1900, max: 2100}), which: fc.constantFrom('02-28', '02-29', '03-01')})
			.filter(({year, which}) => which !== '02-29' || leap(year))
			.map(({year, which}) => dayByDate(`${year}-${which}`)),
	},
);
/** Eight digits in the `YYYY-MM-DD` places, valid or not (month 00–19, day 00–39, any year). */
const digitsArb = fc
	.record({year: fc.integer({min: 0, max: 9999}), month: fc.integer({min: 0, max: 19}), day: fc.integer({min: 0, max: 39})})
	.map(({year, month, day}) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);

describe('dayNumber and fromDayNumber (integer arithmetic) agree with Date.UTC', () => {
	it('on every day from 1900 to 2100, both ways', () => {
		const wrong: string[] = [];
		for (let day = FIRST; day <= LAST; day++) {
			const text = stringByDate(day);
			if (fromDayNumber(day) !== text || dayNumber(text) !== day) wrong.push(`${day} ${text}`);
		}
		expect(wrong).toEqual([]);
		expect(LAST - FIRST).toBe(73_413);
	});

	it('on generated days, leap days among them', () => {
		fc.assert(
			fc.property(dayArb, (day) => {
				expect(fromDayNumber(day)).toBe(stringByDate(day));
				expect(dayNumber(stringByDate(day))).toBe(day);
			}),
			{numRuns: 5000},
		);
	});

	it('on any digits in the date places: overflowing days and months, years 0000–0099 (read as 1900–1999)', () => {
		fc.assert(
			fc.property(digitsArb, (text) => {
				expect(Object.is(dayNumber(text), dayByDate(text))).toBe(true);
			}),
			{numRuns: 5000},
		);
		for (const text of ['2026-02-30', '2026-13-01', '2026-00-10', '2026-01-00', '0000-01-01', '0099-12-31', '0100-01-01', '9999-12-31', '2026-1-01', 'abcd-ef-gh', '', '2026-03-01T23:59:59Z']) {
			expect(Object.is(dayNumber(text), dayByDate(text)), text).toBe(true);
		}
	});

	it('fromDayNumber outside years 0000–9999 and for fractions gives what toISOString gives', () => {
		for (const day of [-719_529, -719_528, 2_932_896, 2_932_897, -1e6, 1.5, -0.25, -0]) expect(fromDayNumber(day)).toBe(stringByDate(day));
		expect(() => fromDayNumber(Number.NaN)).toThrow(RangeError);
	});

	it('isRealDate: real dates only, from year 0100 (as before)', () => {
		fc.assert(
			fc.property(digitsArb, (text) => {
				const [y, m, d] = text.split('-').map(Number) as [number, number, number];
				const real = y >= 100 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(2000, m, 0)).getUTCDate() - (m === 2 && !leap(y) ? 1 : 0);
				expect(isRealDate(text)).toBe(real);
			}),
			{numRuns: 5000},
		);
	});
});

describe('addYears (integer arithmetic) agrees with Date.UTC', () => {
	it('on generated dates and year counts, 29 February landing in a common year giving 1 March', () => {
		fc.assert(
			fc.property(dayArb, fc.integer({min: -120, max: 120}), (day, years) => {
				const text = stringByDate(day);
				expect(addYears(text, years)).toBe(addYearsByDate(text, years));
			}),
			{numRuns: 5000},
		);
	});

	it('29 February: 1 March in a common year, 29 February in a leap year', () => {
		expect(fromDayNumber(addYears('2024-02-29', 1))).toBe('2025-03-01');
		expect(fromDayNumber(addYears('2024-02-29', -3))).toBe('2021-03-01');
		expect(fromDayNumber(addYears('2024-02-29', 4))).toBe('2028-02-29');
		expect(fromDayNumber(addYears('2000-02-29', 100))).toBe('2100-03-01');
		expect(fromDayNumber(addYears('2000-02-29', 400))).toBe('2400-02-29');
	});

	it('on odd inputs: any digits, landing in years 0000–0099, fractional years', () => {
		fc.assert(
			fc.property(digitsArb, fc.integer({min: -2100, max: 2100}), (text, years) => {
				expect(Object.is(addYears(text, years), addYearsByDate(text, years))).toBe(true);
			}),
			{numRuns: 5000},
		);
		for (const [text, years] of [['2026-03-01', -1950], ['2024-02-29', -1925], ['2026-03-01', 0.5], ['abcd-ef-gh', 1]] as const) {
			expect(Object.is(addYears(text, years), addYearsByDate(text, years)), `${text} ${years}`).toBe(true);
		}
	});

	it('completedYears counts a 29 February birthday on 1 March in common years', () => {
		expect(completedYears('2000-02-29', '2026-02-28')).toBe(25);
		expect(completedYears('2000-02-29', '2026-03-01')).toBe(26);
		expect(completedYears('2000-02-29', '2028-02-29')).toBe(28);
		expect(completedYears('2026-03-01', '2026-03-01')).toBe(0);
		expect(completedYears('2027-01-01', '2026-03-01')).toBe(0);
	});
});
