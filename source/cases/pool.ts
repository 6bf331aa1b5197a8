/**
 * The Express Entry pool on a reference date, ranked (rules.md §7.1–7.2, §7.5).
 *
 * A profile is in the pool on date D when its case is `pool` (a profile, no ITA, no e-APR), it was
 * submitted on or before D (for a round: at or before the round's instant), it is less than 12
 * months old on D (it leaves the pool on the anniversary of its submission date: `addYears`, a
 * 29 February giving 1 March), and on D it is eligible for CEC, FSW or FST — re-assessed with the
 * rules engine on D, the officer's findings applied, age on D (or on the ITA date when there is
 * one) — or holds a provincial nomination. Ranking: CRS on D descending, then the profile's
 * submission instant ascending (the tie-breaking rule in force since 2017-06-06), then the
 * application number. A program filter keeps those eligible for the program (PNP: nominees); a
 * category filter keeps those who meet the category on D.
 *
 * Scale: the stored application JSON is read in keyset pages (the next page read by SQLite while
 * this one is assessed), each profile parsed and assessed once, and only what ranking needs is
 * kept (number, CRS, instant, two bit masks); one sort at the end (a round keeps only its best N).
 * Parsing and assessing are the cost; a large pool is scored on worker threads, one per core
 * (pool-threads.ts), while this thread reads the next page. Filters that can be checked before the
 * rules engine (PNP, a category) cost less. Figures: test/bench/pool.ts.
 *
 * Audit: `rankPool` with a session records one `pool` event (the reference date, filters and the
 * number of profiles) after reading, in a write transaction of its own; the reading itself runs in
 * a read-only snapshot, so viewing the pool never holds the store's write lock for seconds.
 */
import type {Kysely} from 'kysely';
import {decodeInstant, keysetPage, type Cursor, type Database, type SortKey} from '../../db/index.js';
import {CATEGORY_IDS, categoryOn, categoryPeriods, isCategoryId, type CategoryId} from '../rules/categories.js';
import {addYears, dayNumber, isRealDate} from '../rules/dates.js';
import type {Finding} from './assessment.js';
import {lastAuditSeq, recordAudit} from './audit.js';
import {InvalidError} from './errors.js';
import {distributionOf, type Distribution} from './pool-distribution.js';
import {CATEGORY_BIT, POOL_PROGRAMS, PROGRAM_BIT, profileScorer, type PoolProgram} from './pool-score.js';
import {rankInWorkers, threadsFor} from './pool-threads.js';
import {requireRole, write, type Session} from './session.js';

export {POOL_PROGRAMS, type PoolProgram} from './pool-score.js';

/** One ranked profile. */
export type PoolEntry = {
	/** 1-based rank in the (filtered) pool. */
	rank: number;
	applicationNumber: string;
	/** CRS total on the reference date. */
	crs: number;
	/** Instant the profile was submitted (canonical UTC text). */
	profileSubmittedAt: string;
	/** Programs the profile is eligible for on the date, and `PNP` when it holds a nomination. */
	programs: PoolProgram[];
	/** Categories in force on the date that the profile meets. */
	categories: CategoryId[];
};

/** The ranked pool. */
export type PoolRanking = {
	/** Reference date `YYYY-MM-DD`. */
	asOf: string;
	program: PoolProgram | null;
	category: CategoryId | null;
	/** Every profile of the (filtered) pool, in rank order. */
	entries: PoolEntry[];
	/** CRS distribution of `entries` in IRCC's bands. */
	distribution: Distribution;
};

/** What to rank. */
export type PoolOptions = {
	/** Reference date `YYYY-MM-DD`. */
	asOf: string;
	program?: PoolProgram | null;
	category?: CategoryId | null;
};

/**
 * {@link PoolOptions} for a round: only profiles submitted at or before `submittedBy` (an instant),
 * and only the first `limit` entries kept (the round's size: memory stays that of the invitees).
 */
export type RankOptions = PoolOptions & {submittedBy?: string | null; limit?: number | null};

/** Roles that may view the pool (every role of the store). */
const VIEW_ROLES = ['officer', 'supervisor', 'admin', 'auditor'] as const;

/** Express Entry in force (rules.md §7.1, SI/2014-99): no pool before. */
export const EXPRESS_ENTRY_FROM = '2015-01-01';

/** Rows read per keyset page. */
const PAGE_ROWS = 2000;

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Checks ranking options; throws InvalidError (65) naming the field and value: a date that is not
 * `YYYY-MM-DD` or is before 2015-01-01, an unknown program or category, a category not in force on the date.
 */
