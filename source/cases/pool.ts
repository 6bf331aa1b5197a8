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
 * Scale: profiles whose submission instant puts them out of the pool on the date (long-expired
 * ones stay `pool` until someone acts) are left out by the query, unread. The others' stored
 * application JSON is read in keyset pages (the next page read by SQLite while this one is
 * assessed), each profile parsed and assessed once, and only what ranking needs is
 * kept (number, CRS, instant, two bit masks); one sort at the end (a round keeps only its best N).
 * Parsing and assessing are the cost; a large pool is scored on worker threads, one per core
 * (pool-threads.ts), while this thread reads the next page. Filters that can be checked before the
 * rules engine (PNP, a category) cost less. Figures: test/bench/pool.ts.
 *
 * Audit: `rankPool` with a session records one `pool` event (the reference date, filters and the
 * number of profiles) after reading, in a write transaction of its own; the reading itself runs in
 * a read-only snapshot, so viewing the pool never holds the store's write lock for seconds.
 */
import {sql, type Kysely} from 'kysely';
import type {Database} from '../../db/index.js';
import {CATEGORY_IDS, categoryOn, categoryPeriods, isCategoryId, type CategoryId} from '../rules/categories.js';
import {dayNumber, fromDayNumber, isRealDate} from '../rules/dates.js';
import type {Finding} from './assessment.js';
import {recordAudit} from './audit.js';
import {InvalidError} from './errors.js';
import {distributionOf, type Distribution} from './pool-distribution.js';
import {batchKeys, CATEGORY_BIT, DamagedBatchError, POOL_PROGRAMS, PROGRAM_BIT, SCORE_FIELDS, type PoolProgram, type ProfileBatch} from './pool-score.js';
import {openScorer} from './pool-threads.js';
import {requireRole, write, type Session} from './session.js';

export {POOL_PROGRAMS, withinProfileLife, type PoolProgram} from './pool-score.js';

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

/** Rows read per keyset page: one batch for a worker thread. */
const PAGE_ROWS = 500;

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
 * Compact ranking record: what sorting and output need, nothing of the application kept. `key`
 * orders CRS descending then submission instant ascending in one exact integer:
 * (1200 − CRS) · 2⁴² + epoch milliseconds (instants up to year 2109 fit below 2⁴²; the product stays
 * below 2⁵³).
 */
type Ranked = {key: number; n: string; crs: number; at: string; programs: number; categories: number};

const INSTANT_SPAN = 2 ** 42;

/** The canonical stored instant, as an SQLite GLOB (db/codec.ts encodeInstant). */
const CANONICAL_GLOB = '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z';

function compareRanked(a: Ranked, b: Ranked): number {
	if (a.key !== b.key) return a.key - b.key;
	return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
}

/** Officer findings that change an assessment (not `claimed`) on pool profiles, by application. */
async function poolFindings(db: Kysely<Database>): Promise<Map<string, Finding[]>> {
	const rows = await db
		.selectFrom('work_periods')
		.innerJoin('applications', 'applications.application_number', 'work_periods.application_number')
		.select(['work_periods.application_number as number', 'work_periods.person as person', 'work_periods.idx as idx', 'work_periods.finding as finding'])
		.where('applications.status', '=', 'pool')
		.where('work_periods.finding', '<>', 'claimed')
		.execute();
	const byCase = new Map<string, Finding[]>();
	for (const r of rows) {
		const list = byCase.get(r.number) ?? [];
		list.push({person: r.person, idx: r.idx, finding: r.finding});
		byCase.set(r.number, list);
	}
	return byCase;
}

