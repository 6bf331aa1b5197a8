/**
 * Raw language-test scores that give a wanted CLB/NCLC level, read off the same equivalency
 * charts the rules engine uses (source/rules/language-tables.ts), so that a generated result
 * converts to the level the generator meant.
 */
import type {LanguageTest, LanguageTestName} from '../../rules/application.js';
import {IELTS_GT, PTE_CORE, TCF_CANADA, TEF_CANADA, type Ability, type Chart} from '../../rules/language-tables.js';
import type {Random} from './random.js';

const ABILITIES: readonly Ability[] = ['listening', 'reading', 'writing', 'speaking'];

function chartOf(test: LanguageTestName, date: string): Chart | null {
	switch (test) {
		case 'IELTS-GT':
			return IELTS_GT;
		case 'PTE-Core':
			return PTE_CORE;
		case 'TCF':
			return TCF_CANADA;
		case 'TEF':
			return TEF_CANADA.find((dated) => date >= dated.from && (dated.until === undefined || date < dated.until))!.chart;
		case 'CELPIP-G':
			return null;
	}
}

/** A raw score for `ability` at exactly `clb` (4–10): the chart's minimum, sometimes one step above. */
function scoreFor(test: LanguageTestName, chart: Chart | null, ability: Ability, clb: number, random: Random): number {
	if (!chart) return clb === 10 ? random.pick([10, 11, 12]) : clb;
	const row = chart.minimums[ability];
	const index = Math.max(0, Math.min(row.length - 1, chart.top - clb));
	const minimum = row[index]!;
	const ceiling = index === 0 ? (test === 'IELTS-GT' ? 9 : test === 'TCF' && (ability === 'writing' || ability === 'speaking') ? 20 : test === 'PTE-Core' ? 90 : 699) : row[index - 1]!;
	if (test === 'IELTS-GT') {
		const steps = Math.round((ceiling - minimum) * 2);
		return minimum + 0.5 * random.int(0, Math.max(0, Math.min(steps - (index === 0 ? 0 : 1), 1)));
	}
	const room = ceiling - minimum - (index === 0 ? 0 : 1);
	return minimum + random.int(0, Math.max(0, Math.min(room, index === 0 ? 20 : 12)));
}

/** A result of `test` taken on `date` whose four abilities give the CLB/NCLC levels `levels` (L, R, W, S). */
export function languageTest(test: LanguageTestName, date: string, levels: readonly [number, number, number, number], random: Random): LanguageTest {
	const chart = chartOf(test, date);
	const [listening, reading, writing, speaking] = ABILITIES.map((ability, i) => scoreFor(test, chart, ability, levels[i]!, random)) as [number, number, number, number];
	return {test, date, listening, reading, writing, speaking};
}
