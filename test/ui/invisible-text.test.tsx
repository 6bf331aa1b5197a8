/**
 * Names holding invisible characters (zero-width space, non-joiner and joiner, word joiner, BOM,
 * soft hyphen, other format characters) or a letter under a tall stack of combining marks: a
 * terminal and string-width measure them differently, so a row holding them could run past the
 * width the table laid out. They are made terminal-safe before they are drawn: in every row the
 * name column is exactly its width (the next column starts where the header says), nothing
 * invisible is left, and ordinary accents are kept.
 */
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {displayWidth, MAX_MARKS_PER_CHARACTER} from '../../source/ui/terminal-text.js';
import {CASES, FakePort} from './fake-port.js';
import {openCase, openWorkstation, useUiTestHooks} from './render-app.js';

useUiTestHooks();

const SGR = /\u001b\[[0-9;]*m/g;
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const TALL_STACK = new RegExp(`[\\p{Mn}\\p{Me}]{${MAX_MARKS_PER_CHARACTER + 1}}`, 'u');

/** The lines of `frame` (colour codes removed) holding a case row. */
function rowLines(frame: string): string[] {
	return frame
		.replace(SGR, '')
		.split('\n')
		.filter((line) => /^[>* ] E\d{9} /.test(line));
}

describe('invisible and stacked characters in names', () => {
	it('rows keep the table layout (the name column is exactly its width), with nothing invisible and no tall stacks; accents are kept', async () => {
		const fake = new FakePort();
		const hostile = fake.case(CASES.helene).applicant;
		hostile.familyName = 'Ze\u200bro\u200c\u200d\u2060\ufeff\u00ad\u0600\u0601\u0602';
		hostile.givenNames = `Z${'\u0301\u0308'.repeat(12)}algo`;
		const accented = fake.case(CASES.eligible).applicant;
		accented.familyName = 'Nguyễn';
		accented.givenNames = 'Zoë';
		const app = await openWorkstation({fake});
		const frame = app.frame();
		const rows = rowLines(frame);
		expect(rows.length).toBeGreaterThan(5);
		const header = frame.replace(SGR, '').split('\n').find((line) => line.startsWith('  Application'))!;
		const progColumn = stringWidth(header.slice(0, header.indexOf(' Prog ') + 1));
		for (const row of rows) {
			// The columns after the name start where the header says: the name took its width exactly
			// (measured as the layout measures, which is a terminal's count once nothing invisible is left).
			const prog = / (?:CEC|FSW|FST) {2}/.exec(row)!;
			expect(displayWidth(row.slice(0, prog.index + 1)), row).toBe(progColumn);
			expect(stringWidth(row), row).toBeLessThanOrEqual(app.size().columns);
			expect(row).not.toMatch(INVISIBLE);
			expect(row).not.toMatch(TALL_STACK);
		}
		const hostileRow = rows.find((row) => row.includes(CASES.helene))!;
		expect(hostileRow).toContain(`Zero, Z${'\u0301\u0308'.repeat(12).slice(0, MAX_MARKS_PER_CHARACTER)}algo`);
		expect(rows.find((row) => row.includes(CASES.eligible))).toContain('Nguyễn, Zoë');
	});

	it('the case screen shows the name made safe too', async () => {
		const fake = new FakePort();
		fake.case(CASES.helene).applicant.familyName = 'Zero\u200bWidth\u2060';
		const app = await openWorkstation({fake});
		const frame = await openCase(app, CASES.helene);
		expect(frame).toContain('Applicant   ZeroWidth, Hélène');
		expect(frame).not.toMatch(INVISIBLE);
	});
});
