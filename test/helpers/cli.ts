/** Runs the built CLI (dist/cli.js, made by `npm test`'s build step) as a user would. */
import {spawnSync} from 'node:child_process';
import {join} from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export type Run = {code: number; stdout: string; stderr: string};

/** Runs `node dist/cli.js ...args` and returns its exit code and output. */
export function runCli(args: string[], options: {env?: NodeJS.ProcessEnv; input?: string; cwd?: string} = {}): Run {
	const result = spawnSync(process.execPath, [CLI, ...args], {
		encoding: 'utf8',
		cwd: options.cwd ?? ROOT,
		env: {...process.env, NO_COLOR: '1', ...options.env},
		input: options.input ?? '',
		timeout: 60_000,
	});
	return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr};
}
