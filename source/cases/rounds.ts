/**
 * Rounds of invitations to apply (ITA) in Express Entry (rules.md §7.2–7.5), the expiry of
 * unanswered invitations, and the lists the Rounds screen pages through.
 *
 * A round at instant `at` invites the top `size` profiles of the pool on the round's date (the UTC
 * date of `at`; pool.ts says who is in it and in what order), keeping only profiles submitted at
 * or before `at`:
 * - general: every profile in the pool;
 * - program (CEC, FSW, FST, PNP): those eligible for the program on the date (PNP: nominees);
 * - category: those who meet the category on the date (rules/categories.ts).
 * The cut-off is the CRS of the lowest-ranked invitee and the tie-break instant its submission
 * instant: a profile above the cut-off is always invited; one at the cut-off only when it was
 * submitted before the tie-break instant (or at it, with a smaller application number). The same
 * round on the same data invites the same profiles: the order is total.
 *
 * A real round is ranked first in a read-only snapshot (no lock held: a pool of 250,000 takes
 * seconds), then written in ONE write transaction. Under the write lock the ranking is used only
 * if the store is unchanged since the snapshot (same last audit event: every change is audited),
 * else the pool is ranked again inside the transaction, so what is written is always what was
 * ranked. In the transaction the round and its invitations are
 * stored, each invitee moves to `invited` with `invited_at` = `at` (the stored application's
 * `invitedAt` too, so later assessments take age on the ITA date), its queue columns (CRS,
 * eligible programs) set from its assessment on the round's date, its cached full assessment
 * dropped (the case view computes it on the ITA date) and its version bumped. Audit: one `invite` event per invitee (on the case: round,
 * rank, CRS, version — the case's history shows it like any other change) and one `round` event
 * with the figures, last. 5,000 invitees are 5,000 events of ~300 bytes in the one chain, appended
 * in the same transaction 100 a statement (fields and hashes exactly as `recordAudit` makes them),
 * so the chain stays whole and the audit costs a fraction of a second.
 * A dry run ranks the same way in a read-only snapshot and writes nothing, not even an audit event.
 *
 * Role: admin (DESIGN.md: admins manage rounds), for dry runs too; refusals are audited.
 */
import {sql, type Kysely} from 'kysely';
import {
	CodecError,
	decodeCursor,
	decodeJson,
	encodeCursor,
	encodeInstant,
	encodeJsonOrNull,
	fetchPage,
	instantDate,
	type ApplicationRow,
	type Cursor,
	type Database,
	type Page,
	type SortKey,
} from '../../db/index.js';
import type {Application} from '../rules/application.js';
import {isCategoryId, type CategoryId} from '../rules/categories.js';
import {dayNumber, fromDayNumber, isRealDate} from '../rules/dates.js';
import {assessCase, cachedColumns, type Finding} from './assessment.js';
import {eventHash, lastAuditSeq, recordAudit, type AuditInput} from './audit.js';
import {bumpCase} from './case-version.js';
import {ConflictError, InvalidError, NotFoundError} from './errors.js';
import {storedApplicationData} from './import.js';
import {checkPoolOptions, rankCandidates, type PoolProgram} from './pool.js';
import {requireRole, write, type Session, type Trx} from './session.js';

/** Days an invitation to apply is valid (rules.md §7.3: 60 days since the MI of 2018-06-26). */
export const ITA_VALID_DAYS = 60;

/** Round types, as in the CLI contract. */
export type RoundType = 'general' | 'program' | 'category';

/** What a round is asked to do. */
export type RoundOptions = {
	/** Instant of the round (ISO-8601 with a zone); its UTC date is the round's date. */
	at: string;
	/** Invitations to issue (a positive whole number). */
	size: number;
	/** Program-specific round. */
	program?: PoolProgram | null;
	/** Category-based round (not with `program`). */
	category?: CategoryId | null;
	/** Compute the round without writing anything. */
	dryRun?: boolean;
};

/** One invitee, in rank order. */
export type RoundInvitee = {rank: number; applicationNumber: string; crs: number; profileSubmittedAt: string};