export function checkPoolOptions(options: PoolOptions): void {
	if (typeof options.asOf !== 'string' || !isRealDate(options.asOf)) throw new InvalidError(`as-of date ${JSON.stringify(options.asOf)} is not a calendar date YYYY-MM-DD`);
	if (options.asOf < EXPRESS_ENTRY_FROM) throw new InvalidError(`as-of date ${options.asOf} is before Express Entry began (${EXPRESS_ENTRY_FROM})`);
	if (options.program != null && !(POOL_PROGRAMS as readonly string[]).includes(options.program)) {
		throw new InvalidError(`program ${JSON.stringify(options.program)} is not one of ${POOL_PROGRAMS.join(', ')}`);
	}
	if (options.category != null) {
		if (!isCategoryId(options.category)) throw new InvalidError(`category ${JSON.stringify(options.category)} is not one of ${CATEGORY_IDS.join(', ')}`);
		if (!categoryOn(options.category, options.asOf)) {
			throw new InvalidError(`category ${options.category} is not in force on ${options.asOf} (in force ${categoryPeriods(options.category)})`);
		}
	}
}

/**
 * True when a profile submitted at `submittedAt` (an instant) is still in the pool on `date`:
 * submitted on or before `date` and `date` is before the first anniversary of the submission
 * date (rules.md §7.1: the profile leaves the pool one year after the day it was received).
 */
export function withinProfileLife(submittedAt: string, date: string): boolean {
	const submitted = submittedAt.slice(0, 10);
	return submitted <= date && dayNumber(date) < addYears(submitted, 1);
}

/**
 * Compact ranking record: what sorting and output need, nothing of the application kept. `key`
 * orders CRS descending then submission instant ascending in one exact integer:
 * (1200 − CRS) · 2⁴² + epoch milliseconds (instants up to year 2109 fit below 2⁴²; the product stays
 * below 2⁵³).
 */
export type Ranked = {key: number; n: string; crs: number; at: string; programs: number; categories: number};

const INSTANT_SPAN = 2 ** 42;

function compareRanked(a: Ranked, b: Ranked): number {
	if (a.key !== b.key) return a.key - b.key;
	return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
}

/** A range of application numbers: from `from` (inclusive) to `to` (exclusive); null: open. */
export type NumberRange = {from: string | null; to: string | null};

/** Officer findings that change an assessment (not `claimed`) on pool profiles in `range`, by application. */
async function poolFindings(db: Kysely<Database>, range: NumberRange): Promise<Map<string, Finding[]>> {
	let query = db
		.selectFrom('work_periods')
		.innerJoin('applications', 'applications.application_number', 'work_periods.application_number')
		.select(['work_periods.application_number as number', 'work_periods.person as person', 'work_periods.idx as idx', 'work_periods.finding as finding'])
		.where('applications.status', '=', 'pool')
		.where('work_periods.finding', '<>', 'claimed');
	if (range.from !== null) query = query.where('applications.application_number', '>=', range.from);
	if (range.to !== null) query = query.where('applications.application_number', '<', range.to);
	const rows = await query.execute();
	const byCase = new Map<string, Finding[]>();
	for (const r of rows) {
		const list = byCase.get(r.number) ?? [];
		list.push({person: r.person, idx: r.idx, finding: r.finding});
		byCase.set(r.number, list);
	}
	return byCase;
}

/**
 * Scores the pool profiles whose application numbers fall in `range`, read with `db`, and returns
 * the records kept: with `options.limit`, the best `limit` of them in rank order; else all, in no
 * order. Reads the stored application JSON in keyset pages of 2,000 by application number (the
 * next page read by SQLite while this one is scored). Used by {@link rankCandidates} for the whole
 * pool, and by each ranking worker thread (pool-worker.ts) for its share.
 */
