/**
 * The `?` overlay: every command with its keys and scope, generated from the key map (so it is
 * never out of date), windowed to the screen height.
 */
import {Box, Text, useInput} from 'ink';
import React, {useState} from 'react';
import {keyNames} from '../key-names.js';
import {commandFor, COMMANDS, FIXED_KEYS, keyLabel, type KeyMap} from '../keymap.js';
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

/**
 * The help's last line when it scrolls: which lines are shown, and the keys (the first of each
 * command's) for the way or ways there is more — `1–19 of 36, more below: j PgDn`.
 */
export function footer(keyMap: KeyMap, top: number, end: number, total: number): string {
	const first = (id: string) => keyLabel((keyMap.get(id) ?? []).slice(0, 1));
	const ways = [
		...(top > 0 ? [`more above: ${first('move.up')} ${first('page.up')}`] : []),
		...(end < total ? [`more below: ${first('move.down')} ${first('page.down')}`] : []),
	];
	return `${top + 1}–${end} of ${total}, ${ways.join('; ')}`;
}

/**
 * The help overlay. Scrolls with the key map's moves (j/k, ↓/↑, PgDn/PgUp, g/G as bound, keys of a
 * burst each counted); Esc, ?, q or the back and help keys close it. When the lines do not all
 * fit, the last line says which are shown and how to see the rest.
 */
export function HelpOverlay({keyMap, keysPath, width, height, theme, onClose}: {keyMap: KeyMap; keysPath: string; width: number; height: number; theme: Theme; onClose: () => void}) {
	const lines = helpLines(keyMap, width);
	const [top, setTop] = useState(0);
	const room = Math.max(1, height - 2);
	const scrolls = lines.length > room;
	// With more lines than room, one line is kept to say so.
	const visible = scrolls ? Math.max(1, room - 1) : room;
	const last = Math.max(0, lines.length - visible);
	useInput((input, key) => {
		let next = top;
		for (const name of keyNames(input, key)) {
			const id = commandFor(keyMap, name, 'queue');
			if (name === 'escape' || name === 'q' || name === '?' || id === 'back' || id === 'help') {
				onClose();
				return;
			}
			if (id === 'move.down') next += 1;
			else if (id === 'move.up') next -= 1;
			else if (id === 'page.down') next += visible;
			else if (id === 'page.up') next -= visible;
			else if (id === 'move.first') next = 0;
			else if (id === 'move.last') next = last;
			next = Math.max(0, Math.min(last, next));
		}
		setTop(next);
	});
	const end = Math.min(lines.length, top + visible);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold={theme.bold} color={theme.accent}>
				{padWidth(fitWidth(`Keys (Esc or ? to close; rebind in ${safeText(keysPath)})`, width), width)}
			</Text>
			{lines.slice(top, end).map((line, i) => (
				<Text key={i}>{line}</Text>
			))}
			{scrolls ? (
				<Text color={theme.muted}>{padWidth(fitWidth(footer(keyMap, top, end, lines.length), width), width)}</Text>
			) : null}
		</Box>
	);
}
