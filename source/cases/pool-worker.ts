/**
 * A ranking worker thread (bundled to dist/pool-worker.js): scores batches of pool profiles with
 * the rules engine, so that ranking a large pool uses every core. Started by pool-threads.ts with
 * `workerData` = {asOf, filter}; each message {id, inputs} is answered {id, scores} (the
 * Int32Array's buffer transferred) or {id, error} (the message of what was thrown).
 */
import {parentPort, workerData} from 'node:worker_threads';
import {profileScorer, scoreBatch, type ScoreFilter, type ScoreInput} from './pool-score.js';

const {asOf, filter} = workerData as {asOf: string; filter: ScoreFilter};
const score = profileScorer(asOf, filter);

parentPort!.on('message', ({id, inputs}: {id: number; inputs: ScoreInput[]}) => {
	try {
		const scores = scoreBatch(score, inputs);
		parentPort!.postMessage({id, scores}, [scores.buffer as ArrayBuffer]);
	} catch (error) {
		parentPort!.postMessage({id, error: error instanceof Error ? error.message : String(error)});
	}
});
