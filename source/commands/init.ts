/**
 * `caips init`: creates the store (and its folder) at --db / CAIPS_DB / the default path; the
 * user who runs it (OS login, or CAIPS_OFFICER) becomes its first admin, officer and supervisor,
 * and the reason codes are seeded. On a store that already has officers nothing changes: it
 * says so and exits 0 (safe to run twice, never wipes). `--json`: `{created, path, admin}` or
 * `{created: false, path, officers, isOfficer}`.
 */
import {nowInstant} from '../../db/index.js';
import {initStore} from '../cases/officers.js';
import {osIdentity} from '../cases/session.js';
import {formatValue} from '../format/format-error.js';
import {safeText} from '../ui/terminal-text.js';
import type {Command} from './context.js';
import {EXIT} from './exit-codes.js';
import {storePathOf, withStore} from './session.js';
import {usageError} from './usage.js';

export const initCommand: Command = async (context) => {
	const {args, flags, env, stdout} = context;
	if (args.length > 0) throw usageError('init', `unexpected argument ${formatValue(args[0])}: init takes none (the store is --db PATH or CAIPS_DB)`);
	const identity = osIdentity(env);
	const path = storePathOf(context);
	const shownPath = safeText(path);
	const user = safeText(identity.userName);
	const result = await withStore(context, {create: true}, (store) => initStore(store, identity, () => nowInstant()));
	if (flags.json) {
		stdout.write(JSON.stringify({path, ...result}) + '\n');
	} else if (result.created) {
		stdout.write(`created the caips store at ${shownPath}; ${result.admin} is its admin, officer and supervisor (${result.reasonCodes} reason codes seeded)\n`);
	} else {
		const you = result.isOfficer ? '' : `; ${user} is not one of them (an admin adds officers: caips officer add ${user} --role officer)`;
		stdout.write(`the caips store at ${shownPath} is already set up with ${result.officers} officer${result.officers === 1 ? '' : 's'}; nothing changed${you}\n`);
	}
	return EXIT.ok;
};
