/**
 * `caips document`: documents of a case.
 * - `add APP FILE --kind K [--title T] [--media-type M]`: attaches a file (media type guessed
 *   from the extension when not given: .txt, .pdf, .jpg/.jpeg, .png; else application/octet-stream).
 * - `list APP [--json]`: the documents, without their bytes.
 * - `show DOC_ID [--json]`: the text of a text/* document, made safe for the terminal.
 * - `verify APP [--json]`: recomputes every SHA-256; exit 1 when any differs from the one recorded.
 *
 * Exit 2, before the store is opened, for a missing subcommand or argument, a missing or unknown
 * --kind, a blank --title, a --media-type that is not one, a DOC_ID that is not a number; 65 for
 * a file that cannot be read or is too large, a file name or title the store refuses, no such case
 * or document.
 */
import {escapeControls, formatValue} from '../format/format-error.js';
import {stat, readFile} from 'node:fs/promises';
import {basename, extname} from 'node:path';
import {addDocument, DOCUMENT_KINDS, DOCUMENT_MAX_BYTES, showDocumentText, verifyDocuments, viewDocuments, type DocumentInfo} from '../cases/documents.js';
import type {Session} from '../cases/session.js';
import {padWidth, safeLines, safeText} from '../ui/terminal-text.js';
import type {Command, CommandContext} from './context.js';
import {CliError, EXIT} from './exit-codes.js';
import {withReadSession, withSession} from './session.js';
import {usageError} from './usage.js';

const MEDIA_TYPES: Record<string, string> = {
	'.txt': 'text/plain',
	'.pdf': 'application/pdf',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.png': 'image/png',
};

