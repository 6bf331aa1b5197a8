/**
 * The patches applied to dependencies while bundling (why each is needed: bundle.mjs). Kept apart
 * so that tests can apply a patch to the dependency's source and compare it with the original.
 */

/** Source patches: in the file matching `file`, `from` is replaced by `to` (exactly once). */
export const PATCHES = [
	{
		name: 'ink incremental rendering off by one',
		file: /[\\/]ink[\\/]build[\\/]log-update\.js$/,
		from: 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));',
		to: "buffer.push(ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1)));",
	},
	{
		name: 'yoga-layout without fetch',
		file: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
		from: 'function ya(){return w||"function"!=typeof fetch?',
		to: 'function ya(){return true?',
	},
	{
		name: 'ink output caches kept across frames',
		file: /[\\/]ink[\\/]build[\\/]output\.js$/,
		from: '    caches = new OutputCaches();',
		to: '    caches = (OutputCaches.shared = OutputCaches.shared && OutputCaches.shared.styledChars.size + OutputCaches.shared.widths.size + OutputCaches.shared.blockWidths.size < 1024 ? OutputCaches.shared : new OutputCaches());',
	},
	{
		name: 'string-width builds its RGI emoji pattern on first need',
		file: /[\\/]string-width[\\/]index\.js$/,
		from: 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
		to: [
			'let rgiEmojiPattern; const nonAsciiCharacter = /[^\\u0000-\\u007f]/; const emojiCodePoint = /\\p{Emoji}/u;',
			// Every RGI emoji holds a code point past ASCII with the Emoji property (a keycap its U+20E3
			// and its Emoji base): a cluster without one cannot match, so the pattern is not needed for it.
			'const rgiEmojiRegex = {test: (segment) => nonAsciiCharacter.test(segment) && emojiCodePoint.test(segment) && (rgiEmojiPattern ??= new RegExp("^\\\\p{RGI_Emoji}$", "v")).test(segment)};',
		].join(' '),
	},
	{
		name: 'meow without package normalisation at import',
		file: /[\\/]meow[\\/]build[\\/]dependencies\.js$/,
		from: 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
		to: 'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);',
	},
	// Ink's reconciler awaits at its top level, for React devtools and its own package.json, only
	// when DEV=true; a module with a top-level await cannot be part of the one CommonJS script that
	// caips runs from V8's code cache (bundle.mjs). caips never turns the devtools on.
	{
		name: 'ink without devtools at import',
		file: /[\\/]ink[\\/]build[\\/]reconciler\.js$/,
		from: "        await import('./devtools.js');",
		to: '        void 0;',
	},
	{
		name: 'ink without its package.json at import',
		file: /[\\/]ink[\\/]build[\\/]reconciler\.js$/,
		from: '    ? await loadPackageJson()',
		to: '    ? {name: undefined, version: undefined}',
	},
];

/**
 * `source` with `patch` applied. Throws when `patch.from` is not found exactly once in it (`path`
 * names the file): the dependency changed, and the patch must be checked again.
 */
export function applyPatch(source, patch, path) {
	if (source.split(patch.from).length !== 2) throw new Error(`patch "${patch.name}": expected code not found once in ${path} (the dependency changed: check the patch is still needed)`);
	return source.replace(patch.from, () => patch.to);
}
