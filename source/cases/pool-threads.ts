/**
 * Scoring pool profiles on every core: a small set of worker threads (pool-worker.ts, bundled to
 * dist/pool-worker.js) each scoring batches of profiles, or the calling thread itself when there
 * is one core, a small pool, or no worker bundle (tests that run the TypeScript sources).
 *
 * How many threads: `CAIPS_POOL_THREADS` (0 = score in the calling thread; 1–16 = that many
 * worker threads whatever the pool's size), else one per core (`os.availableParallelism()`, at
 * most 4) when the pool holds at least {@link THREADED_FROM} profiles. Results do not depend on
 * the number of threads: ranking sorts by a total order (pool.ts).
 */
import {existsSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {ConfigError} from './errors.js';
import {batchScorer, DamagedBatchError, type ProfileBatch, type ScoreSetup} from './pool-score.js';

/** Profiles from which a ranking is worth starting worker threads for (each costs ~30 ms to start). */
export const THREADED_FROM = 8000;

/** Most worker threads started when the count is automatic. */
const AUTO_MAX_THREADS = 4;

/** Scores batches of profiles; see {@link batchScorer} for the result's layout. */
export type Scorer = {
	/** Worker threads in use (0: the calling thread scores). */
	readonly threads: number;
	/**
	 * Scores one batch. Rejects with DamagedBatchError when its JSON does not parse, else with an
	 * Error carrying the message of what scoring threw.
	 */
	score(batch: ProfileBatch): Promise<Int32Array>;
	/** Batches being scored now. */
	readonly inFlight: number;
	/** Stops the worker threads (idempotent). */
	close(): Promise<void>;
};

/**
 * The worker thread count asked for by `env.CAIPS_POOL_THREADS`, or null when unset (automatic).
 * Throws ConfigError (78, a configuration error) naming the variable and its value when it is not a whole number 0–16.
 */
export function threadsFromEnv(env: NodeJS.ProcessEnv = process.env): number | null {
	const text = env.CAIPS_POOL_THREADS;
	if (text === undefined || text === '') return null;
	const n = Number(text);
	if (!/^\d+$/.test(text) || n > 16) throw new ConfigError(`CAIPS_POOL_THREADS ${JSON.stringify(text)} is not a whole number from 0 to 16`);
	return n;
}

/** The worker bundle next to this module (dist/pool-worker.js beside dist/cli.js), or null when there is none. */
function workerScript(): URL | null {
	const url = new URL('./pool-worker.js', import.meta.url);
	return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
}

/**
 * Opens a scorer for `setup` sized for a pool of about `profiles` profiles (see the module
 * comment for the thread count). Throws ConfigError (78) for a bad `CAIPS_POOL_THREADS`.
 */
export function openScorer(setup: ScoreSetup, profiles: number, env: NodeJS.ProcessEnv = process.env): Scorer {
	const asked = threadsFromEnv(env);
	const script = workerScript();
	const threads = !script ? 0 : asked ?? (profiles >= THREADED_FROM ? Math.min(AUTO_MAX_THREADS, availableParallelism()) : 0);
	if (threads === 0 || !script) return inThread(setup);
	return withWorkers(script, threads, setup);
}

function inThread(setup: ScoreSetup): Scorer {
	const score = batchScorer(setup);
	return {
		threads: 0,
		inFlight: 0,
		score: async (batch) => score(batch),
		close: async () => {},
	};
}

type Pending = {resolve: (scores: Int32Array) => void; reject: (error: Error) => void};

/** A worker's answer: the scores, or what was thrown (`damaged`: a DamagedBatchError). */
type Answer = {id: number; scores?: Int32Array; error?: string; damaged?: boolean};

function withWorkers(script: URL, threads: number, setup: ScoreSetup): Scorer {
	const pending = new Map<number, Pending>();
	const load: number[] = [];
	const workers: Worker[] = [];
	let nextId = 0;
	let failure: Error | null = null;
	const failAll = (error: Error) => {
		failure ??= error;
		for (const p of pending.values()) p.reject(failure);
		pending.clear();
	};
	for (let i = 0; i < threads; i++) {
		const worker = new Worker(script, {workerData: setup});
		load.push(0);
		worker.on('message', (message: Answer) => {
			load[i]! -= 1;
			const p = pending.get(message.id);
			if (!p) return;
			pending.delete(message.id);
			if (message.scores) p.resolve(message.scores);
			else p.reject(message.damaged ? new DamagedBatchError(message.error) : new Error(`ranking worker: ${message.error}`));
		});
		worker.on('error', (error) => failAll(error instanceof Error ? error : new Error(String(error))));
		worker.on('exit', (code) => {
			if (code !== 0) failAll(new Error(`ranking worker stopped (exit code ${code})`));
		});
		workers.push(worker);
	}
	let closed = false;
	return {
		threads,
		get inFlight() {
			return pending.size;
		},
		score(batch) {
			if (failure) return Promise.reject(failure);
			const id = nextId++;
			// The least busy worker takes the batch.
			let best = 0;
			for (let i = 1; i < workers.length; i++) if (load[i]! < load[best]!) best = i;
			load[best]! += 1;
			return new Promise<Int32Array>((resolve, reject) => {
				pending.set(id, {resolve, reject});
				workers[best]!.postMessage({id, batch});
			});
		},
		async close() {
			if (closed) return;
			closed = true;
			failure ??= new Error('ranking workers closed');
			await Promise.all(workers.map((w) => w.terminate()));
		},
	};
}
