/**
 * `caips assess-item APP WORK_PERIOD_ID (verified|not-credited|claimed) [--reason T] [--json]`:
 * the officer's finding on one claimed work period (e.g. the reference letter does not show the
 * duties). The case is re-assessed; both results are shown: as claimed and as assessed.
 *
 * Exit 2, before the store is opened, for a missing or bad argument, and `not-credited` without
 * --reason; 65 for no such case or work period, or a case that is closed; 77 for a case assigned
 * to another officer or an officer without the officer role.
 */
import {formatValue} from '../format/format-error.js';
import {recordFinding, type AssessmentSummary} from '../cases/findings.js';
import type {WorkFinding} from '../../db/index.js';
import type {Command} from './context.js';
import {EXIT} from './exit-codes.js';
import {withSession} from './session.js';
import {expectPositionals, usageError} from './usage.js';

const FINDING_WORDS: Record<string, WorkFinding> = {verified: 'verified', 'not-credited': 'not_credited', not_credited: 'not_credited', claimed: 'claimed'};

const describe = (s: AssessmentSummary) => `CRS ${s.crs}; eligible ${s.eligible.length ? s.eligible.join(', ') : 'none'}`;

export const assessItemCommand: Command = async (context) => {
	const {args, flags, stdout, today} = context;
	const [app, idText, word] = expectPositionals('assess-item', args, ['APP', 'WORK_PERIOD_ID', 'FINDING (verified, not-credited or claimed)']) as [string, string, string];
	const workPeriodId = Number(idText);
	if (!/^\d+$/.test(idText) || !Number.isSafeInteger(workPeriodId) || workPeriodId < 1) throw usageError('assess-item', `${formatValue(idText)} is not a work period id`);
	const finding = FINDING_WORDS[word];
	if (!finding) throw usageError('assess-item', `finding ${formatValue(word)} is not verified, not-credited or claimed`);
	const reasons = flags.reason === undefined ? [] : Array.isArray(flags.reason) ? flags.reason.map(String) : [String(flags.reason)];
	if (reasons.length > 1) throw usageError('assess-item', '--reason can be given only once');
	if (finding === 'not_credited' && (reasons[0] ?? '').trim() === '') throw usageError('assess-item', '--reason T is required: why the work period is not credited');
	const result = await withSession(context, (session) => recordFinding(session, app, workPeriodId, finding, reasons[0], {today}));
	if (flags.json) {
		stdout.write(JSON.stringify(result, null, 2) + '\n');
		return EXIT.ok;
	}
	stdout.write(
		[
			`${result.applicationNumber} work period ${result.workPeriodId}: ${word === 'not_credited' ? 'not-credited' : word}`,
			`as assessed: ${describe(result.before)} → ${describe(result.after)}`,
			`as claimed:  ${describe(result.asClaimed)}`,
		].join('\n') + '\n',
	);
	return EXIT.ok;
};
