/**
 * Reading an input file named on the command line: a missing or unreadable file is bad input
 * (exit 65) with one line naming the file.
 */
import {readFile} from 'node:fs/promises';
import {CliError, EXIT} from './exit-codes.js';

/** The text of `path`, or '-' for standard input; throws CliError(65) naming the file. */
export async function readInputText(path: string, stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
	try {
		if (path === '-') {
			const chunks: Buffer[] = [];
			for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
			return Buffer.concat(chunks).toString('utf8');
		}
		return await readFile(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : 'cannot be read';
		throw new CliError(EXIT.dataError, `${path}: ${why}`);
	}
}
