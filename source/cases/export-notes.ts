/**
 * `caips export APP --format notes`: a GCMS-notes-style plain-text record of one case — header,
 * persons, assessment (summary, criteria with their legal sources, CRS breakdown), the officer's
 * findings on work periods, notes, documents with SHA-256, decisions and reviews, and the case's
 * history of changes from the audit trail.
 *
 * The record is byte-identical each time it is produced from the same case data: it holds no
 * "printed at" time, everything is in a fixed order (ids, sequence numbers), and the history
 * leaves out reads (`view`, `search`, `export`), which are in the audit trail, so that reading
 * or exporting the case does not change its record. Untrusted text (names, notes, titles,
 * details) is sanitised (`safeText` / `safeLines`).
 */
import {encodeJson} from '../../db/index.js';
import {assessmentLines} from '../report/assessment-text.js';
import type {Assessment} from '../rules/assess.js';
import type {Person, Spouse} from '../rules/application.js';
import {utcDateOf} from '../rules/dates.js';
import {safeLines, safeText} from '../text/terminal-text.js';
import {recordAudit} from './audit.js';
import {CASE_READ_ROLES, readCase, readCaseHistory, type CaseRecord, type HistoryEvent} from './case-view.js';
import {requireRole, write, type Session} from './session.js';

/** Audit actions that only read a case; the record's history leaves them out. */
export const READ_ACTIONS: readonly string[] = ['view', 'search', 'export'];

/** Meaning and legal source of each reason code, for decisions. */
export type ReasonCodeTable = ReadonlyMap<string, {meaning: string; source: string}>;

const RULE = '='.repeat(72);
const NONE = '—';

function field(label: string, value: string | number | null | undefined): string {
	return `${label.padEnd(22)}${value === null || value === undefined || value === '' ? NONE : typeof value === 'number' ? String(value) : safeText(value)}`;
}

function section(title: string): string[] {
	return ['', title, '-'.repeat(title.length)];
}

/** Body lines indented under an entry (multi-line bodies keep their lines). */
function body(text: string, indent = '      '): string[] {
	return safeLines(text).map((line) => (line === '' ? '' : indent + line));
}

function personLines(label: string, person: Person | Spouse): string[] {
	const lines = [
		field(label, `${person.familyName}, ${person.givenNames}`),
		field('  date of birth', person.dateOfBirth),
		field('  citizenship', person.countryOfCitizenship),
		field('  marital status', person.maritalStatus),
	];
	if ('accompanying' in person) {
		lines.push(field('  accompanying', person.accompanying ? 'yes' : 'no'));
		lines.push(field('  citizen or PR', person.canadianCitizenOrPR ? 'yes' : 'no'));
	}
	return lines;
}

function eligibleList(assessment: Assessment): string {
	const programs = (['CEC', 'FSW', 'FST'] as const).filter((p) => assessment.programs[p].eligible);
	return programs.length > 0 ? programs.join(', ') : 'none';
}

function verdicts(assessment: Assessment): string {
	return (['CEC', 'FSW', 'FST'] as const)
		.map((p) => {
			const points = p === 'FSW' && assessment.programs.FSW.points !== null ? ` (${assessment.programs.FSW.points} points)` : '';
			return `${p} ${assessment.programs[p].eligible ? 'eligible' : 'not eligible'}${points}`;
		})
		.join('; ');
}

