/**
 * User key bindings: `$XDG_CONFIG_HOME/caips/keys.json` (default `~/.config/caips/keys.json`),
 * an object from command id to a list of key names, e.g. `{"note.add": ["n", "ctrl+n"]}`.
 * Validated with zod (loaded only when the file exists: the workstation starts without it); a bad
 * entry is named (exit 78, configuration error).
 */
import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {COMMANDS, defaultKeyMap, fixedKeyReason, type KeyMap} from './keymap.js';

/** A configuration error: one line naming the file and the entry (exit 78). */
export class KeyConfigError extends Error {
	readonly exitCode = 78;
	constructor(message: string) {
		super(message);
		this.name = 'KeyConfigError';
	}
}

const NAMED_KEYS = ['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end', 'enter', 'escape', 'tab', 'backtab', 'space', 'backspace', 'delete'];

/** The file's schema: command id → one or more key names. */
async function keysSchema() {
	const {z} = await import('zod');
	const keyName = z
		.string()
		.refine((key) => NAMED_KEYS.includes(key) || /^ctrl\+[a-z]$/.test(key) || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(key), {
			message: `not a key name (a printable character, ctrl+LETTER, or one of ${NAMED_KEYS.join(' ')})`,
		});
	return z.record(
		z.string(),
		z
			.array(keyName)
			.min(1, 'needs at least one key')
			.refine((keys) => new Set(keys).size === keys.length, {message: 'a key is listed twice'}),
	);
}

/** Path of the key configuration file for this environment. */
export function keyConfigPath(env: NodeJS.ProcessEnv): string {
	const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), '.config');
	return join(base, 'caips', 'keys.json');
}

/**
 * The default key map with the user's overrides applied. No file: the defaults. Throws
 * KeyConfigError for invalid JSON, an unknown command id, a bad key name, a key the screens read
 * themselves before the key map (the digits 0–9, Ctrl+C, v, the Pool screen's filter keys for the
 * commands it reads: keymap.ts FIXED_KEYS), a command given twice, or one key bound to two
 * commands read on the same screen (the same scope, or a global command and a scoped one).
 */
export async function loadKeyMap(env: NodeJS.ProcessEnv, path = keyConfigPath(env)): Promise<KeyMap> {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return defaultKeyMap();
		throw new KeyConfigError(`${path}: cannot be read`);
	}
	// Read strictly, as application files are: a key named twice (the first silently lost with
	// JSON.parse) is refused, and a syntax error says where it is.
	const {readJson} = await import('../format/read-json.js');
	let json: unknown;
	try {
		const document = readJson(text);
		const twice = document.duplicateKeys[0];
		if (twice) throw new KeyConfigError(`${path}: "${twice.path.join('.')}" is given twice: keep one`);
		json = document.value;
	} catch (error) {
		if (error instanceof KeyConfigError) throw error;
		throw new KeyConfigError(`${path}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
	}
	const parsed = (await keysSchema()).safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const where = issue.path.map((step) => (typeof step === 'number' ? `[${step}]` : `"${String(step)}"`)).join('');
		// zod's wording for a wrong type ("expected array, received string") shown in the file's terms.
		const problem = issue.code === 'invalid_type' && issue.path.length === 1 ? 'must be a list of key names, e.g. ["n", "ctrl+n"]' : issue.message;
		throw new KeyConfigError(`${path}: ${where || 'top level'}: ${problem}`);
	}
	const map = new Map(defaultKeyMap());
	for (const [id, keys] of Object.entries(parsed.data)) {
		if (!COMMANDS.some((command) => command.id === id)) {
			throw new KeyConfigError(`${path}: "${id}": unknown command (known: ${COMMANDS.map((command) => command.id).join(', ')})`);
		}
		// A key a screen reads before the key map would never reach the command.
		for (const key of keys) {
			const reason = fixedKeyReason(id, key);
			if (reason) throw new KeyConfigError(`${path}: "${id}": key "${key}" cannot be bound: ${reason}`);
		}
		map.set(id, keys);
	}
	// A key names one command wherever it is read: within one scope, and between a global command
	// and a scoped one (the scoped one would silently take the key from it there: note.add on j
	// would stop j scrolling a case). The queue and the case may share a key (Tab).
	for (const a of COMMANDS) {
		for (const b of COMMANDS) {
			if (a.id >= b.id || (a.scope !== b.scope && a.scope !== 'global' && b.scope !== 'global')) continue;
			const shared = (map.get(a.id) ?? []).filter((key) => (map.get(b.id) ?? []).includes(key));
			if (shared.length > 0) throw new KeyConfigError(`${path}: key "${shared[0]}" is bound to both "${a.id}" and "${b.id}"`);
		}
	}
	return map;
}
