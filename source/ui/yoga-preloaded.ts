/**
 * Ink's `yoga-layout` in the bundled CLI (source/build/bundle.mjs resolves Ink's imports of it
 * here): the layout engine {@link loadLayoutEngine} loaded before Ink's code was evaluated. The
 * package's own entry loads its WebAssembly with a top-level await, which the CommonJS script
 * the launcher compiles from V8's code cache cannot hold.
 */
import type {Yoga} from 'yoga-layout/load';
import {loadedLayoutEngine} from './layout-engine.js';

/** The loaded engine. Throws if Ink is evaluated before the engine was loaded (a bug of the caller). */
const yoga: Yoga = loadedLayoutEngine();
export default yoga;
