/**
 * Child: as officer OFFICER, calls takeNext on the store in a loop from START until UNTIL (epoch
 * ms) or until the queue is empty. Prints {ok, taken: [application numbers], empty} as JSON.
 * Args: dbPath officer startAtEpochMs untilEpochMs
 */
import {nowInstant} from '../../../db/codec.js';
import {openStore} from '../../../db/connect.js';
import {takeNext} from '../../../source/cases/assignment.js';
import {loadActor} from '../../../source/cases/session.js';

const [dbPath, officer, startAt, until] = process.argv.slice(2);
const taken: string[] = [];
try {
	const store = await openStore(dbPath!);
	const session = {store, actor: await loadActor(store, officer!), now: () => nowInstant()};
	while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 1));
	let empty = false;
	while (Date.now() < Number(until)) {
		const entry = await takeNext(session);
		if (!entry) {
			empty = true;
			break;
		}
		taken.push(entry.applicationNumber);
	}
	await store.close();
	console.log(JSON.stringify({ok: true, taken, empty}));
} catch (err) {
	console.log(JSON.stringify({ok: false, taken, error: String(err)}));
	process.exitCode = 1;
}
