/**
 * The rows of a queue the screen needs, fetched page by page (keyset pages of 100 from the
 * store) and cached, so moving the cursor within fetched pages never waits for the store.
 */
import {useCallback, useEffect, useRef, useState} from 'react';
import type {CaseRow, QueuePage, SortColumn, WorkstationData} from './data.js';

export const PAGE_SIZE = 100;

export type QueueQuery = {queue: string; filter: string; sort: SortColumn; descending: boolean};

function keyOf(query: QueueQuery): string {
	return `${query.queue}\u0000${query.filter}\u0000${query.sort}\u0000${query.descending}`;
}

export type QueueWindow = {
	/** Row at absolute position `index` of this query, or undefined while its page loads. */
	rowAt: (index: number) => CaseRow | undefined;
	total: number;
	loading: boolean;
	/** The last error from the store (e.g. a filter the parser refused), or null. */
	error: string | null;
	/** Drops the cache and fetches again (after a change by anyone). */
	reload: () => void;
	/** The number of completed fetches (lets screens re-render when pages arrive). */
	generation: number;
	/**
	 * Whether the rows of the last render's query are not all there yet: a page is being read, or
	 * the query changed and its pages are not asked for yet. Read at once, not as of a render
	 * (keys that arrive before the next render wait on it: see typeahead.tsx).
	 */
	busy: () => boolean;
};

/**
 * Fetches and caches the pages covering rows `from`…`to` of `query`. `initial`: the first page of
 * `initial.query`, already read (the workstation's start); used, not read again, while the query
 * is that one.
 */
export function useQueueWindow(data: WorkstationData, query: QueueQuery, from: number, to: number, initial: {query: QueueQuery; page: QueuePage} | null = null): QueueWindow {
	const initialKey = initial ? `${keyOf(initial.query)}\u00000` : null;
	const pages = useRef(new Map<number, {rows: CaseRow[]; next: string | null}>(initial ? [[0, {rows: initial.page.rows, next: initial.page.next}]] : []));
	// The initial page's cache is kept by the first run of the effect below (not emptied).
	const keepInitial = useRef(initialKey);
	const pending = useRef(new Set<number>());
	/** Pages the store refused for this query: not asked again until the query changes or a reload. */
	const failed = useRef(new Set<number>());
	const [reloads, setReloads] = useState(0);
	const queryKey = keyOf(query);
	// A reload is a new cache: a fetch started before it must not fill the new one with old rows.
	const cacheKey = `${queryKey}\u0000${reloads}`;
	const currentKey = useRef(cacheKey);
	const [total, setTotal] = useState(initial && initialKey === cacheKey ? initial.page.total : 0);
	const [loading, setLoading] = useState(!(initial && initialKey === cacheKey));
	const [error, setError] = useState<string | null>(null);
	const [generation, setGeneration] = useState(0);

	const fetchPage = useCallback(
		async (pageIndex: number, key: string) => {
			if (pages.current.has(pageIndex) || pending.current.has(pageIndex) || failed.current.has(pageIndex)) return;
			// This query's set: a new query's fetch of the same page must not be taken off it when this one ends.
			const inFlight = pending.current;
			inFlight.add(pageIndex);
			setLoading(true);
			try {
				const previous = pages.current.get(pageIndex - 1);
				const page = await data.queuePage({
					...query,
					limit: PAGE_SIZE,
					after: previous?.next ?? null,
					offset: pageIndex * PAGE_SIZE,
				});
				if (currentKey.current !== key) return;
				pages.current.set(pageIndex, {rows: page.rows, next: page.next});
				setTotal(page.total);
				setError(null);
			} catch (caught) {
				if (currentKey.current === key) {
					// Remember the failure, or the next render would ask again, and again (a refused filter looped).
					failed.current.add(pageIndex);
					if (pageIndex === 0) setTotal(0);
					setError(caught instanceof Error ? caught.message.split('\n')[0]! : String(caught));
				}
			} finally {
				inFlight.delete(pageIndex);
				if (currentKey.current === key) {
					setLoading(pending.current.size > 0);
					setGeneration((g) => g + 1);
				}
			}
		},
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[data, cacheKey],
	);

	// A new query (or a reload) starts from an empty cache, keeping the old rows' total until the first page arrives.
	useEffect(() => {
		const kept = keepInitial.current === cacheKey;
		keepInitial.current = null;
		if (kept) return;
		currentKey.current = cacheKey;
		pages.current = new Map();
		pending.current = new Set();
		failed.current = new Set();
	}, [cacheKey]);

	useEffect(() => {
		const first = Math.floor(Math.max(0, from) / PAGE_SIZE);
		const last = Math.floor(Math.max(0, to) / PAGE_SIZE);
		for (let page = first; page <= last; page++) {
			if (page > 0 && total > 0 && page * PAGE_SIZE >= total) break;
			void fetchPage(page, cacheKey);
		}
	}, [from, to, cacheKey, fetchPage, total, generation]);

	// The query of the last render: until the effects above have run for it, the cache still holds
	// the previous query's rows, which are not this query's.
	const latestKey = useRef(cacheKey);
	latestKey.current = cacheKey;
	const rowAt = useCallback(
		(index: number) => (currentKey.current === cacheKey ? pages.current.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE] : undefined),
		[generation, cacheKey],
	);
	const reload = useCallback(() => setReloads((n) => n + 1), []);
	const busy = useCallback(() => currentKey.current !== latestKey.current || pending.current.size > 0, []);
	return {rowAt, total, loading, error, reload, generation, busy};
}
