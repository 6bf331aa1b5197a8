/**
 * `caips review APP (approve|return) [--text T] [--json]`: a supervisor's second-level review of
 * the decision awaiting review on a case. `approve` makes it final; `return` (text required) sends
 * the case back to in_review with the text as a note. The reviewer is never the deciding officer.
 */
import {formatValue} from '../format/format-error.js';
import {reviewDecision} from '../cases/review.js';
import type {Command} from './context.js';
import {CliError, EXIT} from './exit-codes.js';
import {withSession} from './session.js';

const USAGE = 'usage: caips review APP (approve|return) [--text T]';

export const reviewCommand: Command = async (context) => {
	const {args, flags, stdout} = context;
	if (args.length !== 2) throw new CliError(EXIT.usage, USAGE);
	const [app, outcome] = args as [string, string];
	if (outcome !== 'approve' && outcome !== 'return') throw new CliError(EXIT.usage, `caips review: ${formatValue(outcome)} is not approve or return`);
	const result = await withSession(context, (session) => reviewDecision(session, app, {outcome, text: typeof flags.text === 'string' ? flags.text : undefined}));
	if (flags.json) {
		stdout.write(JSON.stringify(result, null, 2) + '\n');
		return EXIT.ok;
	}
	const what = outcome === 'approve' ? 'approved on review' : `returned (note ${result.noteId})`;
	stdout.write(`${result.applicationNumber}: decision ${result.decisionId} ${what}; the case is now ${result.status}\n`);
	return EXIT.ok;
};
