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
	{
		name: 'init',
		usage: 'caips init',
		summary: 'create the store; you become its first admin, officer and supervisor',
		flags: [],
		load: async () => (await import('./init.js')).initCommand,
	},
	{
		name: 'demo',
		usage: 'caips demo [--cases N] [--seed S]',
		summary: 'build a realistic demo store',
		flags: ['cases', 'seed'],
		load: async () => (await import('./demo.js')).demoCommand,
	},
	{
		name: 'import',
		usage: 'caips import FILE…',
		summary: 'store applications (all or nothing per file)',
		flags: [],
		load: async () => (await import('./import.js')).importCommand,
	},
	{
		name: 'export',
		usage: 'caips export APP [--format json|notes]',
		summary: 'one case as JSON (round-trips) or a GCMS-notes-style record',
		flags: ['format'],
		load: async () => (await import('./export.js')).exportCommand,
	},
	{
		name: 'queue',
		usage: 'caips queue [NAME] [--filter Q] [--sort COL[:asc|desc]] [--limit N] [--json] | save NAME --filter Q [--sort COL[:asc|desc]] [--key D] [--replace] | delete NAME',
		summary: 'list a queue; save a filter and sort as a queue (--key D opens it with digit D in the workstation), or delete a saved one',
		flags: ['filter', 'limit', 'sort', 'key', 'replace'],
		load: async () => (await import('./queue.js')).queueCommand,
	},
	{
		name: 'case',
		usage: 'caips case show APP [--json]',
		summary: 'one case with its assessment',
		flags: [],
		load: async () => (await import('./case.js')).caseCommand,
	},
	{
		name: 'next',
		usage: 'caips next [QUEUE]',
		summary: 'take the oldest unassigned case of a queue',
		flags: [],
		load: async () => (await import('./next.js')).nextCommand,
	},
	{
		name: 'assign',
		usage: 'caips assign APP --to USER',
		summary: 'assign a case',
		flags: ['to'],
		load: async () => (await import('./assign.js')).assignCommand,
	},
	{
		name: 'note',
		usage: 'caips note add APP (--text T | --file F | -) [--corrects NOTE_ID]',
		summary: 'append a note',
		flags: ['text', 'file', 'corrects'],
		load: async () => (await import('./note.js')).noteCommand,
	},
	{
		name: 'document',
		usage: 'caips document add APP FILE --kind K [--title T] [--media-type M] | list APP | show DOC_ID | verify APP',
		summary: 'documents',
		flags: ['kind', 'title', 'mediaType'],
		load: async () => (await import('./document.js')).documentCommand,
	},
	{
		name: 'assess-item',
		usage: 'caips assess-item APP WORK_PERIOD_ID (verified|not-credited|claimed) [--reason T]',
		summary: 'record a finding on a claimed work period',
		flags: ['reason'],
		load: async () => (await import('./assess-item.js')).assessItemCommand,
	},
	{
		name: 'decide',
		usage: 'caips decide APP OUTCOME [--reason CODE…] [--text T] [--bf DATE] [--expect-version N]',
		summary: 'record a decision',
		flags: ['reason', 'text', 'bf', 'expectVersion'],
		load: async () => (await import('./decide.js')).decideCommand,
	},
	{
		name: 'review',
		usage: 'caips review APP (approve|return) [--text T]',
		summary: 'second-level review of a decision',
		flags: ['text'],
		load: async () => (await import('./review.js')).reviewCommand,
	},
	{
		name: 'pool',
		usage: 'caips pool [--program P] [--category C] [--as-of DATE] [--limit N] [--json]',
		summary: 'the Express Entry pool ranked by CRS, with the score distribution',
		flags: ['program', 'category', 'asOf', 'limit'],
		load: async () => (await import('./pool.js')).poolCommand,
	},
	{
		name: 'round',
		usage: 'caips round --size N --at INSTANT [--program P | --category C] [--dry-run] [--json]',
		summary: 'run (or --dry-run) a round of invitations to apply',
		flags: ['size', 'at', 'program', 'category', 'dryRun'],
		load: async () => (await import('./round.js')).roundCommand,
	},
	{
		name: 'ita',
		usage: 'caips ita expire [--as-of DATE] [--dry-run] [--json]',
		summary: 'withdraw (or --dry-run: list) the invitations left unanswered 60 days after the ITA',
		flags: ['asOf', 'dryRun'],
		load: async () => (await import('./ita.js')).itaCommand,
	},
	{
		name: 'audit',
		usage: 'caips audit verify',
		summary: 'check the audit hash chain',
		flags: [],
		load: async () => (await import('./audit.js')).auditCommand,
	},
	{
		name: 'officer',
		usage: 'caips officer add USER --role R [--role R2…] [--office O] [--name N] | list | deactivate USER',
		summary: 'manage officers',
		flags: ['role', 'office', 'name'],
		load: async () => (await import('./officer.js')).officerCommand,
	},
];

/** The command named `name`, or undefined. */
export function findCommand(name: string): CommandSpec | undefined {
	return COMMANDS.find((command) => command.name === name);
}
