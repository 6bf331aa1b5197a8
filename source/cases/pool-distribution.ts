/**
 * The CRS score distribution of a pool in IRCC's bands (as published with each round of
 * invitations): 601–1200, 501–600, 451–500 with its five 10-point sub-bands, 401–450 with its
 * five sub-bands, 351–400, 301–350 and 0–300; and a plain-text bar chart of it (`#` only, so it
 * reads the same on TERM=dumb and with NO_COLOR). Pure: shared by `caips pool` and the Pool screen.
 */

/** One band of the distribution. */
export type DistributionBand = {
	/** `601-1200`, `491-500`, … as IRCC writes them. */
	label: string;
	/** Lowest and highest CRS score of the band (inclusive). */
	min: number;
	max: number;
	count: number;
	/** 0 for the bands of the partition and the subtotals, 1 for a 10-point sub-band of a subtotal. */
	level: 0 | 1;
	/** True for `451-500` and `401-450`, the sums of their sub-bands. */
	subtotal: boolean;
};

/** A pool's distribution: IRCC's 17 rows in IRCC's order, and the total. */
export type Distribution = {bands: DistributionBand[]; total: number};

type BandSpec = {min: number; max: number; level: 0 | 1; subtotal: boolean};

/** IRCC's rows, in IRCC's order (shared/data/README.md: the 15 non-subtotal rows partition 0–1200). */
const BANDS: readonly BandSpec[] = [
	{min: 601, max: 1200, level: 0, subtotal: false},
	{min: 501, max: 600, level: 0, subtotal: false},
	{min: 451, max: 500, level: 0, subtotal: true},
	...[491, 481, 471, 461, 451].map((min): BandSpec => ({min, max: min + 9, level: 1, subtotal: false})),
	{min: 401, max: 450, level: 0, subtotal: true},
	...[441, 431, 421, 411, 401].map((min): BandSpec => ({min, max: min + 9, level: 1, subtotal: false})),
	{min: 351, max: 400, level: 0, subtotal: false},
	{min: 301, max: 350, level: 0, subtotal: false},
	{min: 0, max: 300, level: 0, subtotal: false},
];

/**
 * Counts `scores` (CRS totals, 0–1200) into IRCC's bands. A score above 1200 counts in 601–1200
 * and a negative one in 0–300 (neither occurs: the CRS is capped at 1200).
 */
export function distributionOf(scores: Iterable<number>): Distribution {
	const counts = BANDS.map(() => 0);
	let total = 0;
	for (const raw of scores) {
		const score = Math.min(1200, Math.max(0, raw));
		total++;
		for (let i = 0; i < BANDS.length; i++) {
			const band = BANDS[i]!;
			if (score >= band.min && score <= band.max) counts[i]!++;
		}
	}
	return {
		bands: BANDS.map((b, i) => ({label: `${b.min}-${b.max}`, min: b.min, max: b.max, count: counts[i]!, level: b.level, subtotal: b.subtotal})),
		total,
	};
}

const number = (n: number) => n.toLocaleString('en-CA');

/**
 * The distribution as lines of at most `width` characters (at least 30): a heading, then one row
 * per band — label (sub-bands indented), count, and a bar of `#` proportional to the count (the
 * largest row fills the bar space; any non-zero count shows at least one `#`) — then the total.
 */
export function distributionLines(distribution: Distribution, width: number): string[] {
	const w = Math.max(30, Math.floor(width));
	const labels = distribution.bands.map((b) => `${b.level === 1 ? '  ' : ''}${b.label}`);
	const counts = distribution.bands.map((b) => number(b.count));
	const labelWidth = Math.max(...labels.map((l) => l.length));
	const countWidth = Math.max(...counts.map((c) => c.length), number(distribution.total).length);
	const barWidth = Math.max(1, w - labelWidth - countWidth - 2);
	const largest = Math.max(0, ...distribution.bands.map((b) => b.count));
	const lines = [`CRS score distribution (${number(distribution.total)} profile${distribution.total === 1 ? '' : 's'})`.slice(0, w)];
	distribution.bands.forEach((band, i) => {
		const bar = band.count === 0 || largest === 0 ? '' : '#'.repeat(Math.max(1, Math.round((band.count / largest) * barWidth)));
		lines.push(`${labels[i]!.padEnd(labelWidth)} ${counts[i]!.padStart(countWidth)} ${bar}`.trimEnd());
	});
	lines.push(`${'total'.padEnd(labelWidth)} ${number(distribution.total).padStart(countWidth)}`);
	return lines;
}
