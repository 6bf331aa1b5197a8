/**
 * A ranking worker thread (bundled to dist/pool-worker.js): opens the store on a connection of
 * its own, reads its share of the pool (a range of application numbers) in a read-only snapshot,
 * scores it with the rules engine and posts back {result: {seq, records}} — the last audit event
 * its snapshot saw and the compact records (pool.ts) — or {error} with the message of what was
 * thrown. Started by pool-threads.ts with `workerData` = {storePath, options, range}.
 */
import {parentPort, workerData} from 'node:worker_threads';
import {openStore} from '../../db/index.js';
import {lastAuditSeq} from './audit.js';
import {rankRange, type NumberRange, type RankOptions} from './pool.js';

const {storePath, options, range} = workerData as {storePath: string; options: RankOptions; range: NumberRange};

try {
	const store = await openStore(storePath, {migrate: false});
	try {
		const result = await store.transaction(async (trx) => ({seq: await lastAuditSeq(trx), records: await rankRange(trx, options, range)}), {readOnly: true});
		parentPort!.postMessage({result});
	} finally {
		await store.close();
	}
} catch (error) {
	parentPort!.postMessage({error: error instanceof Error ? error.message.split('\n')[0] : String(error)});
}
