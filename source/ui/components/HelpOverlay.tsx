/**
 * The `?` overlay: every command with its keys and scope, generated from the key map (so it is
 * never out of date), windowed to the screen height.
 */
import {Box, Text, useInput} from 'ink';
import React, {useState} from 'react';
import {COMMANDS, keyLabel, type KeyMap} from '../keymap.js';
import type {Theme} from '../theme.js';
import {padWidth} from '../terminal-text.js';

/** The help lines: one per command, `keys  description  (scope)`. */
export function helpLines(keyMap: KeyMap, width: number): string[] {
	return COMMANDS.map((command) => {
		const keys = padWidth(keyLabel(keyMap.get(command.id) ?? []), 20);
		const scope = command.scope === 'global' ? '' : `  (${command.scope})`;
		return padWidth(`${keys}  ${command.description}${scope}`, width);
	});
}

export function HelpOverlay({keyMap, width, height, theme, onClose}: {keyMap: KeyMap; width: number; height: number; theme: Theme; onClose: () => void}) {
	const lines = helpLines(keyMap, width);
	const [top, setTop] = useState(0);
	const visible = Math.max(1, height - 2);
	useInput((input, key) => {
		if (key.escape || input === 'q' || input === '?') return onClose();
		if (key.downArrow || input === 'j') setTop((t) => Math.min(Math.max(0, lines.length - visible), t + 1));
		if (key.upArrow || input === 'k') setTop((t) => Math.max(0, t - 1));
	});
	return (
		<Box flexDirection="column" height={height}>
			<Text bold color={theme.accent}>
				{padWidth('Keys (Esc or ? to close; rebind in ~/.config/caips/keys.json)', width)}
			</Text>
			{lines.slice(top, top + visible).map((line, i) => (
				<Text key={i}>{line}</Text>
			))}
		</Box>
	);
}
