/**
 * The one registry of workstation commands: id, description, scope and default keys. The key
 * map, the help overlay (`?`) and the command palette (`:`) are all generated from it, so help
 * is never out of date. Users rebind keys in `$XDG_CONFIG_HOME/caips/keys.json`
 * (see `loadKeyOverrides`).
 */

/** Where a command applies: everywhere, in the queue table, or in a case. */
export type Scope = 'global' | 'queue' | 'case';

export type CommandDef = {id: string; description: string; scope: Scope; keys: string[]};

/**
 * Key names: a printable character as itself (`j`, `G`, `/`, `?`, `1`), or one of
 * `up down left right pageup pagedown home end enter escape tab backtab space backspace delete`,
 * or `ctrl+<letter>`.
 */
export const COMMANDS: readonly CommandDef[] = [
	{id: 'move.down', description: 'Move down', scope: 'global', keys: ['j', 'down']},
	{id: 'move.up', description: 'Move up', scope: 'global', keys: ['k', 'up']},
	{id: 'move.first', description: 'First row', scope: 'global', keys: ['g', 'home']},
	{id: 'move.last', description: 'Last row', scope: 'global', keys: ['G', 'end']},
	{id: 'page.down', description: 'Next page', scope: 'global', keys: ['pagedown', 'ctrl+f']},
	{id: 'page.up', description: 'Previous page', scope: 'global', keys: ['pageup', 'ctrl+b']},
	{id: 'open', description: 'Open the case', scope: 'queue', keys: ['enter']},
	{id: 'back', description: 'Back / close', scope: 'global', keys: ['escape', 'q']},
	{id: 'filter', description: 'Filter the queue (filter language)', scope: 'queue', keys: ['/']},
	{id: 'palette', description: 'Command palette', scope: 'global', keys: [':']},
	{id: 'help', description: 'Keys and commands', scope: 'global', keys: ['?']},
	{id: 'queues.next', description: 'Next queue', scope: 'queue', keys: ['tab']},
	{id: 'queues.previous', description: 'Previous queue', scope: 'queue', keys: ['backtab']},
	{id: 'sort.next', description: 'Sort by the next column', scope: 'queue', keys: ['s']},
	{id: 'sort.reverse', description: 'Reverse the sort', scope: 'queue', keys: ['S']},
	{id: 'queue.save', description: 'Save this view (queue, filter, sort) as a queue', scope: 'queue', keys: ['ctrl+s']},
	{id: 'tab.next', description: 'Next case tab', scope: 'case', keys: ['tab', 'l', 'right']},
	{id: 'tab.previous', description: 'Previous case tab', scope: 'case', keys: ['backtab', 'h', 'left']},
	{id: 'note.add', description: 'Add a note', scope: 'case', keys: ['n']},
	{id: 'decide', description: 'Record a decision', scope: 'case', keys: ['d']},
	{id: 'review', description: 'Review the decision (supervisor)', scope: 'case', keys: ['R']},
	{id: 'assign.me', description: 'Assign to me', scope: 'global', keys: ['a']},
	{id: 'take.next', description: 'Take the next unassigned case', scope: 'global', keys: ['N']},
	{id: 'bring-forward', description: 'Set the bring-forward date', scope: 'case', keys: ['b']},
	{id: 'refresh', description: 'Refresh', scope: 'global', keys: ['r', 'ctrl+r']},
	{id: 'pool.open', description: 'Pool: ranked profiles and CRS distribution', scope: 'queue', keys: ['P']},
	{id: 'rounds.open', description: 'Rounds of invitations and their invitees', scope: 'queue', keys: ['W']},
	{id: 'tag', description: 'Tag for bulk action', scope: 'queue', keys: ['space']},
	{id: 'quit', description: 'Quit', scope: 'global', keys: ['ctrl+c']},
];

/** Commands the Pool screen reads from the key map (its own fixed keys come first there). */
const POOL_SCREEN_READS = ['move.down', 'move.up', 'move.first', 'move.last', 'page.down', 'page.up', 'open', 'back', 'help', 'palette', 'refresh', 'pool.open', 'rounds.open'];

/**
 * Keys the screens read themselves, before the key map: a command bound to one of them would
 * never run (or would run beside the fixed meaning), so keys.json may not bind them (see
 * `fixedKeyReason`). `label` and `meaning` are what the help lists.
 */
