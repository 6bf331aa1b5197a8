/** The caips store: connection, schema types, codec, migrations and keyset pagination. */
export * from './codec.js';
export * from './connect.js';
export * from './keyset.js';
export {
	LATEST_SCHEMA_VERSION,
	MIGRATIONS,
	SchemaTooNewError,
	migrate,
	readSchemaVersion,
	type MigrateOptions,
	type MigrationReport,
	type TransactionRunner,
} from './migrate.js';
export type {Migration, MigrationContext, SqlDialectName} from './migrations/types.js';
export * from './schema.js';
export {ConnectionReentryError, isBusyError, sqliteErrorCode} from './sqlite/index.js';
