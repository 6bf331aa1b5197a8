/**
 * `caips case show APP [--json]`: one case — header, applicant and spouse, status, assignment,
 * dates, version, the work periods with their ids and the officer's findings, and the
 * assessment (as assessed, with the as-claimed result when it differs). Audited as `view`.
 * `--json`: `{case, application, assessment: {asClaimed, asAssessed}, workPeriods, notes,
 * documents (metadata only), decisions}`.
 */
import {viewCase, type CaseRecord} from '../cases/case-view.js';
import {formatValue} from '../format/format-error.js';
import {assessmentLines} from '../report/assessment-text.js';
import type {Assessment} from '../rules/assess.js';
import type {Person, Spouse} from '../rules/application.js';
import {safeText} from '../ui/terminal-text.js';
import type {Command} from './context.js';
import {EXIT} from './exit-codes.js';
import {withReadSession} from './session.js';
import {expectPositionals, usageError} from './usage.js';

function personLine(label: string, p: Person | Spouse): string {
	const extra = 'accompanying' in p ? `  ${p.accompanying ? 'accompanying' : 'not accompanying'}${p.canadianCitizenOrPR ? ', citizen or PR' : ''}` : '';
	return `${label}${safeText(p.familyName)}, ${safeText(p.givenNames)}  born ${p.dateOfBirth}  ${p.countryOfCitizenship}  ${p.maritalStatus}${extra}`;
}

function summary(a: Assessment): string {
	const eligible = (['CEC', 'FSW', 'FST'] as const).filter((p) => a.programs[p].eligible);
	return `CRS ${a.crs.total}; eligible: ${eligible.length > 0 ? eligible.join(', ') : 'none'}`;
}

/** The readable form of a case (every line safe for a terminal). */
export function caseText(record: CaseRecord): string[] {
	const c = record.case;
	const lines = [
		`${c.applicationNumber}  ${safeText(c.familyName)}, ${safeText(c.givenNames)}  UCI ${c.uci}  program ${c.program}`,
		`Status ${c.status}  assigned to ${c.assignedTo === null ? 'nobody' : safeText(c.assignedTo)}  office ${c.office === null ? '—' : safeText(c.office)}  priority ${c.priority}  version ${c.version}`,
		`Profile submitted ${c.profileSubmittedAt}  ITA ${c.invitedAt ?? '—'}  received ${c.receivedAt ?? '—'}  bring forward ${c.bringForwardOn ?? '—'}`,
		personLine('Applicant  ', record.application.applicant),
		record.application.spouse ? personLine('Spouse     ', record.application.spouse) : 'Spouse     none',
		'',
		`Work periods (${record.workPeriods.length}; findings with caips assess-item APP ID verified|not-credited|claimed)`,
	];
	for (const w of record.workPeriods) {
		const by = w.findingBy ? ` by ${safeText(w.findingBy)}` : '';
		const reason = w.findingReason ? `: ${safeText(w.findingReason)}` : '';
		lines.push(
			`  id ${w.id}  ${w.person} #${w.idx + 1}  ${w.employer === null ? '—' : safeText(w.employer)}  NOC ${w.nocCode}  ${w.country}  ${w.start} to ${w.end ?? 'ongoing'}  ${w.hoursPerWeek} h/wk  ${w.finding.replace('_', ' ')}${by}${reason}`,
		);
	}
	lines.push(`Notes ${record.notes.length}  documents ${record.documents.length}  decisions ${record.decisions.length}`);
	lines.push('');
	if (!record.assessment) {
		lines.push('Not assessed');
		return lines;
	}
	const {asClaimed, asAssessed} = record.assessment;
	if (summary(asClaimed) !== summary(asAssessed)) {
		lines.push(`As claimed:  ${summary(asClaimed)}`);
		lines.push(`As assessed: ${summary(asAssessed)} (the breakdown below)`);
		lines.push('');
	}
	lines.push(...assessmentLines(asAssessed));
	return lines;
}

export const caseCommand: Command = async (context) => {
	const {args, flags, stdout} = context;
	if (args[0] === undefined) throw usageError('case', 'missing the subcommand show');
	if (args[0] !== 'show') throw usageError('case', `unknown subcommand ${formatValue(args[0])}`);
	expectPositionals('case', args, ['show', 'APP']);
	return withReadSession(context, async (session) => {
		const record = await viewCase(session, args[1]!);
		if (flags.json) {
			const {case: columns, application, assessment, workPeriods, notes, documents, decisions} = record;
			stdout.write(JSON.stringify({case: columns, application, assessment, workPeriods, notes, documents, decisions}) + '\n');
		} else {
			stdout.write(caseText(record).join('\n') + '\n');
		}
		return EXIT.ok;
	});
};
