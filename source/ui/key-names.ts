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

/**
 * The key names in one input delivery, in order. Esc then a key in quick succession (or over a
 * slow link) arrives as the terminal's Alt+key (the key's input after an ESC): no Alt keys are
 * bound, so it is read as what was typed, Esc then the key — whatever the key (Esc Ctrl+S must
 * close an editor and not save it; Esc ↓ go back and move).
 */
export function keyNames(input: string, key: Key): string[] {
	// Ink marks Esc itself as meta too; two Esc in one packet are counted in typeahead.tsx.
	if (key.meta && !key.escape) return ['escape', ...plainNames(input, key)];
	// Esc then a control key (Esc Ctrl+S, Esc Tab) reaches us as the control character alone with
	// no flag set (Ink drops the ESC and names nothing); pressed alone, Ink would have named it.
	if (input.length === 1 && isControl(input) && !Object.values(key).some((flag) => flag === true)) return ['escape', ...plainNames(input, key)];
	return plainNames(input, key);
}

/** A control character Ink names when it comes alone: Ctrl+A–Z (Tab, Enter, Backspace among them) and DEL. */
function isControl(char: string): boolean {
	const code = char.charCodeAt(0);
	return (code >= 1 && code <= 26) || code === 0x7f;
}

function plainNames(input: string, key: Key): string[] {
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
	const names: string[] = [];
	for (const char of input) names.push(BURST_NAMES[char] ?? controlName(char) ?? char);
	return names;
}
