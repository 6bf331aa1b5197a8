/**
 * The terminal as the workstation draws on it: the stream Ink writes to, standing between Ink and
 * the real stdout. It keeps three parts of the terminal contract that Ink alone does not:
 *
 * - Full screen: the frame is drawn on the alternate screen (`ESC[?1049h`), so quitting brings back
 *   the shell's screen as it was, scrollback included, and leaves no frame behind (`leave`).
 * - The scrollback is never erased: Ink clears with `ESC[2J ESC[3J ESC[H` when a frame is as tall
 *   as the terminal (after it shrank); `ESC[3J` (erase saved lines) is dropped from what Ink writes.
 * - A change of size is a clean redraw: terminals rewrap or crop what is on screen when their
 *   width changes (tmux rewraps), so Ink's line-by-line redraw, which trusts what it drew last,
 *   could leave a stale line. While the screens handle the new size, what Ink writes is dropped;
 *   then the screen is erased and the whole new frame drawn at once (`redraw`, called by
 *   RepaintOnResize on the `size` event). Key presses, which change no size, keep Ink's
 *   incremental redraw (no flicker, few bytes).
 */
import {EventEmitter} from 'node:events';
import {writeSync} from 'node:fs';
import type {Size} from './use-terminal-size.js';

/** Switches to the alternate screen (saving the cursor); erases it, cursor home. */
export const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[2J\u001b[H';
/** Back to the normal screen, as it was, cursor where it was. */
export const LEAVE_ALTERNATE_SCREEN = '\u001b[?1049l';
/** Erases the screen (not the scrollback) and puts the cursor home. */
export const CLEAR_SCREEN = '\u001b[2J\u001b[H';
const ERASE_SCROLLBACK = /\u001b\[3J/g;

/** What is used of the real terminal's stream (process.stdout; a fake in tests). */
export type Output = {
	write(text: string, callback?: (error?: Error | null) => void): boolean;
	on(event: 'resize', listener: () => void): unknown;
	off(event: 'resize', listener: () => void): unknown;
	columns: number;
	rows: number;
	isTTY?: boolean;
	fd?: number;
	writable?: boolean;
	writableLength?: number;
	writableEnded?: boolean;
	destroyed?: boolean;
};

export class TerminalScreen extends EventEmitter {
	private size: Size;
	private alternate = false;
	private holding = false;
	private readonly onExit = () => this.leave(true);

	/** `out`: the real terminal (process.stdout). */
	constructor(private readonly out: Output) {
		super();
		this.size = {columns: out.columns, rows: out.rows};
		out.on('resize', this.onResize);
	}

	get columns(): number {
		return this.size.columns;
	}

	get rows(): number {
		return this.size.rows;
	}

	get isTTY(): boolean {
		return this.out.isTTY === true;
	}

	// What Ink reads of a stream to know whether it may still write (at unmount).
	get writable(): boolean {
		return this.out.writable ?? true;
	}

	get writableLength(): number {
		return this.out.writableLength ?? 0;
	}

	get writableEnded(): boolean {
		return this.out.writableEnded ?? false;
	}

	get destroyed(): boolean {
		return this.out.destroyed ?? false;
	}

	/**
	 * Writes Ink's output to the terminal, without `ESC[3J`; while a new size is being handled,
	 * drops it instead (the repaint that follows draws the whole frame). Calls `callback` either way.
	 */
	write(chunk: string | Uint8Array, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void): boolean {
		const done = typeof encoding === 'function' ? encoding : callback;
		if (this.holding) {
			if (done) process.nextTick(done);
			return true;
		}
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		const kept = text.includes('\u001b[3J') ? text.replace(ERASE_SCROLLBACK, '') : text;
		return done ? this.out.write(kept, done) : this.out.write(kept);
	}

	/** Switches to the alternate screen (once); `leave` (or the process's exit) switches back. */
	enter(): void {
		if (this.alternate || !this.isTTY) return;
		this.alternate = true;
		this.out.write(ENTER_ALTERNATE_SCREEN);
		process.once('exit', this.onExit);
	}

	/**
	 * Back to the normal screen as it was before `enter` (once; nothing when not entered), and no
	 * more listening to the terminal's size. `sync`: written synchronously (at the process's exit).
	 */
	leave(sync = false): void {
		this.out.off('resize', this.onResize);
		if (!this.alternate) return;
		this.alternate = false;
		process.off('exit', this.onExit);
		if (sync && this.out.fd !== undefined) {
			try {
				writeSync(this.out.fd, LEAVE_ALTERNATE_SCREEN);
			} catch {
				// The terminal is gone (SIGHUP): nothing to restore.
			}
		} else {
			this.out.write(LEAVE_ALTERNATE_SCREEN);
		}
	}

	/**
	 * After a change of size, once the screens have rendered it (RepaintOnResize calls this from an
	 * effect): Ink draws the new layout at once (its resize handler draws unthrottled), then
	 * `repaint` erases the screen and draws that frame whole — Ink's `useStdout().write` with
	 * {@link CLEAR_SCREEN} does: it erases its frame, writes, and draws the last frame again.
	 */
	redraw(repaint: () => void): void {
		if (!this.holding) return;
		this.emit('resize');
		this.holding = false;
		repaint();
	}

	private readonly onResize = () => {
		const size = {columns: this.out.columns, rows: this.out.rows};
		if (size.columns === this.size.columns && size.rows === this.size.rows) return;
		this.size = size;
		// The screens lay out the new size (React renders it soon after) and Ink draws what it has;
		// none of that reaches the terminal until `redraw`. Without a listener for 'size' (nothing
		// to call `redraw`), Ink's own redraw goes through.
		this.holding = this.listenerCount('size') > 0;
		this.emit('resize');
		this.emit('size');
	};
}
