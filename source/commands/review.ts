/**
 * `caips review APP (approve|return) [--text T] [--json]`: a supervisor's second-level review of
 * the decision awaiting review on a case. `approve` makes it final; `return` (text required) sends
 * the case back to in_review with the text as a note. The reviewer is never the deciding officer.
 *
 * Exit 2 (before the store is opened) for a missing APP or outcome, an outcome other than approve
 * or return, `return` without --text; 65 for no such case or nothing awaiting review; 77 for a
 * reviewer who is not a supervisor or who made the decision.
 */
import {formatValue} from '../format/format-error.js';
import {reviewDecision} from '../cases/review.js';
import type {Command} from './context.js';
import {EXIT} from './exit-codes.js';
import {withSession} from './session.js';
import {expectPositionals, requiredText, usageError} from './usage.js';

export const reviewCommand: Command = async (context) => {
	const {args, flags, stdout} = context;
	const [app, outcome] = expectPositionals('review', args, ['APP', 'approve or return']) as [string, string];
	if (outcome !== 'approve' && outcome !== 'return') throw usageError('review', `${formatValue(outcome)} is not approve or return`);
	const text = outcome === 'return' ? requiredText('review', flags, 'text', '--text T', 'why the decision is returned') : typeof flags.text === 'string' ? flags.text : undefined;
	const result = await withSession(context, (session) => reviewDecision(session, app, {outcome, text}));
	if (flags.json) {
		stdout.write(JSON.stringify(result, null, 2) + '\n');
		return EXIT.ok;
	}
	const what = outcome === 'approve' ? 'approved on review' : `returned (note ${result.noteId})`;
	stdout.write(`${result.applicationNumber}: decision ${result.decisionId} ${what}; the case is now ${result.status}\n`);
	return EXIT.ok;
};
