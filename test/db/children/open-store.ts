/**
 * Child: waits until the given start time (so siblings open together), opens the store, prints
 * what migration did as JSON. Args: dbPath startAtEpochMs
 */
import {openStore} from '../../../db/connect.js';

const [dbPath, startAt] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {
	// spin until the common start instant
}
try {
	const store = await openStore(dbPath!);
	const m = store.migration;
	console.log(JSON.stringify({ok: true, from: m.from, to: m.to, applied: m.applied.length}));
	await store.close();
} catch (err) {
	console.log(JSON.stringify({ok: false, error: String(err)}));
	process.exitCode = 1;
}
