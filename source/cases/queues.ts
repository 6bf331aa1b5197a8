/**
 * Queues: the lists of received cases an officer works from.
 *
 * Built-in queues (code, not rows):
 * | queue | cases | default order |
 * |---|---|---|
 * | My cases | assigned to me, being worked on (received, in_review, awaiting_info, pending_review) | received, oldest first |
 * | Unassigned | received or in_review, assigned to nobody | received |
 * | Bring-forward due | being worked on, bring-forward date today or earlier | bf |
 * | Awaiting information | awaiting_info | received |
 * | Pending review | pending_review | received |
 * | Decided today | a decision other than rfi/pfl recorded today (officer's local day, `decisions.decided_at`) | received |
 * | All cases | every received case (the listing when no queue is named) | received |
 *
 * Saved queues are rows of `queues`: a name, a query in the filter language (filter.ts), a sort
 * and an optional digit key 0–9. Names and digit keys are unique in the store, so saved queues
 * are shared by the office; the officer who saved one (`owner`), a supervisor or an admin may
 * replace or delete it.
 *
 * Every listing covers received applications only (`received_at` set): pool profiles and
 * invitations are the pool's business (`caips pool`), and the received order needs the date.
 *
 * Paging is keyset pagination (db/keyset.ts), never OFFSET: each sort ends with the application
 * number, so the order is total, and the cursor handed out is opaque text naming the sort it
 * belongs to. Migration 0002 adds the indexes that make a page of a built-in queue in its
 * default order an in-order index range read.
 *
 * Audit: the first page of a listing is audited — `search` when a filter is given (detail
 * {queue, filter, sort, rows, total}), `list` otherwise — in the write transaction that reads it.
 * Following pages (a cursor given) are continuations of that listing and are not audited again:
 * an officer scrolling a 10,000-case queue would otherwise write hundreds of events that tell an
 * auditor nothing the first one does not. Queue counts (`queueCounts`, `listQueues`) are
 * aggregates that show no case and are not audited.
 */
import {expressionBuilder, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool} from 'kysely';
import {decodeCursor, encodeCursor, fetchPage, type ApplicationStatus, type Cursor, type Database, type ProgramCode, type SortDirection, type SortKey} from '../../db/index.js';
import {notClosedCondition, workStatusCondition} from '../../db/migrations/0002_queues.js';
import {dayNumber, fromDayNumber, isRealDate} from '../rules/dates.js';
import {recordAudit} from './audit.js';
import {InvalidError, NotFoundError, PermissionError} from './errors.js';
import {applyFilter, daysSince, describeFilter, filterCondition, localDateOf, localDayStart, namedOfficers, parseFilter, type Filter, type FilterContext} from './filter.js';
import {requireRole, write, type Session} from './session.js';

export {WORK_STATUSES} from '../../db/migrations/0002_queues.js';

/** Columns a queue can be sorted by. */
export const SORT_COLUMNS = ['received', 'crs', 'name', 'status', 'bf', 'number', 'waiting'] as const;

/** One of {@link SORT_COLUMNS}. */
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** A queue's order: a column and a direction. */
export type QueueSort = {column: SortColumn; direction: SortDirection};

/** Sort columns whose values may be NULL (they sort last either way). */
export type NullableSortColumn = 'crs' | 'bf';

/**
 * Direction of each column when none is given: received oldest first, CRS highest first, name
 * A→Z (folded: accents and case ignored), status A→Z, bring-forward soonest first, application
 * number ascending, waiting longest first.
 */
export const DEFAULT_DIRECTIONS: Readonly<Record<SortColumn, SortDirection>> = {
	received: 'asc',
	crs: 'desc',
	name: 'asc',
	status: 'asc',
	bf: 'asc',
	number: 'asc',
	waiting: 'desc',
};

/** Rows per page when none is asked for, and the most a page may hold. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** One case in a queue listing. */
export type QueueEntry = {
	applicationNumber: string;
	familyName: string;
	givenNames: string;
	program: ProgramCode;
	status: ApplicationStatus;
	/** Cached CRS total (as assessed); null when not assessed. */
	crsTotal: number | null;
	/** Instant the e-APR was received (UTC, stored form). */
	receivedAt: string;
	/** Whole days from the local date received to today. */
	daysWaiting: number;
	bringForwardOn: string | null;
	assignedTo: string | null;
	office: string | null;
	/** Case version (optimistic concurrency). */
	version: number;
};

