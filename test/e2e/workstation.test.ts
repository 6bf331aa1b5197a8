/**
 * End to end: the real binary (dist/cli.js) on a demo store in tmux, as an officer uses it —
 * move through a queue, filter by an accented name typed without accents, open a case, read the
 * CRS tab, add a note, record a decision, quit — asserting the screen at each step, the store
 * afterwards, and that the terminal settings are the same before and after.
 */
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {foldForSearch} from '../../source/cases/search-key.js';
import {CLI, ROOT, runCli} from '../helpers/cli.js';
import {hasTmux, Tmux} from './tmux.js';

const work = mkdtempSync(join(tmpdir(), 'caips-e2e-'));
const tmux = new Tmux();

type Row = {applicationNumber: string; familyName: string; givenNames: string; crsTotal: number | null; status: string};

function demoStore(name: string): string {
	const db = join(work, `${name}.db`);
	const run = runCli(['demo', '--db', db, '--cases', '300', '--seed', '7']);
	expect(run.code, run.stderr).toBe(0);
	return db;
}

/** A case in My cases with an accented name, and the accent-free word that must find it. */
function accentedCaseOfMine(db: string): Row & {typed: string} {
	const run = runCli(['queue', 'My cases', '--limit', '1000', '--json', '--db', db]);
	expect(run.code, run.stderr).toBe(0);
	const rows: Row[] = JSON.parse(run.stdout).rows;
	for (const row of rows) {
		for (const word of `${row.familyName} ${row.givenNames}`.split(/\s+/)) {
			const folded = foldForSearch(word);
			if (folded !== word.toLowerCase() && /^[a-z]+$/.test(folded)) return {...row, typed: folded};
		}
	}
	throw new Error('the demo store has no accented name in My cases');
}

/**
 * Starts the workstation in a pane that records `stty -g` before and after and prints the exit code.
 * `first`: a shell line run before it (its output stays on the shell's screen); `held`: the pane
 * waits for `tmux.go(session)` before it starts (to record its output from the first byte).
 */
function startWorkstation(session: string, db: string, columns: number, rows: number, env = '', options: {first?: string; held?: boolean} = {}): string {
	const before = join(work, `${session}.stty-before`);
	const after = join(work, `${session}.stty-after`);
	const pidFile = join(work, `${session}.pid`);
	const line = `stty -g > ${before}; ${options.first ? `${options.first}; ` : ''}env -u CI ${env} sh -c 'echo $$ > ${pidFile}; exec node ${CLI} --db ${db}'; echo "EXIT $?"; stty -g > ${after}; sleep 600`;
	tmux.start(session, columns, rows, `cd ${ROOT} && ${options.held ? tmux.held(session, line) : line}`);
	return session;
}

function expectFits(screen: string, columns: number, rows: number) {
	const lines = screen.replace(/\n$/, '').split('\n');
	// One frame, drawn in place: exactly one status bar (a garbled redraw leaves old ones behind).
	expect(lines.filter((line) => /\((?:[a-z]+,)*officer[,)]/.test(line))).toHaveLength(1);
	expect(lines.length).toBeLessThanOrEqual(rows);
	for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
}

function sttySame(session: string) {
	const before = readFileSync(join(work, `${session}.stty-before`), 'utf8');
	const after = readFileSync(join(work, `${session}.stty-after`), 'utf8');
	expect(after).toBe(before);
}

