/**
 * Why a store cannot be opened, in words that blame the right thing: the directory when the
 * directory cannot be made or written, the file when the file cannot be read or written. Used by
 * openStore for the message of StoreUnavailableError (`cannot open the caips store at PATH: …`).
 */
import {accessSync, constants, statSync} from 'node:fs';
import path from 'node:path';
import {sqliteErrorCode} from './sqlite/errors.js';

/** What a system error code means, in words (`EACCES` → `permission denied`). */
const ERRNO_WORDS: Record<string, string> = {
	EACCES: 'permission denied',
	EPERM: 'operation not permitted',
	EROFS: 'on a read-only file system',
	ENOENT: 'no such file or directory',
	ENOTDIR: 'a part of the path is not a directory',
	EISDIR: 'is a directory',
	ENOSPC: 'no space left on the device',
	ELOOP: 'too many symbolic links',
	ENAMETOOLONG: 'the name is too long',
};

/** A system error (`EACCES`, …) in words, without repeating its code: `permission denied`. */
export function errnoWords(err: NodeJS.ErrnoException): string {
	const code = err.code ?? '';
	if (ERRNO_WORDS[code]) return ERRNO_WORDS[code]!;
	// Node's own message starts with the code and ends with the call: "EIO: i/o error, open '/x'".
	return err.message.replace(/^[A-Z0-9_]+: /, '').replace(/, \w+ '[^']*'$/, '') || code;
}

function problemWith(target: string, mode: number): NodeJS.ErrnoException | null {
	try {
		accessSync(target, mode);
		return null;
	} catch (err) {
		return err as NodeJS.ErrnoException;
	}
}

/**
 * Checks, before SQLite is asked, what opening `file` needs from the file system, and returns
 * the first thing missing in words, or null when nothing is. Writing (`readOnly` false) needs
 * the file readable and writable and its directory writable (SQLite keeps the `-wal` and `-shm`
 * files beside the store, and creates the store there); reading needs the file readable.
 * The directory is assumed to exist (openStore creates it first when writing).
 */
export function openProblem(file: string, readOnly: boolean): string | null {
	const dir = path.dirname(file);
	let isFile = false;
	try {
		const info = statSync(file);
		if (info.isDirectory()) return 'it is a directory, not a store file';
		isFile = true;
	} catch (err) {
		const code = (err as NodeJS.ErrnoException).code;
		if (code !== 'ENOENT') return `the file cannot be read: ${errnoWords(err as NodeJS.ErrnoException)}`;
	}
	if (isFile) {
		const unreadable = problemWith(file, constants.R_OK);
		if (unreadable) return `the file cannot be read: ${errnoWords(unreadable)}`;
		if (readOnly) return null;
		const unwritable = problemWith(file, constants.W_OK);
		if (unwritable) return `the file is not writable by you (${errnoWords(unwritable)})`;
	} else if (readOnly) {
		return 'no such file';
	}
	const dirProblem = problemWith(dir, constants.W_OK | constants.X_OK);
	if (dirProblem) {
		return isFile
			? `its directory ${dir} is not writable by you (${errnoWords(dirProblem)}); SQLite keeps the store's -wal and -shm files beside it`
			: `cannot create the store in ${dir}: ${errnoWords(dirProblem)}`;
	}
	return null;
}

/** True when `file` (an existing store) cannot be opened for writing by this process: file or directory. */
export function cannotWrite(file: string): boolean {
	return problemWith(file, constants.W_OK) !== null || problemWith(path.dirname(file), constants.W_OK | constants.X_OK) !== null;
}

/** The reason an open failed, from SQLite's or the system's error, in words. */
export function reasonOf(err: unknown): string {
	const code = sqliteErrorCode(err);
	if (code === 'SQLITE_NOTADB') return 'the file is not an SQLite database';
	if (code === 'SQLITE_CANTOPEN') return 'the file cannot be opened (check the path and permissions)';
	if (code === 'SQLITE_READONLY') return 'the file is read-only';
	if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return 'the store is locked by another process';
	if (code === 'SQLITE_CORRUPT') return 'the file is damaged, or was changed while it was read';
	if (err instanceof Error) {
		const sys = err as NodeJS.ErrnoException;
		if (sys.code && !sys.code.startsWith('SQLITE_')) {
			if (sys.syscall === 'mkdir' && sys.path) return `cannot create the directory ${sys.path}: ${errnoWords(sys)}`;
			return `${errnoWords(sys)}${sys.path ? ` (${sys.path})` : ''}`;
		}
		return err.message;
	}
	return String(err);
}
