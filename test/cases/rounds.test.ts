/**
 * Rounds of invitations (rules.md §7.2–7.5) on real stores: the cut-off and the tie-breaking rule,
 * expired and ineligible profiles never invited, program and category rounds (French, an
 * occupation category under the 6-month rule and the 12-month rule), age on the round date and
 * locked at the ITA, determinism, a dry run that writes nothing, a round that is one transaction,
 * the admin role, the expiry of unanswered invitations, and the Rounds screen's lists.
 */
import {sql} from 'kysely';
import {afterEach, describe, expect, it} from 'vitest';
import {decodeJson} from '../../db/index.js';
import {readCase} from '../../source/cases/case-view.js';
import {verifyAudit} from '../../source/cases/audit.js';
import {applicationOf} from '../../source/cases/case-version.js';
import {commitRound, expireInvitations, listRounds, rankRound, roundInvitees, runRound, type RoundOptions} from '../../source/cases/rounds.js';
import type {Session} from '../../source/cases/session.js';
import type {Application, WorkPeriod} from '../../source/rules/application.js';
import {assess} from '../../source/rules/assess.js';
import {addOfficer} from './seed-decisions.js';
import {auditCount, insertProfiles, profile, storeDigest, type ProfileSpec} from './pool-fixtures.js';
import {seededStore, type TestStore} from './seeded-store.js';

const AT = '2026-08-05T14:00:00Z';
const n = (i: number) => `E20000000${String(i).padStart(2, '0')}`;

let open: TestStore[] = [];
afterEach(async () => {
	for (const t of open) await t.close();
	open = [];
});

/** A fresh store (alice: admin, officer, supervisor; bob: officer) holding `specs` as pool profiles. */
async function storeWith(specs: ProfileSpec[]): Promise<{t: TestStore; alice: Session; apps: Application[]}> {
	const t = await seededStore('caips-rounds-');
	open.push(t);
	const apps = specs.map(profile);
	await insertProfiles(t.store, apps);
	await addOfficer(t.store, 'bob', ['officer']);
	return {t, alice: await t.as('alice'), apps};
}

const caseRow = (t: TestStore, number: string) => t.store.db.selectFrom('applications').selectAll().where('application_number', '=', number).executeTakeFirstOrThrow();
const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as {exitCode?: number; message: string});

/** The tie-break scenario: two above the cut-off (submitted late), five at 429, one below; and three that must never be invited. */
const TIE: ProfileSpec[] = [
	{from: 'V18', number: n(1), submittedAt: '2026-08-01T00:00:00Z'}, // 517, submitted last of all
	{from: 'V40', number: n(2), submittedAt: '2026-07-30T00:00:00Z'}, // 469
	{from: 'V01', number: n(3), submittedAt: '2026-03-01T09:00:00Z'}, // 429 …
	{from: 'V01', number: n(4), submittedAt: '2026-03-01T10:00:00Z'},
	{from: 'V01', number: n(5), submittedAt: '2026-04-01T00:00:00Z'},
	{from: 'V01', number: n(6), submittedAt: '2026-05-01T00:00:00Z'},
	{from: 'V01', number: n(7), submittedAt: '2026-06-01T00:00:00Z'},
	{from: 'V32', number: n(8), submittedAt: '2026-01-01T00:00:00Z'}, // 372
	{from: 'V18', number: n(9), submittedAt: '2026-08-05T14:00:01Z'}, // 517, one second after the round
	{from: 'V20', number: n(10), submittedAt: '2025-08-05T00:00:00Z'}, // 557, 12 months old on the round date
	{from: 'V14', number: n(11), submittedAt: '2026-01-01T00:00:00Z', changes: {intendedProvince: 'QC'}}, // 539, ineligible (Quebec)
];

