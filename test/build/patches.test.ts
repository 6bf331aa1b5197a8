/**
 * The bundle-time patches of dependencies (source/build/patches.mjs): each still applies to the
 * installed dependency exactly once, and the string-width patch (its RGI emoji pattern built on
 * first need) measures every string exactly as the unpatched package does.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import {applyPatch, PATCHES} from '../../source/build/patches.mjs';
import stringWidth from 'string-width';

const root = join(import.meta.dirname, '..', '..');

/** The installed file a patch is for, found by its `file` pattern among the known ones. */
const FILES: Record<string, string> = {
	'ink incremental rendering off by one': 'node_modules/ink/build/log-update.js',
	'yoga-layout without fetch': 'node_modules/yoga-layout/dist/binaries/yoga-wasm-base64-esm.js',
	'ink output caches kept across frames': 'node_modules/ink/build/output.js',
	'string-width builds its RGI emoji pattern on first need': 'node_modules/string-width/index.js',
	'meow without package normalisation at import': 'node_modules/meow/build/dependencies.js',
	'ink without devtools at import': 'node_modules/ink/build/reconciler.js',
	'ink without its package.json at import': 'node_modules/ink/build/reconciler.js',
};

const dir = mkdtempSync(join(tmpdir(), 'caips-patches-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** string-width with its patch applied, its own imports pointed at the installed packages. */
async function patchedStringWidth(): Promise<(text: string) => number> {
	const patch = PATCHES.find((p) => p.name === 'string-width builds its RGI emoji pattern on first need')!;
	const file = join(root, FILES[patch.name]!);
	let source = applyPatch(readFileSync(file, 'utf8'), patch, file);
	for (const name of ['strip-ansi', 'get-east-asian-width']) {
		const entry = import.meta.resolve(name, pathToFileURL(file).href);
		source = source.replace(`from '${name}'`, `from '${entry}'`);
	}
	const out = join(dir, 'string-width-patched.mjs');
	writeFileSync(out, source);
	return ((await import(pathToFileURL(out).href)) as {default: (text: string) => number}).default;
}

describe('dependency patches', () => {
	it('each applies exactly once to the installed dependency, and its file pattern names that file', () => {
		expect(PATCHES.map((p) => p.name).sort()).toEqual(Object.keys(FILES).sort());
		for (const patch of PATCHES) {
			const file = join(root, FILES[patch.name]!);
			expect(patch.file.test(file), patch.name).toBe(true);
			expect(() => applyPatch(readFileSync(file, 'utf8'), patch, file), patch.name).not.toThrow();
		}
		expect(() => applyPatch('nothing to patch here', PATCHES[0]!, 'x.js')).toThrow(/expected code not found once in x\.js/);
	});

	it('string-width patched measures emoji, keycaps, flags, ZWJ sequences, CJK, Hangul, accents and marks as the original', async () => {
		const patched = await patchedStringWidth();
		const samples = [
			'', 'abc', 'Côté', 'Nguyễn', '王秀英', '한국어', '각', '😀', '👩‍⚕️', '👩‍⚕', '🇨🇦', '1️⃣', '#️⃣', '*⃣', '©', '©️', '®️', '☺', '☺️', '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
			'👍🏽', '👨‍👩‍👧‍👦', 'e\u0301', 'a\u0300\u0301\u0302\u0303', '\u200b', 'ｶﾞ', 'ＷＩＤＥ', '1–20 of 6,311', '→ ↓ ↑', '\u2764', '\u2764\ufe0f', 'x\u20e3', '9\u20e3', '⌚', '🈁',
		];
		for (const text of samples) expect(patched(text), JSON.stringify(text)).toBe(stringWidth(text));
		fc.assert(fc.property(fc.string({unit: 'grapheme', maxLength: 12}), (text) => patched(text) === stringWidth(text)), {numRuns: 3000});
		fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 12}), (text) => patched(text) === stringWidth(text)), {numRuns: 3000});
	});
});
