/**
 * Ranking on worker threads (the built dist/cli.js and dist/pool-worker.js): `caips pool` and a
 * dry-run round give exactly the same result with 0, 1 and 3 worker threads on a pool large
 * enough to be cut into many batches, ties at equal CRS included; a bad `CAIPS_POOL_THREADS` is
 * named; a damaged stored application fails the same way in a worker as in the main thread.
 */
import {join} from 'node:path';
import {sql} from 'kysely';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openStore} from '../../db/index.js';
import {insertProfiles, profile, type ProfileSpec} from '../cases/pool-fixtures.js';
import {seededStore} from '../cases/seeded-store.js';
import {runCli} from '../helpers/cli.js';

const FIXTURES = ['V01', 'V16', 'V18', 'V22', 'V29', 'V32', 'V40', 'V13', 'V20', 'V14'];
const PROFILES = 2600;

let dbPath: string;
let close: () => Promise<void>;
const env = (threads: string) => ({env: {CAIPS_DB: dbPath, CAIPS_OFFICER: 'alice', TERM: 'dumb', CAIPS_POOL_THREADS: threads}});

beforeAll(async () => {
	const t = await seededStore('caips-pool-threads-');
	dbPath = join(t.dir, 'caips.db');
	// Many profiles share a fixture (same CRS) and a submission instant: ties everywhere, broken
	// by the application number, across batches and threads.
	const specs: ProfileSpec[] = Array.from({length: PROFILES}, (_, i) => ({
		from: FIXTURES[i % FIXTURES.length]!,
		number: `E4${String(i).padStart(9, '0')}`,
		submittedAt: `2026-0${1 + (i % 7)}-0${1 + (i % 3)}T08:00:00Z`,
	}));
	await insertProfiles(t.store, specs.map(profile));
	await t.store.close();
	close = t.close;
}, 120_000);
afterAll(async () => {
	await close();
});

describe('ranking on worker threads', () => {
	it('caips pool and a dry-run round give the same output with 0, 1 and 3 threads', () => {
		const pool = (threads: string) => runCli(['pool', '--as-of', '2026-08-05', '--json'], env(threads));
		const inThread = pool('0');
		expect(inThread.stderr).toBe('');
		expect(inThread.code).toBe(0);
		const entries = JSON.parse(inThread.stdout).pool as Array<{crs: number}>;
		expect(entries.length).toBeGreaterThan(1500);
		expect(new Set(entries.map((e) => e.crs)).size).toBeLessThan(entries.length / 100);
		for (const threads of ['1', '3']) expect(pool(threads).stdout, `${threads} threads`).toBe(inThread.stdout);

		const round = (threads: string) => runCli(['round', '--size', '777', '--at', '2026-08-05T14:00:00Z', '--dry-run', '--json'], env(threads));
		const roundInThread = round('0');
		expect(roundInThread.code).toBe(0);
		expect(JSON.parse(roundInThread.stdout).invitees).toHaveLength(777);
		expect(round('3').stdout).toBe(roundInThread.stdout);
	});

	it('a bad CAIPS_POOL_THREADS is a configuration error (exit 78), naming the variable and the value', () => {
		for (const bad of ['two', '-1', '17', '1.5']) {
			const run = runCli(['pool', '--as-of', '2026-08-05'], env(bad));
			expect(run.code, bad).toBe(78);
			expect(run.stderr).toBe(`caips: CAIPS_POOL_THREADS ${JSON.stringify(bad)} is not a whole number from 0 to 16\n`);
			expect(run.stdout).toBe('');
		}
	});

	it('a damaged stored application stops the ranking with the same one-line error naming it, in a worker as in the main thread', async () => {
		const store = await openStore(dbPath);
		try {
			await sql`update applications set data = '{"damaged' where application_number = 'E4000001234'`.execute(store.db);
		} finally {
			await store.close();
		}
		const inThread = runCli(['pool', '--as-of', '2026-08-05'], env('0'));
		const threaded = runCli(['pool', '--as-of', '2026-08-05'], env('2'));
		expect(inThread.code).toBe(70);
		expect(threaded.code).toBe(70);
		for (const run of [inThread, threaded]) {
			expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
			expect(run.stderr).toMatch(/stored application E4000001234 is damaged: its JSON does not parse/);
		}
	});
});