describe('a general round: cut-off, tie-break, what is written', () => {
	it('invites the top N: above the cut-off always, at the cut-off only up to the tie-break instant; never expired, ineligible or later profiles', async () => {
		const {t, alice} = await storeWith(TIE);
		const result = await runRound(alice, {at: AT, size: 4});
		expect(result.round).toEqual({
			number: 1,
			at: '2026-08-05T14:00:00.000Z',
			type: 'general',
			program: null,
			category: null,
			size: 4,
			invited: 4,
			cutoff: 429,
			tieBreakAt: '2026-03-01T10:00:00.000Z',
			dryRun: false,
		});
		expect(result.invitees).toEqual([
			{rank: 1, applicationNumber: n(1), crs: 517, profileSubmittedAt: '2026-08-01T00:00:00.000Z'},
			{rank: 2, applicationNumber: n(2), crs: 469, profileSubmittedAt: '2026-07-30T00:00:00.000Z'},
			{rank: 3, applicationNumber: n(3), crs: 429, profileSubmittedAt: '2026-03-01T09:00:00.000Z'},
			{rank: 4, applicationNumber: n(4), crs: 429, profileSubmittedAt: '2026-03-01T10:00:00.000Z'},
		]);
		// Equal scores submitted after the tie-break instant stay in the pool; so do the ones never invitable.
		for (const i of [5, 6, 7, 8, 9, 10, 11]) expect((await caseRow(t, n(i))).status).toBe('pool');
	});

	it('stores the round, the invitations and each invitee as invited (ITA in the case and its application, queue columns set, version bumped; the case view assesses it on the ITA date), audited in one chain', async () => {
		const {t, alice} = await storeWith(TIE);
		const before = await caseRow(t, n(3));
		const events = await auditCount(t.store);
		await runRound(alice, {at: AT, size: 4});
		const round = await t.store.db.selectFrom('rounds').selectAll().executeTakeFirstOrThrow();
		expect(round).toMatchObject({number: 1, at: '2026-08-05T14:00:00.000Z', type: 'general', program: null, category: null, size: 4, invited: 4, cutoff: 429, tie_break_at: '2026-03-01T10:00:00.000Z', created_by: 'alice'});
		const invitations = await t.store.db.selectFrom('invitations').selectAll().orderBy('rank').execute();
		expect(invitations.map((i) => [i.round_number, i.application_number, i.crs, i.rank])).toEqual([
			[1, n(1), 517, 1],
			[1, n(2), 469, 2],
			[1, n(3), 429, 3],
			[1, n(4), 429, 4],
		]);
		const after = await caseRow(t, n(3));
		expect(after).toMatchObject({status: 'invited', invited_at: '2026-08-05T14:00:00.000Z', version: before.version + 1, crs_total: 429});
		expect(applicationOf(after).invitedAt).toBe('2026-08-05T14:00:00.000Z');
		// No full assessment is written for an invitee; viewed months later, the case is assessed on its ITA date.
		expect(after.assessment).toBeNull();
		const viewed = await t.store.transaction((trx) => readCase(trx, n(3), '2026-12-01'));
		expect(viewed.assessment!.asAssessed).toMatchObject({asOf: '2026-08-05', crs: {total: 429}});
		const audit = await t.store.db.selectFrom('audit_events').selectAll().where('seq', '>', events).orderBy('seq').execute();
		expect(audit.map((e) => [e.action, e.application_number])).toEqual([
			['invite', n(1)],
			['invite', n(2)],
			['invite', n(3)],
			['invite', n(4)],
			['round', null],
		]);
		expect(JSON.parse(audit[2]!.detail!)).toEqual({round: 1, rank: 3, crs: 429, at: '2026-08-05T14:00:00.000Z', from: 'pool', to: 'invited', version: before.version + 1});
		expect(JSON.parse(audit[4]!.detail!)).toMatchObject({number: 1, type: 'general', size: 4, invited: 4, cutoff: 429, tieBreakAt: '2026-03-01T10:00:00.000Z'});
		expect(await verifyAudit(t.store.db)).toEqual({ok: true, events: events + 5});
	});

	it('the invite events are chained exactly as recordAudit chains them: the OS login of a service account is kept in each', async () => {
		const {t, alice} = await storeWith(TIE);
		const service: Session = {...alice, actor: {...alice.actor, osUser: 'svc-caips'}};
		await runRound(service, {at: AT, size: 2});
		const events = await t.store.db.selectFrom('audit_events').selectAll().where('action', 'in', ['invite', 'round']).orderBy('seq').execute();
		expect(events.map((e) => JSON.parse(e.detail!).osUser)).toEqual(['svc-caips', 'svc-caips', 'svc-caips']);
		expect(events.map((e) => e.seq)).toEqual([events[0]!.seq, events[0]!.seq + 1, events[0]!.seq + 2]);
		expect((await verifyAudit(t.store.db)).ok).toBe(true);
	});

	it('the next round is numbered after it and draws from who is left: the profile submitted a second too late is in the pool the next day', async () => {
		const {alice} = await storeWith(TIE);
		await runRound(alice, {at: AT, size: 4});
		const second = await runRound(alice, {at: '2026-08-06T14:00:00Z', size: 2});
		expect(second.round).toMatchObject({number: 2, invited: 2, cutoff: 429, tieBreakAt: '2026-04-01T00:00:00.000Z'});
		expect(second.invitees.map((e) => e.applicationNumber)).toEqual([n(9), n(5)]);
	});

	it('a round with nobody eligible invites 0 with cutoff and tie-break null, and is still recorded', async () => {
		const {t, alice} = await storeWith(TIE);
		const result = await runRound(alice, {at: AT, size: 100, program: 'PNP'});
		expect(result.round).toMatchObject({number: 1, type: 'program', program: 'PNP', invited: 0, cutoff: null, tieBreakAt: null});
		expect(result.invitees).toEqual([]);
		expect(await t.store.db.selectFrom('rounds').select(['number', 'invited', 'cutoff']).execute()).toEqual([{number: 1, invited: 0, cutoff: null}]);
	});

	it('a program round takes only those eligible for the program on the round date', async () => {
		const {alice} = await storeWith(TIE);
		const cec = await runRound(alice, {at: AT, size: 100, program: 'CEC', dryRun: true});
		expect(cec.round).toMatchObject({type: 'program', program: 'CEC'});
		expect(cec.invitees.map((e) => e.applicationNumber)).toEqual([n(1), n(8)]);
	});
});

