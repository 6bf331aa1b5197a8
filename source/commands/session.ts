/**
 * Opening the store for a command: `--db`, then `CAIPS_DB`, then the default path; the acting
 * officer is the OS login (or CAIPS_OFFICER). The store is closed when the command ends.
 *
 * Commands that only read (listing a queue, showing a case, verifying the audit trail, …) use
 * {@link withReadSession}: when the user cannot write the store's file or its directory, it is
 * opened read-only (db/read-only.ts) instead of failing, and the reads it could not record in
 * the audit trail are announced on stderr (one line; stdout keeps only the output).
 */
import {existsSync} from 'node:fs';
import {cannotWrite, nowInstant, openStore, resolveStorePath, StoreUnavailableError, type Store} from '../../db/index.js';
import {loadActor, osIdentity, type Session} from '../cases/session.js';
import type {CommandContext} from './context.js';

/** The store path (or URL) a command will use. */
export function storePathOf(context: Pick<CommandContext, 'flags' | 'env'>): string {
	return resolveStorePath(typeof context.flags.db === 'string' ? context.flags.db : undefined, context.env);
}

/** Options of {@link withStore}. */
export type WithStoreOptions = {
	/** Create the store when there is none (`caips init`, `caips demo`). */
	create?: boolean;
	/** The command only reads: open the store read-only when the user cannot write it. */
	reads?: boolean;
};

/**
 * Opens an existing store (or creates it when `create`), runs `fn` with it, and closes it.
 * Throws StoreUnavailableError (exit 69) when there is no store at the path and `create` is
 * false, or when it cannot be opened (the message names the file or the directory at fault).
 */
export async function withStore<T>(context: Pick<CommandContext, 'flags' | 'env'>, options: WithStoreOptions, fn: (store: Store) => Promise<T>): Promise<T> {
	const path = storePathOf(context);
	if (/^postgres(ql)?:\/\//.test(path)) throw new StoreUnavailableError(path, 'PostgreSQL stores are not supported by this build yet');
	if (!options.create && path !== ':memory:' && !existsSync(path)) {
		throw new StoreUnavailableError(path, 'no store here (create one with "caips init", or "caips demo" for demo data)');
	}
	const readOnly = options.reads === true && path !== ':memory:' && cannotWrite(path);
	const store = await openStore(path, {readOnly});
	try {
		return await fn(store);
	} finally {
		await store.close();
	}
}

/** Like withStore, with a session for the acting officer (PermissionError when not an officer). */
export async function withSession<T>(context: Pick<CommandContext, 'flags' | 'env'>, fn: (session: Session) => Promise<T>, options: WithStoreOptions = {}): Promise<T> {
	return withStore(context, options, async (store) => {
		const {userName, osUser} = osIdentity(context.env);
		const actor = await loadActor(store, userName, osUser);
		return fn({store, actor, now: () => nowInstant()});
	});
}

/**
 * withSession for a command that only reads (and audits what it shows): a store the user cannot
 * write is opened read-only, and when the audit events of the read could not be recorded a
 * one-line note says so on stderr after the output.
 */
export async function withReadSession<T>(context: Pick<CommandContext, 'flags' | 'env' | 'stderr'>, fn: (session: Session) => Promise<T>): Promise<T> {
	return withSession(
		context,
		async (session) => {
			const result = await fn(session);
			const unrecorded = await session.store.unrecordedAuditEvents();
			if (unrecorded > 0) {
				context.stderr.write(`caips: note: the store at ${session.store.path} is read-only for you, so this read was not recorded in its audit trail\n`);
			}
			return result;
		},
		{reads: true},
	);
}
