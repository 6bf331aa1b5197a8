/**
 * Keys typed ahead across a change of screen, tab or editor (typing fast, or keys arriving
 * together over a slow SSH link): each acts on the screen the keys before it left, none is lost.
 */
import {describe, expect, it} from 'vitest';
import {CASES, FakePort} from './fake-port.js';
import {KEY, openCase, openWorkstation, switchToQueue, useUiTestHooks} from './render-app.js';

useUiTestHooks();

const NOTE_EDITOR = 'New note for';

describe('keys typed ahead across a change of screen', () => {
	it('? Esc j: the help opens and closes, then the cursor moves', async () => {
		const app = await openWorkstation();
		await app.type('?\u001bj');
		await app.waitFor((f) => !f.includes('Keys (Esc') && (app.selectedLine() ?? '').includes(CASES.cjk), 'the help closed and the second row selected');
	});

	it(': pool Enter: the palette runs the command typed', async () => {
		const app = await openWorkstation();
		await app.type(':pool\r');
		await app.waitForText('Pool on');
	});

	it('3 j j j j in a case: the CRS tab, scrolled four lines', async () => {
		const app = await openWorkstation();
		await openCase(app, CASES.helene);
		await app.type('3');
		const top = (await app.waitForText('[3 CRS]')).split('\n');
		await app.type('1');
		await app.waitForText('[1 Summary]');
		await app.type('3jjjj');
		await app.waitFor((f) => f.includes('[3 CRS]') && f.split('\n')[2] === top[6], 'the CRS tab four lines down');
	});

	it('n, text and Esc: the editor closes and keeps the draft', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.type('ntyped fast\u001b');
		await app.waitFor((f) => !f.includes(NOTE_EDITOR) && f.includes('[1 Summary]'), 'the editor closed');
		await app.type('n');
		await app.waitForText(NOTE_EDITOR, 'typed fast');
		expect(fake.callsOf('addNote')).toEqual([]);
	});

	it('n, text and Ctrl+S: the note is typed but not saved (a note is for good: Ctrl+S is pressed with it on the screen)', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.type('nburst note\u0013q');
		await app.waitForText('not saved (Ctrl+S typed ahead): check it, then press Ctrl+S', NOTE_EDITOR, 'burst note');
		// The q after it is dropped, not typed into the note.
		expect(app.frame()).not.toContain('burst noteq');
		expect(fake.callsOf('addNote')).toEqual([]);
		await app.press(KEY.ctrlS);
		await app.waitForText('note added');
		expect(fake.callsOf('addNote')).toEqual([[CASES.helene, 'burst note', undefined]]);
	});

	it('a decision typed ahead (tab digit, d, Ctrl+S) is not recorded; the dialog waits for a Ctrl+S pressed with it drawn', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.eligible);
		await app.type('3d\u0013');
		await app.waitForText(`Decision on ${CASES.eligible}`, 'not saved (Ctrl+S typed ahead)');
		expect(fake.callsOf('decide')).toEqual([]);
		await app.press(KEY.ctrlS);
		await app.waitForText('decision recorded: approve');
		expect(fake.callsOf('decide')).toHaveLength(1);
	});

	it('a decision from the palette typed ahead (: record a decision Enter Ctrl+S) is not recorded', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.eligible);
		await app.type(':record a decision\r\u0013');
		await app.waitForText(`Decision on ${CASES.eligible}`, 'not saved (Ctrl+S typed ahead)');
		expect(fake.callsOf('decide')).toEqual([]);
	});

	it('a review typed ahead (tab digit, R, Ctrl+S) is not recorded', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await switchToQueue(app, 'All cases');
		await openCase(app, CASES.pendingByColleague);
		await app.type('6R\u0013');
		await app.waitForText(`Review of ${CASES.pendingByColleague}`, 'not saved (Ctrl+S typed ahead)');
		expect(fake.callsOf('review')).toEqual([]);
	});
});

describe('d or R with keys after it, in a case already open', () => {
	it('R Tab Ctrl+S: the review dialog gets the Tab (return chosen); the Ctrl+S is refused and said', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await switchToQueue(app, 'All cases');
		await openCase(app, CASES.pendingByColleague);
		await app.type('R\t\u0013');
		await app.waitForText('approve [return]', 'not saved (Ctrl+S typed ahead)');
		expect(fake.callsOf('review')).toEqual([]);
	});

	it('d Ctrl+S: the dialog opens, nothing is recorded, and the officer is told why', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.eligible);
		await app.type('d\u0013');
		await app.waitForText(`Decision on ${CASES.eligible}`, 'not saved (Ctrl+S typed ahead)');
		expect(fake.callsOf('decide')).toEqual([]);
	});
});

describe('Esc then another key in one packet (read by the terminal as Alt+key)', () => {
	it('Esc Ctrl+S in the note editor closes it keeping the draft; nothing is saved', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.press('n');
		await app.waitForText(NOTE_EDITOR);
		await app.type('kept draft');
		await app.waitForText('kept draft');
		await app.type('\u001b\u0013');
		await app.waitFor((f) => !f.includes(NOTE_EDITOR), 'the editor closed');
		await app.settle();
		expect(fake.callsOf('addNote')).toEqual([]);
		await app.press('n');
		await app.waitForText(NOTE_EDITOR, 'kept draft');
	});

	it('Esc ↓ from a case goes back to the queue and moves down', async () => {
		const app = await openWorkstation();
		await openCase(app, CASES.helene);
		await app.type('\u001b\u001b[B');
		await app.waitFor((f) => f.includes('filter: ') && !f.includes('[1 Summary]') && (app.selectedLine() ?? '') !== '' , 'the queue');
		expect(app.frame()).not.toContain('[1 Summary]');
	});
});

describe('keys typed ahead into the Pool and Rounds screens wait for their rows', () => {
	it('P j j Enter 3 from the queue, the pool slow to rank: the third profile’s case on its CRS tab', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		const release = fake.hold('pool');
		await app.type('Pjj\r3');
		await app.waitForText('Ranking the pool…');
		release();
		const third = fake.poolEntries()[2]!.applicationNumber;
		await app.waitForText('[3 CRS]', `${third}  `);
	});

	it('W Enter j Enter 3, the rounds and invitees slow to read: the latest round’s second invitee on its CRS tab', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		const releaseRounds = fake.hold('rounds');
		const releaseInvitees = fake.hold('roundInvitees');
		await app.type('W\rj\r3');
		await app.settle();
		releaseRounds();
		await app.waitForText('Round 3 of');
		releaseInvitees();
		const second = (await fake.roundInvitees(3))[1]!.applicationNumber;
		await app.waitForText('[3 CRS]', `${second}  `);
	});
});
