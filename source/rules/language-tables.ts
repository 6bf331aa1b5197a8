/**
 * Test-equivalency charts: the lowest raw score that reaches each CLB/NCLC level, per ability.
 * Source: IRCC "Language test equivalency charts" (canada.ca …/language-requirements/
 * test-equivalency-charts.html); rules.md §6 with each table's confidence label.
 * Each row lists minimum scores for CLB 10, 9, 8, 7, 6, 5, 4 (and 3 where the chart has it).
 */

export type Ability = 'listening' | 'reading' | 'writing' | 'speaking';

/** Minimum raw score per level, highest level first; `top` is the level of the first entry. */
export type Chart = {top: number; minimums: Record<Ability, readonly number[]>};

/** A chart that applies to tests taken from `from` (inclusive) to `until` (exclusive), `YYYY-MM-DD`. */
export type DatedChart = {from: string; until?: string; chart: Chart; source: string};

/** IELTS General Training [OFF]. */
export const IELTS_GT: Chart = {
	top: 10,
	minimums: {
		reading: [8.0, 7.0, 6.5, 6.0, 5.0, 4.0, 3.5],
		writing: [7.5, 7.0, 6.5, 6.0, 5.5, 5.0, 4.0],
		listening: [8.5, 8.0, 7.5, 6.0, 5.5, 5.0, 4.5],
		speaking: [7.5, 7.0, 6.5, 6.0, 5.5, 5.0, 4.0],
	},
};

/** PTE Core, accepted from 2024-01-30 [OFF-COPY]; the chart goes down to CLB 3. */
export const PTE_CORE: Chart = {
	top: 10,
	minimums: {
		reading: [88, 78, 69, 60, 51, 42, 33, 24],
		writing: [90, 88, 79, 69, 60, 51, 41, 32],
		listening: [89, 82, 71, 60, 50, 39, 28, 18],
		speaking: [89, 84, 76, 68, 59, 51, 42, 34],
	},
};

/** Date from which PTE Core results are accepted for Express Entry. */
export const PTE_CORE_ACCEPTED_FROM = '2024-01-30';

const uniform = (row: number[]): Record<Ability, readonly number[]> => ({
	reading: row,
	writing: row,
	listening: row,
	speaking: row,
});

/** TEF Canada, by test date: three scales [OFF] (before 2019-10-01), [OFF-COPY] (after). */
export const TEF_CANADA: readonly DatedChart[] = [
	{
		from: '0000-01-01',
		until: '2019-10-01',
		source: 'IRCC test equivalency chart, TEF Canada (tests before 2019-10-01)',
		chart: {
			top: 10,
			minimums: {
				reading: [263, 248, 233, 207, 181, 151, 121],
				writing: [393, 371, 349, 310, 271, 226, 181],
				listening: [316, 298, 280, 249, 217, 181, 145],
				speaking: [393, 371, 349, 310, 271, 226, 181],
			},
		},
	},
	{
		from: '2019-10-01',
		until: '2023-12-11',
		source: 'IRCC test equivalency chart, TEF Canada (tests 2019-10-01 to 2023-12-10)',
		chart: {top: 10, minimums: uniform([566, 533, 500, 450, 400, 350, 300])},
	},
	{
		from: '2023-12-11',
		source: 'IRCC test equivalency chart, TEF Canada (tests from 2023-12-11)',
		chart: {
			top: 10,
			minimums: {
				reading: [546, 503, 462, 434, 393, 352, 306],
				writing: [558, 512, 472, 428, 379, 330, 268],
				listening: [546, 503, 462, 434, 393, 352, 306],
				speaking: [556, 518, 494, 456, 422, 387, 328],
			},
		},
	},
];

/** TCF Canada [OFF]. */
export const TCF_CANADA: Chart = {
	top: 10,
	minimums: {
		reading: [549, 524, 499, 453, 406, 375, 342],
		writing: [16, 14, 12, 10, 7, 6, 4],
		listening: [549, 523, 503, 458, 398, 369, 331],
		speaking: [16, 14, 12, 10, 7, 6, 4],
	},
};
