/**
 * Opening the caips store: where it lives, the pragmas it runs with, migrations on open, and the
 * one way to write — {@link Store.transaction}, a `BEGIN IMMEDIATE` transaction retried whole when
 * another process holds the lock. A store the user cannot write can be opened read-only
 * (db/read-only.ts).
 */
import {existsSync, mkdirSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {CompiledQuery, Kysely, type Transaction} from 'kysely';
import sqlite3 from 'sqlite3';
import {MIGRATIONS, migrate, readSchemaVersion, SchemaTooNewError, type MigrationReport} from './migrate.js';
import type {Migration} from './migrations/types.js';
import {openProblem, reasonOf} from './open-errors.js';
import {COUNT_UNRECORDED, readOnlyTarget, SHADOW_AUDIT_TRAIL} from './read-only.js';
import type {Database} from './schema.js';
import {Sqlite3Dialect} from './sqlite/dialect.js';
import type {Sqlite3Connection, Sqlite3Driver} from './sqlite/driver.js';
import {isBusyError, sqliteErrorCode} from './sqlite/errors.js';

export {cannotWrite} from './open-errors.js';

/**
 * The store cannot be opened or used (missing directory rights, not a database, locked past the
 * deadline, …). The message is one line naming the path. The CLI exits 69 (EX_UNAVAILABLE).
 */
export class StoreUnavailableError extends Error {
	/** Exit status for the CLI (EX_UNAVAILABLE). */
	readonly exitCode = 69;
	/** The store path (or URL) concerned. */
	readonly path: string;

	/** Creates the error; `cause` is kept for diagnostics. */
	constructor(storePath: string, reason: string, options?: {cause?: unknown}) {
		super(`cannot open the caips store at ${storePath}: ${reason}`.replace(/\s*\n\s*/g, ' '), options);
		this.name = 'StoreUnavailableError';
		this.path = storePath;
	}
}

/**
 * A write transaction could not get the store's write lock before its retry deadline: another
 * process kept it. Nothing was written. The CLI exits 75 (EX_TEMPFAIL: try again later).
 */
export class StoreBusyError extends Error {
	/** Exit status for the CLI (EX_TEMPFAIL). */
	readonly exitCode = 75;
	/** The store path. */
	readonly path: string;

	/** Creates the error; `cause` is the last SQLITE_BUSY / SQLITE_LOCKED error. */
	constructor(storePath: string, waitedMs: number, attempts: number, options?: {cause?: unknown}) {
		super(
			`the caips store at ${storePath} is busy: another process kept the write lock for ${(waitedMs / 1000).toFixed(1)} s (${attempts} attempts); nothing was written, try again`,
			options,
		);
		this.name = 'StoreBusyError';
		this.path = storePath;
	}
}

/** `store.transaction` was called inside another `store.transaction`: run the work in the outer one. */
export class NestedTransactionError extends Error {
	/** Creates the error. */
	constructor() {
		super('nested store.transaction refused: pass the outer transaction handle down instead');
		this.name = 'NestedTransactionError';
	}
}

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
	/** SQLite busy timeout per statement, ms (default 5000). */
	busyTimeoutMs?: number;
	/** How long {@link Store.transaction} keeps retrying a busy transaction, ms (default 10000). */
	retryDeadlineMs?: number;
	/** Run migrations on open (default true). */
	migrate?: boolean;
	/** Migrations to apply (default: all this build knows; tests use others). */
	migrations?: readonly Migration[];
	/** Clock for timestamps written while opening. */
	clock?: () => Date;
	/** Called before each retry of a busy transaction (diagnostics, tests). */
	onRetry?: (info: RetryInfo) => void;
	/**
	 * Open an existing store read-only (default false), for commands that only read when the user
	 * cannot write the file or its directory (db/read-only.ts): nothing is created or migrated, a
	 * write fails, and audit events are counted ({@link Store.unrecordedAuditEvents}) instead of
	 * recorded. A store that needs a migration is refused (StoreUnavailableError).
	 */
	readOnly?: boolean;
}

