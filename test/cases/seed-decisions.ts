/**
 * Test data for the case-work tests (notes, documents, decisions, review, findings): a temp store
 * with the starting reason codes, officers, and cases inserted directly from the application
 * fixtures (test/fixtures/applications/*.json) with their assessment and work periods — without
 * the import operation (only its work-period row mapping is shared), so these tests stand on their own.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {encodeJson, encodeSet, nowInstant, openStore, type ApplicationStatus, type OfficerRole, type Store} from '../../db/index.js';
import {assessCase, cachedColumns, caseReferenceDate} from '../../source/cases/assessment.js';
import {seedReasonCodes} from '../../source/cases/decisions.js';
import {workPeriodRows} from '../../source/cases/import.js';
import {caseSearchKey} from '../../source/cases/search-key.js';
import {loadActor, type Session} from '../../source/cases/session.js';
import {parseApplicationFile} from '../../source/format/parse.js';
import type {Application} from '../../source/rules/application.js';

const FIXTURES = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'fixtures', 'applications');

/** The reference "today" of these tests (the rule-book vectors' as-of date). */
export const TODAY = '2026-11-29';

/** The application of fixture `id` (e.g. `V17`), parsed and validated; `dir` defaults to test/fixtures/applications. */
export function fixture(id: string, dir = FIXTURES): Application {
	const file = join(dir, `${id}.json`);
	return parseApplicationFile(readFileSync(file, 'utf8'), file)[0]!;
}

/** Opens (creating) a store at `path` with the starting reason codes. */
export async function openSeededStore(path: string): Promise<Store> {
	const store = await openStore(path);
	await store.transaction((trx) => seedReasonCodes(trx));
	return store;
}

/** Adds an active officer with `roles`. */
export async function addOfficer(store: Store, userName: string, roles: OfficerRole[], displayName = userName): Promise<void> {
	await store.transaction((trx) =>
		trx.insertInto('officers').values({user_name: userName, display_name: displayName, roles: encodeSet(roles), office: null, created_at: nowInstant()}).execute(),
	);
}

/** A session acting as `userName` (who must be an officer of the store). */
export async function sessionAs(store: Store, userName: string): Promise<Session> {
	return {store, actor: await loadActor(store, userName), now: () => nowInstant()};
}

/** How to insert a case. */
export type CaseOptions = {
	status?: ApplicationStatus;
	assignedTo?: string | null;
	/** A different application number (for many cases from one fixture). */
	applicationNumber?: string;
	/** Today, for the reference date of a case without `receivedAt`. */
	today?: string;
};

/** Inserts cases (with assessment and work periods) in one transaction; returns their numbers. */
export async function insertCases(store: Store, applications: readonly Application[], options: CaseOptions = {}): Promise<string[]> {
	const now = nowInstant();
	const rows = applications.map((original) => {
		const application = options.applicationNumber && applications.length === 1 ? {...original, applicationNumber: options.applicationNumber} : original;
		const assessment = assessCase(application, [], caseReferenceDate(application, options.today ?? TODAY));
		const person = application.applicant;
		return {application, assessment, person};
	});
	const caseRows = rows.map(({application, assessment, person}) => ({
		application_number: application.applicationNumber,
		uci: application.uci,
		program: application.program,
		status: options.status ?? ('in_review' as const),
		office: null,
		assigned_to: options.assignedTo ?? null,
		profile_submitted_at: application.profileSubmittedAt,
		received_at: application.receivedAt ?? null,
		invited_at: application.invitedAt ?? null,
		bring_forward_on: null,
		...cachedColumns(assessment),
		search_key: caseSearchKey(person.familyName, person.givenNames, application.uci, application.applicationNumber),
		family_name: person.familyName,
		given_names: person.givenNames,
		data: encodeJson(application),
		assessment: encodeJson(assessment),
		created_at: now,
		updated_at: now,
	}));
	const periodRows = rows.flatMap(({application}) => workPeriodRows(application));
	await store.transaction(async (trx) => {
		// Multi-row inserts, 100 rows a statement (well under SQLite's bound-parameter limit).
		for (let i = 0; i < caseRows.length; i += 100) await trx.insertInto('applications').values(caseRows.slice(i, i + 100)).execute();
		for (let i = 0; i < periodRows.length; i += 100) await trx.insertInto('work_periods').values(periodRows.slice(i, i + 100)).execute();
	});
	return rows.map((r) => r.application.applicationNumber);
}

/** Inserts one case from fixture `id`; returns its application number. */
export async function insertCase(store: Store, id: string, options: CaseOptions = {}): Promise<string> {
	return (await insertCases(store, [fixture(id)], options))[0]!;
}

/** `count` copies of fixture `id` numbered `E9xxxxxxxx` from `first`, inserted in batches of 500. */
export async function insertCopies(store: Store, id: string, count: number, options: CaseOptions & {first?: number; fixturesDir?: string} = {}): Promise<string[]> {
	const base = fixture(id, options.fixturesDir);
	const numbers: string[] = [];
	for (let start = 0; start < count; start += 500) {
		const batch: Application[] = [];
		for (let i = start; i < Math.min(count, start + 500); i++) {
			batch.push({...base, applicationNumber: `E9${String((options.first ?? 0) + i).padStart(8, '0')}`});
		}
		numbers.push(...(await insertCases(store, batch, {...options, applicationNumber: undefined})));
	}
	return numbers;
}

/** Audit events of a case, oldest first, with their detail decoded. */
export async function auditOf(store: Store, applicationNumber: string): Promise<Array<{action: string; officer: string; detail: Record<string, unknown> | null}>> {
	const rows = await store.db.selectFrom('audit_events').selectAll().where('application_number', '=', applicationNumber).orderBy('seq').execute();
	return rows.map((r) => ({action: r.action, officer: r.officer, detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>)}));
}
