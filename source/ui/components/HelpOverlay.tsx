/**
 * The `?` overlay: every command with its keys and scope, generated from the key map (so it is
 * never out of date), windowed to the screen height.
 */
import {Box, Text, useInput} from 'ink';
import React, {useState} from 'react';
import {COMMANDS, FIXED_KEYS, keyLabel, type KeyMap} from '../keymap.js';
import type {Theme} from '../theme.js';
import {fitWidth, padWidth, safeText} from '../terminal-text.js';

/** The help lines: one per command, `keys  description  (scope)`, then the fixed keys. */
export function helpLines(keyMap: KeyMap, width: number): string[] {
	const line = (keys: string, text: string) => padWidth(`${padWidth(keys, 20)}  ${text}`, width);
	return [
		...COMMANDS.map((command) => line(keyLabel(keyMap.get(command.id) ?? []), `${command.description}${command.scope === 'global' ? '' : `  (${command.scope})`}`)),
		line(`${keyLabel(keyMap.get('open') ?? [])} / v`, 'Open the chosen document  (Documents tab)'),
		// Keys the screens give a meaning of their own (not rebindable: keymap.ts FIXED_KEYS).
		...FIXED_KEYS.filter((fixed) => fixed.inHelp).map((fixed) => line(fixed.label, fixed.meaning)),
		// Back keys other than Esc quit from the queue when there is nothing to go back from.
		...((keyMap.get('back') ?? []).some((key) => key !== 'escape') ? [line(keyLabel((keyMap.get('back') ?? []).filter((key) => key !== 'escape')), 'Quit, on the queue with no filter')] : []),
	];
}

export function HelpOverlay({keyMap, keysPath, width, height, theme, onClose}: {keyMap: KeyMap; keysPath: string; width: number; height: number; theme: Theme; onClose: () => void}) {
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
			<Text bold={theme.bold} color={theme.accent}>
				{padWidth(fitWidth(`Keys (Esc or ? to close; rebind in ${safeText(keysPath)})`, width), width)}
			</Text>
			{lines.slice(top, top + visible).map((line, i) => (
				<Text key={i}>{line}</Text>
			))}
		</Box>
	);
}
