/** Wrapping the case screen's text: a note keeps its own indentation; a table row's last column wraps under itself. */
import {describe, expect, it} from 'vitest';
import {hangingLines, wrapLine} from '../../source/ui/screens/case-lines.js';

describe('wrapLine', () => {
	it('breaks at spaces; the next part does not start with the space it was broken at; a line’s own indentation stays', () => {
		expect(wrapLine('hello world this is text', 11)).toEqual(['hello world', 'this is ', 'text']);
		expect(wrapLine('  indented line of a note body', 14, '    ')).toEqual(['      indented', '    line of a', '    note body']);
	});
});

describe('hangingLines', () => {
	it('the text wraps in the columns after the head, continuation lines under its first column', () => {
		const head = '  canadian-work        35  ';
		const lines = hangingLines(head, '0 years (0 h in the 10 years before 2026-01-05)', 52);
		expect(lines[0]).toBe(`${head}0 years (0 h in the 10`);
		expect(lines.slice(1)).toEqual([`${' '.repeat(head.length)}years before 2026-01-05)`]);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(52);
	});

	it('with fewer than 16 columns left, the whole line wraps; control characters never pass', () => {
		expect(hangingLines('x'.repeat(30), 'a b c', 40)).toEqual(['x'.repeat(30) + 'a b c']);
		expect(hangingLines('head ', 'evil\u001b[31m text', 40).join('')).not.toContain('\u001b');
	});
});
