/**
 * The decision dialog: outcome, reason codes, the officer's text (the reasons, in law part of
 * the decision), and a bring-forward date for RFI/PFL. It shows the eligibility result, warns
 * when the outcome contradicts it and says when a supervisor's review will be needed.
 * Tab moves between fields; Ctrl+S saves; Esc closes and keeps the draft. Keys go through
 * {@link decisionKeys}, so a burst of keys (fast typing, a slow link) acts key by key.
 */
import {Box, Text, useInput} from 'ink';
import React, {useRef} from 'react';
import {TextArea} from '../components/TextArea.js';
import {bufferOf, editKey, textOf, type TextBuffer} from '../components/text-buffer.js';
import {keyNames} from '../key-names.js';
import type {CaseDetail, Outcome, ReasonCode} from '../data.js';
import type {Theme} from '../theme.js';
import {fitWidth, padWidth, safeText} from '../terminal-text.js';
import {wrapLine} from './case-lines.js';
import {decisionNotices, missingForDecision, OUTCOME_LABELS, OUTCOMES} from './decision-warnings.js';

/** `text` wrapped to `width`: the first line after `first`, the others after `rest`. */
function hanging(text: string, width: number, first: string, rest: string): string[] {
	return wrapLine(text, width - rest.length).map((line, i) => fitWidth(`${i === 0 ? first : rest}${line}`, width));
}

export type DecisionField = 'outcome' | 'reasons' | 'text' | 'bf';

/** The dialog's state, kept by the App per case so it survives Esc and refreshes. */
export type DecisionDraft = {
	outcome: Outcome;
	reasons: string[];
	reasonCursor: number;
	text: TextBuffer;
	bf: string;
	focus: DecisionField;
	/** The case version when the officer opened the dialog: the decision is saved against it. */
	seenVersion: number | null;
};

