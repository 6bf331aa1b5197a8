/**
 * The text being edited (a note, a decision's reasons) and the cursor, as an immutable value,
 * with the edits a key press makes. Positions count code points, so accents and CJK move as one.
 */

export type TextBuffer = {lines: string[][]; row: number; col: number};

/** A buffer holding `text`, cursor at its end. */
export function bufferOf(text: string): TextBuffer {
	const lines = text.split('\n').map((line) => Array.from(line));
	const row = lines.length - 1;
	return {lines, row, col: lines[row]!.length};
}

/** The buffer's text. */
export function textOf(buffer: TextBuffer): string {
	return buffer.lines.map((line) => line.join('')).join('\n');
}

/** Characters never typed into a text: C0/C1 controls and DEL, bidi embeddings, overrides and isolates. */
const CONTROLS = /^[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]$/;

/**
 * Inserts typed or pasted text at the cursor (`\r` and `\n` start a new line, a tab is two
 * spaces; other controls, and bidi overrides that would reorder what others read, are dropped).
 */
export function insert(buffer: TextBuffer, text: string): TextBuffer {
	const lines = buffer.lines.map((line) => line.slice());
	let {row, col} = buffer;
	for (const char of text.replace(/\r\n/g, '\n')) {
		if (char === '\n' || char === '\r') {
			const rest = lines[row]!.splice(col);
			lines.splice(row + 1, 0, rest);
			row++;
			col = 0;
		} else if (char === '\t') {
			lines[row]!.splice(col, 0, ' ', ' ');
			col += 2;
		} else if (!CONTROLS.test(char)) {
			lines[row]!.splice(col, 0, char);
			col++;
		}
	}
	return {lines, row, col};
}

/** What one key name (see key-names.ts) does to a buffer being edited; keys that do not edit leave it as it is. */
export function editKey(buffer: TextBuffer, name: string): TextBuffer {
	switch (name) {
		case 'space':
			return insert(buffer, ' ');
		case 'enter':
			return insert(buffer, '\n');
		case 'backspace':
		case 'delete':
			return backspace(buffer);
		case 'ctrl+d':
			return deleteForward(buffer);
		case 'left':
		case 'right':
		case 'up':
		case 'down':
		case 'home':
		case 'end':
			return move(buffer, name);
		default:
			return Array.from(name).length === 1 ? insert(buffer, name) : buffer;
	}
}

/** Deletes the character before the cursor (joining lines at a line start). */
export function backspace(buffer: TextBuffer): TextBuffer {
	const lines = buffer.lines.map((line) => line.slice());
	let {row, col} = buffer;
	if (col > 0) {
		lines[row]!.splice(col - 1, 1);
		col--;
	} else if (row > 0) {
		const previous = lines[row - 1]!;
		col = previous.length;
		previous.push(...lines[row]!);
		lines.splice(row, 1);
		row--;
	}
	return {lines, row, col};
}

/** Deletes the character under the cursor (joining with the next line at a line end). */
export function deleteForward(buffer: TextBuffer): TextBuffer {
	const lines = buffer.lines.map((line) => line.slice());
	const {row, col} = buffer;
	if (col < lines[row]!.length) lines[row]!.splice(col, 1);
	else if (row < lines.length - 1) {
		lines[row]!.push(...lines[row + 1]!);
		lines.splice(row + 1, 1);
	}
	return {lines, row, col};
}

/** Moves the cursor; up/down keep the column where the line allows. */
export function move(buffer: TextBuffer, direction: 'left' | 'right' | 'up' | 'down' | 'home' | 'end'): TextBuffer {
	const {lines} = buffer;
	let {row, col} = buffer;
	switch (direction) {
		case 'left':
			if (col > 0) col--;
			else if (row > 0) col = lines[--row]!.length;
			break;
		case 'right':
			if (col < lines[row]!.length) col++;
			else if (row < lines.length - 1) {
				row++;
				col = 0;
			}
			break;
		case 'up':
			if (row > 0) col = Math.min(col, lines[--row]!.length);
			break;
		case 'down':
			if (row < lines.length - 1) col = Math.min(col, lines[++row]!.length);
			break;
		case 'home':
			col = 0;
			break;
		case 'end':
			col = lines[row]!.length;
			break;
	}
	return {lines, row, col};
}
