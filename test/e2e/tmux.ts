/**
 * Driving the real binary in tmux: a private tmux server per test file, send-keys to type,
 * capture-pane to read the screen, polling for expected text with a deadline (no fixed sleeps).
 */
import {execFileSync, spawnSync} from 'node:child_process';

export function hasTmux(): boolean {
	return spawnSync('tmux', ['-V'], {encoding: 'utf8'}).status === 0;
}

export class Tmux {
	readonly socket = `caips-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

	private run(args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, ...args], {encoding: 'utf8'});
	}

	/** Starts `command` (a shell line) in a detached session of the given size. */
	start(name: string, columns: number, rows: number, command: string): void {
		this.run(['new-session', '-d', '-s', name, '-x', String(columns), '-y', String(rows), command]);
	}

	/** Sends keys (tmux key names such as Enter, Escape, C-s, or literal text with `literal`). */
	send(name: string, keys: string[], literal = false): void {
		this.run(['send-keys', '-t', name, ...(literal ? ['-l'] : []), ...keys]);
	}

	type(name: string, text: string): void {
		this.send(name, [text], true);
	}

	screen(name: string): string {
		return this.run(['capture-pane', '-p', '-t', name]);
	}

	/** The screen with escape sequences (colours), to check NO_COLOR. */
	screenWithEscapes(name: string): string {
		return this.run(['capture-pane', '-p', '-e', '-t', name]);
	}

	resize(name: string, columns: number, rows: number): void {
		this.run(['resize-window', '-t', name, '-x', String(columns), '-y', String(rows)]);
	}

	/** Polls the screen until `pattern` matches (deadline `ms`); throws with the last screen. */
	async waitFor(name: string, pattern: RegExp, ms = 15_000): Promise<string> {
		const deadline = Date.now() + ms;
		let last = '';
		for (;;) {
			last = this.screen(name);
			if (pattern.test(last)) return last;
			if (Date.now() > deadline) throw new Error(`screen never showed ${pattern}; last screen:\n${last}`);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	}

	kill(): void {
		spawnSync('tmux', ['-L', this.socket, 'kill-server']);
	}
}
