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
import {CliError, EXIT} from './exit-codes.js';
import {withSession} from './session.js';

const USAGE = 'usage: caips assign APP --to USER';

export const assignCommand: Command = async (context) => {
	const {args, flags, stdout} = context;
	if (args.length !== 1) throw new CliError(EXIT.usage, USAGE);
	const to = flags.to;
	if (typeof to !== 'string' || to.trim() === '') throw new CliError(EXIT.usage, `caips assign: --to USER is required (${USAGE})`);
	const applicationNumber = args[0]!.trim().toUpperCase();
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
