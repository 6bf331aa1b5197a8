/**
 * `caips assign APP --to USER [--json]`: assigns a case to an officer (`--to me` for yourself).
 * Supervisors and admins assign to anyone; an officer may only take an unassigned case for
 * themselves. A received case moves to `in_review`. Audited; a refusal too.
 *
 * Text: `assigned E000000101 to bob (was unassigned; now in_review)`, or `E000000101 is already
 * assigned to bob: nothing changed`. `--json`: `{applicationNumber, assignedTo, previous, status,
 * version, changed}`. Exit 2 for a missing APP or --to; 65 for an unknown case or officer, a
 * closed case or a target who cannot hold cases; 75 when someone else holds it; 77 not allowed.
 */
import {assignCase} from '../cases/assignment.js';
import {safeText} from '../ui/terminal-text.js';
import type {Command} from './context.js';
import {EXIT} from './exit-codes.js';
import {withSession} from './session.js';
import {expectPositionals, requiredText} from './usage.js';

export const assignCommand: Command = async (context) => {
	const {args, flags, stdout} = context;
	const [app] = expectPositionals('assign', args, ['APP']) as [string];
	const to = requiredText('assign', flags, 'to', '--to USER', 'the officer to assign the case to (me for yourself)');
	const applicationNumber = app.trim().toUpperCase();
	return withSession(context, async (session) => {
		const result = await assignCase(session, applicationNumber, to);
		if (flags.json) {
			stdout.write(`${JSON.stringify(result)}\n`);
		} else if (!result.changed) {
			stdout.write(`${result.applicationNumber} is already assigned to ${safeText(result.assignedTo)}: nothing changed\n`);
		} else {
			const was = result.previous === null ? 'unassigned' : `assigned to ${safeText(result.previous)}`;
			stdout.write(`assigned ${result.applicationNumber} to ${safeText(result.assignedTo)} (was ${was}; now ${result.status})\n`);
		}
		return EXIT.ok;
	});
};
