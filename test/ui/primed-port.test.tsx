/**
 * The first reads started before the screens load (source/ui/primed-port.ts): the App's first
 * requests are exactly the primed ones (one queues read, one first page — so the store audits one
 * queue view, not two), later reads go to the store, and a failed primed read reaches the App as
 * any failed read does.
 */
import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/ui/App.js';
import {defaultKeyMap} from '../../source/ui/keymap.js';
import {FIRST_PAGE, primedPort} from '../../source/ui/primed-port.js';
import {themeFor} from '../../source/ui/theme.js';
import {FakePort, NOW, TODAY} from './fake-port.js';

afterEach(() => cleanup());

async function until(test: () => boolean, what: string): Promise<void> {
	const deadline = Date.now() + 5000;
	while (!test()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 2));
	}
}

function renderPrimed(fake: FakePort) {
	const {port, ready} = primedPort(fake);
	const app = render(<App data={port} theme={themeFor({})} keyMap={defaultKeyMap()} size={{columns: 80, rows: 24}} pollMs={0} today={() => TODAY} clock={() => new Date(NOW)} />);
	return {app, ready};
}

describe('the primed first reads', () => {
	it('are the App\'s first reads: one queues read and one first page, both asked before the App was drawn', async () => {
		const fake = new FakePort();
		const {port, ready} = primedPort(fake);
		expect(fake.callsOf('queues')).toHaveLength(1);
		expect(fake.callsOf('queuePage')).toEqual([[FIRST_PAGE]]);
		await ready;
		const app = render(<App data={port} theme={themeFor({})} keyMap={defaultKeyMap()} size={{columns: 80, rows: 24}} pollMs={0} today={() => TODAY} clock={() => new Date(NOW)} />);
		await until(() => /\d+–\d+ of \d+/.test(app.lastFrame() ?? ''), 'the position in the status bar');
		expect(app.lastFrame()).toContain('My cases');
		// The App asked for nothing the primed reads had not already fetched.
		expect(fake.callsOf('queues')).toHaveLength(1);
		expect(fake.callsOf('queuePage')).toEqual([[FIRST_PAGE]]);
		expect(fake.callsOf('reasonCodes')).toHaveLength(1);
	});

	it('are handed out once: a refresh, another queue or another sort reads the store again', async () => {
		const fake = new FakePort();
		const {app, ready} = renderPrimed(fake);
		await ready;
		await until(() => /\d+–\d+ of \d+/.test(app.lastFrame() ?? ''), 'the first page');
		app.stdin.write('r');
		await until(() => fake.callsOf('queuePage').length >= 2 && fake.callsOf('queues').length >= 2, 'a second read after r');
		expect(fake.callsOf('queuePage').at(-1)).toEqual([FIRST_PAGE]);
	});

	it('a primed read that fails reaches the App like any failed read: the message is shown', async () => {
		const fake = new FakePort();
		fake.failNext('queues', new Error('the store is locked by another program'));
		const {app, ready} = renderPrimed(fake);
		await ready;
		await until(() => (app.lastFrame() ?? '').includes('the store is locked by another program'), 'the error in the status line');
	});
});
