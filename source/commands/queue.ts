/**
 * `caips queue [NAME] [--filter Q] [--limit N] [--sort COL[:asc|desc]] [--json]`: the first page
 * of a queue (built-in or saved; names matched ignoring case, spaces and dashes; no NAME: every
 * received case), optionally narrowed by a filter in the filter language. Audited (`list`, or
 * `search` with a filter).
 *
 * Text: a header (`Unassigned — 1–20 of 300`), the filter in words, then a table sized by display
 * width, every value from the store sanitised. `--json`: `{queue, filter, sort, total, rows, next}`
 * with the rows of `listQueue`. Exit 2, before the store is opened, for a --filter that does not
 * parse (naming the token and what was expected), a bad --limit or --sort; 65 for what only the
 * store can tell: an unknown queue (the message lists the queues) or an officer named in the
 * filter who is not one of the store's (the message lists some that are).
 *
 * `caips queue save NAME …` and `caips queue delete NAME` manage saved queues (queue-save.ts): a
 * first argument `save` or `delete`, exactly so, is the subcommand (a saved queue named "Save"
 * is listed with `caips queue Save`).
 */
import {localDateOf} from '../cases/filter.js';
import {formatSort, listQueue, type QueueEntry, type QueuePage} from '../cases/queues.js';
import {displayWidth, padWidth, safeText} from '../ui/terminal-text.js';
import type {Command} from './context.js';
import {EXIT} from './exit-codes.js';
import {filterFlag, limitFlag, sortFlag} from './queue-flags.js';
import {onlyQueueOptions, queueDelete, queueSave} from './queue-save.js';
import {withReadSession} from './session.js';

export {DEFAULT_LIMIT} from './queue-flags.js';

type Column = {title: string; cell: (e: QueueEntry) => string; align?: 'right'; max?: number; min?: number};

const COLUMNS: Column[] = [
	{title: 'NUMBER', cell: (e) => safeText(e.applicationNumber)},
	{title: 'NAME', cell: (e) => `${safeText(e.familyName)}, ${safeText(e.givenNames)}`, max: 32, min: 12},
	{title: 'PROG', cell: (e) => e.program},
	{title: 'STATUS', cell: (e) => e.status},
	{title: 'CRS', cell: (e) => (e.crsTotal === null ? '—' : String(e.crsTotal)), align: 'right'},
	{title: 'RECEIVED', cell: (e) => localDateOf(e.receivedAt)},
	{title: 'DAYS', cell: (e) => String(e.daysWaiting), align: 'right'},
	{title: 'BF', cell: (e) => e.bringForwardOn ?? '—'},
	{title: 'OFFICER', cell: (e) => (e.assignedTo === null ? '—' : safeText(e.assignedTo)), max: 16, min: 6},
];

/**
 * The rows as a table: each column as wide as its widest cell (by display width), NAME and
 * OFFICER capped, and NAME narrowed further (to 12 columns at least) to fit `width` when known.
 */
export function queueTable(rows: readonly QueueEntry[], width?: number): string[] {
	const cells = rows.map((row) => COLUMNS.map((c) => c.cell(row)));
	const widths = COLUMNS.map((c, i) => Math.min(c.max ?? Infinity, Math.max(displayWidth(c.title), ...cells.map((r) => displayWidth(r[i]!)))));
	if (width !== undefined) {
		const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
		const name = COLUMNS.findIndex((c) => c.title === 'NAME');
		widths[name] = Math.max(COLUMNS[name]!.min!, widths[name]! - Math.max(0, total() - width));
	}
	const line = (values: string[]) =>
		values
			.map((v, i) => padWidth(v, widths[i]!, COLUMNS[i]!.align ?? 'left'))
			.join('  ')
			.trimEnd();
	return [line(COLUMNS.map((c) => c.title)), ...cells.map(line)];
}

function header(page: QueuePage): string {
	const name = safeText(page.queue);
	if (page.rows.length === 0) return `${name} — no cases`;
	const more = page.total !== null && page.total > page.rows.length ? ' (more with --limit N)' : '';
	return `${name} — 1–${page.rows.length} of ${page.total ?? '?'}${more} · sorted by ${formatSort(page.sort)}`;
}

export const queueCommand: Command = async (context) => {
	const {args, flags, stdout, today} = context;
	if (args[0] === 'save') return queueSave(context, args.slice(1));
	if (args[0] === 'delete') return queueDelete(context, args.slice(1));
	onlyQueueOptions(flags, 'list');
	const limit = limitFlag(flags);
	const sort = sortFlag(flags);
	const filter = filterFlag(flags);
	const queue = args.length > 0 ? args.join(' ') : undefined;
	return withReadSession(context, async (session) => {
		const page = await listQueue(session, {queue, filter, sort, limit, today});
		if (flags.json) {
			stdout.write(`${JSON.stringify({queue: page.queue, filter: page.filter, sort: formatSort(page.sort), total: page.total, rows: page.rows, next: page.next})}\n`);
			return EXIT.ok;
		}
		const width = (stdout as {isTTY?: boolean; columns?: number}).isTTY ? (stdout as {columns?: number}).columns : undefined;
		const lines = [header(page)];
		if (page.filterDescription) lines.push(`filter: ${safeText(page.filterDescription)}`);
		if (page.rows.length > 0) lines.push(...queueTable(page.rows, width));
		stdout.write(`${lines.join('\n')}\n`);
		return EXIT.ok;
	});
};
