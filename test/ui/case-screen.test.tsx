/**
 * The case screen: opening a case, the six tabs (Summary, Eligibility, CRS, Notes, Documents,
 * History) by digit, Tab, arrows and h/l, scrolling, the document pager, and going back to the
 * queue with the cursor where it was.
 */
import {describe, expect, it} from 'vitest';
import {CASES, FakePort, numberOf} from './fake-port.js';
import {expectFits, KEY, openCase, openWorkstation, useUiTestHooks} from './render-app.js';

useUiTestHooks();

const TABS = ['Summary', 'Eligibility', 'CRS', 'Notes', 'Documents', 'History'];

/** The body lines of the case screen (below the header and the tab line, above the status bar). */
function body(frame: string): string[] {
	return frame.split('\n').slice(2, -1);
}

describe('case screen: opening and tabs', () => {
	it('Enter opens the selected case on its Summary', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await app.press('j', 'j');
		await app.press(KEY.enter);
		const frame = await app.waitForText('[1 Summary]', `Application ${CASES.arabic}`);
		expect(frame).toContain('UCI 1102-4002');
		expect(frame).toContain('Applicant   العلي, محمد');
		expect(frame).toContain('Status in review');
		expect(frame).toContain('Assigned to tremblay');
		expect(frame).toMatch(/CRS \d+ +eligible for/);
		expect(frame.split('\n')[0]).toContain(`${CASES.arabic}  العلي, محمد  FSW  in review  v`);
		expect(fake.callsOf('caseDetail')).toContainEqual([CASES.arabic]);
		expectFits(frame, {columns: 80, rows: 24});
	});

	it('digits 1–6 choose a tab', async () => {
		const app = await openWorkstation();
		await openCase(app, CASES.helene);
		for (const [i, name] of [...TABS.entries()].reverse()) {
			await app.press(String(i + 1));
			await app.waitForText(`[${i + 1} ${name}]`);
		}
	});

	it('Tab / → / l go to the next tab, Shift+Tab / ← / h to the previous, wrapping around', async () => {
		const app = await openWorkstation();
		await openCase(app, CASES.helene);
		await app.press(KEY.tab);
		await app.waitForText('[2 Eligibility]');
		await app.press(KEY.right);
		await app.waitForText('[3 CRS]');
		await app.press('l');
		await app.waitForText('[4 Notes]');
		await app.press('l', 'l', 'l');
		await app.waitForText('[1 Summary]');
		await app.press(KEY.backtab);
		await app.waitForText('[6 History]');
		await app.press(KEY.left);
		await app.waitForText('[5 Documents]');
		await app.press('h');
		await app.waitForText('[4 Notes]');
	});

	it('Eligibility lists each program’s criteria with pass/FAIL, detail and legal source, as assessed vs claimed', async () => {
		const app = await openWorkstation();
		await openCase(app, CASES.helene);
		await app.press('2');
		const frame = await app.waitForText('[2 Eligibility]');
		expect(frame).toContain('program applied under: CEC');
		expect(frame).toContain('CEC  NOT ELIGIBLE  (as claimed: eligible)');
		expect(frame).toMatch(/FAIL {2}cec\.canadian-experience {2}\[IRPR s\. 87\.1\(2\)\(a\)\]/);
		expect(frame).toMatch(/pass {2}cec\.language {2}\[IRPR s\. 87\.1\(2\)\(d\)/);
		expect(frame).toMatch(/FSW {2}ELIGIBLE \(\d+ points\)/);
		// scroll to FST at the bottom
		await app.press('G');
		await app.waitForText('FST  NOT ELIGIBLE');
		expectFits(app.frame(), {columns: 80, rows: 24});
	});

	it('CRS shows every factor, with claimed and assessed columns when a work period is not credited', async () => {
		const app = await openWorkstation();
		await openCase(app, CASES.helene);
		await app.press('3');
		const frame = await app.waitForText('[3 CRS]');
		expect(frame).toMatch(/CRS \d+ as assessed \(\d+ as claimed\)/);
		expect(frame).toMatch(/claimed +assessed/);
		expect(frame).toMatch(/A\. Core \/ human capital +\d+ +\d+/);
		expect(frame).toMatch(/canadian-work +35 +0/);
		// A detail too long for its column wraps within it: the next line starts under its first word.
		const lines = frame.split('\n');
		const at = lines.findIndex((line) => /canadian-work +35 +0 +\S/.test(line));
		const match = /canadian-work +35 +0 +/.exec(lines[at]!)!;
		const column = match.index + match[0].length;
		expect(lines[at + 1]!.slice(0, column).trim(), lines[at + 1]).toBe('');
		expect(lines[at + 1]![column], lines[at + 1]).not.toBe(' ');
		await app.press('G');
		const end = await app.waitForText('Work periods not credited by the officer:');
		expect(end).toContain('pay stubs show part-time');
		expect(end).toContain('D. Additional');
	});

	it('CRS of a case without findings has one column', async () => {
		const app = await openWorkstation();
		await openCase(app, CASES.arabic);
		await app.press('3');
		const frame = await app.waitForText('[3 CRS]');
		expect(frame).not.toContain('as claimed');
		expect(frame).not.toMatch(/claimed +assessed/);
		expect(frame).toMatch(/age +\d+ /);
	});

	it('Notes lists notes oldest first, newest last, with author and time', async () => {
		const app = await openWorkstation();
		await openCase(app, CASES.helene);
		await app.press('4');
		const frame = await app.waitForText('[4 Notes]');
		const first = frame.indexOf('#1  2026-03-02 10:15Z  lavoie');
		const second = frame.indexOf('#2  2026-10-01 09:00Z  tremblay');
		expect(first).toBeGreaterThan(0);
		expect(second).toBeGreaterThan(first);
		expect(frame).toContain('    Second employer letter lacks hours.\n    Asked for pay stubs.');
	});

	it('Notes of a case without notes invites one', async () => {
		const app = await openWorkstation();
		await openCase(app, CASES.eligible);
		await app.press('4');
		await app.waitForText('No notes. Press n to add one.');
	});

	it('History lists the audit trail and the decisions', async () => {
		const app = await openWorkstation();
		await openCase(app, CASES.arabic);
		await app.press('6');
		const frame = await app.waitForText('[6 History]', 'import', 'Decisions:');
		expect(frame).toContain('pfl by tremblay [insufficient-evidence]');
		expect(frame).toContain('Concerns about the claimed employment');
	});
});

