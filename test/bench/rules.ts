/**
 * Rules-engine throughput: assessments per second over the rule-book vectors, on one core.
 * Target (issue 2): 50,000/s, so a 250,000-profile pool can be re-ranked in seconds.
 */
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import type {Application} from '../../source/rules/application.js';
import {assess} from '../../source/rules/assess.js';

export function benchRules(root: string): Record<string, number> {
	const dir = join(root, 'test', 'fixtures', 'vectors');
	const vectors = readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as {asOf: string; application: Application});
	let sink = 0;
	const round = (n: number) => {
		for (let i = 0; i < n; i++) {
			const vector = vectors[i % vectors.length]!;
			sink += assess(vector.application, vector.asOf).crs.total;
		}
	};
	round(20_000); // warm-up
	const runs: number[] = [];
	for (let r = 0; r < 5; r++) {
		const n = 50_000;
		const start = process.hrtime.bigint();
		round(n);
		const seconds = Number(process.hrtime.bigint() - start) / 1e9;
		runs.push(n / seconds);
	}
	runs.sort((a, b) => a - b);
	if (sink === 42) console.log('');
	return {'assessments per second (median of 5 × 50,000)': Math.round(runs[2]!)};
}