/** The figures of a round (the CLI contract's `round` object). */
export type RoundSummary = {
	number: number;
	/** Canonical UTC instant. */
	at: string;
	type: RoundType;
	program: PoolProgram | null;
	category: CategoryId | null;
	size: number;
	invited: number;
	/** CRS of the lowest-ranked invitee; null when nobody was invited. */
	cutoff: number | null;
	/** `profileSubmittedAt` of the lowest-ranked invitee; null when nobody was invited. */
	tieBreakAt: string | null;
	dryRun: boolean;
};

/** A round and its invitees. */
export type RoundResult = {round: RoundSummary; invitees: RoundInvitee[]};

const ROUND_ROLES = ['admin'] as const;
/** Rows per multi-row insert / lookup chunk. */
const CHUNK = 100;

type Prepared = {at: string; date: string; size: number; program: PoolProgram | null; category: CategoryId | null; type: RoundType};

/** Validates the options; InvalidError (65) naming the field and the value. */
function prepare(options: RoundOptions): Prepared {
	const {size} = options;
	if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) throw new InvalidError(`round size ${JSON.stringify(size)} is not a positive whole number`);
	let at: string;
	try {
		at = encodeInstant(options.at);
	} catch (error) {
		if (error instanceof CodecError) throw new InvalidError(`round instant ${JSON.stringify(options.at)} is not an ISO-8601 instant with a zone (e.g. 2026-08-05T14:00:00Z)`);
		throw error;
	}
	const program = options.program ?? null;
	const category = options.category ?? null;
	if (program !== null && category !== null) throw new InvalidError(`a round is program-specific or category-based, not both (program ${program}, category ${category})`);
	const date = instantDate(at);
	checkPoolOptions({asOf: date, program, category});
	return {at, date, size, program, category, type: program ? 'program' : category ? 'category' : 'general'};
}

/** Ranks and cuts the round with `db` (the transaction the round runs in). */
async function computeRound(db: Kysely<Database>, p: Prepared, dryRun: boolean): Promise<RoundResult> {
	const last = await db.selectFrom('rounds').select((eb) => eb.fn.max('number').as('max')).executeTakeFirst();
	const number = Number(last?.max ?? 0) + 1;
	const ranked = await rankCandidates(db, {asOf: p.date, program: p.program, category: p.category, submittedBy: p.at, limit: p.size});
	const invitees: RoundInvitee[] = ranked.map((e) => ({rank: e.rank, applicationNumber: e.applicationNumber, crs: e.crs, profileSubmittedAt: e.profileSubmittedAt}));
	const lowest = invitees[invitees.length - 1];
	return {
		round: {
			number,
			at: p.at,
			type: p.type,
			program: p.program,
			category: p.category,
			size: p.size,
			invited: invitees.length,
			cutoff: lowest?.crs ?? null,
			tieBreakAt: lowest?.profileSubmittedAt ?? null,
			dryRun,
		},
		invitees,
	};
}

/** Officer findings (other than `claimed`) on the work periods of `numbers`, by case. */
async function findingsFor(trx: Trx, numbers: readonly string[]): Promise<Map<string, Finding[]>> {
	const rows = await trx
		.selectFrom('work_periods')
		.select(['application_number', 'person', 'idx', 'finding'])
		.where('application_number', 'in', numbers)
		.where('finding', '<>', 'claimed')
		.execute();
	const out = new Map<string, Finding[]>();
	for (const r of rows) out.set(r.application_number, [...(out.get(r.application_number) ?? []), {person: r.person, idx: r.idx, finding: r.finding}]);
	return out;
}

/** What one invitee's row becomes (see {@link inviteChunk}). */
type InviteUpdate = {n: string; v: number; data: string; crs: number; rules: string; programs: string};

/**
 * Moves a chunk of invitees (at most CHUNK) to `invited` in ONE statement: `invited_at` = the
 * round's instant, the stored application's `invitedAt` too (later assessments take age on the
 * ITA date), the queue's columns (CRS, eligible programs, rules version) from the assessment on
 * the round's date, version raised by one, `updated_at` now. The full assessment is not cached
 * (`assessment` null): the case view computes it on the ITA date (caseReferenceDate), ~20 µs for
 * one case, where writing it for 5,000 invitees would add ~25 MB to the round's transaction. Each
 * row is guarded by the version read in this transaction, as `bumpCase` does: a row changed
 * meanwhile (possible only without SQLite's whole-database write lock) fails the round with
 * ConflictError. One statement per chunk instead of one per invitee: 5,000 single-row updates
 * cost over a second of round trips. Returns the invitees' audit events.
 */
