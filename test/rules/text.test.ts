/**
 * Thousands separators of criterion and factor details (source/rules/text.ts): the loop gives
 * what the regex `\B(?=(\d{3})+(?!\d))` gave, for every integer, negatives and 0 included.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {formatCad, formatHours, grouped} from '../../source/rules/text.js';

/** The former implementation. */
const byRegex = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

describe('grouped', () => {
	it('writes en-CA thousands separators', () => {
		expect(grouped(0)).toBe('0');
		expect(grouped(-0)).toBe('0');
		expect(grouped(999)).toBe('999');
		expect(grouped(1000)).toBe('1,000');
		expect(grouped(-1000)).toBe('-1,000');
		expect(grouped(15263)).toBe('15,263');
		expect(grouped(-999999)).toBe('-999,999');
		expect(grouped(1234567)).toBe('1,234,567');
	});

	it('agrees with the regex on every safe integer and around each power of ten', () => {
		fc.assert(
			fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({min: -1_000_000, max: 1_000_000})), (n) => {
				expect(grouped(n)).toBe(byRegex(n));
			}),
			{numRuns: 10_000},
		);
		for (let power = 1; power <= 1e21; power *= 10) {
			for (const n of [power - 1, power, power + 1, -power + 1, -power, -power - 1]) expect(grouped(n)).toBe(byRegex(n));
		}
	});

	it('leaves what is not a run of digits as the regex left it (NaN, Infinity, exponents)', () => {
		for (const n of [Number.NaN, Infinity, -Infinity, 1e21, -1e21, 1.2345678901234567e25, 1e300]) expect(grouped(n)).toBe(byRegex(n));
	});
});

describe('formatHours and formatCad', () => {
	it('floor hours (a hair below counts as the whole hour) and round dollars', () => {
		expect(formatHours(1559.9)).toBe('1,559');
		expect(formatHours(1559.9999999999)).toBe('1,560');
		expect(formatCad(15262.5)).toBe('15,263');
		expect(formatCad(-1234.4)).toBe('-1,234');
	});

	it('agree with the regex on generated amounts', () => {
		fc.assert(
			fc.property(fc.double({min: -1e12, max: 1e12, noNaN: true}), (x) => {
				expect(formatHours(x)).toBe(byRegex(Math.floor(x + 1e-9)));
				expect(formatCad(x)).toBe(byRegex(Math.round(x)));
			}),
			{numRuns: 5000},
		);
	});
});
