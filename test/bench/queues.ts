/**
 * Queue pages at scale: builds a store of 100,000 cases, then grows it to 1,000,000, and times a
 * page of the queues an officer lives in (first page, a page deep in the list through a cursor,
 * a name search), the counts, `caips next`, and the store size per case. Target: a page in under
 * 5 ms at both sizes (indexes of migration 0002).
 *
 * The cases follow an office's shape: most are decided (approved, refused, withdrawn) over five
 * years, about 12 % are pool profiles and invitations, about 6 % are being worked on (received,
 * in review, awaiting information, pending review) by 50 officers. Rows are built from the
 * fixture applications with varied names (accents, other scripts), numbers, dates and states,
 * inserted 500 a statement, 100,000 a transaction (secondary indexes dropped meanwhile and built
 * again from their own SQL; no journal while building). The rows store the application JSON but
 * not the cached assessment JSON (≈ 9.4 kB a case: 1,000,000 of them would be a 10 GB file); a
 * separate 20,000-case store with the cached assessment gives the full size per case.
 *
 * Page figures are the page read alone (the keyset query for 50 rows: what scrolling costs);
 * "as listed" figures are a first page the way `listQueue` serves it (with the count, the audit
 * event and the commit). The store lives in os.tmpdir() and is deleted afterwards.
 */
import {mkdtempSync, readFileSync, readdirSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CompiledQuery, sql} from 'kysely';
import {encodeSet, fetchPage, nowInstant, openStore, type Cursor, type NewApplication, type Page, type Store} from '../../db/index.js';
import {assessCase, cachedColumns, caseReferenceDate} from '../../source/cases/assessment.js';
import {takeNext} from '../../source/cases/assignment.js';
import {parseFilter} from '../../source/cases/filter.js';
import {findQueue, listQueue, listQueues, queuePageQuery, sortKeys, type EntryRow, type QueueDefinition} from '../../source/cases/queues.js';
import {caseSearchKey} from '../../source/cases/search-key.js';
import {loadActor, type Session} from '../../source/cases/session.js';
import {applicationToJson} from '../../source/format/serialise.js';
import {parseApplicationFile} from '../../source/format/parse.js';
import type {Application} from '../../source/rules/application.js';
import {dayNumber, fromDayNumber} from '../../source/rules/dates.js';

