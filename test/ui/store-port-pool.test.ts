/**
 * The store port's pool and rounds operations over a real store: the pool is ranked once and paged
 * from the cached ranking (one `pool` audit event per ranking), `reload` ranks again; rounds and
 * invitees come from source/cases/rounds.ts.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {runRound} from '../../source/cases/rounds.js';
import {storePort} from '../../source/ui/store-port.js';
import {auditCount, insertProfiles, profile, type ProfileSpec} from '../cases/pool-fixtures.js';
import {seededStore, type TestStore} from '../cases/seeded-store.js';

const n = (i: number) => `E30000000${String(i).padStart(2, '0')}`;
const SPECS: ProfileSpec[] = [
	{from: 'V18', number: n(1), submittedAt: '2026-08-01T00:00:00Z'},
	{from: 'V40', number: n(2), submittedAt: '2026-07-30T00:00:00Z'},
	{from: 'V01', number: n(3), submittedAt: '2026-03-01T09:00:00Z'},
	{from: 'V01', number: n(4), submittedAt: '2026-03-01T10:00:00Z'},
	{from: 'V32', number: n(5), submittedAt: '2026-01-01T00:00:00Z'},
];

let open: TestStore[] = [];
afterEach(async () => {
	for (const t of open) await t.close();
	open = [];
});

describe('storePort: pool and rounds', () => {
	it('pages the pool from one ranking, ranks again on reload, lists rounds and invitees', async () => {
		const t = await seededStore('caips-ui-pool-');
		open.push(t);
		await insertProfiles(t.store, SPECS.map(profile));
		const alice = await t.as('alice');
		const port = storePort(alice, {storeName: 'test.db'});

		const before = await auditCount(t.store);
		const first = await port.pool({asOf: '2026-08-05', offset: 0, limit: 3});
		expect(first.total).toBe(5);
		expect(first.entries.map((e) => e.rank)).toEqual([1, 2, 3]);
		expect(first.distribution.total).toBe(5);
		expect(first.distribution.bands).toHaveLength(17);
		const second = await port.pool({asOf: '2026-08-05', offset: 3, limit: 3});
		expect(second.entries.map((e) => e.rank)).toEqual([4, 5]);
		expect(await auditCount(t.store)).toBe(before + 1);
		await port.pool({asOf: '2026-08-05', offset: 0, limit: 3, reload: true});
		expect(await auditCount(t.store)).toBe(before + 2);
		await expect(port.pool({asOf: '2026-08-05', program: 'XYZ', offset: 0, limit: 3})).rejects.toThrow(/program "XYZ"/);

		await runRound(alice, {at: '2026-08-05T14:00:00Z', size: 2});
		const rounds = await port.rounds();
		expect(rounds).toHaveLength(1);
		expect(rounds[0]).toMatchObject({number: 1, type: 'general', size: 2, invited: 2});
		const invitees = await port.roundInvitees(1);
		expect(invitees.map((i) => i.rank)).toEqual([1, 2]);
		expect(invitees[0]!.familyName).toBeTruthy();
	});
});
