/**
 * Ink delivers a key press as `(input, key)`; keys typed in a burst arrive as one string
 * (`jjj`). `keyNames` turns one delivery into the list of key names the key map uses.
 */
import type {Key} from 'ink';

// Keys that arrive inside a burst as raw characters rather than as Ink's flags.
const BURST_NAMES: Record<string, string> = {' ': 'space', '\r': 'enter', '\n': 'enter', '\t': 'tab', '\u007f': 'backspace', '\u001b': 'escape'};

/**
 * A control character inside a burst as the key map names it (`\u0013` → `ctrl+s`), as Ink names
 * the same key pressed alone. Not Backspace (`\b`, which the editors read as such), Tab, Enter or Esc.
 */
function controlName(char: string): string | undefined {
	const code = char.charCodeAt(0);
	if (char.length !== 1 || code < 1 || code > 26 || code === 8) return undefined;
	return `ctrl+${String.fromCharCode(code + 96)}`;
}

/** The key names in one input delivery, in order. */
export function keyNames(input: string, key: Key): string[] {
	if (key.upArrow) return ['up'];
	if (key.downArrow) return ['down'];
	if (key.leftArrow) return ['left'];
	if (key.rightArrow) return ['right'];
	if (key.pageDown) return ['pagedown'];
	if (key.pageUp) return ['pageup'];
	if (key.home) return ['home'];
	if (key.end) return ['end'];
	if (key.return) return ['enter'];
	if (key.escape) return ['escape'];
	if (key.tab) return [key.shift ? 'backtab' : 'tab'];
	if (key.backspace) return ['backspace'];
	if (key.delete) return ['delete'];
	if (key.ctrl && input.length === 1) return [`ctrl+${input.toLowerCase()}`];
	// Esc then a key in quick succession (or over a slow link) arrives as the terminal's Alt+key
	// (ESC prefix). No Alt keys are bound, so it is read as what was typed: Esc, then the key.
	if (key.meta && [...input].length === 1) return ['escape', BURST_NAMES[input] ?? input];
	const names: string[] = [];
	for (const char of input) names.push(BURST_NAMES[char] ?? controlName(char) ?? char);
	return names;
}