export function emptyDecisionDraft(): DecisionDraft {
	return {outcome: 'approve', reasons: [], reasonCursor: 0, text: bufferOf(''), bf: '', focus: 'outcome', seenVersion: null};
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

/**
 * What key names (one key, or a burst of them) do to a draft, in order: Tab/Shift+Tab move between
 * fields; on the outcome, digits 1–6 and ←/→ choose and Enter goes on; on the reason codes,
 * j/k/↑/↓ move and Space/Enter toggle; the text field takes typing; the date field takes digits,
 * `+` and `-`. Ctrl+S (save) and Esc (close) end the keys. Keys a field has no use for do nothing
 * (letters typed on the outcome never change it).
 */
export function decisionKeys(start: DecisionDraft, names: readonly string[], reasonCodes: readonly ReasonCode[]): {draft: DecisionDraft; action: 'save' | 'close' | null} {
	let draft = start;
	for (const name of names) {
		if (name === 'ctrl+s' || name === '\u0013') return {draft, action: 'save'};
		if (name === 'escape') return {draft, action: 'close'};
		const fields = FIELDS.filter((field) => field !== 'bf' || draft.outcome === 'rfi' || draft.outcome === 'pfl');
		if (name === 'tab' || name === 'backtab') {
			const at = Math.max(0, fields.indexOf(draft.focus));
			draft = {...draft, focus: fields[(at + (name === 'tab' ? 1 : fields.length - 1)) % fields.length]!};
			continue;
		}
		switch (draft.focus) {
			case 'outcome': {
				const at = OUTCOMES.indexOf(draft.outcome);
				if (name === 'right') draft = {...draft, outcome: OUTCOMES[(at + 1) % OUTCOMES.length]!};
				else if (name === 'left') draft = {...draft, outcome: OUTCOMES[(at + OUTCOMES.length - 1) % OUTCOMES.length]!};
				else if (/^[1-9]$/.test(name) && Number(name) <= OUTCOMES.length) draft = {...draft, outcome: OUTCOMES[Number(name) - 1]!};
				else if (name === 'enter') draft = {...draft, focus: 'reasons'};
				break;
			}
			case 'reasons': {
				if (name === 'down' || name === 'j') draft = {...draft, reasonCursor: Math.max(0, Math.min(reasonCodes.length - 1, draft.reasonCursor + 1))};
				else if (name === 'up' || name === 'k') draft = {...draft, reasonCursor: Math.max(0, draft.reasonCursor - 1)};
				else if (name === 'space' || name === 'enter') {
					const code = reasonCodes[draft.reasonCursor]?.code;
					if (code) draft = {...draft, reasons: draft.reasons.includes(code) ? draft.reasons.filter((c) => c !== code) : [...draft.reasons, code]};
				}
				break;
			}
			case 'text': {
				const text = editKey(draft.text, name);
				if (text !== draft.text) draft = {...draft, text};
				break;
			}
			case 'bf': {
				if (name === 'backspace' || name === 'delete') draft = {...draft, bf: draft.bf.slice(0, -1)};
				else if (/^[0-9+-]$/.test(name)) draft = {...draft, bf: draft.bf + name};
				break;
			}
		}
	}
	return {draft, action: null};
}

export function DecisionDialog({detail, reasonCodes, draft, onChange, onSave, onClose, width, height, theme}: DecisionDialogProps) {
	const usesBf = draft.outcome === 'rfi' || draft.outcome === 'pfl';
	// Keys may arrive in several deliveries before the App re-renders with the changed draft:
	// each starts from the latest draft.
	const latest = useRef(draft);
	latest.current = draft;
	useInput((input, key) => {
		const start = latest.current;
		const {draft: next, action} = decisionKeys(start, keyNames(input, key), reasonCodes);
		latest.current = next;
		if (next !== start) onChange(next);
		if (action === 'save') onSave(next);
		if (action === 'close') onClose();
	});
	const seen = draft.seenVersion ?? detail.version;
	const notices = [
		...(seen !== detail.version
			? [{kind: 'warning' as const, text: `The case changed since you opened this dialog (version ${seen}, now ${detail.version}): Esc to look at it, then d to decide on the new version.`}]
			: []),
		...decisionNotices(detail, draft.outcome, draft.reasons),
	];
	const missing = missingForDecision(detail, draft.outcome, draft.reasons, textOf(draft.text));
	// Warnings are read in full, never cut at the edge: wrapped, continuation lines indented.
	const noticeLines = notices.flatMap((notice) => hanging(`${notice.kind === 'warning' ? '! ' : ''}${notice.text}`, width, '  ', '    ').map((line) => ({kind: notice.kind, line})));
	const statusLines = hanging(missing ? `Still needed: ${missing}` : 'Ready: Ctrl+S records the decision', width, '', '  ');
	const marker = (field: DecisionField) => (draft.focus === field ? '>' : ' ');
	const outcomeChoices = OUTCOMES.map((outcome, i) => (outcome === draft.outcome ? `[${i + 1} ${outcome}]` : ` ${i + 1} ${outcome} `)).join('');
	const extra = noticeLines.length + statusLines.length - 1;
	const reasonRows = Math.max(3, Math.min(reasonCodes.length, height - extra - 11));
	const reasonTop = Math.max(0, Math.min(draft.reasonCursor - Math.floor(reasonRows / 2), reasonCodes.length - reasonRows));
	const textHeight = Math.max(2, height - extra - reasonRows - (usesBf ? 8 : 7));
	return (
		<Box flexDirection="column" height={height} width={width}>
			<Text bold={theme.bold}>{fitWidth(`Decision on ${safeText(detail.applicationNumber)} (version ${seen})  Tab: next field  Ctrl+S: save  Esc: close (draft kept)`, width)}</Text>
			<Text>{fitWidth(`${marker('outcome')} Outcome: ${OUTCOME_LABELS[draft.outcome]}`, width)}</Text>
			<Text>{fitWidth(`   ${outcomeChoices}  (1–6 or ←/→)`, width)}</Text>
			{noticeLines.map((notice, i) => (
				<Text key={i} color={notice.kind === 'warning' ? theme.warning : theme.accent}>
					{notice.line}
				</Text>
			))}
			<Text>{fitWidth(`${marker('reasons')} Reason codes (Space toggles): ${safeText(draft.reasons.join(', ')) || 'none'}`, width)}</Text>
			{reasonCodes.slice(reasonTop, reasonTop + reasonRows).map((reason, i) => {
				const index = reasonTop + i;
				const chosen = draft.reasons.includes(reason.code) ? '[x]' : '[ ]';
				const cursor = draft.focus === 'reasons' && index === draft.reasonCursor ? '>' : ' ';
				return <Text key={reason.code}>{fitWidth(`  ${cursor} ${chosen} ${padWidth(safeText(reason.code), 25)} ${safeText(reason.meaning)} (${safeText(reason.source)})`, width)}</Text>;
			})}
			<Text>{`${marker('text')} Text:`}</Text>
			<Box marginLeft={2}>
				<TextArea buffer={draft.text} onChange={() => undefined} height={textHeight} width={width - 2} theme={theme} isActive={false} />
			</Box>
			{usesBf ? <Text>{fitWidth(`${marker('bf')} Bring-forward date: ${draft.bf || '(default: in 30 days)'}  (YYYY-MM-DD or +N days)`, width)}</Text> : null}
			{statusLines.map((line, i) => (
				<Text key={`status${i}`} color={missing ? theme.warning : theme.success}>
					{line}
				</Text>
			))}
		</Box>
	);
}