async function inviteChunk(trx: Trx, session: Session, chunk: readonly RoundInvitee[], round: RoundSummary): Promise<AuditInput[]> {
	const numbers = chunk.map((e) => e.applicationNumber);
	const rows = new Map(
		(await trx.selectFrom('applications').select(['application_number', 'status', 'version', 'data']).where('application_number', 'in', numbers).execute()).map((r) => [r.application_number, r]),
	);
	const findings = await findingsFor(trx, numbers);
	const date = instantDate(round.at);
	const updates: InviteUpdate[] = [];
	const events: AuditInput[] = [];
	for (const invitee of chunk) {
		const row = rows.get(invitee.applicationNumber);
		if (!row) throw new NotFoundError(`no case ${invitee.applicationNumber}`);
		if (row.status !== 'pool') throw new InvalidError(`case ${row.application_number} is ${row.status}, not in the pool`);
		const application = {...decodeJson<Application>(row.data), invitedAt: round.at};
		const cached = cachedColumns(assessCase(application, findings.get(row.application_number) ?? [], date));
		updates.push({n: row.application_number, v: row.version, data: storedApplicationData(application), crs: cached.crs_total, rules: cached.rules_version, programs: cached.eligible_programs});
		events.push({
			action: 'invite',
			applicationNumber: row.application_number,
			detail: {round: round.number, rank: invitee.rank, crs: invitee.crs, at: round.at, from: 'pool', to: 'invited', version: row.version + 1},
		});
	}
	const result = await sql`
		update applications set
			status = 'invited', invited_at = ${round.at}, data = j.value ->> 'data', assessment = null,
			crs_total = j.value ->> 'crs', rules_version = j.value ->> 'rules', eligible_programs = j.value ->> 'programs',
			version = applications.version + 1, updated_at = ${session.now()}
		from json_each(${JSON.stringify(updates)}) as j
		where applications.application_number = j.value ->> 'n' and applications.version = j.value ->> 'v'`.execute(trx);
	if (Number(result.numAffectedRows) !== updates.length) {
		throw new ConflictError(`${updates.length - Number(result.numAffectedRows)} of the round's invitees were changed by someone else meanwhile: run the round again`);
	}
	return events;
}

/**
 * Appends `inputs` to the audit chain in order, as `recordAudit` would one by one (same fields,
 * same hash, the OS login merged into the detail), but 100 events a statement: a round of 5,000
 * invitations would otherwise spend seconds on 10,000 round trips to the store.
 */
async function appendAuditEvents(trx: Trx, session: Session, inputs: readonly AuditInput[]): Promise<void> {
	const last = await trx.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
	let seq = last?.seq ?? 0;
	let prev = last?.hash ?? null;
	const rows = inputs.map((input) => {
		const detail = session.actor.osUser ? {...input.detail, osUser: session.actor.osUser} : (input.detail ?? null);
		const fields = {
			seq: ++seq,
			at: session.now(),
			officer: session.actor.userName,
			action: input.action,
			application_number: input.applicationNumber ?? null,
			detail: encodeJsonOrNull(detail),
			prev_hash: prev,
		};
		prev = eventHash(fields);
		return {...fields, hash: prev};
	});
	for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto('audit_events').values(rows.slice(i, i + CHUNK)).execute();
}

/** Stores the round, its invitations and the invitees' changes inside `trx`. */
async function storeRound(trx: Trx, session: Session, result: RoundResult): Promise<void> {
	const {round, invitees} = result;
	const events: AuditInput[] = [];
	await trx
		.insertInto('rounds')
		.values({
			number: round.number,
			at: round.at,
			type: round.type,
			program: round.program,
			category: round.category,
			size: round.size,
			invited: round.invited,
			cutoff: round.cutoff,
			tie_break_at: round.tieBreakAt,
			created_by: session.actor.userName,
			created_at: session.now(),
		})
		.execute();
	for (let i = 0; i < invitees.length; i += CHUNK) {
		const chunk = invitees.slice(i, i + CHUNK);
		events.push(...(await inviteChunk(trx, session, chunk, round)));
		await trx
			.insertInto('invitations')
			.values(chunk.map((e) => ({round_number: round.number, application_number: e.applicationNumber, crs: e.crs, rank: e.rank})))
			.execute();
	}
	events.push({action: 'round', detail: {...round, dryRun: undefined}});
	await appendAuditEvents(trx, session, events);
}

