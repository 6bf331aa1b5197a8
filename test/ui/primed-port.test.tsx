/**
 * The workstation's start (source/ui/primed-port.ts, run.tsx): the first reads are asked at once;
 * the App given them draws its first frame with the queue's rows and position (no "Loading…"
 * frame) and reads nothing again — so the store audits one queue view, not two; a primed answer
 * is handed out once, and a failed one reaches whoever takes it.
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

async function settle(): Promise<void> {
	for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('the start of the workstation', () => {
	it('asks the first reads at once; the App given them draws its first frame with the rows and reads neither again', async () => {
		const fake = new FakePort();
		const port = primedPort(fake);
		expect(fake.callsOf('queues')).toHaveLength(1);
		expect(fake.callsOf('queuePage')).toEqual([[FIRST_PAGE]]);
		const [queues, page] = await Promise.all([port.queues(), port.queuePage(FIRST_PAGE)]);
		const app = render(
			<App data={port} theme={themeFor({})} keyMap={defaultKeyMap()} size={{columns: 80, rows: 24}} pollMs={0} today={() => TODAY} clock={() => new Date(NOW)} initial={{queues, page, query: FIRST_PAGE}} />,
		);
		const first = app.frames[0] ?? '';
		expect(first).toMatch(new RegExp(`1–\\d+ of ${page.total}`));
		expect(first).toContain(page.rows[0]!.applicationNumber);
		expect(first).not.toContain('Loading');
		await settle();
		expect(fake.callsOf('queues')).toHaveLength(1);
		expect(fake.callsOf('queuePage')).toHaveLength(1);
	});

	it('hands each primed answer out once: a later read goes to the store', async () => {
		const fake = new FakePort();
		const port = primedPort(fake);
		await port.queues();
		await port.queues();
		expect(fake.callsOf('queues')).toHaveLength(2);
		await port.queuePage({...FIRST_PAGE, sort: 'crs'});
		await port.queuePage(FIRST_PAGE);
		// The first page read did not match the primed one, which was dropped (never handed out stale later).
		expect(fake.callsOf('queuePage')).toHaveLength(3);
	});

	it('a primed read that failed rejects for whoever takes it, with the store\'s message', async () => {
		const fake = new FakePort();
		fake.failNext('queues', new Error('the store is locked by another program'));
		const port = primedPort(fake);
		await expect(port.queues()).rejects.toThrow('the store is locked by another program');
	});

	it('without the first reads (a slow or failing store) the App reads for itself and shows what it gets', async () => {
		const fake = new FakePort();
		const app = render(<App data={primedPort(fake)} theme={themeFor({})} keyMap={defaultKeyMap()} size={{columns: 80, rows: 24}} pollMs={0} today={() => TODAY} clock={() => new Date(NOW)} initial={null} />);
		const deadline = Date.now() + 5000;
		while (!/\d+–\d+ of \d+/.test(app.lastFrame() ?? '') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
		expect(app.lastFrame()).toMatch(/\d+–\d+ of \d+/);
		expect(fake.callsOf('queuePage')).toEqual([[FIRST_PAGE]]);
	});
});
