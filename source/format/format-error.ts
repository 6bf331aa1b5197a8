/**
 * The error thrown for an application file that cannot be imported, and the one-line rendering
 * of JSON paths and values used in its message.
 */
import type {PathStep} from './positions.js';

/** Longest rendering of a value in a message, in UTF-16 code units (longer ones end in `…`). */
const MAX_VALUE_LENGTH = 60;

/** What is wrong, where: the parts of a `FormatError`. */
export type FormatProblem = {
	/** JSON path, e.g. `applications[2].applicant.languageTests[0].listening`, or `$` for the root. */
	path: string;
	/** What is wrong, in a few words, without the value. */
	problem: string;
	/** The offending value; undefined when there is none (a missing field, the end of the text). */
	value?: unknown;
	/** 1-based line and column in the file text, when known. */
	line?: number;
	column?: number;
};

/**
 * An application file that cannot be imported. The message is one line,
 * `FILE: PATH: what is wrong (value X)` (without ` (value X)` when there is no value); file
 * names and values are escaped so that it never holds control characters.
 */
export class FormatError extends Error {
	readonly file: string;
	readonly path: string;
	readonly problem: string;
	readonly value: unknown;
	readonly line: number | undefined;
	readonly column: number | undefined;

	constructor(file: string, problem: FormatProblem) {
		const shown = problem.value === undefined ? '' : ` (value ${formatValue(problem.value)})`;
		super(`${escapeControls(file)}: ${problem.path}: ${problem.problem}${shown}`);
		this.name = 'FormatError';
		this.file = file;
		this.path = problem.path;
		this.problem = problem.problem;
		this.value = problem.value;
		this.line = problem.line;
		this.column = problem.column;
	}
}

/** Renders path steps as `a.b[0]["odd key"]`; the empty path is `$`. */
export function formatPath(steps: readonly PathStep[]): string {
	let out = '';
	for (const step of steps) {
		if (typeof step === 'number') out += `[${step}]`;
		else if (/^[A-Za-z_$][\w$]*$/.test(step)) out += out === '' ? step : `.${step}`;
		else out += `[${escapeControls(JSON.stringify(step))}]`;
	}
	return out === '' ? '$' : out;
}

/** Renders a value as JSON on one line, shortened to about 60 characters, with control characters escaped. */
export function formatValue(value: unknown): string {
	let text: string;
	try {
		if (typeof value === 'string') text = JSON.stringify(value.slice(0, MAX_VALUE_LENGTH + 1));
		else if (typeof value === 'number') text = String(value);
		else text = JSON.stringify(value) ?? String(value);
	} catch {
		text = Array.isArray(value) ? '[…]' : '{…}';
	}
	text = escapeControls(text);
	if (text.length <= MAX_VALUE_LENGTH) return text;
	let cut = text.slice(0, MAX_VALUE_LENGTH - 1);
	if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
	return `${cut}…`;
}

/** Replaces C0/C1 control characters, DEL, line/paragraph separators and bidi controls by `\uXXXX`. */
export function escapeControls(text: string): string {
	return text.replace(
		/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}
