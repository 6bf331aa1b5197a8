/**
 * The flags of `caips queue` checked before the store is opened (exit 2): `--filter` must parse
 * in the filter language, `--sort` must name a column (and a direction), `--limit` must be a row
 * count. Shared by the listing and `caips queue save`.
 */
import {InvalidError} from '../cases/errors.js';
import {parseFilter} from '../cases/filter.js';
import {MAX_PAGE_SIZE, parseSort, type QueueSort} from '../cases/queues.js';
import type {Flags} from './context.js';
import {CliError, EXIT} from './exit-codes.js';

/** Rows shown when --limit is not given. */
export const DEFAULT_LIMIT = 20;

/** `--limit N`: 1 to MAX_PAGE_SIZE rows, default {@link DEFAULT_LIMIT}; a usage error otherwise. */
export function limitFlag(flags: Flags): number {
	const value = flags.limit;
	if (value === undefined) return DEFAULT_LIMIT;
	const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
	if (!(n >= 1 && n <= MAX_PAGE_SIZE)) throw new CliError(EXIT.usage, `--limit: ${JSON.stringify(value)} is not a whole number from 1 to ${MAX_PAGE_SIZE}`);
	return n;
}

/** `--filter Q`: the text when it parses (blank or absent: undefined); a usage error naming the bad token otherwise. */
export function filterFlag(flags: Flags): string | undefined {
	const value = flags.filter;
	if (value === undefined) return undefined;
	const text = String(value);
	if (text.trim() === '') return undefined;
	try {
		parseFilter(text);
	} catch (error) {
		if (!(error instanceof InvalidError)) throw error;
		// `filter: "crs>>4" — expected …` → `--filter: "crs>>4" — expected …`
		throw new CliError(EXIT.usage, `--filter: ${error.message.replace(/^filter: /, '')}`);
	}
	return text;
}

/** `--sort COL[:asc|desc]`, or undefined when not given; a usage error naming the columns otherwise. */
export function sortFlag(flags: Flags): QueueSort | undefined {
	const value = flags.sort;
	if (value === undefined) return undefined;
	try {
		return parseSort(String(value));
	} catch (error) {
		throw new CliError(EXIT.usage, `--${(error as Error).message}`);
	}
}