/** What {@link OpenStoreOptions.onRetry} is told. */
export interface RetryInfo {
	/** Attempt that failed, from 1. */
	attempt: number;
	/** Pause before the next attempt, ms. */
	delayMs: number;
	/** The SQLITE_BUSY / SQLITE_LOCKED error. */
	error: unknown;
}

/** Options of one {@link Store.transaction} call. */
export interface TransactionOptions {
	/** Retry deadline for this call, ms (default: the store's). */
	deadlineMs?: number;
	/**
	 * Read-only snapshot: `BEGIN DEFERRED` instead of `BEGIN IMMEDIATE`, so no write lock is
	 * taken; a write inside fails.
	 */
	readOnly?: boolean;
}

/** An open caips store. */
export interface Store {
	/** The database file path. */
	readonly path: string;
	/** Kysely handle for reads and single statements. Inside {@link transaction}, use the transaction handle instead. */
	readonly db: Kysely<Database>;
	/** Schema version of the store after opening. */
	readonly schemaVersion: number;
	/** What migration did on open (`applied` empty when nothing was pending or another process applied it). */
	readonly migration: MigrationReport;
	/** True when opened read-only ({@link OpenStoreOptions.readOnly}). */
	readonly readOnly: boolean;
	/**
	 * How many audit events this connection could not record because the store is read-only
	 * (0 for a writable store): the command tells the officer its read went unrecorded.
	 */
	unrecordedAuditEvents(): Promise<number>;
	/**
	 * Runs `fn` in a `BEGIN IMMEDIATE` transaction and commits, or rolls back if it throws. On
	 * SQLITE_BUSY / SQLITE_LOCKED the whole transaction is rolled back and `fn` runs again after a
	 * jittered pause, until the deadline, then {@link StoreBusyError}: `fn` must have no effects
	 * outside the database (or be safe to repeat). Nested calls throw {@link NestedTransactionError}; querying `store.db` from
	 * inside `fn` throws `ConnectionReentryError` (it would otherwise wait forever).
	 */
	transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>, options?: TransactionOptions): Promise<T>;
	/** Closes the store (waits for the statement in progress). Idempotent. */
	close(): Promise<void>;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;
const DEFAULT_RETRY_DEADLINE_MS = 10_000;
const BACKOFF_BASE_MS = 10;
const BACKOFF_CAP_MS = 250;

/**
 * The default store location: `$XDG_DATA_HOME/caips/caips.db` when `XDG_DATA_HOME` is set to an
 * absolute path, else `~/.local/share/caips/caips.db`.
 */
export function defaultStorePath(env: NodeJS.ProcessEnv = process.env): string {
	const xdg = env.XDG_DATA_HOME;
	const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(env.HOME || homedir(), '.local', 'share');
	return path.join(base, 'caips', 'caips.db');
}

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

function normalisePath(p: string, env: NodeJS.ProcessEnv): string {
	if (p === ':memory:' || URL_LIKE.test(p)) return p;
	if (p === '~' || p.startsWith('~/')) p = path.join(env.HOME || homedir(), p.slice(1));
	return path.resolve(p);
}

/**
 * Where the store is: the `--db` flag if given, else `$CAIPS_DB`, else {@link defaultStorePath}.
 * File paths come back absolute (a leading `~/` is expanded); `:memory:` and URLs unchanged.
 */
export function resolveStorePath(flag: string | undefined | null, env: NodeJS.ProcessEnv = process.env): string {
	if (flag) return normalisePath(flag, env);
	if (env.CAIPS_DB) return normalisePath(env.CAIPS_DB, env);
	return defaultStorePath(env);
}

/** Jittered exponential backoff: half to all of min(cap, base·2^(attempt−1)). */
function backoffMs(attempt: number): number {
	const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt - 1, 16));
	return Math.round(ceiling * (0.5 + Math.random() * 0.5));
}

/**
 * Runs `attemptFn` until it succeeds, fails with a non-busy error, or the deadline passes; then
 * `onGiveUp` turns the last busy error into the error thrown.
 */
