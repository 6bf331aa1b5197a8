/**
 * Migration 1: the initial schema (DESIGN.md, "Data model"). Standard SQL through Kysely's schema
 * builder — plain `text`, `integer`, `real` and binary columns, CHECK and foreign-key constraints —
 * so that the same migration can target PostgreSQL; the SQLite triggers that make the append-only
 * tables append-only live apart, in `sqlite-protections.ts`.
 */
import {sql, type Kysely} from 'kysely';
import {APPLICATION_STATUSES} from '../schema.js';
import {sqliteProtections} from './sqlite-protections.js';
import {autoIdColumn, blobType, type Migration, type MigrationContext} from './types.js';

function inList(values: readonly string[]) {
	return sql.join(values.map((v) => sql.lit(v)));
}

async function up(db: Kysely<any>, ctx: MigrationContext): Promise<void> {
	const autoId = autoIdColumn(ctx);

	await db.schema
		.createTable('officers')
		.addColumn('user_name', 'text', (c) => c.primaryKey())
		.addColumn('display_name', 'text', (c) => c.notNull())
		.addColumn('roles', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('office', 'text')
		.addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addCheckConstraint('officers_active_bool', sql`active in (0, 1)`)
		.execute();

	await db.schema
		.createTable('applications')
		.addColumn('application_number', 'text', (c) => c.primaryKey())
		.addColumn('uci', 'text', (c) => c.notNull())
		.addColumn('program', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull())
		.addColumn('office', 'text')
		.addColumn('assigned_to', 'text', (c) => c.references('officers.user_name'))
		.addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('profile_submitted_at', 'text', (c) => c.notNull())
		.addColumn('received_at', 'text')
		.addColumn('invited_at', 'text')
		.addColumn('bring_forward_on', 'text')
		.addColumn('crs_total', 'integer')
		.addColumn('rules_version', 'text')
		.addColumn('eligible_programs', 'text')
		.addColumn('search_key', 'text', (c) => c.notNull())
		.addColumn('family_name', 'text', (c) => c.notNull())
		.addColumn('given_names', 'text', (c) => c.notNull())
		.addColumn('data', 'text', (c) => c.notNull())
		.addColumn('assessment', 'text')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addCheckConstraint('applications_program', sql`program in (${inList(['CEC', 'FSW', 'FST'])})`)
		.addCheckConstraint('applications_status', sql`status in (${inList(APPLICATION_STATUSES)})`)
		.addCheckConstraint('applications_version', sql`version >= 1`)
		.execute();

	await db.schema
		.createTable('work_periods')
		.addColumn('id', 'integer', autoId)
		.addColumn('application_number', 'text', (c) => c.notNull().references('applications.application_number'))
		.addColumn('person', 'text', (c) => c.notNull())
		.addColumn('idx', 'integer', (c) => c.notNull())
		.addColumn('employer', 'text')
		.addColumn('noc_code', 'text', (c) => c.notNull())
		.addColumn('country', 'text', (c) => c.notNull())
		.addColumn('start_on', 'text', (c) => c.notNull())
		.addColumn('end_on', 'text')
		.addColumn('hours_per_week', 'real', (c) => c.notNull())
		.addColumn('finding', 'text', (c) => c.notNull().defaultTo('claimed'))
		.addColumn('finding_reason', 'text')
		.addColumn('finding_by', 'text', (c) => c.references('officers.user_name'))
		.addColumn('finding_at', 'text')
		.addUniqueConstraint('work_periods_position', ['application_number', 'person', 'idx'])
		.addCheckConstraint('work_periods_person', sql`person in ('applicant', 'spouse')`)
		.addCheckConstraint('work_periods_finding', sql`finding in ('claimed', 'verified', 'not_credited')`)
		.execute();

	await db.schema
		.createTable('notes')
		.addColumn('id', 'integer', autoId)
		.addColumn('application_number', 'text', (c) => c.notNull().references('applications.application_number'))
		.addColumn('author', 'text', (c) => c.notNull())
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('corrects_note_id', 'integer', (c) => c.references('notes.id'))
		.execute();

	await db.schema
		.createTable('documents')
		.addColumn('id', 'integer', autoId)
		.addColumn('application_number', 'text', (c) => c.notNull().references('applications.application_number'))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('media_type', 'text', (c) => c.notNull())
		.addColumn('size_bytes', 'integer', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('content', blobType(ctx), (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().defaultTo('received'))
		.addColumn('added_by', 'text', (c) => c.notNull())
		.addColumn('added_at', 'text', (c) => c.notNull())
		.addCheckConstraint('documents_size', sql`size_bytes >= 0`)
		.execute();

	await db.schema
		.createTable('decisions')
		.addColumn('id', 'integer', autoId)
		.addColumn('application_number', 'text', (c) => c.notNull().references('applications.application_number'))
		.addColumn('outcome', 'text', (c) => c.notNull())
		.addColumn('reason_codes', 'text', (c) => c.notNull().defaultTo('[]'))
		.addColumn('text', 'text', (c) => c.notNull())
		.addColumn('officer', 'text', (c) => c.notNull().references('officers.user_name'))
		.addColumn('decided_at', 'text', (c) => c.notNull())
		.addColumn('rules_version', 'text', (c) => c.notNull())
		.addColumn('assessment_snapshot', 'text', (c) => c.notNull())
		.addColumn('case_version', 'integer', (c) => c.notNull())
		.addColumn('bring_forward_on', 'text')
		.addColumn('review_required', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('reviewer', 'text', (c) => c.references('officers.user_name'))
		.addColumn('review_outcome', 'text')
		.addColumn('review_text', 'text')
		.addColumn('reviewed_at', 'text')
		.addCheckConstraint('decisions_review_required_bool', sql`review_required in (0, 1)`)
		.addCheckConstraint('decisions_reviewer_not_officer', sql`reviewer is null or reviewer <> officer`)
		.execute();

	await db.schema
		.createTable('audit_events')
		.addColumn('seq', 'integer', autoId)
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('officer', 'text', (c) => c.notNull())
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('application_number', 'text')
		.addColumn('detail', 'text')
		.addColumn('prev_hash', 'text')
		.addColumn('hash', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('queues')
		.addColumn('id', 'integer', autoId)
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('query', 'text', (c) => c.notNull())
		.addColumn('sort', 'text', (c) => c.notNull())
		.addColumn('digit_key', 'integer', (c) => c.unique())
		.addColumn('owner', 'text', (c) => c.references('officers.user_name'))
		.addCheckConstraint('queues_digit_key', sql`digit_key is null or (digit_key >= 0 and digit_key <= 9)`)
		.execute();

	await db.schema
		.createTable('rounds')
		.addColumn('number', 'integer', (c) => c.primaryKey())
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('type', 'text', (c) => c.notNull())
		.addColumn('program', 'text')
		.addColumn('category', 'text')
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('invited', 'integer')
		.addColumn('cutoff', 'integer')
		.addColumn('tie_break_at', 'text')
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('invitations')
		.addColumn('round_number', 'integer', (c) => c.notNull().references('rounds.number'))
		.addColumn('application_number', 'text', (c) => c.notNull().references('applications.application_number'))
		.addColumn('crs', 'integer', (c) => c.notNull())
		.addColumn('rank', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('invitations_pk', ['round_number', 'application_number'])
		.execute();

	await db.schema
		.createTable('reason_codes')
		.addColumn('code', 'text', (c) => c.primaryKey())
		.addColumn('meaning', 'text', (c) => c.notNull())
		.addColumn('source', 'text', (c) => c.notNull())
		.execute();

	// Queue and pool indexes. The pool index leads with status so `status = 'pool' ORDER BY
	// crs_total DESC, profile_submitted_at, application_number` (ranking for a round) needs no sort.
	await db.schema
		.createIndex('applications_status_received')
		.on('applications')
		.columns(['status', 'received_at', 'application_number'])
		.execute();
	await db.schema.createIndex('applications_assigned_status').on('applications').columns(['assigned_to', 'status']).execute();
	await db.schema.createIndex('applications_bring_forward').on('applications').column('bring_forward_on').execute();
	await db.schema.createIndex('applications_search_key').on('applications').column('search_key').execute();
	await db.schema.createIndex('applications_uci').on('applications').column('uci').execute();
	await db.schema
		.createIndex('applications_pool')
		.on('applications')
		.columns(['status', 'crs_total desc', 'profile_submitted_at', 'application_number'])
		.execute();

	// Per-case lookups.
	await db.schema.createIndex('notes_case').on('notes').columns(['application_number', 'at', 'id']).execute();
	await db.schema.createIndex('documents_case').on('documents').columns(['application_number', 'id']).execute();
	await db.schema.createIndex('decisions_case').on('decisions').columns(['application_number', 'decided_at']).execute();
	await db.schema.createIndex('audit_events_case').on('audit_events').columns(['application_number', 'seq']).execute();
	await db.schema.createIndex('audit_events_officer').on('audit_events').columns(['officer', 'seq']).execute();
	await db.schema.createIndex('invitations_case').on('invitations').column('application_number').execute();

	if (ctx.dialect === 'sqlite') {
		for (const statement of sqliteProtections()) await sql.raw(statement).execute(db);
	}
}

/** Migration 1: the initial schema. */
export const migration0001: Migration = {version: 1, name: 'initial', up};
