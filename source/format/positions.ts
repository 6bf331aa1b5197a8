/**
 * Where each value of a JSON document sits, so that problems can be reported in document order
 * and with a line and column. Pure data, no I/O.
 */

/** A step in a JSON path: an object key or an array index. */
export type PathStep = string | number;

/**
 * The position of one value. For an object member `offset` is where its key starts; for an array
 * element (or the root) it is where the value starts. Containers also carry `end` (the offset of
 * their closing bracket) and their members or elements in `children`.
 */
export type PositionNode = {
	offset: number;
	end?: number;
	children?: Map<PathStep, PositionNode>;
};

/**
 * The position of the value at `path` below `root`. A path that leaves the tree (a missing key,
 * a key below a scalar) resolves to the end of the deepest container on it (or the scalar's own
 * offset), which is where a missing member would have been written.
 */
export function offsetOf(root: PositionNode, path: readonly PathStep[]): number {
	let node = root;
	for (const step of path) {
		const child = node.children?.get(step);
		if (child === undefined) return node.end ?? node.offset;
		node = child;
	}
	return node.offset;
}

/**
 * Builds ordinal positions for a value that did not come from text (e.g. an object built in
 * code): members are numbered depth-first in `Object.keys` order, so sorting by the result gives
 * the order a JSON serialisation would have. Repeated or cyclic references are visited once.
 */
export function positionsOfValue(value: unknown): PositionNode {
	let counter = 0;
	const seen = new Set<object>();
	const visit = (v: unknown, offset: number): PositionNode => {
		if (typeof v !== 'object' || v === null || seen.has(v)) return {offset};
		seen.add(v);
		const children = new Map<PathStep, PositionNode>();
		if (Array.isArray(v)) {
			v.forEach((item, index) => children.set(index, visit(item, counter++)));
		} else {
			for (const key of Object.keys(v)) children.set(key, visit((v as Record<string, unknown>)[key], counter++));
		}
		return {offset, end: counter++, children};
	};
	return visit(value, counter++);
}

/** 1-based line and column (in UTF-16 code units) of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): {line: number; column: number} {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return {line, column: offset - lineStart + 1};
}