async function retryBusy<T>(
	attemptFn: () => Promise<T>,
	deadlineMs: number,
	onRetry?: (info: RetryInfo) => void,
	onGiveUp: (error: unknown, waitedMs: number, attempts: number) => unknown = (error) => error,
): Promise<T> {
	const started = Date.now();
	const deadline = started + deadlineMs;
	for (let attempt = 1; ; attempt++) {
		try {
			return await attemptFn();
		} catch (error) {
			if (!isBusyError(error)) throw error;
			const delayMs = backoffMs(attempt);
			if (Date.now() + delayMs > deadline) throw onGiveUp(error, Date.now() - started, attempt);
			onRetry?.({attempt, delayMs, error});
			await sleep(delayMs);
		}
	}
}

/** Opens the handle: read-write (creating the file), or read-only through a URI filename. */
function openHandle(file: string, readOnly: boolean): Promise<sqlite3.Database> {
	const name = readOnly && file !== ':memory:' ? readOnlyTarget(file).uri : file;
	const mode = readOnly && file !== ':memory:' ? sqlite3.OPEN_READONLY | sqlite3.OPEN_URI : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
	return new Promise((resolve, reject) => {
		const handle = new sqlite3.Database(name, mode | sqlite3.OPEN_FULLMUTEX, (err) => (err ? reject(err) : resolve(handle)));
	});
}

