/**
 * Keyset pagination: the one helper every list uses.
 *
 * A page is "the next `limit` rows after the last row seen, in this order". The order is a list
 * of sort keys whose last key is unique (the primary key), so the order is total and a cursor (the
 * last row's key values) pins an exact position: no OFFSET scan, no rows skipped or repeated when
 * rows are added meanwhile, ties in the leading keys handled.
 *
 * The WHERE clause is a row-value comparison `(a, b) > (?, ?)` when every key runs the same way
 * and none is nullable (SQLite and PostgreSQL both use an index for it), and otherwise the
 * expanded form `a >= ? AND (a > ? OR (a = ? AND b < ?) OR …)`, which handles mixed directions and
 * NULLs (the redundant `a >= ?` lets SQLite seek the index).
 */
import {sql, type Expression, type SelectQueryBuilder, type SqlBool} from 'kysely';

/** Sort direction of one key. */
export type SortDirection = 'asc' | 'desc';

/** One key of a keyset order. */
export interface SortKey<O = any> {
	/** Column reference as written in SQL, e.g. `applications.received_at` or `received_at`. */
	column: string;
	/** Property of the selected row that holds the key's value; default: the column's last segment. */
	key?: keyof O & string;
	/** Default `asc`. */
	direction?: SortDirection;
	/**
	 * Set for a column that may hold NULL: NULLs then sort explicitly first or last (`NULLS
	 * FIRST|LAST`, the same in SQLite and PostgreSQL). Leave unset for NOT NULL columns: the plain
	 * order keeps SQLite's index usable.
	 */
	nulls?: 'first' | 'last';
}

/** The key values of the last row of a page, in sort-key order. */
export type Cursor = readonly unknown[];

/** Options of {@link keysetPage} and {@link fetchPage}. */
export interface KeysetOptions<O> {
	/** The order; the last key must be unique (e.g. the primary key). */
	sort: readonly SortKey<O>[];
	/** Cursor of the last row of the previous page; absent or null for the first page. */
	after?: Cursor | null;
	/** Rows per page (a positive integer). */
	limit: number;
}

/** One page from {@link fetchPage}. */
export interface Page<O> {
	/** The rows, at most `limit`. */
	rows: O[];
	/** Cursor for the next page, or null when this is the last page. */
	next: Cursor | null;
}

type Comparison = Expression<SqlBool> | false;

function keyName<O>(k: SortKey<O>): string {
	return k.key ?? k.column.slice(k.column.lastIndexOf('.') + 1);
}

/** `col` strictly after `value` in this key's order (false when nothing can be). */
function after(k: SortKey, value: unknown): Comparison {
	const col = sql.ref(k.column);
	const desc = k.direction === 'desc';
	if (value === null || value === undefined) {
		if (!k.nulls) throw new TypeError(`keyset cursor holds NULL for ${k.column}, which is not declared nullable`);
		return k.nulls === 'first' ? sql<SqlBool>`${col} is not null` : false;
	}
	const strict = desc ? sql<SqlBool>`${col} < ${value}` : sql<SqlBool>`${col} > ${value}`;
	return k.nulls === 'last' ? sql<SqlBool>`(${strict} or ${col} is null)` : strict;
}

/** `col` equal to `value` (NULL-aware). */
function equal(k: SortKey, value: unknown): Expression<SqlBool> {
	const col = sql.ref(k.column);
	return value === null || value === undefined ? sql<SqlBool>`${col} is null` : sql<SqlBool>`${col} = ${value}`;
}

