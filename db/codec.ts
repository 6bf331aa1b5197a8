/**
 * The one codec between JavaScript values and stored column values. Every instant, calendar date,
 * boolean and JSON column goes through here on its way in and out of the store; the driver
 * refuses a JS `Date` outright.
 *
 * Canonical forms (chosen so that text order is time order, in SQLite and PostgreSQL alike):
 * - **Instant**: ISO-8601 UTC with exactly three fraction digits and `Z`, 24 characters:
 *   `YYYY-MM-DDTHH:MM:SS.sssZ` — what `Date.prototype.toISOString()` produces for years
 *   0000–9999. Inputs with an offset, without seconds or without milliseconds are accepted and
 *   normalised; more than three fraction digits are truncated to milliseconds.
 * - **Calendar date**: `YYYY-MM-DD`, a real Gregorian date, no time zone.
 * - **Boolean**: integer `0` or `1`.
 * - **JSON**: `JSON.stringify` text; sets of names are JSON arrays sorted and without duplicates.
 */

/** Stored form of an instant: `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export type InstantText = string;
/** Stored form of a calendar date: `YYYY-MM-DD`. */
export type DateText = string;
/** Stored form of a boolean. */
export type BoolInt = 0 | 1;

/** Thrown when a value cannot be encoded or a stored value cannot be decoded. */
export class CodecError extends TypeError {
	/** Creates the error. */
	constructor(message: string) {
		super(message);
		this.name = 'CodecError';
	}
}

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const INSTANT_INPUT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(year: number, month: number, day: number): boolean {
	if (month < 1 || month > 12 || day < 1) return false;
	const days = new Date(Date.UTC(2000, month, 0)).getUTCDate(); // days in month (leap-agnostic)
	if (month === 2) {
		const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
		return day <= (leap ? 29 : 28);
	}
	return day <= days;
}

function checkDateText(text: string): boolean {
	const m = DATE_TEXT.exec(text);
	return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function dateToInstant(date: Date): InstantText {
	const ms = date.getTime();
	if (!Number.isFinite(ms)) throw new CodecError('invalid Date');
	const year = date.getUTCFullYear();
	if (year < 0 || year > 9999) throw new CodecError(`instant out of range (year ${year})`);
	return date.toISOString();
}

/**
 * Encodes an instant for storage in canonical form. Accepts a `Date`, epoch milliseconds, or
 * ISO-8601 text with `Z` or an offset (seconds and fraction optional). `null`/`undefined`
 * pass through as `null`.
 */
export function encodeInstant(value: Date | string | number): InstantText;
export function encodeInstant(value: Date | string | number | null | undefined): InstantText | null;
export function encodeInstant(value: Date | string | number | null | undefined): InstantText | null {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return dateToInstant(value);
	if (typeof value === 'number') return dateToInstant(new Date(value));
	if (typeof value !== 'string') throw new CodecError(`not an instant: ${String(value)}`);
	if (CANONICAL_INSTANT.test(value) && checkDateText(value.slice(0, 10))) {
		if (Number.isFinite(Date.parse(value)) && new Date(value).toISOString() === value) return value;
	}
	const m = INSTANT_INPUT.exec(value);
	if (!m || !checkDateText(m[1]!)) throw new CodecError(`not an ISO-8601 instant with a zone: ${JSON.stringify(value)}`);
	const [, day, hh, mm, ss = '00', frac = '', zone] = m;
	if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) {
		throw new CodecError(`not an ISO-8601 instant with a zone: ${JSON.stringify(value)}`);
	}
	const ms = (frac + '000').slice(0, 3);
	const normalZone = zone === 'Z' ? 'Z' : `${zone!.slice(0, 3)}:${zone!.slice(-2)}`;
	const parsed = new Date(`${day}T${hh}:${mm}:${ss}.${ms}${normalZone}`);
	if (!Number.isFinite(parsed.getTime())) throw new CodecError(`not an ISO-8601 instant: ${JSON.stringify(value)}`);
	return dateToInstant(parsed);
}

/**
 * Decodes a stored instant to its canonical text (validating it). Stored text without
 * milliseconds or with an offset is normalised. `null` passes through.
 */
export function decodeInstant(text: string): InstantText;
export function decodeInstant(text: string | null | undefined): InstantText | null;
export function decodeInstant(text: string | null | undefined): InstantText | null {
	if (text === null || text === undefined) return null;
	if (typeof text !== 'string') throw new CodecError(`stored instant is not text: ${String(text)}`);
	return encodeInstant(text);
}

/** Converts an instant (any form {@link encodeInstant} accepts) to a JS `Date`, for arithmetic at the edges. */
export function instantToDate(value: string | Date | number): Date {
	return new Date(encodeInstant(value));
}

