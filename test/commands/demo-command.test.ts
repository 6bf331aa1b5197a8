/** `caips demo` as an officer runs it: the summary line, the refusal to touch a store with cases, flag checks. */
import {createHash} from 'node:crypto';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'caips-demo-cli-'));
const env = {CAIPS_OFFICER: 'tester', CAIPS_DB: join(work, 'unused.db')};
afterAll(() => rmSync(work, {recursive: true, force: true}));

describe('caips demo', () => {
	it('builds the store and says where, how many cases and officers, and who you are', () => {
		const db = join(work, 'demo.db');
		const run = runCli(['demo', '--cases', '60', '--seed', '5', '--db', db], {env});
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toBe(`demo store at ${db}: 60 cases, 10 officers (you: tester, roles officer, supervisor)\n`);
	});

	it('uses CAIPS_DB when --db is not given, and 300 cases by default', () => {
		const db = join(work, 'from-env.db');
		const run = runCli(['demo'], {env: {...env, CAIPS_DB: db}});
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(new RegExp(`^demo store at ${db.replace(/[.]/g, '\\.')}: 300 cases, `));
	});

	it('refuses a store that already has cases: exit 2, one line naming --db, store untouched', () => {
		const db = join(work, 'twice.db');
		expect(runCli(['demo', '--cases', '30', '--db', db], {env}).code).toBe(0);
		const before = createHash('sha256').update(readFileSync(db)).digest('hex');
		const run = runCli(['demo', '--cases', '30', '--db', db], {env});
		expect(run.code).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr.trim().split('\n')).toHaveLength(1);
		expect(run.stderr).toMatch(/already has 30 cases.*use --db with a new path/);
		expect(createHash('sha256').update(readFileSync(db)).digest('hex')).toBe(before);
	});

	it('rejects a bad --cases or --seed and extra arguments with exit 2, naming the flag', () => {
		for (const [args, flag] of [
			[['--cases', 'many'], '--cases'],
			[['--cases', '-3'], '--cases'],
			[['--seed', '1.5'], '--seed'],
			[['extra'], 'unexpected argument "extra" (usage: caips demo'],
		] as const) {
			const run = runCli(['demo', ...args, '--db', join(work, 'bad.db')], {env});
			expect(run.code, args.join(' ')).toBe(2);
			expect(run.stderr).toContain(flag);
		}
	});

	it('prints a JSON summary with --json', () => {
		const b = join(work, 'json.db');
		const runB = runCli(['demo', '--cases', '40', '--seed', '9', '--db', b, '--json'], {env});
		expect(runB.code).toBe(0);
		const summary = JSON.parse(runB.stdout);
		expect(summary).toMatchObject({path: b, cases: 40, you: 'tester', roles: ['officer', 'supervisor']});
		expect(Object.values(summary.statuses as Record<string, number>).reduce((x, y) => x + y, 0)).toBe(40);
	});
});