/** The WHERE condition selecting rows strictly after `cursor` in `sort` order; `false` when none can be. */
export function keysetCondition(sort: readonly SortKey[], cursor: Cursor): Expression<SqlBool> | false {
	if (cursor.length !== sort.length) {
		throw new TypeError(`keyset cursor has ${cursor.length} values for ${sort.length} sort keys`);
	}
	const uniform = sort.every((k) => !k.nulls && (k.direction ?? 'asc') === (sort[0]!.direction ?? 'asc'));
	if (uniform && sort.length > 1) {
		const cols = sql.join(sort.map((k) => sql.ref(k.column)));
		const vals = sql.join(cursor.map((v) => sql`${v}`));
		for (const [i, v] of cursor.entries()) {
			if (v === null || v === undefined) throw new TypeError(`keyset cursor holds NULL for ${sort[i]!.column}, which is not declared nullable`);
		}
		return sort[0]!.direction === 'desc' ? sql<SqlBool>`(${cols}) < (${vals})` : sql<SqlBool>`(${cols}) > (${vals})`;
	}
	const terms: Expression<SqlBool>[] = [];
	for (let i = 0; i < sort.length; i++) {
		const gt = after(sort[i]!, cursor[i]);
		if (gt === false) continue;
		const prefix = sort.slice(0, i).map((k, j) => equal(k, cursor[j]));
		terms.push(prefix.length === 0 ? gt : sql<SqlBool>`(${sql.join([...prefix, gt], sql` and `)})`);
	}
	if (terms.length === 0) return false;
	if (terms.length === 1) return terms[0]!;
	const disjunction = sql<SqlBool>`(${sql.join(terms, sql` or `)})`;
	// A redundant bound on the first key (`a >= ?`), so that SQLite can seek the index: it
	// cannot see that the `a > ?` and `a = ?` parameters above hold the same value.
	const first = sort[0]!;
	if (first.nulls || cursor[0] === null || cursor[0] === undefined) return disjunction;
	const col = sql.ref(first.column);
	const bound = first.direction === 'desc' ? sql<SqlBool>`${col} <= ${cursor[0]}` : sql<SqlBool>`${col} >= ${cursor[0]}`;
	return sql<SqlBool>`(${bound} and ${disjunction})`;
}

/**
 * Adds keyset pagination to a select: the WHERE condition for rows after `after` (if given),
 * ORDER BY the sort keys, and LIMIT `limit`. Generic over any Kysely select.
 *
 * ```ts
 * const sort = [{column: 'received_at'}, {column: 'application_number'}];
 * const rows = await keysetPage(db.selectFrom('applications').selectAll(), {sort, after, limit: 50}).execute();
 * const next = cursorOf(rows.at(-1)!, sort);
 * ```
 */
export function keysetPage<DB, TB extends keyof DB, O>(
	qb: SelectQueryBuilder<DB, TB, O>,
	options: KeysetOptions<O>,
): SelectQueryBuilder<DB, TB, O> {
	const {sort, after: cursor, limit} = options;
	if (sort.length === 0) throw new TypeError('keyset pagination needs at least one sort key');
	if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`keyset page limit must be a positive integer, not ${limit}`);
	let q = qb;
	if (cursor) {
		const cond = keysetCondition(sort, cursor);
		q = q.where(cond === false ? sql<SqlBool>`1 = 0` : cond);
	}
	for (const k of sort) {
		const dir = k.direction ?? 'asc';
		q = k.nulls
			? q.orderBy(sql.ref(k.column), (ob) => {
					const d = dir === 'desc' ? ob.desc() : ob.asc();
					return k.nulls === 'first' ? d.nullsFirst() : d.nullsLast();
				})
			: q.orderBy(sql.ref(k.column), dir);
	}
	return q.limit(limit);
}

/** The cursor of a row: its values for the sort keys (each key's `key`, or the column's last segment). */
export function cursorOf<O>(row: O, sort: readonly SortKey<O>[]): Cursor {
	return sort.map((k) => {
		const name = keyName(k);
		if (!(name in (row as object))) throw new TypeError(`row has no property ${name} for sort key ${k.column}`);
		return (row as Record<string, unknown>)[name];
	});
}

/**
 * Runs {@link keysetPage} and returns the page with the cursor of the next one (null on the last
 * page). Fetches one extra row to know whether another page exists.
 */
export async function fetchPage<DB, TB extends keyof DB, O>(
	qb: SelectQueryBuilder<DB, TB, O>,
	options: KeysetOptions<O>,
): Promise<Page<O>> {
	const rows = await keysetPage(qb, {...options, limit: options.limit + 1}).execute();
	const more = rows.length > options.limit;
	const page = (more ? rows.slice(0, options.limit) : rows) as O[];
	return {rows: page, next: more ? cursorOf(page[page.length - 1]!, options.sort) : null};
}

/** Encodes a cursor as an opaque URL-safe string (for the CLI's `--after`). */
export function encodeCursor(cursor: Cursor): string {
	return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor}; throws TypeError for anything else. */
export function decodeCursor(text: string): Cursor {
	let value: unknown;
	try {
		value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
	} catch {
		throw new TypeError('malformed page cursor');
	}
	if (!Array.isArray(value) || value.some((v) => v !== null && !['string', 'number', 'boolean'].includes(typeof v))) {
		throw new TypeError('malformed page cursor');
	}
	return value;
}
