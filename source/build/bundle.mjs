/**
 * `npm run build`: bundles caips with esbuild into dist/. sqlite3 stays external (a native addon);
 * ink's optional devtools import is stubbed; ESM builds of dependencies are preferred (jsonc-parser's
 * UMD main cannot be bundled); React's production build is chosen. Three builds:
 *
 * - The whole CLI (source/commands/main.ts, every command and the workstation) as one CommonJS
 *   script, `dist/caips-<content hash>.cjs`. Node 20 keeps no compiled code between runs for ES
 *   modules; a classic script can be compiled from V8's code cache, which the launcher keeps per
 *   user (source/launch/). Dynamic imports in it stay lazy: a module is evaluated when first used.
 *   Ink's layout engine (yoga, WebAssembly loaded with a top-level await) is loaded by the
 *   workstation before Ink (source/ui/layout-engine.ts) and handed to Ink through
 *   source/ui/yoga-preloaded.ts.
 * - The launcher, `dist/cli.js` (cli.tsx): a few kB of ES module that runs that script.
 * - The pool's ranking worker threads and the benchmarks, as ES modules.
 *
 * Small patches are applied to dependencies while bundling (PATCHES in patches.mjs); each fails the
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
 * - Ink's reconciler awaits at its top level (devtools, its package.json) when DEV=true, which
 *   caips never sets; the awaits are removed, so that it can be part of the CommonJS script.
 */
import {execFileSync} from 'node:child_process';
import {chmod, copyFile, mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {basename, join} from 'node:path';
import {build} from 'esbuild';
import {applyPatch, PATCHES} from './patches.mjs';

/** Applies {@link PATCHES} (all of a file's, in order); fails the build when a patch no longer applies. */
const dependencyPatches = {
	name: 'dependency-patches',
	setup(context) {
		context.onLoad({filter: new RegExp(PATCHES.map((patch) => patch.file.source).join('|'))}, async (args) => {
			let source = await readFile(args.path, 'utf8');
			for (const patch of PATCHES) if (patch.file.test(args.path)) source = applyPatch(source, patch, args.path);
			return {contents: source, loader: 'js'};
		});
	},
};

/** In the CommonJS script, Ink's `yoga-layout` is the engine the workstation loaded before Ink. */
const preloadedYoga = {
	name: 'preloaded-yoga',
	setup(context) {
		context.onResolve({filter: /^yoga-layout$/}, () => ({path: join(process.cwd(), 'source', 'ui', 'yoga-preloaded.ts')}));
	},
};

/** Ink loads its React devtools bridge (and the `ws` package) only when DEV=true: never in caips. */
const inkDevtoolsStub = {
	name: 'ink-devtools-stub',
	setup(context) {
		context.onLoad({filter: /[\\/]ink[\\/]build[\\/]devtools\.js$/}, () => ({contents: 'export {};', loader: 'js'}));
	},
};

/** The code cache shipped beside the script `name` in dist/ (read by source/launch/launch.ts). */
const shippedCacheName = (name) => name.replace(/\.cjs$/, '.v8-code-cache');

/** What every build shares. */
const common = {
	outdir: 'dist',
	bundle: true,
	platform: 'node',
	target: 'node20',
	packages: 'bundle',
	external: ['sqlite3'],
	alias: {
		'react-devtools-core': './source/stubs/react-devtools-core.ts',
		// One string-width for every package (wrap-ansi pins an older copy): one set of width rules,
		// and its Unicode tables and segmenter built once at start-up, not twice.
		'string-width': './node_modules/string-width/index.js',
	},
	mainFields: ['module', 'main'],
	logLevel: 'warning',
	// Less source for V8 to compile (names kept, so --debug stack traces stay readable).
	minifyWhitespace: true,
	minifySyntax: true,
	// React's production build: the development one is twice the code to compile at start-up and
	// slower on every render (prop checks, warnings).
	define: {'process.env.NODE_ENV': '"production"'},
	metafile: true,
};

// The CLI as one CommonJS script. `import.meta` (meow's importMeta, the pool's worker URL) is the
// script's own: its URL is beside the launcher, in dist/.
const script = await build({
	...common,
	entryPoints: {caips: 'source/commands/main.ts'},
	entryNames: '[name]-[hash]',
	outExtension: {'.js': '.cjs'},
	format: 'cjs',
	define: {...common.define, 'import.meta': '__caipsImportMeta'},
	banner: {js: 'var __caipsImportMeta = {url: require("node:url").pathToFileURL(__filename).href};'},
	plugins: [dependencyPatches, inkDevtoolsStub, preloadedYoga],
});
const scriptName = basename(Object.keys(script.metafile.outputs).find((file) => file.endsWith('.cjs')));

// The launcher, told the script's name; and the ES module entries.
const launcher = await build({
	...common,
	entryPoints: {cli: 'cli.tsx'},
	format: 'esm',
	define: {...common.define, __CAIPS_SCRIPT__: JSON.stringify(scriptName)},
	banner: {js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);"},
});
const modules = await build({
	...common,
	entryPoints: {
		// The pool's ranking worker threads: found beside the script that starts them (source/cases/pool-threads.ts).
		'pool-worker': 'source/cases/pool-worker.ts',
		bench: 'test/bench/index.ts',
	},
	// Code shared by the two entries is one chunk; what is imported dynamically is its own chunk.
	splitting: true,
	chunkNames: '[name]-[hash]',
	format: 'esm',
	banner: {js: "import {createRequire as __cr} from 'node:module'; const require = __cr(import.meta.url);"},
	plugins: [dependencyPatches, inkDevtoolsStub],
});

// A first code cache, shipped beside the script: the one `caips --version` keeps (the whole
// script's top level and the CLI's start). A user's first start uses it until their own cache,
// with the code their start compiled, is kept (source/launch/launch.ts).
const primeHome = await mkdtemp(join(tmpdir(), 'caips-build-cache-'));
try {
	execFileSync(process.execPath, ['dist/cli.js', '--version'], {env: {...process.env, XDG_CACHE_HOME: primeHome, CAIPS_CODE_CACHE: ''}, stdio: 'ignore'});
	const [kept] = await readdir(join(primeHome, 'caips'));
	await copyFile(join(primeHome, 'caips', kept), join('dist', shippedCacheName(scriptName)));
	await chmod(join('dist', shippedCacheName(scriptName)), 0o644);
} finally {
	await rm(primeHome, {recursive: true, force: true});
}

// Chunks of earlier builds (their names carry a content hash) are removed once the new files are
// written, not before: tests or a workstation reading dist/ meanwhile never find it half empty.
const written = new Set([script, launcher, modules].flatMap((result) => Object.keys(result.metafile.outputs)).map((file) => basename(file)));
written.add(shippedCacheName(scriptName));
for (const file of await readdir('dist')) if (/\.(?:c?js|v8-code-cache)$/.test(file) && !written.has(file)) await rm(join('dist', file), {force: true});
