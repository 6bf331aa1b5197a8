/**
 * Officers and their roles (DESIGN.md "Identity and roles"), and the creation of a store's first
 * content (`caips init`): the first admin and the starting vocabulary of reason codes.
 *
 * Roles: `officer` decides cases, `supervisor` reviews, `auditor` reads, `admin` manages officers
 * and rounds. A person may hold several. Only admins add or deactivate officers; a store always
 * keeps at least one active admin.
 */
import type {Kysely} from 'kysely';
import {decodeBool, decodeSet, encodeSet, fetchPage, type Cursor, type Database, type OfficerRole, type SortKey, type Store} from '../../db/index.js';
import {recordAudit} from './audit.js';
import {seedReasonCodes} from './decisions.js';
import {InvalidError, NotFoundError} from './errors.js';
import {requireRole, write, type Actor, type Session, type Trx} from './session.js';

/** Every role, in the order they are listed to officers. */
export const OFFICER_ROLES: readonly OfficerRole[] = ['officer', 'supervisor', 'admin', 'auditor'];

/** An officer as callers see it (no row types leak). */
export type Officer = {
	userName: string;
	displayName: string;
	/** Sorted, without duplicates. */
	roles: OfficerRole[];
	office: string | null;
	active: boolean;
	/** Instant the officer was added (`YYYY-MM-DDTHH:MM:SS.sssZ`). */
	createdAt: string;
};

/** What `addOfficer` needs. */
export type NewOfficerInput = {
	/** The officer's OS login: letters, digits and `. _ @ $ -`, at most 64 characters. */
	userName: string;
	/** Name shown on screens; default: the user name. One line, not blank. */
	displayName?: string;
	/** At least one of {@link OFFICER_ROLES}. */
	roles: readonly string[];
	/** Office code or name, one line; optional. */
	office?: string | null;
};

const USER_NAME = /^[\p{L}\p{N}._@$-]{1,64}$/u;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** True when `role` is one of {@link OFFICER_ROLES}. */
export function isOfficerRole(role: string): role is OfficerRole {
	return (OFFICER_ROLES as readonly string[]).includes(role);
}

/**
 * Validates a list of role names: at least one, each known. Returns them sorted without
 * duplicates. Throws InvalidError naming the first unknown role.
 */
export function parseRoles(roles: readonly string[]): OfficerRole[] {
	if (roles.length === 0) throw new InvalidError(`an officer needs at least one role (${OFFICER_ROLES.join(', ')})`);
	for (const role of roles) {
		if (!isOfficerRole(role)) throw new InvalidError(`role ${JSON.stringify(role)} is not one of ${OFFICER_ROLES.join(', ')}`);
	}
	return [...new Set(roles as OfficerRole[])].sort();
}

function checkUserName(userName: string): void {
	if (!USER_NAME.test(userName)) {
		throw new InvalidError(`user name ${JSON.stringify(userName)} is not a login name (letters, digits and . _ @ $ -, at most 64 characters)`);
	}
}

function checkLine(field: string, value: string): void {
	if (value.trim() === '' || CONTROL.test(value) || value.length > 200) {
		throw new InvalidError(`${field} ${JSON.stringify(value)} must be one line of at most 200 characters, not blank, without control characters`);
	}
}

function toOfficer(row: {user_name: string; display_name: string; roles: string; office: string | null; active: number; created_at: string}): Officer {
	return {
		userName: row.user_name,
		displayName: row.display_name,
		roles: decodeSet(row.roles) as OfficerRole[],
		office: row.office,
		active: decodeBool(row.active as 0 | 1),
		createdAt: row.created_at,
	};
}

/**
 * Adds an officer (admins only). Audited as `officer-add` with the roles and office.
 * Throws PermissionError (77, the refusal audited) for a non-admin, InvalidError (65) for a bad
 * user name, display name, office or role (named), or when the user name is already an officer
 * (active or deactivated).
 */
export async function addOfficer(session: Session, input: NewOfficerInput): Promise<Officer> {
	checkUserName(input.userName);
	const roles = parseRoles(input.roles);
	const displayName = input.displayName ?? input.userName;
	checkLine('display name', displayName);
	const office = input.office ?? null;
	if (office !== null) checkLine('office', office);
	return write(session, {action: 'officer-add'}, async (trx) => {
		requireRole(session.actor, ['admin'], 'adding an officer');
		const existing = await trx.selectFrom('officers').select(['active']).where('user_name', '=', input.userName).executeTakeFirst();
		if (existing) {
			throw new InvalidError(`officer "${input.userName}" already exists${existing.active ? '' : ' (deactivated)'}`);
		}
		const created_at = session.now();
		await trx
			.insertInto('officers')
			.values({user_name: input.userName, display_name: displayName, roles: encodeSet(roles), office, active: 1, created_at})
			.execute();
		await recordAudit(trx, session, {action: 'officer-add', detail: {userName: input.userName, roles, office}});
		return {userName: input.userName, displayName, roles, office, active: true, createdAt: created_at};
	});
}

