/**
 * Workstation figures on a 100,000-case demo store, measured on the real bundled binary in a
 * pseudo-terminal (util-linux `script`) at 80×24: start to first full frame, key press to frame
 * when moving the cursor, bytes written to the terminal per cursor move, and resident memory.
 * Targets (issue 4): ≤ 300 ms median start, p95 ≤ 16 ms per key, ≤ 1 KiB per move, ≤ 150 MB.
 *
 * Start-up is measured as an officer starts caips every day, with the code cache the first start
 * kept (source/launch/; the bench's own, in its temporary directory), and also with no cache (the
 * first start after an install). When the environment sets NODE_EXTRA_CA_CERTS, Node 20 reads that
 * whole certificate bundle before any caips code runs (~50 ms on the machine this was written on;
 * caips opens no TLS connection): the start is then measured both with and without it.
 */
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const FULL_FRAME = /\d+–\d+ of [\d,]+/;

type Terminal = {write: (text: string) => void; output: () => string; bytes: () => number; waitFor: (test: (out: string) => boolean, ms?: number) => Promise<number>; pid: () => number | undefined; stop: () => Promise<void>};

function openTerminal(root: string, db: string, env: NodeJS.ProcessEnv): Terminal {
	const pidFile = `${db}.pid`;
	const command = `stty cols 80 rows 24; echo $$ > ${pidFile}; exec env -u CI node ${join(root, 'dist', 'cli.js')} --db ${db}`;
	const child = spawn('script', ['-qfec', command, '/dev/null'], {env: {...env, TERM: 'xterm-256color'}, stdio: ['pipe', 'pipe', 'inherit']});
	let out = '';
	let bytes = 0;
	const waiters: Array<() => void> = [];
	child.stdout.on('data', (chunk: Buffer) => {
		out += chunk.toString('utf8');
		bytes += chunk.length;
		for (const wake of waiters.splice(0)) wake();
	});
	return {
		write: (text) => child.stdin.write(text),
		output: () => out,
		bytes: () => bytes,
		async waitFor(test, ms = 20_000) {
			const start = performance.now();
			while (!test(out)) {
				if (performance.now() - start > ms) throw new Error(`timed out; last output: ${out.slice(-400)}`);
				await new Promise<void>((resolve) => {
					waiters.push(resolve);
					setTimeout(resolve, 50);
				});
			}
			return performance.now() - start;
		},
		pid: () => (existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : undefined),
		async stop() {
			child.stdin.write('\u0003');
			await new Promise((resolve) => {
				const timer = setTimeout(() => {
					child.kill('SIGKILL');
					resolve(undefined);
				}, 3000);
				child.on('exit', () => {
					clearTimeout(timer);
					resolve(undefined);
				});
			});
		},
	};
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function rssMb(pid: number | undefined): number {
	if (!pid) return Number.NaN;
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
	return kb / 1024;
}

export async function benchUi(root: string, cases = Number(process.env.BENCH_UI_CASES ?? 100_000)): Promise<Record<string, number | string>> {
	if (spawnSync('script', ['--version']).status !== 0) return {skipped: 'util-linux script is not installed'};
	const dir = mkdtempSync(join(tmpdir(), 'caips-bench-ui-'));
	const db = join(dir, 'bench.db');
	try {
		const demoStart = performance.now();
		const demo = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'demo', '--db', db, '--cases', String(cases), '--seed', '3'], {encoding: 'utf8'});
		if (demo.status !== 0 || !existsSync(db)) return {skipped: `demo store failed: ${demo.stderr.trim()}`};
		const demoSeconds = (performance.now() - demoStart) / 1000;

		const env: NodeJS.ProcessEnv = {...process.env, XDG_CACHE_HOME: join(dir, 'cache')};
		const withoutCaCerts: NodeJS.ProcessEnv = {...env};
		delete withoutCaCerts.NODE_EXTRA_CA_CERTS;
		/** Start to first full frame, `times` times under `env`: the median, ms. */
		async function startMedian(times: number, runEnv: NodeJS.ProcessEnv): Promise<number> {
			const starts: number[] = [];
			for (let i = 0; i < times; i++) {
				const terminal = openTerminal(root, db, runEnv);
				starts.push(await terminal.waitFor((out) => FULL_FRAME.test(out)));
				await terminal.stop();
			}
			return Math.round(percentile(starts, 50));
		}
		const cold = await startMedian(5, {...env, CAIPS_CODE_CACHE: 'off'});
		await startMedian(1, env); // keeps the code cache
		const warm = await startMedian(7, env);
		const warmWithoutCaCerts = env.NODE_EXTRA_CA_CERTS ? await startMedian(7, withoutCaCerts) : undefined;

		// Key press to frame, and bytes per move, with j/k over the first page.
		const terminal = openTerminal(root, db, env);
		await terminal.waitFor((out) => FULL_FRAME.test(out));
		await terminal.waitFor(() => false, 400).catch(() => undefined); // let the first frame settle
		const latencies: number[] = [];
		const sizes: number[] = [];
		for (let i = 0; i < 200; i++) {
			const key = i % 20 < 10 ? 'j' : 'k';
			const before = terminal.bytes();
			terminal.write(key);
			const firstByte = await terminal.waitFor(() => terminal.bytes() > before, 5000);
			// Ink may write a frame in more than one chunk: wait briefly for the rest.
			let settled = terminal.bytes();
			for (;;) {
				await new Promise((resolve) => setTimeout(resolve, 30));
				if (terminal.bytes() === settled) break;
				settled = terminal.bytes();
			}
			latencies.push(firstByte);
			sizes.push(terminal.bytes() - before);
		}
		const rss = rssMb(terminal.pid());
		await terminal.stop();
		return {
			'demo store built (cases)': cases,
			'demo build seconds': Number(demoSeconds.toFixed(1)),
			'start to first full frame, median ms': warm,
			...(warmWithoutCaCerts === undefined ? {} : {'start to first full frame without NODE_EXTRA_CA_CERTS, median ms': warmWithoutCaCerts}),
			'start to first full frame with no code cache (first start), median ms': cold,
			'key press to frame (first byte), median ms': Number(percentile(latencies, 50).toFixed(1)),
			'key press to frame (first byte), p95 ms': Number(percentile(latencies, 95).toFixed(1)),
			'bytes written per cursor move, median': percentile(sizes, 50),
			'bytes written per cursor move, max': Math.max(...sizes),
			'resident memory MB': Number(rss.toFixed(1)),
		};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}
