/**
 * A multi-line text editor: type, Enter for a new line, arrows, Backspace, Ctrl+D (delete forward), Home/End.
 * Controlled: the owner keeps the buffer (so a draft outlives the editor). Ctrl+S saves,
 * Esc closes (the owner decides what happens to the draft).
 */
import {Box, Text, useInput} from 'ink';
import React, {useRef} from 'react';
import type {Theme} from '../theme.js';
import {displayWidth, fitWidth, safeText} from '../terminal-text.js';
import {keyNames} from '../key-names.js';
import {editKey, type TextBuffer} from './text-buffer.js';

export type TextAreaProps = {
	buffer: TextBuffer;
	onChange: (buffer: TextBuffer) => void;
	/** Ctrl+S, with the buffer as it is then (keys typed just before may not have reached the owner yet); leave out when the owner handles Ctrl+S itself. */
	onSave?: (buffer: TextBuffer) => void;
	/** Esc; leave out when the owner handles Esc itself. */
	onClose?: () => void;
	height: number;
	width: number;
	theme: Theme;
	isActive?: boolean;
};

/**
 * The editor's visible window: `height` rows around the cursor, long lines wrapped to the width,
 * the cursor drawn inverse (or `█` on dumb terminals), every character through safeText.
 */
export function TextArea({buffer, onChange, onSave, onClose, height, width, theme, isActive = true}: TextAreaProps) {
	// Keys can arrive in several deliveries before the owner re-renders with the new buffer:
	// each delivery starts from the latest buffer, not from the one this render was given.
	const latest = useRef(buffer);
	latest.current = buffer;
	useInput(
		(input, key) => {
			const start = latest.current;
			const change = (edited: TextBuffer) => {
				latest.current = edited;
				onChange(edited);
			};
			// Key by key, so a burst (fast typing, a paste, a slow link) edits as typed, Backspace and Ctrl+S included.
			let next = start;
			for (const name of keyNames(input, key)) {
				if (name === 'ctrl+s' || name === '\u0013' || name === 'escape') {
					if (next !== start) change(next);
					return name === 'escape' ? onClose?.() : onSave?.(next);
				}
				if (name !== 'tab' && name !== 'backtab') next = editKey(next, name);
			}
			if (next !== start) change(next);
		},
		{isActive},
	);
	// Long lines wrap (soft: the text keeps its line breaks) so what is typed and the cursor stay in view.
	const rows = visualRows(buffer, Math.max(2, width - 1));
	const cursorRow = Math.max(
		0,
		rows.findIndex((r) => r.row === buffer.row && buffer.col >= r.start && (buffer.col < r.end || r.last)),
	);
	const top = Math.max(0, Math.min(cursorRow - height + 1, rows.length - height));
	return (
		<Box flexDirection="column" height={height}>
			{rows.slice(top, top + height).map((r, i) => {
				const chars = buffer.lines[r.row]!;
				const key = `${r.row}:${r.start}`;
				if (top + i !== cursorRow) return <Text key={key}>{fitWidth(safeText(chars.slice(r.start, r.end).join('')), width) || ' '}</Text>;
				const before = safeText(chars.slice(r.start, buffer.col).join(''));
				const at = buffer.col < r.end ? safeText(chars[buffer.col]!) : ' ';
				const after = safeText(chars.slice(buffer.col + 1, r.end).join(''));
				return (
					<Text key={key} wrap="truncate">
						{before}
						{theme.inverse ? <Text inverse>{at}</Text> : '█'}
						{theme.inverse ? after : (buffer.col < r.end ? at : '') + after}
					</Text>
				);
			})}
		</Box>
	);
}

/** One screen row of the editor: characters `start`…`end` of buffer line `row`; `last`: the line's last row. */
type VisualRow = {row: number; start: number; end: number; last: boolean};

/** The buffer's lines cut into rows of at most `width` display columns (a wide character is never split). */
export function visualRows(buffer: TextBuffer, width: number): VisualRow[] {
	const rows: VisualRow[] = [];
	buffer.lines.forEach((chars, row) => {
		let start = 0;
		let used = 0;
		for (let i = 0; i < chars.length; i++) {
			const w = displayWidth(safeText(chars[i]!));
			if (used + w > width && i > start) {
				rows.push({row, start, end: i, last: false});
				start = i;
				used = 0;
			}
			used += w;
		}
		rows.push({row, start, end: chars.length, last: true});
	});
	return rows;
}
