/**
 * Reading application files: JSON text or an already-parsed object in, validated and normalised
 * `Application`s out, or a `FormatError` naming the first problem in document order.
 */
import type {z} from 'zod';
import type {Application} from '../rules/application.js';
import {applicationListSchema, applicationSchema, isApplicationList} from './application-schema.js';
import {FormatError, formatPath} from './format-error.js';
import {problemsOfIssues, type Problem} from './issues.js';
import {JsonSyntaxError, readJson, type DuplicateKey, type JsonDocument} from './read-json.js';
import {lineAndColumn, offsetOf, positionsOfValue, type PositionNode} from './positions.js';

export {FormatError} from './format-error.js';

/**
 * Parses the text of an import file: one application object or `{"applications": [...]}`.
 * Returns the applications in file order, validated and normalised (UCI dashed, instants in UTC).
 *
 * Throws `FormatError` (message `FILE: PATH: what is wrong (value X)`, with `line`/`column`) for
 * the first problem in document order: a JSON syntax error (path `$`), a key repeated within an
 * object, any schema violation (unknown key, missing field, bad value), or an applicationNumber
 * used twice in the file.
 */
export function parseApplicationFile(text: string, fileName: string): Application[] {
	let document: JsonDocument;
	try {
		document = readJson(text);
	} catch (error) {
		if (!(error instanceof JsonSyntaxError)) throw error;
		const {line, column, found} = error;
		throw new FormatError(fileName, {path: '$', problem: `invalid JSON at ${error.message}`, value: found, line, column});
	}
	const {value, positions, duplicateKeys} = document;
	const where = (offset: number) => lineAndColumn(text, offset);
	if (isApplicationList(value)) return validate(applicationListSchema, value, fileName, positions, where, duplicateKeys).applications;
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new FormatError(fileName, {path: '$', problem: 'expected an application object or {"applications": [...]}', value, ...where(0)});
	}
	return [validate(applicationSchema, value, fileName, positions, where, duplicateKeys)];
}

/**
 * Validates one already-parsed application object (not the `{"applications": [...]}` form) and
 * returns it normalised. Throws `FormatError` for the first problem, in `Object.keys` order;
 * `file` names the source in the message.
 */
export function parseApplication(obj: unknown, file: string): Application {
	return validate(applicationSchema, obj, file, positionsOfValue(obj));
}

type Where = (offset: number) => {line: number; column: number};

function validate<S extends z.ZodType>(
	schema: S,
	value: unknown,
	file: string,
	positions: PositionNode,
	where?: Where,
	duplicateKeys: readonly DuplicateKey[] = [],
): z.output<S> {
	const result = schema.safeParse(value, {reportInput: true});
	const problems: Problem[] = [
		...duplicateKeys.map(({path}) => ({steps: path, problem: 'key appears more than once in this object'})),
		...(result.success ? [] : problemsOfIssues(result.error.issues)),
		...duplicateApplicationNumbers(value),
	];
	if (problems.length === 0) return result.data as z.output<S>;
	const located = problems.map((p) => ({...p, offset: offsetOf(positions, p.steps)}));
	located.sort((a, b) => a.offset - b.offset);
	const first = located[0]!;
	throw new FormatError(file, {path: formatPath(first.steps), problem: first.problem, value: first.value, ...where?.(first.offset)});
}

/** Second and later uses of an applicationNumber in `{"applications": [...]}`, each naming the first use. */
function duplicateApplicationNumbers(value: unknown): Problem[] {
	if (!isApplicationList(value)) return [];
	const list = (value as {applications: unknown}).applications;
	if (!Array.isArray(list)) return [];
	const firstIndex = new Map<string, number>();
	const problems: Problem[] = [];
	list.forEach((item: unknown, index) => {
		const number = typeof item === 'object' && item !== null ? (item as {applicationNumber?: unknown}).applicationNumber : undefined;
		if (typeof number !== 'string') return;
		const first = firstIndex.get(number);
		if (first === undefined) firstIndex.set(number, index);
		else problems.push({steps: ['applications', index, 'applicationNumber'], problem: `applicationNumber already used by applications[${first}]`, value: number});
	});
	return problems;
}
