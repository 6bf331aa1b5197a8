/**
 * `caips` with no command: opens the workstation when standard input and output are a
 * terminal; otherwise exits 2 with a one-line hint (CLI contract). `--demo` opens a demo store
 * (created on first run) instead of the officer's store.
 *
 * Terminal contract: NO_COLOR and TERM=dumb are honoured before any colour code is loaded;
 * every exit path (q, Ctrl+C, SIGTERM, SIGHUP, a crash) unmounts Ink, which restores the
 * terminal's mode.
 */
import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {defaultStorePath} from '../../db/index.js';
import {CliError, EXIT} from './exit-codes.js';

/** `firstFrameDrawn`: see RunOptions (source/ui/run.tsx). */
export type WorkstationOptions = {flags: Record<string, unknown>; env: NodeJS.ProcessEnv; firstFrameDrawn?: () => void};

/** Path of the demo store `npm start` opens: beside the default store. */
export function demoStorePath(env: NodeJS.ProcessEnv): string {
	return join(dirname(defaultStorePath(env)), 'demo.db');
}

export async function openWorkstation({flags, env, firstFrameDrawn}: WorkstationOptions): Promise<number> {
	if (process.stdin.isTTY !== true || process.stdout.isTTY !== true) {
		throw new CliError(EXIT.usage, 'the workstation needs a terminal; for scripts use a command such as "caips queue --json" (caips --help)');
	}
	const plain = env.TERM === 'dumb' || (env.NO_COLOR !== undefined && env.NO_COLOR !== '');
	if (plain) process.env.FORCE_COLOR = '0';
	const storeFlags = {...flags};
	if (flags.demo === true) {
		const path = typeof flags.db === 'string' ? flags.db : demoStorePath(env);
		if (!existsSync(path)) {
			process.stderr.write(`caips: creating the demo store at ${path} (first run)…\n`);
			const {buildDemoStore} = await import('../cases/demo/index.js');
			await buildDemoStore({path, env});
		}
		storeFlags.db = path;
	}
	const {runWorkstation} = await import('../ui/run.js');
	return runWorkstation({flags: storeFlags, env, plain, firstFrameDrawn});
}