async function officerSession(session: string, db: string, columns: number, rows: number, options: {env?: string; resizeTo?: [number, number]} = {}) {
	const target = accentedCaseOfMine(db);
	startWorkstation(session, db, columns, rows, options.env);
	// The queues and the first page of My cases.
	let screen = await tmux.waitFor(session, /My cases \(\d+\)[\s\S]*> E\d{9}/);
	expect(screen).toMatch(/1–\d+ of \d+/);
	expectFits(screen, columns, rows);
	// Move through the queue: the marker leaves the first row.
	const firstSelected = /> (E\d{9})/.exec(screen)![1];
	tmux.send(session, ['j', 'j']);
	screen = await tmux.waitFor(session, new RegExp(`^  ${firstSelected}`, 'm'));
	if (options.resizeTo) {
		tmux.resize(session, options.resizeTo[0], options.resizeTo[1]);
		[columns, rows] = options.resizeTo;
		await tmux.waitFor(session, /My cases \(\d+\)[\s\S]*1–\d+ of \d+/);
		expectFits(tmux.screen(session), columns, rows);
	}
	// Filter by the accented name typed without accents, keep the filter, open the case.
	tmux.type(session, '/');
	tmux.type(session, `name:${target.typed}`);
	screen = await tmux.waitFor(session, new RegExp(`> ${target.applicationNumber}`));
	expect(screen).toContain(target.familyName);
	tmux.send(session, ['Enter']);
	await tmux.waitFor(session, new RegExp(`filter: name:${target.typed}`));
	tmux.send(session, ['Enter']);
	screen = await tmux.waitFor(session, /\[1 Summary\][\s\S]*Applicant\s+\S/);
	expect(screen).toContain(target.applicationNumber);
	// The CRS tab shows the case's CRS with its sections.
	tmux.type(session, '3');
	screen = await tmux.waitFor(session, /\[3 CRS\][\s\S]*A\. Core/);
	expect(screen.split('\n')[0]).toMatch(new RegExp(`^${target.applicationNumber} `));
	expect(screen).toMatch(new RegExp(`CRS ${target.crsTotal}\\b`));
	expectFits(screen, columns, rows);
	// Back to the queue, clear the filter, take the next unassigned case.
	tmux.send(session, ['Escape']);
	await tmux.waitFor(session, /filter: name:/);
	tmux.send(session, ['Escape']);
	await tmux.waitFor(session, /filter: none/);
	tmux.type(session, 'N');
	screen = await tmux.waitFor(session, /\[1 Summary\][\s\S]*in review/);
	const taken = /^(E\d{9}) /m.exec(screen)![1]!;
	// Add a note.
	tmux.type(session, 'n');
	await tmux.waitFor(session, /New note for/);
	tmux.type(session, 'Reference letter checked; duties match NOC.');
	tmux.send(session, ['C-s']);
	await tmux.waitFor(session, /note added/);
	// Record a decision: request for information.
	tmux.type(session, 'd');
	await tmux.waitFor(session, /Decision on/);
	tmux.type(session, '3');
	await tmux.waitFor(session, /Outcome: Request information/);
	tmux.send(session, ['Tab']);
	tmux.send(session, ['Tab']);
	await tmux.waitFor(session, /^> Text:/m);
	tmux.type(session, 'Please provide a police certificate from each country of residence.');
	tmux.send(session, ['C-s']);
	screen = await tmux.waitFor(session, /decision recorded/);
	await tmux.waitFor(session, /awaiting info/);
	// Quit: back to the queue, then q.
	tmux.send(session, ['Escape']);
	await tmux.waitFor(session, /My cases \(\d+\)/);
	tmux.type(session, 'q');
	await tmux.waitFor(session, /EXIT 0/);
	// The store has the note and the decision; the terminal settings are restored.
	const show = runCli(['case', 'show', taken, '--json', '--db', db]);
	expect(show.code, show.stderr).toBe(0);
	const record = JSON.parse(show.stdout);
	expect(record.notes.at(-1).body).toBe('Reference letter checked; duties match NOC.');
	expect(record.decisions.at(-1).outcome).toBe('rfi');
	expect(record.decisions.at(-1).text).toBe('Please provide a police certificate from each country of residence.');
	expect(record.case.status).toBe('awaiting_info');
	await waitForFile(join(work, `${session}.stty-after`));
	sttySame(session);
	return screen;
}

/** Sends SIGname to the workstation process of `session` (its pid is written by the pane's shell). */
function signal(name: string, session: string) {
	const pid = Number(readFileSync(join(work, `${session}.pid`), 'utf8').trim());
	expect(pid).toBeGreaterThan(0);
	process.kill(pid, `SIG${name}` as NodeJS.Signals);
}

