/** Recognising node-sqlite3 errors. */

/**
 * The SQLite result code name of a node-sqlite3 error (`'SQLITE_BUSY'`, `'SQLITE_CONSTRAINT'`, …),
 * or undefined when the value is not such an error.
 */
export function sqliteErrorCode(err: unknown): string | undefined {
	if (typeof err !== 'object' || err === null) return undefined;
	const code = (err as {code?: unknown}).code;
	return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/**
 * True for the errors worth retrying a whole transaction for: SQLITE_BUSY (another process holds
 * the lock past the busy timeout) and SQLITE_LOCKED (a conflict inside this process).
 */
export function isBusyError(err: unknown): boolean {
	const code = sqliteErrorCode(err);
	if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return true;
	// Extended codes are not exposed by node-sqlite3, but the message carries the base name.
	return code === undefined && err instanceof Error && /^SQLITE_(BUSY|LOCKED)\b/.test(err.message);
}
