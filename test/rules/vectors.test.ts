import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {assess} from '../../source/rules/assess.js';
import type {Vector} from './builders.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'vectors');
export const vectors: Vector[] = readdirSync(dir)
	.filter((name) => name.endsWith('.json'))
	.sort()
	.map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Vector);

describe('rule-book vectors', () => {
	it('has every shared vector', () => {
		expect(vectors.length).toBe(25);
	});
	for (const vector of vectors) {
		it(`${vector.id}: ${vector.description.slice(0, 80)}`, () => {
			const result = assess(vector.application, vector.asOf);
			const {factors, ...sections} = result.crs;
			expect(sections).toEqual(vector.expected.crs);
			expect({
				CEC: result.programs.CEC.eligible,
				FSW: result.programs.FSW.eligible,
				FST: result.programs.FST.eligible,
			}).toEqual(vector.expected.programs);
			expect(result.programs.FSW.points).toBe(vector.expected.fswPoints);
			expect(factors.length).toBeGreaterThan(0);
		});
	}
});
