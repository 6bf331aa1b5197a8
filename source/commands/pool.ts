/**
 * `caips pool [--program P] [--category C] [--as-of DATE] [--limit N] [--json]`: the Express Entry
 * pool on a date (default: today), ranked by CRS on that date, then profile submission instant,
 * then application number (source/cases/pool.ts). Audited (`pool`).
 *
 * `--json`: `{asOf, pool: [{rank, applicationNumber, crs, profileSubmittedAt, programs,
 * categories}], distribution}` (CLI contract; `categories` and `distribution` added), every entry
 * unless `--limit N`. Text: a header, the first 20 entries (or N) as a table, and the CRS score
 * distribution in IRCC's bands as a `#` bar chart. Exit 2 for an unknown program or category, a
 * bad date or limit; 65 for a category not in force on the date.
 */
import {POOL_PROGRAMS, rankPool, type PoolEntry, type PoolProgram, type PoolRanking} from '../cases/pool.js';
import {distributionLines} from '../cases/pool-distribution.js';
import {CATEGORY_IDS, isCategoryId, type CategoryId} from '../rules/categories.js';
import {padWidth, safeText} from '../ui/terminal-text.js';
import {dateFlag, type Command, type Flags} from './context.js';
import {CliError, EXIT} from './exit-codes.js';
import {withReadSession} from './session.js';
import {expectPositionals} from './usage.js';

/** Rows of the text table when --limit is not given. */
export const DEFAULT_TEXT_ROWS = 20;

/** `--program`: CEC, FSW, FST or PNP (any case), or undefined; usage error otherwise. */
export function programFlag(flags: Flags): PoolProgram | undefined {
	const value = flags.program;
	if (value === undefined) return undefined;
	const upper = typeof value === 'string' ? value.trim().toUpperCase() : '';
	if (!(POOL_PROGRAMS as readonly string[]).includes(upper)) {
		throw new CliError(EXIT.usage, `--program: ${JSON.stringify(value)} is not one of ${POOL_PROGRAMS.join(', ')}`);
	}
	return upper as PoolProgram;
}

/** `--category`: one of the category ids (any case), or undefined; usage error otherwise. */
export function categoryFlag(flags: Flags): CategoryId | undefined {
	const value = flags.category;
	if (value === undefined) return undefined;
	const lower = typeof value === 'string' ? value.trim().toLowerCase() : '';
	if (!isCategoryId(lower)) throw new CliError(EXIT.usage, `--category: ${JSON.stringify(value)} is not one of ${CATEGORY_IDS.join(', ')}`);
	return lower;
}

function limitFlag(flags: Flags): number | undefined {
	const value = flags.limit;
	if (value === undefined) return undefined;
	const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
	if (!(n >= 1 && Number.isSafeInteger(n))) throw new CliError(EXIT.usage, `--limit: ${JSON.stringify(value)} is not a positive whole number`);
	return n;
}

/** `2026-03-01T14:05:00.000Z` → `2026-03-01 14:05:00Z` (milliseconds shown only when not zero). */
export function shortInstant(instant: string): string {
	const ms = instant.slice(19, 23);
	return `${instant.slice(0, 10)} ${instant.slice(11, 19)}${ms === '.000' ? '' : ms}Z`;
}

const count = (n: number) => n.toLocaleString('en-CA');

type Column = {title: string; cell: (e: PoolEntry) => string; align?: 'left' | 'right'};

const COLUMNS: Column[] = [
	{title: 'RANK', cell: (e) => count(e.rank), align: 'right'},
	{title: 'NUMBER', cell: (e) => safeText(e.applicationNumber)},
	{title: 'CRS', cell: (e) => String(e.crs), align: 'right'},
	{title: 'SUBMITTED (UTC)', cell: (e) => shortInstant(e.profileSubmittedAt)},
	{title: 'PROGRAMS', cell: (e) => e.programs.join(' ')},
	{title: 'CATEGORIES', cell: (e) => (e.categories.length === 0 ? '—' : e.categories.join(' '))},
];

/** The entries as a table (header row first), columns as wide as their widest cell. */
export function poolTable(entries: readonly PoolEntry[]): string[] {
	const cells = entries.map((e) => COLUMNS.map((c) => c.cell(e)));
	const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...cells.map((r) => r[i]!.length)));
	const line = (values: string[]) =>
		values
			.map((v, i) => padWidth(v, widths[i]!, COLUMNS[i]!.align ?? 'left'))
			.join('  ')
			.trimEnd();
	return [line(COLUMNS.map((c) => c.title)), ...cells.map(line)];
}

function header(ranking: PoolRanking): string {
	const filters = [ranking.program ? `program ${ranking.program}` : null, ranking.category ? `category ${ranking.category}` : null].filter(Boolean);
	const n = ranking.entries.length;
	return [`Express Entry pool on ${ranking.asOf}`, ...filters, `${count(n)} profile${n === 1 ? '' : 's'}`].join(' · ');
}

export const poolCommand: Command = async (context) => {
	const {args, flags, stdout, today} = context;
	expectPositionals('pool', args, []);
	const asOf = dateFlag(flags, 'asOf', '--as-of') ?? today;
	const program = programFlag(flags);
	const category = categoryFlag(flags);
	const limit = limitFlag(flags);
	// Only reads: works on a store the user cannot write (db/read-only.ts).
	return withReadSession(context, async (session) => {
		const ranking = await rankPool(session, {asOf, program, category});
		if (flags.json) {
			const pool = limit === undefined ? ranking.entries : ranking.entries.slice(0, limit);
			stdout.write(`${JSON.stringify({asOf: ranking.asOf, pool, distribution: ranking.distribution})}\n`);
			return EXIT.ok;
		}
		const shown = ranking.entries.slice(0, limit ?? DEFAULT_TEXT_ROWS);
		const width = (stdout as {isTTY?: boolean; columns?: number}).isTTY ? ((stdout as {columns?: number}).columns ?? 80) : 80;
		const lines = [header(ranking)];
		if (shown.length > 0) {
			lines.push(...poolTable(shown));
			if (shown.length < ranking.entries.length) lines.push(`(1–${count(shown.length)} of ${count(ranking.entries.length)}; --limit N shows more)`);
		}
		lines.push('', ...distributionLines(ranking.distribution, Math.min(width, 100)));
		stdout.write(`${lines.join('\n')}\n`);
		return EXIT.ok;
	});
};
