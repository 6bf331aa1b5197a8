/**
 * `caips note add APP (--text T | --file F | -) [--corrects NOTE_ID] [--json]`: appends a note to a
 * case (notes are never edited; a correction names the note it corrects). Prints the new note's id.
 */
import {formatValue} from '../format/format-error.js';
import {addNote} from '../cases/notes.js';
import type {Command} from './context.js';
import {CliError, EXIT} from './exit-codes.js';
import {readInputText} from './read-input.js';
import {withSession} from './session.js';

const USAGE = 'usage: caips note add APP (--text T | --file F | -) [--corrects NOTE_ID]';

export const noteCommand: Command = async (context) => {
	const {args, flags, stdout} = context;
	const [sub, app, ...rest] = args;
	if (sub !== 'add' || !app) throw new CliError(EXIT.usage, USAGE);
	const stdin = rest.length === 1 && rest[0] === '-';
	if (rest.length > 0 && !stdin) throw new CliError(EXIT.usage, `caips note add: unexpected argument ${formatValue(rest[0])} (${USAGE})`);
	const sources = [typeof flags.text === 'string', typeof flags.file === 'string', stdin].filter(Boolean).length;
	if (sources !== 1) throw new CliError(EXIT.usage, `caips note add: give the note with exactly one of --text, --file or - (${USAGE})`);
	let correctsNoteId: number | undefined;
	if (flags.corrects !== undefined) {
		correctsNoteId = Number(flags.corrects);
		if (!/^\d+$/.test(String(flags.corrects)) || !Number.isSafeInteger(correctsNoteId) || correctsNoteId < 1) {
			throw new CliError(EXIT.usage, `--corrects: ${formatValue(flags.corrects)} is not a note id`);
		}
	}
	const body = typeof flags.text === 'string' ? flags.text : await readInputText(typeof flags.file === 'string' ? flags.file : '-');
	const note = await withSession(context, (session) => addNote(session, app, body, {correctsNoteId}));
	if (flags.json) stdout.write(JSON.stringify(note) + '\n');
	else stdout.write(`note ${note.id} added to ${note.applicationNumber}${note.correctsNoteId === null ? '' : ` (corrects note ${note.correctsNoteId})`}\n`);
	return EXIT.ok;
};
