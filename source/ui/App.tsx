/**
 * The officer's workstation: queues → case → note / decision, by keyboard alone. Holds the
 * screen state and the drafts (which outlive Esc, refreshes and other officers' changes), routes
 * keys through the key map, and polls the store for changes made by others.
 */
import {Box, Text, useApp, useInput} from 'ink';
import React, {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {CommandPalette} from './components/CommandPalette.js';
import {HelpOverlay} from './components/HelpOverlay.js';
import {LineInput} from './components/LineInput.js';
import {StatusBar, type StatusMessage} from './components/StatusBar.js';
import {Table, type Column} from './components/Table.js';
import {TextArea} from './components/TextArea.js';
import {bufferOf, textOf, type TextBuffer} from './components/text-buffer.js';
import type {CaseDetail, CaseRow, QueueSummary, ReasonCode, SortColumn, WorkstationData} from './data.js';
import {dateOf, statusLabel} from './format.js';
import {keyNames} from './key-names.js';
import {commandFor, type KeyMap} from './keymap.js';
import {CASE_TABS, tabLines} from './screens/case-lines.js';
import {DecisionDialog, emptyDecisionDraft, type DecisionDraft} from './screens/DecisionDialog.js';
import {missingForDecision} from './screens/decision-warnings.js';
import {ReviewDialog, type ReviewDraft} from './screens/ReviewDialog.js';
import type {Theme} from './theme.js';
import {fitWidth, safeLines, safeText} from './terminal-text.js';
import {useQueueWindow} from './use-queue-window.js';
import {useTerminalSize, type Size} from './use-terminal-size.js';

type Overlay = null | 'help' | 'palette' | 'filter' | 'note' | 'decide' | 'review' | 'bf' | 'quit' | 'pager';

export type AppProps = {
	data: WorkstationData;
	theme: Theme;
	keyMap: KeyMap;
	/** Fixed size (tests, benchmarks); otherwise the terminal's, updated on resize. */
	size?: Size;
	/** How often to look for other officers' changes, ms (0: never). */
	pollMs?: number;
	/** Today's date (`YYYY-MM-DD`), for relative bring-forward dates. */
	today: () => string;
	/** The clock for the status bar's "refreshed" time. */
	clock?: () => Date;
};

const SORTS: SortColumn[] = ['received', 'crs', 'name', 'status', 'bf', 'number', 'waiting'];

const COLUMNS: Array<Column<CaseRow> & {sort: SortColumn}> = [
	{title: 'Application', width: 11, value: (r) => r.applicationNumber, sort: 'number'},
	{title: 'Applicant', width: 10, flex: true, value: (r) => `${r.familyName}, ${r.givenNames}`, sort: 'name'},
	{title: 'Prog', width: 4, value: (r) => r.program, sort: 'number'},
	{title: 'Status', width: 9, value: (r) => statusLabel(r.status), sort: 'status'},
	{title: 'CRS', width: 4, align: 'right', value: (r) => (r.crsTotal === null ? '' : String(r.crsTotal)), sort: 'crs'},
	{title: 'Received', width: 10, value: (r) => dateOf(r.receivedAt), sort: 'received'},
	{title: 'Days', width: 4, align: 'right', value: (r) => (r.daysWaiting === null ? '' : String(r.daysWaiting)), sort: 'waiting'},
	{title: 'BF', width: 10, value: (r) => r.bringForwardOn ?? '', sort: 'bf'},
	{title: 'Officer', width: 8, value: (r) => r.assignedTo ?? '', sort: 'number'},
];

/** Columns that fit the width: the narrowest terminals drop Officer, then BF, then Days. */
function columnsFor(width: number) {
	if (width >= 100) return COLUMNS;
	const drop = width >= 90 ? ['Officer'] : width >= 80 ? ['Officer', 'Days'] : ['Officer', 'Days', 'BF'];
	return COLUMNS.filter((column) => !drop.includes(column.title));
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/** Resolves `+N` (days from today) or `YYYY-MM-DD`; '' clears; null when unreadable. */
export function resolveDate(text: string, today: string): string | null | undefined {
	const trimmed = text.trim();
	if (trimmed === '') return null;
	const relative = /^\+(\d{1,3})$/.exec(trimmed);
	if (relative) {
		const date = new Date(`${today}T00:00:00Z`);
		date.setUTCDate(date.getUTCDate() + Number(relative[1]));
		return date.toISOString().slice(0, 10);
	}
	if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed) && new Date(`${trimmed}T00:00:00Z`).toISOString().slice(0, 10) === trimmed) return trimmed;
	return undefined;
}

