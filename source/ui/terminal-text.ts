/**
 * Text from the store or from an application file is untrusted: it may hold escape sequences,
 * control characters, bidirectional overrides or wide characters. Everything drawn on the
 * terminal goes through `safeText` (or `safeLines`) first, and is measured by display width
 * (string-width), never by string length.
 */
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';

// C0 controls (U+0000–U+001F) and DEL become their visible Control Pictures (␛, ␇, ␡);
// C1 controls (U+0080–U+009F) and bidi overrides/isolates/marks become U+FFFD.
const CONTROL = /[\u0000-\u001f\u007f]/g;
const C1_AND_BIDI = /[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const SEPARATORS = /[\u2028\u2029\u0085]/g;

function picture(char: string): string {
	const code = char.charCodeAt(0);
	return code === 0x7f ? '\u2421' : String.fromCharCode(0x2400 + code);
}

/**
 * One line of untrusted text made safe to print: tabs and line breaks become spaces, other
 * control characters become visible symbols (ESC → ␛), C1 codes and bidi controls become �.
 */
export function safeText(text: string): string {
	return text
		.replace(/[\t\r\n]/g, ' ')
		.replace(SEPARATORS, ' ')
		.replace(CONTROL, picture)
		.replace(C1_AND_BIDI, '\ufffd');
}

/** Multi-line untrusted text made safe: split on line breaks, each line through `safeText`. */
export function safeLines(text: string): string[] {
	return text.replace(/\r\n?/g, '\n').split(/[\n\u2028\u2029]/).map((line) => safeText(line.replace(/\t/g, '    ')));
}

/** Display width in terminal columns (CJK and emoji 2, combining marks 0). */
export function displayWidth(text: string): number {
	return stringWidth(text);
}

/** Cuts safe text to at most `width` columns, ending in `…` when cut. */
export function fitWidth(text: string, width: number): string {
	if (width <= 0) return '';
	return displayWidth(text) <= width ? text : cliTruncate(text, width, {position: 'end'});
}

/** Cuts or pads safe text to exactly `width` columns (`align` right for numbers). */
export function padWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const fitted = fitWidth(text, width);
	const gap = ' '.repeat(Math.max(0, width - displayWidth(fitted)));
	return align === 'left' ? fitted + gap : gap + fitted;
}
