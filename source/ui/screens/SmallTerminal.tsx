/**
 * What a terminal smaller than the workstation needs shows instead of a cut-off screen: one
 * notice, wrapped to the terminal and never taller than it, saying how large it must be and how
 * to quit (or, when a draft would be lost, the quit question). The App keeps every draft and
 * view meanwhile; growing the terminal back brings the screen back as it was.
 */
import {Box, Text} from 'ink';
import React from 'react';
import wrapAnsi from 'wrap-ansi';
import type {Theme} from '../theme.js';
import {fitWidth} from '../terminal-text.js';
import type {Size} from '../use-terminal-size.js';

/** The smallest terminal the screens are drawn for (DESIGN.md, terminal contract). */
export const MIN_SIZE: Readonly<Size> = Object.freeze({columns: 80, rows: 24});

/** Whether `size` is smaller than {@link MIN_SIZE} in either direction. */
export function tooSmall(size: Size): boolean {
	return size.columns < MIN_SIZE.columns || size.rows < MIN_SIZE.rows;
}

/**
 * The notice's lines for a terminal of `size`, drawn in `width` × `height` (at most `height`
 * lines of at most `width` columns): the full sentence when it fits, else a short one, cut to fit.
 * `quitKey` names the key that quits; `asking` is the quit question shown instead of the hint.
 */
export function smallTerminalLines(size: Size, width: number, height: number, quitKey: string, asking: string | null = null): string[] {
	const w = Math.max(1, width);
	const h = Math.max(1, height);
	const wrap = (text: string) => wrapAnsi(text, w, {hard: true, trim: true}).split('\n').map((line) => fitWidth(line, w));
	const measure = `${size.columns}×${size.rows}`;
	const needs = `caips needs at least ${MIN_SIZE.columns}×${MIN_SIZE.rows}; this terminal is ${measure}.`;
	// The quit question on a line of its own; the hint runs on after the sizes.
	const full = asking ? [...wrap(needs), ...wrap(asking)] : wrap(`${needs} Enlarge it, or press ${quitKey} to quit.`);
	if (full.length <= h) return full;
	const short = wrap(asking ?? `need ${MIN_SIZE.columns}×${MIN_SIZE.rows} (is ${measure}); ${quitKey} quits`);
	return short.slice(0, h);
}

export function SmallTerminal({size, width, height, quitKey, asking, theme}: {size: Size; width: number; height: number; quitKey: string; asking: string | null; theme: Theme}) {
	const lines = smallTerminalLines(size, width, height, quitKey, asking);
	return (
		<Box flexDirection="column" width={Math.max(1, width)} height={Math.max(1, Math.min(height, lines.length))}>
			{lines.map((line, i) => (
				<Text key={i} wrap="truncate" color={asking ? theme.warning : undefined}>
					{line || ' '}
				</Text>
			))}
		</Box>
	);
}
