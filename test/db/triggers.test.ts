import path from 'node:path';
import {sql} from 'kysely';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {encodeJson, encodeSet} from '../../db/codec.js';
import {openStore, type Store} from '../../db/connect.js';
import type {NewApplication, NewDecision} from '../../db/schema.js';
import {tempDir} from './helpers.js';

const tmp = tempDir();
let store: Store;
const T = '2024-03-01T12:00:00.000Z';

function application(n: string): NewApplication {
	return {
		application_number: n,
		uci: '1234-5678',
		program: 'CEC',
		status: 'in_review',
		profile_submitted_at: T,
		search_key: 'cote lefrancois marie',
		family_name: 'Côté-Lefrançois',
		given_names: 'Marie',
		data: encodeJson({applicationNumber: n}),
		created_at: T,
		updated_at: T,
	};
}

function decision(officer: string, extra: Partial<NewDecision> = {}): NewDecision {
	return {
		application_number: 'E000001',
		outcome: 'refused',
		reason_codes: encodeJson(['A11']),
		text: 'Insufficient Canadian work experience.',
		officer,
		decided_at: T,
		rules_version: '2024-01',
		assessment_snapshot: encodeJson({crs: 400}),
		case_version: 3,
		review_required: 1,
		...extra,
	};
}

const write = <T>(fn: Parameters<Store['transaction']>[0]) => store.transaction(fn) as Promise<T>;

beforeAll(async () => {
	store = await openStore(path.join(tmp.dir, 'triggers.db'));
	await store.transaction(async (trx) => {
		await trx
			.insertInto('officers')
			.values(
				['alice', 'bob', 'carol'].map((u) => ({
					user_name: u,
					display_name: u,
					roles: encodeSet(['officer', 'supervisor']),
					created_at: T,
				})),
			)
			.execute();
		await trx.insertInto('applications').values(application('E000001')).execute();
		await trx.insertInto('notes').values({application_number: 'E000001', author: 'alice', at: T, body: 'first'}).execute();
		await trx
			.insertInto('audit_events')
			.values({at: T, officer: 'alice', action: 'view', application_number: 'E000001', detail: null, prev_hash: null, hash: 'h1'})
			.execute();
		await trx.insertInto('decisions').values(decision('alice')).execute();
	});
});
afterAll(async () => {
	await store.close();
	tmp.cleanup();
});