export function App({data, theme, keyMap, size: fixedSize, pollMs = 3000, today, clock = () => new Date()}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize(fixedSize);
	const width = Math.max(20, size.columns);
	const height = Math.max(6, size.rows);
	const me = data.me();

	const [queues, setQueues] = useState<QueueSummary[]>([]);
	const [queueIndex, setQueueIndex] = useState(0);
	const [filter, setFilter] = useState('');
	const [filterDraft, setFilterDraft] = useState('');
	const [sort, setSort] = useState<SortColumn>('received');
	const [descending, setDescending] = useState(false);
	const [cursor, setCursor] = useState(0);
	const [top, setTop] = useState(0);
	const [tagged, setTagged] = useState<ReadonlySet<string>>(new Set());
	const [overlay, setOverlay] = useState<Overlay>(null);
	const [message, setMessage] = useState<StatusMessage | null>(null);
	const [refreshedAt, setRefreshedAt] = useState('');
	const [caseNumber, setCaseNumber] = useState<string | null>(null);
	const [detail, setDetail] = useState<CaseDetail | null>(null);
	const [tab, setTab] = useState(0);
	const [scroll, setScroll] = useState(0);
	const [noteDrafts, setNoteDrafts] = useState<ReadonlyMap<string, TextBuffer>>(new Map());
	const [decisionDrafts, setDecisionDrafts] = useState<ReadonlyMap<string, DecisionDraft>>(new Map());
	const [reviewDrafts, setReviewDrafts] = useState<ReadonlyMap<string, ReviewDraft>>(new Map());
	const [bfDraft, setBfDraft] = useState('');
	const [reasonCodes, setReasonCodes] = useState<ReasonCode[]>([]);
	const [pager, setPager] = useState<{title: string; lines: string[]; top: number} | null>(null);
	const [busy, setBusy] = useState(false);
	const changeMark = useRef<number | null>(null);

	const queue = queues[queueIndex];
	const queueName = queue?.name ?? 'My cases';
	const bodyHeight = height - 4; // queue tabs, filter line, table header, status bar
	const window = useQueueWindow(data, {queue: queueName, filter, sort, descending}, top, top + bodyHeight - 1);
	const total = window.total;
	const selectedRow = window.rowAt(cursor);

	const say = useCallback((text: string, kind: StatusMessage['kind'] = 'info') => setMessage({text, kind}), []);
	const stamp = useCallback(() => setRefreshedAt(clock().toISOString().slice(11, 19)), [clock]);

	const loadQueues = useCallback(async () => {
		try {
			setQueues(await data.queues());
		} catch (error) {
			say(errorText(error), 'error');
		}
	}, [data, say]);

	const loadCase = useCallback(
		async (number: string) => {
			try {
				setDetail(await data.caseDetail(number));
			} catch (error) {
				say(errorText(error), 'error');
			}
		},
		[data, say],
	);

	useEffect(() => {
		void loadQueues();
		void data.reasonCodes().then(setReasonCodes, () => undefined);
		stamp();
	}, [loadQueues, data, stamp]);

	// Other officers' changes appear without a restart; what is typed (drafts) is never touched.
	const refresh = useCallback(async () => {
		await loadQueues();
		window.reload();
		if (caseNumber) await loadCase(caseNumber);
		stamp();
	}, [loadQueues, window, caseNumber, loadCase, stamp]);

	useEffect(() => {
		if (!pollMs) return;
		const timer = setInterval(() => {
			void data.changeMark().then(
				(mark) => {
					if (changeMark.current !== null && mark !== changeMark.current) void refresh();
					changeMark.current = mark;
				},
				() => undefined,
			);
		}, pollMs);
		return () => clearInterval(timer);
	}, [pollMs, data, refresh]);

	// Keep the cursor inside the list and the window around the cursor.
	useEffect(() => {
		if (total > 0 && cursor >= total) setCursor(total - 1);
	}, [total, cursor]);
	useEffect(() => {
		const rows = bodyHeight;
		if (cursor < top) setTop(cursor);
		else if (cursor >= top + rows) setTop(cursor - rows + 1);
	}, [cursor, top, bodyHeight]);

	const openCase = useCallback(
		(number: string) => {
			setCaseNumber(number);
			setDetail(null);
			setTab(0);
			setScroll(0);
			void loadCase(number);
		},
		[loadCase],
	);

	const hasDrafts = [...noteDrafts.values()].some((buffer) => textOf(buffer).trim() !== '') || [...decisionDrafts.values()].some((draft) => textOf(draft.text).trim() !== '');

	const act = useCallback(
		async (label: string, action: () => Promise<unknown>, after?: () => void) => {
			setBusy(true);
			try {
				await action();
				say(label);
				after?.();
				await refresh();
			} catch (error) {
				say(errorText(error), 'error');
			} finally {
				setBusy(false);
			}
		},
		[refresh, say],
	);

	const caseLines = useMemo(() => (detail ? tabLines(CASE_TABS[tab]!, detail, width) : ['Loading…']), [detail, tab, width]);
	const caseBodyHeight = height - 3;

	const runCommand = useCallback(
		(id: string) => {
			const inCase = caseNumber !== null;
			const rows = inCase ? caseBodyHeight : bodyHeight;
			const moveBy = (delta: number) => {
				if (inCase) setScroll((s) => Math.max(0, Math.min(Math.max(0, caseLines.length - rows), s + delta)));
				else setCursor((c) => Math.max(0, Math.min(Math.max(0, total - 1), c + delta)));
			};
			switch (id) {
				case 'move.down':
					return moveBy(1);
				case 'move.up':
					return moveBy(-1);
				case 'page.down':
					return moveBy(rows);
				case 'page.up':
					return moveBy(-rows);
				case 'move.first':
					return inCase ? setScroll(0) : setCursor(0);
				case 'move.last':
					return inCase ? setScroll(Math.max(0, caseLines.length - rows)) : setCursor(Math.max(0, total - 1));
				case 'open':
					if (!inCase && selectedRow) openCase(selectedRow.applicationNumber);
					return;
				case 'back':
					if (inCase) {
						setCaseNumber(null);
						setDetail(null);
						return;
					}
					if (filter) {
						setFilter('');
						setFilterDraft('');
						return;
					}
					return;
				case 'filter':
					setFilterDraft(filter);
					return setOverlay('filter');
				case 'palette':
					return setOverlay('palette');
				case 'help':
					return setOverlay('help');
				case 'queues.next':
				case 'queues.previous': {
					if (queues.length === 0) return;
					const step = id === 'queues.next' ? 1 : queues.length - 1;
					setQueueIndex((i) => (i + step) % queues.length);
					setCursor(0);
					setTop(0);
					return;
				}
				case 'sort.next': {
					const next = SORTS[(SORTS.indexOf(sort) + 1) % SORTS.length]!;
					setSort(next);
					setCursor(0);
					setTop(0);
					return say(`sorted by ${next}`);
				}
				case 'sort.reverse':
					setDescending((d) => !d);
					setCursor(0);
					setTop(0);
					return;
				case 'tab.next':
					setScroll(0);
					return setTab((t) => (t + 1) % CASE_TABS.length);
				case 'tab.previous':
					setScroll(0);
					return setTab((t) => (t + CASE_TABS.length - 1) % CASE_TABS.length);
				case 'note.add':
					if (!inCase) return say('open a case first (Enter)', 'warning');
					return setOverlay('note');
				case 'decide':
					if (!inCase || !detail) return say('open a case first (Enter)', 'warning');
					if (!me.roles.includes('officer')) return say('recording a decision needs the officer role', 'error');
					return setOverlay('decide');
				case 'review': {
					if (!inCase || !detail) return say('open a case first (Enter)', 'warning');
					if (!me.roles.includes('supervisor')) return say('review needs the supervisor role', 'error');
					const pending = [...detail.decisions].reverse().find((d) => d.reviewRequired && !d.reviewOutcome);
					if (!pending) return say('no decision of this case awaits review', 'warning');
					if (pending.officer === me.userName) return say('you recorded this decision: another supervisor must review it', 'error');
					return setOverlay('review');
				}
				case 'assign.me': {
					const numbers = !inCase && tagged.size > 0 ? [...tagged] : [inCase ? caseNumber : selectedRow?.applicationNumber].filter((n): n is string => Boolean(n));
					if (numbers.length === 0) return;
					return void act(`assigned ${numbers.length === 1 ? numbers[0] : `${numbers.length} cases`} to you`, async () => {
						for (const number of numbers) await data.assignToMe(number);
					}, () => setTagged(new Set()));
				}
				case 'take.next':
					return void act('took the next case', async () => {
						const number = await data.takeNext(inCase ? 'Unassigned' : queueName);
						if (number) openCase(number);
						else throw new Error(`no unassigned case in ${inCase ? 'Unassigned' : queueName}`);
					});
				case 'bring-forward':
					if (!inCase) return say('open a case first (Enter)', 'warning');
					setBfDraft(detail?.bringForwardOn ?? '');
					return setOverlay('bf');
				case 'refresh':
					return void refresh().then(() => say('refreshed'));
				case 'tag': {
					if (inCase || !selectedRow) return;
					const next = new Set(tagged);
					if (next.has(selectedRow.applicationNumber)) next.delete(selectedRow.applicationNumber);
					else next.add(selectedRow.applicationNumber);
					setTagged(next);
					return moveBy(1);
				}
				case 'quit':
					if (hasDrafts) return setOverlay('quit');
					return exit();
			}
		},
		[caseNumber, caseBodyHeight, bodyHeight, caseLines.length, total, selectedRow, openCase, filter, queues.length, sort, say, detail, me, tagged, act, data, queueName, refresh, hasDrafts, exit],
	);

	useInput(
		(input, key) => {
			for (const name of keyNames(input, key)) {
				if (caseNumber !== null && /^[1-6]$/.test(name)) {
					setScroll(0);
					setTab(Number(name) - 1);
					continue;
				}
				if (caseNumber === null && /^[0-9]$/.test(name)) {
					const index = queues.findIndex((q) => q.digitKey === Number(name));
					if (index >= 0) {
						setQueueIndex(index);
						setCursor(0);
						setTop(0);
					}
					continue;
				}
				if (name === 'q' && caseNumber === null && !filter) {
					runCommand('quit');
					continue;
				}
				const id = commandFor(keyMap, name, caseNumber === null ? 'queue' : 'case');
				if (id) runCommand(id);
				if (id) setMessage((m) => (m?.kind === 'error' ? m : null));
			}
		},
		{isActive: overlay === null},
	);

	// Ctrl+C anywhere: quit, asking first when a draft would be lost.
	useInput((input, key) => {
		if (key.ctrl && input === 'c') {
			if (overlay === 'quit') return exit();
			runCommand('quit');
		}
	});

	useInput(
		(input, key) => {
			if (input === 'y' || input === 'Y') return exit();
			if (input === 'n' || input === 'N' || key.escape) {
				setOverlay(null);
				say('nothing discarded');
			}
		},
		{isActive: overlay === 'quit'},
	);

	useInput(
		(input, key) => {
			if (!pager) return;
			const rows = caseBodyHeight;
			const maxTop = Math.max(0, pager.lines.length - rows);
			if (key.escape || input === 'q') return setOverlay(null);
			if (key.downArrow || input === 'j') setPager({...pager, top: Math.min(maxTop, pager.top + 1)});
			if (key.upArrow || input === 'k') setPager({...pager, top: Math.max(0, pager.top - 1)});
			if (key.pageDown || input === ' ') setPager({...pager, top: Math.min(maxTop, pager.top + rows)});
			if (key.pageUp) setPager({...pager, top: Math.max(0, pager.top - rows)});
		},
		{isActive: overlay === 'pager'},
	);

	// Enter on the Documents tab opens the document on the top line (j/k scroll to choose) in the pager.
	useInput(
		(input, key) => {
			if (!detail || CASE_TABS[tab] !== 'Documents' || overlay !== null) return;
			if (key.return || input === 'v') {
				const doc = detail.documents[Math.min(scroll, detail.documents.length - 1)];
				if (!doc) return;
				void data.documentText(doc.id).then(
					(text) => {
						setPager({title: `${doc.title} (${doc.fileName})`, lines: safeLines(text), top: 0});
						setOverlay('pager');
					},
					(error) => say(errorText(error), 'error'),
				);
			}
		},
		{isActive: overlay === null && caseNumber !== null},
	);

	// ---- drawing ----
	const position = caseNumber ? caseNumber : total === 0 ? '0 of 0' : `${top + 1}–${Math.min(total, top + bodyHeight)} of ${total}`;
	const statusBar = (
		<StatusBar
			officer={me.userName}
			roles={me.roles}
			store={data.storeName()}
			queue={queueName}
			position={position}
			refreshedAt={busy ? 'working…' : refreshedAt}
			message={overlay === 'quit' ? {text: 'Discard unsaved drafts and quit? y/n', kind: 'warning'} : message ?? (window.error ? {text: window.error, kind: 'error'} : null)}
			width={width}
			theme={theme}
		/>
	);

	let body: React.ReactNode;
	if (overlay === 'help') body = <HelpOverlay keyMap={keyMap} width={width} height={height - 1} theme={theme} onClose={() => setOverlay(null)} />;
	else if (overlay === 'palette')
		body = (
			<CommandPalette
				keyMap={keyMap}
				width={width}
				height={height - 1}
				theme={theme}
				onClose={() => setOverlay(null)}
				onRun={(id) => {
					setOverlay(null);
					runCommand(id);
				}}
			/>
		);
	else if (caseNumber !== null) body = caseBody();
	else body = queueBody();

	function queueBody() {
		const columns = columnsFor(width);
		const rows: CaseRow[] = [];
		for (let i = top; i < Math.min(total, top + bodyHeight); i++) {
			const row = window.rowAt(i);
			if (row) rows.push(row);
		}
		const tabs = queues.map((q, i) => `${q.digitKey !== null ? `${q.digitKey} ` : ''}${q.name} (${q.count})`);
		const tabLine = tabs.map((label, i) => (i === queueIndex ? `[${label}]` : ` ${label} `)).join('');
		const sortIndex = columns.findIndex((column) => column.sort === sort && (sort !== 'number' || column.title === 'Application'));
		return (
			<>
				<Text wrap="truncate">{fitWidth(safeText(tabLine) || 'Loading queues…', width)}</Text>
				{overlay === 'filter' ? (
					<LineInput
						label="/ "
						value={filterDraft}
						width={width}
						theme={theme}
						hint="Enter keeps, Esc clears"
						onChange={(value) => {
							setFilterDraft(value);
							setFilter(value);
							setCursor(0);
							setTop(0);
						}}
						onSubmit={() => setOverlay(null)}
						onCancel={() => {
							setFilter('');
							setFilterDraft('');
							setOverlay(null);
						}}
					/>
				) : (
					<Text color={theme.muted} wrap="truncate">
						{fitWidth(filter ? `filter: ${safeText(filter)}   (/ edit, Esc clear)` : 'filter: none   (/ to filter, ? for keys, : for commands)', width)}
					</Text>
				)}
				<Table
					columns={columns}
					rows={rows}
					selected={cursor - top}
					width={width}
					theme={theme}
					rowKey={(row) => row.applicationNumber}
					tagged={tagged}
					empty={window.loading ? 'Loading…' : 'No cases in this queue.'}
					sortColumn={sortIndex >= 0 ? sortIndex : undefined}
					descending={descending}
				/>
			</>
		);
	}

	function caseBody() {
		const header = detail
			? `${detail.applicationNumber}  ${safeText(detail.applicant.familyName)}, ${safeText(detail.applicant.givenNames)}  ${detail.program}  ${statusLabel(detail.status)}  v${detail.version}`
			: `${caseNumber}  loading…`;
		const tabsLine = CASE_TABS.map((name, i) => (i === tab ? `[${i + 1} ${name}]` : ` ${i + 1} ${name} `)).join('');
		const contentHeight = caseBodyHeight;
		let content: React.ReactNode;
		if (overlay === 'note' && caseNumber) {
			const buffer = noteDrafts.get(caseNumber) ?? bufferOf('');
			content = (
				<Box flexDirection="column">
					<Text bold>{fitWidth(`New note for ${caseNumber}  Ctrl+S: save  Esc: close (draft kept)`, width)}</Text>
					<TextArea
						buffer={buffer}
						width={width}
						height={contentHeight - 1}
						theme={theme}
						onChange={(next) => setNoteDrafts(new Map(noteDrafts).set(caseNumber, next))}
						onClose={() => {
							setOverlay(null);
							if (textOf(buffer).trim()) say('note draft kept: n to continue', 'info');
						}}
						onSave={() => {
							const body = textOf(buffer);
							if (!body.trim()) return say('the note is empty', 'warning');
							void act('note added', () => data.addNote(caseNumber, body), () => {
								const next = new Map(noteDrafts);
								next.delete(caseNumber);
								setNoteDrafts(next);
								setOverlay(null);
								setTab(CASE_TABS.indexOf('Notes'));
							});
						}}
					/>
				</Box>
			);
		} else if (overlay === 'decide' && detail && caseNumber) {
			const draft = decisionDrafts.get(caseNumber) ?? emptyDecisionDraft();
			content = (
				<DecisionDialog
					detail={detail}
					reasonCodes={reasonCodes}
					draft={draft}
					width={width}
					height={contentHeight}
					theme={theme}
					onChange={(next) => setDecisionDrafts(new Map(decisionDrafts).set(caseNumber, next))}
					onClose={() => setOverlay(null)}
					onSave={(current) => {
						const text = textOf(current.text);
						const missing = missingForDecision(detail, current.outcome, current.reasons, text);
						if (missing) return say(missing, 'warning');
						const bf = current.bf ? resolveDate(current.bf, today()) : undefined;
						if (bf === undefined && current.bf) return say(`bring-forward date "${current.bf}" is not YYYY-MM-DD or +N`, 'warning');
						void act(
							`decision recorded: ${current.outcome}`,
							async () => {
								const result = await data.decide(caseNumber, {
									outcome: current.outcome,
									reasonCodes: current.reasons,
									text,
									bringForwardOn: bf ?? undefined,
									expectedVersion: detail.version,
								});
								if (result.reviewRequired) say(`decision recorded (${result.status}): a supervisor will review it`);
							},
							() => {
								const next = new Map(decisionDrafts);
								next.delete(caseNumber);
								setDecisionDrafts(next);
								setOverlay(null);
							},
						);
					}}
				/>
			);
		} else if (overlay === 'review' && detail && caseNumber) {
			const decision = [...detail.decisions].reverse().find((d) => d.reviewRequired && !d.reviewOutcome);
			const draft = reviewDrafts.get(caseNumber) ?? {outcome: 'approve' as const, text: bufferOf('')};
			content = decision ? (
				<ReviewDialog
					detail={detail}
					decision={decision}
					draft={draft}
					width={width}
					height={contentHeight}
					theme={theme}
					onChange={(next) => setReviewDrafts(new Map(reviewDrafts).set(caseNumber, next))}
					onClose={() => setOverlay(null)}
					onSave={(current) => {
						const text = textOf(current.text);
						if (current.outcome === 'return' && !text.trim()) return say('returning needs text for the officer', 'warning');
						void act(`review recorded: ${current.outcome}`, () => data.review(caseNumber, current.outcome, text), () => {
							const next = new Map(reviewDrafts);
							next.delete(caseNumber);
							setReviewDrafts(next);
							setOverlay(null);
						});
					}}
				/>
			) : (
				<Text>No decision awaits review.</Text>
			);
		} else if (overlay === 'pager' && pager) {
			content = (
				<Box flexDirection="column">
					<Text bold>{fitWidth(`${safeText(pager.title)}  (j/k scroll, Esc close)`, width)}</Text>
					{pager.lines.slice(pager.top, pager.top + contentHeight - 1).map((line, i) => (
						<Text key={i}>{fitWidth(line, width)}</Text>
					))}
				</Box>
			);
		} else {
			const lines = caseLines.slice(scroll, scroll + contentHeight);
			content = (
				<Box flexDirection="column">
					{lines.map((line, i) => (
						<Text key={scroll + i} wrap="truncate">
							{line || ' '}
						</Text>
					))}
				</Box>
			);
		}
		return (
			<>
				<Text bold color={theme.accent} wrap="truncate">
					{fitWidth(header, width)}
				</Text>
				{overlay === 'bf' ? (
					<LineInput
						label="Bring-forward date (YYYY-MM-DD, +N days, empty clears): "
						value={bfDraft}
						width={width}
						theme={theme}
						onChange={setBfDraft}
						onCancel={() => setOverlay(null)}
						onSubmit={(value) => {
							const date = resolveDate(value, today());
							if (date === undefined) return say(`"${value}" is not a date (YYYY-MM-DD or +N)`, 'warning');
							setOverlay(null);
							void act(date ? `bring-forward set to ${date}` : 'bring-forward cleared', () => data.setBringForward(caseNumber!, date));
						}}
					/>
				) : (
					<Text wrap="truncate">{fitWidth(tabsLine, width)}</Text>
				)}
				<Box flexDirection="column" height={contentHeight}>
					{content}
				</Box>
			</>
		);
	}

	return (
		<Box flexDirection="column" width={width} height={height}>
			<Box flexDirection="column" height={height - 1} overflow="hidden">
				{body}
			</Box>
			{statusBar}
		</Box>
	);
}

