/**
 * Exit codes of the command-line contract (sysexits-style) and the error that carries one.
 * The CLI prints a CliError's message as one line on stderr and exits with its code.
 */
export const EXIT = {
	ok: 0,
	/** A check failed (e.g. `audit verify` found tampering). */
	checkFailed: 1,
	/** Usage error: unknown command, subcommand or flag; a missing argument or required flag; a bad flag value. */
	usage: 2,
	/** Bad input data (application file, document). */
	dataError: 65,
	/** The store is unavailable. */
	unavailable: 69,
	/** Temporarily busy, or a conflict with another officer's change: retry. */
	tempFail: 75,
	/** Not permitted for this officer. */
	noPermission: 77,
	/** Configuration error. */
	config: 78,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error meant for the officer: one line, an exit code, never a stack trace. */
export class CliError extends Error {
	constructor(
		readonly exitCode: ExitCode,
		message: string,
	) {
		super(message);
		this.name = 'CliError';
	}
}
