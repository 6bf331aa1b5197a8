/**
 * Eight processes, two per officer (one person's two terminals), take cases and decide them as
 * fast as they can for a few seconds. With `decide` no case is decided twice, no decision a
 * process reported is missing, each has its audit event, and the chain verifies. The same harness
 * pointed at a deliberately naive read-then-write decide finds double decisions, so it can fail.
 */
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {sql} from 'kysely';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {verifyAudit} from '../../source/cases/audit.js';
import {lastJson, runNode, tempDir} from '../db/helpers.js';
import {addOfficer, insertCopies, openSeededStore, TODAY} from './seed-decisions.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const tmp = tempDir('caips-decide-race-');
const OFFICERS = ['racer0', 'racer1', 'racer2', 'racer3'];
const PROCESSES_PER_OFFICER = 2;
const CASES = 1000;

type ChildReport = {ok: boolean; officer: string; decided: Array<[string, number, string]>; conflicts: number; takes: number; error?: string};

let child = '';

beforeAll(async () => {
	child = path.join(tmp.dir, 'decide-race.mjs');
	const sqlite3Path = require.resolve('sqlite3');
	await build({
		entryPoints: [path.join(here, 'children', 'decide-race.ts')],
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		mainFields: ['module', 'main'],
		outfile: child,
		logLevel: 'warning',
		plugins: [{name: 'sqlite3-absolute', setup: (b) => b.onResolve({filter: /^sqlite3$/}, () => ({path: sqlite3Path, external: true}))}],
	});
}, 30_000);
afterAll(() => tmp.cleanup());

/** Seeds a store with CASES received, unassigned copies of V17, runs the children, returns the store path and reports. */
async function race(name: string, mode: 'safe' | 'naive', durationMs: number): Promise<{dbPath: string; reports: ChildReport[]}> {
	const dbPath = path.join(tmp.dir, `${name}.db`);
	const store = await openSeededStore(dbPath);
	for (const officer of OFFICERS) await addOfficer(store, officer, ['officer']);
	await insertCopies(store, 'V17', CASES, {status: 'received', assignedTo: null});
	await store.close();
	const startAt = Date.now() + 1500;
	const runs = OFFICERS.flatMap((officer) =>
		Array.from({length: PROCESSES_PER_OFFICER}, () => runNode(child, [dbPath, officer, mode, String(startAt), String(durationMs), TODAY], 60_000)),
	);
	const results = await Promise.all(runs);
	const reports = results.map((r) => {
		const report = lastJson<ChildReport>(r);
		expect(report.error ?? '').toBe('');
		expect(r.code).toBe(0);
		return report;
	});
	return {dbPath, reports};
}

async function doubleDecisions(dbPath: string): Promise<number> {
	const store = await openSeededStore(dbPath);
	try {
		const rows = await sql<{n: number}>`select count(*) as n from (select application_number from decisions group by application_number having count(*) > 1) t`.execute(store.db);
		return Number(rows.rows[0]!.n);
	} finally {
		await store.close();
	}
}

describe('deciding under contention', () => {
	it('decide: no case decided twice, no decision lost, every decision audited, the chain whole', async () => {
		const {dbPath, reports} = await race('safe', 'safe', 5000);
		const reported = reports.flatMap((r) => r.decided);
		const conflicts = reports.reduce((n, r) => n + r.conflicts, 0);
		expect(reported.length).toBeGreaterThan(50);
		// Both processes of an officer went for the same case, and the loser was told.
		expect(conflicts).toBeGreaterThan(0);

		expect(await doubleDecisions(dbPath)).toBe(0);
		const store = await openSeededStore(dbPath);
		try {
			const stored = await store.db.selectFrom('decisions').select(['id', 'application_number', 'outcome']).orderBy('id').execute();
			const byId = new Map(stored.map((d) => [d.id, d]));
			for (const [app, id, outcome] of reported) expect(byId.get(id)).toEqual({id, application_number: app, outcome});
			expect(stored.length).toBe(reported.length);
			expect(new Set(reported.map(([app]) => app)).size).toBe(reported.length);

			const events = await store.db.selectFrom('audit_events').select('detail').where('action', '=', 'decide').execute();
			const audited = new Set(events.map((e) => (JSON.parse(e.detail!) as {decisionId: number}).decisionId));
			expect(stored.filter((d) => !audited.has(d.id))).toEqual([]);
			expect(await verifyAudit(store.db)).toMatchObject({ok: true});
		} finally {
			await store.close();
		}
	}, 40_000);

	it('the same harness catches a naive read-then-write decide deciding cases twice', async () => {
		const {dbPath, reports} = await race('naive', 'naive', 2500);
		expect(reports.flatMap((r) => r.decided).length).toBeGreaterThan(0);
		expect(await doubleDecisions(dbPath)).toBeGreaterThan(0);
	}, 40_000);
});
