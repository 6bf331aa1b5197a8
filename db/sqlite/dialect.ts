/**
 * Kysely dialect for the `sqlite3` npm package: Kysely's own SQLite adapter, query compiler and
 * introspector over {@link Sqlite3Driver}.
 */
import {
	SqliteAdapter,
	SqliteIntrospector,
	SqliteQueryCompiler,
	type DatabaseIntrospector,
	type Dialect,
	type DialectAdapter,
	type Kysely,
	type QueryCompiler,
} from 'kysely';
import {Sqlite3Driver, type Sqlite3DriverConfig} from './driver.js';

/** Configuration of {@link Sqlite3Dialect}: see {@link Sqlite3DriverConfig}. */
export type Sqlite3DialectConfig = Sqlite3DriverConfig;

/**
 * SQLite dialect over node-sqlite3 for Kysely 0.28.
 *
 * ```ts
 * const dialect = new Sqlite3Dialect({database: new sqlite3.Database('x.db')});
 * const db = new Kysely<DB>({dialect});
 * ```
 *
 * The driver is created with the dialect, so the owner can reach it (`dialect.driver`) for
 * {@link Sqlite3Driver.runInScope}.
 */
export class Sqlite3Dialect implements Dialect {
	/** The driver this dialect hands to Kysely. */
	readonly driver: Sqlite3Driver;

	/** Creates the dialect and its driver. */
	constructor(config: Sqlite3DialectConfig) {
		this.driver = new Sqlite3Driver(config);
	}

	/** Returns the driver created with the dialect. */
	createDriver(): Sqlite3Driver {
		return this.driver;
	}

	/** Kysely's SQLite query compiler. */
	createQueryCompiler(): QueryCompiler {
		return new SqliteQueryCompiler();
	}

	/** Kysely's SQLite adapter (RETURNING supported, no transactional DDL lock needed). */
	createAdapter(): DialectAdapter {
		return new SqliteAdapter();
	}

	/** Kysely's SQLite introspector. */
	createIntrospector(db: Kysely<any>): DatabaseIntrospector {
		return new SqliteIntrospector(db);
	}
}