/**
 * Runs (or, with `dryRun`, simulates) a round of invitations; see the module comment for who is
 * invited and what is written. Returns the round's figures (number = the previous highest + 1) and
 * its invitees in rank order; a round with nobody eligible invites 0 with `cutoff` null.
 *
 * Throws PermissionError (77; refusal audited) unless the officer is an admin; InvalidError (65)
 * for a real round dated in the future or not after the latest stored round, for a size that is not a positive whole number, an instant without a zone, both a program and
 * a category, an unknown program or category, or a category not in force on the round's date;
 * StoreBusyError (75) when the store stays locked. A failed round writes nothing.
 */
export async function runRound(session: Session, options: RoundOptions): Promise<RoundResult> {
	const dryRun = options.dryRun === true;
	const action = dryRun ? 'round-dry-run' : 'round';
	if (!session.actor.roles.has('admin')) await write(session, {action}, async () => requireRole(session.actor, ROUND_ROLES, dryRun ? 'simulating a round' : 'running a round'));
	const prepared = prepare(options);
	if (dryRun) return session.store.transaction((trx) => computeRound(trx, prepared, true), {readOnly: true});
	return commitRound(session, await rankRound(session, prepared));
}

/** A round ranked in a read-only snapshot, and the last audit event the snapshot saw. */
export type RankedRound = {prepared: Prepared; seq: number; result: RoundResult};

/**
 * Ranks a real round in a read-only snapshot, without the write lock (other officers keep
 * working meanwhile). Given raw options, validates them (InvalidError 65). Use
 * {@link commitRound} to write it; {@link runRound} does both.
 */
export async function rankRound(session: Session, options: RoundOptions | Prepared): Promise<RankedRound> {
	const prepared = 'type' in options ? options : prepare(options);
	return session.store.transaction(
		async (trx) => {
			await checkRoundInstant(trx, session, prepared.at);
			return {prepared, seq: await lastAuditSeq(trx), result: await computeRound(trx, prepared, false)};
		},
		{readOnly: true},
	);
}

/**
 * Why a real round at `at` (an instant) would be refused now — dated ahead, or not after the
 * latest stored round (see checkRoundInstant) — or null when it would not be: a dry run may
 * simulate any date, and says so beside its result. Throws InvalidError for an instant that is not one.
 */
export async function realRoundProblem(session: Session, at: string): Promise<string | null> {
	const instant = prepare({at, size: 1}).at;
	return session.store.transaction(
		async (trx) => {
			try {
				await checkRoundInstant(trx, session, instant);
				return null;
			} catch (error) {
				if (error instanceof InvalidError) return error.message;
				throw error;
			}
		},
		{readOnly: true},
	);
}

/**
 * A real round is dated now or in the past, and after the latest stored round: invitations dated
 * ahead would lock ages at a future date, and a round dated before earlier ones would give ITAs
 * that `caips ita expire` ends at once. InvalidError (65) naming the instant; a dry run may
 * simulate any date.
 */
async function checkRoundInstant(db: Kysely<Database>, session: Session, at: string): Promise<void> {
	const now = session.now();
	if (at > now) throw new InvalidError(`round instant ${at} is in the future (now ${now}): a round cannot be dated ahead; simulate it with --dry-run`);
	const latest = await db.selectFrom('rounds').select(['number', 'at']).orderBy('at', 'desc').limit(1).executeTakeFirst();
	if (latest && at <= latest.at) throw new InvalidError(`round instant ${at} is not after round ${latest.number} of ${latest.at}: rounds are run in the order of their dates`);
}

/**
 * Writes a round ranked by {@link rankRound} in one write transaction. Under the write lock the
 * ranking is used only if nothing was written since the snapshot (the last audit event is the
 * same: every change is audited); else the pool is ranked again inside the transaction, so what
 * is written is always what was ranked. Throws PermissionError (77) unless the officer is an
 * admin, StoreBusyError (75) when the store stays locked.
 */
