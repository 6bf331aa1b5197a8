/** Every migration the build knows, in version order. */
import {migration0001} from './0001_initial.js';
import {migration0002} from './0002_queues.js';
import {migration0003} from './0003_pool.js';
import {migration0004} from './0004_search_key_nfkc.js';
import type {Migration} from './types.js';

export type {Migration, MigrationContext, SqlDialectName} from './types.js';

/** All migrations, versions 1..n without gaps. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004];

/** The schema version this build brings a store to. */
export const LATEST_SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]!.version;
