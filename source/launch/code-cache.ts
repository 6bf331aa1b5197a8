/**
 * V8's code cache for the caips script, kept per user between runs. Node 20 compiles every ES
 * module from its source at each start (it has no compile cache); the launcher instead compiles
 * the CLI as one classic script (source/build/bundle.mjs), which V8 can rebuild from the
 * bytecode it produced on an earlier run: parsing and compiling ~2 MB of JavaScript is most of
 * what a cold start costs (about 80 ms of the workstation's first frame, `npm run bench -- ui`).
 *
 * Where: `$XDG_CACHE_HOME/caips/`, else `~/.cache/caips/` (directory mode 0700, files 0600).
 * One file per build of the script (its name carries the script's content hash), Node version,
 * CPU architecture and kind of run (`workstation` or `command`: each keeps the code its own start
 * compiled). V8 checks a cache against its own version and flags and rejects one that does not
 * fit; the file is then written again. `CAIPS_CODE_CACHE=off` turns the cache off (nothing read or
 * written). Reading or writing it never fails a run: a cache that cannot be kept is not kept.
 */
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {basename, dirname, isAbsolute, join} from 'node:path';

/** The two kinds of run, each with its own cache. */
export type RunKind = 'workstation' | 'command';

const CACHE_SUFFIX = '.v8-code-cache';

/**
 * Whether `argv` (without node and script) opens the workstation: no command, only the
 * workstation's own options (`--db PATH`, `--demo`, `--screen-reader`, `--debug`). Anything else
 * is a command run (`--help` and `--version` too).
 */
export function runKind(argv: readonly string[]): RunKind {
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--db') i++;
		else if (!/^--(?:db=|demo$|screen-reader$|debug$)/.test(arg)) return 'command';
	}
	return 'workstation';
}

/**
 * The cache file for `script` (the script's file name, e.g. `caips-AB12CD34.cjs`) and `kind`
 * under `env`, or null when the cache is off or there is no home to keep it in.
 */
export function codeCacheFile(env: NodeJS.ProcessEnv, script: string, kind: RunKind): string | null {
	if (env.CAIPS_CODE_CACHE === 'off') return null;
	const xdg = env.XDG_CACHE_HOME;
	const base = xdg && isAbsolute(xdg) ? xdg : env.HOME && isAbsolute(env.HOME) ? join(env.HOME, '.cache') : null;
	if (!base) return null;
	return join(base, 'caips', `${basename(script, '.cjs')}-node${process.versions.node}-${process.arch}-${kind}${CACHE_SUFFIX}`);
}

/** The cached data in `file`, or undefined when there is none (or it cannot be read). */
export function readCodeCache(file: string | null): Buffer | undefined {
	if (!file) return undefined;
	try {
		return readFileSync(file);
	} catch {
		return undefined;
	}
}

/**
 * Writes `data` to `file` whole or not at all (a temporary file renamed into place, so a run
 * reading it meanwhile sees the old file or the new one), then removes the caches of other builds
 * of the script. Never throws: a cache that cannot be written is simply not kept.
 */
export function writeCodeCache(file: string | null, data: Buffer): void {
	if (!file) return;
	const dir = dirname(file);
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		mkdirSync(dir, {recursive: true, mode: 0o700});
		writeFileSync(temporary, data, {mode: 0o600});
		renameSync(temporary, file);
	} catch {
		try {
			rmSync(temporary, {force: true});
		} catch {
			// There was nowhere to write it.
		}
		return;
	}
	// Caches of earlier builds (another content hash) are of no more use.
	const build = basename(file).split('-node')[0]!;
	try {
		for (const name of readdirSync(dir)) {
			if (name.endsWith(CACHE_SUFFIX) && name.startsWith('caips-') && !name.startsWith(`${build}-node`)) rmSync(join(dir, name), {force: true});
		}
	} catch {
		// Left for the next write.
	}
}
