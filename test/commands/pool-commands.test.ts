/**
 * `caips pool` and `caips round` as an admin or officer runs them (the built dist/cli.js on a
 * real store; run `npm run build` first): the contract's JSON, the text table and distribution
 * on a dumb terminal, a dry run that writes nothing, and one-line usage errors naming the flag.
 */
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openStore} from '../../db/index.js';
import {addOfficer} from '../cases/seed-decisions.js';
import {insertProfiles, profile, storeDigest, type ProfileSpec} from '../cases/pool-fixtures.js';
import {seededStore} from '../cases/seeded-store.js';
import {runCli} from '../helpers/cli.js';

let dbPath: string;
let close: () => Promise<void>;
const as = (officer: string) => ({env: {CAIPS_DB: dbPath, CAIPS_OFFICER: officer, TERM: 'dumb'}});
const n = (i: number) => `E30000000${String(i).padStart(2, '0')}`;

const SPECS: ProfileSpec[] = [
	{from: 'V22', number: n(1), submittedAt: '2026-02-01T08:00:00Z'}, // 1200, nominee, French
	{from: 'V18', number: n(2), submittedAt: '2026-04-23T10:30:00Z'}, // 517
	{from: 'V16', number: n(3), submittedAt: '2026-06-18T17:00:00Z'}, // 442, French
	{from: 'V01', number: n(4), submittedAt: '2026-03-01T00:00:00Z'}, // 429
	{from: 'V01', number: n(5), submittedAt: '2026-05-01T00:00:00Z'}, // 429
	{from: 'V32', number: n(6), submittedAt: '2026-06-06T06:06:06Z'}, // 372, STEM
	{from: 'V29', number: n(7), submittedAt: '2026-03-23T06:30:00Z'}, // 120, FST
	{from: 'V13', number: n(8), submittedAt: '2026-05-01T00:00:00Z'}, // not eligible
];

const digest = async () => {
	const store = await openStore(dbPath);
	try {
		return await storeDigest(store);
	} finally {
		await store.close();
	}
};

beforeAll(async () => {
	const t = await seededStore('caips-pool-cli-');
	dbPath = join(t.dir, 'caips.db');
	await insertProfiles(t.store, SPECS.map(profile));
	await addOfficer(t.store, 'bob', ['officer']);
	await t.store.close();
	close = t.close;
});
afterAll(async () => {
	await close();
});

