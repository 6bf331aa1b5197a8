/**
 * `caips decide APP OUTCOME [--reason CODE…] [--text T] [--bf DATE] [--expect-version N] [--json]`:
 * records a decision (approve, refuse, rfi, pfl, withdraw, return; spec/decisions.md). Prints the
 * decision id and the case's new status; warnings (e.g. a refusal on grounds never put to the
 * applicant in a PFL) go to stderr. `--expect-version` makes the decision conditional on the case
 * version the officer saw (exit 75 with what changed since, when stale).
 */
import {formatValue} from '../format/format-error.js';
import {decide, OUTCOMES, type DecisionOutcome} from '../cases/decisions.js';
import {safeText} from '../ui/terminal-text.js';
import {dateFlag, type Command} from './context.js';
import {CliError, EXIT} from './exit-codes.js';
import {withSession} from './session.js';

const USAGE = `usage: caips decide APP (${OUTCOMES.join('|')}) [--reason CODE…] [--text T] [--bf YYYY-MM-DD] [--expect-version N]`;

/** The `--reason` values (the flag may repeat). */
function reasonCodes(value: unknown): string[] {
	if (value === undefined) return [];
	const list = Array.isArray(value) ? value : [value];
	return list.map(String).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

export const decideCommand: Command = async (context) => {
	const {args, flags, stdout, stderr, today} = context;
	if (args.length !== 2) throw new CliError(EXIT.usage, USAGE);
	const [app, outcomeText] = args as [string, string];
	if (!(OUTCOMES as readonly string[]).includes(outcomeText)) {
		throw new CliError(EXIT.usage, `caips decide: outcome ${formatValue(outcomeText)} is not one of ${OUTCOMES.join(', ')}`);
	}
	const bringForwardOn = dateFlag(flags, 'bf', '--bf');
	let expectedVersion: number | undefined;
	if (flags.expectVersion !== undefined) {
		expectedVersion = Number(flags.expectVersion);
		if (!/^\d+$/.test(String(flags.expectVersion)) || !Number.isSafeInteger(expectedVersion) || expectedVersion < 1) {
			throw new CliError(EXIT.usage, `--expect-version: ${formatValue(flags.expectVersion)} is not a case version`);
		}
	}
	const result = await withSession(context, (session) =>
		decide(session, app, {
			outcome: outcomeText as DecisionOutcome,
			reasonCodes: reasonCodes(flags.reason),
			text: typeof flags.text === 'string' ? flags.text : undefined,
			bringForwardOn,
			expectedVersion,
			today,
		}),
	);
	for (const warning of result.warnings) stderr.write(`caips: warning: ${safeText(warning)}\n`);
	if (flags.json) {
		stdout.write(JSON.stringify(result, null, 2) + '\n');
		return EXIT.ok;
	}
	const then = result.reviewRequired
		? 'a supervisor other than you must review it'
		: result.bringForwardOn
			? `bring forward on ${result.bringForwardOn}`
			: '';
	stdout.write(`${result.applicationNumber}: ${result.outcome} recorded (decision ${result.decisionId}); the case is now ${result.status}${then ? `, ${then}` : ''}\n`);
	return EXIT.ok;
};
