/**
 * Case-work throughput on a temporary store of 5,000 cases (copies of rule-book fixture V17):
 * - import-like insert rate: cases (application row with its assessment, work periods) inserted
 *   per second, in transactions of 500;
 * - decision recording rate: `decide` calls per second in one process, each its own write
 *   transaction (BEGIN IMMEDIATE, synchronous=FULL, audited), outcomes rotating approve / refuse /
 *   rfi, with the median and 95th-percentile latency.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {decide, type DecisionOutcome} from '../../source/cases/decisions.js';
import {addOfficer, insertCopies, openSeededStore, sessionAs, TODAY} from '../cases/seed-decisions.js';

const CASES = 5000;
/** Decisions stop after this long even if cases remain (slow disks). */
const DECIDE_BUDGET_MS = 20_000;

export async function benchDecisions(root: string): Promise<Record<string, number | string>> {
	const dir = mkdtempSync(join(tmpdir(), 'caips-bench-decisions-'));
	const store = await openSeededStore(join(dir, 'caips.db'));
	try {
		await addOfficer(store, 'bench', ['officer']);
		const insertStart = process.hrtime.bigint();
		const numbers = await insertCopies(store, 'V17', CASES, {status: 'in_review', assignedTo: 'bench', fixturesDir: join(root, 'test', 'fixtures', 'applications')});
		const insertSeconds = Number(process.hrtime.bigint() - insertStart) / 1e9;

		const session = await sessionAs(store, 'bench');
		const outcomes: DecisionOutcome[] = ['approve', 'refuse', 'rfi'];
		const latencies: number[] = [];
		const decideStart = performance.now();
		for (const [i, applicationNumber] of numbers.entries()) {
			if (performance.now() - decideStart > DECIDE_BUDGET_MS) break;
			const outcome = outcomes[i % outcomes.length]!;
			const t0 = performance.now();
			await decide(session, applicationNumber, {
				outcome,
				reasonCodes: outcome === 'refuse' ? ['cec-not-met'] : [],
				text: `bench ${outcome}`,
				expectedVersion: 1,
				today: TODAY,
			});
			latencies.push(performance.now() - t0);
		}
		const decideSeconds = (performance.now() - decideStart) / 1000;
		latencies.sort((a, b) => a - b);
		const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
		return {
			[`cases inserted per second (import-like, ${CASES.toLocaleString('en-CA')} in transactions of 500)`]: Math.round(CASES / insertSeconds),
			[`decisions per second (one process, ${latencies.length.toLocaleString('en-CA')} decisions on a ${CASES.toLocaleString('en-CA')}-case store)`]: Math.round(latencies.length / decideSeconds),
			'decide latency median (ms)': Number(at(0.5).toFixed(2)),
			'decide latency 95th percentile (ms)': Number(at(0.95).toFixed(2)),
		};
	} finally {
		await store.close();
		rmSync(dir, {recursive: true, force: true});
	}
}
