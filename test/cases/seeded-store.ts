/**
 * Shared set-up for the case-store tests of officers, import/export, case view and audit: a real
 * SQLite store in a temp folder, initialised by `alice` (admin, officer, supervisor), a fixed
 * ticking clock, and the 25 fixture applications with their rule-book expectations.
 */
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {openStore, type Store} from '../../db/index.js';
import {initStore} from '../../source/cases/officers.js';
import {loadActor, type Session} from '../../source/cases/session.js';
import {parseApplicationFile} from '../../source/format/parse.js';
import type {Application} from '../../source/rules/application.js';
import {tempDir} from '../db/helpers.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const APPLICATIONS_DIR = join(FIXTURES, 'applications');

/** The fixture files (`V01.json` …), sorted. */
export const FIXTURE_FILES: string[] = readdirSync(APPLICATIONS_DIR)
	.filter((name) => name.endsWith('.json'))
	.sort();

/** A fixture file parsed as caips reads it. */
export function fixture(name: string): {file: string; text: string; applications: Application[]} {
	const file = join(APPLICATIONS_DIR, name);
	const text = readFileSync(file, 'utf8');
	return {file, text, applications: parseApplicationFile(text, file)};
}

/** Rule-book expectations of vector `id` (`V01`…): CRS total and eligibility, as of its `asOf`. */
export function vectorExpectation(id: string): {asOf: string; crs: number; programs: Record<'CEC' | 'FSW' | 'FST', boolean>} {
	const vector = JSON.parse(readFileSync(join(FIXTURES, 'vectors', `${id}.json`), 'utf8'));
	return {asOf: vector.asOf, crs: vector.expected.crs.total, programs: vector.expected.programs};
}

/** A clock that starts at `start` and moves one second per reading: stored times are distinct and ordered. */
export function tickingClock(start = '2026-11-29T09:00:00.000Z'): () => string {
	let t = Date.parse(start);
	return () => {
		const now = new Date(t).toISOString();
		t += 1000;
		return now;
	};
}

export type TestStore = {
	dir: string;
	path: string;
	store: Store;
	now: () => string;
	/** A session for `userName` (an active officer of the store). */
	as(userName: string): Promise<Session>;
	close(): Promise<void>;
};

/** A fresh store initialised by `alice`. */
export async function seededStore(prefix = 'caips-cases-'): Promise<TestStore> {
	const {dir, cleanup} = tempDir(prefix);
	const path = join(dir, 'caips.db');
	const store = await openStore(path);
	const now = tickingClock();
	await initStore(store, {userName: 'alice'}, now);
	return {
		dir,
		path,
		store,
		now,
		as: async (userName) => ({store, actor: await loadActor(store, userName), now}),
		close: async () => {
			await store.close();
			cleanup();
		},
	};
}
