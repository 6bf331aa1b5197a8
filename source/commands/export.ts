/**
 * `caips export APP [--format json|notes]`: one case on stdout. `json` (default): the
 * application file format, which `caips import` reads back (notes and documents included);
 * `notes`: the GCMS-notes-style record (status, findings, decisions, history), byte-identical
 * when run twice on an unchanged case. Both are audited as `export`.
 */
import {exportCaseJson} from '../cases/export-json.js';
import {exportCaseNotes} from '../cases/export-notes.js';
import type {Command} from './context.js';
import {CliError, EXIT} from './exit-codes.js';
import {withSession} from './session.js';
import {expectPositionals} from './usage.js';

const FORMATS = ['json', 'notes'] as const;

export const exportCommand: Command = async (context) => {
	const {args, flags, stdout} = context;
	const [applicationNumber] = expectPositionals('export', args, ['APP']) as [string];
	const format = flags.format === undefined ? 'json' : flags.format;
	if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) {
		throw new CliError(EXIT.usage, `--format: ${JSON.stringify(format)} is not json or notes`);
	}
	return withSession(context, async (session) => {
		if (format === 'notes') stdout.write(await exportCaseNotes(session, applicationNumber));
		else stdout.write(JSON.stringify(await exportCaseJson(session, applicationNumber), null, 2) + '\n');
		return EXIT.ok;
	});
};
