/**
 * `npm run build`: bundles cli.tsx (and the benchmarks) with esbuild into dist/.
 * sqlite3 stays external (a native addon); ink's optional devtools import is stubbed; ESM
 * builds of dependencies are preferred (jsonc-parser's UMD main cannot be bundled).
 *
 * One fix is applied to Ink 6.8 while bundling: its incremental renderer moves the cursor up one
 * line too few when the previous frame ended in a newline (every frame shorter than the
 * terminal), so each frame was drawn one line lower and the screen garbled. With the fix, only
 * the lines that changed are rewritten (a few hundred bytes per cursor move instead of ~2 KB).
 */
import {readFile} from 'node:fs/promises';
import {build} from 'esbuild';

const BUGGY = 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));';
const FIXED = "buffer.push(ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1)));";

/** Replaces Ink's off-by-one cursor movement in build/log-update.js; fails the build if the code moved. */
const inkIncrementalFix = {
	name: 'ink-incremental-fix',
	setup(context) {
		context.onLoad({filter: /[\\/]ink[\\/]build[\\/]log-update\.js$/}, async (args) => {
			const source = await readFile(args.path, 'utf8');
			if (!source.includes(BUGGY)) throw new Error(`ink-incremental-fix: expected code not found in ${args.path} (Ink changed: check the fix is still needed)`);
			return {contents: source.replace(BUGGY, FIXED), loader: 'js'};
		});
	},
};

const common = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'esm',
	packages: 'bundle',
	external: ['sqlite3'],
	alias: {'react-devtools-core': './source/stubs/react-devtools-core.ts'},
	mainFields: ['module', 'main'],
	banner: {js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);"},
	logLevel: 'warning',
	// Less source for V8 to compile at start-up (names kept, so --debug stack traces stay readable).
	minifyWhitespace: true,
	minifySyntax: true,
	plugins: [inkIncrementalFix],
};

await build({...common, entryPoints: ['cli.tsx'], outfile: 'dist/cli.js'});
// The pool's ranking worker threads: found beside the bundle that starts them (source/cases/pool-threads.ts).
await build({...common, entryPoints: ['source/cases/pool-worker.ts'], outfile: 'dist/pool-worker.js'});
await build({...common, entryPoints: ['test/bench/index.ts'], outfile: 'dist/bench.js'});
