/**
 * `npm run build`: bundles cli.tsx (and the benchmarks, and the pool's ranking worker) with
 * esbuild into dist/. sqlite3 stays external (a native addon); ink's optional devtools import is
 * stubbed; ESM builds of dependencies are preferred (jsonc-parser's UMD main cannot be bundled);
 * React's production build is chosen.
 *
 * Five small patches are applied to dependencies while bundling (PATCHES in patches.mjs); each fails the
 * build if the code it replaces is not found, so an upgrade re-checks it:
 * - Ink 6.8's incremental renderer moves the cursor up one line too few when the previous frame
 *   ended in a newline (every frame shorter than the terminal), so each frame was drawn one line
 *   lower and the screen garbled. With the fix only the lines that changed are rewritten (a few
 *   hundred bytes per cursor move instead of ~2 KB).
 * - yoga-layout (Ink's layout engine) decodes its embedded WebAssembly with `fetch` on a data:
 *   URL whenever `fetch` exists, which loads Node's whole HTTP client (undici) at every start-up
 *   (~35 ms); it is made to take its own synchronous base64 path, as it does where there is no fetch.
 * - Ink 6.8 tokenizes every line of every frame into styled characters and measures them, with
 *   caches that live for one frame only: moving the cursor changes two lines of ~24, yet all were
 *   tokenized again. The caches are kept across frames (one shared set, started afresh past 1,024
 *   entries, a few MB at most); a line's styled characters depend only on its text.
 * - string-width compiles `/^\p{RGI_Emoji}$/v` when it is imported (~25 ms: the property expands to
 *   thousands of sequences), though a frame of names and dates rarely holds an emoji: it is compiled
 *   on first need, and only clusters that can be emoji (a non-ASCII code point with the Emoji
 *   property, which every RGI emoji has) are tested against it. Widths are unchanged.
 * - meow evaluates normalize-package-data (and the SPDX licence tables) when it is imported,
 *   though caips never asks meow for package data: made lazy (~15 ms at start-up).
 */
import {readdir, readFile, rm} from 'node:fs/promises';
import {basename, join} from 'node:path';
import {build} from 'esbuild';
import {applyPatch, PATCHES} from './patches.mjs';

/** Applies {@link PATCHES}; fails the build when a patch no longer applies. */
const dependencyPatches = {
	name: 'dependency-patches',
	setup(context) {
		for (const patch of PATCHES) {
			context.onLoad({filter: patch.file}, async (args) => {
				return {contents: applyPatch(await readFile(args.path, 'utf8'), patch, args.path), loader: 'js'};
			});
		}
	},
};

/** Ink loads its React devtools bridge (and the `ws` package) only when DEV=true: never in caips. */
const inkDevtoolsStub = {
	name: 'ink-devtools-stub',
	setup(context) {
		context.onLoad({filter: /[\\/]ink[\\/]build[\\/]devtools\.js$/}, () => ({contents: 'export {};', loader: 'js'}));
	},
};

const result = await build({
	entryPoints: {
		cli: 'cli.tsx',
		// The pool's ranking worker threads: found beside the module that starts them (source/cases/pool-threads.ts).
		'pool-worker': 'source/cases/pool-worker.ts',
		bench: 'test/bench/index.ts',
	},
	outdir: 'dist',
	// What is imported dynamically (each command, the workstation, zod for validating files) is
	// its own chunk, compiled only when used: the workstation starts without the import format's
	// schemas, the demo generator or the other commands. Chunks stay beside cli.js (see above).
	splitting: true,
	chunkNames: '[name]-[hash]',
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'esm',
	packages: 'bundle',
	external: ['sqlite3'],
	alias: {
		'react-devtools-core': './source/stubs/react-devtools-core.ts',
		// One string-width for every package (wrap-ansi pins an older copy): one set of width rules,
		// and its Unicode tables and segmenter built once at start-up, not twice.
		'string-width': './node_modules/string-width/index.js',
	},
	mainFields: ['module', 'main'],
	banner: {js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);"},
	logLevel: 'warning',
	// Less source for V8 to compile at start-up (names kept, so --debug stack traces stay readable).
	minifyWhitespace: true,
	minifySyntax: true,
	// React's production build: the development one is twice the code to compile at start-up and
	// slower on every render (prop checks, warnings).
	define: {'process.env.NODE_ENV': '"production"'},
	plugins: [dependencyPatches, inkDevtoolsStub],
	metafile: true,
});

// Chunks of earlier builds (their names carry a content hash) are removed once the new files are
// written, not before: tests or a workstation reading dist/ meanwhile never find it half empty.
const written = new Set(Object.keys(result.metafile.outputs).map((file) => basename(file)));
for (const file of await readdir('dist')) if (file.endsWith('.js') && !written.has(file)) await rm(join('dist', file), {force: true});
