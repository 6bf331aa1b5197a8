/**
 * Kysely table types for the caips store: one interface per table, and {@link Database} tying
 * them together. Column names are the field's terms (DESIGN.md, "Data model").
 *
 * Storage conventions (see db/codec.ts): instants are `YYYY-MM-DDTHH:MM:SS.sssZ` text (columns
 * ending `_at`), calendar dates `YYYY-MM-DD` text (columns ending `_on`), booleans integer 0/1,
 * JSON columns text, sets of names JSON arrays. Integers come back as JS numbers.
 *
 * `Generated<T>` columns are assigned by the database on insert; `ColumnType<S, I, U>` columns
 * have a default (optional on insert). Row types: `Selectable<X>`, `Insertable<X>`,
 * `Updateable<X>`, or the aliases at the end of this file.
 */
import type {ColumnType, Generated, Insertable, Selectable, Updateable} from 'kysely';
import type {BoolInt, DateText, InstantText} from './codec.js';

/** A column with a database default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

/** Officer roles (a person may hold several). */
export type OfficerRole = 'officer' | 'supervisor' | 'admin' | 'auditor';

/** Express Entry program. */
export type ProgramCode = 'CEC' | 'FSW' | 'FST';

/** Case life-cycle states (DESIGN.md, "Case life cycle"); enforced by a CHECK constraint. */
export const APPLICATION_STATUSES = [
	'pool',
	'invited',
	'received',
	'in_review',
	'awaiting_info',
	'pending_review',
	'approved',
	'refused',
	'withdrawn',
] as const;

/** One of {@link APPLICATION_STATUSES}. */
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Whose work period: the principal applicant's or the spouse's. */
export type PersonRole = 'applicant' | 'spouse';

/** The officer's finding on a claimed work period. */
export type WorkFinding = 'claimed' | 'verified' | 'not_credited';

/** `officers`: who may use the workstation. */
export interface OfficersTable {
	/** Primary key: the OS login. */
	user_name: string;
	display_name: string;
	/** JSON array of {@link OfficerRole}, sorted (codec `encodeSet`). */
	roles: string;
	office: string | null;
	/** 0/1; default 1. */
	active: Defaulted<BoolInt>;
	created_at: InstantText;
}

/** `applications`: one Express Entry profile or e-APR, with the cached columns queues sort on. */
export interface ApplicationsTable {
	/** Primary key. */
	application_number: string;
	uci: string;
	program: ProgramCode;
	status: ApplicationStatus;
	office: string | null;
	/** Officer (`officers.user_name`) the case is assigned to. */
	assigned_to: string | null;
	/** Higher is more urgent; default 0. */
	priority: Defaulted<number>;
	profile_submitted_at: InstantText;
	received_at: InstantText | null;
	invited_at: InstantText | null;
	bring_forward_on: DateText | null;
	/** Cached CRS total (as assessed), recomputed when the data or the rules change. */
	crs_total: number | null;
	/** Rules version the cached figures were computed with. */
	rules_version: string | null;
	/** JSON array of programs the case is eligible for (as assessed). */
	eligible_programs: string | null;
	/** Names folded for accent- and case-insensitive search. */
	search_key: string;
	family_name: string;
	given_names: string;
	/** The full application JSON as imported. */
	data: string;
	/** JSON cache of the assessment: `{asClaimed, asAssessed}`. */
	assessment: string | null;
	/** Optimistic concurrency counter; default 1, bumped by every change. */
	version: Defaulted<number>;
	created_at: InstantText;
	updated_at: InstantText;
}

/** `work_periods`: claimed work periods with the officer's finding on each. */
export interface WorkPeriodsTable {
	id: Generated<number>;
	application_number: string;
	person: PersonRole;
	/** Position of the period in the person's `workExperience` list (unique per person). */
	idx: number;
	employer: string | null;
	noc_code: string;
	country: string;
	start_on: DateText;
	end_on: DateText | null;
	hours_per_week: number;
	/** Default `claimed`. */
	finding: Defaulted<WorkFinding>;
	finding_reason: string | null;
	finding_by: string | null;
	finding_at: InstantText | null;
}

/** `notes`: append-only (UPDATE and DELETE refused); a correction names the note it corrects. */
export interface NotesTable {
	id: Generated<number>;
	application_number: string;
	author: string;
	at: InstantText;
	body: string;
	corrects_note_id: number | null;
}

/** `documents`: files attached to a case, content stored in the row. */
export interface DocumentsTable {
	id: Generated<number>;
	application_number: string;
	kind: string;
	title: string;
	file_name: string;
	media_type: string;
	size_bytes: number;
	/** Lower-case hex SHA-256 of `content`. */
	sha256: string;
	content: Buffer;
	/** Default `received`. */
	status: Defaulted<string>;
	added_by: string;
	added_at: InstantText;
}

/**
 * `decisions`: append-only, except that the review columns may be set once, together, while
 * they are null; the reviewer is never the deciding officer (triggers and a CHECK).
 */
export interface DecisionsTable {
	id: Generated<number>;
	application_number: string;
	outcome: string;
	/** JSON array of `reason_codes.code`. */
	reason_codes: string;
	text: string;
	officer: string;
	decided_at: InstantText;
	rules_version: string;
	/** JSON of the assessment the decision rests on. */
	assessment_snapshot: string;
	/** `applications.version` the decision was made against. */
	case_version: number;
	bring_forward_on: DateText | null;
	/** 0/1; default 0. */
	review_required: Defaulted<BoolInt>;
	reviewer: string | null;
	review_outcome: string | null;
	review_text: string | null;
	reviewed_at: InstantText | null;
}

