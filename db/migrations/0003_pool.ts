/**
 * Migration 3: the index the Rounds screen and `roundInvitees` page through — a round's
 * invitations in rank order (`WHERE round_number = ? AND rank > ? ORDER BY rank`) as an index range
 * read, with no sort of a 5,000-invitation round for every page. It is unique: a rank is held by
 * one invitee of a round. Standard SQL.
 *
 * Nothing else is needed for the pool: ranking reads pool profiles through
 * `applications_status_received` (status, received_at, application_number) in application-number
 * order, and the expiry of invitations (status `invited`, no e-APR) uses the same index.
 */
import type {Kysely} from 'kysely';
import type {Migration} from './types.js';

async function up(db: Kysely<any>): Promise<void> {
	await db.schema.createIndex('invitations_round_rank').on('invitations').columns(['round_number', 'rank']).unique().execute();
}

/** Migration 3: pool and rounds. */
export const migration0003: Migration = {version: 3, name: 'pool', up};