describe('case screen: documents and the pager', () => {
	it('lists documents with kind, size and checksum; j/k choose; Enter opens the text; Esc closes', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.press('5');
		let frame = await app.waitForText('[5 Documents]', 'SHA-256 ok');
		const [passport, reference] = fake.case(CASES.helene).documents;
		expect(frame).toMatch(new RegExp(`> #${passport!.id} +passport +Passport bio page`));
		expect(frame).toContain('Employment reference letter');
		await app.press('j');
		frame = await app.waitFor((f) => new RegExp(`> #${reference!.id} +employment-reference`).test(f), 'the second document chosen');
		await app.press(KEY.enter);
		frame = await app.waitForText('Employment reference letter (reference-0.txt)  (j/k scroll, Esc close)', 'To whom it may concern,');
		expect(fake.callsOf('documentText')).toEqual([[reference!.id]]);
		expect(frame).not.toContain('END OF REFERENCE');
		expectFits(frame, {columns: 80, rows: 24});
		await app.press('j');
		await app.waitFor((f) => !f.includes('To whom it may concern,'), 'the pager scrolled');
		await app.press('G');
		await app.waitForText('END OF REFERENCE');
		await app.press('g');
		await app.waitForText('To whom it may concern,');
		await app.press(KEY.pageDown);
		await app.waitForText('Line 20 of the reference');
		await app.press(KEY.escape);
		frame = await app.waitForText('[5 Documents]', 'SHA-256 ok');
		expect(frame).toMatch(new RegExp(`> #${reference!.id}`));
		await app.press('k', KEY.enter);
		await app.waitForText('Passport bio page (passport-0.txt)', 'Passport of Côté-Lefrançois, Hélène');
		await app.press('q');
		await app.waitForText('[5 Documents]');
	});

	it('shows a checksum mismatch', async () => {
		const app = await openWorkstation();
		await openCase(app, numberOf(7));
		await app.press('5');
		await app.waitForText('SHA-256 MISMATCH');
	});

	it('an error reading a document is shown', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.helene);
		await app.press('5');
		await app.waitForText('[5 Documents]');
		fake.failNext('documentText', new Error('document 1: file missing from the store\nstack…'));
		await app.press(KEY.enter);
		const frame = await app.waitForText('! document 1: file missing from the store');
		expect(frame).not.toContain('stack…');
		expect(frame).toContain('[5 Documents]');
	});
});

describe('case screen: scrolling and going back', () => {
	it('j/k, ↓/↑, PgDn/PgUp and g/G scroll a long tab', async () => {
		const app = await openWorkstation();
		await openCase(app, CASES.helene);
		await app.press('3');
		const top = body(await app.waitForText('[3 CRS]'));
		await app.press('j');
		let lines = body(app.frame());
		expect(lines[0]).toBe(top[1]);
		await app.press(KEY.down, KEY.down);
		expect(body(app.frame())[0]).toBe(top[3]);
		await app.press('k', KEY.up);
		expect(body(app.frame())[0]).toBe(top[1]);
		await app.press(KEY.pageDown);
		lines = body(app.frame());
		expect(lines[0]).not.toBe(top[1]);
		await app.press(KEY.pageUp);
		expect(body(app.frame())[0]).toBe(top[1]);
		await app.press('G');
		expect(app.frame()).toContain('Work periods not credited');
		await app.press('g');
		expect(body(app.frame())[0]).toBe(top[0]);
		// a tab switch starts at the top
		await app.press('G', '2');
		await app.waitForText('As assessed on');
	});

	it('Esc goes back to the queue with the cursor and window where they were', async () => {
		const app = await openWorkstation();
		await app.type('j'.repeat(22));
		expect(app.selectedLine()).toContain(numberOf(22));
		const position = /\d+–\d+ of \d+/.exec(app.frame())![0];
		await app.press(KEY.enter);
		await app.waitForText(`Application ${numberOf(22)}`);
		await app.press('3', 'j', 'j');
		await app.press(KEY.escape);
		await app.waitForText(position);
		expect(app.selectedLine()).toContain(numberOf(22));
		// q is also back from a case (and does not quit)
		await app.press(KEY.enter);
		await app.waitForText(`Application ${numberOf(22)}`);
		await app.press('q');
		await app.waitForText(position);
		expect(app.exited()).toBe(false);
	});

	it('a case changed by another officer is redrawn when the poll notices (version and content)', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake, pollMs: 5});
		await openCase(app, CASES.helene);
		const version = fake.case(CASES.helene).version;
		await app.press('4');
		await app.waitForText(`v${version}`, '[4 Notes]');
		fake.simulateOtherOfficer(CASES.helene);
		await app.waitForText(`v${version + 1}`, 'Called the employer; reference confirmed.');
	});
});
