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

	/**
	 * A shell line that waits until {@link go} releases `name` before it runs `command`: so that
	 * {@link record} can be set up before the command writes its first byte.
	 */
	held(name: string, command: string): string {
		return `tmux -L ${this.socket} wait-for ${name}-go; ${command}`;
	}

	/** Releases a pane started with {@link held} (tmux remembers a release that comes first). */
	go(name: string): void {
		this.run(['wait-for', '-S', `${name}-go`]);
	}

	/** Records every byte the pane's program writes to the terminal into `file` (tmux pipe-pane). */
	record(name: string, file: string): void {
		this.run(['pipe-pane', '-t', name, '-o', `cat > '${file}'`]);
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

	/** Polls the screen until `pattern` matches, or holds for it (deadline `ms`); throws with the last screen. */
	async waitFor(name: string, pattern: RegExp | ((screen: string) => boolean), ms = 15_000): Promise<string> {
		const deadline = Date.now() + ms;
		const holds = typeof pattern === 'function' ? pattern : (screen: string) => pattern.test(screen);
		let last = '';
		for (;;) {
			last = this.screen(name);
			if (holds(last)) return last;
			if (Date.now() > deadline) throw new Error(`screen never showed ${pattern}; last screen:\n${last}`);
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
	}

	kill(): void {
		spawnSync('tmux', ['-L', this.socket, 'kill-server']);
	}
}
