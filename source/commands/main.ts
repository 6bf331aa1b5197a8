/**
 * The command-line entry: parses argv with meow, checks each command's flags, runs it, and
 * turns every failure into one line on stderr and an exit code (CLI contract).
 */
import meow from 'meow';
import {escapeControls} from '../format/format-error.js';
import {checkArgv} from './argv-check.js';
import {localToday} from './context.js';
import {CliError, EXIT} from './exit-codes.js';
import {helpText} from './help.js';
import {findCommand, GLOBAL_FLAGS} from './registry.js';

const STRING_FLAGS = [
	'db', 'asOf', 'format', 'filter', 'limit', 'to', 'text', 'file', 'kind', 'bf', 'cases', 'seed',
	'program', 'category', 'size', 'at', 'office', 'sort', 'corrects', 'title', 'mediaType', 'expectVersion', 'name', 'key',
] as const;
const MULTIPLE_FLAGS = ['reason', 'role'] as const;
const BOOLEAN_FLAGS = ['json', 'debug', 'dryRun', 'help', 'version', 'demo', 'screenReader', 'replace'] as const;

/** Flags of `caips` without a command (the workstation). */
const WORKSTATION_FLAGS: readonly string[] = ['db', 'demo', 'screenReader', 'debug'];

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * A reader that stops early (`caips queue | head`) closes the pipe: the next write fails with
 * EPIPE, which Node would report as an unhandled error with a stack trace. caips stops quietly
 * instead, as Unix tools do, with the exit status so far (a transaction still open is rolled back
 * by SQLite: nothing is half written). Any other output error is one line on stderr, exit 74.
 */
function quietOnClosedPipe(): void {
	for (const stream of [process.stdout, process.stderr]) {
		stream.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code !== 'EPIPE' && stream !== process.stderr) process.stderr.write(`caips: cannot write the output: ${error.code ?? error.message}\n`);
			process.exit(error.code === 'EPIPE' ? (typeof process.exitCode === 'number' ? process.exitCode : 0) : 74);
		});
	}
}

/** What the launcher (source/launch/launch.ts) is told of a run. */
export type MainHooks = {
	/** The workstation has drawn its first frame. */
	firstFrameDrawn?: () => void;
};

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: string[], version: string, hooks: MainHooks = {}): Promise<number> {
	quietOnClosedPipe();
	const flagsSpec: Record<string, {type: 'string' | 'boolean'; isMultiple?: boolean}> = {};
	for (const name of STRING_FLAGS) flagsSpec[name] = {type: 'string'};
	for (const name of MULTIPLE_FLAGS) flagsSpec[name] = {type: 'string', isMultiple: true};
	for (const name of BOOLEAN_FLAGS) flagsSpec[name] = {type: 'boolean'};
	const checked = checkArgv(argv, {booleans: BOOLEAN_FLAGS, values: [...STRING_FLAGS, ...MULTIPLE_FLAGS]});
	const spelled = (key: string) => checked.typed.get(key) ?? `--${kebab(key)}`;
	let cli: ReturnType<typeof meow>;
	try {
		cli = meow(helpText(), {
			importMeta: import.meta,
			argv: checked.argv,
			flags: flagsSpec,
			allowUnknownFlags: true,
			autoHelp: false,
			autoVersion: false,
			booleanDefault: undefined,
		});
	} catch (error) {
		// meow refuses a flag given twice that may be given once ("The flag --to can only be set once.").
		const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
		const once = /The flag --(\S+) can only be set once/.exec(message);
		process.stderr.write(`caips: ${once ? `--${kebab(once[1]!)} can be given only once` : message} (caips --help)\n`);
		return EXIT.usage;
	}
	const flags = cli.flags as Record<string, unknown>;
	const debug = flags.debug === true;
	try {
		const [name, ...args] = cli.input;
		const named = name === undefined ? undefined : findCommand(name);
		// A flag the command does not take is reported below as unknown, value or not.
		const accepted: readonly string[] = named ? [...GLOBAL_FLAGS, ...named.flags] : [...WORKSTATION_FLAGS, 'help', 'version'];
		if (checked.problem && accepted.includes(checked.problem.key)) {
			throw new CliError(EXIT.usage, `${checked.problem.message} ${named ? `(usage: ${named.usage})` : '(caips --help)'}`);
		}
		if (flags.version) {
			process.stdout.write(`${version}\n`);
			return EXIT.ok;
		}
		if (flags.help || name === 'help') {
			process.stdout.write(`${helpText()}\n`);
			return EXIT.ok;
		}
		if (name === undefined) {
			for (const [key, value] of Object.entries(flags)) {
				if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
				if (!WORKSTATION_FLAGS.includes(key)) throw new CliError(EXIT.usage, `${spelled(key)} is not an option of the workstation (caips --help)`);
			}
			const {openWorkstation} = await import('./workstation.js');
			return await openWorkstation({flags, env: process.env, firstFrameDrawn: hooks.firstFrameDrawn});
		}
		const spec = findCommand(name);
		if (!spec) throw new CliError(EXIT.usage, `unknown command "${name}" (caips --help lists the commands)`);
		const allowed = new Set<string>([...GLOBAL_FLAGS, ...spec.flags]);
		for (const [key, value] of Object.entries(flags)) {
			if (value === undefined || (Array.isArray(value) && value.length === 0) || key === '--') continue;
			if (!allowed.has(key)) throw new CliError(EXIT.usage, `${name}: unknown option ${spelled(key)} (usage: ${spec.usage})`);
		}
		const command = await spec.load();
		return await command({args: args.map(String), flags, env: process.env, stdout: process.stdout, stderr: process.stderr, today: localToday()});
	} catch (error) {
		if (error instanceof CliError) {
			process.stderr.write(`caips: ${oneLine(error.message)}\n`);
			if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
			return error.exitCode;
		}
		const mapped = mapKnownError(error);
		if (mapped) {
			process.stderr.write(`caips: ${oneLine(mapped.message)}\n`);
			if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
			return mapped.exitCode;
		}
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`caips: internal error: ${oneLine(message.split('\n')[0]!)} (run with --debug for details)\n`);
		if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
		return 70;
	}
}

/**
 * An error message as one safe line: control characters, C1 codes and bidi controls (an unknown
 * command or a login name may carry escape sequences) are written as `\\uXXXX`, never sent raw.
 */
function oneLine(message: string): string {
	return escapeControls(message);
}

/** Errors of lower layers that carry a meaning for the officer, mapped to a CLI error. */
function mapKnownError(error: unknown): CliError | null {
	if (!(error instanceof Error)) return null;
	// Lower layers are not imported here (start-up cost); their errors are known by name.
	if (error.name === 'FormatError') return new CliError(EXIT.dataError, error.message);
	const exitCode = (error as {exitCode?: unknown}).exitCode;
	if (typeof exitCode === 'number') return new CliError(exitCode as CliError['exitCode'], error.message.split('\n')[0]!);
	return null;
}
