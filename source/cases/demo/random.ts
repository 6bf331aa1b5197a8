/**
 * The demo's seeded pseudo-random numbers: sfc32 (Chris Doty-Humphrey's Small Fast Counting
 * generator, as in PractRand), seeded through splitmix32, so that the same seed always gives the
 * same demo store. Not for anything secret.
 */

function splitmix32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x9e3779b9) >>> 0;
		let z = state;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
		return (z ^ (z >>> 16)) >>> 0;
	};
}

/** A seeded generator with the helpers the demo needs. */
export class Random {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	/** A generator for `seed` (any safe integer; the same seed gives the same sequence). */
	constructor(seed: number) {
		const mix = splitmix32((seed ^ Math.floor(seed / 2 ** 32)) >>> 0);
		this.a = mix();
		this.b = mix();
		this.c = mix();
		this.d = 1;
		for (let i = 0; i < 15; i++) this.next();
	}

	/** A float in [0, 1). */
	next(): number {
		const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
		this.d = (this.d + 1) >>> 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) >>> 0;
		this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
		this.c = (this.c + t) >>> 0;
		return t / 4294967296;
	}

	/** An integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	/** True with probability `p`. */
	chance(p: number): boolean {
		return this.next() < p;
	}

	/** One element of a non-empty list, uniformly. */
	pick<T>(list: readonly T[]): T {
		return list[Math.floor(this.next() * list.length)]!;
	}

	/** One element of `[value, weight]` pairs, with probability proportional to its weight. */
	weighted<T>(pairs: readonly (readonly [T, number])[]): T {
		let total = 0;
		for (const [, weight] of pairs) total += weight;
		let r = this.next() * total;
		for (const [value, weight] of pairs) {
			r -= weight;
			if (r < 0) return value;
		}
		return pairs[pairs.length - 1]![0];
	}

	/** One value of a prepared {@link Weighted} table. */
	draw<T>(table: Weighted<T>): T {
		const r = this.next() * table.total;
		const {cumulative, values} = table;
		let lo = 0;
		let hi = cumulative.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (r < cumulative[mid]!) hi = mid;
			else lo = mid + 1;
		}
		return values[lo]!;
	}

	/** A normally distributed number (Box–Muller). */
	normal(mean: number, sd: number): number {
		const u = 1 - this.next();
		const v = this.next();
		return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/** Shuffles `list` in place (Fisher–Yates) and returns it. */
	shuffle<T>(list: T[]): T[] {
		for (let i = list.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[list[i], list[j]] = [list[j]!, list[i]!];
		}
		return list;
	}

	/** A child generator for one part of the demo, independent of how much the parent is used later. */
	fork(label: number): Random {
		return new Random((Math.floor(this.next() * 4294967296) ^ Math.imul(label, 0x27d4eb2d)) >>> 0);
	}
}

/** `[value, weight]` pairs prepared once for fast drawing with {@link Random.draw}. */
export class Weighted<T> {
	readonly values: readonly T[];
	readonly cumulative: readonly number[];
	readonly total: number;

	/** Prepares the pairs (weights must be positive). */
	constructor(pairs: readonly (readonly [T, number])[]) {
		let sum = 0;
		this.values = pairs.map(([value]) => value);
		this.cumulative = pairs.map(([, weight]) => (sum += weight));
		this.total = sum;
	}
}
