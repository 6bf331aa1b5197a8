/**
 * keys.json: user key bindings, validated; a bad entry is a KeyConfigError naming it; a valid
 * override rebinds the key in the workstation and in its help.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {KeyConfigError, keyConfigPath, loadKeyMap} from '../../source/ui/key-config.js';
import {COMMANDS, defaultKeyMap} from '../../source/ui/keymap.js';
import {CASES} from './fake-port.js';
import {expectFits, KEY, openCase, openWorkstation, useUiTestHooks} from './render-app.js';

const dir = mkdtempSync(join(tmpdir(), 'caips-keys-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
useUiTestHooks();

let n = 0;
/** Writes `text` to a fresh keys.json and returns its path. */
function keysFile(text: string): string {
	const path = join(dir, `keys-${n++}.json`);
	writeFileSync(path, text);
	return path;
}

async function loadError(text: string): Promise<KeyConfigError> {
	const path = keysFile(text);
	try {
		await loadKeyMap({}, path);
	} catch (error) {
		expect(error).toBeInstanceOf(KeyConfigError);
		expect((error as KeyConfigError).exitCode).toBe(78);
		expect((error as Error).message).toContain(path);
		expect((error as Error).message).not.toContain('\n');
		return error as KeyConfigError;
	}
	throw new Error(`no error for ${text}`);
}

