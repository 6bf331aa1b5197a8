/**
 * The store port over a real store, for what the screens save: a review carries the version the
 * supervisor saw (a stale one is the store's conflict, exit 75, which `isConflict` recognises);
 * a queue view is saved as a new queue only (a name any queue has, a taken digit are refused, in
 * one line); queues come with their own sort, and a queue the filter language cannot say without
 * a query; a page is in the direction the screen asks for.
 */
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Store} from '../../db/index.js';
import {decide, setBringForward} from '../../source/cases/decisions.js';
import {isConflict, type WorkstationData} from '../../source/ui/data.js';
import {storePort} from '../../source/ui/store-port.js';
import {tempDir} from '../db/helpers.js';
import {addOfficer, insertCase, openSeededStore, sessionAs, TODAY} from '../cases/seed-decisions.js';

let store: Store;
let cleanup: () => void;
let officer: WorkstationData;
let supervisor: WorkstationData;
const numbers: string[] = [];

beforeAll(async () => {
	const temp = tempDir('caips-ui-port-');
	cleanup = temp.cleanup;
	store = await openSeededStore(join(temp.dir, 'caips.db'));
	await addOfficer(store, 'jdoe', ['officer']);
	await addOfficer(store, 'msup', ['supervisor']);
	for (const [i, id] of ['V17', 'V01', 'V05', 'V11', 'V18'].entries()) {
		numbers.push(await insertCase(store, id, {status: 'in_review', assignedTo: 'jdoe', applicationNumber: `E80000000${i}`}));
	}
	// Every one received (some fixtures are profiles still in the pool), so each is in the queues.
	await store.db.updateTable('applications').set({received_at: '2026-01-05T14:00:00.000Z'}).where('received_at', 'is', null).execute();
	officer = storePort(await sessionAs(store, 'jdoe'), {storeName: 'test.db'});
	supervisor = storePort(await sessionAs(store, 'msup'), {storeName: 'test.db'});
});

afterAll(async () => {
	await store.close();
	cleanup();
});

describe('storePort: review against the version seen', () => {
	it('a stale version is a conflict (exit 75) and nothing is reviewed; the current one reviews', async () => {
		const number = numbers[0]!;
		const jdoe = await sessionAs(store, 'jdoe');
		await decide(jdoe, number, {outcome: 'refuse', reasonCodes: ['insufficient-evidence'], text: 'Experience not established.', today: TODAY});
		const seen = (await supervisor.caseDetail(number)).version;
		// The deciding officer changes the case meanwhile.
		await setBringForward(jdoe, number, '2026-12-30', {today: TODAY});
		const error = await supervisor.review(number, {outcome: 'approve', text: '', expectedVersion: seen}).then(
			() => null,
			(failure: unknown) => failure,
		);
		expect(isConflict(error), String(error)).toBe(true);
		expect((error as Error).message).toMatch(new RegExp(`^case ${number} changed since you opened it \\(version ${seen} → ${seen + 1}\\)`));
		expect((await supervisor.caseDetail(number)).status).toBe('pending_review');
		await supervisor.review(number, {outcome: 'return', text: 'Look at the new letter.', expectedVersion: seen + 1});
		const after = await supervisor.caseDetail(number);
		expect(after.status).toBe('in_review');
		expect(after.decisions.at(-1)).toMatchObject({reviewOutcome: 'return', reviewer: 'msup'});
		expect(isConflict(new Error('x'))).toBe(false);
	});
});

describe('storePort: queues', () => {
	it('lists each queue with its own sort; Decided today has no query', async () => {
		const queues = await officer.queues();
		expect(queues.find((q) => q.name === 'My cases')).toMatchObject({query: 'officer:me status:received,in_review,awaiting_info,pending_review', sort: 'received', descending: false, builtIn: true});
		expect(queues.find((q) => q.name === 'Bring-forward due')).toMatchObject({sort: 'bf', descending: false});
		expect(queues.find((q) => q.name === 'Decided today')).toMatchObject({query: null});
		expect(queues.find((q) => q.name === 'All cases')).toMatchObject({query: ''});
	});

	it('saves a view as a new queue with its sort and digit (audited); refuses a name any queue has, and a taken digit', async () => {
		await officer.saveQueue({name: 'CEC by CRS', query: 'officer:me program:CEC', sort: 'crs', descending: true, digitKey: 3});
		const saved = (await officer.queues()).find((q) => q.name === 'CEC by CRS');
		expect(saved).toMatchObject({query: 'officer:me program:CEC', sort: 'crs', descending: true, digitKey: 3, builtIn: false});
		const audit = await store.db.selectFrom('audit_events').select(['action', 'officer']).where('action', '=', 'queue-save').execute();
		expect(audit).toEqual([{action: 'queue-save', officer: 'jdoe'}]);
		const refusal = (input: Parameters<WorkstationData['saveQueue']>[0]) =>
			officer.saveQueue(input).then(
				() => 'saved',
				(error: Error) => error.message,
			);
		const base = {query: 'program:FSW', sort: 'received', descending: false, digitKey: null} as const;
		expect(await refusal({...base, name: 'cec BY crs'})).toBe('a queue named "CEC by CRS" exists already; choose another name');
		expect(await refusal({...base, name: 'Pending review'})).toBe('a queue named "Pending review" exists already; choose another name');
		expect(await refusal({...base, name: 'mine'})).toBe('a queue named "My cases" exists already; choose another name');
		expect(await refusal({...base, name: 'FSW', digitKey: 3})).toBe('digit key 3 already opens queue "CEC by CRS"; choose another digit or none');
		expect(await refusal({...base, name: 'Bad', query: 'crs>>1'})).not.toBe('saved');
		// The first one is as it was.
		expect((await officer.queues()).find((q) => q.name === 'CEC by CRS')).toMatchObject({query: 'officer:me program:CEC', digitKey: 3});
	});

	it('pages in the direction the screen asks for (CRS lowest first when not descending)', async () => {
		const crs = async (descending: boolean) => (await officer.queuePage({queue: 'My cases', filter: '', sort: 'crs', descending, limit: 10, after: null, offset: 0})).rows.map((r) => r.crsTotal ?? -1);
		const ascending = await crs(false);
		expect(ascending.length, JSON.stringify(await officer.queues())).toBeGreaterThan(2);
		expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
		const descending = await crs(true);
		expect(descending).toEqual([...ascending].sort((a, b) => b - a));
		expect(descending[0]).toBeGreaterThan(descending.at(-1)!);
	});
});
