/**
 * A multi-line text editor: type, Enter for a new line, arrows, Backspace/Delete, Home/End.
 * Controlled: the owner keeps the buffer (so a draft outlives the editor). Ctrl+S saves,
 * Esc closes (the owner decides what happens to the draft).
 */
import {Box, Text, useInput} from 'ink';
import React from 'react';
import type {Theme} from '../theme.js';
import {fitWidth} from '../terminal-text.js';
import {backspace, deleteForward, insert, move, type TextBuffer} from './text-buffer.js';

export type TextAreaProps = {
	buffer: TextBuffer;
	onChange: (buffer: TextBuffer) => void;
	/** Ctrl+S; leave out when the owner handles Ctrl+S itself. */
	onSave?: () => void;
	/** Esc; leave out when the owner handles Esc itself. */
	onClose?: () => void;
	height: number;
	width: number;
	theme: Theme;
	isActive?: boolean;
};

/** The editor's visible window: `height` lines around the cursor, the cursor drawn inverse (or `█` on dumb terminals). */
export function TextArea({buffer, onChange, onSave, onClose, height, width, theme, isActive = true}: TextAreaProps) {
	useInput(
		(input, key) => {
			if (key.ctrl && input === 's') return onSave?.();
			if (key.escape) return onClose?.();
			if (key.ctrl || key.meta) return;
			if (key.upArrow) return onChange(move(buffer, 'up'));
			if (key.downArrow) return onChange(move(buffer, 'down'));
			if (key.leftArrow) return onChange(move(buffer, 'left'));
			if (key.rightArrow) return onChange(move(buffer, 'right'));
			if (key.home) return onChange(move(buffer, 'home'));
			if (key.end) return onChange(move(buffer, 'end'));
			if (key.backspace) return onChange(backspace(buffer));
			if (key.delete) return onChange(deleteForward(buffer));
			if (key.return) return onChange(insert(buffer, '\n'));
			if (key.tab) return;
			if (input) onChange(insert(buffer, input));
		},
		{isActive},
	);
	const top = Math.max(0, Math.min(buffer.row - height + 1, buffer.lines.length - height));
	const visible = buffer.lines.slice(Math.max(0, top), Math.max(0, top) + height);
	return (
		<Box flexDirection="column" height={height}>
			{visible.map((chars, i) => {
				const row = Math.max(0, top) + i;
				if (row !== buffer.row) return <Text key={row}>{fitWidth(chars.join(''), width) || ' '}</Text>;
				const before = chars.slice(0, buffer.col).join('');
				const at = chars[buffer.col] ?? ' ';
				const after = chars.slice(buffer.col + 1).join('');
				return (
					<Text key={row} wrap="truncate">
						{before}
						{theme.inverse ? <Text inverse>{at}</Text> : '█'}
						{theme.inverse ? after : (chars[buffer.col] ?? '') + after}
					</Text>
				);
			})}
		</Box>
	);
}