describe('a dry run, determinism, one transaction', () => {
	it('a dry run gives the real round\'s result and changes nothing: every table, the audit log included, is the same before and after', async () => {
		const {t, alice} = await storeWith(TIE);
		const digest = await storeDigest(t.store);
		const dry = await runRound(alice, {at: AT, size: 4, dryRun: true});
		const again = await runRound(alice, {at: AT, size: 4, dryRun: true});
		expect(await storeDigest(t.store)).toBe(digest);
		expect(again).toEqual(dry);
		expect(dry.round.dryRun).toBe(true);
		const real = await runRound(alice, {at: AT, size: 4});
		expect(real).toEqual({...dry, round: {...dry.round, dryRun: false}});
		expect(await storeDigest(t.store)).not.toBe(digest);
	});

	it('the same round on the same data invites the same profiles, whatever order the store holds them in', async () => {
		const a = await storeWith(TIE);
		const b = await storeWith([...TIE].reverse());
		const options: RoundOptions = {at: AT, size: 6, dryRun: true};
		expect((await runRound(b.alice, options)).invitees).toEqual((await runRound(a.alice, options)).invitees);
	});

	it('ranked without the lock, written under it: used as ranked when nothing changed, ranked again when another round was written meanwhile', async () => {
		const {alice} = await storeWith(TIE);
		const unchanged = await rankRound(alice, {at: AT, size: 2});
		expect(await commitRound(alice, unchanged)).toBe(unchanged.result);

		const stale = await rankRound(alice, {at: '2026-08-05T16:00:00Z', size: 2});
		const meanwhile = await runRound(alice, {at: '2026-08-05T15:00:00Z', size: 2});
		const committed = await commitRound(alice, stale);
		expect(stale.result.invitees.map((e) => e.applicationNumber)).toEqual(meanwhile.invitees.map((e) => e.applicationNumber));
		expect(committed.round.number).toBe(meanwhile.round.number + 1);
		expect(committed.invitees.map((e) => e.applicationNumber)).toEqual([n(4), n(5)]); // n(1), n(2) went in the first round; n(9) (submitted a second after it) and n(3) in the one meanwhile
		expect(committed.invitees.some((e) => meanwhile.invitees.some((m) => m.applicationNumber === e.applicationNumber))).toBe(false);
	});

	it('a real round is dated now or earlier and after the latest round (65, nothing written); a dry run may simulate any date', async () => {
		const {t, alice} = await storeWith(TIE);
		await runRound(alice, {at: AT, size: 1});
		const digest = await storeDigest(t.store);
		const future = await failure(runRound(alice, {at: '2099-01-01T00:00:00Z', size: 1}));
		expect(future?.exitCode).toBe(65);
		expect(future?.message).toMatch(/^round instant 2099-01-01T00:00:00.000Z is in the future \(now .*\): a round cannot be dated ahead; simulate it with --dry-run$/);
		for (const at of [AT, '2026-08-01T00:00:00Z']) {
			const earlier = await failure(runRound(alice, {at, size: 1}));
			expect(earlier?.exitCode).toBe(65);
			expect(earlier?.message).toContain('is not after round 1 of 2026-08-05T14:00:00.000Z');
		}
		expect(await storeDigest(t.store)).toBe(digest);
		expect((await runRound(alice, {at: '2099-01-01T00:00:00Z', size: 1, dryRun: true})).round.dryRun).toBe(true);
	});

	it('a round that fails midway writes nothing: no round, no invitation, no case change, no audit event', async () => {
		const {t, alice} = await storeWith(TIE);
		await sql`create trigger fail_third_invitation before insert on invitations when new.rank >= 3 begin select raise(abort, 'forced failure'); end`.execute(t.store.db);
		const digest = await storeDigest(t.store);
		const error = await failure(runRound(alice, {at: AT, size: 4}));
		expect(error?.message).toMatch(/forced failure/);
		expect(await storeDigest(t.store)).toBe(digest);
		await sql`drop trigger fail_third_invitation`.execute(t.store.db);
		expect((await runRound(alice, {at: AT, size: 4})).round.invited).toBe(4);
	});
});

