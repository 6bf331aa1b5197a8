/** Types of patches.mjs (a plain .mjs: the build runs it with node, before any TypeScript is compiled). */
export type Patch = {name: string; file: RegExp; from: string; to: string};
export declare const PATCHES: readonly Patch[];
export declare function applyPatch(source: string, patch: Patch, path: string): string;
