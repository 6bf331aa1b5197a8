/**
 * The launcher's work (cli.tsx): runs the CLI script (dist/caips-<hash>.cjs, the bundle of
 * source/commands/main.ts) compiled from V8's code cache when one fits (code-cache.ts): the user's
 * own, else the one the build shipped beside the script. It keeps the user's cache when there was
 * none or it did not fit: for the workstation once its first frame is drawn (the code of the
 * start-up, not of a whole day's work), for a command when it ends.
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import vm from 'node:vm';
import type {main as Main, MainHooks} from '../commands/main.js';
import {codeCacheFile, readCodeCache, runKind, writeCodeCache} from './code-cache.js';

/** The script's file name in dist/, set at build time (source/build/bundle.mjs). */
declare const __CAIPS_SCRIPT__: string;

/** Runs caips with `argv` (without node and script) and `version`; resolves to the exit code. */
export async function launch(argv: string[], version: string): Promise<number> {
	const file = join(dirname(fileURLToPath(import.meta.url)), __CAIPS_SCRIPT__);
	const kind = runKind(argv);
	if (kind === 'workstation') holdKeys();
	const cacheFile = codeCacheFile(process.env, __CAIPS_SCRIPT__, kind);
	const own = readCodeCache(cacheFile);
	// Until the user has their own, the one the build shipped (`caips --version`'s: the top level).
	const cachedData = own ?? (cacheFile ? readCodeCache(file.replace(/\.cjs$/, '.v8-code-cache')) : undefined);
	// The CommonJS module wrapper, on the script's first line (its line numbers stay its own).
	const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
	const script = new vm.Script(source, {filename: file, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER});
	let keep = cacheFile !== null && (own === undefined || script.cachedDataRejected === true);
	const keepCache = () => {
		if (!keep) return;
		keep = false;
		writeCodeCache(cacheFile, script.createCachedData());
	};
	const module = {exports: {} as {main: typeof Main}};
	(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
	const hooks: MainHooks = {};
	if (kind === 'workstation') hooks.firstFrameDrawn = keepCache;
	else process.once('exit', keepCache);
	return module.exports.main(argv, version, hooks);
}

/**
 * From the first moment of a workstation start, keys go to the workstation, not to the terminal's
 * line discipline: raw mode at once, long before Ink asks for it after the first frame. Until then
 * the terminal would echo what the officer types into the frame (or the shell's screen), buffer it
 * by lines, stop output at Ctrl+S and kill caips at Ctrl+C without restoring the screen. The keys
 * stay buffered, unread, until Ink reads them; Ink sets the mode back when it ends, and Node resets
 * the terminal whenever the process exits (a refusal before the first frame included).
 */
function holdKeys(): void {
	if (!process.stdin.isTTY || !process.stdout.isTTY) return;
	try {
		process.stdin.setRawMode(true);
	} catch {
		// A terminal that refuses raw mode: Ink will say so.
	}
}
