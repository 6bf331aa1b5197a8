/**
 * The Pool screen: the Express Entry pool ranked on today's date (rank, CRS, programs the profile
 * is eligible for, submission instant, categories it meets), windowed to the height like the
 * queues, and IRCC's CRS score distribution drawn as a bar chart of plain `#` (the same on
 * TERM=dumb and with NO_COLOR). Read-only: rounds are run from the command line (`caips round`).
 *
 * Keys of this screen: c / f / t / p show only CEC / FSW / FST / PNP profiles (the same key again
 * shows all), y cycles the categories in force, Tab switches between the table and the chart
 * (both are shown when the terminal is tall enough), Enter opens the chosen profile's case. The
 * key map's moves, r, ?, : and Esc apply. The filters and the cursor are the App's to keep
 * (`state`), so they are where they were after a case opened from here is closed.
 */
import {Box, Text, useInput} from 'ink';
import React, {useEffect, useRef, useState} from 'react';
import {distributionLines} from '../../cases/pool-distribution.js';
import {Table, type Column} from '../components/Table.js';
import type {PoolEntryView, PoolPage, WorkstationData} from '../data.js';
import {keyNames} from '../key-names.js';
import {useTypeAhead} from '../typeahead.js';
import {commandFor, type KeyMap} from '../keymap.js';
import type {Theme} from '../theme.js';
import {fitWidth, safeText} from '../terminal-text.js';
import {listCommand, moveTo, type ListView, ROW_LIST_COMMANDS} from './list-cursor.js';

/** The program filter keys. */
export const PROGRAM_KEYS: Readonly<Record<string, string>> = {c: 'CEC', f: 'FSW', t: 'FST', p: 'PNP'};
/** The category filter key. */
export const CATEGORY_KEY = 'y';

/** Lines of the chart: a heading, IRCC's 17 rows and the total. */
const CHART_LINES = 19;

/** `2026-11-29T14:05:33.000Z` → `2026-11-29 14:05:33Z` (the tie-break needs the seconds). */
export function instantText(instant: string | null | undefined): string {
	return instant ? `${instant.slice(0, 10)} ${instant.slice(11, 19)}Z` : '';
}

const COLUMNS: Column<PoolEntryView>[] = [
	{title: 'Rank', width: 6, align: 'right', value: (e) => String(e.rank)},
	{title: 'Application', width: 11, value: (e) => e.applicationNumber},
	{title: 'CRS', width: 4, align: 'right', value: (e) => String(e.crs)},
	{title: 'Programs', width: 15, value: (e) => e.programs.join(' ')},
	{title: 'Submitted', width: 20, value: (e) => instantText(e.profileSubmittedAt)},
	{title: 'Categories', width: 10, flex: true, value: (e) => e.categories.join(',')},
];

/** What the Pool screen shows: the filters, table or chart, and the cursor. */
export type PoolScreenState = {program: string | null; category: string | null; chart: boolean; view: ListView};

/** The Pool screen as it opens: the whole pool, the table, the first row. */
export const INITIAL_POOL_STATE: PoolScreenState = Object.freeze({program: null, category: null, chart: false, view: Object.freeze({cursor: 0, top: 0})});

export type PoolScreenProps = {
	data: WorkstationData;
	theme: Theme;
	keyMap: KeyMap;
	width: number;
	/** Lines the screen may use (the status bar is below them). */
	height: number;
	/** The reference date of the ranking (`YYYY-MM-DD`). */
	asOf: string;
	/** Whether the screen reads the keyboard (not under an overlay). */
	active: boolean;
	/** Changes when the officer asks for a refresh: the pool is ranked again. */
	reloadToken: number;
	/** Rank again when the screen opens (the store changed since the last ranking), not the ranking kept. */
	rankAgain?: boolean;
	/** The screen's state, kept by the App; `onState` changes it. */
	state: PoolScreenState;
	onState: (update: (state: PoolScreenState) => PoolScreenState) => void;
	/** Opens the case of a profile (Enter). */
	onOpenCase: (applicationNumber: string) => void;
	onBack: () => void;
	/** Commands the workstation runs (help, palette, refresh, the other screens). */
	onCommand: (id: string) => void;
	onError: (message: string) => void;
	/** Told when the screen starts and ends reading the pool (keys typed ahead wait for it: typeahead.tsx). */
	onLoading?: (loading: boolean) => void;
};

/** Commands the workstation runs for this screen; after those that change the screen the rest of a burst is dropped. */
const PASSED = new Set(['help', 'palette', 'refresh', 'pool.open', 'rounds.open']);

