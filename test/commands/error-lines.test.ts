/**
 * Error lines never carry raw control characters to the terminal: an unknown command or a login
 * name holding escape sequences is shown with them written as \uXXXX; no doubled "caips:" prefix.
 */
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {CLI, runCli} from '../helpers/cli.js';

describe('error lines', () => {
	it('an unknown command with an escape sequence is named safely, exit 2', () => {
		const run = runCli(['\u001b[2J\u202e']);
		expect(run.code).toBe(2);
		expect(run.stderr).toBe('caips: unknown command "\\u001b[2J\\u202e" (caips --help lists the commands)\n');
	});

	it('a workstation option that is not one: one "caips:" prefix', () => {
		const run = runCli(['--dry-run']);
		expect(run.code).toBe(2);
		expect(run.stderr).toBe('caips: --dry-run is not an option of the workstation (caips --help)\n');
	});

	it('a reader that closes the pipe early (caips … | head) ends caips quietly: no stack trace, exit 0', () => {
		// `true` exits without reading: caips's first write meets a closed pipe (EPIPE).
		const run = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" --help | true; exit \${PIPESTATUS[0]}`], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
	});
});
