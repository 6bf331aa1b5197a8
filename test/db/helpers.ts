/** Shared helpers for the store tests: temp directories and child processes running bundled scripts. */
import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** A fresh temporary directory; `cleanup()` removes it. */
export function tempDir(prefix = 'caips-db-'): {dir: string; cleanup: () => void} {
	const dir = mkdtempSync(path.join(tmpdir(), prefix));
	return {dir, cleanup: () => rmSync(dir, {recursive: true, force: true})};
}

/**
 * Bundles `test/db/children/<name>.ts` into `outDir` as an ESM script; `sqlite3` stays external,
 * imported by its absolute path so the bundle runs from any directory.
 */
export async function bundleChild(name: string, outDir: string): Promise<string> {
	const sqlite3Path = require.resolve('sqlite3');
	const outfile = path.join(outDir, `${name}.mjs`);
	await build({
		entryPoints: [path.join(here, 'children', `${name}.ts`)],
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		outfile,
		logLevel: 'warning',
		plugins: [
			{
				name: 'sqlite3-absolute',
				setup(b) {
					b.onResolve({filter: /^sqlite3$/}, () => ({path: sqlite3Path, external: true}));
				},
			},
		],
	});
	return outfile;
}

/** Result of a child process. */
export interface ChildResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs `node script ...args`, resolving with its exit code and output (never rejecting). */
export function runNode(script: string, args: string[], timeoutMs = 60_000): Promise<ChildResult> {
	return new Promise((resolve) => {
		execFile(process.execPath, [script, ...args], {timeout: timeoutMs, maxBuffer: 16 << 20}, (err, stdout, stderr) => {
			const code = err ? ((err as {code?: unknown}).code as number | null) ?? 1 : 0;
			resolve({code: typeof code === 'number' ? code : 1, stdout, stderr});
		});
	});
}

/** Parses the last line of a child's stdout as JSON. */
export function lastJson<T>(r: ChildResult): T {
	const lines = r.stdout.trim().split('\n');
	return JSON.parse(lines[lines.length - 1]!) as T;
}
