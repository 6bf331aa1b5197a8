import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {assignCase, takeNext} from '../../source/cases/assignment.js';
import {verifyAudit} from '../../source/cases/audit.js';
import {ConflictError, InvalidError, NotFoundError, PermissionError} from '../../source/cases/errors.js';
import {saveQueue} from '../../source/cases/queues.js';
import type {Session} from '../../source/cases/session.js';
import {addOfficer, insertCases, queueStore, type CaseSpec} from './queue-fixtures.js';

type T = Awaited<ReturnType<typeof queueStore>>;
let t: T;
let alice: Session; // officer + supervisor
let bob: Session; // officer
let carol: Session; // auditor
let sam: Session; // supervisor only

const n = (i: number) => `E${String(700 + i).padStart(9, '0')}`;

async function row(applicationNumber: string) {
	return t.store.db.selectFrom('applications').select(['assigned_to', 'status', 'version', 'updated_at']).where('application_number', '=', applicationNumber).executeTakeFirstOrThrow();
}

async function events(action?: string) {
	let q = t.store.db.selectFrom('audit_events').selectAll().orderBy('seq');
	if (action) q = q.where('action', '=', action);
	return (await q.execute()).map((e) => ({...e, detail: e.detail ? JSON.parse(e.detail) : null}));
}

beforeEach(async () => {
	t = await queueStore();
	await addOfficer(t.store, 'alice', ['officer', 'supervisor']);
	await addOfficer(t.store, 'bob', ['officer']);
	await addOfficer(t.store, 'carol', ['auditor']);
	await addOfficer(t.store, 'sam', ['supervisor']);
	await addOfficer(t.store, 'gone', ['officer'], {active: false});
	const cases: CaseSpec[] = [
		{applicationNumber: n(1), status: 'received', receivedAt: '2026-03-01T10:00:00.000Z', program: 'FSW'},
		{applicationNumber: n(2), status: 'received', receivedAt: '2026-02-01T10:00:00.000Z', program: 'CEC'},
		{applicationNumber: n(3), status: 'in_review', receivedAt: '2026-02-01T10:00:00.000Z', program: 'FSW'}, // ties with n(2): number breaks it
		{applicationNumber: n(4), status: 'awaiting_info', receivedAt: '2026-01-01T10:00:00.000Z'}, // unassigned but not takeable
		{applicationNumber: n(5), status: 'received', receivedAt: '2026-01-15T10:00:00.000Z', assignedTo: 'bob'},
		{applicationNumber: n(6), status: 'approved', receivedAt: '2025-01-01T10:00:00.000Z'},
		{applicationNumber: n(7), status: 'pool', receivedAt: null},
	];
	await insertCases(t.store, cases);
	[alice, bob, carol, sam] = await Promise.all(['alice', 'bob', 'carol', 'sam'].map((u) => t.as(u)));
});
afterEach(async () => {
	await t.close();
});

describe('takeNext', () => {
	it('assigns the oldest unassigned case to me, moves received to in_review, bumps the version, audits', async () => {
		const taken = await takeNext(bob, undefined, {today: '2026-11-29'});
		expect(taken).toMatchObject({applicationNumber: n(2), status: 'in_review', assignedTo: 'bob', version: 2});
		expect(await row(n(2))).toMatchObject({assigned_to: 'bob', status: 'in_review', version: 2});
		expect((await events('assign')).at(-1)).toMatchObject({
			officer: 'bob',
			application_number: n(2),
			detail: {from: null, to: 'bob', status: {from: 'received', to: 'in_review'}, version: 2, via: 'next', queue: 'Unassigned'},
		});
	});

	it('takes in order (received, then number), keeps in_review, skips what is not takeable, then returns null', async () => {
		expect((await takeNext(bob))?.applicationNumber).toBe(n(2));
		const third = await takeNext(alice);
		expect(third).toMatchObject({applicationNumber: n(3), status: 'in_review', assignedTo: 'alice', version: 2});
		expect((await takeNext(bob))?.applicationNumber).toBe(n(1));
		expect(await takeNext(bob)).toBeNull();
		expect((await row(n(4))).assigned_to).toBeNull();
		expect((await events('assign')).length).toBe(3);
		expect(await verifyAudit(t.store.db)).toMatchObject({ok: true});
	});

	it('takes from a named queue (saved or built-in); unknown queue is NotFoundError', async () => {
		await saveQueue(alice, {name: 'FSW', query: 'program:FSW'});
		expect((await takeNext(bob, 'fsw'))?.applicationNumber).toBe(n(3));
		expect((await takeNext(bob, 'fsw'))?.applicationNumber).toBe(n(1));
		expect(await takeNext(bob, 'FSW')).toBeNull();
		expect(await takeNext(bob, 'Awaiting information')).toBeNull();
		await expect(takeNext(bob, 'Nope')).rejects.toBeInstanceOf(NotFoundError);
	});

	it('needs the officer role; the refusal is audited', async () => {
		await expect(takeNext(carol)).rejects.toBeInstanceOf(PermissionError);
		await expect(takeNext(sam)).rejects.toThrow('taking the next case needs the officer role; sam has supervisor');
		const refused = await events('refused');
		expect(refused.map((e) => [e.officer, e.detail.attempt])).toEqual([
			['carol', 'assign'],
			['sam', 'assign'],
		]);
		expect((await row(n(2))).assigned_to).toBeNull();
	});
});

