/**
 * What every non-interactive command receives: its positional arguments, the parsed flags,
 * the environment, and where to write. Commands return an exit code or throw CliError.
 */
import {isRealDate} from '../rules/dates.js';
import {CliError, EXIT} from './exit-codes.js';

export type Flags = Record<string, unknown>;

export type CommandContext = {
	/** Positional arguments after the command name. */
	args: string[];
	flags: Flags;
	env: NodeJS.ProcessEnv;
	stdout: NodeJS.WritableStream;
	stderr: NodeJS.WritableStream;
	/** Today's calendar date (`YYYY-MM-DD`) in the officer's time zone; the one clock read of a command. */
	today: string;
};

/** A command: reads its context, writes its output, returns its exit code. */
export type Command = (context: CommandContext) => Promise<number>;

/** The `YYYY-MM-DD` flag value, or a usage error naming the flag and the value. */
export function dateFlag(flags: Flags, name: string, flagText: string): string | undefined {
	const value = flags[name];
	if (value === undefined) return undefined;
	if (typeof value !== 'string' || !isRealDate(value)) {
		throw new CliError(EXIT.usage, `${flagText}: ${JSON.stringify(value)} is not a calendar date (YYYY-MM-DD)`);
	}
	return value;
}

/** Today's date in the process's time zone as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
