/**
 * `caips import FILE…`: stores the applications of each file, all or nothing per file, in the
 * order given (`-` reads standard input). It stops at the first file that cannot be imported:
 * that file's one-line error (file, JSON path, value) goes to stderr with exit 65, and the files
 * before it stay imported (their "imported N applications from FILE" lines are already on
 * stdout, and the error line says how many). `--json`: one line `{"files": [{file, imported}]}`
 * once every file is in.
 */
import {importApplications, type ImportResult} from '../cases/import.js';
import {FormatError, parseApplicationFile} from '../format/parse.js';
import {safeText} from '../ui/terminal-text.js';
import type {Command} from './context.js';
import {CliError, EXIT} from './exit-codes.js';
import {readInputText} from './read-input.js';
import {withSession} from './session.js';
import {usageError} from './usage.js';

function oneLine(error: unknown): {code: number; message: string} | null {
	if (error instanceof FormatError) return {code: EXIT.dataError, message: error.message};
	if (error instanceof CliError) return {code: error.exitCode, message: error.message};
	const code = (error as {exitCode?: unknown})?.exitCode;
	if (error instanceof Error && typeof code === 'number') return {code, message: error.message.split('\n')[0]!};
	return null;
}

export const importCommand: Command = async (context) => {
	const {args, flags, stdout, today} = context;
	if (args.length === 0) throw usageError('import', 'missing FILE (application files; - reads standard input)');
	return withSession(context, async (session) => {
		const done: ImportResult[] = [];
		for (const [index, file] of args.entries()) {
			try {
				const applications = parseApplicationFile(await readInputText(file), file);
				const result = await importApplications(session, applications, {file, today});
				done.push(result);
				if (!flags.json) {
					const n = result.imported.length;
					stdout.write(`imported ${n} application${n === 1 ? '' : 's'} from ${safeText(file)}\n`);
				}
			} catch (error) {
				const known = oneLine(error);
				if (!known) throw error;
				const before = done.length === 0 ? '' : `; the ${done.length} file${done.length === 1 ? '' : 's'} before it stay${done.length === 1 ? 's' : ''} imported`;
				const after = args.length - index - 1;
				const skipped = after === 0 ? '' : `; ${after} file${after === 1 ? '' : 's'} after it not read`;
				const stopped = known.code === EXIT.dataError ? `; nothing imported from ${safeText(file)}${before}${skipped}` : `${before}${skipped}`;
				throw new CliError(known.code as CliError['exitCode'], `${safeText(known.message)}${stopped}`);
			}
		}
		if (flags.json) stdout.write(JSON.stringify({files: done}) + '\n');
		return EXIT.ok;
	});
};
