/**
 * The command line as typed (source/commands/argv-check.ts): what meow would let through silently
 * is a problem, and a value that starts with a dash stays the value of its flag.
 */
import {describe, expect, it} from 'vitest';
import {checkArgv} from '../../source/commands/argv-check.js';

const KINDS = {booleans: ['json', 'dryRun'], values: ['filter', 'text', 'file', 'db', 'asOf', 'reason']};
const check = (...argv: string[]) => checkArgv(argv, KINDS);

describe('checkArgv', () => {
	it('passes a well-formed command line through unchanged, values joined to their flags', () => {
		expect(check('queue', 'Unassigned', '--filter', 'crs>=450', '--json')).toEqual({
			argv: ['queue', 'Unassigned', '--filter=crs>=450', '--json'],
			problem: null,
			typed: new Map([
				['filter', '--filter'],
				['json', '--json'],
			]),
		});
		expect(check('assess', 'a.json', '--as-of=2026-01-01').argv).toEqual(['assess', 'a.json', '--as-of=2026-01-01']);
	});

	it('a switch given a value is a problem naming it as typed', () => {
		expect(check('queue', '--json=5').problem).toEqual({key: 'json', message: '--json is a switch and takes no value (got "--json=5")'});
		expect(check('round', '--dry-run=no').problem).toEqual({key: 'dryRun', message: '--dry-run is a switch and takes no value (got "--dry-run=no")'});
	});

	it('a flag without its value (at the end, or before another option) is a problem; an empty value is a value', () => {
		expect(check('queue', '--filter').problem).toEqual({key: 'filter', message: '--filter needs a value'});
		expect(check('queue', '--filter', '--json').problem).toEqual({key: 'filter', message: '--filter needs a value'});
		expect(check('queue', '--filter', '-x').problem).toEqual({key: 'filter', message: '--filter needs a value'});
		expect(check('--db').problem).toEqual({key: 'db', message: '--db needs a value'});
		expect(check('queue', '--filter', '')).toMatchObject({argv: ['queue', '--filter='], problem: null});
		expect(check('queue', '--filter=')).toMatchObject({argv: ['queue', '--filter='], problem: null});
	});

	it('a value that starts with a dash stays with its flag', () => {
		expect(check('note', 'add', 'E1', '--text', '- first point')).toMatchObject({argv: ['note', 'add', 'E1', '--text=- first point'], problem: null});
		expect(check('note', 'add', 'E1', '--file', '-')).toMatchObject({argv: ['note', 'add', 'E1', '--file=-'], problem: null});
		expect(check('queue', '--filter', '-5')).toMatchObject({argv: ['queue', '--filter=-5'], problem: null});
	});

	it('remembers each flag as typed, short ones with their group', () => {
		const {typed} = check('queue', '-x', '-ab=3', '--foo-bar', '--as-of', '2026-01-01');
		expect(Object.fromEntries(typed)).toEqual({x: '-x', a: '-ab', b: '-ab', fooBar: '--foo-bar', asOf: '--as-of'});
	});

	it('leaves everything after -- alone', () => {
		expect(check('import', '--', '--json=5', '--filter')).toEqual({argv: ['import', '--', '--json=5', '--filter'], problem: null, typed: new Map()});
	});
});
