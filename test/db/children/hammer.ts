/**
 * Child: many small write transactions against one store, each a read-modify-write of a shared
 * counter plus an insert. Prints {ok, done, retries, ms} as JSON.
 * Args: dbPath count busyTimeoutMs startAtEpochMs label
 */
import {sql} from 'kysely';
import {openStore} from '../../../db/connect.js';

const [dbPath, countArg, busyArg, startAt, label] = process.argv.slice(2);
const count = Number(countArg);
let retries = 0;
try {
	const store = await openStore(dbPath!, {busyTimeoutMs: Number(busyArg), onRetry: () => retries++});
	while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 1));
	const t0 = performance.now();
	for (let i = 0; i < count; i++) {
		await store.transaction(async (trx) => {
			const row = await trx.selectFrom('meta').select('value').where('key', '=', 'counter').executeTakeFirst();
			const n = Number(row?.value ?? '0') + 1;
			await trx
				.insertInto('meta')
				.values({key: 'counter', value: String(n)})
				.onConflict((oc) => oc.column('key').doUpdateSet({value: String(n)}))
				.execute();
			await sql`insert into hammer_log (who, n) values (${label}, ${n})`.execute(trx);
		});
	}
	const ms = performance.now() - t0;
	await store.close();
	console.log(JSON.stringify({ok: true, done: count, retries, ms}));
} catch (err) {
	console.log(JSON.stringify({ok: false, retries, error: String(err)}));
	process.exitCode = 1;
}
