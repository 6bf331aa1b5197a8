/**
 * Kysely driver and connection for the `sqlite3` npm package (node-sqlite3).
 *
 * One connection per process, handed out by a FIFO mutex. Write transactions start with
 * `BEGIN IMMEDIATE`, so the write lock is taken up front and a transaction never fails half-way
 * for want of it (in WAL mode a deferred transaction that later writes can fail with
 * `SQLITE_BUSY` at once, without the busy handler being consulted).
 */
import {AsyncLocalStorage} from 'node:async_hooks';
import sqlite3 from 'sqlite3';
import {
	CompiledQuery,
	createQueryId,
	DeleteQueryNode,
	IdentifierNode,
	InsertQueryNode,
	RawNode,
	SelectQueryNode,
	UpdateQueryNode,
	type DatabaseConnection,
	type Driver,
	type QueryCompiler,
	type QueryResult,
	type TransactionSettings,
} from 'kysely';
import {Mutex} from './mutex.js';

/** A value node-sqlite3 binds faithfully. */
export type SqliteValue = string | number | Buffer | null;

/**
 * Thrown when code that already holds the store's one connection (inside `store.transaction`)
 * asks for it again, e.g. by querying `store.db` instead of the transaction handle. Without this
 * check the second request would wait for the first forever.
 */
export class ConnectionReentryError extends Error {
	/** Creates the error with an explanatory message. */
	constructor() {
		super(
			'the store connection is already held by this transaction: query through the transaction handle, not store.db',
		);
		this.name = 'ConnectionReentryError';
	}
}

/** Configuration of {@link Sqlite3Driver}. */
export interface Sqlite3DriverConfig {
	/** The open node-sqlite3 database, or a function that opens it on `init()`. */
	database: sqlite3.Database | (() => Promise<sqlite3.Database>);
	/** Called once with the connection right after `init()` (e.g. to set pragmas). */
	onCreateConnection?: (connection: DatabaseConnection) => Promise<void>;
	/** Prepared statements kept for reuse (default {@link DEFAULT_STATEMENT_CACHE_SIZE}; 0 disables). */
	statementCacheSize?: number;
}

type ScopeToken = {holds: boolean};

/** Promise wrappers over the callback API of one node-sqlite3 database handle. */
function all(db: sqlite3.Database, sql: string, params: SqliteValue[]): Promise<unknown[]> {
	return new Promise((resolve, reject) => {
		db.all(sql, params, (err: Error | null, rows: unknown[]) => (err ? reject(annotate(err, sql)) : resolve(rows)));
	});
}

function run(db: sqlite3.Database, sql: string, params: SqliteValue[]): Promise<{changes: number; lastID: number}> {
	return new Promise((resolve, reject) => {
		db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
			if (err) reject(annotate(err, sql));
			else resolve({changes: this.changes, lastID: this.lastID});
		});
	});
}

/** Attaches the SQL text to a driver error (non-enumerable, for debugging) and gives it a stack from here. */
function annotate(err: Error, sql: string): Error {
	Object.defineProperty(err, 'sql', {value: sql, enumerable: false, configurable: true});
	if (!err.stack || !err.stack.includes('\n')) Error.captureStackTrace?.(err, annotate);
	return err;
}

/**
 * Converts one query parameter to a value node-sqlite3 binds without surprises. node-sqlite3
 * silently binds a `bigint` as NULL and a `Date` as a float of milliseconds; both are refused or
 * converted here. Instants and dates must be encoded with `db/codec.ts` before they reach SQL.
 */
export function toSqliteValue(value: unknown): SqliteValue {
	if (value === null || value === undefined) return null;
	switch (typeof value) {
		case 'string':
			return value;
		case 'number':
			if (Number.isNaN(value)) throw new TypeError('cannot bind NaN to an SQL parameter');
			return value;
		case 'boolean':
			return value ? 1 : 0;
		case 'bigint':
			if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
				throw new RangeError(`bigint ${value} is outside the safe integer range`);
			}
			return Number(value);
		default:
			break;
	}
	if (Buffer.isBuffer(value)) return value;
	if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
	if (value instanceof Date) {
		throw new TypeError('a JS Date was handed to the SQL driver: encode it with encodeInstant/encodeDate from db/codec.ts');
	}
	throw new TypeError(
		`cannot bind a ${Object.prototype.toString.call(value)} to an SQL parameter: encode it first (encodeJson in db/codec.ts)`,
	);
}

