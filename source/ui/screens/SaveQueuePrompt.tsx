/**
 * Saving the queue view as a new queue, asked for in the status line: first its name, then
 * (optionally) the digit 0–9 that will open it. Enter goes on, Esc closes (what was typed is kept
 * for the next time). Keys go through {@link saveQueueKeys}, so a burst (fast typing, a paste)
 * acts key by key, its Enter included. The name is checked when Enter is pressed on it (empty, too
 * long, invisible characters, a queue's name already); the store has the last word (names,
 * digits, the query), and what it refuses is said on the prompt, which stays open with the input.
 */
import {useInput} from 'ink';
import React, {useRef} from 'react';
import {LineInput, lineKeys} from '../components/LineInput.js';
import type {QueueSummary} from '../data.js';
import {cleanQueueName, QUEUE_NAME_MAX, queueKey} from '../../cases/queues.js';
import {keyNames} from '../key-names.js';
import type {Theme} from '../theme.js';
import {displayWidth, fitWidth, safeText} from '../terminal-text.js';

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

export {cleanQueueName, QUEUE_NAME_MAX};

/**
 * Why `name` cannot name a new queue, or null when it can: empty, longer than
 * {@link QUEUE_NAME_MAX} characters, holding control or invisible format characters (the store
 * refuses them), or the name of one of `queues` (compared as the store compares names).
 */
export function queueNameProblem(name: string, queues: readonly Pick<QueueSummary, 'name'>[]): string | null {
	const wanted = cleanQueueName(name);
	if (wanted === '') return 'type a name for the queue';
	const length = [...wanted].length;
	if (length > QUEUE_NAME_MAX) return `at most ${QUEUE_NAME_MAX} characters (this one has ${length})`;
	if (/[\p{Cc}\p{Cf}]/u.test(wanted)) return 'no control or invisible characters in a name';
	const taken = queues.find((q) => queueKey(q.name) === queueKey(wanted));
	return taken ? `"${taken.name}" exists already: choose another name` : null;
}

/**
 * The step to show a refusal of the store on: the digit when it is about the digit key ("digit key
 * 2 already opens…"), the name when it is about the name ("queue name …", "a queue named …", "a
 * saved queue named …"), else the step the prompt is on.
 */
export function stepOfRefusal(message: string, step: SaveQueueDraft['step']): SaveQueueDraft['step'] {
	if (/^digit key\b/i.test(message)) return 'digit';
	if (/^(?:a (?:saved )?)?queue name/i.test(message)) return 'name';
	return step;
}

/**
 * What key names (one key, or a burst) do to the draft: typing edits the current field; Enter on
 * the name goes on to the digit (a name {@link queueNameProblem} refuses stays, with the reason);
 * Enter on the digit saves when it is empty or one digit 0–9; Esc closes.
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
			const problem = queueNameProblem(draft.name, queues);
			draft = problem ? {...draft, problem} : {...draft, step: 'digit', problem: null};
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
	const value = draft.step === 'name' ? draft.name : draft.digit;
	const label = draft.problem
		? problemLabel(draft.problem, draft.step === 'name' ? 'Name: ' : `Digit (${freeText}): `, value, width)
		: draft.step === 'name'
			? 'Save this view as queue, name: '
			: `Digit to open it (${freeText}; Enter: none): `;
	const hint = draft.step === 'name' ? 'Enter: next  Esc: close' : 'Enter: save  Esc: close';
	return <LineInput label={label} value={value} width={width} theme={theme} hint={hint} isActive={false} onChange={() => undefined} onSubmit={() => undefined} onCancel={() => undefined} />;
}

/** Columns kept for what is typed after a problem (at most; less when less is typed). */
const INPUT_ROOM = 24;

/**
 * The label of a prompt that says what went wrong: the problem first (what the officer must read),
 * cut with `…` so that the field's name and what was typed stay on the line, then the field's name.
 */
function problemLabel(problem: string, field: string, value: string, width: number): string {
	const typed = Math.min(INPUT_ROOM, displayWidth(safeText(value)) + 1);
	// Two columns for the cursor and the edge (LineInput), three for "! " and ".".
	const room = Math.max(10, width - 2 - typed - displayWidth(field) - 4);
	const said = fitWidth(safeText(problem), room);
	return said.endsWith('…') ? `! ${said.slice(0, -1).trimEnd()}… ${field}` : `! ${said}. ${field}`;
}
