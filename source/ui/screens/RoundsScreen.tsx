/**
 * The Rounds screen: past rounds of invitations with their figures (date, type, program or
 * category, size, invited, cutoff CRS, tie-break instant), latest first; Enter opens a round's
 * invitees in rank order, Enter on an invitee opens the case, Esc goes back. Read-only: rounds
 * are run from the command line (`caips round`, admins only), never from here. The round opened
 * and the cursors are the App's to keep (`state`), so they are where they were after a case
 * opened from here is closed.
 */
import {Box, Text, useInput} from 'ink';
import React, {useEffect, useRef, useState} from 'react';
import {Table, type Column} from '../components/Table.js';
import type {InviteeView, RoundView, WorkstationData} from '../data.js';
import {statusLabel} from '../format.js';
import {keyNames} from '../key-names.js';
import {useTypeAhead} from '../typeahead.js';
import {commandFor, type KeyMap} from '../keymap.js';
import type {Theme} from '../theme.js';
import {fitWidth, safeText} from '../terminal-text.js';
import {listCommand, type ListView, ROW_LIST_COMMANDS} from './list-cursor.js';
import {instantText} from './PoolScreen.js';

/** What a round targeted: its program, its category, or `all`. */
function targetOf(round: RoundView): string {
	return round.program ?? round.category ?? 'all';
}

const ROUND_COLUMNS: Column<RoundView>[] = [
	{title: 'No', width: 4, align: 'right', value: (r) => String(r.number)},
	{title: 'Date', width: 10, value: (r) => r.at.slice(0, 10)},
	{title: 'Type', width: 8, value: (r) => r.type},
	{title: 'Target', width: 11, value: targetOf},
	{title: 'Size', width: 5, align: 'right', value: (r) => String(r.size)},
	{title: 'Invited', width: 7, align: 'right', value: (r) => String(r.invited)},
	{title: 'Cutoff', width: 6, align: 'right', value: (r) => (r.cutoff === null ? '' : String(r.cutoff))},
	{title: 'Tie-break', width: 20, flex: true, value: (r) => instantText(r.tieBreakAt)},
];

const INVITEE_COLUMNS: Column<InviteeView>[] = [
	{title: 'Rank', width: 6, align: 'right', value: (i) => String(i.rank)},
	{title: 'Application', width: 11, value: (i) => i.applicationNumber},
	{title: 'CRS', width: 4, align: 'right', value: (i) => String(i.crs)},
	{title: 'Submitted', width: 20, value: (i) => instantText(i.profileSubmittedAt)},
	{title: 'Status', width: 14, value: (i) => statusLabel(i.status)},
	{title: 'Applicant', width: 10, flex: true, value: (i) => `${i.familyName}, ${i.givenNames}`},
];

/** What the Rounds screen shows: the round opened (null: the list of rounds) and the cursor of each list. */
export type RoundsScreenState = {opened: RoundView | null; list: ListView; inner: ListView};

/** The Rounds screen as it opens: the list of rounds, the latest first and chosen. */
export const INITIAL_ROUNDS_STATE: RoundsScreenState = Object.freeze({opened: null, list: Object.freeze({cursor: 0, top: 0}), inner: Object.freeze({cursor: 0, top: 0})});

export type RoundsScreenProps = {
	data: WorkstationData;
	theme: Theme;
	keyMap: KeyMap;
	width: number;
	/** Lines the screen may use (the status bar is below them). */
	height: number;
	active: boolean;
	/** Changes when the officer asks for a refresh. */
	reloadToken: number;
	/** The screen's state, kept by the App; `onState` changes it. */
	state: RoundsScreenState;
	onState: (update: (state: RoundsScreenState) => RoundsScreenState) => void;
	/** Opens the case of an invitee (Enter). */
	onOpenCase: (applicationNumber: string) => void;
	onBack: () => void;
	/** Commands the workstation runs (help, palette, refresh, the other screens). */
	onCommand: (id: string) => void;
	onError: (message: string) => void;
	/** Told when the screen starts and ends reading rounds or invitees (keys typed ahead wait for it: typeahead.tsx). */
	onLoading?: (loading: boolean) => void;
};

const PASSED = new Set(['help', 'palette', 'refresh', 'pool.open', 'rounds.open']);

function messageOf(failure: unknown): string {
	return failure instanceof Error ? failure.message.split('\n')[0]! : String(failure);
}