describe('append-only tables', () => {
	for (const table of ['audit_events', 'notes'] as const) {
		it(`refuse UPDATE and DELETE on ${table}`, async () => {
			await expect(write((trx) => sql`update ${sql.table(table)} set at = 'x'`.execute(trx))).rejects.toThrow(
				`${table} is append-only: UPDATE refused`,
			);
			await expect(write((trx) => sql`delete from ${sql.table(table)}`.execute(trx))).rejects.toThrow(
				`${table} is append-only: DELETE refused`,
			);
		});
	}

	it('refuse INSERT OR REPLACE over an existing note or audit event', async () => {
		await expect(
			write((trx) => sql`insert or replace into notes (id, application_number, author, at, body) values (1, 'E000001', 'bob', ${T}, 'rewritten')`.execute(trx)),
		).rejects.toThrow(/append-only: DELETE refused/);
		await expect(
			write((trx) => sql`insert or replace into audit_events (seq, at, officer, action, hash) values (1, ${T}, 'bob', 'forged', 'h')`.execute(trx)),
		).rejects.toThrow(/append-only: DELETE refused/);
		const note = await store.db.selectFrom('notes').select('body').where('id', '=', 1).executeTakeFirstOrThrow();
		expect(note.body).toBe('first');
	});

	it('refuse an upsert that would update a note', async () => {
		await expect(
			write((trx) =>
				trx
					.insertInto('notes')
					.values({id: 1, application_number: 'E000001', author: 'bob', at: T, body: 'x'})
					.onConflict((oc) => oc.column('id').doUpdateSet({body: 'x'}))
					.execute(),
			),
		).rejects.toThrow(/notes is append-only: UPDATE refused/);
	});

	it('still accept appends, including corrections', async () => {
		await write((trx) =>
			trx.insertInto('notes').values({application_number: 'E000001', author: 'bob', at: T, body: 'correction', corrects_note_id: 1}).execute(),
		);
		const {n} = await store.db.selectFrom('notes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		expect(n).toBe(2);
	});

	it('refuse DELETE on decisions and changes to their fixed columns', async () => {
		await expect(write((trx) => trx.deleteFrom('decisions').execute())).rejects.toThrow('decisions is append-only: DELETE refused');
		await expect(write((trx) => trx.updateTable('decisions').set({outcome: 'approved'}).execute())).rejects.toThrow(
			/only the review columns may be set/,
		);
		await expect(
			write((trx) =>
				trx.updateTable('decisions').set({outcome: 'approved', reviewer: 'bob', review_outcome: 'agree', reviewed_at: T}).execute(),
			),
		).rejects.toThrow(/only the review columns may be set/);
	});
});

describe('decision review', () => {
	it('refuses a review by the deciding officer', async () => {
		await expect(
			write((trx) =>
				trx.updateTable('decisions').set({reviewer: 'alice', review_outcome: 'agree', review_text: 'ok', reviewed_at: T}).where('id', '=', 1).execute(),
			),
		).rejects.toThrow('separation of duties: the reviewer cannot be the deciding officer');
		await expect(write((trx) => trx.insertInto('decisions').values(decision('alice', {reviewer: 'alice'})).execute())).rejects.toThrow(
			'separation of duties',
		);
	});

	it('refuses a partial review', async () => {
		await expect(write((trx) => trx.updateTable('decisions').set({review_text: 'draft'}).where('id', '=', 1).execute())).rejects.toThrow(
			/a review needs reviewer, review_outcome and reviewed_at/,
		);
	});

	it('accepts one review by another officer, then refuses any change', async () => {
		const r = await write<{numUpdatedRows: bigint}>((trx) =>
			trx
				.updateTable('decisions')
				.set({reviewer: 'bob', review_outcome: 'agree', review_text: 'Concur.', reviewed_at: T})
				.where('id', '=', 1)
				.executeTakeFirstOrThrow(),
		);
		expect(r.numUpdatedRows).toBe(1n);
		const row = await store.db.selectFrom('decisions').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
		expect(row).toMatchObject({reviewer: 'bob', review_outcome: 'agree', outcome: 'refused', officer: 'alice'});
		await expect(
			write((trx) => trx.updateTable('decisions').set({reviewer: 'carol', review_outcome: 'disagree', reviewed_at: T}).where('id', '=', 1).execute()),
		).rejects.toThrow(/review is already recorded/);
		await expect(write((trx) => trx.updateTable('decisions').set({review_text: 'edited'}).where('id', '=', 1).execute())).rejects.toThrow(
			/review is already recorded/,
		);
	});
});

describe('constraints', () => {
	it('refuse an unknown status or program', async () => {
		await expect(write((trx) => trx.insertInto('applications').values({...application('E2'), status: 'lost' as never}).execute())).rejects.toThrow(
			/CHECK constraint failed: applications_status/,
		);
		await expect(write((trx) => trx.insertInto('applications').values({...application('E3'), program: 'PNP' as never}).execute())).rejects.toThrow(
			/CHECK constraint failed: applications_program/,
		);
	});

	it('refuse a queue digit key used twice', async () => {
		await write((trx) => trx.insertInto('queues').values({name: 'Mine', query: 'officer:me', sort: 'received_at', digit_key: 1}).execute());
		await expect(
			write((trx) => trx.insertInto('queues').values({name: 'Other', query: 'status:pool', sort: 'crs', digit_key: 1}).execute()),
		).rejects.toThrow(/UNIQUE constraint failed: queues.digit_key/);
		await write((trx) => trx.insertInto('queues').values({name: 'NoKey1', query: 'a', sort: 'b', digit_key: null}).execute());
		await write((trx) => trx.insertInto('queues').values({name: 'NoKey2', query: 'a', sort: 'b', digit_key: null}).execute());
	});
});
