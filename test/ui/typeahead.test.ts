/** The keys delivered again after a burst changed the screen: each gives back the key name it came from. */
import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {keyNames} from '../../source/ui/key-names.js';
import {rawKey} from '../../source/ui/typeahead.js';

describe('rawKey', () => {
	it('gives the terminal input of each named key, or null for a name no key gives', () => {
		expect(rawKey('j')).toBe('j');
		expect(rawKey('王')).toBe('王');
		expect(rawKey('enter')).toBe('\r');
		expect(rawKey('escape')).toBe('\u001b');
		expect(rawKey('space')).toBe(' ');
		expect(rawKey('up')).toBe('\u001b[A');
		expect(rawKey('backtab')).toBe('\u001b[Z');
		expect(rawKey('ctrl+s')).toBe('\u0013');
		expect(rawKey('ctrl+')).toBeNull();
		expect(rawKey('nonsense')).toBeNull();
	});

	it('printable keys read back as the same names (control keys are named by Ink’s flags: the screens’ tests cover them)', () => {
		const none = {} as Key;
		for (const name of ['j', 'N', '/', '3', 'space']) {
			expect(keyNames(rawKey(name)!, none), name).toEqual([name]);
		}
	});
});
