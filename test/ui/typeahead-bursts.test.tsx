/**
 * Keys typed ahead across a change of screen, tab or editor (typing fast, or keys arriving
 * together over a slow SSH link): each acts on the screen the keys before it left, none is lost.
 */
import {describe, expect, it} from 'vitest';
import {CASES, FakePort} from './fake-port.js';
import {openCase, openWorkstation, useUiTestHooks} from './render-app.js';

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

	it('n, text and Ctrl+S: the note is saved', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.type('nburst note\u0013');
		await app.waitForText('note added');
		expect(fake.callsOf('addNote')).toEqual([[CASES.helene, 'burst note', undefined]]);
	});
});