export function PoolScreen({data, theme, keyMap, width, height, asOf, active, reloadToken, rankAgain = false, state, onState, onOpenCase, onBack, onCommand, onError, onLoading}: PoolScreenProps) {
	const typeAhead = useTypeAhead();
	// The pool is being ranked: moves and Enter wait for it (with the keys after them).
	const loadingRef = useRef(true);
	useEffect(() => () => onLoading?.(false), []);
	const {program, category, chart, view} = state;
	const [page, setPage] = useState<PoolPage | null>(null);
	const [error, setError] = useState<string | null>(null);
	const setView = (update: (view: ListView) => ListView) =>
		onState((s) => {
			const next = update(s.view);
			return next === s.view ? s : {...s, view: next};
		});
	const total = page?.total ?? 0;
	// The view as the keys so far left it: keys of one burst (`k k Enter`) come before the next
	// render, and Enter must open the profile the moves chose, not the one the last frame showed.
	const viewRef = useRef(view);
	viewRef.current = view;

	const both = height - 3 - CHART_LINES >= 5;
	const showTable = both || !chart;
	const showChart = both || chart;
	const rows = Math.max(1, both ? height - 3 - CHART_LINES : height - 3);

	// One request at a time counts: an answer to an older one (filters since changed) is dropped.
	const seq = useRef(0);
	// NaN: the first request asks for a new ranking.
	const lastReload = useRef(rankAgain ? Number.NaN : reloadToken);
	const {top} = view;
	useEffect(() => {
		const mine = ++seq.current;
		const reload = lastReload.current !== reloadToken;
		lastReload.current = reloadToken;
		loadingRef.current = true;
		onLoading?.(true);
		const settled = () => {
			loadingRef.current = false;
			onLoading?.(false);
		};
		data.pool({asOf, program, category, offset: top, limit: rows, reload}).then(
			(next) => {
				if (mine !== seq.current) return;
				settled();
				setPage(next);
				setError(null);
				setView((v) => moveTo(v, v.cursor, next.total, rows));
			},
			(failure: unknown) => {
				if (mine !== seq.current) return;
				settled();
				const message = failure instanceof Error ? failure.message.split('\n')[0]! : String(failure);
				setError(message);
				onError(message);
			},
		);
	}, [data, asOf, program, category, top, rows, reloadToken]);

	useInput(
		(input, key) => {
			const names = keyNames(input, key);
			for (const [i, name] of names.entries()) {
				if (loadingRef.current && ROW_LIST_COMMANDS.has(commandFor(keyMap, name, 'queue') ?? '')) {
					typeAhead(names.slice(i));
					return;
				}
				const programKey = PROGRAM_KEYS[name];
				if (programKey) {
					onState((s) => ({...s, program: s.program === programKey ? null : programKey, view: INITIAL_POOL_STATE.view}));
					continue;
				}
				if (name === CATEGORY_KEY) {
					const list = page?.categoriesInForce ?? [];
					onState((s) => ({...s, category: s.category === null ? (list[0] ?? null) : (list[list.indexOf(s.category) + 1] ?? null), view: INITIAL_POOL_STATE.view}));
					continue;
				}
				if (name === 'tab' || name === 'backtab') {
					onState((s) => ({...s, chart: !s.chart}));
					continue;
				}
				const id = commandFor(keyMap, name, 'queue');
				if (!id) continue;
				const moved = listCommand(viewRef.current, id, total, rows);
				if (moved) {
					// Functional: keys of one burst (`jjj`) each move from where the last one left the cursor.
					viewRef.current = moved;
					setView((v) => listCommand(v, id, total, rows) ?? v);
					continue;
				}
				if (id === 'open') {
					// The profile under the cursor, if its page is here (the table is shown).
					const entry = showTable ? page?.entries[viewRef.current.cursor - page.offset] : undefined;
					if (entry) return onOpenCase(entry.applicationNumber);
					continue;
				}
				if (id === 'back') return onBack();
				if (PASSED.has(id)) {
					onCommand(id);
					if (id !== 'refresh') return;
				}
			}
		},
		{isActive: active},
	);

	const entries: PoolEntryView[] = [];
	if (page) for (let i = view.top; i < Math.min(total, view.top + rows); i++) {
		const entry = page.entries[i - page.offset];
		if (entry) entries.push(entry);
	}
	const position = total === 0 ? '0 of 0' : `${view.top + 1}–${Math.min(total, view.top + rows)} of ${total}`;
	const title = `Pool on ${asOf} | program: ${program ?? 'all'} | category: ${safeText(category ?? 'all')} | ${position}`;
	const hint = `Enter case  c/f/t/p program  ${CATEGORY_KEY} category  Tab ${both ? 'table+chart' : chart ? 'table' : 'chart'}  Esc back`;
	const chartLines = page ? distributionLines(page.distribution, width) : ['Ranking the pool…'];
	return (
		<Box flexDirection="column" height={height}>
			<Text bold={theme.bold} color={theme.accent} wrap="truncate">
				{fitWidth(title, width)}
			</Text>
			<Text color={theme.muted} wrap="truncate">
				{fitWidth(hint, width)}
			</Text>
			{showTable ? (
				<Table
					columns={COLUMNS}
					rows={entries}
					selected={view.cursor - view.top}
					width={width}
					theme={theme}
					rowKey={(e) => e.applicationNumber}
					empty={error ? `Cannot rank the pool: ${safeText(error)}` : page ? 'No profile in the pool with these filters.' : 'Ranking the pool…'}
				/>
			) : null}
			{showChart
				? chartLines.slice(0, both ? CHART_LINES : height - 2).map((line, i) => (
						<Text key={`chart${i}`} wrap="truncate">
							{fitWidth(safeText(line), width) || ' '}
						</Text>
					))
				: null}
		</Box>
	);
}