export const FIXED_KEYS: ReadonlyArray<{
	keys: readonly string[];
	label: string;
	meaning: string;
	/** Whether the help lists it among the fixed keys (v and Ctrl+C are listed with their commands). */
	inHelp: boolean;
	/** Why a binding is refused (keys.json errors). */
	reason: string;
	/** The commands the key cannot be bound to. */
	blocks: (command: CommandDef) => boolean;
}> = [
	{
		keys: ['1', '2', '3', '4', '5', '6'],
		label: '1–6',
		inHelp: true,
		meaning: 'Case tab by number  (case)',
		reason: 'the digits 0–9 open saved queues on the queue screen, and 1–6 the case tabs',
		blocks: () => true,
	},
	{
		keys: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
		label: '0–9',
		inHelp: true,
		meaning: 'Saved queue by its digit  (queue)',
		reason: 'the digits 0–9 open saved queues on the queue screen, and 1–6 the case tabs',
		blocks: () => true,
	},
	{
		keys: ['ctrl+c'],
		label: 'Ctrl+C',
		inHelp: false,
		meaning: 'Quit (asks first when a draft would be lost)',
		reason: 'Ctrl+C always quits',
		blocks: (command) => command.id !== 'quit',
	},
	{
		keys: ['v'],
		label: 'v',
		inHelp: false,
		meaning: 'Open the chosen document  (Documents tab)',
		reason: 'v opens the chosen document on the Documents tab',
		blocks: (command) => command.scope !== 'queue',
	},
	{
		keys: ['c', 'f', 't', 'p'],
		label: 'c / f / t / p',
		inHelp: true,
		meaning: 'Only CEC / FSW / FST / PNP profiles; again: all  (pool)',
		reason: 'on the Pool screen c f t p y and Tab filter the pool and switch the view',
		blocks: (command) => POOL_SCREEN_READS.includes(command.id),
	},
	{
		keys: ['y'],
		label: 'y',
		inHelp: true,
		meaning: 'Next category in force, then all  (pool)',
		reason: 'on the Pool screen c f t p y and Tab filter the pool and switch the view',
		blocks: (command) => POOL_SCREEN_READS.includes(command.id),
	},
	{
		keys: ['tab', 'backtab'],
		label: 'Tab',
		inHelp: true,
		meaning: 'Table or CRS distribution chart  (pool)',
		reason: 'on the Pool screen c f t p y and Tab filter the pool and switch the view',
		blocks: (command) => POOL_SCREEN_READS.includes(command.id),
	},
];

/**
 * Why `key` cannot be bound to command `id` (a key a screen reads before the key map), or null
 * when it can.
 */
export function fixedKeyReason(id: string, key: string): string | null {
	const command = COMMANDS.find((c) => c.id === id);
	if (!command) return null;
	return FIXED_KEYS.find((fixed) => fixed.keys.includes(key) && fixed.blocks(command))?.reason ?? null;
}

/** A command id with its effective keys (defaults, or the user's override). */
export type KeyMap = ReadonlyMap<string, readonly string[]>;

/** The default key map. */
export function defaultKeyMap(): KeyMap {
	return new Map(COMMANDS.map((command) => [command.id, command.keys]));
}

/** The command id bound to `key` in `scope` (scope-specific bindings win over global ones), or undefined. */
export function commandFor(keyMap: KeyMap, key: string, scope: Scope): string | undefined {
	let globalMatch: string | undefined;
	for (const command of COMMANDS) {
		if (!(keyMap.get(command.id) ?? []).includes(key)) continue;
		if (command.scope === scope) return command.id;
		if (command.scope === 'global' && globalMatch === undefined) globalMatch = command.id;
	}
	return globalMatch;
}

/** Human-readable key list for help and the palette: `j / ↓`. */
export function keyLabel(keys: readonly string[]): string {
	const pretty: Record<string, string> = {down: '↓', up: '↑', left: '←', right: '→', enter: 'Enter', escape: 'Esc', pagedown: 'PgDn', pageup: 'PgUp', home: 'Home', end: 'End', tab: 'Tab', backtab: 'Shift+Tab', space: 'Space'};
	return keys.map((key) => pretty[key] ?? (key.startsWith('ctrl+') ? `Ctrl+${key.slice(5).toUpperCase()}` : key)).join(' / ');
}