/** A page of a queue. */
export type QueuePage = {
	/** The queue's name as defined (`Unassigned`), or `All cases`. */
	queue: string;
	/** The filter text applied on top of the queue, or null. */
	filter: string | null;
	/** {@link describeFilter} of that filter, or null. */
	filterDescription: string | null;
	sort: QueueSort;
	rows: QueueEntry[];
	/** Opaque cursor for the next page (pass as `after`), or null on the last page. */
	next: string | null;
	/** Cases in the listing; counted on the first page (or when `count` is asked for), else null. */
	total: number | null;
};

/** A queue as listed by {@link listQueues}. */
export type QueueSummary = {
	/** Row id of a saved queue; null for a built-in one. */
	id: number | null;
	name: string;
	/** What the queue holds, in words. */
	description: string;
	/** The query in the filter language (for built-ins, the closest equivalent, for reading). */
	query: string;
	/** Sort text, e.g. `received:asc`. */
	sort: string;
	digitKey: number | null;
	builtIn: boolean;
	/** Officer who saved the queue; null for built-ins. */
	owner: string | null;
	/** Cases in the queue now; null when its stored query no longer parses. */
	count: number | null;
};

/** A queue definition, built-in or saved. */
export type QueueDefinition = {
	id: number | null;
	name: string;
	description: string;
	query: string;
	sort: QueueSort;
	digitKey: number | null;
	owner: string | null;
	builtIn: boolean;
	/** Other names the queue answers to (built-ins: `mine`, `bf`, …). */
	aliases: readonly string[];
	/** Sort columns its conditions keep free of NULLs (Bring-forward due: `bf`), for a seekable keyset order. */
	nonNull: readonly NullableSortColumn[];
	/** The queue's conditions over `applications`; throws InvalidError for a saved query that no longer parses. */
	conditions: (context: FilterContext) => Expression<SqlBool>[];
};

type Eb = ReturnType<typeof expressionBuilder<Database, 'applications'>>;
const eb: Eb = expressionBuilder<Database, 'applications'>();

/** Decision outcomes that ask for something rather than decide: not "decided". */
const NOT_DECIDING = ['rfi', 'pfl'];

function builtIn(
	name: string,
	aliases: string[],
	description: string,
	query: string,
	sort: SortColumn,
	conditions: (context: FilterContext) => Expression<SqlBool>[],
	nonNull: NullableSortColumn[] = [],
): QueueDefinition {
	return {id: null, name, description, query, sort: {column: sort, direction: DEFAULT_DIRECTIONS[sort]}, digitKey: null, owner: null, builtIn: true, aliases, nonNull, conditions};
}

/** The name of the listing over every received case (no queue named). */
export const ALL_CASES = 'All cases';

/** The built-in queues, in display order. */
export const BUILT_IN_QUEUES: readonly QueueDefinition[] = [
	builtIn('My cases', ['mine', 'my'], 'cases assigned to me that are being worked on', 'officer:me status:received,in_review,awaiting_info,pending_review', 'received', (c) => [
		workStatusCondition('applications.status'),
		eb('applications.assigned_to', '=', c.me),
	]),
	builtIn('Unassigned', ['unassigned'], 'received or in review, assigned to nobody', 'officer:none status:received,in_review', 'received', () => [
		workStatusCondition('applications.status'),
		eb('applications.assigned_to', 'is', null),
		eb('applications.status', 'in', ['received', 'in_review']),
	]),
	builtIn('Bring-forward due', ['bf', 'bring forward', 'due'], 'being worked on, bring-forward date today or earlier', 'bf<=today status:received,in_review,awaiting_info,pending_review', 'bf', (c) => [
		// "not closed" rather than "in the working states", so that SQLite reads
		// applications_bring_forward_due in order instead of sorting (see migration 0002).
		notClosedCondition('applications.status'),
		eb('applications.bring_forward_on', '<=', c.today),
	], ['bf']),
	builtIn('Awaiting information', ['awaiting', 'awaiting info', 'rfi'], 'waiting for the applicant (RFI or PFL sent)', 'status:awaiting_info', 'received', () => [
		eb('applications.status', '=', 'awaiting_info'),
	]),
	builtIn('Pending review', ['review', 'pending'], 'decisions waiting for a second officer', 'status:pending_review', 'received', () => [
		eb('applications.status', '=', 'pending_review'),
	]),
	builtIn('Decided today', ['decided', 'today'], 'a decision (not an RFI or PFL) recorded today', '', 'received', (c) => [
		eb(
			'applications.application_number',
			'in',
			eb
				.selectFrom('decisions')
				.select('decisions.application_number')
				.where('decisions.decided_at', '>=', localDayStart(c.today))
				.where('decisions.decided_at', '<', localDayStart(fromDayNumber(dayNumber(c.today) + 1)))
				.where('decisions.outcome', 'not in', NOT_DECIDING),
		),
	]),
	builtIn(ALL_CASES, ['all'], 'every received case', '', 'received', () => []),
];