export async function commitRound(session: Session, ranked: RankedRound): Promise<RoundResult> {
	return write(session, {action: 'round'}, async (trx) => {
		requireRole(session.actor, ROUND_ROLES, 'running a round');
		await checkRoundInstant(trx, session, ranked.prepared.at);
		const result = (await lastAuditSeq(trx)) === ranked.seq ? ranked.result : await computeRound(trx, ranked.prepared, false);
		await storeRound(trx, session, result);
		return result;
	});
}

/** What {@link expireInvitations} did (or, in a dry run, would do). */
export type ExpiryResult = {
	/** The date the expiry was judged on. */
	asOf: string;
	/** Cases moved (dry run: that would move) from `invited` to `withdrawn`, in application-number order. */
	expired: string[];
	dryRun: boolean;
};

/** The invited cases whose ITA is older than `before` (an instant) and unanswered, a keyset page at a time. */
async function* unansweredBefore(db: Kysely<Database>, before: string): AsyncGenerator<ApplicationRow> {
	const sort: SortKey<ApplicationRow>[] = [{column: 'application_number'}];
	let after: Cursor | null = null;
	for (;;) {
		const query = db.selectFrom('applications').selectAll().where('status', '=', 'invited').where('received_at', 'is', null).where('invited_at', '<', before);
		const page: Page<ApplicationRow> = await fetchPage(query, {sort, after, limit: 500});
		yield* page.rows;
		if (!page.next) return;
		after = page.next;
	}
}

/**
 * Ends the invitations that expired unanswered by `asOf` (`YYYY-MM-DD`): an ITA is valid for 60
 * days (rules.md §7.3) — through the 60th day after the UTC date of `invited_at` — and expires the
 * day after when no e-APR was received (`received_at` null). Each such case moves from `invited`
 * to `withdrawn` (the candidate leaves the pool and needs a new profile, rules.md §7.3), gets a
 * note "ITA expired…", its version bumped and an `ita-expired` audit event; all in one write
 * transaction. With `dryRun`, lists the cases that would expire and changes nothing (a read-only
 * snapshot, no audit event): a preview before an irreversible withdrawal. Role: admin.
 *
 * Throws PermissionError (77, audited) or InvalidError (65) for a date that is not `YYYY-MM-DD`.
 */
export async function expireInvitations(session: Session, asOf: string, options: {dryRun?: boolean} = {}): Promise<ExpiryResult> {
	if (typeof asOf !== 'string' || !isRealDate(asOf)) throw new InvalidError(`as-of date ${JSON.stringify(asOf)} is not a calendar date YYYY-MM-DD`);
	// Expired on asOf ⇔ ITA date + 60 < asOf ⇔ invited_at before the start of asOf − 60 days.
	const before = `${fromDayNumber(dayNumber(asOf) - ITA_VALID_DAYS)}T00:00:00.000Z`;
	if (options.dryRun) {
		if (!session.actor.roles.has('admin')) await write(session, {action: 'ita-expired'}, async () => requireRole(session.actor, ROUND_ROLES, 'previewing expired invitations'));
		return session.store.transaction(
			async (trx) => {
				const expired: string[] = [];
				for await (const row of unansweredBefore(trx, before)) expired.push(row.application_number);
				return {asOf, expired, dryRun: true};
			},
			{readOnly: true},
		);
	}
	return write(session, {action: 'ita-expired'}, async (trx) => {
		requireRole(session.actor, ROUND_ROLES, 'expiring invitations');
		const expired: string[] = [];
		for await (const row of unansweredBefore(trx, before)) {
			const itaDate = instantDate(row.invited_at!);
			const deadline = fromDayNumber(dayNumber(itaDate) + ITA_VALID_DAYS);
			const version = await bumpCase(trx, session, row, {status: 'withdrawn'});
			await trx
				.insertInto('notes')
				.values({
					application_number: row.application_number,
					author: session.actor.userName,
					at: session.now(),
					body: `ITA expired: no e-APR was received within ${ITA_VALID_DAYS} days of the invitation of ${itaDate} (deadline ${deadline}); the profile leaves the pool and the candidate needs a new profile.`,
					corrects_note_id: null,
				})
				.execute();
			await recordAudit(trx, session, {
				action: 'ita-expired',
				applicationNumber: row.application_number,
				detail: {reason: 'ITA expired', invitedAt: row.invited_at, deadline, asOf, from: 'invited', to: 'withdrawn', version},
			});
			expired.push(row.application_number);
		}
		return {asOf, expired, dryRun: false};
	});
}

