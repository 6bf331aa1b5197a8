/**
 * Key names of one input delivery: a burst of characters (fast typing, a paste, a slow link) is
 * named key by key, its control characters as the key map names them when pressed alone.
 */
import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {keyNames} from '../../source/ui/key-names.js';

const plain = {} as Key;

describe('keyNames', () => {
	it('names a burst key by key: Enter, Tab, Space, Esc and Ctrl+letters as the key map does', () => {
		expect(keyNames('\u0013Mine\r3\r', plain)).toEqual(['ctrl+s', 'M', 'i', 'n', 'e', 'enter', '3', 'enter']);
		expect(keyNames('a\u0004 \tb\u001b\u0015', plain)).toEqual(['a', 'ctrl+d', 'space', 'tab', 'b', 'escape', 'ctrl+u']);
	});

	it('keeps Backspace sent as \\b as it is (the editors read it as Backspace)', () => {
		expect(keyNames('ab\b', plain)).toEqual(['a', 'b', '\b']);
	});

	it('a key pressed alone with Ctrl is named by Ink’s flags', () => {
		expect(keyNames('s', {...plain, ctrl: true})).toEqual(['ctrl+s']);
	});

	it('Esc then any key in one packet (Alt+key) is read as Esc, then that key', () => {
		expect(keyNames('q', {...plain, meta: true})).toEqual(['escape', 'q']);
		expect(keyNames('s', {...plain, meta: true, ctrl: true})).toEqual(['escape', 'ctrl+s']);
		expect(keyNames('', {...plain, meta: true, downArrow: true})).toEqual(['escape', 'down']);
		expect(keyNames('\r', {...plain, meta: true, return: true})).toEqual(['escape', 'enter']);
		// Esc Ctrl+S, Esc Tab: Ink hands on the control character alone, with no flag set.
		expect(keyNames('\u0013', plain)).toEqual(['escape', 'ctrl+s']);
		expect(keyNames('\t', plain)).toEqual(['escape', 'tab']);
		// Ctrl+S and Tab pressed alone come named.
		expect(keyNames('s', {...plain, ctrl: true})).toEqual(['ctrl+s']);
		expect(keyNames('', {...plain, tab: true})).toEqual(['tab']);
		// Esc alone (Ink marks it meta too) is one Esc.
		expect(keyNames('', {...plain, meta: true, escape: true})).toEqual(['escape']);
	});
});