const TODAY = '2026-11-29';
const OFFICERS = 50;
const FAMILY = [
	'Côté', 'Tremblay', 'Gagnon', 'Roy', 'Bouchard', 'Lefrançois', 'Okonkwo', 'Adeyemi', 'Nguyễn', 'Trần', 'Phạm', 'Singh', 'Kaur', 'Patel',
	'Sharma', 'Wang', 'Li', 'Zhang', 'Chen', 'Kim', 'Park', 'García', 'Rodríguez', 'Hernández', 'Müller', 'Schäfer', 'Kowalski', 'Nowak',
	'Öztürk', 'Yılmaz', 'Haddad', 'Khoury', 'Mensah', 'Dubois', 'De La Cruz', 'Santos', 'Ivanova', 'Ferreira', 'O’Brien', 'Murphy', 'Da Silva',
];
const GIVEN = [
	'Marie-Ève', 'Jean', 'Hélène', 'François', 'Chiamaka', 'Adaeze', 'Minh', 'Thị Lan', 'Harpreet', 'Arjun', 'Priya', 'Wei', 'Xiu Ying',
	'Ji-woo', 'María José', 'José', 'Lukas', 'Zoë', 'Agnieszka', 'Mehmet', 'Elif', 'Rami', 'Nour', 'Kwame', 'Ama', 'Sofia', 'João', 'Olga',
	'Siobhán', 'Liam', 'Noémie', 'Inès', 'Björn', 'Ana', 'Tomás', 'Yusuf', 'Fatima',
];

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function rng(seed: number): () => number {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Template = {application: Application; cached: ReturnType<typeof cachedColumns>; assessment: string; dataParts: string[]};

const PLACEHOLDER = '\u0001';

function templates(root: string): Template[] {
	const dir = join(root, 'test', 'fixtures', 'applications');
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.flatMap((name) => parseApplicationFile(readFileSync(join(dir, name), 'utf8'), name))
		.map((application) => {
			const assessment = assessCase(application, [], caseReferenceDate(application, TODAY));
			// The stored application JSON with holes for number, UCI, names and received instant.
			const holed = applicationToJson({
				...application,
				documents: application.documents ? [] : undefined,
				notes: application.notes ? [] : undefined,
				applicationNumber: PLACEHOLDER,
				uci: PLACEHOLDER,
				receivedAt: PLACEHOLDER,
				applicant: {...application.applicant, familyName: PLACEHOLDER, givenNames: PLACEHOLDER},
			});
			return {application, cached: cachedColumns(assessment), assessment: JSON.stringify(assessment), dataParts: JSON.stringify(holed).split(`"${PLACEHOLDER}"`)};
		});
}

const ISO_DAY = 86_400_000;

/** The row of case `i` (deterministic). */
function caseRow(i: number, tpls: Template[], withAssessment: boolean): NewApplication {
	const r = rng(i * 7919 + 1);
	const tpl = tpls[i % tpls.length]!;
	const familyName = FAMILY[Math.floor(r() * FAMILY.length)]!;
	const givenNames = `${GIVEN[Math.floor(r() * GIVEN.length)]!}${r() < 0.3 ? ` ${GIVEN[Math.floor(r() * GIVEN.length)]!}` : ''}`;
	const applicationNumber = `E${String(i).padStart(9, '0')}`;
	const uci = `${String(10_000_000 + ((i * 2_654_435_761) % 89_999_999)).replace(/^(\d{4})(\d{4})$/, '$1-$2')}`;
	const x = r();
	const status =
		x < 0.1 ? 'pool' : x < 0.12 ? 'invited' : x < 0.72 ? 'approved' : x < 0.87 ? 'refused' : x < 0.94 ? 'withdrawn' : x < 0.96 ? 'received' : x < 0.985 ? 'in_review' : x < 0.995 ? 'awaiting_info' : 'pending_review';
	const open = x >= 0.94;
	const received = status !== 'pool' && status !== 'invited';
	const daysAgo = open ? Math.floor(r() * 200) : 200 + Math.floor(r() * 1600);
	const receivedAt = received ? new Date(Date.parse(`${TODAY}T00:00:00.000Z`) - daysAgo * ISO_DAY + Math.floor(r() * ISO_DAY)).toISOString() : null;
	const officer = `officer${String(1 + Math.floor(r() * OFFICERS)).padStart(3, '0')}`;
	const assignedTo = !received || status === 'received' || (status === 'in_review' && r() < 0.1) ? null : officer;
	const bringForwardOn = status === 'awaiting_info' ? fromDayNumber(dayNumber(TODAY) - 20 + Math.floor(r() * 60)) : !open && r() < 0.01 ? '2024-01-15' : null;
	const quote = (s: string) => JSON.stringify(s);
	const p = tpl.dataParts;
	const data = p[0] + quote(applicationNumber) + p[1] + quote(uci) + p[2] + (receivedAt ? quote(receivedAt) : 'null') + p[3] + quote(familyName) + p[4] + quote(givenNames) + p[5];
	return {
		application_number: applicationNumber,
		uci,
		program: tpl.application.program,
		status,
		office: ['OTT', 'MTL', 'TOR', 'VAN', 'SYD'][i % 5]!,
		assigned_to: assignedTo,
		profile_submitted_at: new Date(Date.parse(receivedAt ?? `${TODAY}T00:00:00.000Z`) - 120 * ISO_DAY).toISOString(),
		received_at: receivedAt,
		invited_at: null,
		bring_forward_on: bringForwardOn,
		crs_total: tpl.cached.crs_total + ((i * 13) % 61) - 30,
		rules_version: tpl.cached.rules_version,
		eligible_programs: tpl.cached.eligible_programs,
		search_key: caseSearchKey(familyName, givenNames, uci, applicationNumber),
		family_name: familyName,
		given_names: givenNames,
		data: data.replace(`"receivedAt":null,`, ''),
		assessment: withAssessment ? tpl.assessment : null,
		created_at: '2026-01-01T00:00:00.000Z',
		updated_at: '2026-01-01T00:00:00.000Z',
	};
}

async function addOfficers(store: Store): Promise<void> {
	await store.transaction(async (trx) => {
		for (let i = 1; i <= OFFICERS; i++) {
			await trx
				.insertInto('officers')
				.values({user_name: `officer${String(i).padStart(3, '0')}`, display_name: `Officer ${i}`, roles: encodeSet(['officer']), office: 'OTT', created_at: nowInstant()})
				.execute();
		}
	});
}

/**
 * Inserts cases `from`…`to − 1`. For speed the secondary indexes of `applications` are dropped
 * first and created again afterwards, from the very SQL the migrations wrote (sorting once is
 * far cheaper than a million random-order index inserts); the schema ends as it began.
 */
async function insertCases(store: Store, from: number, to: number, tpls: Template[], withAssessment: boolean): Promise<void> {
	const indexes = await sql<{name: string; sql: string}>`select name, sql from sqlite_master where type = 'index' and tbl_name = 'applications' and sql is not null`.execute(store.db);
	await store.transaction(async (trx) => {
		for (const index of indexes.rows) await sql`drop index ${sql.id(index.name)}`.execute(trx);
	});
	// No journal and no fsync while building a throw-away store; WAL and FULL again after.
	await sql`pragma journal_mode = off`.execute(store.db);
	await sql`pragma synchronous = off`.execute(store.db);
	try {
		await insertRows(store, from, to, tpls, withAssessment);
		await store.transaction(async (trx) => {
			for (const index of indexes.rows) await sql.raw(index.sql).execute(trx);
		});
	} finally {
		await sql`pragma journal_mode = wal`.execute(store.db);
		await sql`pragma synchronous = full`.execute(store.db);
	}
}

const COLUMNS = [
	'application_number', 'uci', 'program', 'status', 'office', 'assigned_to', 'profile_submitted_at', 'received_at', 'invited_at', 'bring_forward_on',
	'crs_total', 'rules_version', 'eligible_programs', 'search_key', 'family_name', 'given_names', 'data', 'assessment', 'created_at', 'updated_at',
] as const;

/** `insert into applications (…) values (?, …), …` for `rows` rows. */
function insertText(rows: number): string {
	const one = `(${COLUMNS.map(() => '?').join(', ')})`;
	return `insert into applications (${COLUMNS.join(', ')}) values ${Array.from({length: rows}, () => one).join(', ')}`;
}

/**
 * Inserts rows 500 a statement (one prepared statement, reused), 100,000 a transaction; the next
 * batch is built while SQLite writes the current one.
 */
async function insertRows(store: Store, from: number, to: number, tpls: Template[], withAssessment: boolean): Promise<void> {
	const perStatement = 500;
	const perTransaction = 100_000;
	const batch = (i: number, end: number): unknown[] => {
		const params: unknown[] = [];
		for (let j = i; j < end; j++) {
			const row = caseRow(j, tpls, withAssessment) as Record<string, unknown>;
			for (const c of COLUMNS) params.push(row[c] ?? null);
		}
		return params;
	};
	for (let start = from; start < to; start += perTransaction) {
		const end = Math.min(to, start + perTransaction);
		await store.transaction(async (trx) => {
			let params = batch(start, Math.min(end, start + perStatement));
			for (let i = start; i < end; i += perStatement) {
				const rows = params.length / COLUMNS.length;
				const writing = trx.executeQuery(CompiledQuery.raw(insertText(rows), params));
				writing.catch(() => {}); // awaited below; do not report it unhandled meanwhile
				// Let the statement reach SQLite's thread before building the next batch.
				await new Promise((resolve) => setImmediate(resolve));
				const next = i + perStatement < end ? batch(i + perStatement, Math.min(end, i + 2 * perStatement)) : [];
				await writing;
				params = next;
			}
		});
	}
}

function stats(samples: number[]): {median: number; p95: number} {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
	return {median: Number(at(0.5).toFixed(3)), p95: Number(at(0.95).toFixed(3))};
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<{median: number; p95: number}> {
	for (let i = 0; i < Math.min(3, runs); i++) await fn(); // warm-up
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		await fn();
		samples.push(performance.now() - t0);
	}
	return stats(samples);
}

function storeBytes(path: string): number {
	let bytes = statSync(path).size;
	for (const suffix of ['-wal', '-shm']) {
		try {
			bytes += statSync(path + suffix).size;
		} catch {
			// absent
		}
	}
	return bytes;
}

type Figures = Record<string, number | string>;

const ms = (t: {median: number; p95: number}) => `${t.median} / ${t.p95}`;

async function measure(store: Store, label: string, out: Figures): Promise<void> {
	const me = await loadActor(store, 'officer001');
	let tick = Date.parse(`${TODAY}T15:00:00.000Z`);
	const session: Session = {store, actor: me, now: () => new Date(tick++).toISOString()};
	const ctx = {me: me.userName, today: TODAY};

	/** One page read (what scrolling costs): the keyset query for 50 rows (51 read). */
	const pageRead = async (queue: QueueDefinition, filterText: string | null, after: Cursor | null, sort = queue.sort) => {
		const filter = filterText ? parseFilter(filterText) : null;
		return fetchPage(queuePageQuery(store.db, queue, filter, ctx), {sort: sortKeys(sort, queue.nonNull), after, limit: 50});
	};
	/** The cursor after row `depth` (reached in pages of 1,000). */
	const cursorAt = async (queue: QueueDefinition, depth: number): Promise<Cursor | null> => {
		let after: Cursor | null = null;
		for (let seen = 0; seen < depth; ) {
			const filter = null;
			const page: Page<EntryRow> = await fetchPage(queuePageQuery(store.db, queue, filter, ctx), {sort: sortKeys(queue.sort, queue.nonNull), after, limit: Math.min(1000, depth - seen)});
			seen += page.rows.length;
			after = page.next;
			if (!after) break;
		}
		return after;
	};

	const counts = await listQueues(session, {today: TODAY});
	const countOf = (name: string) => counts.find((q) => q.name === name)!.count!;
	out[`${label}: cases in My cases / Unassigned / Bring-forward due / Awaiting information / All cases`] = ['My cases', 'Unassigned', 'Bring-forward due', 'Awaiting information', 'All cases']
		.map((name) => countOf(name).toLocaleString('en-CA'))
		.join(' / ');
	for (const name of ['My cases', 'Unassigned', 'Bring-forward due', 'Awaiting information', 'All cases']) {
		const queue = await findQueue(store.db, name);
		out[`${label}: ${name}, first page (ms, median / p95)`] = ms(await time(100, () => pageRead(queue, null, null)));
		const depth = Math.floor(countOf(name) / 2);
		const after = await cursorAt(queue, depth);
		out[`${label}: ${name}, page after row ${depth.toLocaleString('en-CA')} (ms, median / p95)`] = ms(await time(100, () => pageRead(queue, null, after)));
	}
	const all = await findQueue(store.db, 'All cases');
	out[`${label}: All cases by name, first page (ms, median / p95)`] = ms(await time(100, () => pageRead(all, null, null, {column: 'name', direction: 'asc'})));
	out[`${label}: All cases, name:cote first page (ms, median / p95)`] = ms(await time(50, () => pageRead(all, 'name:cote', null)));
	out[`${label}: All cases, name matching nobody: whole index read (ms, median / p95)`] = ms(await time(5, () => pageRead(all, 'name:xochitl', null)));
	out[`${label}: All cases by CRS, first page (ms, median / p95)`] = ms(await time(50, () => pageRead(all, null, null, {column: 'crs', direction: 'desc'})));
	out[`${label}: Unassigned as listed: first page + count + audit + commit (ms, median / p95)`] = ms(await time(50, () => listQueue(session, {queue: 'Unassigned', limit: 50, today: TODAY})));
	out[`${label}: All cases as listed: first page + count + audit + commit (ms, median / p95)`] = ms(await time(10, () => listQueue(session, {limit: 50, today: TODAY})));
	out[`${label}: counts of every built-in queue (ms, median / p95)`] = ms(await time(5, () => listQueues(session, {today: TODAY})));
	out[`${label}: takeNext (ms, median / p95)`] = ms(await time(50, () => takeNext(session, 'Unassigned', {today: TODAY})));
}

/** Runs the queue benchmark; figures are milliseconds (median / p95) and bytes per case. */
export async function benchQueues(root: string): Promise<Record<string, number | string>> {
	const out: Record<string, number | string> = {};
	const tpls = templates(root);
	const dir = mkdtempSync(join(tmpdir(), 'caips-bench-queues-'));
	try {
		const path = join(dir, 'queues.db');
		const store = await openStore(path);
		try {
			await addOfficers(store);
			let t0 = performance.now();
			await insertCases(store, 0, 100_000, tpls, false);
			out['build: 100,000 cases (s)'] = Number(((performance.now() - t0) / 1000).toFixed(1));
			await sql`pragma wal_checkpoint(truncate)`.execute(store.db);
			out['store bytes per case at 100,000 (without cached assessment)'] = Math.round(storeBytes(path) / 100_000);
			await measure(store, '100k', out);
			t0 = performance.now();
			await insertCases(store, 100_000, 1_000_000, tpls, false);
			out['build: grow to 1,000,000 cases (s)'] = Number(((performance.now() - t0) / 1000).toFixed(1));
			await sql`pragma wal_checkpoint(truncate)`.execute(store.db);
			out['store bytes per case at 1,000,000 (without cached assessment)'] = Math.round(storeBytes(path) / 1_000_000);
			await measure(store, '1M', out);
		} finally {
			await store.close();
		}
		rmSync(path, {force: true});
		rmSync(`${path}-wal`, {force: true});
		rmSync(`${path}-shm`, {force: true});

		// Full rows (the cached assessment JSON too), 20,000 of them: the real size per case.
		const fullPath = join(dir, 'full.db');
		const full = await openStore(fullPath);
		try {
			await addOfficers(full);
			const t0 = performance.now();
			await insertCases(full, 0, 20_000, tpls, true);
			out['build: 20,000 full cases with cached assessment (s)'] = Number(((performance.now() - t0) / 1000).toFixed(1));
			await sql`pragma wal_checkpoint(truncate)`.execute(full.db);
			out['store bytes per case, full rows with cached assessment (20,000)'] = Math.round(storeBytes(fullPath) / 20_000);
		} finally {
			await full.close();
		}
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
	return out;
}
