/**
 * Who is acting, on which store, at what time: the first argument of every case operation.
 * The officer is the OS login (DESIGN.md "Identity and roles"), which must be an active officer.
 */
import {userInfo} from 'node:os';
import type {Transaction} from 'kysely';
import {decodeSet, type Database, type OfficerRole, type Store} from '../../db/index.js';
import {recordAudit} from './audit.js';
import {CaseError, NotFoundError, PermissionError} from './errors.js';

/** The acting officer. */
export type Actor = {
	userName: string;
	displayName: string;
	roles: ReadonlySet<OfficerRole>;
	office: string | null;
	/** The OS login when it differs from `userName` (CAIPS_OFFICER set); recorded in the audit trail. */
	osUser?: string;
};

/** A store, the acting officer and the clock. */
export type Session = {
	store: Store;
	actor: Actor;
	/** The current instant (UTC, `YYYY-MM-DDTHH:MM:SS.sssZ`). */
	now: () => string;
};

export type Trx = Transaction<Database>;

/**
 * The OS login of the process, or `CAIPS_OFFICER` when set (for service accounts and tests;
 * the OS login is then recorded beside it in every audit event).
 */
export function osIdentity(env: NodeJS.ProcessEnv = process.env): {userName: string; osUser?: string} {
	const os = userInfo().username;
	const override = env.CAIPS_OFFICER?.trim();
	return override && override !== os ? {userName: override, osUser: os} : {userName: os};
}

/**
 * Loads the active officer `userName`. Throws PermissionError (exit 77) when the login is not an
 * officer of this store or is deactivated.
 */
export async function loadActor(store: Store, userName: string, osUser?: string): Promise<Actor> {
	const row = await store.db.selectFrom('officers').selectAll().where('user_name', '=', userName).executeTakeFirst();
	if (!row) throw new PermissionError(`"${userName}" is not an officer of this store (an admin adds officers: caips officer add ${userName} --role officer)`);
	if (!row.active) throw new PermissionError(`officer "${userName}" is deactivated`);
	return {
		userName: row.user_name,
		displayName: row.display_name,
		roles: new Set(decodeSet(row.roles) as OfficerRole[]),
		office: row.office,
		...(osUser ? {osUser} : {}),
	};
}

/** Throws PermissionError unless the actor holds one of `roles`; `what` names the attempt. */
export function requireRole(actor: Actor, roles: readonly OfficerRole[], what: string): void {
	if (!roles.some((role) => actor.roles.has(role))) {
		throw new PermissionError(`${what} needs the ${roles.join(' or ')} role; ${actor.userName} has ${[...actor.roles].join(', ') || 'no role'}`);
	}
}

/**
 * Runs `fn` as one write transaction (BEGIN IMMEDIATE, retried whole when busy). When it fails
 * with a PermissionError or a ConflictError, the refused attempt is audited in a transaction of
 * its own (the failed one was rolled back), then the error is rethrown.
 */
export async function write<T>(session: Session, attempt: {action: string; applicationNumber?: string | null}, fn: (trx: Trx) => Promise<T>): Promise<T> {
	try {
		return await session.store.transaction(fn);
	} catch (error) {
		if (error instanceof CaseError && !(error instanceof NotFoundError) && error.exitCode !== 65) {
			await session.store.transaction((trx) =>
				recordAudit(trx, session, {
					action: 'refused',
					applicationNumber: attempt.applicationNumber ?? null,
					detail: {attempt: attempt.action, reason: error.message},
				}),
			);
		}
		throw error;
	}
}