function assessmentSummary(record: CaseRecord): string[] {
	const lines = section('ASSESSMENT SUMMARY');
	const pair = record.assessment;
	if (!pair) return [...lines, 'not assessed'];
	const {asClaimed, asAssessed} = pair;
	lines.push(field('Reference date', asAssessed.asOf));
	lines.push(field('Rules version', asAssessed.rulesVersion));
	lines.push(field('CRS total', asAssessed.crs.total));
	lines.push(field('Eligibility', verdicts(asAssessed)));
	const differs = asClaimed.crs.total !== asAssessed.crs.total || verdicts(asClaimed) !== verdicts(asAssessed);
	if (differs) {
		lines.push('As claimed and as assessed differ (officer findings on work periods):');
		lines.push(`  as claimed:  CRS ${asClaimed.crs.total}; eligible: ${eligibleList(asClaimed)}; ${verdicts(asClaimed)}`);
		lines.push(`  as assessed: CRS ${asAssessed.crs.total}; eligible: ${eligibleList(asAssessed)}; ${verdicts(asAssessed)}`);
	} else {
		lines.push('As claimed and as assessed agree.');
	}
	return lines;
}

function workLines(record: CaseRecord): string[] {
	const lines = section(`WORK EXPERIENCE AND FINDINGS (${record.workPeriods.length})`);
	if (record.workPeriods.length === 0) lines.push('none claimed');
	for (const w of record.workPeriods) {
		const employer = w.employer === null ? 'employer not named' : safeText(w.employer);
		lines.push(`#${w.id}  ${w.person} period ${w.idx + 1}  ${employer}  NOC ${w.nocCode}  ${w.country}  ${w.start} to ${w.end ?? 'ongoing'}  ${w.hoursPerWeek} h/week`);
		const by = w.findingBy ? ` by ${safeText(w.findingBy)} at ${w.findingAt ?? NONE}` : '';
		lines.push(`      finding: ${w.finding.replace('_', ' ')}${by}`);
		if (w.findingReason) lines.push(...body(`reason: ${w.findingReason}`));
	}
	return lines;
}

function assessmentDetail(record: CaseRecord): string[] {
	if (!record.assessment) return [];
	const lines = section('ELIGIBILITY CRITERIA AND CRS BREAKDOWN (as assessed)');
	lines.push(...assessmentLines(record.assessment.asAssessed));
	return lines;
}

function noteLines(record: CaseRecord): string[] {
	const lines = section(`NOTES (${record.notes.length})`);
	if (record.notes.length === 0) lines.push('none');
	for (const note of record.notes) {
		const corrects = note.correctsNoteId === null ? '' : `  (corrects note #${note.correctsNoteId})`;
		lines.push(`#${note.id}  ${note.at}  ${safeText(note.author)}${corrects}`);
		lines.push(...body(note.body));
	}
	return lines;
}

function documentLines(record: CaseRecord): string[] {
	const lines = section(`DOCUMENTS (${record.documents.length})`);
	if (record.documents.length === 0) lines.push('none');
	for (const d of record.documents) {
		lines.push(`#${d.id}  ${safeText(d.kind)}  ${safeText(d.title)}`);
		lines.push(`      file ${safeText(d.fileName)}  ${safeText(d.mediaType)}  ${d.sizeBytes.toLocaleString('en-CA')} bytes  status ${safeText(d.status)}`);
		lines.push(`      SHA-256 ${d.sha256}`);
		lines.push(`      added by ${safeText(d.addedBy)} at ${d.addedAt}`);
	}
	return lines;
}

function decisionLines(record: CaseRecord, reasons: ReasonCodeTable): string[] {
	const lines = section(`DECISIONS AND REVIEWS (${record.decisions.length})`);
	if (record.decisions.length === 0) lines.push('none');
	for (const d of record.decisions) {
		lines.push(`#${d.id}  ${d.decidedAt}  ${safeText(d.outcome)} by ${safeText(d.officer)}  (case version ${d.caseVersion}, rules ${d.rulesVersion})`);
		for (const code of d.reasonCodes) {
			const known = reasons.get(code);
			lines.push(`      reason ${safeText(code)}${known ? `: ${safeText(known.meaning)} (${safeText(known.source)})` : ''}`);
		}
		if (d.bringForwardOn) lines.push(`      bring forward on ${d.bringForwardOn}`);
		lines.push(...body(d.text));
		if (d.reviewedAt) {
			lines.push(`      review: ${safeText(d.reviewOutcome ?? NONE)} by ${safeText(d.reviewer ?? NONE)} at ${d.reviewedAt}`);
			if (d.reviewText) lines.push(...body(d.reviewText, '        '));
		} else {
			lines.push(`      review: ${d.reviewRequired ? 'required, not yet done' : 'not required'}`);
		}
	}
	return lines;
}