describe('category rounds', () => {
	it('French: only profiles at NCLC 7+ in all four abilities (and in the pool)', async () => {
		const {alice} = await storeWith([
			...TIE,
			{from: 'V14', number: n(20), submittedAt: '2026-04-01T00:00:00Z'}, // FSW, TEF
			{from: 'V16', number: n(21), submittedAt: '2026-06-18T17:00:00Z'}, // CEC + FSW, TCF
			{from: 'V36', number: n(22), submittedAt: '2026-06-18T17:00:00Z'}, // TCF with one ability at 6, and no program
		]);
		const result = await runRound(alice, {at: AT, size: 50, category: 'french', dryRun: true});
		expect(result.round).toMatchObject({type: 'category', category: 'french', program: null});
		expect(result.invitees.map((e) => e.applicationNumber)).toEqual([n(20), n(21)]);
	});

	it('an occupation category under the rule of the round date: 6 months continuous before 2026-02-18, 12 months in one occupation after', async () => {
		const canada = (nocCode: string, start: string, end: string): WorkPeriod => ({nocCode, country: 'CAN', start, end, hoursPerWeek: 35, authorized: true});
		const {alice} = await storeWith([
			{from: 'V32', number: n(30), submittedAt: '2025-12-01T00:00:00Z'}, // 13 months in 22310
			{from: 'V32', number: n(31), submittedAt: '2025-12-01T00:00:00Z', applicant: {workExperience: [canada('13100', '2024-01-08', '2025-05-04'), canada('22310', '2025-05-05', '2026-02-01')]}}, // 9 months in a row
			{
				from: 'V32',
				number: n(32),
				submittedAt: '2025-12-01T00:00:00Z',
				applicant: {
					workExperience: [
						canada('22310', '2024-09-02', '2025-01-31'),
						canada('13100', '2025-02-01', '2025-03-31'),
						canada('22310', '2025-04-01', '2025-08-31'),
						canada('13100', '2025-09-01', '2025-09-30'),
						canada('22310', '2025-10-01', '2026-02-28'),
					],
				},
			}, // 15 months in three stints, never 6 in a row
			{from: 'V01', number: n(33), submittedAt: '2025-12-01T00:00:00Z'}, // software engineer: not STEM in 2026
		]);
		const stem = async (at: string) => (await runRound(alice, {at, size: 50, category: 'stem', dryRun: true})).invitees.map((e) => e.applicationNumber).sort();
		expect(await stem('2026-02-10T12:00:00Z')).toEqual([n(30), n(31)]);
		expect(await stem('2026-03-01T12:00:00Z')).toEqual([n(30), n(32)]);
		const general = await runRound(alice, {at: '2026-03-01T12:00:00Z', size: 50, dryRun: true});
		expect(general.invitees.map((e) => e.applicationNumber).sort()).toEqual([n(30), n(31), n(32), n(33)]);
	});
});

