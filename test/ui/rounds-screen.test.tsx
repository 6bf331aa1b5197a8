/**
 * The Rounds screen (W): past rounds with their figures, Enter opens a round's invitees (windowed,
 * names from the store made safe), Esc back to the list and then to the queue; read-only (no
 * round is run from the workstation); the terminal contract (80×24, TERM=dumb plain).
 */
import chalk from 'chalk';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {COMMANDS} from '../../source/ui/keymap.js';
import {themeFor} from '../../source/ui/theme.js';
import {CASES, FakePort} from './fake-port.js';
import {KEY, openWorkstation, useUiTestHooks, type Rendered} from './render-app.js';

let savedLevel: typeof chalk.level;
beforeEach(() => {
	savedLevel = chalk.level;
	chalk.level = 3;
});
afterEach(() => {
	chalk.level = savedLevel;
});
useUiTestHooks();

const plain = (frame: string) => frame.replace(/\u001b\[[0-9;]*m/g, '');

/** Invitee rows in the frame: [rank, application number]. */
function inviteeRows(frame: string): Array<[number, string]> {
	return plain(frame)
		.split('\n')
		.map((line) => /^[> ] +(\d+) (E\d{9}) /.exec(line))
		.filter((m): m is RegExpExecArray => m !== null)
		.map((m) => [Number(m[1]), m[2]!]);
}

async function openRounds(app: Rendered): Promise<string> {
	await app.press('W');
	return app.waitForText('Rounds of invitations | 1–3 of 3', '2026-10-23');
}

describe('Rounds screen', () => {
	it('opens with W and lists the rounds with their figures, latest first', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		const frame = plain(await openRounds(app));
		expect(frame).toMatch(/No Date +Type +Target +Size Invited Cutoff Tie-break/);
		expect(frame).toMatch(/^> +3 2026-11-20 category french +3 +3 +379 2026-03-02 09:15:42Z *$/m);
		expect(frame).toMatch(/^ +2 2026-11-06 program +CEC +2500 +2500 +518 2026-05-14 20:01:07Z *$/m);
		expect(frame).toMatch(/^ +1 2026-10-23 general +all +30 +30 +481 2026-01-09 11:22:33Z *$/m);
		expect(fake.callsOf('rounds')).toHaveLength(1);
		expect(frame).toContain('Rounds |');
	});

	it('Enter opens a round: its invitees in rank order, with names made safe', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openRounds(app);
		await app.press(KEY.enter);
		const frame = await app.waitFor((f) => inviteeRows(f).length === 3, 'the invitees of round 3');
		expect(plain(frame)).toContain('Round 3 of 2026-11-20 (category, french): invitees | 1–3 of 3');
		expect(plain(frame)).toContain('cutoff 379  tie-break 2026-03-02 09:15:42Z');
		expect(inviteeRows(frame)).toEqual([
			[1, CASES.helene],
			[2, CASES.evil],
			[3, CASES.cjk],
		]);
		// The hostile name is drawn with its ESC made visible (the hooks check every frame too).
		expect(frame).toContain('Evil␛[31mRed');
		expect(frame).toContain('Côté-Lefrançois');
		expect(fake.callsOf('roundInvitees')).toEqual([[3]]);
	});

	it('windows a round with more invitees than lines, and Esc goes back to the list, then to the queue', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openRounds(app);
		await app.press('j', 'j', KEY.enter);
		let frame = await app.waitFor((f) => f.includes('Round 1 of 2026-10-23') && inviteeRows(f).length === 20, 'round 1');
		expect(frame).toContain('1–20 of 30');
		const top = fake.poolEntries().slice(0, 30);
		expect(inviteeRows(frame).map((r) => r[1])).toEqual(top.slice(0, 20).map((e) => e.applicationNumber));
		await app.press('G');
		frame = await app.waitForText('11–30 of 30');
		expect(app.selectedLine()).toContain(top[29]!.applicationNumber);
		expect(inviteeRows(frame)).toHaveLength(20);
		await app.press(KEY.escape);
		frame = await app.waitForText('Rounds of invitations | 1–3 of 3');
		// The list kept its place: round 1 is still the chosen one.
		expect(plain(app.selectedLine() ?? '')).toMatch(/^> +1 2026-10-23/);
		await app.press(KEY.escape);
		await app.waitFor((f) => f.includes('filter: none') && !f.includes('Rounds of invitations'), 'the queue');
	});

	it('a round run by another admin appears without r when the poll notices a change', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake, pollMs: 5});
		await openRounds(app);
		fake.roundList.unshift({number: 4, at: '2026-11-27T14:00:00.000Z', type: 'general', program: null, category: null, size: 5, invited: 5, cutoff: 470, tieBreakAt: '2026-02-01T10:00:00.000Z'});
		fake.simulateOtherOfficer(CASES.helene);
		await app.waitForText('Rounds of invitations | 1–4 of 4', '2026-11-27');
	});

	it('moves and Enter typed ahead in one burst open the round, then the invitee, the moves chose', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openRounds(app);
		await app.type('jj\r');
		await app.waitFor((f) => f.includes('Round 1 of 2026-10-23') && inviteeRows(f).length === 20, 'round 1');
		const rows = inviteeRows(app.frame());
		await app.type('jjj\r');
		await app.waitForText('[1 Summary]', `Application ${rows[3]![1]}`);
	});

	it('Enter on an invitee opens the case view; Esc comes back to the invitees on the same row, then to the list', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openRounds(app);
		await app.press('j', 'j', KEY.enter);
		await app.waitFor((f) => f.includes('Round 1 of 2026-10-23') && inviteeRows(f).length === 20, 'round 1');
		const top = fake.poolEntries().slice(0, 30);
		await app.press(KEY.pageDown, 'k');
		const chosen = app.selectedLine()!;
		const number = /E\d{9}/.exec(chosen)![0];
		expect(top.map((e) => e.applicationNumber)).toContain(number);
		const reads = fake.callsOf('caseDetail').length;
		await app.press(KEY.enter);
		const frame = await app.waitForText('[1 Summary]', `Application ${number}`);
		expect(fake.callsOf('caseDetail').slice(reads)).toEqual([[number]]);
		expect(plain(frame).split('\n').at(-1)).toMatch(new RegExp(`Rounds \\| ${number}`));
		await app.press('6');
		await app.waitForText('[6 History]');
		await app.press(KEY.escape);
		await app.waitFor((f) => f.includes('Round 1 of 2026-10-23') && (app.selectedLine()?.includes(number) ?? false), 'the invitees, same row');
		expect(app.selectedLine()).toBe(chosen);
		await app.press(KEY.escape);
		await app.waitForText('Rounds of invitations | 1–3 of 3');
		expect(plain(app.selectedLine() ?? '')).toMatch(/^> +1 2026-10-23/);
		expect(fake.writes()).toEqual([]);
	});

	it('is read-only: nothing is written and no command runs a round', async () => {
		const fake = new FakePort({roles: ['admin', 'officer', 'supervisor']});
		const app = await openWorkstation({fake});
		await openRounds(app);
		await app.press(KEY.enter, 'd', 'a', 'N', 'n', ' ', KEY.escape, 'j', KEY.enter, KEY.escape);
		expect(fake.writes()).toEqual([]);
		expect(COMMANDS.filter((c) => /round/i.test(c.id)).map((c) => c.id)).toEqual(['rounds.open']);
	});

	it('reaches the pool with P and back, and shows a listing error in the status bar', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openRounds(app);
		await app.press('P');
		await app.waitForText('Pool on');
		await app.press('W');
		await app.waitForText('Rounds of invitations | 1–3 of 3');
		fake.failNext('roundInvitees', new Error('no round 3'));
		await app.press(KEY.enter);
		await app.waitForText('! no round 3', 'Cannot list the invitees');
	});

	it('r lists the rounds again', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openRounds(app);
		await app.press('r');
		await app.waitFor(() => fake.callsOf('rounds').length === 2, 'a second listing');
	});

	it('on TERM=dumb draws plain text: no escape codes, no box drawing, the > marker kept', async () => {
		const app = await openWorkstation({theme: themeFor({TERM: 'dumb'})});
		await openRounds(app);
		await app.press(KEY.enter);
		await app.waitFor((f) => inviteeRows(f).length === 3, 'the invitees');
		expect(app.selectedLine()).toMatch(/^> +1 E\d{9}/);
		for (const frame of app.frames) {
			// The hostile name's ESC is drawn as ␛: no escape code reaches a dumb terminal.
			expect(frame).not.toContain('\u001b');
			expect(frame).not.toMatch(/[\u2500-\u257f]/);
		}
	});
});
