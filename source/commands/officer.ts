/**
 * `caips officer add USER --role R [--role R2…] [--office O] [--name DISPLAY]` (admins only),
 * `caips officer list [--json]` (any officer) and `caips officer deactivate USER` (admins only).
 * Adding and deactivating are audited; a refused attempt (exit 77) is audited too.
 */
import {addOfficer, deactivateOfficer, isOfficerRole, listOfficers, OFFICER_ROLES, type Officer} from '../cases/officers.js';
import type {Cursor} from '../../db/index.js';
import {formatValue} from '../format/format-error.js';
import {padWidth, safeText} from '../ui/terminal-text.js';
import type {Command, Flags} from './context.js';
import {CliError, EXIT} from './exit-codes.js';
import {withReadSession, withSession} from './session.js';
import {expectPositionals, usageError} from './usage.js';

function onlyFlags(flags: Flags, allowed: readonly string[], sub: string): void {
	for (const name of ['role', 'office', 'name']) {
		const value = flags[name];
		const given = value !== undefined && !(Array.isArray(value) && value.length === 0);
		if (given && !allowed.includes(name)) throw usageError('officer', `--${name} is an option of officer add, not of officer ${sub}`);
	}
}

function rolesOf(flags: Flags): string[] {
	const value = flags.role;
	const roles = (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
	if (roles.length === 0) throw usageError('officer', `--role R is required: at least one of ${OFFICER_ROLES.join(', ')}`);
	for (const role of roles) {
		if (!isOfficerRole(role)) throw new CliError(EXIT.usage, `--role: ${JSON.stringify(role)} is not one of ${OFFICER_ROLES.join(', ')}`);
	}
	return roles;
}

function optionalText(flags: Flags, name: string): string | undefined {
	const value = flags[name];
	return typeof value === 'string' ? value : undefined;
}

function officerLine(o: Officer): string {
	return [
		padWidth(safeText(o.userName), 16),
		padWidth(safeText(o.displayName), 28),
		padWidth(o.roles.join(','), 34),
		padWidth(o.office === null ? '—' : safeText(o.office), 12),
		o.active ? 'active' : 'deactivated',
	].join(' ');
}

export const officerCommand: Command = async (context) => {
	const {args, flags, stdout} = context;
	const [sub, ...rest] = args;
	if (sub === 'add') {
		expectPositionals('officer', rest, ['USER']);
		const roles = rolesOf(flags);
		return withSession(context, async (session) => {
			const officer = await addOfficer(session, {userName: rest[0]!, roles, displayName: optionalText(flags, 'name'), office: optionalText(flags, 'office')});
			if (flags.json) stdout.write(JSON.stringify(officer) + '\n');
			else stdout.write(`added officer ${safeText(officer.userName)} (${officer.roles.join(', ')})\n`);
			return EXIT.ok;
		});
	}
	if (sub === 'list') {
		onlyFlags(flags, [], 'list');
		expectPositionals('officer', rest, []);
		return withReadSession(context, async (session) => {
			const officers: Officer[] = [];
			let after: Cursor | null = null;
			do {
				const page = await listOfficers(session.store.db, {after});
				officers.push(...page.officers);
				after = page.next;
			} while (after !== null);
			if (flags.json) {
				stdout.write(JSON.stringify(officers) + '\n');
			} else {
				stdout.write(`${['USER'.padEnd(16), 'NAME'.padEnd(28), 'ROLES'.padEnd(34), 'OFFICE'.padEnd(12), 'STATE'].join(' ')}\n`);
				for (const officer of officers) stdout.write(`${officerLine(officer).trimEnd()}\n`);
			}
			return EXIT.ok;
		});
	}
	if (sub === 'deactivate') {
		onlyFlags(flags, [], 'deactivate');
		expectPositionals('officer', rest, ['USER']);
		return withSession(context, async (session) => {
			await deactivateOfficer(session, rest[0]!);
			if (flags.json) stdout.write(JSON.stringify({userName: rest[0], active: false}) + '\n');
			else stdout.write(`deactivated officer ${safeText(rest[0]!)}\n`);
			return EXIT.ok;
		});
	}
	if (sub === undefined) throw usageError('officer', 'missing the subcommand add, list or deactivate');
	throw usageError('officer', `unknown subcommand ${formatValue(sub)}`);
};
