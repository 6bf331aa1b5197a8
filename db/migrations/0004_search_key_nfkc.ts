/**
 * Migration 4: name search folds compatibility characters (NFKC), so the filter `name:wide` finds
 * a family name typed in full-width letters, "ＷＩＤＥ". `applications.search_key` is a derived
 * column (source/cases/search-key.ts); this recomputes it for every case, in pages of
 * {@link PAGE_SIZE} by application number, and writes only the keys that change (names with
 * full-width or half-width letters, ligatures, ideographic or no-break spaces: few). No case
 * changes: `version` and `updated_at` stay as they are.
 *
 * The fold is written out here as it stands at schema version 4, so that this migration does what
 * it did whatever the search code becomes; a later change of the fold needs its own migration
 * (test/db/search-key-migration.test.ts checks that a migrated store's keys equal
 * `caseSearchKey`'s). Standard SQL: SELECT and UPDATE by primary key, on SQLite and PostgreSQL.
 */
import type {Kysely} from 'kysely';
import type {Migration} from './types.js';

/** Cases read per statement. */
export const PAGE_SIZE = 1000;

/** The fold of schema version 4: NFKD, combining marks dropped, lower case, NFKC. */
function fold(text: string): string {
	return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFKC');
}

/** The search key of schema version 4: folded family and given names, UCI digits, application number. */
function searchKey(row: {family_name: string; given_names: string; uci: string; application_number: string}): string {
	return [fold(row.family_name), fold(row.given_names), row.uci.replace(/-/g, ''), row.application_number.toLowerCase()].join(' ');
}

async function up(db: Kysely<any>): Promise<void> {
	let after: string | null = null;
	for (;;) {
		let query = db.selectFrom('applications').select(['application_number', 'uci', 'family_name', 'given_names', 'search_key']);
		if (after !== null) query = query.where('application_number', '>', after);
		const rows = (await query.orderBy('application_number').limit(PAGE_SIZE).execute()) as Array<{
			application_number: string;
			uci: string;
			family_name: string;
			given_names: string;
			search_key: string;
		}>;
		for (const row of rows) {
			const key = searchKey(row);
			if (key !== row.search_key) await db.updateTable('applications').set({search_key: key}).where('application_number', '=', row.application_number).execute();
		}
		if (rows.length < PAGE_SIZE) return;
		after = rows[rows.length - 1]!.application_number;
	}
}

/** Migration 4: search keys folded with NFKC. */
export const migration0004: Migration = {version: 4, name: 'search_key_nfkc', up};
