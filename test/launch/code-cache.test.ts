/**
 * The launcher's code cache (source/launch/): which runs keep which cache, where it is kept, and
 * that a cache that is missing, damaged, of another build or impossible to write never changes
 * what caips does. The real binary is run with its own XDG_CACHE_HOME.
 */
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {codeCacheFile, runKind} from '../../source/launch/code-cache.js';
import {runCli} from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'caips-code-cache-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

const version = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')).version as string;

/** The cache files under `home` (an XDG_CACHE_HOME), by name. */
function caches(home: string): string[] {
	const dir = join(home, 'caips');
	return existsSync(dir) ? readdirSync(dir).sort() : [];
}

describe('which cache a run keeps', () => {
	it('the workstation: no command, only its own options; anything else is a command', () => {
		for (const argv of [[], ['--db', 'x.db'], ['--db=x.db', '--demo'], ['--screen-reader', '--debug']]) expect(runKind(argv), argv.join(' ')).toBe('workstation');
		for (const argv of [['queue'], ['--db', 'x.db', 'queue'], ['--version'], ['--help'], ['--json'], ['help']]) expect(runKind(argv), argv.join(' ')).toBe('command');
	});

	it('lives in XDG_CACHE_HOME/caips, else ~/.cache/caips, named by build, Node version, architecture and kind; off when asked', () => {
		const file = codeCacheFile({XDG_CACHE_HOME: '/x/cache', HOME: '/home/o'}, 'caips-AB12.cjs', 'workstation')!;
		expect(file).toBe(`/x/cache/caips/caips-AB12-node${process.versions.node}-${process.arch}-workstation.v8-code-cache`);
		expect(codeCacheFile({HOME: '/home/o'}, 'caips-AB12.cjs', 'command')).toMatch(/^\/home\/o\/\.cache\/caips\/caips-AB12-.*-command\.v8-code-cache$/);
		// A relative XDG_CACHE_HOME is ignored, as the XDG spec says.
		expect(codeCacheFile({XDG_CACHE_HOME: 'rel', HOME: '/home/o'}, 'caips-AB12.cjs', 'command')).toMatch(/^\/home\/o\/\.cache\//);
		expect(codeCacheFile({CAIPS_CODE_CACHE: 'off', HOME: '/home/o'}, 'caips-AB12.cjs', 'command')).toBeNull();
		expect(codeCacheFile({}, 'caips-AB12.cjs', 'command')).toBeNull();
	});
});

describe('the real binary', () => {
	it('a command keeps its cache on the first run and uses it, unchanged, on the next', () => {
		const home = join(work, 'first');
		const first = runCli(['--version'], {env: {XDG_CACHE_HOME: home}});
		expect(first).toEqual({code: 0, stdout: `${version}\n`, stderr: ''});
		const [name, ...others] = caches(home);
		expect(others).toEqual([]);
		expect(name).toMatch(/^caips-\w+-node[\d.]+-\w+-command\.v8-code-cache$/);
		const file = join(home, 'caips', name!);
		expect(statSync(file).size).toBeGreaterThan(10_000);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(statSync(join(home, 'caips')).mode & 0o777).toBe(0o700);
		const before = readFileSync(file);
		const second = runCli(['--version'], {env: {XDG_CACHE_HOME: home}});
		expect(second).toEqual(first);
		// Accepted by V8, so not written again.
		expect(readFileSync(file).equals(before)).toBe(true);
	});

	it('a damaged cache is rejected and replaced; the run is the same', () => {
		const home = join(work, 'damaged');
		expect(runCli(['--version'], {env: {XDG_CACHE_HOME: home}}).code).toBe(0);
		const file = join(home, 'caips', caches(home)[0]!);
		const good = readFileSync(file);
		writeFileSync(file, Buffer.alloc(good.length, 0x5a));
		const run = runCli(['queue', '--bogus'], {env: {XDG_CACHE_HOME: home}});
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/^caips: queue: unknown option --bogus/);
		expect(readFileSync(file).subarray(0, 64).equals(Buffer.alloc(64, 0x5a))).toBe(false);
		expect(runCli(['--version'], {env: {XDG_CACHE_HOME: home}})).toEqual({code: 0, stdout: `${version}\n`, stderr: ''});
	});

	it('the caches of other builds are removed when a new one is written; other files are left', () => {
		const home = join(work, 'builds');
		const dir = join(home, 'caips');
		runCli(['--version'], {env: {XDG_CACHE_HOME: join(work, 'scratch')}});
		const stale = `caips-OLDBUILD1-node${process.versions.node}-${process.arch}-workstation.v8-code-cache`;
		runCli(['--version'], {env: {XDG_CACHE_HOME: home}});
		writeFileSync(join(dir, stale), 'old');
		writeFileSync(join(dir, 'notes.txt'), 'mine');
		rmSync(join(dir, caches(home).find((name) => name.endsWith('-command.v8-code-cache'))!));
		expect(runCli(['--version'], {env: {XDG_CACHE_HOME: home}}).code).toBe(0);
		expect(caches(home)).toEqual(['notes.txt', expect.stringMatching(/-command\.v8-code-cache$/)].sort());
	});

	it('off, or impossible to write: nothing is kept, and the run is the same, with nothing said', () => {
		const off = join(work, 'off');
		expect(runCli(['--version'], {env: {XDG_CACHE_HOME: off, CAIPS_CODE_CACHE: 'off'}})).toEqual({code: 0, stdout: `${version}\n`, stderr: ''});
		expect(existsSync(off)).toBe(false);
		// A file where the cache directory would be.
		const blocked = join(work, 'blocked');
		writeFileSync(blocked, '');
		expect(runCli(['--version'], {env: {XDG_CACHE_HOME: blocked}})).toEqual({code: 0, stdout: `${version}\n`, stderr: ''});
		// Below a file.
		expect(runCli(['--version'], {env: {XDG_CACHE_HOME: join(blocked, 'below')}})).toEqual({code: 0, stdout: `${version}\n`, stderr: ''});
		expect(readFileSync(blocked, 'utf8')).toBe('');
	});
});
