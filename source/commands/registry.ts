/**
 * Every non-interactive command: its name, the flags it accepts, and a one-line usage. The
 * CLI's help text and per-command flag checks are generated from this list.
 */
import type {Command} from './context.js';

export type CommandSpec = {
	name: string;
	usage: string;
	summary: string;
	/** Flags (camelCase, as meow reports them) the command accepts besides the global ones. */
	flags: readonly string[];
	load: () => Promise<Command>;
};

/** Flags every command accepts. */
export const GLOBAL_FLAGS = ['db', 'json', 'debug', 'help', 'version'] as const;

export const COMMANDS: readonly CommandSpec[] = [
	{
		name: 'assess',
		usage: 'caips assess FILE [--as-of DATE] [--json]',
		summary: 'assess an application file (eligibility and CRS) without storing it',
		flags: ['asOf'],
		load: async () => (await import('./assess.js')).assessCommand,
	},
];

/** The command named `name`, or undefined. */
export function findCommand(name: string): CommandSpec | undefined {
	return COMMANDS.find((command) => command.name === name);
}
