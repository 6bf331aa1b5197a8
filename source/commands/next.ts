/**
 * `caips next [QUEUE] [--json]`: assigns to me the oldest unassigned case (received or in review)
 * of a queue — `Unassigned` by default — atomically: two officers asking at once never get the
 * same case. The case moves to `in_review`; the assignment is audited.
 *
 * An empty queue is not an error: exit 0 with `no unassigned case in Unassigned` on stdout
 * (`--json`: `null`), so that a script can loop until then. Otherwise the case taken, as one
 * line, or `--json` the queue row of `listQueue`. Exit 65 for an unknown queue, 77 without the
 * officer role.
 */
import {takeNext} from '../cases/assignment.js';
import {localDateOf} from '../cases/filter.js';
import {findQueue} from '../cases/queues.js';
import {safeText} from '../ui/terminal-text.js';
import type {Command} from './context.js';
import {EXIT} from './exit-codes.js';
import {withSession} from './session.js';

export const nextCommand: Command = async (context) => {
	const {args, flags, stdout, today} = context;
	return withSession(context, async (session) => {
		const queue = await findQueue(session.store.db, args.length > 0 ? args.join(' ') : 'Unassigned');
		const entry = await takeNext(session, queue.name, {today});
		if (flags.json) {
			stdout.write(`${JSON.stringify(entry)}\n`);
		} else if (!entry) {
			stdout.write(`no unassigned case in ${safeText(queue.name)}\n`);
		} else {
			stdout.write(
				`${entry.applicationNumber}  ${safeText(entry.familyName)}, ${safeText(entry.givenNames)}  ${entry.program}  received ${localDateOf(entry.receivedAt)} (${entry.daysWaiting} days)  now ${entry.status}, assigned to you\n`,
			);
		}
		return EXIT.ok;
	});
};
