/**
 * The command line as typed, checked before meow reads it, for what meow (yargs-parser) lets
 * through silently: a switch given a value (`--json=5` parses as false), a flag that takes a
 * value given none (`--filter` at the end, or before another option, parses as ''), and the
 * spelling of each flag (meow reports `-x` as `x`, so an error would otherwise say `--x`).
 *
 * It also settles a value that starts with a dash: `--text "- first point"` or `--file -` keeps
 * the next word as the flag's value (yargs-parser would read `- first point` as the short
 * options `-f`, `-i`, …) unless that word looks like an option itself (`-x`, `--json`, `--`).
 * Tokens after `--` are positional and left alone.
 */

/** The flags the CLI knows, in camelCase as meow reports them. */
export type FlagKinds = {
	/** Switches: `--json`, never `--json=VALUE`. */
	booleans: readonly string[];
	/** Flags that take a value (`--filter Q`, `--filter=Q`), given once or several times. */
	values: readonly string[];
};

/** What {@link checkArgv} found. */
export type ArgvCheck = {
	/** The arguments for meow: a value that starts with a dash is joined to its flag (`--text=- a`). */
	argv: string[];
	/**
	 * The first problem, or null: the flag's camelCase key and one line without the usage
	 * (`--json is a switch and takes no value…`, `--filter needs a value`).
	 */
	problem: {key: string; message: string} | null;
	/** How each flag was typed, by meow's camelCase key (`x` → `-x`, `asOf` → `--as-of`). */
	typed: Map<string, string>;
};

const camel = (name: string) => name.replace(/-+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());

/** A word that is an option, not a value: `-x`, `--json`, `--`. A lone `-`, `-5` or `- a` is a value. */
function looksLikeOption(token: string): boolean {
	return token === '--' || /^--?[A-Za-z]/.test(token);
}

/**
 * Checks `argv` (the arguments after the program name) against the known flags. Never throws:
 * the caller adds the command's usage to {@link ArgvCheck.problem} and exits 2.
 */
export function checkArgv(argv: readonly string[], kinds: FlagKinds): ArgvCheck {
	const booleans = new Set(kinds.booleans);
	const values = new Set(kinds.values);
	const out: string[] = [];
	const typed = new Map<string, string>();
	let problem: ArgvCheck['problem'] = null;
	const note = (key: string, message: string) => {
		problem ??= {key, message};
	};
	for (let i = 0; i < argv.length; i++) {
		const token = argv[i]!;
		if (token === '--') {
			out.push(...argv.slice(i));
			break;
		}
		if (token.startsWith('--')) {
			const eq = token.indexOf('=');
			const spelled = eq === -1 ? token : token.slice(0, eq);
			const key = camel(spelled.slice(2));
			if (!typed.has(key)) typed.set(key, spelled);
			if (booleans.has(key) && eq !== -1) {
				note(key, `${spelled} is a switch and takes no value (got ${JSON.stringify(token)})`);
			} else if (values.has(key) && eq === -1) {
				const next = argv[i + 1];
				if (next === undefined || looksLikeOption(next)) {
					note(key, `${spelled} needs a value`);
				} else {
					out.push(`${spelled}=${next}`);
					i++;
					continue;
				}
			}
			out.push(token);
			continue;
		}
		if (token.length > 1 && token.startsWith('-') && /^-[A-Za-z]/.test(token)) {
			const letters = token.slice(1).split('=')[0]!;
			for (const letter of letters) if (!typed.has(letter)) typed.set(letter, `-${letters}`);
		}
		out.push(token);
	}
	return {argv: out, problem, typed};
}