/** How queue names are compared: case, spacing, `-` and `_` ignored. */
export function queueKey(name: string): string {
	return name.normalize('NFC').toLowerCase().replace(/[\s_-]+/gu, ' ').trim();
}

// ---- sorts ----------------------------------------------------------------------------------

/**
 * Parses a sort: `COL`, `COL:asc|desc`, `COL asc|desc` or `-COL` (descending), COL one of
 * {@link SORT_COLUMNS}; without a direction, the column's default. Throws InvalidError.
 */
export function parseSort(text: string): QueueSort {
	const m = /^\s*(-)?([a-z]+)(?:[:\s]+(asc|desc))?\s*$/i.exec(text);
	const column = m?.[2]?.toLowerCase();
	if (!m || !(SORT_COLUMNS as readonly string[]).includes(column!) || (m[1] && m[3])) {
		throw new InvalidError(`sort ${JSON.stringify(text)}: expected one of ${SORT_COLUMNS.join(', ')}, optionally followed by :asc or :desc`);
	}
	const direction = m[1] ? 'desc' : ((m[3]?.toLowerCase() as SortDirection | undefined) ?? DEFAULT_DIRECTIONS[column as SortColumn]);
	return {column: column as SortColumn, direction};
}

/** The sort as text: `received:asc`. */
export function formatSort(sort: QueueSort): string {
	return `${sort.column}:${sort.direction}`;
}

function checkSort(sort: {column: string; direction?: SortDirection}): QueueSort {
	if (!(SORT_COLUMNS as readonly string[]).includes(sort.column)) return parseSort(sort.column);
	if (sort.direction !== undefined && sort.direction !== 'asc' && sort.direction !== 'desc') {
		throw new InvalidError(`sort direction ${JSON.stringify(sort.direction)}: expected asc or desc`);
	}
	return {column: sort.column as SortColumn, direction: sort.direction ?? DEFAULT_DIRECTIONS[sort.column as SortColumn]};
}

const ENTRY_COLUMNS = [
	'applications.application_number',
	'applications.family_name',
	'applications.given_names',
	'applications.program',
	'applications.status',
	'applications.crs_total',
	'applications.received_at',
	'applications.bring_forward_on',
	'applications.assigned_to',
	'applications.office',
	'applications.version',
	'applications.search_key',
] as const;

/** A row as selected for a listing. */
export type EntryRow = {
	application_number: string;
	family_name: string;
	given_names: string;
	program: ProgramCode;
	status: ApplicationStatus;
	crs_total: number | null;
	received_at: string | null;
	bring_forward_on: string | null;
	assigned_to: string | null;
	office: string | null;
	version: number;
	search_key: string;
};

/**
 * The keyset order of a sort; every order ends with the application number (unique) and runs it
 * the same way as the main column. `name` sorts on the folded search key (family name first, so
 * Côté sorts with Cote); `waiting` is `received` turned around; `received_at` is never NULL in a
 * listing; CRS and bring-forward NULLs sort last either way — unless `nonNull` says the listing
 * holds none, which gives the plain order that an index can seek (db/keyset.ts).
 */
