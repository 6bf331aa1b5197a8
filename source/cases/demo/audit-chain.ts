/**
 * The demo's audit trail: every event it recorded, put in time order, numbered after the store's
 * last event and hash-chained with the same `eventHash` as `recordAudit`, so `verifyAudit` passes.
 */
import {eventHash} from '../audit.js';
import type {Trx} from '../session.js';
import {insertChunks, yieldToStore, type InsertQueue} from './bulk-insert.js';
import {storeInstant} from './clock.js';
import type {EventStub} from './recorder.js';

/** Hashes the events in time order after `last` and inserts them. Returns how many. */
export async function writeAudit(trx: Trx, events: EventStub[], last: {seq: number; hash: string | null}, queue: InsertQueue): Promise<number> {
	events.sort((a, b) => a.at - b.at || a.order - b.order);
	let seq = last.seq;
	let prev = last.hash;
	let rows: Record<string, unknown>[] = [];
	for (const event of events) {
		const fields = {
			seq: ++seq,
			at: storeInstant(event.at),
			officer: event.officer,
			action: event.action,
			application_number: event.applicationNumber,
			detail: event.detail,
			prev_hash: prev,
		};
		prev = eventHash(fields);
		rows.push({...fields, hash: prev});
		if (rows.length >= 3_750) {
			const chunk = rows;
			rows = [];
			queue.push(() => insertChunks(trx, 'audit_events', chunk));
			await yieldToStore();
		}
	}
	queue.push(() => insertChunks(trx, 'audit_events', rows));
	await queue.wait();
	return events.length;
}

