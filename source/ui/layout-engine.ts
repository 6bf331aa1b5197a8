/**
 * Ink's layout engine (yoga, compiled to WebAssembly), loaded before Ink's code runs. Loading it is
 * asynchronous (the WebAssembly is compiled and instantiated); Ink takes it from here through
 * yoga-preloaded.ts in the bundled CLI. Under the tests (no bundle) Ink imports yoga-layout itself.
 */
import type {Yoga} from 'yoga-layout/load';

let engine: Yoga | undefined;

/** Loads the engine once; later calls resolve at once. Call it before `import('ink')`. */
export async function loadLayoutEngine(): Promise<void> {
	if (engine) return;
	const {loadYoga} = await import('yoga-layout/load');
	engine ??= await loadYoga();
}

/** The engine {@link loadLayoutEngine} loaded. Throws an Error if it has not been loaded. */
export function loadedLayoutEngine(): Yoga {
	if (!engine) throw new Error('Ink was loaded before its layout engine: await loadLayoutEngine() first');
	return engine;
}