/** The media type for a file name's extension (application/octet-stream when unknown). */
export function guessMediaType(fileName: string): string {
	return MEDIA_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

function expectArgs(sub: string, args: string[], names: string[]): void {
	if (args.length < names.length) throw usageError('document', `${sub} needs ${names.slice(args.length).join(' and ')}`);
	if (args.length > names.length) throw usageError('document', `${sub}: unexpected argument ${formatValue(args[names.length])}`);
}

async function readDocumentFile(file: string): Promise<Buffer> {
	try {
		const info = await stat(file);
		if (info.isDirectory()) throw new CliError(EXIT.dataError, `${escapeControls(file)}: is a directory`);
		if (info.size > DOCUMENT_MAX_BYTES) {
			throw new CliError(EXIT.dataError, `${escapeControls(file)}: ${info.size.toLocaleString('en-CA')} bytes; the limit is ${DOCUMENT_MAX_BYTES.toLocaleString('en-CA')} bytes (10 MiB)`);
		}
		return await readFile(file);
	} catch (error) {
		if (error instanceof CliError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		throw new CliError(EXIT.dataError, `${escapeControls(file)}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read'}`);
	}
}

async function add(context: CommandContext, app: string, file: string): Promise<number> {
	const {flags, stdout} = context;
	if (typeof flags.kind !== 'string' || flags.kind.trim() === '') throw usageError('document', `--kind K is required (one of ${DOCUMENT_KINDS.join(', ')})`);
	if (!(DOCUMENT_KINDS as readonly string[]).includes(flags.kind)) throw new CliError(EXIT.usage, `--kind: ${formatValue(flags.kind)} is not one of ${DOCUMENT_KINDS.join(', ')}`);
	if (typeof flags.title === 'string' && flags.title.trim() === '') throw new CliError(EXIT.usage, '--title: must not be blank (without --title, the file name is the title)');
	if (typeof flags.mediaType === 'string') {
		const {mediaTypeSchema} = await import('../format/scalars.js');
		if (!mediaTypeSchema.safeParse(flags.mediaType).success) throw new CliError(EXIT.usage, `--media-type: ${formatValue(flags.mediaType)} is not a media type like application/pdf`);
	}
	const fileName = basename(file);
	const content = await readDocumentFile(file);
	const input = {
		fileName,
		kind: flags.kind,
		title: typeof flags.title === 'string' ? flags.title : undefined,
		mediaType: typeof flags.mediaType === 'string' ? flags.mediaType : guessMediaType(fileName),
		content,
	};
	const doc = await withSession(context, (session) => addDocument(session, app, input));
	if (flags.json) stdout.write(JSON.stringify(doc) + '\n');
	else stdout.write(`document ${doc.id} added to ${doc.applicationNumber}: ${safeText(doc.fileName)} (${doc.kind}, ${doc.mediaType}, ${doc.sizeBytes.toLocaleString('en-CA')} bytes, sha256 ${doc.sha256})\n`);
	return EXIT.ok;
}

async function allDocuments(session: Session, app: string): Promise<DocumentInfo[]> {
	const documents: DocumentInfo[] = [];
	let page = await viewDocuments(session, app, {limit: 1000});
	documents.push(...page.documents);
	while (page.next) {
		page = await viewDocuments(session, app, {after: page.next, limit: 1000});
		documents.push(...page.documents);
	}
	return documents;
}

async function list(context: CommandContext, app: string): Promise<number> {
	const documents = await withReadSession(context, (session) => allDocuments(session, app));
	if (context.flags.json) {
		context.stdout.write(JSON.stringify({applicationNumber: app, documents}, null, 2) + '\n');
		return EXIT.ok;
	}
	if (documents.length === 0) {
		context.stdout.write(`${app} has no documents\n`);
		return EXIT.ok;
	}
	const lines = [`${padWidth('ID', 6, 'right')}  ${padWidth('KIND', 20)}  ${padWidth('BYTES', 12, 'right')}  ${padWidth('ADDED', 16)}  FILE — TITLE`];
	for (const d of documents) {
		lines.push(
			`${padWidth(String(d.id), 6, 'right')}  ${padWidth(safeText(d.kind), 20)}  ${padWidth(d.sizeBytes.toLocaleString('en-CA'), 12, 'right')}  ${d.addedAt.slice(0, 16).replace('T', ' ')}  ${safeText(d.fileName)} — ${safeText(d.title)}`,
		);
	}
	context.stdout.write(lines.join('\n') + '\n');
	return EXIT.ok;
}

async function show(context: CommandContext, idText: string): Promise<number> {
	const id = Number(idText);
	if (!/^\d+$/.test(idText) || !Number.isSafeInteger(id) || id < 1) throw usageError('document', `show: ${formatValue(idText)} is not a document id`);
	const shown = await withReadSession(context, (session) => showDocumentText(session, id));
	if (context.flags.json) context.stdout.write(JSON.stringify(shown) + '\n');
	else context.stdout.write(safeLines(shown.text).join('\n') + '\n');
	return EXIT.ok;
}

async function verify(context: CommandContext, app: string): Promise<number> {
	const checks = await withReadSession(context, (session) => verifyDocuments(session, app));
	const bad = checks.filter((c) => !c.ok);
	if (context.flags.json) {
		context.stdout.write(JSON.stringify({applicationNumber: app, ok: bad.length === 0, documents: checks}, null, 2) + '\n');
	} else {
		const lines = checks.map((c) =>
			c.ok
				? `ok   ${c.id}  ${safeText(c.fileName)}`
				: `BAD  ${c.id}  ${safeText(c.fileName)}: recorded sha256 ${c.storedSha256} (${c.storedSizeBytes} bytes), now ${c.actualSha256} (${c.actualSizeBytes} bytes)`,
		);
		lines.push(`${app}: ${checks.length} document${checks.length === 1 ? '' : 's'}, ${checks.length - bad.length} ok, ${bad.length} changed`);
		context.stdout.write(lines.join('\n') + '\n');
	}
	return bad.length === 0 ? EXIT.ok : EXIT.checkFailed;
}

/** The options of `document add`, refused with the other subcommands. */
const ADD_FLAGS = [
	['kind', '--kind'],
	['title', '--title'],
	['mediaType', '--media-type'],
] as const;

export const documentCommand: Command = async (context) => {
	const [sub, ...rest] = context.args;
	if (sub === 'list' || sub === 'show' || sub === 'verify') {
		const given = ADD_FLAGS.find(([key]) => context.flags[key] !== undefined);
		if (given) throw usageError('document', `${given[1]} is an option of document add, not of document ${sub}`);
	}
	switch (sub) {
		case 'add':
			expectArgs('add', rest, ['APP', 'FILE']);
			return add(context, rest[0]!, rest[1]!);
		case 'list':
			expectArgs('list', rest, ['APP']);
			return list(context, rest[0]!);
		case 'show':
			expectArgs('show', rest, ['DOC_ID']);
			return show(context, rest[0]!);
		case 'verify':
			expectArgs('verify', rest, ['APP']);
			return verify(context, rest[0]!);
		case undefined:
			throw usageError('document', 'missing the subcommand add, list, show or verify');
		default:
			throw usageError('document', `unknown subcommand ${formatValue(sub)}`);
	}
};
