/**
 * Test data for the queue, filter and assignment tests: a real store in a temp folder, officers,
 * and case rows built from the fixture applications (test/fixtures/applications/*.json) with the
 * names, numbers, dates and states a test needs. The cached columns are filled as an import
 * would: `assessCase` + `cachedColumns`, `caseSearchKey`.
 */
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {
	encodeSet,
	openStore,
	type ApplicationStatus,
	type NewApplication,
	type OfficerRole,
	type ProgramCode,
	type Store,
} from '../../db/index.js';
import {assessCase, cachedColumns, caseReferenceDate} from '../../source/cases/assessment.js';
import {caseSearchKey} from '../../source/cases/search-key.js';
import {loadActor, type Session} from '../../source/cases/session.js';
import {applicationToJson} from '../../source/format/serialise.js';
import {parseApplicationFile} from '../../source/format/parse.js';
import type {Application} from '../../source/rules/application.js';
import {tempDir} from '../db/helpers.js';

const APPLICATIONS_DIR = join(import.meta.dirname, '..', 'fixtures', 'applications');

/** The fixture applications, one per file, in file order. */
export const TEMPLATES: Application[] = readdirSync(APPLICATIONS_DIR)
	.filter((name) => name.endsWith('.json'))
	.sort()
	.flatMap((name) => parseApplicationFile(readFileSync(join(APPLICATIONS_DIR, name), 'utf8'), name));

/** What a test says about one case; everything but the number has a default. */
export type CaseSpec = {
	applicationNumber: string;
	familyName?: string;
	givenNames?: string;
	/** Default: derived from the application number. */
	uci?: string;
	status?: ApplicationStatus;
	/** Instant; default 2026-01-01T12:00:00.000Z. `null`: not received (pool). */
	receivedAt?: string | null;
	assignedTo?: string | null;
	bringForwardOn?: string | null;
	program?: ProgramCode;
	office?: string | null;
	/** Overrides the assessed CRS total (to make ties or spreads). */
	crsTotal?: number | null;
	/** Index into {@link TEMPLATES} (default: from the number). */
	template?: number;
};

const CREATED = '2026-01-01T00:00:00.000Z';

/** A row of `applications` for `spec`, as an import would store it (assessed on its reference date). */
export function caseRow(spec: CaseSpec): NewApplication {
	const digits = spec.applicationNumber.replace(/\D/g, '');
	const template = TEMPLATES[(spec.template ?? Number(digits)) % TEMPLATES.length]!;
	const receivedAt = spec.receivedAt === undefined ? '2026-01-01T12:00:00.000Z' : spec.receivedAt;
	const uci = spec.uci ?? `${digits.padStart(8, '0').slice(-8, -4)}-${digits.padStart(8, '0').slice(-4)}`;
	const application: Application = {
		...template,
		applicationNumber: spec.applicationNumber,
		uci,
		program: spec.program ?? template.program,
		receivedAt: receivedAt ?? undefined,
		applicant: {
			...template.applicant,
			familyName: spec.familyName ?? template.applicant.familyName,
			givenNames: spec.givenNames ?? template.applicant.givenNames,
		},
	};
	if (!receivedAt) delete application.receivedAt;
	const assessment = assessCase(application, [], caseReferenceDate(application, '2026-11-29'));
	const cached = cachedColumns(assessment);
	return {
		application_number: spec.applicationNumber,
		uci,
		program: application.program,
		status: spec.status ?? (receivedAt ? 'received' : 'pool'),
		office: spec.office ?? null,
		assigned_to: spec.assignedTo ?? null,
		profile_submitted_at: new Date(application.profileSubmittedAt).toISOString(),
		received_at: receivedAt ? new Date(receivedAt).toISOString() : null,
		invited_at: null,
		bring_forward_on: spec.bringForwardOn ?? null,
		...cached,
		crs_total: spec.crsTotal === undefined ? cached.crs_total : (spec.crsTotal as number),
		search_key: caseSearchKey(application.applicant.familyName, application.applicant.givenNames, uci, spec.applicationNumber),
		family_name: application.applicant.familyName,
		given_names: application.applicant.givenNames,
		data: JSON.stringify(applicationToJson(application)),
		assessment: JSON.stringify(assessment),
		created_at: CREATED,
		updated_at: CREATED,
	};
}

/** Inserts cases (rows from {@link caseRow}) in one transaction, 200 rows a statement. */
export async function insertCases(store: Store, specs: readonly CaseSpec[]): Promise<void> {
	const rows = specs.map(caseRow);
	await store.transaction(async (trx) => {
		for (let i = 0; i < rows.length; i += 200) await trx.insertInto('applications').values(rows.slice(i, i + 200)).execute();
	});
}

/** Adds an officer directly (active unless said otherwise). */
export async function addOfficer(store: Store, userName: string, roles: OfficerRole[], options: {active?: boolean; office?: string} = {}): Promise<void> {
	await store.transaction((trx) =>
		trx
			.insertInto('officers')
			.values({user_name: userName, display_name: userName, roles: encodeSet(roles), office: options.office ?? null, active: options.active === false ? 0 : 1, created_at: CREATED})
			.execute(),
	);
}

/** A clock that starts at `start` and moves one second per reading. */
export function tickingClock(start = '2026-11-29T15:00:00.000Z'): () => string {
	let t = Date.parse(start);
	return () => {
		const now = new Date(t).toISOString();
		t += 1000;
		return now;
	};
}

/** A fresh store in a temp folder, with helpers; `close()` closes it and removes the folder. */
export async function queueStore(): Promise<{
	dir: string;
	path: string;
	store: Store;
	as: (userName: string, now?: () => string) => Promise<Session>;
	close: () => Promise<void>;
}> {
	const {dir, cleanup} = tempDir('caips-queues-');
	const path = join(dir, 'caips.db');
	const store = await openStore(path);
	const clock = tickingClock();
	return {
		dir,
		path,
		store,
		as: async (userName, now = clock) => ({store, actor: await loadActor(store, userName), now}),
		close: async () => {
			await store.close();
			cleanup();
		},
	};
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function rng(seed: number): () => number {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
