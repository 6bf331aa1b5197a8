/**
 * The cursor and first visible row of a windowed list (the Pool and Rounds screens), changed
 * together in one update so a key press draws one frame; the window follows the cursor.
 */
import {useCallback, useState} from 'react';

export type ListView = {cursor: number; top: number};

/** `view` after moving the cursor to `cursor` (clamped to `total`), with the window of `rows` around it. */
export function moveTo(view: ListView, cursor: number, total: number, rows: number): ListView {
	const c = Math.max(0, Math.min(Math.max(0, total - 1), cursor));
	const r = Math.max(1, rows);
	let t = c < view.top ? c : c >= view.top + r ? c - r + 1 : view.top;
	// A list that shrank (or a taller window) is not left half empty below its end.
	t = Math.max(0, Math.min(t, Math.max(0, total - r)));
	return c === view.cursor && t === view.top ? view : {cursor: c, top: t};
}

/** The list command `id` (move.*, page.*) applied to `view`; undefined when `id` is not one. */
/** Commands that act on a list's rows (moves, Enter): typed while its rows are being read, they wait for them (typeahead.tsx). */
export const ROW_LIST_COMMANDS: ReadonlySet<string> = new Set(['move.down', 'move.up', 'move.first', 'move.last', 'page.down', 'page.up', 'open']);

export function listCommand(view: ListView, id: string, total: number, rows: number): ListView | undefined {
	switch (id) {
		case 'move.down':
			return moveTo(view, view.cursor + 1, total, rows);
		case 'move.up':
			return moveTo(view, view.cursor - 1, total, rows);
		case 'move.first':
			return moveTo(view, 0, total, rows);
		case 'move.last':
			return moveTo(view, total - 1, total, rows);
		case 'page.down':
		case 'page.up': {
			// The window turns a page and the cursor keeps its place on the screen.
			const delta = id === 'page.down' ? rows : -rows;
			const top = Math.max(0, Math.min(Math.max(0, total - rows), view.top + delta));
			return moveTo({cursor: view.cursor, top}, view.cursor + delta, total, rows);
		}
		default:
			return undefined;
	}
}

/** The state of one windowed list: `view`, `setView` (use `listCommand` with it), and `reset` to the first row. */
export function useListView() {
	const [view, setView] = useState<ListView>({cursor: 0, top: 0});
	const reset = useCallback(() => setView({cursor: 0, top: 0}), []);
	return {view, setView, reset};
}