/** A stored round, as the Rounds screen lists it. */
export type StoredRound = Omit<RoundSummary, 'dryRun'> & {createdBy: string; createdAt: string};

/** A page of a list, with an opaque cursor for the next one (null on the last page). */
export type ListPage<T> = {rows: T[]; next: string | null};

/** Rows per page when none is asked for, and the most a page may hold. */
export const ROUNDS_PAGE_SIZE = 50;
export const ROUNDS_MAX_PAGE_SIZE = 1000;

function pageLimit(limit: number | undefined): number {
	const n = limit ?? ROUNDS_PAGE_SIZE;
	if (!Number.isInteger(n) || n < 1 || n > ROUNDS_MAX_PAGE_SIZE) throw new InvalidError(`page size ${JSON.stringify(limit)} is not a whole number from 1 to ${ROUNDS_MAX_PAGE_SIZE}`);
	return n;
}

function cursorFrom(after: string | null | undefined): Cursor | null {
	if (!after) return null;
	try {
		return decodeCursor(after);
	} catch {
		throw new InvalidError(`page cursor ${JSON.stringify(after)} is not one this list handed out`);
	}
}

/**
 * The stored rounds, latest first, one keyset page at a time (`after`: the `next` of the previous
 * page). Read-only; no audit (a round's figures show no case).
 */
export async function listRounds(db: Kysely<Database>, options: {after?: string | null; limit?: number} = {}): Promise<ListPage<StoredRound>> {
	const sort: SortKey<{number: number}>[] = [{column: 'number', direction: 'desc'}];
	const page = await fetchPage(db.selectFrom('rounds').selectAll(), {sort, after: cursorFrom(options.after), limit: pageLimit(options.limit)});
	return {
		rows: page.rows.map((r) => ({
			number: r.number,
			at: r.at,
			type: r.type as RoundType,
			program: (r.program as PoolProgram | null) ?? null,
			category: isCategoryId(r.category) ? r.category : null,
			size: r.size,
			invited: r.invited ?? 0,
			cutoff: r.cutoff,
			tieBreakAt: r.tie_break_at,
			createdBy: r.created_by,
			createdAt: r.created_at,
		})),
		next: page.next ? encodeCursor(page.next) : null,
	};
}

/** One invitee of a stored round, with the case's name and current status. */
export type StoredInvitee = RoundInvitee & {familyName: string; givenNames: string; status: string};

/**
 * The invitees of round `number` in rank order, one keyset page at a time (index of migration
 * 0003). Read-only; no audit (the Rounds screen's listing; opening a case is audited there).
 * Throws NotFoundError (65) for a round that does not exist.
 */
export async function roundInvitees(db: Kysely<Database>, number: number, options: {after?: string | null; limit?: number} = {}): Promise<ListPage<StoredInvitee>> {
	const limit = pageLimit(options.limit);
	const after = cursorFrom(options.after);
	if (!after) {
		const round = await db.selectFrom('rounds').select('number').where('number', '=', number).executeTakeFirst();
		if (!round) throw new NotFoundError(`no round ${number}`);
	}
	const query = db
		.selectFrom('invitations')
		.innerJoin('applications', 'applications.application_number', 'invitations.application_number')
		.select([
			'invitations.rank as rank',
			'invitations.application_number as applicationNumber',
			'invitations.crs as crs',
			'applications.profile_submitted_at as profileSubmittedAt',
			'applications.family_name as familyName',
			'applications.given_names as givenNames',
			'applications.status as status',
		])
		.where('invitations.round_number', '=', number);
	const page = await fetchPage(query, {sort: [{column: 'invitations.rank', key: 'rank'}], after, limit});
	return {rows: page.rows, next: page.next ? encodeCursor(page.next) : null};
}