/**
 * Ranks the pool on `options.asOf` with `db` (the store's handle or a transaction), filtered by
 * program and category, and returns every entry in rank order. With `submittedBy` (a round's
 * instant), profiles submitted after it are left out; with `limit`, only the first `limit` entries
 * are kept and returned. Reads the stored application JSON in keyset pages of 500 by application
 * number (the next page read while this one is scored) and scores each profile once, on worker
 * threads for a large pool (pool-threads.ts). No audit, no role check: callers do both. Throws
 * InvalidError for bad options (see {@link checkPoolOptions}) or a bad `CAIPS_POOL_THREADS`.
 */
export async function rankCandidates(db: Kysely<Database>, options: RankOptions): Promise<PoolEntry[]> {
	checkPoolOptions(options);
	const {asOf} = options;
	if (options.limit != null && !(Number.isInteger(options.limit) && options.limit >= 0)) throw new InvalidError(`limit ${JSON.stringify(options.limit)} is not a whole number`);
	const filter = {programBit: options.program ? PROGRAM_BIT[options.program] : 0, categoryBit: options.category ? CATEGORY_BIT[options.category] : 0};
	const findings = await poolFindings(db);
	const profiles = await db
		.selectFrom('applications')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('status', '=', 'pool')
		.where('received_at', 'is', null)
		.executeTakeFirstOrThrow();
	const scorer = openScorer({asOf, filter, submittedBy: options.submittedBy ?? null, findings: [...findings]}, Number(profiles.n));
	const top = options.limit != null ? new TopRanked(options.limit) : null;
	const ranked: Ranked[] = [];
	const keep = (record: Ranked) => (top ? top.push(record) : ranked.push(record));
	// Batches being scored (by worker threads, or at once in this thread), oldest first.
	const scoring: Array<Promise<void>> = [];
	const most = Math.max(1, scorer.threads * 3);
	// The next page is asked for before this one is scored, so SQLite reads it (on its own thread)
	// meanwhile.
	const life = lifeWindow(asOf, options.submittedBy ?? null);
	let pending: Promise<PoolPage> | null = poolPage(db, null, life);
	try {
		while (pending) {
			const page: PoolPage = await pending;
			pending = page.rows === PAGE_ROWS ? poolPage(db, page.last, life) : null;
			if (page.rows === 0) break;
			// Let the query's promise chain run down to SQLite before the synchronous work below.
			if (pending && scorer.threads === 0) await new Promise<void>((resolve) => setImmediate(resolve));
			const batch: ProfileBatch = {keys: page.keys, data: page.data};
			const scored = scorer.score(batch).then(
				(scores) => {
					const lines = batchKeys(page.keys);
					for (let i = 0; i < lines.length; i++) {
						const o = i * SCORE_FIELDS;
						const crs = scores[o]!;
						if (crs < 0) continue;
						const {number, at} = lines[i]!;
						keep({key: (1200 - crs) * INSTANT_SPAN + Date.parse(at), n: number, crs, at, programs: scores[o + 1]!, categories: scores[o + 2]!});
					}
				},
				async (error: unknown) => {
					if (error instanceof DamagedBatchError) await nameDamaged(db, page.keys, error);
					throw error;
				},
			);
			// Handled here so a failure while another await runs is not an unhandled rejection; awaited below.
			scored.catch(() => {});
			scoring.push(scored);
			// Enough batches queued to keep every thread busy: wait for the oldest.
			if (scoring.length >= most) await scoring.shift();
		}
		await Promise.all(scoring);
	} catch (error) {
		// A page asked for ahead, or a batch still being scored, must not end as an unhandled rejection.
		pending?.catch(() => {});
		throw error;
	} finally {
		await scorer.close();
	}
	if (top) return toEntries(top.sorted());
	ranked.sort(compareRanked);
	return toEntries(ranked);
}

/**
 * Bounds on the stored submission instant (text) outside which a profile cannot be in the pool on
 * `asOf` (rules.md §7.1: submitted on or before the date, less than a year before it) or be taken
 * by a round at `submittedBy`: a day number margin of two days either side, so that the exact test
 * (withinProfileLife, on the UTC date) alone decides near the edges, whatever the stored form.
 * The store keeps instants in canonical UTC text (YYYY-MM-DDTHH:MM:SS.sssZ), which orders as text.
 */