describe('age on the round date, locked at the ITA', () => {
	it('a birthday between two rounds lowers the score; once invited, later assessments keep the ITA date\'s age', async () => {
		// V41: born 1996-02-20, turns 30 on 2026-02-20.
		const {t, alice, apps} = await storeWith([{from: 'V41', number: n(40), submittedAt: '2025-12-01T00:00:00Z'}]);
		const day = (at: string) => runRound(alice, {at, size: 1, dryRun: true}).then((r) => r.invitees[0]!.crs);
		const before = await day('2026-02-19T23:59:59Z');
		const after = await day('2026-02-20T00:00:00Z');
		expect(before).toBe(assess(apps[0]!, '2026-02-19').crs.total);
		expect(after).toBe(assess(apps[0]!, '2026-02-20').crs.total);
		expect(after).toBeLessThan(before);

		const round = await runRound(alice, {at: '2026-02-19T12:00:00Z', size: 1});
		expect(round.invitees[0]!.crs).toBe(before);
		const row = await caseRow(t, n(40));
		expect(row.crs_total).toBe(before);
		expect(assess(applicationOf(row), '2026-03-15').crs.total).toBe(before);
		expect(assess(apps[0]!, '2026-03-15').crs.total).toBe(after);
	});
});

describe('who may run a round; bad input', () => {
	it('only an admin: an officer is refused (77) for a round and a dry run; each refusal audited, nothing else written', async () => {
		const {t} = await storeWith(TIE);
		const bob = await t.as('bob');
		const events = await auditCount(t.store);
		expect(await failure(runRound(bob, {at: AT, size: 4}))).toMatchObject({exitCode: 77});
		expect(await failure(runRound(bob, {at: AT, size: 4, dryRun: true}))).toMatchObject({exitCode: 77});
		const audit = await t.store.db.selectFrom('audit_events').selectAll().where('seq', '>', events).orderBy('seq').execute();
		expect(audit.map((e) => [e.action, e.officer, JSON.parse(e.detail!).attempt])).toEqual([
			['refused', 'bob', 'round'],
			['refused', 'bob', 'round-dry-run'],
		]);
		expect(await t.store.db.selectFrom('rounds').selectAll().execute()).toEqual([]);
	});

	it('bad input is refused (65) before anything is read or written, one line naming the value', async () => {
		const {t, alice} = await storeWith(TIE);
		const digest = await storeDigest(t.store);
		const bad = (options: RoundOptions) => failure(runRound(alice, options));
		expect(await bad({at: AT, size: 0})).toMatchObject({exitCode: 65, message: 'round size 0 is not a positive whole number'});
		expect(await bad({at: AT, size: 2.5})).toMatchObject({exitCode: 65});
		expect(await bad({at: '2026-08-05', size: 1})).toMatchObject({exitCode: 65, message: expect.stringContaining('round instant "2026-08-05"')});
		expect(await bad({at: AT, size: 1, program: 'CEC', category: 'french'})).toMatchObject({exitCode: 65, message: expect.stringContaining('not both')});
		expect(await bad({at: '2025-06-01T12:00:00Z', size: 1, category: 'transport'})).toMatchObject({exitCode: 65, message: expect.stringContaining('not in force on 2025-06-01')});
		expect(await storeDigest(t.store)).toBe(digest);
	});
});

