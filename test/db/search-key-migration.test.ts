/**
 * Migration 4 recomputes `applications.search_key` with the NFKC fold: a store written before it
 * (keys folded without compatibility forms) finds full-width names once opened by this build, and
 * every key equals `caseSearchKey`'s afterwards (so a later change of the fold that forgets its
 * migration fails here). Nothing else about a case changes.
 */
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {MIGRATIONS, openStore} from '../../db/index.js';
import {PAGE_SIZE} from '../../db/migrations/0004_search_key_nfkc.js';
import {listQueue} from '../../source/cases/queues.js';
import {caseSearchKey} from '../../source/cases/search-key.js';
import {addOfficer, caseRow, type CaseSpec} from '../cases/queue-fixtures.js';
import {tempDir} from './helpers.js';

const tmp = tempDir('caips-search-key-');
afterAll(() => tmp.cleanup());

/** The fold before schema version 4: accents and case, but not compatibility forms. */
const oldFold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');

const NAMES: Array<[string, string]> = [
	['ＷＩＤＥ', 'Ａｎｎａ'],
	['Côté', 'Marie-Ève'],
	['ﬁnnegan', 'Ｏ\u2019Ｂｒｉｅｎ'],
	['Tanaka', 'ﾀﾛｳ'],
	['Plain', 'Ascii'],
];

describe('migration 4: search keys folded with NFKC', () => {
	it('recomputes the keys of a store written before it, in pages, changing nothing else', async () => {
		const file = path.join(tmp.dir, 'old.db');
		const old = await openStore(file, {migrations: MIGRATIONS.slice(0, 3)});
		expect(old.schemaVersion).toBe(3);
		// More cases than one page holds, so the paging is exercised.
		const specs: CaseSpec[] = Array.from({length: PAGE_SIZE + 7}, (_, i) => {
			const [familyName, givenNames] = NAMES[i % NAMES.length]!;
			return {applicationNumber: `E${String(100 + i).padStart(9, '0')}`, familyName, givenNames};
		});
		const rows = specs.map((spec) => {
			const row = caseRow(spec);
			return {...row, search_key: [oldFold(row.family_name), oldFold(row.given_names), row.uci.replace(/-/g, ''), row.application_number.toLowerCase()].join(' ')};
		});
		await old.transaction(async (trx) => {
			for (let i = 0; i < rows.length; i += 200) await trx.insertInto('applications').values(rows.slice(i, i + 200)).execute();
		});
		await addOfficer(old, 'alice', ['officer']);
		const before = await old.db.selectFrom('applications').select(['application_number', 'search_key', 'version', 'updated_at']).orderBy('application_number').execute();
		expect(before[0]!.search_key).toMatch(/^ｗｉｄｅ ａｎｎａ /);
		await old.close();

		const store = await openStore(file);
		try {
			expect(store.migration.applied).toEqual([{version: 4, name: 'search_key_nfkc'}]);
			const after = await store.db.selectFrom('applications').select(['application_number', 'uci', 'family_name', 'given_names', 'search_key', 'version', 'updated_at']).orderBy('application_number').execute();
			expect(after).toHaveLength(before.length);
			for (const [i, row] of after.entries()) {
				expect(row.search_key).toBe(caseSearchKey(row.family_name, row.given_names, row.uci, row.application_number));
				expect({version: row.version, updated_at: row.updated_at}).toEqual({version: before[i]!.version, updated_at: before[i]!.updated_at});
			}
			expect(after[0]!.search_key).toMatch(/^wide anna /);
			expect(after.at(-1)!.search_key).toBe(caseSearchKey(after.at(-1)!.family_name, after.at(-1)!.given_names, after.at(-1)!.uci, after.at(-1)!.application_number));

			const actor = {userName: 'alice', displayName: 'alice', roles: new Set(['officer'] as const), office: null};
			const page = await listQueue({store, actor, now: () => '2026-11-29T15:00:00.000Z'}, {filter: 'name:wide', limit: 1000});
			expect(page.total).toBe(specs.filter((s) => s.familyName === 'ＷＩＤＥ').length);
			const brien = await listQueue({store, actor, now: () => '2026-11-29T15:00:00.000Z'}, {filter: 'name:"o’brien"', limit: 1});
			expect(brien.total).toBe(specs.filter((s) => s.givenNames === 'Ｏ\u2019Ｂｒｉｅｎ').length);
		} finally {
			await store.close();
		}
	});
});