const OFFICER_ORDER: readonly SortKey[] = [{column: 'user_name'}];

/**
 * One page of officers (active and deactivated) in user-name order; `after` is the previous
 * page's `next`. Not audited: officers are not case data.
 */
export async function listOfficers(
	db: Kysely<Database>,
	options: {after?: Cursor | null; limit?: number} = {},
): Promise<{officers: Officer[]; next: Cursor | null}> {
	const page = await fetchPage(db.selectFrom('officers').selectAll(), {sort: OFFICER_ORDER, after: options.after ?? null, limit: options.limit ?? 500});
	return {officers: page.rows.map(toOfficer), next: page.next};
}

/**
 * Deactivates an officer (admins only): they can no longer act; their past work stays on record.
 * Audited as `officer-deactivate`. Throws PermissionError for a non-admin, NotFoundError for an
 * unknown user, InvalidError when already deactivated or when it would leave the store without
 * an active admin (the last admin cannot deactivate themself).
 */
export async function deactivateOfficer(session: Session, userName: string): Promise<void> {
	await write(session, {action: 'officer-deactivate'}, async (trx) => {
		requireRole(session.actor, ['admin'], 'deactivating an officer');
		const row = await trx.selectFrom('officers').select(['roles', 'active']).where('user_name', '=', userName).executeTakeFirst();
		if (!row) throw new NotFoundError(`no officer "${userName}" in this store`);
		if (!row.active) throw new InvalidError(`officer "${userName}" is already deactivated`);
		if (decodeSet(row.roles).includes('admin')) {
			const admins = await activeAdmins(trx);
			if (admins.length <= 1) {
				throw new InvalidError(`officer "${userName}" is the last active admin: add another admin before deactivating ${userName === session.actor.userName ? 'yourself' : 'them'}`);
			}
		}
		await trx.updateTable('officers').set({active: 0}).where('user_name', '=', userName).execute();
		await recordAudit(trx, session, {action: 'officer-deactivate', detail: {userName}});
	});
}

async function activeAdmins(trx: Trx): Promise<string[]> {
	// Roles are a JSON array of names, so membership is a LIKE on the quoted name (codec encodeSet).
	const rows = await trx.selectFrom('officers').select('user_name').where('active', '=', 1).where('roles', 'like', '%"admin"%').execute();
	return rows.map((r) => r.user_name);
}

/** What `initStore` did. */
export type InitResult =
	| {created: true; admin: string; /** Reason codes the store holds after seeding. */ reasonCodes: number}
	| {created: false; officers: number; isOfficer: boolean};

/**
 * Creates a store's first content in one transaction: `identity.userName` (the OS login, or
 * CAIPS_OFFICER) becomes an active admin, officer and supervisor, and the starting reason codes
 * (shared/spec/decisions.md; `seedReasonCodes` of decisions.ts, which leaves codes already
 * present alone) are seeded;
 * audited as `init`. On a store that already has officers nothing is changed (never wiped) and
 * `{created: false}` tells how many officers it has and whether the user is one.
 * `now` gives the current instant (`YYYY-MM-DDTHH:MM:SS.sssZ`).
 */
export async function initStore(store: Store, identity: {userName: string; osUser?: string}, now: () => string): Promise<InitResult> {
	checkUserName(identity.userName);
	const roles: OfficerRole[] = ['admin', 'officer', 'supervisor'];
	const actor: Actor = {
		userName: identity.userName,
		displayName: identity.userName,
		roles: new Set(roles),
		office: null,
		...(identity.osUser ? {osUser: identity.osUser} : {}),
	};
	const session: Session = {store, actor, now};
	return store.transaction(async (trx): Promise<InitResult> => {
		const officers = await trx.selectFrom('officers').select('user_name').execute();
		if (officers.length > 0) {
			return {created: false, officers: officers.length, isOfficer: officers.some((o) => o.user_name === identity.userName)};
		}
		await trx
			.insertInto('officers')
			.values({user_name: identity.userName, display_name: identity.userName, roles: encodeSet(roles), office: null, active: 1, created_at: now()})
			.execute();
		await seedReasonCodes(trx);
		const reasonCodes = (await trx.selectFrom('reason_codes').select('code').execute()).length;
		await recordAudit(trx, session, {action: 'init', detail: {admin: identity.userName, roles, reasonCodes}});
		return {created: true, admin: identity.userName, reasonCodes};
	});
}