/** The current instant in canonical form; `clock` lets callers and tests fix the time. */
export function nowInstant(clock: () => Date = () => new Date()): InstantText {
	return dateToInstant(clock());
}

/**
 * Encodes a calendar date: `YYYY-MM-DD` text (validated as a real date) or a `Date`, taken as
 * its **UTC** calendar date. `null`/`undefined` pass through as `null`.
 */
export function encodeDate(value: string | Date): DateText;
export function encodeDate(value: string | Date | null | undefined): DateText | null;
export function encodeDate(value: string | Date | null | undefined): DateText | null {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return dateToInstant(value).slice(0, 10);
	if (typeof value !== 'string' || !checkDateText(value)) {
		throw new CodecError(`not a calendar date YYYY-MM-DD: ${JSON.stringify(value)}`);
	}
	return value;
}

/** Decodes a stored calendar date (validating it). `null` passes through. */
export function decodeDate(text: string): DateText;
export function decodeDate(text: string | null | undefined): DateText | null;
export function decodeDate(text: string | null | undefined): DateText | null {
	if (text === null || text === undefined) return null;
	return encodeDate(text);
}

/** The UTC calendar date of an instant (`2024-05-01T23:30:00.000Z` → `2024-05-01`). */
export function instantDate(value: string | Date | number): DateText {
	return encodeInstant(value).slice(0, 10);
}

/** Encodes a boolean as `0`/`1`. `null`/`undefined` pass through as `null`. */
export function encodeBool(value: boolean): BoolInt;
export function encodeBool(value: boolean | null | undefined): BoolInt | null;
export function encodeBool(value: boolean | null | undefined): BoolInt | null {
	if (value === null || value === undefined) return null;
	if (typeof value !== 'boolean') throw new CodecError(`not a boolean: ${String(value)}`);
	return value ? 1 : 0;
}

/** Decodes a stored `0`/`1` (number or bigint) to a boolean. `null` passes through. */
export function decodeBool(value: number | bigint | boolean): boolean;
export function decodeBool(value: number | bigint | boolean | null | undefined): boolean | null;
export function decodeBool(value: number | bigint | boolean | null | undefined): boolean | null {
	if (value === null || value === undefined) return null;
	if (value === true || value === 1 || value === 1n) return true;
	if (value === false || value === 0 || value === 0n) return false;
	throw new CodecError(`stored boolean is not 0 or 1: ${String(value)}`);
}

/**
 * Encodes a value as JSON text. Throws for values JSON cannot represent (undefined, functions,
 * bigint). `null` encodes as the JSON text `null`; use {@link encodeJsonOrNull} for SQL NULL.
 */
export function encodeJson(value: unknown): string {
	let text: string | undefined;
	try {
		text = JSON.stringify(value);
	} catch (err) {
		throw new CodecError(`cannot encode as JSON: ${(err as Error).message}`);
	}
	if (text === undefined) throw new CodecError(`cannot encode ${typeof value} as JSON`);
	return text;
}

/** Like {@link encodeJson}, but `null`/`undefined` become SQL NULL. */
export function encodeJsonOrNull(value: unknown): string | null {
	return value === null || value === undefined ? null : encodeJson(value);
}

/** Decodes JSON text; SQL NULL decodes to `null`. The type parameter is the caller's claim, not checked. */
export function decodeJson<T = unknown>(text: string): T;
export function decodeJson<T = unknown>(text: string | null | undefined): T | null;
export function decodeJson<T = unknown>(text: string | null | undefined): T | null {
	if (text === null || text === undefined) return null;
	try {
		return JSON.parse(text) as T;
	} catch (err) {
		throw new CodecError(`stored JSON is malformed: ${(err as Error).message}`);
	}
}

/**
 * Encodes a set of names (officer roles, eligible programs) as a JSON array, sorted and without
 * duplicates, e.g. `["officer","supervisor"]`. Membership can be tested in SQL with
 * `LIKE '%"supervisor"%'`.
 */
export function encodeSet(values: Iterable<string>): string {
	const list = [...new Set(values)];
	for (const v of list) {
		if (typeof v !== 'string') throw new CodecError(`set member is not text: ${String(v)}`);
	}
	return JSON.stringify(list.sort());
}

/** Decodes a set stored by {@link encodeSet}; SQL NULL decodes to an empty list. */
export function decodeSet(text: string | null | undefined): string[] {
	if (text === null || text === undefined || text === '') return [];
	const value = decodeJson<unknown>(text);
	if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
		throw new CodecError(`stored set is not a JSON array of text: ${text}`);
	}
	return value as string[];
}
