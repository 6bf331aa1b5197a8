/**
 * Text from the store or from an application file is untrusted: it may hold escape sequences,
 * control characters, bidirectional overrides, invisible format characters, stacks of combining
 * marks or wide characters. Everything drawn on the terminal goes through `safeText` (or
 * `safeLines`) first, and is measured by display width (string-width), never by string length.
 */
import {eastAsianWidth} from 'get-east-asian-width';
import stringWidth from 'string-width';

// C0 controls (U+0000–U+001F) and DEL become their visible Control Pictures (␛, ␇, ␡);
// C1 controls (U+0080–U+009F) and bidi overrides/isolates/marks become U+FFFD.
const CONTROL = /[\u0000-\u001f\u007f]/g;
const C1_AND_BIDI = /[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const SEPARATORS = /[\u2028\u2029\u0085]/g;
// Invisible characters, on which terminals and string-width disagree (a terminal may give U+00AD
// or U+0600 a column, or draw U+200B as a space; tmux gives the Hangul fillers two): zero-width
// spaces and joiners (U+200B–U+200D), word joiner (U+2060), BOM (U+FEFF), soft hyphen, Hangul
// fillers, variation selectors, tags — every default-ignorable code point — and every other format
// character (Cf). They are dropped: they have no glyph of their own, so nothing visible is lost.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/gu;
/**
 * At most this many nonspacing or enclosing marks are kept on one base character: real names need
 * two (Vietnamese "ễ") to four (pointed Hebrew, Tibetan stacks); a longer stack ("Zalgo" text)
 * draws outside its cell in some terminals and overflows tmux's cell (21 bytes), so the rest is dropped.
 */
export const MAX_MARKS_PER_CHARACTER = 4;
const MARK_STACK = new RegExp(`([\\p{Mn}\\p{Me}]{${MAX_MARKS_PER_CHARACTER}})[\\p{Mn}\\p{Me}]+`, 'gu');
/** Any character one of the replacements above would change (most text has none: returned as is). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\p{Cf}\p{Default_Ignorable_Code_Point}\p{Mn}\p{Me}]/u;

function picture(char: string): string {
	const code = char.charCodeAt(0);
	return code === 0x7f ? '\u2421' : String.fromCharCode(0x2400 + code);
}

/**
 * One line of untrusted text made safe to print: tabs and line breaks become spaces, other
 * control characters become visible symbols (ESC → ␛), C1 codes and bidi controls become �,
 * other invisible format characters (U+200B, U+200D, U+2060, U+FEFF, …) are dropped, and a base
 * character keeps at most {@link MAX_MARKS_PER_CHARACTER} combining marks (accents such as
 * "Nguyễn" or "Zoë" are untouched). The result measures the same in string-width as in a terminal.
 * Idempotent.
 */
export function safeText(text: string): string {
	if (!UNSAFE.test(text)) return text;
	return text
		.replace(/[\t\r\n]/g, ' ')
		.replace(SEPARATORS, ' ')
		.replace(CONTROL, picture)
		.replace(C1_AND_BIDI, '\ufffd')
		.replace(INVISIBLE, '')
		.replace(MARK_STACK, '$1');
}

/** Multi-line untrusted text made safe: split on line breaks, each line through `safeText`. */
export function safeLines(text: string): string[] {
	return text.replace(/\r\n?/g, '\n').split(/[\n\u2028\u2029]/).map((line) => safeText(line.replace(/\t/g, '    ')));
}

// Zero-width in a terminal cell count: non-spacing and enclosing marks, format characters,
// variation selectors and the zero-width joiner.
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u200b-\u200d\ufe00-\ufe0f]$/u;

/** Width as a terminal counts cells, code point by code point (wcwidth-style). */
function cellWidth(text: string): number {
	let width = 0;
	for (const char of text) width += ZERO_WIDTH.test(char) ? 0 : eastAsianWidth(char.codePointAt(0)!);
	return width;
}

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/**
 * Display width in terminal columns (CJK and emoji 2, combining accents 0). Where string-width
 * (which measures grapheme clusters) and a terminal's per-code-point count disagree — Indic
 * conjuncts and spacing vowel signs, which terminals draw wider — the larger is taken, so a line
 * never runs past the edge and wraps (which would garble an incrementally drawn screen).
 */
export function displayWidth(text: string): number {
	// Plain ASCII (the common case) is one column a character.
	if (/^[\x20-\x7e]*$/.test(text)) return text.length;
	// Other text (names, mostly) is measured once: each frame measures the same names again.
	let width = widths.get(text);
	if (width === undefined) {
		width = Math.max(stringWidth(text), cellWidth(text));
		if (widths.size >= WIDTHS_KEPT) widths.clear();
		widths.set(text, width);
	}
	return width;
}

/** Widths of non-ASCII texts measured so far (at most {@link WIDTHS_KEPT}, then started afresh). */
const widths = new Map<string, number>();
const WIDTHS_KEPT = 20_000;

/** Cuts safe text to at most `width` columns, ending in `…` when cut (whole grapheme clusters). */
export function fitWidth(text: string, width: number): string {
	if (width <= 0) return '';
	if (displayWidth(text) <= width) return text;
	let out = '';
	let used = 0;
	for (const {segment} of graphemes.segment(text)) {
		const w = displayWidth(segment);
		if (used + w > width - 1) break;
		out += segment;
		used += w;
	}
	return `${out}…`;
}

/** Cuts or pads safe text to exactly `width` columns (`align` right for numbers). */
export function padWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const fitted = fitWidth(text, width);
	const gap = ' '.repeat(Math.max(0, width - displayWidth(fitted)));
	return align === 'left' ? fitted + gap : gap + fitted;
}
