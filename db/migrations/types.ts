/** The shape of a migration. */
import type {ColumnDefinitionBuilder, Kysely} from 'kysely';

/** SQL dialects the migrations know how to target. */
export type SqlDialectName = 'sqlite' | 'postgres';

/** What a migration is told about the store it runs against. */
export interface MigrationContext {
	/** The SQL dialect: migrations stay standard SQL and branch only where they must. */
	readonly dialect: SqlDialectName;
}

/**
 * One schema change, as code. Migrations run in version order inside one `BEGIN IMMEDIATE`
 * transaction; `up` must use the handle it is given (the transaction), never another.
 */
export interface Migration {
	/** Schema version this migration brings the store to (1, 2, 3, … without gaps). */
	readonly version: number;
	/** Short name (`initial`, `add_priority`), recorded in `schema_migrations`. */
	readonly name: string;
	/** Applies the change. */
	up(db: Kysely<any>, ctx: MigrationContext): Promise<void>;
}

/**
 * Column modifier for a surrogate integer key: `integer primary key` (SQLite's rowid alias,
 * assigned on insert) or, in PostgreSQL, an identity column.
 */
export function autoIdColumn(ctx: MigrationContext): (col: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
	return ctx.dialect === 'postgres'
		? (col) => col.primaryKey().generatedByDefaultAsIdentity()
		: (col) => col.primaryKey();
}

/** The binary column type: `blob` in SQLite, `bytea` in PostgreSQL. */
export function blobType(ctx: MigrationContext): 'blob' | 'bytea' {
	return ctx.dialect === 'postgres' ? 'bytea' : 'blob';
}
