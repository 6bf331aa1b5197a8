/**
 * Zod schemas for the single values of the application file: dates, instants, identifiers,
 * codes, names, file names, base64. Each rejects with a short message saying what is wrong;
 * UCIs and instants are normalised.
 */
import {Buffer} from 'node:buffer';
import {z} from 'zod';

/** Adds a custom issue with the message `problemOf` returns for a value (undefined: fine). */
function rule<T>(problemOf: (value: T) => string | undefined) {
	return (value: T, ctx: z.RefinementCtx<T>): void => {
		const problem = problemOf(value);
		if (problem !== undefined) ctx.addIssue({code: 'custom', message: problem, input: value});
	};
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BIDI_CONTROL = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real `YYYY-MM-DD` calendar date (leap years included). */
export function isCalendarDate(text: string): boolean {
	return z.regexes.date.test(text);
}

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export const dateSchema = z.string().superRefine(
	rule((s) => (!DATE_SHAPE.test(s) ? 'expected a date YYYY-MM-DD' : isCalendarDate(s) ? undefined : 'no such calendar date')),
);

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/;

/** What is wrong with an instant, or undefined when it is an ISO-8601 timestamp with an offset. */
function instantProblem(s: string): string | undefined {
	const m = INSTANT.exec(s);
	if (m === null) return 'expected an instant like 2026-03-01T14:05:00Z';
	const [, date, hh, mm, ss, fraction = '', offset] = m;
	if (offset === undefined) return 'instant without a UTC offset: end it with Z or ±HH:MM';
	if (!isCalendarDate(date!)) return 'no such calendar date';
	if (Number(hh) > 23 || Number(mm) > 59 || Number(ss) > 59) return 'no such time of day';
	if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59)) return 'no such UTC offset';
	if (/[1-9]/.test(fraction.slice(3))) return 'more precise than a millisecond';
	if (!/^\d{4}-/.test(new Date(s).toISOString())) return 'year out of range in UTC';
	return undefined;
}

/** `2026-03-01T09:05:00-05:00` → `2026-03-01T14:05:00Z`; milliseconds kept only when not zero. Expects a valid instant. */
export function normaliseInstant(s: string): string {
	return new Date(s).toISOString().replace('.000Z', 'Z');
}

/** An ISO-8601 instant with `Z` or a `±HH:MM` offset, normalised to UTC `YYYY-MM-DDTHH:MM:SS[.mmm]Z`. */
export const instantSchema = z.string().superRefine(rule(instantProblem)).transform(normaliseInstant);

/** `12345678` → `1234-5678`, `1234567890` → `12-3456-7890`. Expects a valid UCI. */
export function normaliseUci(s: string): string {
	const d = s.replaceAll('-', '');
	return d.length === 8 ? `${d.slice(0, 4)}-${d.slice(4)}` : `${d.slice(0, 2)}-${d.slice(2, 6)}-${d.slice(6)}`;
}

function uciProblem(s: string): string | undefined {
	if (!/^[\d-]*$/.test(s)) return 'a UCI holds only digits and dashes';
	const digits = s.replaceAll('-', '').length;
	if (digits !== 8 && digits !== 10) return `a UCI has 8 digits (1234-5678) or 10 (12-3456-7890), not ${digits}`;
	if (!/^(?:\d{4}-?\d{4}|\d{2}-?\d{4}-?\d{4})$/.test(s)) return 'misplaced dash in a UCI: expected 1234-5678 or 12-3456-7890';
	return undefined;
}

/** Unique Client Identifier, 8 or 10 digits, dashes optional; normalised to `1234-5678` / `12-3456-7890`. */
export const uciSchema = z.string().superRefine(rule(uciProblem)).transform(normaliseUci);

/** Application number: 1–3 capital letters then 6–12 digits, e.g. `E001234567`. */
export const applicationNumberSchema = z
	.string()
	.regex(/^[A-Z]{1,3}\d{6,12}$/, 'expected an application number like E001234567: 1–3 capital letters, then 6–12 digits');

/** NOC 2021 code: five digits whose second digit (the TEER category) is 0–5. */
export const nocCodeSchema = z.string().superRefine(
	rule((s) =>
		!/^\d{5}$/.test(s) ? 'a NOC 2021 code has exactly five digits' : /^\d[0-5]/.test(s) ? undefined : 'no such TEER category: the second digit of a NOC code is 0–5',
	),
);

/** ISO 3166-1 alpha-3 country code (three capital letters). */
export const countrySchema = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 country code: three capital letters');

/** Any text on one line: control characters (tab, newline, ESC, C1, DEL) are rejected. */
export const lineSchema = z.string().superRefine(rule((s) => (CONTROL.test(s) ? 'control character in text' : undefined)));

/** One-line text that is not empty or blank. */
export const nameSchema = z
	.string()
	.superRefine(rule((s) => (s.trim() === '' ? 'must not be empty' : CONTROL.test(s) ? 'control character in text' : undefined)));

/** A document's file name: a name only, without path separators, `..`, control characters; at most 255 UTF-8 bytes. */
export const fileNameSchema = z.string().superRefine(
	rule((s) => {
		if (s === '') return 'file name is empty';
		if (CONTROL.test(s) || BIDI_CONTROL.test(s)) return 'control character in a file name';
		if (s.includes('/') || s.includes('\\')) return "a file name must not contain '/' or '\\'";
		if (s === '.' || s.includes('..')) return "a file name must not contain '..'";
		if (Buffer.byteLength(s, 'utf8') > 255) return 'file name longer than 255 bytes';
		return undefined;
	}),
);

/** A media type like `text/plain` or `application/pdf; version=1.7`. */
export const mediaTypeSchema = z
	.string()
	.regex(
		/^[A-Za-z0-9][\w!#$&^.+-]*\/[A-Za-z0-9][\w!#$&^.+-]*(?:\s*;\s*[\w!#$&^.+-]+=(?:[\w!#$&^.+-]+|"[^"\\\u0000-\u001f]*"))*$/,
		'expected a media type like application/pdf',
	);

/** Canonical standard base64 (alphabet A–Z a–z 0–9 + /, `=` padding, no whitespace); empty is allowed. */
export function isBase64(s: string): boolean {
	return Buffer.from(s, 'base64').toString('base64') === s;
}

/** Document content as canonical base64. */
export const base64Schema = z.string().superRefine(rule((s) => (isBase64(s) ? undefined : 'not valid base64: standard alphabet, = padding, no spaces or line breaks')));
