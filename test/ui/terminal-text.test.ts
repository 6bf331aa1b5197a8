import {describe, expect, it} from 'vitest';
import {displayWidth, fitWidth, MAX_MARKS_PER_CHARACTER, padWidth, safeLines, safeText} from '../../source/ui/terminal-text.js';

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
	it('keeps accents (composed or not), other scripts, right-to-left letters and emoji', () => {
		const text = 'Hélène Côté Nguyễn Zoë Nguye\u0302\u0303n Zoe\u0308 王秀英 محمد 김민준 प्रियंका 👩 🇨🇦';
		expect(safeText(text)).toBe(text);
	});
	it('drops zero-width and other invisible format characters, on which terminals and string-width disagree', () => {
		expect(safeText('Zero\u200bWidth\u200cJoin\u200dWord\u2060Bom\ufeffEnd')).toBe('ZeroWidthJoinWordBomEnd');
		// Soft hyphen, Arabic number signs, interlinear annotation, tags, Hangul fillers, variation selectors.
		expect(safeText('a\u00adb\u0600\u0601c\ufff9d\u{e0041}e\u115f\u3164f\u2764\ufe0fg')).toBe('abcdef\u2764g');
		// An emoji sequence falls apart into its emoji (each measured alike everywhere).
		expect(safeText('👩\u200d⚕\ufe0f')).toBe('👩⚕');
		// Bidi controls stay visible as �.
		expect(safeText('a\u200eb\u202ec')).toBe('a\ufffdb\ufffdc');
		for (const text of ['a\u200bb', '\u00ad', 'x\u2061y']) expect(safeText(text)).not.toMatch(/[\p{Cf}\p{Default_Ignorable_Code_Point}]/u);
	});
	it(`keeps at most ${MAX_MARKS_PER_CHARACTER} combining marks on one character`, () => {
		expect(safeText(`Z${'\u0301'.repeat(30)}algo`)).toBe(`Z${'\u0301'.repeat(MAX_MARKS_PER_CHARACTER)}algo`);
		expect(safeText(`e${'\u0302\u0303'.repeat(2)}x`)).toBe(`e${'\u0302\u0303'.repeat(2)}x`);
		// Tibetan stack (three marks) and pointed Hebrew with an accent (four) are untouched.
		expect(safeText('\u0f56\u0f66\u0f92\u0fb2\u0f74\u0f56\u0f66')).toBe('\u0f56\u0f66\u0f92\u0fb2\u0f74\u0f56\u0f66');
		expect(safeText('\u05e9\u05bc\u05c1\u05b8\u05a3')).toBe('\u05e9\u05bc\u05c1\u05b8\u05a3');
		expect(displayWidth(safeText(`Z${'\u0301'.repeat(30)}`))).toBe(1);
	});
	it('is idempotent', () => {
		for (const text of ['a\u001b[31m\u200b\u202e', `Z${'\u0301'.repeat(9)}\u200dq`, 'Côté']) expect(safeText(safeText(text))).toBe(safeText(text));
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
