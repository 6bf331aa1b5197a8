/**
 * The bottom line: officer and roles, store, queue, position, last refresh, and the latest
 * message (errors in the danger colour). Always exactly one line, cut to the width.
 */
import {Text} from 'ink';
import React from 'react';
import type {Theme} from '../theme.js';
import {displayWidth, fitWidth, padWidth, safeText} from '../terminal-text.js';

export type StatusMessage = {text: string; kind: 'info' | 'error' | 'warning'};

export type StatusBarProps = {
	officer: string;
	roles: string[];
	store: string;
	queue: string;
	position: string;
	refreshedAt: string;
	message: StatusMessage | null;
	width: number;
	theme: Theme;
};

export function StatusBar({officer, roles, store, queue, position, refreshedAt, message, width, theme}: StatusBarProps) {
	// A part with nothing to say (no position on the Pool screen) is left out, not shown empty.
	const left = safeText([`${officer} (${roles.join(',')})`, fitWidth(safeText(store), 18), queue, position, refreshedAt].filter((part) => part !== '').join(' | '));
	if (!message) return <Text inverse={theme.inverse} color={theme.muted}>{padWidth(left, width)}</Text>;
	// Beside a message, keep what changes with every key: the queue and the position.
	const room = Math.max(0, width - displayWidth(safeText(message.text)) - 3);
	const shortLeft = fitWidth(safeText([queue, position].filter((part) => part !== '').join(' | ')), Math.min(room, Math.floor(width / 2)));
	const colour = message.kind === 'error' ? theme.danger : message.kind === 'warning' ? theme.warning : theme.success;
	return (
		<Text wrap="truncate">
			<Text inverse={theme.inverse}>{shortLeft}</Text>
			<Text color={colour} bold={theme.bold && message.kind === 'error'}>
				{padWidth(` ${message.kind === 'error' ? '! ' : ''}${safeText(message.text)}`, width - displayWidth(shortLeft))}
			</Text>
		</Text>
	);
}
