/**
 * IRCC's latest published CRS score distribution of the candidates in the Express Entry pool,
 * copied from shared/data/crs-distribution.csv (IRCC's JSON feed behind the "Express Entry rounds
 * of invitations" page, fields dd1…dd18). The 15 bands below partition 0–1200 (IRCC's overlapping
 * subtotals 451-500 and 401-450 left out); they add up to IRCC's total.
 * The demo's pool profiles are generated to follow this shape, scaled to the demo's size.
 */

/** IRCC's "as of" date of the distribution. */
export const CRS_DISTRIBUTION_AS_OF = '2026-08-03';

/** Where the figures come from. */
export const CRS_DISTRIBUTION_SOURCE =
	'IRCC, Express Entry rounds of invitations (ee_rounds_123_en.json), distribution as of 2026-08-03; ' +
	'stored copy: https://github.com/prabhakarana/express_entry_draw_tracker/blob/59e9e35df9655725c95b357645c36f6fa79c756f/data/ee_rounds_123_en.json';

/** One band: CRS from `min` to `max` inclusive, and the number of candidates IRCC counted in it. */
export type CrsBand = {label: string; min: number; max: number; candidates: number};

/** The 15 partition bands, highest first (IRCC's order). */
export const CRS_BANDS: readonly CrsBand[] = [
	{label: '601-1200', min: 601, max: 1200, candidates: 500},
	{label: '501-600', min: 501, max: 600, candidates: 19705},
	{label: '491-500', min: 491, max: 500, candidates: 12939},
	{label: '481-490', min: 481, max: 490, candidates: 12890},
	{label: '471-480', min: 471, max: 480, candidates: 16368},
	{label: '461-470', min: 461, max: 470, candidates: 16057},
	{label: '451-460', min: 451, max: 460, candidates: 14845},
	{label: '441-450', min: 441, max: 450, candidates: 13595},
	{label: '431-440', min: 431, max: 440, candidates: 13267},
	{label: '421-430', min: 421, max: 430, candidates: 11942},
	{label: '411-420', min: 411, max: 420, candidates: 11326},
	{label: '401-410', min: 401, max: 410, candidates: 10775},
	{label: '351-400', min: 351, max: 400, candidates: 50107},
	{label: '301-350', min: 301, max: 350, candidates: 17101},
	{label: '0-300', min: 0, max: 300, candidates: 7683},
];

/** IRCC's total for the date (the sum of the 15 bands). */
export const CRS_DISTRIBUTION_TOTAL = 229100;

/** The band a CRS total falls in. */
export function bandOf(crs: number): CrsBand {
	return CRS_BANDS.find((band) => crs >= band.min && crs <= band.max) ?? CRS_BANDS[CRS_BANDS.length - 1]!;
}

/**
 * How many of `count` profiles fall in each band when the published shape is scaled to `count`
 * (largest-remainder rounding, so the counts add up to `count` exactly). Same order as CRS_BANDS.
 */
export function scaledBandCounts(count: number): number[] {
	const exact = CRS_BANDS.map((band) => (band.candidates * count) / CRS_DISTRIBUTION_TOTAL);
	const counts = exact.map(Math.floor);
	let missing = count - counts.reduce((a, b) => a + b, 0);
	const byRemainder = exact.map((value, index) => ({index, remainder: value - Math.floor(value)})).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
	for (let i = 0; missing > 0; i = (i + 1) % byRemainder.length, missing--) counts[byRemainder[i]!.index]! += 1;
	return counts;
}