export function sortKeys(sort: QueueSort, nonNull: readonly NullableSortColumn[] = []): SortKey<EntryRow>[] {
	const d = sort.direction;
	const nulls = (column: NullableSortColumn) => (nonNull.includes(column) ? {} : {nulls: 'last' as const});
	const number: SortKey<EntryRow> = {column: 'applications.application_number', key: 'application_number', direction: d};
	switch (sort.column) {
		case 'received':
		case 'waiting': {
			const dir: SortDirection = sort.column === 'received' ? d : d === 'asc' ? 'desc' : 'asc';
			return [
				{column: 'applications.received_at', key: 'received_at', direction: dir},
				{...number, direction: dir},
			];
		}
		case 'crs':
			return [{column: 'applications.crs_total', key: 'crs_total', direction: d, ...nulls('crs')}, number];
		case 'name':
			return [{column: 'applications.search_key', key: 'search_key', direction: d}, number];
		case 'status':
			return [{column: 'applications.status', key: 'status', direction: d}, {column: 'applications.received_at', key: 'received_at', direction: d}, number];
		case 'bf':
			return [{column: 'applications.bring_forward_on', key: 'bring_forward_on', direction: d, ...nulls('bf')}, number];
		case 'number':
			return [number];
	}
}

function encodePageCursor(sort: QueueSort, cursor: Cursor): string {
	return encodeCursor([formatSort(sort), ...cursor]);
}

function decodePageCursor(text: string, sort: QueueSort, keys: number): Cursor {
	let values: Cursor;
	try {
		values = decodeCursor(text);
	} catch {
		throw new InvalidError(`page cursor ${JSON.stringify(text.slice(0, 40))} is malformed: start again from the first page`);
	}
	if (values[0] !== formatSort(sort) || values.length !== keys + 1) {
		throw new InvalidError(`page cursor belongs to another order than ${formatSort(sort)}: start again from the first page`);
	}
	return values.slice(1);
}

// ---- queue definitions ------------------------------------------------------------------------

/** Sort columns a filter keeps free of NULLs: any comparison on CRS or the bring-forward date. */
export function nonNullOf(filter: Filter | null): NullableSortColumn[] {
	const keys = new Set(filter?.terms.map((t) => t.key) ?? []);
	return (['crs', 'bf'] as const).filter((k) => keys.has(k));
}

function safeParse(query: string): Filter | null {
	try {
		return parseFilter(query);
	} catch {
		return null;
	}
}

type QueuesDb = Pick<Kysely<Database>, 'selectFrom'>;

function savedDefinition(row: {id: number; name: string; query: string; sort: string; digit_key: number | null; owner: string | null}): QueueDefinition {
	let sort: QueueSort;
	try {
		sort = parseSort(row.sort);
	} catch {
		sort = {column: 'received', direction: 'asc'};
	}
	return {
		id: row.id,
		name: row.name,
		description: `saved queue: ${row.query || 'every received case'}`,
		query: row.query,
		sort,
		digitKey: row.digit_key,
		owner: row.owner,
		builtIn: false,
		aliases: [],
		nonNull: nonNullOf(safeParse(row.query)),
		conditions: (context) => {
			let filter: Filter;
			try {
				filter = parseFilter(row.query);
			} catch (error) {
				throw new InvalidError(`saved queue "${row.name}" has a query that no longer reads (${(error as Error).message}): save it again`);
			}
			return filter.terms.length === 0 ? [] : [filterCondition(filter, context)];
		},
	};
}

/** Every queue: the built-ins, then the saved ones by name. */
export async function queueDefinitions(db: QueuesDb): Promise<QueueDefinition[]> {
	const saved = await db.selectFrom('queues').select(['id', 'name', 'query', 'sort', 'digit_key', 'owner']).orderBy('name').orderBy('id').execute();
	return [...BUILT_IN_QUEUES, ...saved.map(savedDefinition)];
}

/**
 * The queue called `name` (compared by {@link queueKey}; built-in aliases such as `mine` and
 * `bf` accepted); no name: {@link ALL_CASES}. NotFoundError (exit 65) lists the queues there are.
 */
export async function findQueue(db: QueuesDb, name: string | null | undefined): Promise<QueueDefinition> {
	const all = await queueDefinitions(db);
	if (name === undefined || name === null || name.trim() === '') return all.find((q) => q.name === ALL_CASES)!;
	const key = queueKey(name);
	const found = all.find((q) => queueKey(q.name) === key) ?? all.find((q) => q.aliases.includes(key));
	if (!found) throw new NotFoundError(`no queue named ${JSON.stringify(name)}; queues: ${all.map((q) => q.name).join(', ')}`);
	return found;
}