type LifeWindow = {from: string; to: string};

function lifeWindow(asOf: string, submittedBy: string | null): LifeWindow {
	const day = dayNumber(asOf);
	const last = submittedBy !== null && submittedBy.slice(0, 10) < asOf ? submittedBy.slice(0, 10) : asOf;
	return {from: fromDayNumber(day - 366 - 2), to: fromDayNumber(dayNumber(last) + 2)};
}

/** One keyset page of pool profiles as one batch (see pool-score.ts): how many rows, the last application number, the keys and the joined JSON texts. */
type PoolPage = {rows: number; last: string | null; keys: string; data: string};

/**
 * Reads the page of pool profiles after application number `after` (null: the first page) as one
 * batch: SQLite joins the rows' keys into one text and their stored JSON into another, so this
 * thread receives two strings a page instead of three per profile (which cost it seconds for a
 * pool of 250,000). The stored JSON is ASCII (import.ts), so the joined text is a one-byte string,
 * cheap to make and to copy to a worker thread. The inner query is a range of index applications_status_received
 * (status, received_at, application_number), read in order, less the profiles outside `life`. Both texts are built in the same
 * pass over the same rows, so the n-th key line and the n-th array element are the same profile
 * (the order among them does not matter: ranking sorts by a total order). The page's last
 * application number for the next page is the greatest of the page.
 */
async function poolPage(db: Kysely<Database>, after: string | null, life: LifeWindow): Promise<PoolPage> {
	const range = after === null ? sql`` : sql`and application_number > ${after}`;
	// Profiles long expired (they stay `pool` until an officer acts) or submitted after the date are
	// not read at all. A stored instant not in canonical form is read, so the batch names it.
	const alive = sql`and ((profile_submitted_at >= ${life.from} and profile_submitted_at < ${life.to}) or profile_submitted_at not glob ${CANONICAL_GLOB})`;
	const result = await sql<{rows: number; last: string | null; keys: string | null; data: string | null}>`
		select count(*) as rows, max(application_number) as last,
			group_concat(application_number || char(9) || profile_submitted_at, char(10)) as keys,
			group_concat(data, ',') as data
		from (
			select application_number, profile_submitted_at, data from applications
			where status = 'pool' and received_at is null ${range} ${alive}
			order by application_number limit ${PAGE_ROWS}
		)`.execute(db);
	const row = result.rows[0]!;
	return {rows: Number(row.rows), last: row.last, keys: row.keys ?? '', data: row.data ?? ''};
}

/**
 * A batch whose JSON did not parse: finds the first stored application of the batch that does not
 * parse and throws an Error naming it (the store is damaged: exit 70); rethrows `error` when each
 * parses on its own.
 */
async function nameDamaged(db: Kysely<Database>, keys: string, error: DamagedBatchError): Promise<never> {
	const numbers = batchKeys(keys).map((key) => key.number);
	const rows = await db.selectFrom('applications').select(['application_number', 'data']).where('application_number', 'in', numbers).orderBy('application_number').execute();
	for (const row of rows) {
		try {
			JSON.parse(row.data);
		} catch (cause) {
			throw new Error(`stored application ${row.application_number} is damaged: its JSON does not parse (${cause instanceof Error ? cause.message : String(cause)})`);
		}
	}
	throw error;
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
		entries = await session.store.transaction((trx) => rankCandidates(trx, options), {readOnly: true});
		await write(session, {action: 'pool'}, (trx) =>
			recordAudit(trx, session, {action: 'pool', detail: {asOf: options.asOf, program, category, profiles: entries.length}}),
		);
	} else {
		entries = await rankCandidates(source, options);
	}
	return {asOf: options.asOf, program, category, entries, distribution: distributionOf(entries.map((e) => e.crs))};
}
