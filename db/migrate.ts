/**
 * Migrations as code, run when a store is opened.
 *
 * The applied version lives in `meta` (`schema_version`), with one row per applied migration in
 * `schema_migrations`. Pending migrations run in one write transaction (`BEGIN IMMEDIATE` under
 * the caips driver) that re-reads the version after taking the lock, so when several processes
 * open a fresh store at once exactly one applies them and the others find the work done.
 * A store whose version is newer than this build knows is refused ({@link SchemaTooNewError}).
 */
import type {Kysely} from 'kysely';
import {nowInstant} from './codec.js';
import {MIGRATIONS} from './migrations/index.js';
import type {Migration, SqlDialectName} from './migrations/types.js';

export {LATEST_SCHEMA_VERSION, MIGRATIONS} from './migrations/index.js';

/** The store was written by a newer caips: this build will not touch it. The CLI exits 78 (EX_CONFIG). */
export class SchemaTooNewError extends Error {
	/** Exit status for the CLI (EX_CONFIG). */
	readonly exitCode = 78;
	/** Schema version recorded in the store. */
	readonly storeVersion: number;
	/** Latest schema version this build knows. */
	readonly buildVersion: number;

	/** Creates the error; `where` names the store in the message. */
	constructor(storeVersion: number, buildVersion: number, where?: string) {
		super(
			`${where ? `store ${where}` : 'the store'} has schema version ${storeVersion}, newer than this caips knows (${buildVersion}): upgrade caips`,
		);
		this.name = 'SchemaTooNewError';
		this.storeVersion = storeVersion;
		this.buildVersion = buildVersion;
	}
}

/** Runs `fn` in a write transaction; the store passes its busy-retrying `BEGIN IMMEDIATE` helper. */
export type TransactionRunner = <T>(fn: (trx: Kysely<any>) => Promise<T>) => Promise<T>;

/** Options of {@link migrate}. */
export interface MigrateOptions {
	/** Migrations to apply (default: all this build knows). */
	migrations?: readonly Migration[];
	/** SQL dialect of the store (default `sqlite`). */
	dialect?: SqlDialectName;
	/** Transaction runner (default: `db.transaction().execute`). */
	transaction?: TransactionRunner;
	/** Clock for `schema_migrations.applied_at`. */
	clock?: () => Date;
	/** Name of the store for error messages (its path). */
	where?: string;
}

/** What {@link migrate} did. */
export interface MigrationReport {
	/** Version found (0 for a fresh store). */
	from: number;
	/** Version after the run. */
	to: number;
	/** Migrations this call applied (empty when another process did, or nothing was pending). */
	applied: Array<{version: number; name: string}>;
}

/** Checks that migrations are numbered 1..n in order without gaps. */
function checkSequence(migrations: readonly Migration[]): void {
	migrations.forEach((m, i) => {
		if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
	});
}

function parseVersion(value: string | undefined): number {
	if (value === undefined) return 0;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0) throw new Error(`meta.schema_version is not a version number: ${JSON.stringify(value)}`);
	return n;
}

/**
 * Reads the recorded schema version: 0 for a store with `meta` but no version, `null` when the
 * store has no `meta` table (or it cannot be read).
 */
export async function readSchemaVersion(db: Kysely<any>): Promise<number | null> {
	let row: {value: string} | undefined;
	try {
		row = await db.selectFrom('meta').select('value').where('key', '=', 'schema_version').executeTakeFirst();
	} catch {
		return null;
	}
	return parseVersion(row?.value);
}

/**
 * Brings the store to the latest schema version. A store already current costs one read and no
 * lock; otherwise the pending migrations run in one write transaction that re-checks the version
 * first. Throws {@link SchemaTooNewError} for a store newer than this build.
 */
export async function migrate(db: Kysely<any>, options: MigrateOptions = {}): Promise<MigrationReport> {
	const migrations = options.migrations ?? MIGRATIONS;
	checkSequence(migrations);
	const latest = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
	const ctx = {dialect: options.dialect ?? 'sqlite'} as const;
	const clock = options.clock ?? (() => new Date());
	const transaction: TransactionRunner = options.transaction ?? ((fn) => db.transaction().execute(fn));

	const seen = await readSchemaVersion(db);
	if (seen !== null && seen > latest) throw new SchemaTooNewError(seen, latest, options.where);
	if (seen === latest) return {from: seen, to: seen, applied: []};

	return transaction(async (trx) => {
		await trx.schema
			.createTable('meta')
			.ifNotExists()
			.addColumn('key', 'text', (c) => c.primaryKey())
			.addColumn('value', 'text', (c) => c.notNull())
			.execute();
		await trx.schema
			.createTable('schema_migrations')
			.ifNotExists()
			.addColumn('version', 'integer', (c) => c.primaryKey())
			.addColumn('name', 'text', (c) => c.notNull())
			.addColumn('applied_at', 'text', (c) => c.notNull())
			.execute();
		// Re-read under the write lock: another process may have migrated meanwhile. No error is
		// swallowed here — the table exists now.
		const row = await trx.selectFrom('meta').select('value').where('key', '=', 'schema_version').executeTakeFirst();
		const from = parseVersion(row?.value);
		if (from > latest) throw new SchemaTooNewError(from, latest, options.where);
		const applied: MigrationReport['applied'] = [];
		for (const m of migrations) {
			if (m.version <= from) continue;
			await m.up(trx, ctx);
			await trx
				.insertInto('schema_migrations')
				.values({version: m.version, name: m.name, applied_at: nowInstant(clock)})
				.execute();
			applied.push({version: m.version, name: m.name});
		}
		if (applied.length > 0) {
			await trx
				.insertInto('meta')
				.values({key: 'schema_version', value: String(latest)})
				.onConflict((oc) => oc.column('key').doUpdateSet({value: String(latest)}))
				.execute();
		}
		return {from, to: Math.max(from, latest), applied};
	});
}