/** `audit_events`: every view and change, hash-chained; UPDATE and DELETE refused. */
export interface AuditEventsTable {
	seq: Generated<number>;
	at: InstantText;
	officer: string;
	action: string;
	application_number: string | null;
	/** JSON detail, or null. */
	detail: string | null;
	/** Hash of the previous event (null for the first). */
	prev_hash: string | null;
	hash: string;
}

/** `queues`: saved filters. */
export interface QueuesTable {
	id: Generated<number>;
	/** Unique. */
	name: string;
	/** Filter-language text (`status:in_review program:CEC`). */
	query: string;
	/** Sort specification text. */
	sort: string;
	/** Optional digit 0–9 that opens the queue; unique when set. */
	digit_key: number | null;
	/** Officer who owns the queue; null for shared queues. */
	owner: string | null;
}

/** `rounds`: Express Entry rounds of invitations. */
export interface RoundsTable {
	/** Round number (primary key). */
	number: number;
	at: InstantText;
	/** Round type, e.g. `general`, `program-specific`, `category-based`. */
	type: string;
	program: string | null;
	category: string | null;
	/** Invitations the round was to issue. */
	size: number;
	/** Invitations actually issued. */
	invited: number | null;
	/** Lowest CRS score invited. */
	cutoff: number | null;
	/** Profile-submission instant of the last person invited at the cutoff (tie-breaking rule). */
	tie_break_at: InstantText | null;
	created_by: string;
	created_at: InstantText;
}

/** `invitations`: who a round invited; primary key (round_number, application_number). */
export interface InvitationsTable {
	round_number: number;
	application_number: string;
	crs: number;
	/** 1-based rank within the round. */
	rank: number;
}

/** `reason_codes`: codes decisions may cite, with their meaning and legal source. */
export interface ReasonCodesTable {
	code: string;
	meaning: string;
	source: string;
}

/** `meta`: key/value facts about the store; `schema_version` holds the applied schema version. */
export interface MetaTable {
	key: string;
	value: string;
}

/** `schema_migrations`: one row per migration applied. */
export interface SchemaMigrationsTable {
	version: number;
	name: string;
	applied_at: InstantText;
}

/** The whole store, for `Kysely<Database>`. */
export interface Database {
	officers: OfficersTable;
	applications: ApplicationsTable;
	work_periods: WorkPeriodsTable;
	notes: NotesTable;
	documents: DocumentsTable;
	decisions: DecisionsTable;
	audit_events: AuditEventsTable;
	queues: QueuesTable;
	rounds: RoundsTable;
	invitations: InvitationsTable;
	reason_codes: ReasonCodesTable;
	meta: MetaTable;
	schema_migrations: SchemaMigrationsTable;
}

/** Row of `officers` as read. */
export type OfficerRow = Selectable<OfficersTable>;
/** Row of `officers` to insert. */
export type NewOfficer = Insertable<OfficersTable>;
/** Changes to an `officers` row. */
export type OfficerUpdate = Updateable<OfficersTable>;
/** Row of `applications` as read. */
export type ApplicationRow = Selectable<ApplicationsTable>;
/** Row of `applications` to insert. */
export type NewApplication = Insertable<ApplicationsTable>;
/** Changes to an `applications` row. */
export type ApplicationUpdate = Updateable<ApplicationsTable>;
/** Row of `work_periods` as read. */
export type WorkPeriodRow = Selectable<WorkPeriodsTable>;
/** Row of `work_periods` to insert. */
export type NewWorkPeriod = Insertable<WorkPeriodsTable>;
/** Row of `notes` as read. */
export type NoteRow = Selectable<NotesTable>;
/** Row of `notes` to insert. */
export type NewNote = Insertable<NotesTable>;
/** Row of `documents` as read. */
export type DocumentRow = Selectable<DocumentsTable>;
/** Row of `documents` to insert. */
export type NewDocument = Insertable<DocumentsTable>;
/** Row of `decisions` as read. */
export type DecisionRow = Selectable<DecisionsTable>;
/** Row of `decisions` to insert. */
export type NewDecision = Insertable<DecisionsTable>;
/** Row of `audit_events` as read. */
export type AuditEventRow = Selectable<AuditEventsTable>;
/** Row of `audit_events` to insert. */
export type NewAuditEvent = Insertable<AuditEventsTable>;
/** Row of `queues` as read. */
export type QueueRow = Selectable<QueuesTable>;
/** Row of `queues` to insert. */
export type NewQueue = Insertable<QueuesTable>;
/** Row of `rounds` as read. */
export type RoundRow = Selectable<RoundsTable>;
/** Row of `rounds` to insert. */
export type NewRound = Insertable<RoundsTable>;
/** Row of `invitations` as read. */
export type InvitationRow = Selectable<InvitationsTable>;
/** Row of `invitations` to insert. */
export type NewInvitation = Insertable<InvitationsTable>;
/** Row of `reason_codes` as read. */
export type ReasonCodeRow = Selectable<ReasonCodesTable>;