const LEADING_COMMENTS = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/;
const ROW_STATEMENT = /^(?:select|with|pragma|values|explain)\b/i;
const RETURNING = /\breturning\b/i;
const INSERT_STATEMENT = /^(?:insert|replace)\b/i;

/** How a compiled query is to be executed: `all` when it can return rows, `run` otherwise. */
function classify(compiled: CompiledQuery): {rows: boolean; dml: boolean; insert: boolean} {
	const q = compiled.query;
	if (SelectQueryNode.is(q)) return {rows: true, dml: false, insert: false};
	if (InsertQueryNode.is(q)) return {rows: q.returning !== undefined, dml: true, insert: true};
	if (UpdateQueryNode.is(q) || DeleteQueryNode.is(q)) return {rows: q.returning !== undefined, dml: true, insert: false};
	const text = compiled.sql.replace(LEADING_COMMENTS, '');
	if (RawNode.is(q) || !q) {
		const insert = INSERT_STATEMENT.test(text);
		const returning = RETURNING.test(text);
		return {rows: ROW_STATEMENT.test(text) || returning, dml: returning && !ROW_STATEMENT.test(text), insert};
	}
	// Schema statements (create table, create index, …).
	return {rows: false, dml: false, insert: false};
}

/** Raw statements that never return rows and finish in one step: safe to run from the statement cache. */
const ONE_STEP_STATEMENT = /^(?:insert|update|delete|replace|begin|commit|end|rollback|savepoint|release)\b/i;

/** Default number of prepared statements a connection keeps for reuse. */
export const DEFAULT_STATEMENT_CACHE_SIZE = 200;

/**
 * One node-sqlite3 database handle seen as a Kysely {@link DatabaseConnection}.
 *
 * Prepared statements are kept in a small LRU cache keyed by SQL text (preparing costs about as
 * much as running a simple statement). Only statements that always run to completion are cached
 * — anything read with `all`, and DML / transaction control — so a cached statement never keeps
 * a read transaction open.
 */
export class Sqlite3Connection implements DatabaseConnection {
	/** The underlying node-sqlite3 handle. */
	readonly handle: sqlite3.Database;
	readonly #cache = new Map<string, sqlite3.Statement>();
	readonly #cacheSize: number;

	/** Wraps an open node-sqlite3 handle; `statementCacheSize` 0 disables statement reuse. */
	constructor(handle: sqlite3.Database, statementCacheSize = DEFAULT_STATEMENT_CACHE_SIZE) {
		this.handle = handle;
		this.#cacheSize = Math.max(0, Math.floor(statementCacheSize));
	}

	/** Number of prepared statements currently cached. */
	get cachedStatements(): number {
		return this.#cache.size;
	}

