/**
 * The workstation's first reads, started as soon as the store is open — before the screens' code
 * (Ink, React, the App) is loaded and compiled — so that the store works on its own thread while
 * the code loads, and the first full frame does not wait for both one after the other.
 *
 * {@link primedPort} asks the port at once for what the App asks first (the queues with their
 * counts, the first page of the first queue as the App opens it, the reason codes) and hands each
 * answer to the App's first call of that kind, if it asks for the same; every other call goes to
 * the port as usual (a primed answer is never handed out later, when it could be stale). Reading a queue's first page is audited by the store: the primed page is the App's own
 * first read, not an extra one (a test checks that the App's first request matches).
 */
import type {WorkstationData} from './data.js';
import {PAGE_SIZE} from './use-queue-window.js';

type PageRequest = Parameters<WorkstationData['queuePage']>[0];

/** The page the App reads first: the first rows of "My cases" by received date, unfiltered. */
export const FIRST_PAGE: Readonly<PageRequest> = Object.freeze({queue: 'My cases', filter: '', sort: 'received', descending: false, limit: PAGE_SIZE, after: null, offset: 0});

function samePage(a: PageRequest, b: PageRequest): boolean {
	return a.queue === b.queue && a.filter === b.filter && a.sort === b.sort && a.descending === b.descending && a.limit === b.limit && a.after === b.after && a.offset === b.offset;
}

/** A promise kept for one later call; its failure, if any, reaches that call, not the process. */
function once<T>(start: () => Promise<T>): () => Promise<T> | null {
	let kept: Promise<T> | null = start();
	kept.catch(() => {});
	return () => {
		const promise = kept;
		kept = null;
		return promise;
	};
}

/** `port` with its first reads started now (see the module comment). */
export function primedPort(port: WorkstationData): WorkstationData {
	const queues = once(() => port.queues());
	const firstPage = once(() => port.queuePage(FIRST_PAGE));
	const reasonCodes = once(() => port.reasonCodes());
	const overrides: Partial<WorkstationData> = {
		queues: () => queues() ?? port.queues(),
		// Only the App's very first page read may take the primed page (a later one would be stale).
		queuePage: (request) => {
			const primed = firstPage();
			return (primed && samePage(request, FIRST_PAGE) ? primed : null) ?? port.queuePage(request);
		},
		reasonCodes: () => reasonCodes() ?? port.reasonCodes(),
	};
	// Everything else is the port's own (bound once, so each method keeps one identity).
	const bound = new Map<PropertyKey, unknown>();
	const primed = new Proxy(port, {
		get(target, key) {
			if (Object.hasOwn(overrides, key)) return overrides[key as keyof WorkstationData];
			const value: unknown = Reflect.get(target, key, target);
			if (typeof value !== 'function') return value;
			if (!bound.has(key)) bound.set(key, value.bind(target));
			return bound.get(key);
		},
	});
	return primed;
}
