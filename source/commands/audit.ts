/**
 * `caips audit verify [--json]`: recomputes the audit trail's hash chain. Prints
 * "audit trail intact: N events" (exit 0) or "audit trail broken at event SEQ: problem" (exit 1,
 * on stdout: it is the check's result, not a failure of the command). Auditors, admins and
 * supervisors may verify; the verification itself is audited (`audit-verify`, with its result),
 * and a refused attempt too. `--json`: `{ok, events}` or `{ok: false, events, seq, problem}`.
 */
import {recordAudit, verifyAudit} from '../cases/audit.js';
import {formatValue} from '../format/format-error.js';
import {requireRole, write} from '../cases/session.js';
import type {OfficerRole} from '../../db/index.js';
import type {Command} from './context.js';
import {EXIT} from './exit-codes.js';
import {withReadSession} from './session.js';
import {expectPositionals, usageError} from './usage.js';

/** Who may verify the audit trail. */
export const AUDIT_VERIFY_ROLES: readonly OfficerRole[] = ['auditor', 'admin', 'supervisor'];

export const auditCommand: Command = async (context) => {
	const {args, flags, stdout} = context;
	if (args[0] === undefined) throw usageError('audit', 'missing the subcommand verify');
	if (args[0] !== 'verify') throw usageError('audit', `unknown subcommand ${formatValue(args[0])}`);
	expectPositionals('audit', args, ['verify']);
	return withReadSession(context, async (session) => {
		// A refusal is audited (write). The chain is read outside any transaction (in pages by
		// sequence number), so writers are not held up meanwhile.
		if (!AUDIT_VERIFY_ROLES.some((role) => session.actor.roles.has(role))) {
			await write(session, {action: 'audit-verify'}, async () => requireRole(session.actor, AUDIT_VERIFY_ROLES, 'verifying the audit trail'));
		}
		const result = await verifyAudit(session.store.db);
		await write(session, {action: 'audit-verify'}, (trx) =>
			recordAudit(trx, session, {action: 'audit-verify', detail: result.ok ? {ok: true, events: result.events} : {ok: false, seq: result.seq, problem: result.problem}}),
		);
		if (flags.json) stdout.write(JSON.stringify(result) + '\n');
		else if (result.ok) stdout.write(`audit trail intact: ${result.events} events\n`);
		else stdout.write(`audit trail broken at event ${result.seq}: ${result.problem}\n`);
		return result.ok ? EXIT.ok : EXIT.checkFailed;
	});
};
