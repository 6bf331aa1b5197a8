import {readdirSync, readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {applicationSchema, importFileSchema} from '../../source/format/application-schema.js';
import {parseApplication, parseApplicationFile} from '../../source/format/parse.js';
import {applicationToJson} from '../../source/format/serialise.js';
import type {Application} from '../../source/rules/application.js';
import {sampleApplication} from './sample.js';

const vectorsDir = new URL('../fixtures/vectors/', import.meta.url);
const vectors = readdirSync(vectorsDir)
	.filter((name) => name.endsWith('.json'))
	.sort()
	.map((name) => ({name, text: readFileSync(new URL(name, vectorsDir), 'utf8')}));

/** Every key path of a JSON value, in order (array elements as `[]`). */
function keyPaths(value: unknown, prefix = ''): string[] {
	if (Array.isArray(value)) return value.flatMap((v) => keyPaths(v, `${prefix}[]`));
	if (typeof value !== 'object' || value === null) return [];
	return Object.entries(value).flatMap(([k, v]) => [`${prefix}.${k}`, ...keyPaths(v, `${prefix}.${k}`)]);
}

describe('rule-book vectors', () => {
	test('there are 25', () => {
		expect(vectors).toHaveLength(25);
	});

	test.each(vectors)('$name parses and round-trips', ({name, text}) => {
		const application = (JSON.parse(text) as {application: unknown}).application;
		const [parsed, ...rest] = parseApplicationFile(JSON.stringify(application, null, 2), name);
		expect(rest).toEqual([]);
		const json = applicationToJson(parsed!);
		expect(parseApplication(json, name)).toStrictEqual(parsed);
		const again = parseApplicationFile(JSON.stringify(json), name);
		expect(again).toStrictEqual([parsed]);
		// Already-normalised input comes back exactly, key order included (UCIs and instants aside).
		expect(keyPaths(json)).toEqual(keyPaths(application));
	});

	test('all of them in one {"applications": [...]} file', () => {
		const applications = vectors.map(({text}) => (JSON.parse(text) as {application: unknown}).application);
		const parsed = parseApplicationFile(JSON.stringify({applications}), 'all.json');
		expect(parsed.map((a) => a.applicationNumber)).toEqual(applications.map((a) => (a as Application).applicationNumber));
	});
});

describe('normalisation and canonical output', () => {
	test('UCIs are dashed, instants are UTC, milliseconds kept only when not zero', () => {
		const [a] = parseApplicationFile(JSON.stringify(sampleApplication()), 'sample.json');
		expect(a!.uci).toBe('1234-5678');
		expect(a!.profileSubmittedAt).toBe('2026-03-01T14:05:00Z');
		expect(a!.receivedAt).toBe('2026-05-02T10:00:00.250Z');
		expect(a!.invitedAt).toBe('2026-04-15T21:30:00Z');
		const tenDigits = {...sampleApplication(), uci: '1234567890'};
		expect(parseApplication(tenDigits, 'x').uci).toBe('12-3456-7890');
		expect(parseApplication({...sampleApplication(), uci: '12-3456-7890'}, 'x').uci).toBe('12-3456-7890');
		expect(parseApplication({...sampleApplication(), profileSubmittedAt: '2026-03-01T14:05:00.120000Z'}, 'x').profileSubmittedAt).toBe(
			'2026-03-01T14:05:00.120Z',
		);
	});

	test('text survives as given: accents, other scripts, control characters in note bodies', () => {
		const a = parseApplication(sampleApplication(), 'x');
		expect(a.applicant.familyName).toBe('Lefrançois');
		expect(a.spouse!.familyName).toBe('王');
		expect(a.notes![0]!.body).toBe('Lettre reçue\n\u001b[31m as given');
	});

	test('output keys follow the spec order; absent keys are left out; null is kept', () => {
		const shuffled = Object.fromEntries(Object.entries(sampleApplication()).reverse());
		const json = applicationToJson(parseApplication(shuffled, 'x'));
		expect(Object.keys(json)).toEqual(Object.keys(sampleApplication()));
		expect(Object.keys(json.applicant.workExperience[1]!)).toEqual([
			'nocCode',
			'country',
			'start',
			'hoursPerWeek',
			'selfEmployed',
			'whileFullTimeStudent',
			'authorized',
		]);
		const bare = applicationToJson(parseApplication({...sampleApplication(), spouse: null, jobOffer: null, notes: undefined}, 'x'));
		expect(bare.spouse).toBeNull();
		expect(bare.jobOffer).toBeNull();
		expect('notes' in bare).toBe(false);
		expect(JSON.stringify(bare)).not.toContain('undefined');
	});

	test('the officer-only work period finding is never written', () => {
		const a = parseApplication(sampleApplication(), 'x');
		a.applicant.workExperience[0]!.finding = 'not_credited';
		const json = applicationToJson(a);
		expect(JSON.stringify(json)).not.toContain('finding');
		expect(parseApplication(json, 'x').applicant.workExperience[0]).not.toHaveProperty('finding');
	});

	test('a file with one object gives one application; an empty list gives none', () => {
		expect(parseApplicationFile(JSON.stringify(sampleApplication()), 'one.json')).toHaveLength(1);
		expect(parseApplicationFile('{"applications": []}', 'none.json')).toEqual([]);
	});

	test('the zod schemas can be used directly', () => {
		expect(importFileSchema.safeParse({applications: [sampleApplication()]}).success).toBe(true);
		expect(importFileSchema.safeParse(sampleApplication()).success).toBe(true);
		expect(applicationSchema.safeParse({...sampleApplication(), extra: 1}).success).toBe(false);
	});

	test('a leading byte order mark is accepted', () => {
		expect(parseApplicationFile(`\ufeff${JSON.stringify(sampleApplication())}`, 'bom.json')).toHaveLength(1);
	});
});