export async function rankRange(db: Kysely<Database>, options: RankOptions, range: NumberRange): Promise<Ranked[]> {
	const {asOf} = options;
	const filter = {programBit: options.program ? PROGRAM_BIT[options.program] : 0, categoryBit: options.category ? CATEGORY_BIT[options.category] : 0};
	const score = profileScorer(asOf, filter);
	const findings = await poolFindings(db, range);
	const top = options.limit != null ? new TopRanked(options.limit) : null;
	const ranked: Ranked[] = [];
	const sort: SortKey<{application_number: string}>[] = [{column: 'application_number'}];
	// Exactly the prefix of index applications_status_received (status, received_at,
	// application_number): each page is an index range read in order. (A condition on
	// profile_submitted_at here makes SQLite prefer applications_pool and sort every page.)
	const page = (after: Cursor | null) => {
		let query = db.selectFrom('applications').select(['application_number', 'profile_submitted_at', 'data']).where('status', '=', 'pool').where('received_at', 'is', null);
		if (range.from !== null) query = query.where('application_number', '>=', range.from);
		if (range.to !== null) query = query.where('application_number', '<', range.to);
		return keysetPage(query, {sort, after, limit: PAGE_ROWS}).execute();
	};
	// The next page is asked for before this one is worked through, so SQLite reads it (on its own
	// thread) while the profiles are scored.
	let pending: ReturnType<typeof page> | null = page(null);
	try {
		while (pending) {
			const rows: Array<{application_number: string; profile_submitted_at: string; data: string}> = await pending;
			pending = rows.length === PAGE_ROWS ? page([rows[rows.length - 1]!.application_number]) : null;
			// Let the query's promise chain run down to SQLite before the synchronous work below.
			if (pending) await new Promise<void>((resolve) => setImmediate(resolve));
			for (const row of rows) {
				const at = CANONICAL_INSTANT.test(row.profile_submitted_at) ? row.profile_submitted_at : decodeInstant(row.profile_submitted_at);
				if (!withinProfileLife(at, asOf)) continue;
				if (options.submittedBy && at > options.submittedBy) continue;
				const result = score({data: row.data, findings: findings.get(row.application_number) ?? null});
				if (!result) continue;
				const record: Ranked = {key: (1200 - result.crs) * INSTANT_SPAN + Date.parse(at), n: row.application_number, crs: result.crs, at, programs: result.programs, categories: result.categories};
				if (top) top.push(record);
				else ranked.push(record);
			}
		}
	} catch (error) {
		// A page asked for ahead must not end as an unhandled rejection.
		pending?.catch(() => {});
		throw error;
	}
	return top ? top.sorted() : ranked;
}

/**
 * Ranks the pool on `options.asOf` with `db` (the store's handle or a transaction), filtered by
 * program and category, and returns every entry in rank order. With `submittedBy` (a round's
 * instant), profiles submitted after it are left out; with `limit`, only the first `limit` entries
 * are kept and returned. No audit, no role check: callers do both.
 *
 * With `storePath` (the store's file) and a large pool, the pool is cut into one share of
 * application numbers per core and each share read and scored by a worker thread on its own
 * connection (pool-threads.ts). Each worker reads in a snapshot of its own: its result is used
 * only if every worker saw the same last audit event as `db` (every change is audited, so they
 * all read what `db` reads); otherwise the pool is ranked again in this thread with `db`.
 *
 * Throws InvalidError for bad options (see {@link checkPoolOptions}) or a bad `CAIPS_POOL_THREADS`.
 */
export async function rankCandidates(db: Kysely<Database>, options: RankOptions, storePath: string | null = null): Promise<PoolEntry[]> {
	checkPoolOptions(options);
	if (options.limit != null && !(Number.isInteger(options.limit) && options.limit >= 0)) throw new InvalidError(`limit ${JSON.stringify(options.limit)} is not a whole number`);
	let records: Ranked[] | null = null;
	const threads = storePath && storePath !== ':memory:' ? threadsFor(await poolSize(db)) : 0;
	if (threads > 0) {
		const seq = await lastAuditSeq(db);
		const shares = await shareRanges(db, threads);
		const results = await rankInWorkers(storePath!, options, shares);
		if (results.every((r) => r.seq === seq)) records = results.flatMap((r) => r.records);
	}
	records ??= await rankRange(db, options, {from: null, to: null});
	records.sort(compareRanked);
	return toEntries(options.limit != null ? records.slice(0, options.limit) : records);
}

/** Profiles (cases in `pool` without an e-APR) in the store, expired ones included. */
async function poolSize(db: Kysely<Database>): Promise<number> {
	const row = await db.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pool').where('received_at', 'is', null).executeTakeFirstOrThrow();
	return Number(row.n);
}

/** The pool's application numbers cut into `shares` ranges of about as many profiles each. */
async function shareRanges(db: Kysely<Database>, shares: number): Promise<NumberRange[]> {
	const size = await poolSize(db);
	const bounds: Array<string | null> = [null];
	for (let i = 1; i < shares; i++) {
		const row = await db
			.selectFrom('applications')
			.select('application_number')
			.where('status', '=', 'pool')
			.where('received_at', 'is', null)
			.orderBy('application_number')
			.limit(1)
			.offset(Math.floor((i * size) / shares))
			.executeTakeFirst();
		if (row && row.application_number !== bounds[bounds.length - 1]) bounds.push(row.application_number);
	}
	bounds.push(null);
	return bounds.slice(0, -1).map((from, i) => ({from, to: bounds[i + 1]!}));
}

