/**
 * A ranking worker thread (bundled to dist/pool-worker.js): scores batches of pool profiles with
 * the rules engine, so that ranking a large pool uses every core. Started by pool-threads.ts with
 * `workerData` = the ranking's ScoreSetup; each message {id, batch} is answered {id, scores} (the
 * Int32Array's buffer transferred) or {id, error, damaged} (the message of what was thrown;
 * `damaged` when the batch's JSON did not parse).
 */
import {parentPort, workerData} from 'node:worker_threads';
import {batchScorer, DamagedBatchError, type ProfileBatch, type ScoreSetup} from './pool-score.js';

const score = batchScorer(workerData as ScoreSetup);

parentPort!.on('message', ({id, batch}: {id: number; batch: ProfileBatch}) => {
	try {
		const scores = score(batch);
		parentPort!.postMessage({id, scores}, [scores.buffer as ArrayBuffer]);
	} catch (error) {
		parentPort!.postMessage({id, error: error instanceof Error ? error.message : String(error), damaged: error instanceof DamagedBatchError});
	}
});
