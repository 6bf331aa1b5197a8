/**
 * A one-line text input (the filter, a date): typing at the end, Backspace, Ctrl+U clears;
 * Enter submits, Esc cancels. Controlled, so the owner can act on every keystroke (the live filter).
 */
import {Text, useInput} from 'ink';
import React, {useRef} from 'react';
import {keyNames} from '../key-names.js';
import type {Theme} from '../theme.js';
import {displayWidth, fitWidth, safeText} from '../terminal-text.js';
import {useTypeAhead} from '../typeahead.js';

/** The end of `text` that fits in `width` columns. */
function tailOf(text: string, width: number): string {
	const chars = Array.from(text);
	let used = 0;
	let start = chars.length;
	while (start > 0 && used + displayWidth(chars[start - 1]!) <= width) used += displayWidth(chars[--start]!);
	return chars.slice(start).join('');
}

/** What key names (one key, or a burst) do to a line: the new value, and whether Enter or Esc ended it. */
export function lineKeys(start: string, names: readonly string[]): {value: string; end: 'submit' | 'cancel' | null; after: readonly string[]} {
	let value = start;
	for (const [i, name] of names.entries()) {
		if (name === 'enter') return {value, end: 'submit', after: names.slice(i + 1)};
		if (name === 'escape') return {value, end: 'cancel', after: names.slice(i + 1)};
		if (name === 'backspace' || name === 'delete' || name === '\b') value = Array.from(value).slice(0, -1).join('');
		else if (name === 'ctrl+u' || name === '\u0015') value = '';
		else if (name === 'space') value += ' ';
		else if (Array.from(name).length === 1 && name >= ' ' && name !== '\u007f') value += name;
	}
	return {value, end: null, after: []};
}

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
	/**
	 * The value as the owner last set it, read when a key arrives (the owner may have changed it by
	 * keys it read itself since the last frame: the filter's burst after `/`). Without it, the value
	 * this input last typed.
	 */
	latestValue?: () => string;
};

export function LineInput({label, value, onChange, onSubmit, onCancel, width, theme, hint, isActive = true, latestValue}: LineInputProps) {
	const typeAhead = useTypeAhead();
	// Keys can arrive in several deliveries before the owner draws the new value: each starts from
	// what the last one typed, not from the value of the last frame (typing fast, a slow link).
	const latest = useRef(value);
	latest.current = value;
	useInput(
		(input, key) => {
			// Keys typed in a burst arrive as one string: Enter, Backspace and Ctrl+U in it still act.
			const start = latestValue ? latestValue() : latest.current;
			const {value: next, end, after} = lineKeys(start, keyNames(input, key));
			latest.current = next;
			if (next !== start) onChange(next);
			if (end === 'submit') onSubmit(next);
			if (end === 'cancel') onCancel();
			// Keys typed after the Enter or Esc are for the screen that follows.
			if (end) typeAhead(after);
		},
		{isActive},
	);
	// What is typed last stays in view: a value too long for the line shows its end, after `…`.
	const room = Math.max(1, width - 2 - displayWidth(label));
	const safe = safeText(value);
	const shown = displayWidth(safe) <= room ? `${label}${safe}` : fitWidth(`${label}…${tailOf(safe, room - 1)}`, Math.max(1, width - 2));
	return (
		<Text wrap="truncate">
			{shown}
			{theme.inverse ? <Text inverse> </Text> : '_'}
			{hint ? <Text color={theme.muted}>{`  ${hint}`}</Text> : null}
		</Text>
	);
}
