/**
 * Mounts the workstation in the terminal and keeps the terminal contract: drawn on the alternate
 * screen (quitting brings the shell's screen back as it was; the scrollback is never erased),
 * frames one line shorter than the terminal (so Ink never clears the whole screen) and redrawn
 * line by line where they changed, redrawn whole on a change of size (source/ui/terminal-screen.ts),
 * mouse never enabled, Ink's screen-reader mode on request, and the terminal restored on q,
 * Ctrl+C, SIGTERM, SIGHUP or a crash.
 */
import {constants as osConstants} from 'node:os';
import {setTimeout as delay} from 'node:timers/promises';
import chalk from 'chalk';
import React from 'react';
import {localToday} from '../commands/context.js';
import {withSession} from '../commands/session.js';
import {keyConfigPath, loadKeyMap} from './key-config.js';
import {loadLayoutEngine} from './layout-engine.js';
import {FIRST_PAGE, primedPort} from './primed-port.js';
import {storePort} from './store-port.js';
import {TerminalScreen} from './terminal-screen.js';
import {themeFor} from './theme.js';

/** Longest the first frame waits for the first reads before it shows "Loading…" instead, ms. */
const FIRST_FRAME_WAIT_MS = 250;

/**
 * `firstFrameDrawn`: called once, just after the first frame is written (the launcher then keeps
 * the code compiled so far: source/launch/).
 */
export type RunOptions = {flags: Record<string, unknown>; env: NodeJS.ProcessEnv; plain: boolean; firstFrameDrawn?: () => void};

/** Runs the workstation until the officer quits; resolves to the exit code: 0, 70 after an internal error, 128 + the signal number when SIGTERM (143) or SIGHUP (129) ended it. */
export async function runWorkstation({flags, env, plain, firstFrameDrawn}: RunOptions): Promise<number> {
	if (plain) chalk.level = 0;
	// Ink's layout engine (WebAssembly) is compiled while the store opens.
	const layoutEngine = loadLayoutEngine();
	layoutEngine.catch(() => {});
	const keyMap = await loadKeyMap(env);
	return withSession({flags, env}, async (session) => {
		// The first reads start now, on the store's thread, while the screens' code loads.
		const data = primedPort(storePort(session, {storeName: String(flags.db ?? session.store.path)}));
		await layoutEngine;
		const [{render}, {App}, {RepaintOnResize}] = await Promise.all([import('ink'), import('./App.js'), import('./components/RepaintOnResize.js')]);
		// The first frame is drawn with the first reads (a frame of "Loading…" first would cost a
		// render and hold up the store's replies while it is drawn) — unless the store is slow to
		// answer or fails: then the App shows "Loading…" and reads (and reports) for itself.
		const first = Promise.all([data.queues(), data.queuePage(FIRST_PAGE)]).then(([queues, page]) => ({queues, page, query: FIRST_PAGE}), () => null);
		const initial = await Promise.race([first, delay(FIRST_FRAME_WAIT_MS, null, {ref: false})]);
		// Ink writes to the screen, which passes it on to stdout (see terminal-screen.ts).
		const screen = new TerminalScreen(process.stdout);
		screen.enter();
		let instance: ReturnType<typeof render>;
		try {
			instance = render(
				<RepaintOnResize screen={screen}>
					<App data={data} theme={themeFor(env)} keyMap={keyMap} keysPath={keyConfigPath(env)} today={() => localToday()} reserveLastLine initial={initial} />
				</RepaintOnResize>,
				{
					stdout: screen as unknown as NodeJS.WriteStream,
					exitOnCtrlC: false,
					// Only changed lines are rewritten (Ink's incremental mode, with the fix applied at
					// bundle time: source/build/bundle.mjs).
					incrementalRendering: true,
					// A frame at most every 16 ms (Ink's default, 30 a second, held back a key press that
					// came within 34 ms of the last frame).
					maxFps: 60,
					patchConsole: true,
					isScreenReaderEnabled: flags.screenReader === true || env.INK_SCREEN_READER === 'true',
				},
			);
		} catch (error) {
			screen.leave();
			throw error;
		}
		// Ink wrote the first frame as it rendered (with the first reads, unless they were slow).
		if (firstFrameDrawn) setImmediate(firstFrameDrawn);
		let crashed: unknown = null;
		// Ended by a signal: the exit status says which, as a shell's would (128 + its number).
		let signalled: NodeJS.Signals | null = null;
		const stop = (signal: NodeJS.Signals) => {
			signalled = signal;
			instance.unmount();
		};
		const crash = (error: unknown) => {
			crashed = error;
			instance.unmount();
		};
		process.once('SIGTERM', stop);
		process.once('SIGHUP', stop);
		process.once('uncaughtException', crash);
		process.once('unhandledRejection', crash);
		try {
			await instance.waitUntilExit();
		} catch (error) {
			crashed = error;
		} finally {
			// Ink has drawn its last frame and given the keyboard back: the shell's screen comes back.
			screen.leave();
			process.off('SIGTERM', stop);
			process.off('SIGHUP', stop);
			process.off('uncaughtException', crash);
			process.off('unhandledRejection', crash);
			await data.close();
		}
		if (crashed) {
			process.stderr.write(`caips: the workstation stopped on an internal error: ${crashed instanceof Error ? crashed.message.split('\n')[0] : String(crashed)}\n`);
			return 70;
		}
		if (signalled) return 128 + (osConstants.signals[signalled] ?? 0);
		return 0;
	});
}
