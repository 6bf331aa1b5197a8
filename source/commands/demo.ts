/**
 * `caips demo [--cases N] [--seed S] [--db PATH]`: builds a realistic demo store (DESIGN.md
 * "Demo data") at the store path (`--db`, `CAIPS_DB`, or the default). The same seed gives the
 * same content. Refuses (exit 2) a store that already has cases. Prints one line at the end:
 * `demo store at PATH: N cases, M officers (you: USER, roles officer, supervisor)`.
 */
import {buildDemoStore} from '../cases/demo/index.js';
import {safeText} from '../ui/terminal-text.js';
import type {Command, Flags} from './context.js';
import {CliError, EXIT} from './exit-codes.js';
import {storePathOf} from './session.js';
import {expectPositionals} from './usage.js';

/** Largest `--cases` accepted (the whole audit trail is ordered in memory before it is written). */
const MAX_CASES = 200_000;

function integerFlag(flags: Flags, name: string, flagText: string, fallback: number, min: number, max: number): number {
	const value = flags[name];
	if (value === undefined) return fallback;
	if (typeof value !== 'string' || !/^-?\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
		throw new CliError(EXIT.usage, `${flagText}: ${JSON.stringify(value)} is not a whole number from ${min.toLocaleString('en-CA')} to ${max.toLocaleString('en-CA')}`);
	}
	return Number(value);
}

export const demoCommand: Command = async ({args, flags, env, stdout}) => {
	expectPositionals('demo', args, []);
	const cases = integerFlag(flags, 'cases', '--cases', 300, 0, MAX_CASES);
	const seed = integerFlag(flags, 'seed', '--seed', 1, 0, 2 ** 32 - 1);
	const path = storePathOf({flags, env});
	if (/^postgres(ql)?:\/\//.test(path)) throw new CliError(EXIT.usage, '--db: the demo builds SQLite stores only; give a file path');
	const summary = await buildDemoStore({path, env, cases, seed});
	const roles = summary.roles.filter((r) => r === 'officer' || r === 'supervisor' || r === 'admin' || r === 'auditor');
	const result = {path: summary.path, cases: summary.cases, officers: summary.officers, you: summary.you, roles, statuses: summary.statuses, auditEvents: summary.auditEvents};
	if (flags.json) {
		stdout.write(`${JSON.stringify(result)}\n`);
		return EXIT.ok;
	}
	stdout.write(
		`demo store at ${safeText(summary.path)}: ${summary.cases.toLocaleString('en-CA')} cases, ${summary.officers} officers (you: ${safeText(summary.you)}, roles ${roles.join(', ')})\n`,
	);
	return EXIT.ok;
};