/**
 * The best `limit` records offered, kept in a binary heap whose root is the worst kept (by
 * {@link compareRanked}), so a round of N from a pool of n costs O(n log N) time and O(N) memory.
 */
class TopRanked {
	readonly #heap: Ranked[] = [];
	constructor(readonly limit: number) {}

	/** Offers one record. */
	push(item: Ranked): void {
		const heap = this.#heap;
		if (heap.length < this.limit) {
			heap.push(item);
			this.#up(heap.length - 1);
		} else if (this.limit > 0 && compareRanked(item, heap[0]!) < 0) {
			heap[0] = item;
			this.#down(0);
		}
	}

	/** The records kept, best first. */
	sorted(): Ranked[] {
		return [...this.#heap].sort(compareRanked);
	}

	#up(i: number): void {
		const heap = this.#heap;
		while (i > 0) {
			const parent = (i - 1) >> 1;
			if (compareRanked(heap[i]!, heap[parent]!) <= 0) return;
			[heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
			i = parent;
		}
	}

	#down(i: number): void {
		const heap = this.#heap;
		for (;;) {
			const left = 2 * i + 1;
			const right = left + 1;
			let worst = i;
			if (left < heap.length && compareRanked(heap[left]!, heap[worst]!) > 0) worst = left;
			if (right < heap.length && compareRanked(heap[right]!, heap[worst]!) > 0) worst = right;
			if (worst === i) return;
			[heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
			i = worst;
		}
	}
}

function toEntries(ranked: readonly Ranked[]): PoolEntry[] {
	// Entries share one frozen list per mask: thousands of profiles have the same programs.
	const programLists = new Map<number, PoolProgram[]>();
	const categoryLists = new Map<number, CategoryId[]>();
	const programsOf = (mask: number) => {
		let list = programLists.get(mask);
		if (!list) programLists.set(mask, (list = Object.freeze(POOL_PROGRAMS.filter((p) => mask & PROGRAM_BIT[p])) as PoolProgram[]));
		return list;
	};
	const categoriesOf = (mask: number) => {
		let list = categoryLists.get(mask);
		if (!list) categoryLists.set(mask, (list = Object.freeze(CATEGORY_IDS.filter((id) => mask & CATEGORY_BIT[id])) as CategoryId[]));
		return list;
	};
	return ranked.map((r, i) => ({
		rank: i + 1,
		applicationNumber: r.n,
		crs: r.crs,
		profileSubmittedAt: r.at,
		programs: programsOf(r.programs),
		categories: categoriesOf(r.categories),
	}));
}

function isSession(source: Session | Kysely<Database>): source is Session {
	return typeof (source as Session).store === 'object' && typeof (source as Session).now === 'function';
}

/**
 * The ranked pool on `options.asOf` (see the module comment for who is in it and in what order),
 * with its CRS distribution.
 *
 * Given a Session: any officer of the store may view it (PermissionError 77 for an officer without
 * a role, refusal audited); it is read in a read-only snapshot and the view audited as one `pool`
 * event {asOf, program, category, profiles}. Given a Kysely handle (or a transaction): read with
 * it, no role check and no audit (for callers that audit themselves).
 *
 * Throws InvalidError (65) for a bad date, an unknown program or category, or a category not in
 * force on the date.
 */
export async function rankPool(source: Session | Kysely<Database>, options: PoolOptions): Promise<PoolRanking> {
	checkPoolOptions(options);
	const program = options.program ?? null;
	const category = options.category ?? null;
	let entries: PoolEntry[];
	if (isSession(source)) {
		const session = source;
		if (!VIEW_ROLES.some((role) => session.actor.roles.has(role))) {
			await write(session, {action: 'pool'}, async () => requireRole(session.actor, VIEW_ROLES, 'viewing the pool'));
		}
		entries = await session.store.transaction((trx) => rankCandidates(trx, options, session.store.path), {readOnly: true});
		await write(session, {action: 'pool'}, (trx) =>
			recordAudit(trx, session, {action: 'pool', detail: {asOf: options.asOf, program, category, profiles: entries.length}}),
		);
	} else {
		entries = await rankCandidates(source, options);
	}
	return {asOf: options.asOf, program, category, entries, distribution: distributionOf(entries.map((e) => e.crs))};
}