	async #statement(sql: string): Promise<sqlite3.Statement> {
		const hit = this.#cache.get(sql);
		if (hit) {
			this.#cache.delete(sql);
			this.#cache.set(sql, hit);
			return hit;
		}
		const stmt = await new Promise<sqlite3.Statement>((resolve, reject) => {
			const st = this.handle.prepare(sql, (err: Error | null) => (err ? reject(annotate(err, sql)) : resolve(st)));
		});
		this.#cache.set(sql, stmt);
		if (this.#cache.size > this.#cacheSize) {
			const [oldest, old] = this.#cache.entries().next().value!;
			this.#cache.delete(oldest);
			old.finalize();
		}
		return stmt;
	}

	async #all(sql: string, params: SqliteValue[]): Promise<unknown[]> {
		if (this.#cacheSize === 0) return all(this.handle, sql, params);
		const stmt = await this.#statement(sql);
		return new Promise((resolve, reject) => {
			stmt.all(params, (err: Error | null, rows: unknown[]) => (err ? reject(annotate(err, sql)) : resolve(rows)));
		});
	}

	async #run(sql: string, params: SqliteValue[], cacheable: boolean): Promise<{changes: number; lastID: number}> {
		if (this.#cacheSize === 0 || !cacheable) return run(this.handle, sql, params);
		const stmt = await this.#statement(sql);
		return new Promise((resolve, reject) => {
			stmt.run(params, function (this: sqlite3.RunResult, err: Error | null) {
				if (err) reject(annotate(err, sql));
				else resolve({changes: this.changes, lastID: this.lastID});
			});
		});
	}

	/**
	 * Executes one statement. Statements that can return rows (SELECT, PRAGMA, anything with
	 * RETURNING) go through `all`; others through `run`, which reports `numAffectedRows` and, for
	 * inserts, `insertId` (both `bigint`, as Kysely expects).
	 */
	async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
		const params = compiledQuery.parameters.map(toSqliteValue);
		const kind = classify(compiledQuery);
		if (kind.rows) {
			const rows = (await this.#all(compiledQuery.sql, params)) as R[];
			return kind.dml ? {rows, numAffectedRows: BigInt(rows.length)} : {rows};
		}
		const q = compiledQuery.query;
		const cacheable =
			InsertQueryNode.is(q) ||
			UpdateQueryNode.is(q) ||
			DeleteQueryNode.is(q) ||
			((RawNode.is(q) || !q) && ONE_STEP_STATEMENT.test(compiledQuery.sql.replace(LEADING_COMMENTS, '')));
		const {changes, lastID} = await this.#run(compiledQuery.sql, params, cacheable);
		return {
			rows: [],
			numAffectedRows: BigInt(changes ?? 0),
			...(kind.insert && lastID !== undefined && lastID !== null ? {insertId: BigInt(lastID)} : {}),
		};
	}

	/**
	 * Streams the rows of a query in chunks of `chunkSize`. node-sqlite3 offers no back-pressure,
	 * so this reads the whole result with `all` and yields it in slices: page with keyset queries
	 * (db/keyset.ts) for large results instead.
	 */
	async *streamQuery<R>(compiledQuery: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
		if (!classify(compiledQuery).rows) {
			throw new Error('the sqlite3 driver streams only statements that return rows');
		}
		const size = Math.max(1, Math.floor(chunkSize));
		const result = await this.executeQuery<R>(compiledQuery);
		for (let i = 0; i < result.rows.length; i += size) {
			yield {rows: result.rows.slice(i, i + size)};
		}
	}

	/** Executes a script of several statements with no parameters (`sqlite3_exec`). */
	exec(sql: string): Promise<void> {
		return new Promise((resolve, reject) => {
			this.handle.exec(sql, (err: Error | null) => (err ? reject(annotate(err, sql)) : resolve()));
		});
	}

	/** Finalizes the cached statements and closes the underlying handle. */
	async close(): Promise<void> {
		const statements = [...this.#cache.values()];
		this.#cache.clear();
		await Promise.all(statements.map((st) => new Promise<void>((resolve) => st.finalize(() => resolve()))));
		await new Promise<void>((resolve, reject) => {
			this.handle.close((err: Error | null) => (err ? reject(err) : resolve()));
		});
	}
}

function savepointCommand(command: string, name: string, compileQuery: QueryCompiler['compileQuery']): CompiledQuery {
	return compileQuery(
		RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(name)]),
		createQueryId(),
	);
}

/**
 * Kysely {@link Driver} over node-sqlite3: one connection, serialised by a mutex
 * (`acquireConnection` waits for the previous holder to release it), `BEGIN IMMEDIATE` for
 * transactions (`BEGIN DEFERRED` when Kysely asks for a read-only one), and savepoints.
 */
export class Sqlite3Driver implements Driver {
	readonly #config: Sqlite3DriverConfig;
	readonly #mutex = new Mutex();
	readonly #scope = new AsyncLocalStorage<ScopeToken>();
	#holder: ScopeToken | undefined;
	#connection: Sqlite3Connection | undefined;

	/** Creates the driver; the database is opened (if given as a function) by `init()`. */
	constructor(config: Sqlite3DriverConfig) {
		this.#config = config;
	}

