/**
 * `caips note add APP (--text T | --file F | -) [--corrects NOTE_ID] [--json]`: appends a note to a
 * case (notes are never edited; a correction names the note it corrects). Prints the new note's id.
 * Exit 2, before the store is opened, for a missing APP or note, two sources, a blank --text or a
 * bad --corrects; 65 for a file that cannot be read, an empty or too long note, no such case or note.
 */
import {formatValue} from '../format/format-error.js';
import {addNote} from '../cases/notes.js';
import type {Command} from './context.js';
import {CliError, EXIT} from './exit-codes.js';
import {readInputText} from './read-input.js';
import {withSession} from './session.js';
import {usageError} from './usage.js';

export const noteCommand: Command = async (context) => {
	const {args, flags, stdout} = context;
	const [sub, app, ...rest] = args;
	if (sub === undefined) throw usageError('note', 'missing the subcommand add');
	if (sub !== 'add') throw usageError('note', `unknown subcommand ${formatValue(sub)}`);
	if (app === undefined) throw usageError('note', 'missing APP');
	const stdin = rest.length === 1 && rest[0] === '-';
	if (rest.length > 0 && !stdin) throw usageError('note', `unexpected argument ${formatValue(rest[0])}`);
	const sources = [typeof flags.text === 'string', typeof flags.file === 'string', stdin].filter(Boolean).length;
	if (sources === 0) throw usageError('note', 'missing the note: give --text T, --file F or - (standard input)');
	if (sources > 1) throw usageError('note', 'give the note with only one of --text, --file or -');
	if (typeof flags.text === 'string' && flags.text.trim() === '') throw new CliError(EXIT.usage, '--text: the note must not be blank');
	if (typeof flags.file === 'string' && flags.file === '') throw new CliError(EXIT.usage, '--file: give a file name (or - for standard input)');
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
