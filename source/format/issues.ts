/**
 * Turns zod issues into plain problems (path steps, what is wrong, the offending value) worded for
 * an officer, one problem per unknown key.
 */
import type {z} from 'zod';
import type {PathStep} from './positions.js';

/** One thing wrong with the file at `steps`; `value` is undefined when there is none (missing field). */
export type Problem = {steps: PathStep[]; problem: string; value?: unknown};

const EXPECTED: Record<string, string> = {
	string: 'a string',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	object: 'an object',
	array: 'an array',
	null: 'null',
};

/** Problems for zod issues (parsed with `reportInput: true`), in the order given. */
export function problemsOfIssues(issues: readonly z.core.$ZodIssue[]): Problem[] {
	return issues.flatMap((issue): Problem[] => {
		const steps = issue.path.filter((step): step is PathStep => typeof step !== 'symbol');
		if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined) {
			return [{steps, problem: 'required field is missing'}];
		}
		switch (issue.code) {
			case 'unrecognized_keys': {
				const input = issue.input as Record<string, unknown> | undefined;
				return issue.keys.map((key) => ({steps: [...steps, key], problem: 'unknown key', value: input?.[key]}));
			}
			case 'invalid_type': {
				if (typeof issue.input === 'number' && !Number.isFinite(issue.input)) return [{steps, problem: 'number out of range', value: issue.input}];
				return [{steps, problem: `expected ${EXPECTED[issue.expected] ?? issue.expected}`, value: issue.input}];
			}
			case 'invalid_value':
				return [{steps, problem: `must be one of ${issue.values.map(String).join(', ')}`, value: issue.input}];
			default:
				return [{steps, problem: issue.message, value: issue.input}];
		}
	});
}