async function waitForFile(path: string) {
	const deadline = Date.now() + 5000;
	for (;;) {
		try {
			if (readFileSync(path, 'utf8').length > 0) return;
		} catch {}
		if (Date.now() > deadline) throw new Error(`${path} never written`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

describe.runIf(hasTmux())('the workstation in tmux', {timeout: 120_000}, () => {
	beforeAll(() => undefined);
	afterAll(() => tmux.kill());

	it('80×24: queue, accent-free filter, case, CRS, note, decision, quit; terminal restored', async () => {
		await officerSession('w80', demoStore('w80'), 80, 24);
	});

	it('120×40 with a resize to 100×30 in the middle', async () => {
		await officerSession('w120', demoStore('w120'), 120, 40, {resizeTo: [100, 30]});
	});

	it('TERM=dumb and NO_COLOR=1: no colour, no box drawing, the > marker', async () => {
		const db = demoStore('dumb');
		startWorkstation('dumb-look', db, 80, 24, 'TERM=dumb NO_COLOR=1');
		const screen = await tmux.waitFor('dumb-look', /My cases \(\d+\)[\s\S]*> E\d{9}/);
		expect(screen).toMatch(/> E\d{9}/);
		expect(screen).not.toMatch(/[─│┌┐└┘]/);
		expect(tmux.screenWithEscapes('dumb-look')).not.toMatch(/\u001b\[(3\d|4\d|9\d|7)m/);
		tmux.type('dumb-look', 'q');
		await tmux.waitFor('dumb-look', /EXIT 0/);
		await officerSession('dumb', db, 80, 24, {env: 'TERM=dumb NO_COLOR=1'});
	});

	it('the first start keeps the compiled code once its first frame is drawn; the next start uses it, the same screen', async () => {
		const db = demoStore('cache');
		const cacheHome = join(work, 'xdg-cache');
		const cacheFiles = () => (existsSync(join(cacheHome, 'caips')) ? readdirSync(join(cacheHome, 'caips')) : []);
		startWorkstation('cache-1', db, 80, 24, `XDG_CACHE_HOME=${cacheHome}`);
		// The first full frame: the queue, its position and the time of the read in the status bar.
		const first = await tmux.waitFor('cache-1', /My cases \(\d+\)[\s\S]*> E\d{9}[\s\S]*1–\d+ of \d+ \| \d\d:\d\d/);
		// Written after the first frame, while the officer works.
		const deadline = Date.now() + 10_000;
		while (!cacheFiles().some((name) => name.endsWith('-workstation.v8-code-cache')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
		const [file] = cacheFiles().filter((name) => name.endsWith('-workstation.v8-code-cache'));
		expect(file, cacheFiles().join(', ')).toBeDefined();
		tmux.type('cache-1', 'q');
		await tmux.waitFor('cache-1', /EXIT 0/);
		const written = readFileSync(join(cacheHome, 'caips', file!));
		startWorkstation('cache-2', db, 80, 24, `XDG_CACHE_HOME=${cacheHome}`);
		const second = await tmux.waitFor('cache-2', /My cases \(\d+\)[\s\S]*> E\d{9}[\s\S]*1–\d+ of \d+ \| \d\d:\d\d/);
		const clockless = (screen: string) => screen.replace(/\d\d:\d\d(:\d\d)?/g, 'hh:mm');
		expect(clockless(second)).toBe(clockless(first));
		tmux.type('cache-2', 'q');
		await tmux.waitFor('cache-2', /EXIT 0/);
		// Accepted, so not written again.
		expect(readFileSync(join(cacheHome, 'caips', file!)).equals(written)).toBe(true);
	});

	for (const [how, stop, status] of [
		['Ctrl+C', (session: string) => tmux.send(session, ['C-c']), 0],
		['SIGTERM', (session: string) => signal('TERM', session), 143],
		['SIGHUP', (session: string) => signal('HUP', session), 129],
	] as const) {
		it(`${how} ends the workstation and restores the terminal (exit ${status})`, async () => {
			const db = demoStore(`stop-${how}`);
			const session = `stop-${how.replace('+', '')}`;
			startWorkstation(session, db, 80, 24);
			await tmux.waitFor(session, /My cases \(\d+\)[\s\S]*> E\d{9}/);
			stop(session);
			await tmux.waitFor(session, new RegExp(`EXIT ${status}\\b`));
			await waitForFile(join(work, `${session}.stty-after`));
			sttySame(session);
		});
	}

	it('smaller than 80×24: a notice that fits; growing back brings the screen and the draft back', async () => {
		const db = demoStore('small');
		const session = startWorkstation('small', db, 70, 20);
		let screen = await tmux.waitFor(session, /caips needs at least 80×24; this terminal is\s+70×20\.[\s\S]*press q to quit/);
		expect(screen).not.toMatch(/My cases/);
		const fits = (text: string, columns: number, rows: number) => {
			const lines = text.replace(/\n+$/, '').split('\n');
			expect(lines.length).toBeLessThanOrEqual(rows);
			for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
		};
		fits(screen, 70, 20);
		tmux.resize(session, 80, 24);
		screen = await tmux.waitFor(session, /My cases \(\d+\)[\s\S]*> E\d{9}/);
		expectFits(screen, 80, 24);
		// A note draft, then too small again: keys do nothing; back to 80×24, the editor and the draft are there.
		tmux.send(session, ['Enter']);
		await tmux.waitFor(session, /\[1 Summary\]/);
		tmux.type(session, 'n');
		await tmux.waitFor(session, /New note for/);
		tmux.type(session, 'Draft kept through a resize.');
		await tmux.waitFor(session, /Draft kept through a resize\./);
		tmux.resize(session, 60, 15);
		screen = await tmux.waitFor(session, /this terminal is\s+60×15/);
		fits(screen, 60, 15);
		tmux.type(session, 'xyz');
		tmux.resize(session, 80, 24);
		screen = await tmux.waitFor(session, /New note for[\s\S]*Draft kept through a resize\./);
		expect(screen).not.toContain('xyz');
		expectFits(screen, 80, 24);
		// Quitting with the draft asks first, also when too small.
		tmux.resize(session, 70, 20);
		await tmux.waitFor(session, /this terminal is\s+70×20/);
		tmux.type(session, 'q');
		await tmux.waitFor(session, /Discard unsaved drafts and quit\? y\/n/);
		tmux.type(session, 'y');
		await tmux.waitFor(session, /EXIT 0/);
		await waitForFile(join(work, `${session}.stty-after`));
		sttySame(session);
	});

	it('widened then narrowed (80 → 100 → 80 columns): redrawn whole, the screen is the same as before, no stale line', async () => {
		const db = demoStore('rewrap');
		const session = startWorkstation('rewrap', db, 80, 24);
		// Fresh: the first frame, once the status bar shows when the queue was read.
		const fresh = await tmux.waitFor(session, /My cases \(\d+\)[\s\S]*> E\d{9}[\s\S]*1–\d+ of \d+ \| \d\d:\d\d/);
		expectFits(fresh, 80, 24);
		tmux.resize(session, 100, 24);
		// Wider: the tabs line shows more queues and the table more columns.
		const wide = await tmux.waitFor(session, /Received↑ +Days/);
		expectFits(wide, 100, 24);
		expect(Math.max(...wide.split('\n').map((line) => stringWidth(line)))).toBeGreaterThan(80);
		tmux.resize(session, 80, 24);
		// The status bar's clock may move on meanwhile: times aside, the same screen as drawn fresh.
		const clockless = (screen: string) => screen.replace(/\d\d:\d\d(?::\d\d)?/g, 'hh:mm');
		const narrow = await tmux.waitFor(session, (screen) => clockless(screen) === clockless(fresh), 10_000).catch(() => tmux.screen(session));
		expect(clockless(narrow)).toBe(clockless(fresh));
		expectFits(narrow, 80, 24);
		tmux.type(session, 'q');
		await tmux.waitFor(session, /EXIT 0/);
		await waitForFile(join(work, `${session}.stty-after`));
		sttySame(session);
	});

	it('full screen: ESC[3J (erase the scrollback) is never written; after q the screen from before is back, no frame left', async () => {
		const db = demoStore('alt');
		const session = startWorkstation('alt', db, 80, 24, '', {first: 'echo BEFORE-CAIPS', held: true});
		const bytes = join(work, 'alt.output');
		tmux.record(session, bytes);
		tmux.go(session);
		await tmux.waitFor(session, /My cases \(\d+\)[\s\S]*> E\d{9}/);
		// The shell's line is not on the workstation's screen.
		expect(tmux.screen(session)).not.toContain('BEFORE-CAIPS');
		// Smaller than the frame, and back: Ink clears the screen then (without erasing the scrollback).
		tmux.resize(session, 70, 20);
		await tmux.waitFor(session, /this terminal is\s+70×20/);
		tmux.resize(session, 80, 24);
		await tmux.waitFor(session, /My cases \(\d+\)[\s\S]*> E\d{9}/);
		tmux.type(session, 'q');
		const after = await tmux.waitFor(session, /EXIT 0/);
		expect(after).toContain('BEFORE-CAIPS');
		expect(after).not.toMatch(/My cases|officer|E\d{9}/);
		expect(after.trim().split('\n')).toEqual(['BEFORE-CAIPS', 'EXIT 0']);
		await waitForFile(join(work, `${session}.stty-after`));
		sttySame(session);
		const written = readFileSync(bytes, 'latin1');
		expect(written).toContain('\u001b[?1049h');
		expect(written).toContain('\u001b[?1049l');
		expect(written).not.toContain('\u001b[3J');
	});

	it('Ctrl+C, SIGTERM and SIGHUP also bring back the screen from before, with no frame left', async () => {
		const db = demoStore('leave');
		for (const [how, stop] of [
			['C-c', (session: string) => tmux.send(session, ['C-c'])],
			['TERM', (session: string) => signal('TERM', session)],
			['HUP', (session: string) => signal('HUP', session)],
		] as const) {
			const session = startWorkstation(`leave-${how}`, db, 80, 24, '', {first: 'echo BEFORE-CAIPS'});
			await tmux.waitFor(session, /My cases \(\d+\)[\s\S]*> E\d{9}/);
			stop(session);
			const after = await tmux.waitFor(session, /EXIT \d+/);
			expect(after.trim().split('\n')[0], how).toBe('BEFORE-CAIPS');
			expect(after, how).not.toMatch(/My cases|E\d{9}/);
			await waitForFile(join(work, `${session}.stty-after`));
			sttySame(session);
		}
	});

	it('a name with zero-width, format and stacked characters: its row keeps the table layout in the terminal', async () => {
		const db = demoStore('invisible');
		const template = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'applications', 'V01.json'), 'utf8'));
		const hostile = {
			...template,
			applicationNumber: 'E000777001',
			uci: '9999-0001',
			// Received (an unassigned case in review's reach), not a profile in the pool.
			invitedAt: '2026-07-02T12:00:00Z',
			receivedAt: '2026-08-20T12:00:00Z',
			applicant: {...template.applicant, familyName: 'Ze\u200bro\u200c\u200d\u2060\ufeff\u00ad\u0600\u0601\u0602', givenNames: `Z${'\u0301\u0308'.repeat(12)}algo`},
		};
		const file = join(work, 'invisible.json');
		writeFileSync(file, JSON.stringify(hostile));
		const imported = runCli(['import', file, '--db', db]);
		expect(imported.code, imported.stderr).toBe(0);
		const session = startWorkstation('invisible', db, 80, 24);
		await tmux.waitFor(session, /My cases \(\d+\)[\s\S]*> E\d{9}/);
		// Imported cases are unassigned: the next queue, filtered to it.
		tmux.send(session, ['Tab']);
		await tmux.waitFor(session, /\[Unassigned \(\d+\)\]/);
		tmux.type(session, '/');
		tmux.type(session, 'E000777001');
		// The filter prompt holds what was typed and the queue shows only that case (the case is
		// also the first row unfiltered, so its row alone proves nothing was typed yet).
		const screen = await tmux.waitFor(session, /^\/ E000777001[\s\S]*> E000777001 [\s\S]*1–1 of 1 /m);
		expectFits(screen, 80, 24);
		const lines = screen.split('\n');
		const header = lines.find((line) => line.startsWith('  Application '))!;
		const row = lines.find((line) => line.startsWith('> E000777001 '))!;
		// Nothing invisible reached the terminal, and no letter carries more than four marks.
		expect(row).not.toMatch(/[\p{Cf}\p{Default_Ignorable_Code_Point}]/u);
		expect(row).not.toMatch(/[\p{Mn}\p{Me}]{5}/u);
		expect(row).toContain(`Zero, Z${'\u0301\u0308'.repeat(2)}algo`);
		// The columns after the name are where the header puts them.
		const prog = / FSW {2}/.exec(row)!;
		expect(stringWidth(row.slice(0, prog.index + 1))).toBe(stringWidth(header.slice(0, header.indexOf(' Prog ') + 1)));
		// Esc clears the filter: the whole queue again. Then q quits.
		tmux.send(session, ['Escape']);
		await tmux.waitFor(session, /filter: none[\s\S]*1–\d+ of (?!1 )\d+ /);
		tmux.type(session, 'q');
		await tmux.waitFor(session, /EXIT 0/);
	});

	it('keys typed ahead in one burst (a slow link) act on the screens they were meant for; none is lost', async () => {
		const db = demoStore('typeahead');
		const target = accentedCaseOfMine(db);
		const session = startWorkstation('typeahead', db, 80, 24);
		await tmux.waitFor(session, /My cases \(\d+\)[\s\S]*> E\d{9}/);
		// A filter, its Enter, Enter to open the case it found and 3 for the CRS tab, sent at once.
		tmux.send(session, ['/', `name:${target.typed}`, 'Enter', 'Enter', '3']);
		const screen = await tmux.waitFor(session, /\[3 CRS\][\s\S]*A\. Core/);
		expect(screen.split('\n')[0]).toMatch(new RegExp(`^${target.applicationNumber} `));
		// Esc back to the filtered queue, then Esc (clears the filter) and q (quits) at once.
		tmux.send(session, ['Escape']);
		await tmux.waitFor(session, /filter: name:/);
		tmux.send(session, ['Escape', 'q']);
		await tmux.waitFor(session, /EXIT 0/);
		sttySame(session);
	});

	it('keys typed before the first frame (the officer types while caips starts) act on the screens they were meant for', async () => {
		const db = demoStore('typeahead-start');
		const target = accentedCaseOfMine(db);
		const session = startWorkstation('typeahead-start', db, 80, 24);
		// No wait for the first frame; each key on its own, as typed (the terminal is not in raw mode
		// yet when the first ones arrive unless caips puts it there at once).
		for (const key of ['/', ...`name:${target.typed}`, 'Enter', 'Enter', '3']) tmux.send(session, [key]);
		const screen = await tmux.waitFor(session, /\[3 CRS\][\s\S]*A\. Core/);
		// Nothing typed was echoed into the frame: the first line is the case's own.
		expect(screen.split('\n')[0]).toMatch(new RegExp(`^${target.applicationNumber} `));
		tmux.send(session, ['Escape', 'Escape', 'q']);
		await tmux.waitFor(session, /EXIT 0/);
		sttySame(session);
	});

	it('Ctrl+S pressed while caips starts does not freeze the terminal (the keys are the workstation\'s from the start)', async () => {
		const db = demoStore('xoff');
		const pidFile = join(work, 'xoff.pid');
		startWorkstation('xoff', db, 80, 24);
		// As soon as node is starting (the pid is written just before it), long before the first frame.
		const deadline = Date.now() + 5000;
		while (!existsSync(pidFile) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
		tmux.send('xoff', ['C-s']);
		// In the terminal's own line mode Ctrl+S would stop all output until Ctrl+Q: no frame at all.
		await tmux.waitFor('xoff', /My cases \(\d+\)[\s\S]*> E\d{9}/);
		tmux.send('xoff', ['Escape']);
		tmux.type('xoff', 'q');
		await tmux.waitFor('xoff', /EXIT 0/);
		sttySame('xoff');
	});

	it('without a terminal, caips exits 2 with a one-line hint', () => {
		const run = runCli([], {env: {CAIPS_DB: join(work, 'w80.db')}});
		expect(run.code).toBe(2);
		expect(run.stderr.trim().split('\n')).toHaveLength(1);
		expect(run.stderr).toMatch(/needs a terminal/);
	});
});

describe.runIf(!hasTmux())('the workstation in tmux', () => {
	it('needs tmux (.ci/run installs it)', () => {
		expect.fail('tmux is not installed: end-to-end tests cannot run (apt-get install tmux)');
	});
});
