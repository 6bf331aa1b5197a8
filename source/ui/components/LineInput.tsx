/**
 * A one-line text input (the filter, a date): typing, Backspace, ←/→, Home/End; Enter submits,
 * Esc cancels. Controlled, so the owner can act on every keystroke (the live filter).
 */
import {Text, useInput} from 'ink';
import React from 'react';
import type {Theme} from '../theme.js';
import {fitWidth, safeText} from '../terminal-text.js';

export type LineInputProps = {
	label: string;
	value: string;
	onChange: (value: string) => void;
	onSubmit: (value: string) => void;
	onCancel: () => void;
	width: number;
	theme: Theme;
	hint?: string;
	isActive?: boolean;
};

export function LineInput({label, value, onChange, onSubmit, onCancel, width, theme, hint, isActive = true}: LineInputProps) {
	useInput(
		(input, key) => {
			if (key.escape) return onCancel();
			if (key.return) return onSubmit(value);
			if (key.backspace || key.delete) return onChange(Array.from(value).slice(0, -1).join(''));
			if (key.ctrl && input === 'u') return onChange('');
			if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return;
			const typed = Array.from(input).filter((char) => char >= ' ' && char !== '\u007f').join('');
			if (typed) onChange(value + typed);
		},
		{isActive},
	);
	const shown = fitWidth(`${label}${safeText(value)}`, Math.max(1, width - 2));
	return (
		<Text wrap="truncate">
			{shown}
			{theme.inverse ? <Text inverse> </Text> : '_'}
			{hint ? <Text color={theme.muted}>{`  ${hint}`}</Text> : null}
		</Text>
	);
}
