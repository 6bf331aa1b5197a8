/**
 * `caips decide APP OUTCOME [--reason CODE…] [--text T] [--bf DATE] [--expect-version N] [--json]`:
 * records a decision (approve, refuse, rfi, pfl, withdraw, return; spec/decisions.md). Prints the
 * decision id and the case's new status; warnings (e.g. a refusal on grounds never put to the
 * applicant in a PFL) go to stderr. `--expect-version` makes the decision conditional on the case
 * version the officer saw (exit 75 with what changed since, when stale).
 *
 * Exit 2, before the store is opened, for a missing APP or OUTCOME, an unknown outcome, a flag the
 * outcome needs and lacks (refuse: --reason and --text; rfi, pfl, withdraw, return: --text), a
 * bad --bf (not a date, not after today, or with an outcome other than rfi or pfl) or a bad
 * --expect-version. What only the store can tell is 65: no such case, an unknown reason code, a
 * state the outcome is not allowed from, an approval against the assessment without the override.
 */
import {formatValue} from '../format/format-error.js';
import {decide, OUTCOMES, type DecisionOutcome} from '../cases/decisions.js';
import {safeText} from '../ui/terminal-text.js';
import {dateFlag, type Command} from './context.js';
import {CliError, EXIT} from './exit-codes.js';
import {withSession} from './session.js';
import {expectPositionals, requiredText, usageError} from './usage.js';

/**
 * What each outcome needs on the command line: the same rules as `decide` (source/cases/decisions.ts),
 * checked here so that a missing flag is a usage error before the store is opened.
 */
const NEEDS: Readonly<Record<DecisionOutcome, {reason?: true; text?: string}>> = {
	approve: {},
	refuse: {reason: true, text: 'the reasons for the refusal'},
	rfi: {text: 'what is requested'},
	pfl: {text: 'the concerns, stated so the applicant can answer them'},
	withdraw: {text: "the applicant's request to withdraw"},
	return: {text: 'which required item is missing'},
};

/** The `--reason` values (the flag may repeat). */
function reasonCodes(value: unknown): string[] {
	if (value === undefined) return [];
	const list = Array.isArray(value) ? value : [value];
	return list.map(String).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

export const decideCommand: Command = async (context) => {
	const {args, flags, stdout, stderr, today} = context;
	const [app, outcomeText] = expectPositionals('decide', args, ['APP', `OUTCOME (${OUTCOMES.join(', ')})`]) as [string, string];
	if (!(OUTCOMES as readonly string[]).includes(outcomeText)) {
		throw usageError('decide', `outcome ${formatValue(outcomeText)} is not one of ${OUTCOMES.join(', ')}`);
	}
	const outcome = outcomeText as DecisionOutcome;
	const needs = NEEDS[outcome];
	const codes = reasonCodes(flags.reason);
	if (needs.reason && codes.length === 0) throw usageError('decide', `--reason CODE is required: a refusal cites at least one reason code`);
	const text = needs.text ? requiredText('decide', flags, 'text', '--text T', needs.text) : typeof flags.text === 'string' ? flags.text : undefined;
	const bringForwardOn = dateFlag(flags, 'bf', '--bf');
	if (bringForwardOn !== undefined) {
		if (outcome !== 'rfi' && outcome !== 'pfl') throw new CliError(EXIT.usage, `--bf: a bring-forward date goes with rfi or pfl, not ${outcome}`);
		if (bringForwardOn <= today) throw new CliError(EXIT.usage, `--bf: ${bringForwardOn} is not after today (${today})`);
	}
	let expectedVersion: number | undefined;
	if (flags.expectVersion !== undefined) {
		expectedVersion = Number(flags.expectVersion);
		if (!/^\d+$/.test(String(flags.expectVersion)) || !Number.isSafeInteger(expectedVersion) || expectedVersion < 1) {
			throw new CliError(EXIT.usage, `--expect-version: ${formatValue(flags.expectVersion)} is not a case version`);
		}
	}
	const result = await withSession(context, (session) =>
		decide(session, app, {
			outcome,
			reasonCodes: codes,
			text,
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
