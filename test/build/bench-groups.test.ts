/** `npm run bench -- GROUP`: a group that does not exist is said, not silently skipped. */
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';
import {expect, it} from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

it('an unknown bench group exits 2 naming it and the groups there are', () => {
	const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'bench.js'), 'nosuch'], {cwd: ROOT, encoding: 'utf8'});
	expect(run.status).toBe(2);
	expect(run.stdout).toBe('');
	expect(run.stderr.trim()).toBe('npm run bench: no group "nosuch" (groups: rules, decisions, queues, pool, ui)');
});