	/** Opens the database (if needed) and runs `onCreateConnection`. */
	async init(): Promise<void> {
		if (this.#connection) return;
		const handle = typeof this.#config.database === 'function' ? await this.#config.database() : this.#config.database;
		this.#connection = new Sqlite3Connection(handle, this.#config.statementCacheSize);
		if (this.#config.onCreateConnection) await this.#config.onCreateConnection(this.#connection);
	}

	/** The one connection, or undefined before `init()` / after `destroy()`. */
	get connection(): Sqlite3Connection | undefined {
		return this.#connection;
	}

	/**
	 * Runs `fn` in a connection scope: inside it, asking for the connection a second time while
	 * it is held (a query on `store.db` inside `store.transaction`) throws
	 * {@link ConnectionReentryError} instead of waiting forever.
	 */
	runInScope<T>(fn: () => Promise<T>): Promise<T> {
		return this.#scope.run({holds: false}, fn);
	}

	/** True when the caller runs inside {@link runInScope}. */
	get inScope(): boolean {
		return this.#scope.getStore() !== undefined;
	}

	/** True when the caller runs inside {@link runInScope} and that scope holds the connection now. */
	get holdsConnection(): boolean {
		return this.#scope.getStore()?.holds === true;
	}

	/** Waits for the connection (FIFO) and returns it. */
	async acquireConnection(): Promise<DatabaseConnection> {
		const token = this.#scope.getStore();
		if (token?.holds) throw new ConnectionReentryError();
		if (!this.#connection) throw new Error('the sqlite3 driver is not initialised or already destroyed');
		await this.#mutex.lock();
		if (!this.#connection) {
			this.#mutex.unlock();
			throw new Error('the sqlite3 driver was destroyed while waiting for the connection');
		}
		if (token) token.holds = true;
		this.#holder = token;
		return this.#connection;
	}

	/** `BEGIN IMMEDIATE` (takes the write lock now); `BEGIN DEFERRED` for read-only transactions. */
	async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
		const begin = settings.accessMode === 'read only' ? 'begin deferred' : 'begin immediate';
		await connection.executeQuery(CompiledQuery.raw(begin));
	}

	/** `COMMIT`. On failure (e.g. SQLITE_BUSY) the transaction stays open and Kysely rolls it back. */
	async commitTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('commit'));
	}

	/**
	 * `ROLLBACK`. Some errors (SQLITE_FULL, SQLITE_IOERR, …) make SQLite roll back by itself; the
	 * "no transaction is active" error that follows is swallowed so the original error surfaces.
	 */
	async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
		try {
			await connection.executeQuery(CompiledQuery.raw('rollback'));
		} catch (err) {
			if (!(err instanceof Error && /no transaction is active/i.test(err.message))) throw err;
		}
	}

	/** `SAVEPOINT name`. */
	async savepoint(connection: DatabaseConnection, savepointName: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
		await connection.executeQuery(savepointCommand('savepoint', savepointName, compileQuery));
	}

	/** `ROLLBACK TO name`. */
	async rollbackToSavepoint(
		connection: DatabaseConnection,
		savepointName: string,
		compileQuery: QueryCompiler['compileQuery'],
	): Promise<void> {
		await connection.executeQuery(savepointCommand('rollback to', savepointName, compileQuery));
	}

	/** `RELEASE name`. */
	async releaseSavepoint(
		connection: DatabaseConnection,
		savepointName: string,
		compileQuery: QueryCompiler['compileQuery'],
	): Promise<void> {
		await connection.executeQuery(savepointCommand('release', savepointName, compileQuery));
	}

	/** Hands the connection to the next waiter. */
	async releaseConnection(): Promise<void> {
		if (this.#holder) this.#holder.holds = false;
		this.#holder = undefined;
		this.#mutex.unlock();
	}

	/** Waits for the current holder to finish, then closes the database. */
	async destroy(): Promise<void> {
		const connection = this.#connection;
		if (!connection) return;
		if (this.#scope.getStore()?.holds) throw new ConnectionReentryError();
		await this.#mutex.lock();
		try {
			if (this.#connection !== connection) return;
			this.#connection = undefined;
			await connection.close();
		} finally {
			this.#mutex.unlock();
		}
	}
}
