/**
 * Opening the store for a command: `--db`, then `CAIPS_DB`, then the default path; the acting
 * officer is the OS login (or CAIPS_OFFICER). The store is closed when the command ends.
 */
import {existsSync} from 'node:fs';
import {nowInstant, openStore, resolveStorePath, StoreUnavailableError, type Store} from '../../db/index.js';
import {loadActor, osIdentity, type Session} from '../cases/session.js';
import type {CommandContext} from './context.js';

/** The store path (or URL) a command will use. */
export function storePathOf(context: Pick<CommandContext, 'flags' | 'env'>): string {
	return resolveStorePath(typeof context.flags.db === 'string' ? context.flags.db : undefined, context.env);
}

/**
 * Opens an existing store (or creates it when `create`), runs `fn` with a session for the
 * acting officer, and closes the store. Throws StoreUnavailableError (exit 69) when there is no
 * store at the path and `create` is false.
 */
export async function withStore<T>(context: Pick<CommandContext, 'flags' | 'env'>, options: {create?: boolean}, fn: (store: Store) => Promise<T>): Promise<T> {
	const path = storePathOf(context);
	if (/^postgres(ql)?:\/\//.test(path)) throw new StoreUnavailableError(path, 'PostgreSQL stores are not supported by this build yet');
	if (!options.create && path !== ':memory:' && !existsSync(path)) {
		throw new StoreUnavailableError(path, 'no store here (create one with "caips init", or "caips demo" for demo data)');
	}
	const store = await openStore(path);
	try {
		return await fn(store);
	} finally {
		await store.close();
	}
}

/** Like withStore, with a session for the acting officer (PermissionError when not an officer). */
export async function withSession<T>(context: Pick<CommandContext, 'flags' | 'env'>, fn: (session: Session) => Promise<T>): Promise<T> {
	return withStore(context, {}, async (store) => {
		const {userName, osUser} = osIdentity(context.env);
		const actor = await loadActor(store, userName, osUser);
		return fn({store, actor, now: () => nowInstant()});
	});
}