describe('loading keys.json', () => {
	it('no file: the defaults', async () => {
		expect(await loadKeyMap({}, join(dir, 'missing.json'))).toEqual(defaultKeyMap());
	});

	it('an unknown command is named', async () => {
		const error = await loadError(JSON.stringify({'note.ad': ['m']}));
		expect(error.message).toContain('"note.ad": unknown command');
	});

	it('a bad key name is named with its entry', async () => {
		const error = await loadError(JSON.stringify({'note.add': ['m', 'ctrl+shift+x']}));
		expect(error.message).toContain('"note.add"[1]');
		expect(error.message).toContain('not a key name');
		expect((await loadError(JSON.stringify({'note.add': ['ab']}))).message).toContain('"note.add"[0]');
		expect((await loadError(JSON.stringify({'move.down': ['j', 'j']}))).message).toContain('"move.down": a key is listed twice');
		// Any one printable character is a key (a keyboard with ñ or é has them).
		expect((await loadKeyMap({}, keysFile(JSON.stringify({'note.add': ['ñ']})))).get('note.add')).toEqual(['ñ']);
		expect((await loadError(JSON.stringify({'note.add': []}))).message).toContain('"note.add": needs at least one key');
		expect((await loadError(JSON.stringify({'note.add': 'm'}))).message).toContain('"note.add": must be a list of key names, e.g. ["n", "ctrl+n"]');
	});

	it('a digit is refused for any command, naming the command, the key and why', async () => {
		for (const [id, key] of [['note.add', '7'], ['sort.next', '0'], ['move.down', '3'], ['quit', '9']] as const) {
			const error = await loadError(JSON.stringify({[id]: ['m', key]}));
			expect(error.message).toContain(`"${id}": key "${key}" cannot be bound: the digits 0–9 open saved queues on the queue screen, and 1–6 the case tabs`);
		}
	});

	it('the other keys the screens read before the key map are refused for the commands they would shadow', async () => {
		// Ctrl+C always quits: only the quit command may have it.
		expect((await loadError(JSON.stringify({refresh: ['ctrl+c']}))).message).toContain('"refresh": key "ctrl+c" cannot be bound: Ctrl+C always quits');
		expect((await loadKeyMap({}, keysFile(JSON.stringify({quit: ['ctrl+c', 'ctrl+q']})))).get('quit')).toEqual(['ctrl+c', 'ctrl+q']);
		// v opens a document on the Documents tab: not for case or global commands; a queue command may have it.
		expect((await loadError(JSON.stringify({'note.add': ['v']}))).message).toContain('"note.add": key "v" cannot be bound: v opens the chosen document on the Documents tab');
		expect((await loadError(JSON.stringify({'move.down': ['v']}))).message).toContain('"move.down": key "v"');
		expect((await loadKeyMap({}, keysFile(JSON.stringify({'sort.next': ['v']})))).get('sort.next')).toEqual(['v']);
		// The Pool screen's own keys, for the commands the Pool screen reads.
		for (const [id, key] of [['move.down', 'f'], ['open', 'c'], ['back', 'y'], ['refresh', 'tab'], ['help', 'p'], ['move.up', 'backtab']] as const) {
			expect((await loadError(JSON.stringify({[id]: [key]}))).message).toContain(`"${id}": key "${key}" cannot be bound: on the Pool screen c f t p y and Tab filter the pool and switch the view`);
		}
		// A queue command the Pool screen does not read may use them.
		expect((await loadKeyMap({}, keysFile(JSON.stringify({filter: ['f'], 'tag': ['t']})))).get('filter')).toEqual(['f']);
	});

	it('every default binding passes the same checks', async () => {
		const everything = Object.fromEntries(COMMANDS.map((command) => [command.id, command.keys]));
		expect(await loadKeyMap({}, keysFile(JSON.stringify(everything)))).toEqual(defaultKeyMap());
	});

	it('invalid JSON is refused, saying where', async () => {
		expect((await loadError('{"note.add": ["m"],}')).message).toMatch(/not valid JSON \(line 1, column \d+: /);
		expect((await loadError('')).message).toContain('not valid JSON');
	});

	it('a command given twice is refused (JSON.parse would silently keep the last)', async () => {
		const error = await loadError('{"move.down": ["j"], "move.down": ["n"]}');
		expect(error.message).toContain('"move.down" is given twice');
	});

	it('a case or queue command on a key of a command read everywhere is refused: it would take the key from it', async () => {
		const error = await loadError(JSON.stringify({'note.add': ['j']}));
		expect(error.message).toContain('key "j" is bound to both "move.down" and "note.add"');
		// With move.down moved off j, j is free for the note.
		expect((await loadKeyMap({}, keysFile(JSON.stringify({'note.add': ['j'], 'move.down': ['down']})))).get('note.add')).toEqual(['j']);
	});

	it('two commands of one scope on one key are refused, naming both', async () => {
		const error = await loadError(JSON.stringify({'note.add': ['d']}));
		expect(error.message).toContain('key "d"');
		expect(error.message).toContain('"decide"');
		expect(error.message).toContain('"note.add"');
		// the same key in different scopes is allowed (the screen's own binding wins)
		expect((await loadKeyMap({}, keysFile(JSON.stringify({'sort.next': ['n']})))).get('sort.next')).toEqual(['n']);
	});

	it('a valid override replaces that command’s keys and keeps the others', async () => {
		const map = await loadKeyMap({}, keysFile(JSON.stringify({'note.add': ['m', 'ctrl+n']})));
		expect(map.get('note.add')).toEqual(['m', 'ctrl+n']);
		for (const command of COMMANDS) if (command.id !== 'note.add') expect(map.get(command.id)).toEqual(command.keys);
	});

	it('the file lives under XDG_CONFIG_HOME (absolute) or ~/.config', async () => {
		expect(keyConfigPath({XDG_CONFIG_HOME: '/x/conf', HOME: '/home/a'})).toBe('/x/conf/caips/keys.json');
		expect(keyConfigPath({XDG_CONFIG_HOME: 'relative', HOME: '/home/a'})).toBe('/home/a/.config/caips/keys.json');
		expect(keyConfigPath({HOME: '/home/a'})).toBe('/home/a/.config/caips/keys.json');
	});
});

describe('a rebound key in the workstation', () => {
	it('note.add on m: m opens the editor, n no longer does, and the help shows m', async () => {
		const keyMap = await loadKeyMap({}, keysFile(JSON.stringify({'note.add': ['m']})));
		const app = await openWorkstation({keyMap});
		await openCase(app, CASES.helene);
		await app.press('n');
		expect(app.frame()).not.toContain('New note for');
		await app.press('m');
		await app.waitForText('New note for');
		await app.press(KEY.escape);
		await app.waitFor((f) => !f.includes('New note for'), 'the editor closed');
		await app.press('?');
		const seen: string[] = [];
		for (let i = 0; i < COMMANDS.length; i++) {
			seen.push(...app.lines());
			await app.press('j');
		}
		expect(seen.some((l) => /^m\s+Add a note\s+\(case\)/.test(l))).toBe(true);
		expect(seen.some((l) => /^n\s+Add a note/.test(l))).toBe(false);
	});

	it('the help names the keys.json the workstation reads ($XDG_CONFIG_HOME), cut to the width', async () => {
		const app = await openWorkstation({keysPath: '/srv/officers/cfg/caips/keys.json'});
		await app.press('?');
		await app.waitForText('Keys (Esc or ? to close; rebind in /srv/officers/cfg/caips/keys.json)');
		const long = await openWorkstation({keysPath: `/home/${'x'.repeat(90)}/caips/keys.json`});
		await long.press('?');
		await long.waitFor((f) => f.split('\n').some((l) => l.startsWith('Keys (Esc or ? to close; rebind in /home/x') && l.trimEnd().endsWith('…')), 'the path cut with an ellipsis');
		expectFits(long.frame(), {columns: 80, rows: 24});
	});

	it('a rebound move key works in the queue and the palette lists it', async () => {
		const keyMap = await loadKeyMap({}, keysFile(JSON.stringify({'move.down': ['e', 'down'], 'move.up': ['u', 'up']})));
		const app = await openWorkstation({keyMap});
		await app.press('e', 'e');
		expect(app.selectedLine()).toContain(CASES.arabic);
		await app.press('j');
		expect(app.selectedLine()).toContain(CASES.arabic);
		await app.press('u');
		expect(app.selectedLine()).toContain(CASES.cjk);
		await app.press(':');
		await app.type('move down');
		await app.waitFor((f) => /Move down\s+e \/ ↓/.test(f), 'the palette with the new keys');
	});

	it('a rebound move key scrolls the help too', async () => {
		const keyMap = await loadKeyMap({}, keysFile(JSON.stringify({'move.down': ['e', 'down']})));
		const app = await openWorkstation({keyMap});
		await app.press('?');
		await app.waitForText('more below: e PgDn');
		await app.press('e');
		await app.waitFor((f) => /\b2–\d+ of \d+, more above: k PgUp; more below: e PgDn/.test(f), 'the help one line down');
	});

	it('open rebound to o: o opens a case and a document; Enter does neither', async () => {
		const keyMap = await loadKeyMap({}, keysFile(JSON.stringify({open: ['o']})));
		const app = await openWorkstation({keyMap});
		await app.press(KEY.enter);
		expect(app.frame()).not.toContain('[1 Summary]');
		await app.press('o');
		await app.waitForText('[1 Summary]');
		await app.press('5', KEY.enter);
		expect(app.frame()).not.toContain('(j/k scroll, Esc close)');
		await app.press('o');
		await app.waitForText('(j/k scroll, Esc close)');
	});

	it('back rebound to x: x leaves a case, and on the queue x quits (q no longer does)', async () => {
		const keyMap = await loadKeyMap({}, keysFile(JSON.stringify({back: ['escape', 'x']})));
		const app = await openWorkstation({keyMap});
		await app.press(KEY.enter);
		await app.waitForText('[1 Summary]');
		await app.press('x');
		await app.waitForText('1–20 of 26');
		await app.press('q');
		expect(app.exited()).toBe(false);
		await app.press('x');
		await app.waitFor(() => app.exited(), 'the app to exit');
	});
});
