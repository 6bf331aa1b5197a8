/**
 * The text of each case tab as lines (already safe for the terminal and wrapped to the width),
 * so the Case screen only windows and scrolls them. Pure functions of a CaseDetail.
 */
import wrapAnsi from 'wrap-ansi';
import type {CrsSection} from '../../rules/crs.js';
import type {CaseDetail} from '../data.js';
import {dateOf, shortInstant, statusLabel} from '../format.js';
import {auditDetailText} from '../audit-detail.js';
import {displayWidth, fitWidth, padWidth, safeLines, safeText} from '../terminal-text.js';

export const CASE_TABS = ['Summary', 'Eligibility', 'CRS', 'Notes', 'Documents', 'History'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

/**
 * One line cut into lines of at most `width` columns (each prefixed by `indent`). The line is made
 * safe first, so no text from the store reaches the terminal raw, whichever field it came from.
 */
export function wrapLine(line: string, width: number, indent = ''): string[] {
	const safe = safeText(line);
	if (safe === '') return [indent.trimEnd()];
	// Not trimmed, so a line's own leading spaces stay; the space a line was broken at starts the next
	// part and is dropped there.
	return wrapAnsi(safe, Math.max(10, width - displayWidth(indent)), {hard: true, trim: false})
		.split('\n')
		.map((part, i) => indent + (i > 0 && part.startsWith(' ') ? part.slice(1) : part));
}
const wrap = wrapLine;

/**
 * `head` (already safe: figures and padding) followed by `text` wrapped in the columns left of
 * `width`, continuation lines indented under the text's first column — a table row whose last
 * column wraps within itself. When that leaves fewer than 16 columns, the whole line wraps as
 * {@link wrapLine} does.
 */
export function hangingLines(head: string, text: string, width: number): string[] {
	const room = width - displayWidth(head);
	if (room < 16) return wrapLine(`${head}${text}`, width);
	const parts = wrapAnsi(safeText(text), room, {hard: true, trim: true}).split('\n');
	const pad = ' '.repeat(displayWidth(head));
	return parts.map((part, i) => `${i === 0 ? head : pad}${part}`.trimEnd());
}

/** Summary: applicant, spouse, children, identifiers, status, assignment, dates. */
export function summaryLines(detail: CaseDetail, width: number): string[] {
	const a = detail.applicant;
	const lines = [
		`Application ${detail.applicationNumber}   UCI ${detail.uci}   Program ${detail.program}   Office ${safeText(detail.office ?? '—')}`,
		`Status ${statusLabel(detail.status)}   Assigned to ${safeText(detail.assignedTo ?? 'nobody')}   Version ${detail.version}`,
		'',
		`Applicant   ${safeText(a.familyName)}, ${safeText(a.givenNames)}`,
		`            born ${a.dateOfBirth}, citizen of ${a.countryOfCitizenship}, ${a.maritalStatus}`,
	];
	if (detail.spouse) {
		const s = detail.spouse;
		lines.push(`Spouse      ${safeText(s.familyName)}, ${safeText(s.givenNames)}`);
		lines.push(`            born ${s.dateOfBirth}, ${s.accompanying ? 'accompanying' : 'not accompanying'}${s.canadianCitizenOrPR ? ', Canadian citizen or PR' : ''}`);
	} else {
		lines.push('Spouse      none');
	}
	lines.push(`Children    ${detail.dependentChildren} dependent`);
	lines.push('');
	lines.push(`Profile submitted  ${shortInstant(detail.profileSubmittedAt)}`);
	lines.push(`ITA                ${shortInstant(detail.invitedAt) || '—'}`);
	lines.push(`e-APR received     ${shortInstant(detail.receivedAt) || '—'}`);
	lines.push(`Bring-forward      ${detail.bringForwardOn ?? '—'}`);
	if (detail.assessment) {
		const assessed = detail.assessment.asAssessed;
		const eligible = (['CEC', 'FSW', 'FST'] as const).filter((p) => assessed.programs[p].eligible);
		lines.push('');
		lines.push(`CRS ${assessed.crs.total}   eligible for ${eligible.join(', ') || 'no program'}   rules of ${assessed.rulesVersion}, as of ${assessed.asOf}`);
	}
	return lines.flatMap((line) => wrap(line, width));
}

/** Eligibility: each program's criteria with pass/fail, detail and legal source (as assessed). */
export function eligibilityLines(detail: CaseDetail, width: number): string[] {
	if (!detail.assessment) return ['No assessment.'];
	const assessed = detail.assessment.asAssessed;
	const lines: string[] = [`As assessed on ${assessed.asOf} (rules of ${assessed.rulesVersion}); program applied under: ${detail.program}`, ''];
	for (const program of ['CEC', 'FSW', 'FST'] as const) {
		const result = assessed.programs[program];
		const claimed = detail.assessment.asClaimed.programs[program].eligible;
		const points = program === 'FSW' && assessed.programs.FSW.points !== null ? ` (${assessed.programs.FSW.points} points)` : '';
		const differs = claimed !== result.eligible ? `  (as claimed: ${claimed ? 'eligible' : 'not eligible'})` : '';
		lines.push(`${program}  ${result.eligible ? 'ELIGIBLE' : 'NOT ELIGIBLE'}${points}${differs}`);
		for (const criterion of result.criteria) {
			lines.push(...wrap(`  ${criterion.passed ? 'pass' : 'FAIL'}  ${criterion.id}  [${criterion.source}]`, width));
			lines.push(...wrap(safeText(criterion.detail), width, '        '));
		}
		lines.push('');
	}
	return lines;
}

const SECTION_TITLES: Array<[CrsSection, string]> = [
	['core', 'A. Core / human capital'],
	['spouse', 'B. Spouse or partner'],
	['transferability', 'C. Skill transferability'],
	['additional', 'D. Additional'],
];

/** CRS: every factor and cap; claimed vs assessed side by side where the officer's findings change them. */
export function crsLines(detail: CaseDetail, width: number): string[] {
	if (!detail.assessment) return ['No assessment.'];
	const {asClaimed, asAssessed} = detail.assessment;
	const differs = asClaimed.crs.total !== asAssessed.crs.total;
	const lines: string[] = [differs ? `CRS ${asAssessed.crs.total} as assessed (${asClaimed.crs.total} as claimed)` : `CRS ${asAssessed.crs.total}`];
	const head = differs ? `${padWidth('', 34)}${padWidth('claimed', 8, 'right')}${padWidth('assessed', 9, 'right')}` : '';
	if (head) lines.push(head);
	for (const [section, title] of SECTION_TITLES) {
		const claimedValue = asClaimed.crs[section];
		lines.push(`${padWidth(title, 34)}${differs ? padWidth(String(claimedValue), 8, 'right') : ''}${padWidth(String(asAssessed.crs[section]), differs ? 9 : 8, 'right')}`);
		for (const factor of asAssessed.crs.factors) {
			if (factor.section !== section) continue;
			const claimed = asClaimed.crs.factors.find((f) => f.factor === factor.factor && f.section === section)?.points ?? 0;
			const numbers = differs ? `${padWidth(String(claimed), 8, 'right')}${padWidth(String(factor.points), 9, 'right')}` : padWidth(String(factor.points), 8, 'right');
			lines.push(...hangingLines(`  ${padWidth(factor.factor, 32)}${numbers}  `, factor.detail, width));
		}
	}
	const notCredited = detail.workPeriods.filter((period) => period.finding === 'not_credited');
	if (notCredited.length > 0) {
		lines.push('');
		lines.push('Work periods not credited by the officer:');
		for (const period of notCredited) {
			lines.push(...wrap(`  #${period.id} ${safeText(period.employer ?? '')} NOC ${period.nocCode} ${period.start}–${period.end ?? 'ongoing'}: ${safeText(period.findingReason ?? '')}`, width));
		}
	}
	return lines;
}

/** Notes, oldest first, newest last: author, time, and the body (sanitised, wrapped). */
export function noteLines(detail: CaseDetail, width: number): string[] {
	if (detail.notes.length === 0) return ['No notes. Press n to add one.'];
	const lines: string[] = [];
	for (const note of detail.notes) {
		const corrects = note.correctsNoteId ? `  (corrects note ${note.correctsNoteId})` : '';
		lines.push(`#${note.id}  ${shortInstant(note.at)}  ${safeText(note.author)}${corrects}`);
		for (const bodyLine of safeLines(note.body)) lines.push(...wrap(bodyLine, width, '    '));
		lines.push('');
	}
	return lines;
}

function documentBlock(doc: CaseDetail['documents'][number], width: number, selected: boolean): string[] {
	const checksum = doc.checksumOk === null ? 'not checked' : doc.checksumOk ? 'SHA-256 ok' : 'SHA-256 MISMATCH';
	const [first = '', ...rest] = wrap(`#${doc.id}  ${padWidth(safeText(doc.kind), 20)} ${doc.title} (${doc.fileName}, ${doc.mediaType}, ${doc.sizeBytes} bytes, ${checksum})`, width - 2);
	return [`${selected ? '>' : ' '} ${first}`, ...rest.map((line) => `  ${line}`)];
}

/** Documents: list with kind, size and checksum state; the chosen one (Enter opens it) marked `>`. */
export function documentLines(detail: CaseDetail, width: number, selected = 0): string[] {
	if (detail.documents.length === 0) return ['No documents.'];
	return [...detail.documents.flatMap((doc, i) => documentBlock(doc, width, i === selected)), '', 'j/k choose a document, Enter opens it'];
}

/** The line at which each document starts in {@link documentLines}. */
export function documentLineOffsets(detail: CaseDetail, width: number): number[] {
	const offsets: number[] = [];
	let at = 0;
	for (const doc of detail.documents) {
		offsets.push(at);
		at += documentBlock(doc, width, false).length;
	}
	return offsets;
}

/** Widest the action column of the History tab grows, in columns (`verify-documents`). */
const ACTION_COLUMN_MAX = 16;

/**
 * One audit event as one line of at most `width` columns: time (UTC), officer, action, and the
 * detail as `key value` text (`decide  outcome approve, version 3`), cut with `…` at the edge,
 * never wrapped. `actionWidth`: the action column's width.
 */
export function historyEventLine(event: CaseDetail['history'][number], width: number, actionWidth: number): string {
	const action = padWidth(safeText(event.action), actionWidth);
	return fitWidth(`${shortInstant(event.at)}  ${padWidth(safeText(event.officer), 12)} ${action}  ${auditDetailText(event.detail)}`.trimEnd(), width);
}

/** History: the audit trail of this case, oldest first, one line an event; then the decisions. */
export function historyLines(detail: CaseDetail, width: number): string[] {
	if (detail.history.length === 0) return ['No history.'];
	const actionWidth = Math.min(ACTION_COLUMN_MAX, Math.max(...detail.history.map((event) => displayWidth(safeText(event.action)))));
	const lines: string[] = detail.history.map((event) => historyEventLine(event, width, actionWidth));
	const decisions = detail.decisions;
	if (decisions.length > 0) {
		lines.push('', 'Decisions:');
		for (const decision of decisions) {
			lines.push(...wrap(`  ${dateOf(decision.decidedAt)} ${decision.outcome} by ${safeText(decision.officer)}${decision.reasonCodes.length > 0 ? ` [${decision.reasonCodes.map(safeText).join(', ')}]` : ''}${decision.reviewRequired ? decision.reviewOutcome ? ` — review ${decision.reviewOutcome} by ${safeText(decision.reviewer ?? '')}` : ' — awaiting review' : ''}`, width));
			for (const textLine of safeLines(decision.text)) lines.push(...wrap(textLine, width, '      '));
		}
	}
	return lines;
}

/** The lines of `tab` (`selectedDocument`: the document chosen on the Documents tab). */
export function tabLines(tab: CaseTab, detail: CaseDetail, width: number, selectedDocument = 0): string[] {
	// Every line once more through safeText (idempotent): a field drawn without it above is still safe.
	return linesOf(tab, detail, width, selectedDocument).map(safeText);
}

function linesOf(tab: CaseTab, detail: CaseDetail, width: number, selectedDocument: number): string[] {
	switch (tab) {
		case 'Summary':
			return summaryLines(detail, width);
		case 'Eligibility':
			return eligibilityLines(detail, width);
		case 'CRS':
			return crsLines(detail, width);
		case 'Notes':
			return noteLines(detail, width);
		case 'Documents':
			return documentLines(detail, width, selectedDocument);
		case 'History':
			return historyLines(detail, width);
	}
}