describe('caips pool', () => {
	it('--json: {asOf, pool, distribution}, entries with the contract\'s keys in rank order', () => {
		const run = runCli(['pool', '--as-of', '2026-08-05', '--json'], as('alice'));
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		const out = JSON.parse(run.stdout);
		expect(Object.keys(out)).toEqual(['asOf', 'pool', 'distribution']);
		expect(out.asOf).toBe('2026-08-05');
		expect(out.pool.map((e: {applicationNumber: string}) => e.applicationNumber)).toEqual([n(1), n(2), n(3), n(4), n(5), n(6), n(7)]);
		expect(out.pool[0]).toEqual({rank: 1, applicationNumber: n(1), crs: 1200, profileSubmittedAt: '2026-02-01T08:00:00.000Z', programs: ['CEC', 'FSW', 'PNP'], categories: ['french']});
		expect(out.distribution.total).toBe(7);
	});

	it('filters by program (any case) and category, --limit cuts the list', () => {
		const cec = JSON.parse(runCli(['pool', '--as-of', '2026-08-05', '--program', 'cec', '--json'], as('bob')).stdout);
		expect(cec.pool.map((e: {applicationNumber: string}) => e.applicationNumber)).toEqual([n(1), n(2), n(3), n(6)]);
		const french = JSON.parse(runCli(['pool', '--as-of', '2026-08-05', '--category', 'french', '--limit', '1', '--json'], as('bob')).stdout);
		expect(french.pool).toEqual([expect.objectContaining({rank: 1, applicationNumber: n(1)})]);
		expect(french.distribution.total).toBe(2);
	});

	it('text on a dumb terminal: header, table, and the distribution as a # bar chart in IRCC\'s bands', () => {
		const run = runCli(['pool', '--as-of', '2026-08-05', '--limit', '3'], as('alice'));
		expect(run.code).toBe(0);
		const lines = run.stdout.trimEnd().split('\n');
		expect(lines[0]).toBe('Express Entry pool on 2026-08-05 · 7 profiles');
		expect(lines[1]).toMatch(/^RANK\s+NUMBER\s+CRS\s+SUBMITTED \(UTC\)\s+PROGRAMS\s+CATEGORIES$/);
		expect(lines[2]).toMatch(/^\s+1\s+E3000000001\s+1200\s+2026-02-01 08:00:00Z\s+CEC FSW PNP\s+french$/);
		expect(lines[5]).toBe('(1–3 of 7; --limit N shows more)');
		expect(lines).toContain('CRS score distribution (7 profiles)');
		expect(lines.find((l) => l.startsWith('601-1200'))).toMatch(/^601-1200\s+1 #+$/);
		expect(lines.find((l) => l.startsWith('  421-430'))).toMatch(/^ {2}421-430\s+2 #+$/);
		expect(lines.at(-1)).toMatch(/^total\s+7$/);
		expect(run.stdout).not.toMatch(/\u001b/);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
	});

	it('usage errors exit 2 with one line naming the flag; a category not in force exits 65', () => {
		const cases: Array<[string[], RegExp]> = [
			[['pool', '--category', 'nope'], /^caips: --category: "nope" is not one of french, /],
			[['pool', '--program', 'XYZ'], /^caips: --program: "XYZ" is not one of CEC, FSW, FST, PNP$/],
			[['pool', '--as-of', '2026-13-01'], /^caips: --as-of: "2026-13-01" is not a calendar date/],
			[['pool', '--limit', '0'], /^caips: --limit: "0" is not a positive whole number$/],
		];
		for (const [args, message] of cases) {
			const run = runCli(args, as('alice'));
			expect(run.code, args.join(' ')).toBe(2);
			expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
			expect(run.stderr.trimEnd()).toMatch(message);
		}
		const notInForce = runCli(['pool', '--category', 'transport', '--as-of', '2025-06-01'], as('alice'));
		expect(notInForce.code).toBe(65);
		expect(notInForce.stderr).toBe('caips: category transport is not in force on 2025-06-01 (in force 2023-05-31 to 2025-02-26, from 2026-02-18)\n');
	});
});

describe('caips round', () => {
	it('usage errors exit 2 with one line naming the flag, before the store is touched', async () => {
		const before = await digest();
		const cases: Array<[string[], RegExp]> = [
			[['round', '--at', '2026-08-05T14:00:00Z'], /--size is required/],
			[['round', '--size', '0', '--at', '2026-08-05T14:00:00Z'], /^caips: --size: "0" is not a positive whole number$/],
			[['round', '--size', 'ten', '--at', '2026-08-05T14:00:00Z'], /^caips: --size: "ten"/],
			[['round', '--size', '3'], /--at is required/],
			[['round', '--size', '3', '--at', '2026-08-05'], /^caips: --at: "2026-08-05" is not an ISO-8601 instant/],
			[['round', '--size', '3', '--at', '2026-08-05T14:00:00Z', '--program', 'CEC', '--category', 'french'], /--program and --category cannot be used together/],
			[['round', '--size', '3', '--at', '2026-08-05T14:00:00Z', '--category', 'cooks'], /^caips: --category: "cooks" is not one of/],
			[['round', '--size', '3', '--at', '2026-08-05T14:00:00Z', '--program', 'PGWP'], /^caips: --program: "PGWP"/],
		];
		for (const [args, message] of cases) {
			const run = runCli(args, as('alice'));
			expect(run.code, args.join(' ')).toBe(2);
			expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
			expect(run.stderr.trimEnd()).toMatch(message);
		}
		expect(await digest()).toBe(before);
	});

	it('an officer who is not an admin is refused with exit 77', () => {
		const run = runCli(['round', '--size', '3', '--at', '2026-08-05T14:00:00Z', '--dry-run'], as('bob'));
		expect(run.code).toBe(77);
		expect(run.stderr).toMatch(/^caips: simulating a round needs the admin role; bob has officer\n$/);
	});

	it('--dry-run --json: the contract\'s shape, and the store is unchanged; the real round gives the same result and takes the invitees out of the pool', async () => {
		const before = await digest();
		const dry = runCli(['round', '--size', '3', '--at', '2026-08-05T14:00:00Z', '--dry-run', '--json'], as('alice'));
		expect(dry.stderr).toBe('');
		expect(dry.code).toBe(0);
		const out = JSON.parse(dry.stdout);
		expect(Object.keys(out)).toEqual(['round', 'invitees']);
		expect(Object.keys(out.round)).toEqual(['number', 'at', 'type', 'program', 'category', 'size', 'invited', 'cutoff', 'tieBreakAt', 'dryRun']);
		expect(out.round).toEqual({number: 1, at: '2026-08-05T14:00:00.000Z', type: 'general', program: null, category: null, size: 3, invited: 3, cutoff: 442, tieBreakAt: '2026-06-18T17:00:00.000Z', dryRun: true});
		expect(out.invitees.map((e: object) => Object.keys(e))).toEqual(Array(3).fill(['applicationNumber', 'crs', 'profileSubmittedAt']));
		expect(await digest()).toBe(before);

		const real = runCli(['round', '--size', '3', '--at', '2026-08-05T14:00:00Z', '--json'], as('alice'));
		expect(real.code).toBe(0);
		expect(JSON.parse(real.stdout)).toEqual({...out, round: {...out.round, dryRun: false}});
		const pool = JSON.parse(runCli(['pool', '--as-of', '2026-08-05', '--json'], as('alice')).stdout);
		expect(pool.pool.map((e: {applicationNumber: string}) => e.applicationNumber)).toEqual([n(4), n(5), n(6), n(7)]);
	});

	it('text: the round\'s figures and the first invitees; a category round', () => {
		const run = runCli(['round', '--size', '5', '--at', '2026-08-06T14:00:00Z', '--program', 'fsw'], as('alice'));
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		const lines = run.stdout.trimEnd().split('\n');
		expect(lines[0]).toBe('Round 2 · program round (FSW) · 2026-08-06 14:00:00Z');
		expect(lines[1]).toBe('Invited 2 of 5 · cut-off CRS 429 · tie-break 2026-05-01 00:00:00Z');
		expect(lines[2]).toMatch(/^RANK\s+NUMBER\s+CRS\s+SUBMITTED \(UTC\)$/);
		expect(lines.slice(3)).toHaveLength(2);
		const stem = runCli(['round', '--size', '5', '--at', '2026-08-07T14:00:00Z', '--category', 'STEM', '--dry-run'], as('alice'));
		expect(stem.stdout).toContain('Dry run of round 3 · category round (stem)');
		expect(stem.stdout).toContain('Invited 1 of 5 · cut-off CRS 372');
		expect(stem.stdout.trimEnd().split('\n').at(-1)).toBe('Dry run: nothing was written.');
		expect(stem.stderr).toBe('');
		// A dry run may simulate any date, and says when the real round would be refused.
		const earlier = runCli(['round', '--size', '2', '--at', '2026-06-01T00:00:00Z', '--dry-run'], as('alice'));
		expect(earlier.code).toBe(0);
		expect(earlier.stdout).toContain('Dry run of round 3');
		expect(earlier.stderr).toBe('caips: note: a real round would be refused: round instant 2026-06-01T00:00:00.000Z is not after round 2 of 2026-08-06T14:00:00.000Z: rounds are run in the order of their dates\n');
	});
});
