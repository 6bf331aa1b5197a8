import {describe, expect, it} from 'vitest';
import {displayWidth, fitWidth, padWidth, safeLines, safeText} from '../../source/ui/terminal-text.js';

describe('safeText: untrusted text never reaches the terminal raw', () => {
	it('turns escape and other C0 control characters into visible symbols', () => {
		expect(safeText('a\u001b[31mred\u0007b')).toBe('a␛[31mred␇b');
		expect(safeText('\u0000\u007f')).toBe('␀␡');
	});
	it('replaces C1 controls (including the 8-bit CSI) and bidi overrides', () => {
		expect(safeText('x\u009b2Jy')).toBe('x\ufffd2Jy');
		expect(safeText('abc\u202edcba\u2066i\u2069')).toBe('abc\ufffddcba\ufffdi\ufffd');
	});
	it('keeps one line: tabs, line breaks and Unicode separators become spaces', () => {
		expect(safeText('a\tb\r\nc\u2028d')).toBe('a b  c d');
	});
	it('keeps accents, other scripts, right-to-left letters and emoji', () => {
		const text = 'Hélène Côté 王秀英 محمد 👩‍⚕️';
		expect(safeText(text)).toBe(text);
	});
	it('splits multi-line notes into safe lines', () => {
		expect(safeLines('one\r\ntwo\u001b\nthree')).toEqual(['one', 'two␛', 'three']);
	});
});

describe('widths are display columns', () => {
	it('measures wide and combining characters', () => {
		expect(displayWidth('王秀英')).toBe(6);
		expect(displayWidth('e\u0301')).toBe(1);
	});
	it('pads and cuts by columns so table columns line up', () => {
		expect(padWidth('王秀英', 8)).toBe('王秀英  ');
		expect(displayWidth(padWidth('王秀英王秀英', 7))).toBe(7);
		expect(fitWidth('Côté-Lefrançois', 6)).toBe('Côté-…');
		expect(padWidth('42', 5, 'right')).toBe('   42');
	});
});