describe('assignCase', () => {
	it('a supervisor assigns to any active officer, and reassigns', async () => {
		const first = await assignCase(alice, n(1), 'bob');
		expect(first).toEqual({applicationNumber: n(1), assignedTo: 'bob', previous: null, status: 'in_review', version: 2, changed: true});
		const second = await assignCase(sam, n(1), 'alice');
		expect(second).toEqual({applicationNumber: n(1), assignedTo: 'alice', previous: 'bob', status: 'in_review', version: 3, changed: true});
		expect((await events('assign')).map((e) => [e.officer, e.detail.from, e.detail.to, e.detail.version, e.detail.via])).toEqual([
			['alice', null, 'bob', 2, 'assign'],
			['sam', 'bob', 'alice', 3, 'assign'],
		]);
	});

	it('an officer may take an unassigned case for themselves (`me` works)', async () => {
		expect(await assignCase(bob, n(2), 'me')).toMatchObject({assignedTo: 'bob', previous: null, status: 'in_review', changed: true});
		expect(await row(n(2))).toMatchObject({assigned_to: 'bob', status: 'in_review', version: 2});
	});

	it('an officer may not assign to someone else (77, audited as refused)', async () => {
		const error = await assignCase(bob, n(1), 'alice').catch((e) => e);
		expect(error).toBeInstanceOf(PermissionError);
		expect(error.exitCode).toBe(77);
		expect(error.message).toBe(`assigning case ${n(1)} to alice needs the supervisor or admin role; an officer may take only an unassigned case, for themselves`);
		expect((await events('refused')).at(-1)).toMatchObject({officer: 'bob', application_number: n(1), detail: {attempt: 'assign'}});
		expect((await row(n(1))).assigned_to).toBeNull();
	});

	it('an officer cannot take a case someone else holds (75, audited as refused)', async () => {
		await addOfficer(t.store, 'dave', ['officer']);
		const dave = await t.as('dave');
		const conflict = await assignCase(dave, n(5), 'dave').catch((e) => e);
		expect(conflict).toBeInstanceOf(ConflictError);
		expect(conflict.exitCode).toBe(75);
		expect(conflict.message).toBe(`case ${n(5)} is already assigned to bob`);
		expect((await row(n(5))).assigned_to).toBe('bob');
		expect((await events('refused')).at(-1)).toMatchObject({officer: 'dave', application_number: n(5), detail: {attempt: 'assign'}});
	});

	it('assigning to the current assignee changes nothing and writes nothing', async () => {
		const before = await events();
		expect(await assignCase(alice, n(5), 'bob')).toEqual({applicationNumber: n(5), assignedTo: 'bob', previous: 'bob', status: 'received', version: 1, changed: false});
		expect(await events()).toEqual(before);
	});

	it('the target must be an active officer with the officer role', async () => {
		await expect(assignCase(alice, n(1), 'nobody')).rejects.toThrow(new NotFoundError('no officer "nobody" in this store'));
		await expect(assignCase(alice, n(1), 'gone')).rejects.toThrow(new InvalidError('officer "gone" is deactivated: a case cannot be assigned to them'));
		await expect(assignCase(alice, n(1), 'sam')).rejects.toThrow(new InvalidError('"sam" does not hold the officer role: a case cannot be assigned to them'));
		expect((await row(n(1))).assigned_to).toBeNull();
	});

	it('the case must exist and be being worked on', async () => {
		await expect(assignCase(alice, 'E999999999', 'bob')).rejects.toThrow(new NotFoundError('no case E999999999'));
		await expect(assignCase(alice, n(6), 'bob')).rejects.toThrow(
			new InvalidError(`case ${n(6)} is approved: only a case being worked on (received, in_review, awaiting_info, pending_review) can be assigned`),
		);
		await expect(assignCase(alice, n(7), 'bob')).rejects.toBeInstanceOf(InvalidError);
	});

	it('an auditor may not assign; a stale expected version is a conflict', async () => {
		await expect(assignCase(carol, n(1), 'bob')).rejects.toBeInstanceOf(PermissionError);
		await assignCase(alice, n(1), 'bob');
		const stale = await assignCase(alice, n(1), 'alice', {expectVersion: 1}).catch((e) => e);
		expect(stale).toBeInstanceOf(ConflictError);
		expect(stale.message).toMatch(new RegExp(`^case ${n(1)} changed since you opened it \\(version 1 → 2\\): assign by alice at`));
		expect(await assignCase(alice, n(1), 'alice', {expectVersion: 2})).toMatchObject({changed: true, version: 3});
	});
});
