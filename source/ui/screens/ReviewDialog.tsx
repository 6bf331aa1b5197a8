/**
 * The supervisor's review of a decision awaiting review: the decision, its reasons and the
 * assessment it rests on; approve makes it final, return sends the case back with text.
 */
import {Box, Text, useInput} from 'ink';
import React from 'react';
import {TextArea} from '../components/TextArea.js';
import {textOf, type TextBuffer} from '../components/text-buffer.js';
import type {CaseDetail, DecisionView} from '../data.js';
import type {Theme} from '../theme.js';
import {fitWidth, safeLines, safeText} from '../terminal-text.js';

export type ReviewDraft = {outcome: 'approve' | 'return'; text: TextBuffer};

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
	useInput((input, key) => {
		if (key.ctrl && input === 's') return onSave(draft);
		if (key.escape) return onClose();
		if (key.tab) return onChange({...draft, outcome: draft.outcome === 'approve' ? 'return' : 'approve'});
	});
	const reasons = safeLines(decision.text).slice(0, Math.max(1, height - 12));
	const missing = draft.outcome === 'return' && textOf(draft.text).trim() === '' ? 'returning needs text for the officer' : null;
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold>{fitWidth(`Review of ${detail.applicationNumber}: ${decision.outcome} by ${safeText(decision.officer)} on ${decision.decidedAt.slice(0, 10)}`, width)}</Text>
			<Text>{fitWidth(`Reason codes: ${decision.reasonCodes.join(', ') || 'none'}`, width)}</Text>
			{reasons.map((line, i) => (
				<Text key={i}>{fitWidth(`  ${line}`, width)}</Text>
			))}
			<Text color={theme.accent}>{fitWidth(`Your review (Tab switches): ${draft.outcome === 'approve' ? '[approve] return' : 'approve [return]'}   Ctrl+S: save  Esc: close`, width)}</Text>
			<TextArea buffer={draft.text} onChange={(text) => onChange({...draft, text})} height={Math.max(2, height - reasons.length - 5)} width={width} theme={theme} />
			<Text color={missing ? theme.warning : theme.success}>{fitWidth(missing ? `Still needed: ${missing}` : 'Ready: Ctrl+S records the review', width)}</Text>
		</Box>
	);
}
