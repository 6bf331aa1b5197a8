/**
 * The Rounds screen: past rounds of invitations with their figures (date, type, program or
 * category, size, invited, cutoff CRS, tie-break instant), latest first; Enter opens a round's
 * invitees in rank order, Esc goes back. Read-only: rounds are run from the command line
 * (`caips round`, admins only), never from here.
 */
import {Box, Text, useInput} from 'ink';
import React, {useEffect, useRef, useState} from 'react';
import {Table, type Column} from '../components/Table.js';
import type {InviteeView, RoundView, WorkstationData} from '../data.js';
import {statusLabel} from '../format.js';
import {keyNames} from '../key-names.js';
import {commandFor, type KeyMap} from '../keymap.js';
import type {Theme} from '../theme.js';
import {fitWidth, safeText} from '../terminal-text.js';
import {listCommand, useListView} from './list-cursor.js';
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
	onBack: () => void;
	/** Commands the workstation runs (help, palette, refresh, the other screens). */
	onCommand: (id: string) => void;
	onError: (message: string) => void;
};

const PASSED = new Set(['help', 'palette', 'refresh', 'pool.open', 'rounds.open']);

function messageOf(failure: unknown): string {
	return failure instanceof Error ? failure.message.split('\n')[0]! : String(failure);
}

export function RoundsScreen({data, theme, keyMap, width, height, active, reloadToken, onBack, onCommand, onError}: RoundsScreenProps) {
	const [rounds, setRounds] = useState<RoundView[] | null>(null);
	const [opened, setOpened] = useState<{round: RoundView; invitees: InviteeView[] | null} | null>(null);
	const [error, setError] = useState<string | null>(null);
	const list = useListView();
	const inner = useListView();
	const rows = Math.max(1, height - 3);

	useEffect(() => {
		let live = true;
		data.rounds().then(
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
		);
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
		data.roundInvitees(openedNumber).then(
			(invitees) => {
				if (mine === seq.current) setOpened((o) => (o && o.round.number === openedNumber ? {...o, invitees} : o));
			},
			(failure: unknown) => {
				if (mine !== seq.current) return;
				setError(messageOf(failure));
				onError(messageOf(failure));
			},
		);
	}, [data, openedNumber, reloadToken]);

	const roundCount = rounds?.length ?? 0;
	const invitees = opened?.invitees ?? [];
	const current = opened ? inner : list;
	const total = opened ? invitees.length : roundCount;

	useInput(
		(input, key) => {
			for (const name of keyNames(input, key)) {
				const id = commandFor(keyMap, name, 'queue');
				if (!id) continue;
				if (listCommand(current.view, id, total, rows)) {
					current.setView((v) => listCommand(v, id, total, rows) ?? v);
					continue;
				}
				if (id === 'open') {
					const round = opened ? undefined : rounds?.[list.view.cursor];
					if (!round) continue;
					inner.reset();
					setError(null);
					setOpened({round, invitees: null});
					return;
				}
				if (id === 'back') {
					if (opened) {
						seq.current++;
						setOpened(null);
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
		hint = `size ${r.size}  invited ${r.invited}  cutoff ${r.cutoff ?? '-'}  tie-break ${instantText(r.tieBreakAt) || '-'}  Esc back`;
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
