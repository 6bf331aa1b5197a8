/**
 * The supervisor's review of a decision awaiting review: the decision, its reasons and the
 * assessment it rests on; approve makes it final, return sends the case back with text. The
 * review is saved against the case version the supervisor saw when opening it: when the case
 * has changed since, the dialog says so (the draft stays).
 */
import {Box, Text, useInput} from 'ink';
import React, {useRef} from 'react';
import {TextArea} from '../components/TextArea.js';
import {bufferOf, editKey, textOf, type TextBuffer} from '../components/text-buffer.js';
import {keyNames} from '../key-names.js';
import type {CaseDetail, DecisionView} from '../data.js';
import type {Theme} from '../theme.js';
import {fitWidth, safeLines, safeText} from '../terminal-text.js';
import {wrapLine} from './case-lines.js';
import {eligibleForProgram} from './decision-warnings.js';

export type ReviewDraft = {
	outcome: 'approve' | 'return';
	text: TextBuffer;
	/** The case version when the supervisor opened the review: the review is saved against it. */
	seenVersion: number | null;
};

export function emptyReviewDraft(): ReviewDraft {
	return {outcome: 'approve', text: bufferOf(''), seenVersion: null};
}

/** What key names (one key, or a burst) do to a review draft: Tab switches approve/return, other keys edit the text; Ctrl+S saves, Esc closes. */
export function reviewKeys(start: ReviewDraft, names: readonly string[]): {draft: ReviewDraft; action: 'save' | 'close' | null} {
	let draft = start;
	for (const name of names) {
		if (name === 'ctrl+s' || name === '\u0013') return {draft, action: 'save'};
		if (name === 'escape') return {draft, action: 'close'};
		if (name === 'tab' || name === 'backtab') draft = {...draft, outcome: draft.outcome === 'approve' ? 'return' : 'approve'};
		else {
			const text = editKey(draft.text, name);
			if (text !== draft.text) draft = {...draft, text};
		}
	}
	return {draft, action: null};
}

export function ReviewDialog({detail, decision, draft, onChange, onSave, onClose, width, height, theme}: {
	detail: CaseDetail;
	decision: DecisionView;
	draft: ReviewDraft;
	onChange: (draft: ReviewDraft) => void;
	onSave: (draft: ReviewDraft) => void;
	onClose: () => void;
	width: number;
	height: number;
	theme: Theme;
}) {
	const latest = useRef(draft);
	latest.current = draft;
	useInput((input, key) => {
		const start = latest.current;
		const {draft: next, action} = reviewKeys(start, keyNames(input, key));
		latest.current = next;
		if (next !== start) onChange(next);
		if (action === 'save') onSave(next);
		if (action === 'close') onClose();
	});
	const eligible = eligibleForProgram(detail);
	const seen = draft.seenVersion ?? detail.version;
	const changed = seen !== detail.version ? `! The case changed since you opened this review (version ${seen}, now ${detail.version}): Esc to look at it, then R to review it again.` : null;
	// Read in full, never cut at the edge: wrapped, the continuation indented (as the decision dialog's warnings).
	const changedLines = changed ? wrapLine(changed, width - 2).map((line, i) => (i === 0 ? line : `  ${line}`)) : [];
	const reasons = safeLines(decision.text).slice(0, Math.max(1, height - 13 - changedLines.length));
	const missing = draft.outcome === 'return' && textOf(draft.text).trim() === '' ? 'returning needs text for the officer' : null;
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold={theme.bold}>{fitWidth(safeText(`Review of ${detail.applicationNumber}: ${decision.outcome} by ${decision.officer} on ${decision.decidedAt.slice(0, 10)} (version ${seen})`), width)}</Text>
			{changedLines.map((line, i) => (
				<Text key={`changed${i}`} color={theme.warning}>
					{fitWidth(line, width)}
				</Text>
			))}
			<Text>{fitWidth(`Reason codes: ${safeText(decision.reasonCodes.join(', ')) || 'none'}`, width)}</Text>
			<Text color={theme.accent}>{fitWidth(`Eligibility (as assessed) for ${safeText(detail.program)}: ${eligible === null ? 'not assessed' : eligible ? 'ELIGIBLE' : 'NOT ELIGIBLE'}`, width)}</Text>
			{reasons.map((line, i) => (
				<Text key={i}>{fitWidth(`  ${line}`, width)}</Text>
			))}
			<Text color={theme.accent}>{fitWidth(`Your review (Tab switches): ${draft.outcome === 'approve' ? '[approve] return' : 'approve [return]'}   Ctrl+S: save  Esc: close`, width)}</Text>
			<TextArea buffer={draft.text} onChange={() => undefined} isActive={false} height={Math.max(2, height - reasons.length - 6 - changedLines.length)} width={width} theme={theme} />
			<Text color={missing ? theme.warning : theme.success}>{fitWidth(missing ? `Still needed: ${missing}` : 'Ready: Ctrl+S records the review', width)}</Text>
		</Box>
	);
}
