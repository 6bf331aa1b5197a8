/**
 * The stored assessment pair (`applications.assessment`): as-assessed is written only when it
 * differs from as-claimed (half the bytes for most cases), and both forms — and rows written in
 * full by earlier versions — read back as the same pair.
 */
import {describe, expect, it} from 'vitest';
import {assessCase, decodeCaseAssessment, encodeCaseAssessment} from '../../source/cases/assessment.js';
import {fixtureApplication} from './pool-fixtures.js';

describe('the stored assessment pair', () => {
	it('without findings: as-claimed only, read back as the pair (about half the bytes of writing both)', () => {
		const pair = assessCase(fixtureApplication('V01'), [], '2026-08-05');
		const text = encodeCaseAssessment(pair);
		expect(JSON.parse(text)).not.toHaveProperty('asAssessed');
		const full = JSON.stringify(pair);
		expect(text.length).toBeLessThan(full.length * 0.55);
		expect(decodeCaseAssessment(text)).toEqual(JSON.parse(full));
		// A row written in full (earlier versions) reads the same.
		expect(decodeCaseAssessment(full)).toEqual(decodeCaseAssessment(text));
	});

	it('with a finding that changes the result: both kept, each read back as written', () => {
		const app = fixtureApplication('V01');
		const pair = assessCase(app, [{person: 'applicant', idx: 0, finding: 'not_credited'}], '2026-08-05');
		expect(pair.asAssessed).not.toBe(pair.asClaimed);
		const back = decodeCaseAssessment(encodeCaseAssessment(pair));
		expect(back).toEqual(JSON.parse(JSON.stringify(pair)));
		expect(back.asAssessed.crs.total).not.toBe(back.asClaimed.crs.total);
	});
});