/** Most officers an unknown-officer error lists. */
export const KNOWN_OFFICERS_SHOWN = 10;

/** How much `name` looks like `typed`: 0 same but for case, 1 one begins the other, 2 one holds the other, 3 neither. */
function likeness(name: string, typed: string): number {
	const a = name.toLowerCase();
	const b = typed.toLowerCase();
	return a === b ? 0 : a.startsWith(b) || b.startsWith(a) ? 1 : a.includes(b) || b.includes(a) ? 2 : 3;
}

/**
 * Checks that every officer the filter names (`officer:jdoe`; `me` and `none` need no check) is
 * an officer of the store, active or deactivated (their cases stay assigned to them): a name that
 * is no officer's would match no case without a word. Reads `officers` only when a name is given.
 *
 * Throws NotFoundError (65), one line: `no officer "nobody" (known: alice, bob)` — at most
 * {@link KNOWN_OFFICERS_SHOWN} names, those most like the one typed first (the same but for case,
 * then sharing a beginning, then the rest by name), then `and N more` when there are more.
 */
export async function checkFilterOfficers(db: QueuesDb, filter: Filter | null): Promise<void> {
	const names = filter ? namedOfficers(filter) : [];
	if (names.length === 0) return;
	const found = await db.selectFrom('officers').select('user_name').where('user_name', 'in', names).execute();
	const known = new Set(found.map((row) => row.user_name));
	const missing = names.find((name) => !known.has(name));
	if (missing === undefined) return;
	const all = (await db.selectFrom('officers').select('user_name').orderBy('user_name').execute()).map((row) => row.user_name);
	const ranked = all.map((name) => ({name, rank: likeness(name, missing)})).sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	const shown = ranked.slice(0, KNOWN_OFFICERS_SHOWN).map((o) => o.name);
	const more = all.length - shown.length;
	throw new NotFoundError(`no officer ${JSON.stringify(missing)} (known: ${shown.join(', ')}${more > 0 ? `, and ${more} more` : ''})`);
}

/**
 * A select over `applications` narrowed to a queue (and a filter on top): received cases only,
 * the queue's conditions, the filter's. Exported for the plan tests and the benchmark.
 */
export function queueSelection(db: Pick<Kysely<Database>, 'selectFrom'>, queue: QueueDefinition, filter: Filter | null, context: FilterContext): SelectQueryBuilder<Database, 'applications', {}> {
	let qb = db.selectFrom('applications').where('applications.received_at', 'is not', null);
	for (const condition of queue.conditions(context)) qb = qb.where(condition);
	return filter ? applyFilter(qb, filter, context) : qb;
}

/** The select of a queue's listing rows, before keyset paging (db/keyset.ts adds order, cursor and limit). */
export function queuePageQuery(
	db: Pick<Kysely<Database>, 'selectFrom'>,
	queue: QueueDefinition,
	filter: Filter | null,
	context: FilterContext,
): SelectQueryBuilder<Database, 'applications', EntryRow> {
	return queueSelection(db, queue, filter, context).select(ENTRY_COLUMNS) as SelectQueryBuilder<Database, 'applications', EntryRow>;
}

/** A listing row as the officer sees it. */
export function toEntry(row: EntryRow, today: string): QueueEntry {
	return {
		applicationNumber: row.application_number,
		familyName: row.family_name,
		givenNames: row.given_names,
		program: row.program,
		status: row.status,
		crsTotal: row.crs_total,
		receivedAt: row.received_at ?? '',
		daysWaiting: row.received_at ? daysSince(row.received_at, today) : 0,
		bringForwardOn: row.bring_forward_on,
		assignedTo: row.assigned_to,
		office: row.office,
		version: row.version,
	};
}

