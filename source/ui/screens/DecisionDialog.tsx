/**
 * The decision dialog: outcome, reason codes, the officer's text (the reasons, in law part of
 * the decision), and a bring-forward date for RFI/PFL. It shows the eligibility result, warns
 * when the outcome contradicts it and says when a supervisor's review will be needed.
 * Tab moves between fields; Ctrl+S saves; Esc closes and keeps the draft.
 */
import {Box, Text, useInput} from 'ink';
import React from 'react';
import {TextArea} from '../components/TextArea.js';
import {bufferOf, textOf, type TextBuffer} from '../components/text-buffer.js';
import type {CaseDetail, Outcome, ReasonCode} from '../data.js';
import type {Theme} from '../theme.js';
import {fitWidth, padWidth} from '../terminal-text.js';
import {decisionNotices, missingForDecision, OUTCOME_LABELS, OUTCOMES} from './decision-warnings.js';

export type DecisionField = 'outcome' | 'reasons' | 'text' | 'bf';

/** The dialog's state, kept by the App per case so it survives Esc and refreshes. */
export type DecisionDraft = {outcome: Outcome; reasons: string[]; reasonCursor: number; text: TextBuffer; bf: string; focus: DecisionField};

export function emptyDecisionDraft(): DecisionDraft {
	return {outcome: 'approve', reasons: [], reasonCursor: 0, text: bufferOf(''), bf: '', focus: 'outcome'};
}

const FIELDS: DecisionField[] = ['outcome', 'reasons', 'text', 'bf'];

export type DecisionDialogProps = {
	detail: CaseDetail;
	reasonCodes: ReasonCode[];
	draft: DecisionDraft;
	onChange: (draft: DecisionDraft) => void;
	onSave: (draft: DecisionDraft) => void;
	onClose: () => void;
	width: number;
	height: number;
	theme: Theme;
};

export function DecisionDialog({detail, reasonCodes, draft, onChange, onSave, onClose, width, height, theme}: DecisionDialogProps) {
	const usesBf = draft.outcome === 'rfi' || draft.outcome === 'pfl';
	const fields = FIELDS.filter((field) => field !== 'bf' || usesBf);
	const set = (patch: Partial<DecisionDraft>) => onChange({...draft, ...patch});
	useInput((input, key) => {
		if (key.ctrl && input === 's') return onSave(draft);
		if (key.escape) return onClose();
		if (key.tab) {
			const at = fields.indexOf(draft.focus);
			const next = (at + (key.shift ? fields.length - 1 : 1)) % fields.length;
			return set({focus: fields[next]!});
		}
		if (draft.focus === 'outcome') {
			const at = OUTCOMES.indexOf(draft.outcome);
			if (key.rightArrow || input === 'l') return set({outcome: OUTCOMES[(at + 1) % OUTCOMES.length]!});
			if (key.leftArrow || input === 'h') return set({outcome: OUTCOMES[(at + OUTCOMES.length - 1) % OUTCOMES.length]!});
			const digit = Number(input);
			if (input.length === 1 && digit >= 1 && digit <= OUTCOMES.length) return set({outcome: OUTCOMES[digit - 1]!});
			if (key.return) return set({focus: 'reasons'});
		}
		if (draft.focus === 'reasons') {
			if (key.downArrow || input === 'j') return set({reasonCursor: Math.min(reasonCodes.length - 1, draft.reasonCursor + 1)});
			if (key.upArrow || input === 'k') return set({reasonCursor: Math.max(0, draft.reasonCursor - 1)});
			if (input === ' ' || key.return) {
				const code = reasonCodes[draft.reasonCursor]?.code;
				if (!code) return;
				return set({reasons: draft.reasons.includes(code) ? draft.reasons.filter((c) => c !== code) : [...draft.reasons, code]});
			}
		}
		if (draft.focus === 'bf') {
			if (key.backspace || key.delete) return set({bf: draft.bf.slice(0, -1)});
			if (/^[0-9-+]$/.test(input)) return set({bf: draft.bf + input});
		}
	});
	const notices = decisionNotices(detail, draft.outcome, draft.reasons);
	const missing = missingForDecision(detail, draft.outcome, draft.reasons, textOf(draft.text));
	const marker = (field: DecisionField) => (draft.focus === field ? '>' : ' ');
	const outcomeLine = OUTCOMES.map((outcome, i) => (outcome === draft.outcome ? `[${i + 1} ${OUTCOME_LABELS[outcome]}]` : ` ${i + 1} ${outcome} `)).join('');
	const reasonRows = Math.max(3, Math.min(reasonCodes.length, height - notices.length - 10));
	const reasonTop = Math.max(0, Math.min(draft.reasonCursor - Math.floor(reasonRows / 2), reasonCodes.length - reasonRows));
	const textHeight = Math.max(2, height - notices.length - reasonRows - (usesBf ? 7 : 6));
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold>{fitWidth(`Decision on ${detail.applicationNumber} (version ${detail.version})  Tab: next field  Ctrl+S: save  Esc: close (draft kept)`, width)}</Text>
			<Text>{fitWidth(`${marker('outcome')} Outcome: ${outcomeLine}`, width)}</Text>
			{notices.map((notice, i) => (
				<Text key={i} color={notice.kind === 'warning' ? theme.warning : theme.accent}>
					{fitWidth(`  ${notice.kind === 'warning' ? '! ' : ''}${notice.text}`, width)}
				</Text>
			))}
			<Text>{fitWidth(`${marker('reasons')} Reason codes (Space toggles): ${draft.reasons.join(', ') || 'none'}`, width)}</Text>
			{reasonCodes.slice(reasonTop, reasonTop + reasonRows).map((reason, i) => {
				const index = reasonTop + i;
				const chosen = draft.reasons.includes(reason.code) ? '[x]' : '[ ]';
				const cursor = draft.focus === 'reasons' && index === draft.reasonCursor ? '>' : ' ';
				return <Text key={reason.code}>{fitWidth(`  ${cursor} ${chosen} ${padWidth(reason.code, 25)} ${reason.meaning} (${reason.source})`, width)}</Text>;
			})}
			<Text>{`${marker('text')} Text:`}</Text>
			<Box marginLeft={2}>
				<TextArea buffer={draft.text} onChange={(text) => set({text})} height={textHeight} width={width - 2} theme={theme} isActive={draft.focus === 'text'} />
			</Box>
			{usesBf ? <Text>{fitWidth(`${marker('bf')} Bring-forward date: ${draft.bf || '(default: in 30 days)'}  (YYYY-MM-DD or +N days)`, width)}</Text> : null}
			<Text color={missing ? theme.warning : theme.success}>{fitWidth(missing ? `Still needed: ${missing}` : 'Ready: Ctrl+S records the decision', width)}</Text>
		</Box>
	);
}
