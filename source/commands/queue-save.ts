/**
 * `caips queue save NAME --filter Q [--sort COL[:asc|desc]] [--key D] [--replace]` and
 * `caips queue delete NAME`: saved queues without the workstation (its Ctrl+S saves the same way).
 * NAME may be several words (`caips queue save CEC high --filter …`), as when listing a queue.
 *
 * Exit 2, before the store is opened, for a missing NAME or --filter, a filter that does not
 * parse, a bad --sort or --key, or an option of another subcommand; 65 for what only the store can
 * tell: a name a saved queue has already (without --replace), a built-in queue's name, an officer
 * named in the filter who is not one of the store's (the message lists some that are), a digit
 * key in use, no saved queue of that name to delete; 77 for someone else's queue without the
 * supervisor or admin role. Both are audited (`queue-save`, `queue-delete`).
 */
import {deleteQueue, QueueExistsError, saveQueue} from '../cases/queues.js';
import {formatValue} from '../format/format-error.js';
import {safeText} from '../ui/terminal-text.js';
import type {CommandContext, Flags} from './context.js';
import {CliError, EXIT} from './exit-codes.js';
import {filterFlag, sortFlag} from './queue-flags.js';
import {withSession} from './session.js';
import {usageError} from './usage.js';

/** Options of each queue subcommand (camelCase key → as written), for the "not an option of" check. */
const OPTIONS: Record<string, string> = {filter: '--filter', sort: '--sort', limit: '--limit', key: '--key', replace: '--replace'};

/**
 * Refuses the queue options `sub` does not take, naming the first one given:
 * `--limit is an option of the queue listing, not of queue save`.
 */
export function onlyQueueOptions(flags: Flags, sub: 'list' | 'save' | 'delete'): void {
	const takes: Record<typeof sub, readonly string[]> = {list: ['filter', 'sort', 'limit'], save: ['filter', 'sort', 'key', 'replace'], delete: []};
	for (const key of Object.keys(OPTIONS)) {
		if (flags[key] === undefined || takes[sub].includes(key)) continue;
		const owner = key === 'limit' ? 'the queue listing' : 'queue save';
		throw usageError('queue', `${OPTIONS[key]} is an option of ${owner}, not of ${sub === 'list' ? 'the queue listing' : `queue ${sub}`}`);
	}
}

/** The one NAME argument (quote a name with spaces); a second argument is a usage error, as elsewhere. */
function nameOf(args: readonly string[], sub: string): string {
	if (args.length > 1) throw usageError('queue', `queue ${sub}: unexpected argument ${formatValue(args[1])} (quote a name with spaces: "CEC 450+")`);
	const name = (args[0] ?? '').trim();
	if (name === '') throw usageError('queue', `${sub} needs NAME`);
	return name;
}

/** `--key D`: a digit 0–9 that opens the queue in the workstation, or none. */
function keyFlag(flags: Flags): number | null {
	const value = flags.key;
	if (value === undefined) return null;
	if (typeof value !== 'string' || !/^[0-9]$/.test(value)) throw new CliError(EXIT.usage, `--key: ${JSON.stringify(value)} is not a digit 0–9`);
	return Number(value);
}

/** `caips queue save NAME --filter Q …`. */
export async function queueSave(context: CommandContext, args: readonly string[]): Promise<number> {
	const {flags, stdout} = context;
	onlyQueueOptions(flags, 'save');
	const name = nameOf(args, 'save');
	if (flags.filter === undefined) throw usageError('queue', '--filter Q is required: the cases the queue holds (--filter "" for every received case)');
	const query = filterFlag(flags) ?? '';
	const sort = sortFlag(flags);
	const digitKey = keyFlag(flags);
	return withSession(context, async (session) => {
		let saved: Awaited<ReturnType<typeof saveQueue>>;
		try {
			saved = await saveQueue(session, {name, query, sort, digitKey, replace: flags.replace === true});
		} catch (error) {
			if (error instanceof QueueExistsError) throw new CliError(EXIT.dataError, error.message.replace(/ or replace it$/, ' or give --replace to replace it'));
			throw error;
		}
		if (flags.json) {
			stdout.write(`${JSON.stringify(saved)}\n`);
			return EXIT.ok;
		}
		const key = saved.digitKey === null ? '' : ` (key ${saved.digitKey})`;
		stdout.write(`${saved.replaced ? 'replaced' : 'saved'} queue "${safeText(saved.name)}"${key}: ${saved.query === '' ? 'every received case' : safeText(saved.query)}, sorted by ${saved.sort}\n`);
		return EXIT.ok;
	});
}

/** `caips queue delete NAME`. */
export async function queueDelete(context: CommandContext, args: readonly string[]): Promise<number> {
	const {flags, stdout} = context;
	onlyQueueOptions(flags, 'delete');
	const name = nameOf(args, 'delete');
	return withSession(context, async (session) => {
		await deleteQueue(session, name);
		if (flags.json) stdout.write(`${JSON.stringify({deleted: name})}\n`);
		else stdout.write(`deleted queue "${safeText(name)}"\n`);
		return EXIT.ok;
	});
}
