/**
 * How many pool profiles each CRS band still needs, so that the demo pool follows IRCC's published
 * distribution (crs-distribution.ts). A profile aimed at one band is also welcome in any other
 * band that still needs profiles, which keeps the number of draws low.
 */
import {bandOf, CRS_BANDS, scaledBandCounts, type CrsBand} from './crs-distribution.js';
import type {Random} from './random.js';

/** Remaining profiles per band, in CRS_BANDS order. */
export class PoolQuota {
	private readonly remaining: number[];

	/**
	 * Quotas for `generated` new pool profiles: the published shape scaled to the whole pool
	 * (`generated` plus the samples' pool profiles, whose bands are `sampleTotals`), less the samples.
	 */
	constructor(generated: number, sampleTotals: readonly number[]) {
		const counts = scaledBandCounts(generated + sampleTotals.length);
		for (const total of sampleTotals) {
			const i = CRS_BANDS.indexOf(bandOf(total));
			counts[i] = Math.max(0, counts[i]! - 1);
		}
		// Samples outside the published shape leave more quota than profiles: trim the biggest bands.
		let excess = counts.reduce((a, b) => a + b, 0) - generated;
		while (excess > 0) {
			counts[counts.indexOf(Math.max(...counts))]! -= 1;
			excess--;
		}
		while (excess < 0) {
			counts[12]! += 1; // 351-400, the biggest published band
			excess++;
		}
		this.remaining = counts;
	}

	/** A band to aim at, drawn in proportion to what each band still needs. */
	target(random: Random): CrsBand {
		const total = this.remaining.reduce((a, b) => a + b, 0);
		if (total === 0) return CRS_BANDS[12]!;
		let r = random.next() * total;
		for (let i = 0; i < CRS_BANDS.length; i++) {
			r -= this.remaining[i]!;
			if (r < 0) return CRS_BANDS[i]!;
		}
		return CRS_BANDS[12]!;
	}

	/** Whether a profile scoring `crs` is still needed. */
	needs(crs: number): boolean {
		return this.remaining[CRS_BANDS.indexOf(bandOf(crs))]! > 0;
	}

	/** Counts a profile scoring `crs` (aimed at `aimed`): its own band when still needed, else the band aimed at. */
	take(crs: number, aimed: CrsBand): void {
		const own = CRS_BANDS.indexOf(bandOf(crs));
		const i = this.remaining[own]! > 0 ? own : CRS_BANDS.indexOf(aimed);
		this.remaining[i] = Math.max(0, this.remaining[i]! - 1);
	}
}
