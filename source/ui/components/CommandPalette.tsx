/**
 * The `:` command palette: every command with its key, filtered as you type; Enter runs the
 * highlighted one. Generated from the same registry as the key map and the help.
 */
import {Box, Text, useInput} from 'ink';
import React, {useState} from 'react';
import {COMMANDS, keyLabel, type KeyMap} from '../keymap.js';
import type {Theme} from '../theme.js';
import {padWidth, safeText} from '../terminal-text.js';

/** Commands whose description or id contains every word typed (case-insensitive). */
export function matchCommands(query: string) {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	return COMMANDS.filter((command) => command.id !== 'palette' && words.every((word) => `${command.description} ${command.id}`.toLowerCase().includes(word)));
}

export function CommandPalette({keyMap, width, height, theme, onRun, onClose, initialQuery = ''}: {keyMap: KeyMap; width: number; height: number; theme: Theme; onRun: (id: string) => void; onClose: () => void; initialQuery?: string}) {
	const [query, setQuery] = useState(initialQuery);
	const [selected, setSelected] = useState(0);
	const matches = matchCommands(query);
	const visible = Math.max(1, height - 2);
	const index = Math.min(selected, Math.max(0, matches.length - 1));
	useInput((input, key) => {
		if (key.escape) return onClose();
		if (key.return) {
			const command = matches[index];
			return command ? onRun(command.id) : onClose();
		}
		if (key.downArrow) return setSelected(Math.min(matches.length - 1, index + 1));
		if (key.upArrow) return setSelected(Math.max(0, index - 1));
		if (key.backspace || key.delete) {
			setSelected(0);
			return setQuery((q) => Array.from(q).slice(0, -1).join(''));
		}
		if (key.ctrl || key.meta || key.tab) return;
		// Keys typed in a burst arrive as one string: Enter and Backspace in it still act.
		let next = query;
		for (const char of input) {
			if (char === '\r' || char === '\n') {
				const command = matchCommands(next)[0];
				return command ? onRun(command.id) : onClose();
			}
			if (char === '\u007f' || char === '\b') next = Array.from(next).slice(0, -1).join('');
			else if (char >= ' ') next += char;
		}
		if (next !== query) {
			setSelected(0);
			setQuery(next);
		}
	});
	const top = Math.max(0, index - visible + 1);
	return (
		<Box flexDirection="column" height={height}>
			<Text>
				{padWidth(`:${safeText(query)}`, width - 1)}
			</Text>
			{matches.length === 0 ? <Text color={theme.muted}>no command matches</Text> : null}
			{matches.slice(top, top + visible).map((command, i) => {
				const isSelected = top + i === index;
				return (
					<Text key={command.id} inverse={isSelected && theme.inverse}>
						{padWidth(`${isSelected ? '>' : ' '} ${padWidth(command.description, 40)} ${keyLabel(keyMap.get(command.id) ?? [])}`, width)}
					</Text>
				);
			})}
		</Box>
	);
}