async function countOf(db: QueuesDb, queue: QueueDefinition, filter: Filter | null, context: FilterContext): Promise<number> {
	const row = await queueSelection(db, queue, filter, context)
		.select((e) => e.fn.countAll().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** Today's local date: the option if given, else the local date of the session's clock. */
function todayOf(session: Session, today: string | undefined): string {
	if (today === undefined) return localDateOf(session.now());
	if (!isRealDate(today)) throw new InvalidError(`today ${JSON.stringify(today)} is not a calendar date (YYYY-MM-DD)`);
	return today;
}

/** Options of {@link listQueue}. */
export type ListQueueOptions = {
	/** Queue name (case-insensitive; built-in aliases accepted); absent: all received cases. */
	queue?: string | null;
	/** Filter-language text applied on top of the queue. */
	filter?: string | null;
	/** Order; default: the queue's. A column without a direction takes the column's default. */
	sort?: {column: SortColumn | string; direction?: SortDirection} | string | null;
	/** Rows per page, 1–1000 (default 50). */
	limit?: number;
	/** Cursor from the previous page's `next`; absent for the first page. */
	after?: string | null;
	/** Count the whole listing (default: on the first page only). */
	count?: boolean;
	/** Today's local date `YYYY-MM-DD` (default: from the session's clock). */
	today?: string;
};

/**
 * One page of a queue, optionally narrowed by a filter, in keyset order.
 *
 * `total` is counted on the first page (or when `count` is true) and is null otherwise: counting
 * reads every matching index entry, which the pages themselves never do. Page and count come
 * from one read snapshot; then the first page is audited (`search` with a filter, else `list`)
 * in a short write transaction, before the rows are returned — so the write lock is not held
 * while a large queue is counted. Later pages are not audited (see the module notes).
 *
 * Throws NotFoundError (no such queue, listing the known ones; an officer named in the filter who
 * is not one of the store's, see {@link checkFilterOfficers}) and InvalidError (bad filter, sort,
 * limit or cursor) — exit 65 both. Nothing is audited then.
 */
export async function listQueue(session: Session, options: ListQueueOptions = {}): Promise<QueuePage> {
	const today = todayOf(session, options.today);
	const context: FilterContext = {me: session.actor.userName, today};
	const filterText = options.filter?.trim() ? options.filter.trim() : null;
	const filter = filterText ? parseFilter(filterText) : null;
	const limit = options.limit ?? DEFAULT_PAGE_SIZE;
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
		throw new InvalidError(`limit ${limit}: expected a whole number of rows from 1 to ${MAX_PAGE_SIZE}`);
	}
	const requested = options.sort ? (typeof options.sort === 'string' ? parseSort(options.sort) : checkSort(options.sort)) : null;
	const firstPage = !options.after;
	const count = options.count ?? firstPage;

	const read = async (db: QueuesDb) => {
		const queue = await findQueue(db, options.queue);
		await checkFilterOfficers(db, filter);
		const sort = requested ?? queue.sort;
		const keys = sortKeys(sort, [...queue.nonNull, ...nonNullOf(filter)]);
		const after = options.after ? decodePageCursor(options.after, sort, keys.length) : null;
		const page = await fetchPage(queuePageQuery(db, queue, filter, context), {sort: keys, after, limit});
		const total = count ? await countOf(db, queue, filter, context) : null;
		const result: QueuePage = {
			queue: queue.name,
			filter: filterText,
			filterDescription: filter ? describeFilter(filter) : null,
			sort,
			rows: page.rows.map((row) => toEntry(row, today)),
			next: page.next ? encodePageCursor(sort, page.next) : null,
			total,
		};
		return result;
	};

	// Page and count from one snapshot; no write lock is held while reading.
	const result = count ? await session.store.transaction(read, {readOnly: true}) : await read(session.store.db);
	if (firstPage) {
		const action = filter ? 'search' : 'list';
		await write(session, {action}, (trx) =>
			recordAudit(trx, session, {
				action,
				detail: {queue: result.queue, ...(filterText ? {filter: filterText} : {}), sort: formatSort(result.sort), rows: result.rows.length, total: result.total},
			}),
		);
	}
	return result;
}

/**
 * The number of cases in each queue now (built-ins, then saved queues), read in one snapshot.
 * A saved queue whose stored query no longer parses counts null. Not audited (no case is shown).
 */
export async function queueCounts(session: Session, options: {today?: string} = {}): Promise<Array<{name: string; count: number | null}>> {
	const summaries = await listQueues(session, options);
	return summaries.map((q) => ({name: q.name, count: q.count}));
}

/** Every queue with its definition and current count (built-ins first, then saved ones by name). */
export async function listQueues(session: Session, options: {today?: string} = {}): Promise<QueueSummary[]> {
	const today = todayOf(session, options.today);
	const context: FilterContext = {me: session.actor.userName, today};
	return session.store.transaction(
		async (trx) => {
			const queues = await queueDefinitions(trx);
			// Every count in one statement (one round trip to the store, not one per queue); a saved
			// queue whose query no longer parses counts null.
			const counts = queues.map((queue) => {
				try {
					return queueSelection(trx, queue, null, context).select((e) => e.fn.countAll().as('n'));
				} catch (error) {
					if (!(error instanceof InvalidError)) throw error;
					return null;
				}
			});
			const counted = counts.flatMap((query, i) => (query ? [query.as(`q${i}`)] : []));
			const row: Record<string, unknown> = counted.length > 0 ? await trx.selectNoFrom(counted).executeTakeFirstOrThrow() : {};
			const out: QueueSummary[] = [];
			for (const [i, queue] of queues.entries()) {
				const count = counts[i] ? Number(row[`q${i}`]) : null;
				out.push({
					id: queue.id,
					name: queue.name,
					description: queue.description,
					query: queue.query,
					sort: formatSort(queue.sort),
					digitKey: queue.digitKey,
					builtIn: queue.builtIn,
					owner: queue.owner,
					count,
				});
			}
			return out;
		},
		{readOnly: true},
	);
}

// ---- saved queues ------------------------------------------------------------------------------

/** What {@link saveQueue} takes. */
export type SaveQueueInput = {
	name: string;
	/** Filter-language text (may be empty: every received case). */
	query: string;
	/** Sort text (`crs:desc`) or object; default `received:asc`. */
	sort?: {column: SortColumn | string; direction?: SortDirection} | string | null;
	/** Digit 0–9 that opens the queue, or null/absent for none. */
	digitKey?: number | null;
	/** Replace the saved queue of that name if there is one (default false: refused, {@link QueueExistsError}). */
	replace?: boolean;
};

/** {@link saveQueue} was asked for a name a saved queue already has, without `replace` (exit 65). */
export class QueueExistsError extends InvalidError {
	/** The saved queue's name as stored. */
	readonly existing: string;

	/** Creates the error naming the saved queue and who saved it. */
	constructor(existing: string, owner: string | null) {
		super(`a saved queue named ${JSON.stringify(existing)} exists already${owner ? ` (saved by ${owner})` : ''}; choose another name or replace it`);
		this.name = 'QueueExistsError';
		this.existing = existing;
	}
}

/** A saved queue as stored. */
export type SavedQueue = {id: number; name: string; query: string; sort: string; digitKey: number | null; owner: string | null};

/** Longest queue name, in characters. */
export const QUEUE_NAME_MAX = 40;
const MANAGERS = ['supervisor', 'admin'] as const;

/** A queue name as the store keeps it: NFC, trimmed, runs of spaces as one. */
export function cleanQueueName(name: string): string {
	return name.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

function checkQueueName(name: string): string {
	const trimmed = cleanQueueName(name);
	if (trimmed === '') throw new InvalidError('queue name: must not be empty');
	if (/[\p{Cc}\p{Cf}]/u.test(trimmed)) throw new InvalidError(`queue name ${JSON.stringify(trimmed)}: control or formatting characters are not allowed`);
	if ([...trimmed].length > QUEUE_NAME_MAX) throw new InvalidError(`queue name ${JSON.stringify(trimmed)}: at most ${QUEUE_NAME_MAX} characters`);
	const key = queueKey(trimmed);
	const clash = BUILT_IN_QUEUES.find((q) => queueKey(q.name) === key || q.aliases.includes(key));
	if (clash) throw new InvalidError(`queue name ${JSON.stringify(trimmed)}: taken by the built-in queue "${clash.name}"; choose another`);
	return trimmed;
}

function mayManage(session: Session, owner: string | null): boolean {
	return owner === session.actor.userName || MANAGERS.some((role) => session.actor.roles.has(role));
}

/**
 * Saves a queue (shared with the office), or, with `replace`, replaces the saved queue of that
 * name (compared by {@link queueKey}). The query is checked as when it is typed as a filter: it
 * must parse, and every officer it names (`officer:USER`) must be one of the store's; the name
 * must not be a built-in's; the digit key, if any, must be 0–9 and not open another queue.
 * Replacing someone else's queue needs the supervisor or admin role. Audited as `queue-save`.
 *
 * Throws InvalidError (65) for a bad name, query, sort or digit key, QueueExistsError (65) for a
 * name taken without `replace`, NotFoundError (65) for an unknown officer in the query (the
 * message lists known ones, see {@link checkFilterOfficers}); PermissionError (77).
 */
export async function saveQueue(session: Session, input: SaveQueueInput): Promise<SavedQueue & {replaced: boolean}> {
	requireRole(session.actor, ['officer', 'supervisor', 'admin'], 'saving a queue');
	const name = checkQueueName(input.name);
	const query = input.query.trim();
	const filter = query === '' ? null : parseFilter(query);
	const sort = input.sort ? (typeof input.sort === 'string' ? parseSort(input.sort) : checkSort(input.sort)) : {column: 'received' as const, direction: 'asc' as const};
	const digitKey = input.digitKey ?? null;
	if (digitKey !== null && (!Number.isInteger(digitKey) || digitKey < 0 || digitKey > 9)) {
		throw new InvalidError(`digit key ${JSON.stringify(digitKey)}: expected a digit 0–9`);
	}
	return write(session, {action: 'queue-save'}, async (trx) => {
		const saved = await trx.selectFrom('queues').select(['id', 'name', 'digit_key', 'owner']).execute();
		const existing = saved.find((q) => queueKey(q.name) === queueKey(name));
		if (existing && input.replace !== true) throw new QueueExistsError(existing.name, existing.owner);
		if (existing && !mayManage(session, existing.owner)) {
			throw new PermissionError(`queue "${existing.name}" was saved by ${existing.owner ?? 'nobody'}; replacing it needs the supervisor or admin role`);
		}
		await checkFilterOfficers(trx, filter);
		const digitTaken = digitKey === null ? undefined : saved.find((q) => q.digit_key === digitKey && q.id !== existing?.id);
		if (digitTaken) throw new InvalidError(`digit key ${digitKey} already opens queue "${digitTaken.name}"; choose another digit or none`);
		const values = {name, query, sort: formatSort(sort), digit_key: digitKey};
		let id: number;
		let owner: string | null;
		if (existing) {
			await trx.updateTable('queues').set(values).where('id', '=', existing.id).execute();
			id = existing.id;
			owner = existing.owner;
		} else {
			owner = session.actor.userName;
			const inserted = await trx.insertInto('queues').values({...values, owner}).returning('id').executeTakeFirstOrThrow();
			id = inserted.id;
		}
		await recordAudit(trx, session, {action: 'queue-save', detail: {name, query, sort: values.sort, digitKey, replaced: existing !== undefined}});
		return {id, name, query, sort: values.sort, digitKey, owner, replaced: existing !== undefined};
	});
}

/**
 * Deletes the saved queue called `name` (compared by {@link queueKey}). Built-in queues cannot be
 * deleted (InvalidError); an unknown name is NotFoundError; someone else's queue needs the
 * supervisor or admin role (PermissionError). Audited as `queue-delete`.
 */
export async function deleteQueue(session: Session, name: string): Promise<void> {
	requireRole(session.actor, ['officer', 'supervisor', 'admin'], 'deleting a queue');
	const key = queueKey(name);
	const builtInQueue = BUILT_IN_QUEUES.find((q) => queueKey(q.name) === key || q.aliases.includes(key));
	if (builtInQueue) throw new InvalidError(`queue "${builtInQueue.name}" is built in and cannot be deleted`);
	await write(session, {action: 'queue-delete'}, async (trx) => {
		const saved = await trx.selectFrom('queues').select(['id', 'name', 'query', 'owner']).execute();
		const existing = saved.find((q) => queueKey(q.name) === key);
		if (!existing) throw new NotFoundError(`no saved queue named ${JSON.stringify(name)}`);
		if (!mayManage(session, existing.owner)) {
			throw new PermissionError(`queue "${existing.name}" was saved by ${existing.owner ?? 'nobody'}; deleting it needs the supervisor or admin role`);
		}
		await trx.deleteFrom('queues').where('id', '=', existing.id).execute();
		await recordAudit(trx, session, {action: 'queue-delete', detail: {name: existing.name, query: existing.query}});
	});
}
