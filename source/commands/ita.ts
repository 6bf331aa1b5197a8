/**
 * `caips ita expire [--as-of DATE] [--dry-run] [--json]`: ends the invitations to apply that expired
 * unanswered by DATE (default: today, the officer's local date). An ITA is valid for 60 days
 * (rules.md §7.3); each case invited more than 60 days before DATE without an e-APR moves from
 * `invited` to `withdrawn`, with a note and an `ita-expired` audit event, all in one transaction
 * (`expireInvitations`, source/cases/rounds.ts). Admins only. Safe to run again: a case expires once.
 * `--dry-run` lists the same cases ("would be withdrawn") and changes nothing.
 *
 * Text: one line per expired case (number, ITA date, deadline), then `2 invitations expired on
 * 2026-10-05`; or `No invitation expired on 2026-10-05.` `--json`: `{asOf, expired: [numbers]}`.
 * Exit 2 for a missing or unknown subcommand, a bad --as-of or one after today (an invitation
 * cannot be expired before its time); 77 for an officer who is not an admin.
 */
import {instantDate} from '../../db/index.js';
import {expireInvitations, ITA_VALID_DAYS} from '../cases/rounds.js';
import {dayNumber, fromDayNumber} from '../rules/dates.js';
import {dateFlag, type Command} from './context.js';
import {EXIT} from './exit-codes.js';
import {withReadSession, withSession} from './session.js';
import {expectPositionals, usageError} from './usage.js';

/** Cases read per statement for the text lines. */
const CHUNK = 500;

export const itaCommand: Command = async (context) => {
	const {args, flags, stdout, today} = context;
	if (args.length === 0) throw usageError('ita', 'missing the subcommand expire');
	if (args[0] !== 'expire') throw usageError('ita', `unknown subcommand ${JSON.stringify(args[0])}`);
	expectPositionals('ita', args, ['expire']);
	const asOf = dateFlag(flags, 'asOf', '--as-of') ?? today;
	if (asOf > today) throw usageError('ita', `--as-of: ${asOf} is after today (${today}); invitations expire only once their 60 days are over`);
	return (flags.dryRun === true ? withReadSession : withSession)(context, async (session) => {
		const dryRun = flags.dryRun === true;
		const result = await expireInvitations(session, asOf, {dryRun});
		if (flags.json) {
			stdout.write(`${JSON.stringify({asOf: result.asOf, expired: result.expired, ...(dryRun ? {dryRun: true} : {})})}\n`);
			return EXIT.ok;
		}
		if (result.expired.length === 0) {
			stdout.write(`No invitation expired on ${asOf}.${dryRun ? ' (dry run)' : ''}\n`);
			return EXIT.ok;
		}
		const invitedAt = new Map<string, string | null>();
		for (let i = 0; i < result.expired.length; i += CHUNK) {
			const rows = await session.store.db
				.selectFrom('applications')
				.select(['application_number', 'invited_at'])
				.where('application_number', 'in', result.expired.slice(i, i + CHUNK))
				.execute();
			for (const row of rows) invitedAt.set(row.application_number, row.invited_at);
		}
		const lines = result.expired.map((number) => {
			const at = invitedAt.get(number);
			const outcome = dryRun ? 'would be withdrawn' : 'now withdrawn';
			if (!at) return `${number}  ITA expired  ${outcome}`;
			const ita = instantDate(at);
			return `${number}  ITA ${ita}  deadline ${fromDayNumber(dayNumber(ita) + ITA_VALID_DAYS)}  ${outcome}`;
		});
		const n = result.expired.length;
		lines.push(`${n.toLocaleString('en-CA')} invitation${n === 1 ? '' : 's'} expired on ${asOf}${dryRun ? ' (dry run: nothing changed; run without --dry-run to withdraw them)' : ''}`);
		stdout.write(`${lines.join('\n')}\n`);
		return EXIT.ok;
	});
};
