/**
 * Ranking a large pool on every core: one worker thread per share of the pool (pool-worker.ts,
 * bundled to dist/pool-worker.js), each opening the store on its own connection, reading its
 * share of application numbers in a read-only snapshot and scoring it, so that reading, parsing
 * and the rules engine all run in parallel and only the compact records come back.
 *
 * How many threads: `CAIPS_POOL_THREADS` (0 = rank in the calling thread; 1–16 = that many
 * worker threads whatever the pool's size), else one per core (`os.availableParallelism()`, at
 * most 4) when the pool holds at least {@link THREADED_FROM} profiles; none when there is no
 * worker bundle beside this module (tests that run the TypeScript sources). Results do not depend
 * on the number of threads: ranking sorts by a total order (pool.ts).
 */
import {existsSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {InvalidError} from './errors.js';
import type {NumberRange, RankOptions, Ranked} from './pool.js';

/** Profiles from which a ranking is worth starting worker threads for (each costs ~50 ms to start). */
export const THREADED_FROM = 8000;

/** Most worker threads started when the count is automatic. */
const AUTO_MAX_THREADS = 4;

/** What one worker hands back: the last audit event its snapshot saw, and its share's records. */
export type ShareResult = {seq: number; records: Ranked[]};

/**
 * The worker thread count asked for by `env.CAIPS_POOL_THREADS`, or null when unset (automatic).
 * Throws InvalidError (65) naming the variable and its value when it is not a whole number 0–16.
 */
export function threadsFromEnv(env: NodeJS.ProcessEnv = process.env): number | null {
	const text = env.CAIPS_POOL_THREADS;
	if (text === undefined || text === '') return null;
	const n = Number(text);
	if (!/^\d+$/.test(text) || n > 16) throw new InvalidError(`CAIPS_POOL_THREADS ${JSON.stringify(text)} is not a whole number from 0 to 16`);
	return n;
}

/** The worker bundle next to this module (dist/pool-worker.js beside dist/cli.js), or null when there is none. */
function workerScript(): URL | null {
	const url = new URL('./pool-worker.js', import.meta.url);
	return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
}

/**
 * Worker threads to rank a pool of `profiles` profiles with (0: rank in the calling thread); see
 * the module comment. Throws InvalidError for a bad `CAIPS_POOL_THREADS`.
 */
export function threadsFor(profiles: number, env: NodeJS.ProcessEnv = process.env): number {
	const asked = threadsFromEnv(env);
	if (!workerScript()) return 0;
	return asked ?? (profiles >= THREADED_FROM ? Math.min(AUTO_MAX_THREADS, availableParallelism()) : 0);
}

/**
 * Ranks each of `shares` in a worker thread of its own on the store at `storePath` and resolves
 * to their results, in the order of `shares`. Rejects with the first worker's error (its
 * message, one line) and stops the others.
 */
export async function rankInWorkers(storePath: string, options: RankOptions, shares: readonly NumberRange[]): Promise<ShareResult[]> {
	const script = workerScript();
	if (!script) throw new Error('ranking worker bundle not found');
	const workers: Worker[] = [];
	try {
		return await Promise.all(
			shares.map(
				(range) =>
					new Promise<ShareResult>((resolve, reject) => {
						const worker = new Worker(script, {workerData: {storePath, options, range}});
						workers.push(worker);
						worker.once('message', (message: {result?: ShareResult; error?: string}) => {
							if (message.result) resolve(message.result);
							else reject(new Error(`ranking worker: ${message.error}`));
						});
						worker.once('error', (error) => reject(error instanceof Error ? error : new Error(String(error))));
						worker.once('exit', (code) => reject(new Error(`ranking worker stopped (exit code ${code})`)));
					}),
			),
		);
	} finally {
		await Promise.all(workers.map((worker) => worker.terminate()));
	}
}