export function RoundsScreen({data, theme, keyMap, width, height, active, reloadToken, state, onState, onOpenCase, onBack, onCommand, onError, onLoading}: RoundsScreenProps) {
	const typeAhead = useTypeAhead();
	// Reads in progress (the rounds, an opened round's invitees): moves and Enter wait for them.
	const readsRef = useRef(0);
	const reading = (delta: number) => {
		readsRef.current += delta;
		onLoading?.(readsRef.current > 0);
	};
	useEffect(() => () => onLoading?.(false), []);
	const [rounds, setRounds] = useState<RoundView[] | null>(null);
	/** The invitees of the opened round, once read (`number`: which round they are of). */
	const [loaded, setLoaded] = useState<{number: number; invitees: InviteeView[]} | null>(null);
	const [error, setError] = useState<string | null>(null);
	const rows = Math.max(1, height - 3);
	const opened = state.opened ? {round: state.opened, invitees: loaded?.number === state.opened.number ? loaded.invitees : null} : null;
	/** Changes the cursor of one list (`key`), keeping the state object when nothing moved. */
	const moveIn = (key: 'list' | 'inner', update: (view: ListView) => ListView) =>
		onState((s) => {
			const next = update(s[key]);
			return next === s[key] ? s : {...s, [key]: next};
		});

	useEffect(() => {
		let live = true;
		reading(1);
		data.rounds()
			.then(
				(next) => {
					if (!live) return;
					setRounds(next);
					setError(null);
				},
				(failure: unknown) => {
					if (!live) return;
					setError(messageOf(failure));
					onError(messageOf(failure));
				},
			)
			.finally(() => reading(-1));
		return () => {
			live = false;
		};
	}, [data, reloadToken]);

	// The opened round's invitees (again after a refresh).
	const openedNumber = opened?.round.number ?? null;
	const seq = useRef(0);
	useEffect(() => {
		if (openedNumber === null) return;
		const mine = ++seq.current;
		reading(1);
		data.roundInvitees(openedNumber)
			.then(
				(invitees) => {
					if (mine === seq.current) setLoaded({number: openedNumber, invitees});
				},
				(failure: unknown) => {
					if (mine !== seq.current) return;
					setError(messageOf(failure));
					onError(messageOf(failure));
				},
			)
			.finally(() => reading(-1));
	}, [data, openedNumber, reloadToken]);

	const roundCount = rounds?.length ?? 0;
	const invitees = opened?.invitees ?? [];
	const currentKey = opened ? 'inner' : 'list';
	const current = {view: state[currentKey], setView: (update: (view: ListView) => ListView) => moveIn(currentKey, update)};
	const total = opened ? invitees.length : roundCount;
	// The cursor as the keys so far left it (a burst `j j Enter` opens the row the moves chose).
	const viewRef = useRef(current.view);
	viewRef.current = current.view;

	useInput(
		(input, key) => {
			const names = keyNames(input, key);
			for (const [i, name] of names.entries()) {
				const id = commandFor(keyMap, name, 'queue');
				if (!id) continue;
				// Rows not read yet (this screen just opened, or a round): the keys wait for them.
				if (ROW_LIST_COMMANDS.has(id) && readsRef.current > 0) {
					typeAhead(names.slice(i));
					return;
				}
				const moved = listCommand(viewRef.current, id, total, rows);
				if (moved) {
					viewRef.current = moved;
					current.setView((v) => listCommand(v, id, total, rows) ?? v);
					continue;
				}
				if (id === 'open') {
					if (opened) {
						// The invitee under the cursor: its case.
						const invitee = opened.invitees?.[viewRef.current.cursor];
						if (invitee) return onOpenCase(invitee.applicationNumber);
						continue;
					}
					const round = rounds?.[viewRef.current.cursor];
					if (!round) continue;
					setError(null);
					onState((s) => ({...s, opened: round, inner: INITIAL_ROUNDS_STATE.inner}));
					// The keys after it are for the invitees, once read.
					typeAhead(names.slice(i + 1));
					return;
				}
				if (id === 'back') {
					if (opened) {
						seq.current++;
						onState((s) => ({...s, opened: null}));
						return;
					}
					return onBack();
				}
				if (PASSED.has(id)) {
					onCommand(id);
					if (id !== 'refresh') return;
				}
			}
		},
		{isActive: active},
	);

	const {view} = current;
	const position = total === 0 ? '0 of 0' : `${view.top + 1}–${Math.min(total, view.top + rows)} of ${total}`;
	let title: string;
	let hint: string;
	if (opened) {
		const r = opened.round;
		title = `Round ${r.number} of ${r.at.slice(0, 10)} (${r.type}, ${targetOf(r)}): invitees | ${position}`;
		hint = `Enter case  Esc back  cutoff ${r.cutoff ?? '-'}  tie-break ${instantText(r.tieBreakAt) || '-'}  size ${r.size}  invited ${r.invited}`;
	} else {
		title = `Rounds of invitations | ${position}`;
		hint = 'Enter invitees  Esc back  (rounds are run with `caips round`)';
	}
	const shown = <T,>(items: readonly T[]) => items.slice(view.top, view.top + rows);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold={theme.bold} color={theme.accent} wrap="truncate">
				{fitWidth(safeText(title), width)}
			</Text>
			<Text color={theme.muted} wrap="truncate">
				{fitWidth(safeText(hint), width)}
			</Text>
			{opened ? (
				<Table
					columns={INVITEE_COLUMNS}
					rows={shown(invitees)}
					selected={view.cursor - view.top}
					width={width}
					theme={theme}
					rowKey={(i) => i.applicationNumber}
					empty={error ? `Cannot list the invitees: ${safeText(error)}` : opened.invitees ? 'This round invited nobody.' : 'Loading…'}
				/>
			) : (
				<Table
					columns={ROUND_COLUMNS}
					rows={shown(rounds ?? [])}
					selected={view.cursor - view.top}
					width={width}
					theme={theme}
					rowKey={(r) => String(r.number)}
					empty={error ? `Cannot list the rounds: ${safeText(error)}` : rounds ? 'No round has been run.' : 'Loading…'}
				/>
			)}
		</Box>
	);
}