function historyLines(history: readonly HistoryEvent[]): string[] {
	const lines = section(`HISTORY (${history.length} change${history.length === 1 ? '' : 's'}; views and exports are in the audit trail)`);
	if (history.length === 0) lines.push('none');
	for (const event of history) {
		const {osUser: _os, ...detail} = event.detail ?? {};
		const shown = Object.keys(detail).length > 0 ? `  ${safeText(encodeJson(detail))}` : '';
		lines.push(`${String(event.seq).padStart(6)}  ${event.at}  ${safeText(event.officer)}  ${safeText(event.action)}${shown}`);
	}
	return lines;
}

/**
 * Renders the record of a case as text lines joined by `\n`, ending in a newline. Pure: the same
 * inputs give the same bytes.
 */
export function caseNotesText(record: CaseRecord, history: readonly HistoryEvent[], reasons: ReasonCodeTable): string {
	const c = record.case;
	const app = record.application;
	const lines: string[] = [
		RULE,
		`CASE RECORD  ${c.applicationNumber}`,
		RULE,
		field('Application number', c.applicationNumber),
		field('UCI', c.uci),
		field('Program', c.program),
		field('Office', c.office),
		field('Status', c.status),
		field('Profile submitted', c.profileSubmittedAt),
		field('ITA (lock-in date)', c.invitedAt),
		field('Received (e-APR)', c.receivedAt),
		field('Bring-forward date', c.bringForwardOn),
		field('Assigned officer', c.assignedTo ?? 'unassigned'),
		field('Priority', c.priority),
		field('Case version', c.version),
		...section('PERSONS'),
		...personLines('Applicant', app.applicant),
		...(app.spouse ? personLines('Spouse', app.spouse) : [field('Spouse', 'none')]),
		field('Dependent children', app.dependentChildren ?? 0),
		field('Intended province', app.intendedProvince),
		...assessmentSummary(record),
		...workLines(record),
		...assessmentDetail(record),
		...noteLines(record),
		...documentLines(record),
		...decisionLines(record, reasons),
		...historyLines(history),
		'',
		RULE,
		`END OF RECORD  ${c.applicationNumber}`,
	];
	return lines.map((line) => line.trimEnd()).join('\n') + '\n';
}

/**
 * The GCMS-notes-style record of case `applicationNumber` (see the file comment), read in one
 * transaction that also audits the export as `export` with `{format: 'notes'}`. Throws
 * NotFoundError (65) for an unknown case, PermissionError (77) when the officer holds none of
 * the case-reading roles.
 */
export async function exportCaseNotes(session: Session, applicationNumber: string): Promise<string> {
	return write(session, {action: 'export', applicationNumber}, async (trx) => {
		requireRole(session.actor, CASE_READ_ROLES, 'exporting a case');
		const record = await readCase(trx, applicationNumber, utcDateOf(session.now()));
		const history = await readCaseHistory(trx, applicationNumber, READ_ACTIONS);
		const codes = new Set(record.decisions.flatMap((d) => d.reasonCodes));
		const reasons = new Map<string, {meaning: string; source: string}>();
		if (codes.size > 0) {
			const rows = await trx.selectFrom('reason_codes').selectAll().where('code', 'in', [...codes]).execute();
			for (const r of rows) reasons.set(r.code, {meaning: r.meaning, source: r.source});
		}
		await recordAudit(trx, session, {action: 'export', applicationNumber, detail: {format: 'notes'}});
		return caseNotesText(record, history, reasons);
	});
}

