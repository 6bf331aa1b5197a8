/**
 * Test data for the pool and rounds tests: profiles made from the fixture applications
 * (test/fixtures/applications/*.json) with their own numbers, submission instants and changes,
 * inserted directly as `pool` rows (assessment cached, work periods stored) — without the import
 * module — and a digest of every table of a store, to prove that something wrote nothing.
 */
import {workPeriodRows} from '../../source/cases/import.js';
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {sql} from 'kysely';
import {encodeInstant, encodeJson, nowInstant, type ApplicationStatus, type Store} from '../../db/index.js';
import {assessCase, cachedColumns, caseReferenceDate} from '../../source/cases/assessment.js';
import {caseSearchKey} from '../../source/cases/search-key.js';
import {parseApplicationFile} from '../../source/format/parse.js';
import {applicationToJson} from '../../source/format/serialise.js';
import type {Application, Person} from '../../source/rules/application.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'applications');

/** What to change in a fixture: its number and submission instant, anything else at the top level or in the applicant. */
export type ProfileSpec = {
	/** Fixture id, e.g. `V18`. */
	from: string;
	number: string;
	submittedAt: string;
	applicant?: Partial<Person>;
	changes?: Partial<Application>;
};

/** The fixture application `id`, parsed as caips reads it. */
export function fixtureApplication(id: string): Application {
	const file = join(DIR, `${id}.json`);
	return parseApplicationFile(readFileSync(file, 'utf8'), file)[0]!;
}

/** A profile from a fixture: no ITA, no e-APR unless `changes` says so. */
export function profile(spec: ProfileSpec): Application {
	const base = fixtureApplication(spec.from);
	const {receivedAt: _r, invitedAt: _i, ...rest} = base;
	return {
		...rest,
		applicationNumber: spec.number,
		profileSubmittedAt: spec.submittedAt,
		applicant: {...base.applicant, ...spec.applicant},
		...spec.changes,
	};
}

/**
 * Inserts `applications` as cases in `status` (default `pool`) in one transaction: canonical JSON,
 * assessment cached on `today`, search key, work periods. Returns their numbers.
 */
export async function insertProfiles(store: Store, applications: readonly Application[], options: {status?: ApplicationStatus; today?: string} = {}): Promise<string[]> {
	const now = nowInstant();
	const rows = applications.map((application) => {
		const assessment = assessCase(application, [], caseReferenceDate(application, options.today ?? '2026-08-05'));
		const person = application.applicant;
		return {
			application_number: application.applicationNumber,
			uci: application.uci,
			program: application.program,
			status: options.status ?? ('pool' as const),
			office: null,
			assigned_to: null,
			profile_submitted_at: encodeInstant(application.profileSubmittedAt),
			received_at: encodeInstant(application.receivedAt ?? null),
			invited_at: encodeInstant(application.invitedAt ?? null),
			bring_forward_on: null,
			...cachedColumns(assessment),
			search_key: caseSearchKey(person.familyName, person.givenNames, application.uci, application.applicationNumber),
			family_name: person.familyName,
			given_names: person.givenNames,
			data: encodeJson(applicationToJson(application)),
			assessment: encodeJson(assessment),
			created_at: now,
			updated_at: now,
		};
	});
	const periods = applications.flatMap(workPeriodRows);
	await store.transaction(async (trx) => {
		for (let i = 0; i < rows.length; i += 100) await trx.insertInto('applications').values(rows.slice(i, i + 100)).execute();
		for (let i = 0; i < periods.length; i += 100) await trx.insertInto('work_periods').values(periods.slice(i, i + 100)).execute();
	});
	return rows.map((r) => r.application_number);
}

/** SHA-256 of every row of every table (tables by name, rows by rowid), to compare a store before and after. */
export async function storeDigest(store: Store): Promise<string> {
	const hash = createHash('sha256');
	const tables = await sql<{name: string}>`select name from sqlite_master where type = 'table' order by name`.execute(store.db);
	for (const {name} of tables.rows) {
		const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)} order by rowid`.execute(store.db);
		hash.update(name);
		for (const row of rows.rows) hash.update(JSON.stringify(row, (_k, v) => (v && v.type === 'Buffer' ? Buffer.from(v.data).toString('hex') : v)));
	}
	return hash.digest('hex');
}

/** Number of audit events in the store. */
export async function auditCount(store: Store): Promise<number> {
	const row = await store.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}
