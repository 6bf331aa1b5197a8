/**
 * Work distribution: taking the next case of a queue, and assigning a case.
 *
 * A case an officer picks up moves from `received` to `in_review` (DESIGN.md "Case life cycle":
 * `received` (e-APR) → `in_review` (assigned)). Both operations are one write transaction each
 * that checks, changes, bumps the case version and records an `assign` audit event whose detail
 * holds `{from, to, status, version, via}`.
 */
import {decodeSet, fetchPage, type ApplicationStatus} from '../../db/index.js';
import {workStatusCondition, WORK_STATUSES} from '../../db/migrations/0002_queues.js';
import {recordAudit} from './audit.js';
import {bumpCase, loadCaseForUpdate} from './case-version.js';
import {ConflictError, InvalidError, NotFoundError, PermissionError} from './errors.js';
import {localDateOf, type FilterContext} from './filter.js';
import {findQueue, queuePageQuery, sortKeys, toEntry, type QueueEntry} from './queues.js';
import {requireRole, write, type Session} from './session.js';

/** States a case can be taken in by `takeNext`: received, or in review with nobody on it. */
export const TAKEABLE_STATUSES: readonly ApplicationStatus[] = ['received', 'in_review'];

/** How many times `takeNext` picks another case when the one it chose was taken meanwhile. */
const TAKE_ATTEMPTS = 20;

/** The status a case moves to when an officer picks it up. */
function pickedUpStatus(status: ApplicationStatus): ApplicationStatus {
	return status === 'received' ? 'in_review' : status;
}

/**
 * Assigns to the acting officer the oldest (received first, then application number) unassigned
 * case of `queueName` (default `Unassigned`) that is received or in review, and moves it to
 * `in_review`. Returns the case as now stored, or null when the queue has none to take.
 *
 * Atomic: one write transaction selects the candidate and updates it with
 * `WHERE assigned_to IS NULL AND version = :read`; when no row changes (possible only where
 * another transaction can commit in between, e.g. PostgreSQL READ COMMITTED — SQLite's
 * BEGIN IMMEDIATE already serialises writers) it selects again. Two officers asking at once
 * never get the same case. Needs the officer role (PermissionError, audited as refused);
 * NotFoundError for an unknown queue; ConflictError after {@link TAKE_ATTEMPTS} lost races.
 */
export async function takeNext(session: Session, queueName: string = 'Unassigned', options: {today?: string} = {}): Promise<QueueEntry | null> {
	const me = session.actor.userName;
	const today = options.today ?? localDateOf(session.now());
	const context: FilterContext = {me, today};
	return write(session, {action: 'assign'}, async (trx) => {
		requireRole(session.actor, ['officer'], 'taking the next case');
		const queue = await findQueue(trx, queueName);
		for (let attempt = 0; attempt < TAKE_ATTEMPTS; attempt++) {
			const candidates = queuePageQuery(trx, queue, null, context)
				.where(workStatusCondition('applications.status'))
				.where('applications.assigned_to', 'is', null)
				.where('applications.status', 'in', TAKEABLE_STATUSES);
			const page = await fetchPage(candidates, {sort: sortKeys({column: 'received', direction: 'asc'}), limit: 1});
			const row = page.rows[0];
			if (!row) return null;
			const status = pickedUpStatus(row.status);
			const version = row.version + 1;
			const now = session.now();
			const result = await trx
				.updateTable('applications')
				.set({assigned_to: me, status, version, updated_at: now})
				.where('application_number', '=', row.application_number)
				.where('assigned_to', 'is', null)
				.where('version', '=', row.version)
				.executeTakeFirst();
			if (Number(result.numUpdatedRows) !== 1) continue;
			await recordAudit(trx, session, {
				action: 'assign',
				applicationNumber: row.application_number,
				detail: {from: null, to: me, status: {from: row.status, to: status}, version, via: 'next', queue: queue.name},
			});
			return toEntry({...row, assigned_to: me, status, version}, today);
		}
		throw new ConflictError(`queue "${queue.name}": other officers took each case chosen for you ${TAKE_ATTEMPTS} times in a row; try again`);
	});
}

/** What {@link assignCase} did. */
export type AssignResult = {
	applicationNumber: string;
	/** Who the case is assigned to now. */
	assignedTo: string;
	/** Who it was assigned to before (null: nobody). */
	previous: string | null;
	status: ApplicationStatus;
	version: number;
	/** False when the case was already assigned to that officer (nothing written). */
	changed: boolean;
};

/**
 * Assigns case `applicationNumber` to `toUser` (`me` for the acting officer).
 *
 * Who may: a supervisor or an admin, to anyone; an officer, only a case nobody holds, only to
 * themselves. The target must be an active officer holding the officer role; the case must be
 * being worked on (received, in_review, awaiting_info, pending_review). A received case moves to
 * `in_review`. Already assigned to `toUser`: nothing changes (`changed: false`, not audited).
 * `expectVersion`: the version the officer saw (ConflictError when the case changed since).
 *
 * Throws NotFoundError (no such case or officer, 65), InvalidError (case not open, target not an
 * active officer, 65), PermissionError (77) and ConflictError (75); refusals are audited.
 */
export async function assignCase(session: Session, applicationNumber: string, toUser: string, options: {expectVersion?: number} = {}): Promise<AssignResult> {
	const actor = session.actor;
	const target = toUser.trim().toLowerCase() === 'me' ? actor.userName : toUser.trim();
	return write(session, {action: 'assign', applicationNumber}, async (trx) => {
		requireRole(actor, ['officer', 'supervisor', 'admin'], 'assigning a case');
		const manager = actor.roles.has('supervisor') || actor.roles.has('admin');
		if (!manager && target !== actor.userName) {
			throw new PermissionError(`assigning case ${applicationNumber} to ${target} needs the supervisor or admin role; an officer may take only an unassigned case, for themselves`);
		}
		const row = await loadCaseForUpdate(trx, session, applicationNumber, options.expectVersion);
		if (!(WORK_STATUSES as readonly string[]).includes(row.status)) {
			throw new InvalidError(`case ${applicationNumber} is ${row.status}: only a case being worked on (${WORK_STATUSES.join(', ')}) can be assigned`);
		}
		const officer = await trx.selectFrom('officers').select(['user_name', 'roles', 'active']).where('user_name', '=', target).executeTakeFirst();
		if (!officer) throw new NotFoundError(`no officer "${target}" in this store`);
		if (!officer.active) throw new InvalidError(`officer "${target}" is deactivated: a case cannot be assigned to them`);
		if (!decodeSet(officer.roles).includes('officer')) throw new InvalidError(`"${target}" does not hold the officer role: a case cannot be assigned to them`);
		const previous = row.assigned_to;
		if (previous === target) {
			return {applicationNumber, assignedTo: target, previous, status: row.status, version: row.version, changed: false};
		}
		if (!manager && previous !== null) {
			throw new ConflictError(`case ${applicationNumber} is already assigned to ${previous}`);
		}
		const status = pickedUpStatus(row.status);
		const version = await bumpCase(trx, session, row, {assigned_to: target, status});
		await recordAudit(trx, session, {
			action: 'assign',
			applicationNumber,
			detail: {from: previous, to: target, status: {from: row.status, to: status}, version, via: 'assign'},
		});
		return {applicationNumber, assignedTo: target, previous, status, version, changed: true};
	});
}