describe('invitations expire after 60 days without an e-APR', () => {
	it('valid through the 60th day after the ITA date; expired the day after: withdrawn, noted, audited; answered invitations untouched; never invited again', async () => {
		const {t, alice} = await storeWith([{from: 'V01', number: n(50), submittedAt: '2025-12-01T00:00:00Z'}]);
		await insertProfiles(
			t.store,
			[profile({from: 'V18', number: n(51), submittedAt: '2025-12-01T00:00:00Z', changes: {invitedAt: '2026-01-02T10:00:00Z', receivedAt: '2026-02-15T09:00:00Z'}})],
			{status: 'received'},
		);
		await runRound(alice, {at: '2026-01-02T10:00:00Z', size: 1});
		expect((await caseRow(t, n(50))).status).toBe('invited');
		expect(await expireInvitations(alice, '2026-03-03')).toEqual({asOf: '2026-03-03', expired: [], dryRun: false});
		const version = (await caseRow(t, n(50))).version;
		expect(await expireInvitations(alice, '2026-03-04')).toEqual({asOf: '2026-03-04', expired: [n(50)], dryRun: false});
		expect(await caseRow(t, n(50))).toMatchObject({status: 'withdrawn', version: version + 1});
		expect((await caseRow(t, n(51))).status).toBe('received');
		const note = await t.store.db.selectFrom('notes').selectAll().where('application_number', '=', n(50)).executeTakeFirstOrThrow();
		expect(note.body).toBe('ITA expired: no e-APR was received within 60 days of the invitation of 2026-01-02 (deadline 2026-03-03); the profile leaves the pool and the candidate needs a new profile.');
		const event = await t.store.db.selectFrom('audit_events').selectAll().where('application_number', '=', n(50)).orderBy('seq', 'desc').executeTakeFirstOrThrow();
		expect(event.action).toBe('ita-expired');
		expect(JSON.parse(event.detail!)).toMatchObject({reason: 'ITA expired', deadline: '2026-03-03', from: 'invited', to: 'withdrawn'});
		expect((await runRound(alice, {at: '2026-03-05T10:00:00Z', size: 10, dryRun: true})).invitees).toEqual([]);
		expect(await failure(expireInvitations(await t.as('bob'), '2026-03-04'))).toMatchObject({exitCode: 77});
	});
});

describe('the Rounds screen lists', () => {
	it('listRounds: latest first, keyset pages; roundInvitees: rank order with names and current status, keyset pages; unknown round 65', async () => {
		const {t, alice} = await storeWith(TIE);
		await runRound(alice, {at: AT, size: 4});
		await runRound(alice, {at: '2026-08-06T14:00:00Z', size: 2, program: 'FSW'});
		const first = await listRounds(t.store.db, {limit: 1});
		expect(first.rows.map((r) => [r.number, r.type, r.program, r.invited])).toEqual([[2, 'program', 'FSW', 2]]);
		const second = await listRounds(t.store.db, {limit: 1, after: first.next});
		expect(second.rows.map((r) => r.number)).toEqual([1]);
		expect(second.rows[0]).toMatchObject({cutoff: 429, tieBreakAt: '2026-03-01T10:00:00.000Z', createdBy: 'alice'});
		expect(second.next).toBeNull();

		const page1 = await roundInvitees(t.store.db, 1, {limit: 3});
		expect(page1.rows.map((r) => [r.rank, r.applicationNumber, r.status])).toEqual([
			[1, n(1), 'invited'],
			[2, n(2), 'invited'],
			[3, n(3), 'invited'],
		]);
		expect(page1.rows[0]).toMatchObject({crs: 517, familyName: expect.any(String), profileSubmittedAt: '2026-08-01T00:00:00.000Z'});
		const page2 = await roundInvitees(t.store.db, 1, {limit: 3, after: page1.next});
		expect(page2.rows.map((r) => r.rank)).toEqual([4]);
		expect(page2.next).toBeNull();
		expect(await failure(roundInvitees(t.store.db, 9))).toMatchObject({exitCode: 65, message: 'no round 9'});
	});
});
