/**
 * The audit trail: every view, search, change, export and refused attempt, as a hash chain.
 * Event n stores hash(n) = SHA-256 of its own fields and hash(n-1); the database refuses UPDATE
 * and DELETE on the table, and `verifyAudit` recomputes the chain to find any edit, deletion or
 * insertion made behind caips' back.
 */
import {createHash} from 'node:crypto';
import type {Kysely} from 'kysely';
import {encodeJsonOrNull, type Database} from '../../db/index.js';
import type {Session, Trx} from './session.js';

/** What an audit event records besides who and when. */
export type AuditInput = {
	/** Verb, e.g. `view`, `search`, `import`, `note`, `decide`, `review`, `export`, `refused`. */
	action: string;
	applicationNumber?: string | null;
	detail?: Record<string, unknown> | null;
};

type HashedFields = {
	seq: number;
	at: string;
	officer: string;
	action: string;
	application_number: string | null;
	detail: string | null;
	prev_hash: string | null;
};

/** SHA-256 (hex) of an event's fields in a fixed order, chained to the previous hash. */
export function eventHash(event: HashedFields): string {
	const canonical = JSON.stringify([event.seq, event.at, event.officer, event.action, event.application_number, event.detail, event.prev_hash]);
	return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends one event inside the caller's write transaction (so it commits or rolls back with the
 * change it records). Sequence numbers are gapless from 1.
 */
export async function recordAudit(trx: Trx, session: Session, input: AuditInput): Promise<void> {
	const last = await trx.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
	const detail = session.actor.osUser ? {...input.detail, osUser: session.actor.osUser} : (input.detail ?? null);
	const fields: HashedFields = {
		seq: (last?.seq ?? 0) + 1,
		at: session.now(),
		officer: session.actor.userName,
		action: input.action,
		application_number: input.applicationNumber ?? null,
		detail: encodeJsonOrNull(detail),
		prev_hash: last?.hash ?? null,
	};
	await trx.insertInto('audit_events').values({...fields, hash: eventHash(fields)}).execute();
}

/** Result of `verifyAudit`: the chain is whole, or the first event that is not. */
export type AuditVerification = {ok: true; events: number} | {ok: false; events: number; seq: number; problem: string};

/**
 * Recomputes the hash chain from the first event. Reports the first event whose sequence number,
 * link to the previous event, or own hash is wrong (an edit, a deletion or an insertion).
 * Reads in pages, so memory stays flat on a large trail.
 */
export async function verifyAudit(db: Kysely<Database>): Promise<AuditVerification> {
	let expectedSeq = 1;
	let previousHash: string | null = null;
	let after = 0;
	let count = 0;
	for (;;) {
		const rows = await db.selectFrom('audit_events').selectAll().where('seq', '>', after).orderBy('seq').limit(5000).execute();
		if (rows.length === 0) break;
		for (const row of rows) {
			count++;
			if (row.seq !== expectedSeq) {
				return {ok: false, events: count, seq: row.seq, problem: row.seq > expectedSeq ? `event ${expectedSeq} is missing (next is ${row.seq})` : `sequence number ${row.seq} out of order`};
			}
			if (row.prev_hash !== previousHash) return {ok: false, events: count, seq: row.seq, problem: 'does not link to the previous event (an event before it was removed, inserted or changed)'};
			if (eventHash(row) !== row.hash) return {ok: false, events: count, seq: row.seq, problem: 'its contents do not match its hash (the event was changed)'};
			previousHash = row.hash;
			expectedSeq++;
			after = row.seq;
		}
	}
	return {ok: true, events: count};
}

/** Audit actions that only read (viewing, listing, exporting, checking, refusals): no case changed. */
export const READ_ONLY_ACTIONS: readonly string[] = ['view', 'list', 'search', 'export', 'verify-documents', 'pool', 'round-dry-run', 'refused'];

/**
 * The sequence number of the latest audit event that records a change (not a read: see
 * {@link READ_ONLY_ACTIONS}), 0 when there is none. The workstation polls it to notice other
 * officers' changes; its own views and listings (audited as reads) must not count, or showing a
 * case would look like a change and show it again, and again.
 */
export async function lastChangeSeq(db: Kysely<Database>): Promise<number> {
	const row = await db.selectFrom('audit_events').select('seq').where('action', 'not in', READ_ONLY_ACTIONS).orderBy('seq', 'desc').limit(1).executeTakeFirst();
	return row?.seq ?? 0;
}

/**
 * The sequence number of the latest audit event (0 when there is none). Every change to any
 * case is audited, so the workstation polls this to notice other officers' changes.
 */
export async function lastAuditSeq(db: Kysely<Database>): Promise<number> {
	const row = await db.selectFrom('audit_events').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
	return row?.seq ?? 0;
}
