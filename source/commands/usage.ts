/**
 * Usage errors (exit 2, CLI contract): one line naming what is missing or wrong, followed by the
 * command's usage from the registry, e.g.
 * `missing APP (usage: caips review APP (approve|return) [--text T])`. Commands check their
 * arguments and flags with these before the store is opened.
 */
import {formatValue} from '../format/format-error.js';
import type {Flags} from './context.js';
import {CliError, EXIT} from './exit-codes.js';
import {findCommand} from './registry.js';

/** The usage line of command `name` (as in `caips --help`). */
export function usageOf(name: string): string {
	return findCommand(name)?.usage ?? `caips ${name}`;
}

/** A usage error: `problem (usage: …)` with the usage of command `name`. */
export function usageError(name: string, problem: string): CliError {
	return new CliError(EXIT.usage, `${problem} (usage: ${usageOf(name)})`);
}

/**
 * Checks that `args` are exactly the positional arguments `names` (e.g. `['APP', 'FILE']`):
 * fewer is a usage error naming the first one missing, more names the first one too many.
 * Returns `args` for destructuring.
 */
export function expectPositionals(name: string, args: readonly string[], names: readonly string[]): string[] {
	if (args.length < names.length) throw usageError(name, `missing ${names[args.length]}`);
	if (args.length > names.length) throw usageError(name, `unexpected argument ${formatValue(args[names.length])}`);
	return [...args];
}

/**
 * The value of a text flag that must be given (here) and not be blank, e.g. `--text`; a usage
 * error saying `--text T is required: why` otherwise. `flagText` is how the usage writes it.
 */
export function requiredText(name: string, flags: Flags, key: string, flagText: string, why: string): string {
	const value = flags[key];
	if (typeof value !== 'string' || value.trim() === '') throw usageError(name, `${flagText} is required: ${why}`);
	return value;
}