async function applyPragmas(connection: Sqlite3Connection, busyTimeoutMs: number, retryDeadlineMs: number, readOnly: boolean): Promise<void> {
	const q = (text: string) => connection.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text));
	await q(`pragma busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
	// Switching a fresh file to WAL needs an exclusive lock for a moment; retry if another
	// process is doing the same. A read-only connection reads the store in the mode it is in.
	if (!readOnly) await retryBusy(() => q('pragma journal_mode = wal'), retryDeadlineMs);
	await q('pragma foreign_keys = on');
	await q('pragma synchronous = full');
	// Make REPLACE fire the DELETE triggers that guard append-only tables.
	await q('pragma recursive_triggers = on');
}

/**
 * Opens (creating if needed) the SQLite store at `storePath`: creates the parent directory, sets
 * the pragmas (WAL, foreign keys, synchronous FULL, busy timeout, recursive triggers) and brings
 * the schema up to date; with `readOnly`, opens an existing store for reading only (see
 * {@link OpenStoreOptions.readOnly}). Throws {@link StoreUnavailableError} when the store cannot
 * be opened — its message blames the file or the directory, whichever is at fault — and
 * `SchemaTooNewError` (db/migrate.ts) when it was written by a newer caips.
 */
export async function openStore(storePath: string, opts: OpenStoreOptions = {}): Promise<Store> {
	const busyTimeoutMs = opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
	const retryDeadlineMs = opts.retryDeadlineMs ?? DEFAULT_RETRY_DEADLINE_MS;
	if (URL_LIKE.test(storePath)) {
		throw new StoreUnavailableError(storePath, 'only SQLite files are supported by this build');
	}
	const file = storePath === ':memory:' ? storePath : path.resolve(storePath);
	const readOnly = opts.readOnly === true && file !== ':memory:';

	let handle: sqlite3.Database;
	try {
		if (file !== ':memory:') {
			if (!readOnly) mkdirSync(path.dirname(file), {recursive: true});
			const problem = openProblem(file, readOnly);
			if (problem) throw new StoreUnavailableError(file, problem);
		}
		handle = await openHandle(file, readOnly);
	} catch (err) {
		if (err instanceof StoreUnavailableError) throw err;
		throw new StoreUnavailableError(file, reasonOf(err), {cause: err});
	}

	const dialect = new Sqlite3Dialect({
		database: handle,
		onCreateConnection: (connection) => applyPragmas(connection as Sqlite3Connection, busyTimeoutMs, retryDeadlineMs, readOnly),
	});
	const driver: Sqlite3Driver = dialect.driver;
	const db = new Kysely<Database>({dialect});
	let closed = false;
	const close = async () => {
		if (closed) return;
		closed = true;
		try {
			await db.destroy();
		} catch (err) {
			closed = false;
			throw err;
		}
	};

	try {
		// The first statement makes Kysely initialise the driver, which applies the pragmas.
		await db.executeQuery(CompiledQuery.raw('select 1'));
	} catch (err) {
		closed = true;
		// Kysely's init failed, so db.destroy() would not close anything: close here (the
		// connection, if made, finalizes its cached statements first).
		const connection = driver.connection;
		if (connection) await connection.close().catch(() => {});
		else await new Promise<void>((resolve) => handle.close(() => resolve()));
		throw new StoreUnavailableError(file, readOnly ? readOnlyReason(file, err) : reasonOf(err), {cause: err});
	}

	const transaction = async <T>(fn: (trx: Transaction<Database>) => Promise<T>, options: TransactionOptions = {}): Promise<T> => {
		if (driver.holdsConnection) throw new NestedTransactionError();
		const builder = options.readOnly ? db.transaction().setAccessMode('read only') : db.transaction();
		try {
			return await retryBusy(
				() => driver.runInScope(() => builder.execute(fn)),
				options.deadlineMs ?? retryDeadlineMs,
				opts.onRetry,
				(error, waitedMs, attempts) => new StoreBusyError(file, waitedMs, attempts, {cause: error}),
			);
		} catch (error) {
			if (readOnly && sqliteErrorCode(error) === 'SQLITE_READONLY') {
				throw new StoreUnavailableError(file, 'it is open read-only (you cannot write it), and this needs to change it', {cause: error});
			}
			throw error;
		}
	};

	let migration: MigrationReport;
	try {
		if (readOnly) {
			migration = await checkReadOnlyVersion(db, file, opts.migrations ?? MIGRATIONS);
			for (const statement of SHADOW_AUDIT_TRAIL) await db.executeQuery(CompiledQuery.raw(statement));
		} else if (opts.migrate === false) {
			const v = (await readSchemaVersion(db)) ?? 0;
			const known = opts.migrations ?? MIGRATIONS;
			const latest = known.length === 0 ? 0 : known[known.length - 1]!.version;
			if (v > latest) throw new SchemaTooNewError(v, latest, file);
			migration = {from: v, to: v, applied: []};
		} else {
			migration = await migrate(db, {
				migrations: opts.migrations,
				dialect: 'sqlite',
				clock: opts.clock,
				where: file,
				transaction: (fn) => transaction(fn as (trx: Transaction<Database>) => Promise<any>),
			});
		}
	} catch (err) {
		await close().catch(() => {});
		if (isBusyError(err) || err instanceof StoreBusyError) {
			throw new StoreUnavailableError(file, 'the store is locked by another process', {cause: err});
		}
		throw err;
	}

	const unrecordedAuditEvents = async (): Promise<number> => {
		if (!readOnly) return 0;
		const result = await db.executeQuery<{n: number}>(CompiledQuery.raw(COUNT_UNRECORDED));
		return Number(result.rows[0]?.n ?? 0);
	};

	return {
		path: file,
		db,
		schemaVersion: migration.to,
		migration,
		readOnly,
		unrecordedAuditEvents,
		transaction,
		close,
	};
}

/**
 * The schema version of a store opened read-only, which cannot be migrated: it must be the
 * latest this build knows. Older: StoreUnavailableError (its owner opens it once to upgrade it);
 * newer: SchemaTooNewError.
 */
async function checkReadOnlyVersion(db: Kysely<Database>, file: string, migrations: readonly Migration[]): Promise<MigrationReport> {
	const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
	const version = (await readSchemaVersion(db)) ?? 0;
	if (version > latest) throw new SchemaTooNewError(version, latest, file);
	if (version < latest) {
		throw new StoreUnavailableError(
			file,
			`the store has schema version ${version} and this caips needs ${latest}; it is read-only for you, so it cannot be upgraded: run any caips command on it once as a user who can write it`,
		);
	}
	return {from: version, to: version, applied: []};
}

/** Why a read-only open failed: a write-ahead log that needs a `-shm` SQLite cannot create, or the usual reasons. */
function readOnlyReason(file: string, err: unknown): string {
	const code = sqliteErrorCode(err);
	if ((code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') && existsSync(`${file}-wal`) && !existsSync(`${file}-shm`)) {
		return `it has a write-ahead log (${path.basename(file)}-wal) that cannot be read without creating ${path.basename(file)}-shm in a directory you cannot write: run any caips command on it once as a user who can write it`;
	}
	return reasonOf(err);
}
