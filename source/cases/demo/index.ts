/**
 * The demo store: `buildDemo(store, options)` fills an open store; `buildDemoStore` opens (or
 * creates) the store at a path with the fixed demo clock, fills it, and closes it.
 */
import {openStore} from '../../../db/index.js';
import {osIdentity} from '../session.js';
import {buildDemo, DEMO_NOW, type DemoSummary} from './build.js';

export {buildDemo, DEMO_NOW, StoreHasCasesError, type DemoOptions, type DemoSummary} from './build.js';

/**
 * Creates (or opens) the store at `path` and builds the demo in it for the user named by `env`
 * (CAIPS_OFFICER or the OS login). The store's own timestamps (schema migrations) use the demo's
 * clock too, so the same seed gives the same content. Throws StoreHasCasesError (exit 2) when
 * the store already has cases, StoreUnavailableError (exit 69) when it cannot be opened.
 */
export async function buildDemoStore(options: {path: string; env?: NodeJS.ProcessEnv; cases?: number; seed?: number; now?: string}): Promise<DemoSummary & {path: string}> {
	const now = options.now ?? DEMO_NOW;
	const store = await openStore(options.path, {clock: () => new Date(now)});
	try {
		const summary = await buildDemo(store, {cases: options.cases, seed: options.seed, now, user: osIdentity(options.env ?? process.env)});
		return {...summary, path: store.path};
	} finally {
		await store.close();
	}
}
