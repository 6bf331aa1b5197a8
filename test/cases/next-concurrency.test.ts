/**
 * Four processes take cases from the same store at once for about three seconds: no case is
 * assigned twice, every case taken is assigned to the officer who got it, and every assignment
 * is audited once.
 */
import {createRequire} from 'node:module';
import path from 'node:path';
import {build} from 'esbuild';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {verifyAudit} from '../../source/cases/audit.js';
import {lastJson, runNode} from '../db/helpers.js';
import {addOfficer, insertCases, queueStore} from './queue-fixtures.js';

const require = createRequire(import.meta.url);
const OFFICERS = ['o1', 'o2', 'o3', 'o4'];
const CASES = 3000;

let t: Awaited<ReturnType<typeof queueStore>>;
let script: string;

beforeAll(async () => {
	t = await queueStore();
	for (const officer of OFFICERS) await addOfficer(t.store, officer, ['officer']);
	await insertCases(
		t.store,
		Array.from({length: CASES}, (_, i) => ({
			applicationNumber: `E${String(100_000 + i).padStart(9, '0')}`,
			status: i % 5 === 0 ? ('in_review' as const) : ('received' as const),
			// Many ties on the received instant, so the application number decides the order.
			receivedAt: `2026-0${1 + (i % 9)}-1${i % 10}T08:00:00.000Z`,
		})),
	);
	script = path.join(t.dir, 'take-next.mjs');
	const sqlite3Path = require.resolve('sqlite3');
	await build({
		entryPoints: [path.join(import.meta.dirname, 'children', 'take-next.ts')],
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		outfile: script,
		logLevel: 'warning',
		plugins: [{name: 'sqlite3-absolute', setup: (b) => b.onResolve({filter: /^sqlite3$/}, () => ({path: sqlite3Path, external: true}))}],
	});
}, 60_000);

afterAll(async () => {
	await t.close();
});

it('4 processes calling takeNext for ~3 s never get the same case; every assignment is audited', async () => {
	const startAt = Date.now() + 1500;
	const until = startAt + 3000;
	const results = await Promise.all(OFFICERS.map((officer) => runNode(script, [t.path, officer, String(startAt), String(until)], 60_000)));
	const reports = results.map((r) => lastJson<{ok: boolean; taken: string[]; empty: boolean; error?: string}>(r));
	for (const report of reports) expect(report.error).toBeUndefined();
	expect(reports.every((r) => r.ok)).toBe(true);

	const takenBy = new Map<string, string>();
	reports.forEach((report, i) => {
		for (const number of report.taken) {
			expect(takenBy.get(number), `${number} taken twice`).toBeUndefined();
			takenBy.set(number, OFFICERS[i]!);
		}
	});
	const total = takenBy.size;
	expect(total).toBeGreaterThan(50);

	const assigned = await t.store.db.selectFrom('applications').select(['application_number', 'assigned_to', 'status', 'version']).where('assigned_to', 'is not', null).execute();
	expect(assigned.length).toBe(total);
	for (const row of assigned) {
		expect(row.assigned_to).toBe(takenBy.get(row.application_number));
		expect(row.status).toBe('in_review');
		expect(row.version).toBe(2);
	}
	// Oldest first: the cases taken are exactly the `total` oldest (received, then number).
	const order = await t.store.db.selectFrom('applications').select('application_number').orderBy('received_at').orderBy('application_number').limit(total).execute();
	expect(new Set(order.map((r) => r.application_number))).toEqual(new Set(takenBy.keys()));

	const events = await t.store.db.selectFrom('audit_events').select(['officer', 'action', 'application_number']).orderBy('seq').execute();
	expect(events.length).toBe(total);
	// The processes really took turns (SQLite's lock is not fair, so some may get few cases).
	const switches = events.filter((e, i) => i > 0 && e.officer !== events[i - 1]!.officer).length;
	expect(switches).toBeGreaterThan(0);
	for (const event of events) {
		expect(event.action).toBe('assign');
		expect(event.officer).toBe(takenBy.get(event.application_number!));
	}
	expect(await verifyAudit(t.store.db)).toEqual({ok: true, events: total});
	console.log(`takeNext: ${total} cases taken by 4 processes (${reports.map((r) => r.taken.length).join(' + ')})${reports.some((r) => r.empty) ? ', queue emptied' : ''}`);
}, 60_000);
