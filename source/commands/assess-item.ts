/**
 * `caips assess-item APP WORK_PERIOD_ID (verified|not-credited|claimed) [--reason T] [--json]`:
 * the officer's finding on one claimed work period (e.g. the reference letter does not show the
 * duties). The case is re-assessed; both results are shown: as claimed and as assessed.
 */
import {formatValue} from '../format/format-error.js';
import {recordFinding, type AssessmentSummary} from '../cases/findings.js';
import type {WorkFinding} from '../../db/index.js';
import type {Command} from './context.js';
import {CliError, EXIT} from './exit-codes.js';
import {withSession} from './session.js';

const USAGE = 'usage: caips assess-item APP WORK_PERIOD_ID (verified|not-credited|claimed) [--reason T]';

const FINDING_WORDS: Record<string, WorkFinding> = {verified: 'verified', 'not-credited': 'not_credited', not_credited: 'not_credited', claimed: 'claimed'};

const describe = (s: AssessmentSummary) => `CRS ${s.crs}; eligible ${s.eligible.length ? s.eligible.join(', ') : 'none'}`;

export const assessItemCommand: Command = async (context) => {
	const {args, flags, stdout, today} = context;
	if (args.length !== 3) throw new CliError(EXIT.usage, USAGE);
	const [app, idText, word] = args as [string, string, string];
	const workPeriodId = Number(idText);
	if (!/^\d+$/.test(idText) || !Number.isSafeInteger(workPeriodId) || workPeriodId < 1) throw new CliError(EXIT.usage, `caips assess-item: ${formatValue(idText)} is not a work period id`);
	const finding = FINDING_WORDS[word];
	if (!finding) throw new CliError(EXIT.usage, `caips assess-item: finding ${formatValue(word)} is not verified, not-credited or claimed`);
	const reasons = flags.reason === undefined ? [] : Array.isArray(flags.reason) ? flags.reason.map(String) : [String(flags.reason)];
	if (reasons.length > 1) throw new CliError(EXIT.usage, 'caips assess-item: give --reason once');
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
