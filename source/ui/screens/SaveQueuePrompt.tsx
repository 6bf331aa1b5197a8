/**
 * Saving the queue view as a new queue, asked for in the status line: first its name, then
 * (optionally) the digit 0–9 that will open it. Enter goes on, Esc closes (what was typed is kept
 * for the next time). Keys go through {@link saveQueueKeys}, so a burst (fast typing, a paste)
 * acts key by key, its Enter included. The store has the last word (names, digits, the query).
 */
import {useInput} from 'ink';
import React, {useRef} from 'react';
import {LineInput, lineKeys} from '../components/LineInput.js';
import type {QueueSummary} from '../data.js';
import {keyNames} from '../key-names.js';
import type {Theme} from '../theme.js';
import {safeText} from '../terminal-text.js';

/** The prompt's state, kept by the App so that it outlives Esc. */
export type SaveQueueDraft = {
	step: 'name' | 'digit';
	name: string;
	digit: string;
	/** Why the last Enter did not go on (shown beside the field), or null. */
	problem: string | null;
};

export const EMPTY_SAVE_DRAFT: SaveQueueDraft = Object.freeze({step: 'name', name: '', digit: '', problem: null});

/**
 * The query a view of `queue` filtered by `filter` is saved as: the queue's own query and the
 * filter, ANDed (the filter language ANDs its tokens); null when the queue has no query (a
 * built-in the filter language cannot say).
 */
export function savedQueueQuery(queue: Pick<QueueSummary, 'query'>, filter: string): string | null {
	if (queue.query === null) return null;
	return [queue.query.trim(), filter.trim()].filter(Boolean).join(' ');
}

/** The digits no queue opens yet, in order. */
export function freeDigits(queues: readonly Pick<QueueSummary, 'digitKey'>[]): number[] {
	return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((digit) => !queues.some((q) => q.digitKey === digit));
}

/**
 * What key names (one key, or a burst) do to the draft: typing edits the current field; Enter on
 * the name goes on to the digit (an empty name, or one a queue has, stays with the reason); Enter
 * on the digit saves when it is empty or one digit 0–9; Esc closes.
 */
export function saveQueueKeys(start: SaveQueueDraft, names: readonly string[], queues: readonly Pick<QueueSummary, 'name'>[]): {draft: SaveQueueDraft; action: 'save' | 'close' | null} {
	let draft = start;
	for (const name of names) {
		const field = draft.step === 'name' ? draft.name : draft.digit;
		const {value, end} = lineKeys(field, [name]);
		if (end === 'cancel') return {draft, action: 'close'};
		if (value !== field) draft = {...draft, [draft.step]: value, problem: null};
		if (end !== 'submit') continue;
		if (draft.step === 'name') {
			const wanted = draft.name.trim().replace(/\s+/g, ' ');
			const taken = queues.find((q) => q.name.toLowerCase() === wanted.toLowerCase());
			if (wanted === '') draft = {...draft, problem: 'type a name for the queue'};
			else if (taken) draft = {...draft, problem: `"${taken.name}" exists already: choose another name`};
			else draft = {...draft, step: 'digit', problem: null};
		} else if (/^\s*[0-9]?\s*$/.test(draft.digit)) {
			return {draft: {...draft, problem: null}, action: 'save'};
		} else {
			draft = {...draft, problem: 'one digit 0–9, or nothing'};
		}
	}
	return {draft, action: null};
}

/** The digit typed, as a number, or null for none (call after {@link saveQueueKeys} said save). */
export function digitOf(draft: SaveQueueDraft): number | null {
	const text = draft.digit.trim();
	return text === '' ? null : Number(text);
}

export type SaveQueuePromptProps = {
	draft: SaveQueueDraft;
	queues: readonly QueueSummary[];
	onChange: (draft: SaveQueueDraft) => void;
	onSave: (draft: SaveQueueDraft) => void;
	onClose: () => void;
	width: number;
	theme: Theme;
};

/** The prompt, drawn as the status line. */
export function SaveQueuePrompt({draft, queues, onChange, onSave, onClose, width, theme}: SaveQueuePromptProps) {
	// Keys may arrive in several deliveries before the App re-renders with the changed draft.
	const latest = useRef(draft);
	latest.current = draft;
	useInput((input, key) => {
		const start = latest.current;
		const {draft: next, action} = saveQueueKeys(start, keyNames(input, key), queues);
		latest.current = next;
		if (next !== start) onChange(next);
		if (action === 'save') onSave(next);
		if (action === 'close') onClose();
	});
	const free = freeDigits(queues);
	const freeText = free.length > 0 ? `free: ${free.join('')}` : 'none free';
	// What went wrong comes first, so that it is never the part cut at the edge.
	const label =
		draft.step === 'name'
			? draft.problem
				? `! ${safeText(draft.problem)}. Name: `
				: 'Save this view as queue, name: '
			: draft.problem
				? `! ${safeText(draft.problem)}. Digit (${freeText}): `
				: `Digit to open it (${freeText}; Enter: none): `;
	const hint = draft.step === 'name' ? 'Enter: next  Esc: close' : 'Enter: save  Esc: close';
	return <LineInput label={label} value={draft.step === 'name' ? draft.name : draft.digit} width={width} theme={theme} hint={hint} isActive={false} onChange={() => undefined} onSubmit={() => undefined} onCancel={() => undefined} />;
}
