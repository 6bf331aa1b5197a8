/** The node-sqlite3 dialect for Kysely: dialect, driver, connection and helpers. */
export {Sqlite3Dialect, type Sqlite3DialectConfig} from './dialect.js';
export {
	ConnectionReentryError,
	DEFAULT_STATEMENT_CACHE_SIZE,
	Sqlite3Connection,
	Sqlite3Driver,
	toSqliteValue,
	type Sqlite3DriverConfig,
	type SqliteValue,
} from './driver.js';
export {isBusyError, sqliteErrorCode} from './errors.js';
export {Mutex} from './mutex.js';
