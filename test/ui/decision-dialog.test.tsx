/**
 * Deciding, reviewing and bringing forward: the decision dialog (outcome, reason codes, text,
 * bring-forward date; the eligibility line and the warnings; what is still needed; saving with
 * the version the officer saw; a conflict keeps the draft; roles), the supervisor's review, and
 * the `b` bring-forward prompt.
 */
import {describe, expect, it} from 'vitest';
import type {DecisionInput} from '../../source/ui/data.js';
import {CASES, FakePort} from './fake-port.js';
import {expectFits, KEY, openCase, openWorkstation, switchToQueue, type Rendered, useUiTestHooks} from './render-app.js';

useUiTestHooks();

const TITLE = 'Decision on';
const PFL_REMINDER = 'No procedural fairness letter was sent';

/** The frame's text with wrapped lines joined, so a sentence can be matched whole. */
function flat(frame: string): string {
	return frame.replace(/\n +/g, ' ');
}

async function openDecision(app: Rendered, number: string): Promise<string> {
	await openCase(app, number);
	await app.press('d');
	return app.waitForText(`${TITLE} ${number}`);
}

/** Moves the reason-code cursor to `code` (from the top) and toggles it. */
async function toggleReason(app: Rendered, fake: FakePort, code: string): Promise<void> {
	const codes = (await fake.reasonCodes()).map((c) => c.code);
	for (let i = 0; i < 20; i++) await app.press('k');
	for (let i = 0; i < codes.indexOf(code); i++) await app.press('j');
	await app.waitFor((f) => new RegExp(`> \\[[ x]\\] ${code}`).test(f), `the cursor on ${code}`);
	await app.press(' ');
}

function decideCalls(fake: FakePort): Array<[string, DecisionInput]> {
	return fake.callsOf('decide') as Array<[string, DecisionInput]>;
}

describe('decision dialog: outcome, eligibility line, saving', () => {
	it('d opens the dialog with the eligibility line; approving an eligible case is ready at once; Ctrl+S decides with the version seen', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		const version = fake.case(CASES.eligible).version;
		const frame = await openDecision(app, CASES.eligible);
		expect(frame).toContain(`(version ${version})`);
		expect(frame).toContain('Outcome: Approve');
		expect(frame).toContain('Eligibility (as assessed) for FSW: ELIGIBLE');
		expect(frame).toContain('Ready: Ctrl+S records the decision');
		expect(frame).not.toContain('!');
		expectFits(frame, {columns: 80, rows: 24});
		await app.press(KEY.ctrlS);
		await app.waitForText('decision recorded: approve', 'approved');
		expect(decideCalls(fake)).toEqual([[CASES.eligible, {outcome: 'approve', reasonCodes: [], text: '', bringForwardOn: undefined, expectedVersion: version}]]);
		expect(app.frame()).not.toContain(TITLE);
	});

	it('the outcome is chosen by digits and ←/→; letters typed there never change it', async () => {
		const app = await openWorkstation();
		await openDecision(app, CASES.eligible);
		await app.press('2');
		await app.waitForText('Outcome: Refuse');
		await app.press(KEY.right);
		await app.waitForText('Outcome: Request information');
		await app.press(KEY.right);
		await app.waitForText('Outcome: Procedural fairness letter');
		await app.press(KEY.left, KEY.left);
		await app.waitForText('Outcome: Refuse');
		// reasons typed before moving to the text field: nothing happens to the outcome
		await app.type('Applicant asked to withdraw, let it be.');
		await app.press('h', 'l', 'j', 'k');
		expect(app.frame()).toContain('Outcome: Refuse');
		await app.press('6');
		await app.waitForText('Outcome: Return (incomplete)', '[6 return]');
		expectFits(app.frame(), {columns: 80, rows: 24});
		await app.press(KEY.right);
		await app.waitForText('Outcome: Approve');
		await app.press('5');
		await app.waitForText('Outcome: Withdraw', 'Still needed: withdraw needs text');
	});

	it('approving an ineligible case warns (override code, supervisor review) and needs the code and reasons', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		let frame = flat(await openDecision(app, CASES.ineligible));
		expect(frame).toContain('Eligibility (as assessed) for CEC: NOT ELIGIBLE');
		expect(frame).toContain('! Approval contradicts the eligibility result: reason code eligibility-override and your reasons are required.');
		expect(frame).toContain('! A supervisor other than you must review this decision before it is final.');
		expect(frame).toContain('Still needed: an approval against the eligibility result needs the eligibility-override reason code');
		await app.press(KEY.ctrlS);
		await app.waitFor((f) => flat(f).includes('needs the eligibility-override reason code') && f.split('\n').at(-1)!.includes('an approval against'), 'the warning');
		expect(decideCalls(fake)).toEqual([]);
		await app.press(KEY.tab);
		await app.waitForText('> Reason codes');
		await toggleReason(app, fake, 'eligibility-override');
		frame = flat(await app.waitForText('[x] eligibility-override'));
		expect(frame).toContain('Reason codes (Space toggles): eligibility-override');
		expect(frame).toContain('Still needed: an override needs your reasons in the text');
		await app.press(KEY.tab);
		await app.waitForText('> Text:');
		await app.type('Experience verified by site visit; rules engine missed the co-op term.');
		await app.waitForText('Ready: Ctrl+S records the decision');
		expectFits(app.frame(), {columns: 80, rows: 24});
		await app.press(KEY.ctrlS);
		await app.waitForText('a supervisor will review it');
		expect(decideCalls(fake)).toEqual([
			[
				CASES.ineligible,
				{
					outcome: 'approve',
					reasonCodes: ['eligibility-override'],
					text: 'Experience verified by site visit; rules engine missed the co-op term.',
					bringForwardOn: undefined,
					expectedVersion: 5,
				},
			],
		]);
		expect(fake.case(CASES.ineligible).status).toBe('pending_review');
	});

	it('refusing warns about review and reminds of a PFL unless the reasons are plain eligibility codes', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openDecision(app, CASES.eligible);
		await app.press('2');
		let frame = flat(await app.waitForText('Outcome: Refuse'));
		expect(frame).toContain('! Refusing a case the rules find eligible: your reasons must say why.');
		expect(frame).toContain('! Refusals are reviewed by a supervisor other than you before they are final.');
		expect(frame).toContain(`! ${PFL_REMINDER}: a refusal on concerns the applicant has not seen should follow a PFL.`);
		expect(frame).toContain('Still needed: a refusal needs at least one reason code');
		expectFits(app.frame(), {columns: 80, rows: 24});
		await app.press(KEY.tab);
		await toggleReason(app, fake, 'fsw-not-met');
		frame = flat(await app.waitForText('[x] fsw-not-met'));
		expect(frame).not.toContain(PFL_REMINDER);
		expect(frame).toContain('Still needed: refuse needs text');
		await toggleReason(app, fake, 'misrepresentation');
		frame = flat(await app.waitForText('[x] misrepresentation'));
		expect(frame).toContain(PFL_REMINDER);
		expect(frame).toContain('Reason codes (Space toggles): fsw-not-met, misrepresentation');
		// Space again removes a code
		await app.press(' ');
		await app.waitFor((f) => f.includes('[ ] misrepresentation') && !flat(f).includes(PFL_REMINDER), 'misrepresentation untoggled');
		await app.press(KEY.tab);
		await app.type('Fewer than 67 points.');
		await app.press(KEY.ctrlS);
		await app.waitForText('a supervisor will review it');
		expect(decideCalls(fake)[0]![1]).toMatchObject({outcome: 'refuse', reasonCodes: ['fsw-not-met'], text: 'Fewer than 67 points.'});
	});

	it('no PFL reminder on a case that had a PFL', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openDecision(app, CASES.arabic);
		await app.press('2', KEY.tab);
		await toggleReason(app, fake, 'insufficient-evidence');
		const frame = flat(await app.waitForText('[x] insufficient-evidence'));
		expect(frame).toContain('Refusals are reviewed by a supervisor');
		expect(frame).not.toContain(PFL_REMINDER);
	});

	it('an RFI takes a bring-forward date: +14 is resolved against today', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openDecision(app, CASES.eligible);
		await app.press('3');
		let frame = flat(await app.waitForText('Outcome: Request information', 'Bring-forward date: (default: in 30 days)'));
		expect(frame).toContain('The case waits for the applicant until the bring-forward date (default 30 days).');
		await app.press(KEY.tab, KEY.tab);
		await app.type('Please send pay stubs for 2024.');
		await app.press(KEY.tab);
		await app.waitForText('> Bring-forward date');
		await app.type('+14');
		frame = await app.waitForText('Bring-forward date: +14');
		expectFits(frame, {columns: 80, rows: 24});
		await app.press(KEY.ctrlS);
		await app.waitForText('decision recorded: rfi');
		expect(decideCalls(fake)).toEqual([
			[CASES.eligible, {outcome: 'rfi', reasonCodes: [], text: 'Please send pay stubs for 2024.', bringForwardOn: '2026-12-13', expectedVersion: 4}],
		]);
	});

	it('a PFL with a calendar date; a bad date is refused and nothing is saved', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openDecision(app, CASES.eligible);
		await app.press('4', KEY.tab, KEY.tab);
		await app.type('We have concerns about the employer.');
		await app.press(KEY.tab);
		await app.type('2026-02-30');
		await app.press(KEY.ctrlS);
		await app.waitForText('bring-forward date "2026-02-30" is not YYYY-MM-DD or +N');
		expect(decideCalls(fake)).toEqual([]);
		for (let i = 0; i < 2; i++) await app.press(KEY.backspace);
		await app.type('28');
		await app.press(KEY.ctrlS);
		await app.waitForText('decision recorded: pfl');
		expect(decideCalls(fake)[0]![1]).toMatchObject({outcome: 'pfl', bringForwardOn: '2026-02-28'});
	});

	it('a bring-forward date typed for an RFI is not sent when the outcome changes', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openDecision(app, CASES.eligible);
		await app.press('3', KEY.tab, KEY.tab, KEY.tab);
		await app.type('+14');
		await app.press(KEY.tab); // back to the outcome
		await app.waitForText('> Outcome');
		await app.press('5', KEY.tab, KEY.tab);
		await app.type('Applicant asked to withdraw.');
		await app.press(KEY.ctrlS);
		await app.waitForText('decision recorded: withdraw');
		expect(decideCalls(fake)[0]![1]).toEqual({outcome: 'withdraw', reasonCodes: [], text: 'Applicant asked to withdraw.', bringForwardOn: undefined, expectedVersion: 4});
	});

	it('d followed by a burst (outcome, Tab, Tab, text) fills the dialog and waits for Ctrl+S', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.eligible);
		await app.type('d5\t\tApplicant asked to withdraw.');
		await app.waitForText('Outcome: Withdraw', 'Applicant asked to withdraw.', '> Text:');
		expect(decideCalls(fake)).toEqual([]);
		await app.press(KEY.ctrlS);
		await app.waitForText('decision recorded: withdraw');
		expect(decideCalls(fake)[0]![1]).toMatchObject({outcome: 'withdraw', text: 'Applicant asked to withdraw.'});
	});

	it('in the dialog, a burst of keys (outcome, Tab, reason toggle, Tab, text) acts key by key', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openDecision(app, CASES.eligible);
		await app.type('2\tjjjj \tNot established.\u007f; see notes.');
		await app.waitForText('Outcome: Refuse', '[x] insufficient-evidence', 'Not established; see notes.');
		await app.press(KEY.ctrlS);
		await app.waitForText('a supervisor will review it');
		expect(decideCalls(fake)[0]![1]).toMatchObject({outcome: 'refuse', reasonCodes: ['insufficient-evidence'], text: 'Not established; see notes.'});
	});

	it('reasons typed with Ctrl+S in one burst are saved with the decision', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openDecision(app, CASES.eligible);
		await app.press('5', KEY.tab, KEY.tab);
		await app.type('Asked by e-mail to withdraw.\u0013');
		await app.waitForText('decision recorded: withdraw');
		expect(decideCalls(fake)[0]![1]).toMatchObject({outcome: 'withdraw', text: 'Asked by e-mail to withdraw.'});
	});

	it('Esc closes and keeps the draft; d reopens it', async () => {
		const app = await openWorkstation();
		await openDecision(app, CASES.eligible);
		await app.press('2', KEY.tab, KEY.tab);
		await app.type('Draft reasons');
		await app.press(KEY.escape);
		await app.waitFor((f) => !f.includes(TITLE), 'the dialog closed');
		await app.press('d');
		await app.waitForText('Outcome: Refuse', 'Draft reasons');
	});

	it('a conflict (the case changed since it was opened) is shown and the draft kept', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openDecision(app, CASES.eligible);
		await app.press('5', KEY.tab, KEY.tab);
		await app.type('Applicant withdrew by e-mail.');
		fake.simulateOtherOfficer(CASES.eligible); // no polling: this screen still shows version 4
		await app.press(KEY.ctrlS);
		let frame = await app.waitForText(`! case ${CASES.eligible} changed since you opened it`);
		expect(frame).toContain(TITLE);
		expect(frame).toContain('Applicant withdrew by e-mail.');
		expect(decideCalls(fake)[0]![1].expectedVersion).toBe(4);
		expect(fake.case(CASES.eligible).status).toBe('in_review');
		// a conflict thrown by the store as such is shown the same way
		fake.failNext('decide', new Error(`case ${CASES.eligible} changed since you opened it (version 5, now 6); reload and try again`));
		await app.press(KEY.ctrlS);
		frame = await app.waitForText('(version 5, now 6)');
		expect(frame).toContain('Applicant withdrew by e-mail.');
	});

	it('after a conflict the case is read again by itself: the dialog shows what changed and keeps the draft', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openDecision(app, CASES.eligible);
		await app.press('5', KEY.tab, KEY.tab);
		await app.type('Applicant withdrew by e-mail.');
		fake.simulateOtherOfficer(CASES.eligible); // no polling: only the conflict can bring version 5
		const reads = fake.callsOf('caseDetail').length;
		await app.press(KEY.ctrlS);
		const frame = flat(await app.waitForText('The case changed since you opened this dialog'));
		expect(frame).toContain(`! case ${CASES.eligible} changed since you opened it (version 4 → 5)`);
		expect(frame).toContain('(version 4, now 5): Esc to look at it, then d to decide on the new version.');
		expect(frame).toContain('Outcome: Withdraw');
		expect(frame).toContain('Applicant withdrew by e-mail.');
		expect(fake.callsOf('caseDetail').slice(reads)).toEqual([[CASES.eligible]]);
		expect(fake.case(CASES.eligible).decisions).toEqual([]);
		// The case as it is now, then the decision on it: the draft went along.
		await app.press(KEY.escape, '4');
		await app.waitForText('Called the employer; reference confirmed.');
		await app.press('d');
		await app.waitForText(`${TITLE} ${CASES.eligible} (version 5)`, 'Applicant withdrew by e-mail.');
	});

	it('an error other than a conflict does not read the case again', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openDecision(app, CASES.eligible);
		const reads = fake.callsOf('caseDetail').length;
		fake.failNext('decide', new Error('the store is read-only'));
		await app.press(KEY.ctrlS);
		await app.waitForText('! the store is read-only');
		await app.settle();
		expect(fake.callsOf('caseDetail').length).toBe(reads);
		expect(app.frame()).toContain(TITLE);
	});

	it('the version saved is the one seen when the dialog opened, even after a poll brought a newer one', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake, pollMs: 5});
		await openDecision(app, CASES.eligible);
		await app.press('5', KEY.tab, KEY.tab);
		await app.type('Applicant withdrew.');
		fake.simulateOtherOfficer(CASES.eligible);
		let frame = flat(await app.waitForText('The case changed since you opened this dialog'));
		expect(frame).toContain('(version 4, now 5): Esc to look at it, then d to decide on the new version.');
		expect(frame).toContain(`${TITLE} ${CASES.eligible} (version 4)`);
		await app.press(KEY.ctrlS);
		await app.waitForText('changed since you opened it');
		expect(decideCalls(fake).map(([, input]) => input.expectedVersion)).toEqual([4]);
		// look at the case, then decide on what is there now: the draft is still there
		await app.press(KEY.escape, '4');
		await app.waitForText('Called the employer; reference confirmed.');
		await app.press('d');
		frame = await app.waitForText(`${TITLE} ${CASES.eligible} (version 5)`, 'Applicant withdrew.');
		expect(frame).not.toContain('The case changed');
		await app.press(KEY.ctrlS);
		await app.waitForText('decision recorded: withdraw');
		expect(decideCalls(fake).map(([, input]) => input.expectedVersion)).toEqual([4, 5]);
	});

	it('a second Ctrl+S while the decision is being saved does not decide twice', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openDecision(app, CASES.eligible);
		const release = fake.hold('decide');
		await app.press(KEY.ctrlS);
		await app.waitForText('working…');
		await app.press(KEY.ctrlS);
		await app.waitForText('still working on the last change');
		release();
		await app.waitForText('decision recorded: approve');
		expect(decideCalls(fake)).toHaveLength(1);
	});

	it('a user without the officer role gets an error on d', async () => {
		const fake = new FakePort({roles: ['auditor']});
		const app = await openWorkstation({fake});
		await switchToQueue(app, 'All cases');
		await openCase(app, CASES.eligible);
		await app.press('d');
		const frame = await app.waitForText('! recording a decision needs the officer role');
		expect(frame).not.toContain(TITLE);
	});

	it('the office’s own reason codes are listed (sanitised)', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openDecision(app, CASES.eligible);
		await app.press('2', KEY.tab);
		for (let i = 0; i < 15; i++) await app.press('j');
		const frame = await app.waitForText('office-local', 'Local␛[5m policy');
		expect(frame).not.toContain('\u001b');
		expect(frame).not.toContain('\u202e');
	});
});

describe('review (supervisor)', () => {
	async function openPending(app: Rendered, number: string) {
		await switchToQueue(app, 'All cases');
		await openCase(app, number);
	}

	it('R shows the decision, its reasons and the eligibility; Ctrl+S approves', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openPending(app, CASES.pendingByColleague);
		await app.press('R');
		const frame = await app.waitForText(`Review of ${CASES.pendingByColleague}: refuse by lavoie on 2026-11-25`);
		expect(frame).toContain('Reason codes: misrepresentation');
		expect(frame).toContain('The applicant claimed employment with an employer that does not exist.');
		expect(frame).toContain('Eligibility (as assessed) for CEC:');
		expect(frame).toContain('[approve] return');
		expectFits(frame, {columns: 80, rows: 24});
		await app.press(KEY.ctrlS);
		await app.waitForText('review recorded: approve', 'refused');
		expect(fake.callsOf('review')).toEqual([[CASES.pendingByColleague, {outcome: 'approve', text: '', expectedVersion: fake.case(CASES.pendingByColleague).version - 1}]]);
	});

	it('the review is saved against the version seen; a conflict is said, the case read again, the draft kept', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openPending(app, CASES.pendingByColleague);
		const seen = fake.case(CASES.pendingByColleague).version;
		await app.press('R');
		await app.waitForText(`Review of ${CASES.pendingByColleague}`, `(version ${seen})`);
		await app.press(KEY.tab);
		await app.type('Attach the site visit report.');
		fake.simulateOtherOfficer(CASES.pendingByColleague); // the officer adds a note meanwhile
		const reads = fake.callsOf('caseDetail').length;
		await app.press(KEY.ctrlS);
		const frame = flat(await app.waitForText('The case changed since you opened this review'));
		expect(frame).toContain(`! case ${CASES.pendingByColleague} changed since you opened it (version ${seen} → ${seen + 1})`);
		expect(frame).toContain(`(version ${seen}, now ${seen + 1}): Esc to look at it, then R to review it again.`);
		expect(frame).toContain('approve [return]');
		expect(frame).toContain('Attach the site visit report.');
		expectFits(app.frame(), {columns: 80, rows: 24});
		expect(fake.callsOf('review')).toEqual([[CASES.pendingByColleague, {outcome: 'return', text: 'Attach the site visit report.', expectedVersion: seen}]]);
		expect(fake.callsOf('caseDetail').slice(reads)).toEqual([[CASES.pendingByColleague]]);
		expect(fake.case(CASES.pendingByColleague).status).toBe('pending_review');
		// Saving again from the same dialog is refused again: the supervisor looks first.
		await app.press(KEY.ctrlS);
		await app.waitFor(() => fake.callsOf('review').length === 2, 'a second try');
		expect(fake.case(CASES.pendingByColleague).status).toBe('pending_review');
		// Look at the case, then review it again: on the new version, with the draft.
		await app.press(KEY.escape, '4');
		await app.waitForText('Called the employer; reference confirmed.');
		await app.press('R');
		await app.waitForText(`(version ${seen + 1})`, 'Attach the site visit report.');
		expect(app.frame()).not.toContain('The case changed');
		await app.press(KEY.ctrlS);
		await app.waitForText('review recorded: return');
		expect(fake.callsOf('review').at(-1)).toEqual([CASES.pendingByColleague, {outcome: 'return', text: 'Attach the site visit report.', expectedVersion: seen + 1}]);
	});

	it('a review left open on a decision another supervisor reviewed meanwhile says so; Esc closes it', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake, pollMs: 5});
		await openPending(app, CASES.pendingByColleague);
		await app.press('R');
		await app.waitForText('Review of');
		fake.simulateOtherOfficer(CASES.pendingByColleague, (detail) => {
			const decision = detail.decisions.at(-1)!;
			decision.reviewOutcome = 'approved';
			decision.reviewer = 'chen';
			detail.status = 'refused';
		});
		await app.waitForText('No decision of this case awaits review now (Esc closes; your draft is kept).');
		await app.press(KEY.escape);
		await app.waitFor((f) => f.includes('[1 Summary]') && !f.includes('No decision of this case awaits'), 'the review closed');
	});

	it('returning needs text for the officer', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openPending(app, CASES.pendingByColleague);
		await app.press('R');
		await app.waitForText('Review of');
		await app.press(KEY.tab);
		await app.waitForText('approve [return]', 'Still needed: returning needs text for the officer');
		await app.press(KEY.ctrlS);
		await app.waitForText('returning needs text for the officer');
		expect(fake.callsOf('review')).toEqual([]);
		await app.type('The site visit report is not on file; attach it.');
		await app.waitForText('Ready: Ctrl+S records the review');
		await app.press(KEY.ctrlS);
		await app.waitForText('review recorded: return', 'in review');
		expect(fake.callsOf('review')).toEqual([[CASES.pendingByColleague, {outcome: 'return', text: 'The site visit report is not on file; attach it.', expectedVersion: fake.case(CASES.pendingByColleague).version - 1}]]);
	});

	it('return text typed with Ctrl+S in one burst is saved with the review', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openPending(app, CASES.pendingByColleague);
		await app.press('R');
		await app.waitForText('Review of');
		await app.press(KEY.tab);
		await app.type('Attach the report.\u0013');
		await app.waitForText('review recorded: return');
		expect(fake.callsOf('review')).toEqual([[CASES.pendingByColleague, {outcome: 'return', text: 'Attach the report.', expectedVersion: fake.case(CASES.pendingByColleague).version - 1}]]);
	});

	it('the deciding officer may not review their own decision', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.myPendingRefusal);
		await app.press('R');
		const frame = await app.waitForText('! you recorded this decision: another supervisor must review it');
		expect(frame).not.toContain('Review of');
		expect(fake.callsOf('review')).toEqual([]);
	});

	it('only a supervisor may review', async () => {
		const fake = new FakePort({roles: ['officer']});
		const app = await openWorkstation({fake});
		await openPending(app, CASES.pendingByColleague);
		await app.press('R');
		await app.waitForText('! review needs the supervisor role');
		expect(app.frame()).not.toContain('Review of');
	});

	it('R on a case with nothing to review says so', async () => {
		const app = await openWorkstation();
		await openCase(app, CASES.eligible);
		await app.press('R');
		await app.waitForText('no decision of this case awaits review');
	});

	it('a review with text counts as a draft: Ctrl+C asks first', async () => {
		const app = await openWorkstation();
		await openPending(app, CASES.pendingByColleague);
		await app.press('R');
		await app.waitForText('Review of');
		await app.type('Please attach the report.');
		await app.press(KEY.ctrlC);
		await app.waitForText('Discard unsaved drafts and quit? y/n');
		expect(app.exited()).toBe(false);
	});

	it('Esc closes the review', async () => {
		const app = await openWorkstation();
		await openPending(app, CASES.pendingByColleague);
		await app.press('R');
		await app.waitForText('Review of');
		await app.press(KEY.escape);
		await app.waitFor((f) => !f.includes('Review of') && f.includes('[1 Summary]'), 'the review closed');
	});
});

describe('bring-forward prompt (b)', () => {
	it('b followed by a date and Enter in one burst sets it', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.eligible);
		await app.type('b+14\r');
		await app.waitForText('bring-forward set to 2026-12-13');
		expect(fake.callsOf('setBringForward')).toEqual([[CASES.eligible, '2026-12-13']]);
	});

	it('b asks for a date; an invalid date is refused and the prompt stays; +14 sets today+14', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.eligible);
		await app.press('b');
		await app.waitForText('Bring-forward date (YYYY-MM-DD, +N days, empty clears):');
		await app.type('2026-13-01');
		await app.press(KEY.enter);
		let frame = await app.waitForText('"2026-13-01" is not a date (YYYY-MM-DD or +N)');
		expect(frame).toContain('Bring-forward date (');
		expect(fake.callsOf('setBringForward')).toEqual([]);
		await app.press(KEY.ctrlU);
		await app.type('+14');
		await app.press(KEY.enter);
		frame = await app.waitForText('bring-forward set to 2026-12-13');
		expect(fake.callsOf('setBringForward')).toEqual([[CASES.eligible, '2026-12-13']]);
		await app.waitForText('Bring-forward      2026-12-13');
		expect(frame).not.toContain('Bring-forward date (');
	});

	it('a date in the past is refused in the prompt, which stays with what was typed; +3650 (ten years) is a date', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.eligible);
		await app.press('b');
		await app.type('2026-11-01\r');
		const frame = await app.waitForText('2026-11-01 is in the past (today is 2026-11-29)');
		expect(frame).toContain('Bring-forward date (YYYY-MM-DD, +N days, empty clears): 2026-11-01');
		expect(frame).not.toContain('bringForwardOn');
		expect(fake.callsOf('setBringForward')).toEqual([]);
		await app.type('\u0015+3650\r');
		await app.waitForText('bring-forward set to 2036-11-26');
		expect(fake.callsOf('setBringForward')).toEqual([[CASES.eligible, '2036-11-26']]);
	});

	it('keys of the date arriving in separate deliveries before a render are all kept (Backspaces included)', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.eligible);
		await app.press('b');
		await app.waitForText('Bring-forward date (');
		// Each key its own delivery, none waiting for a render (a slow link, tmux send-keys).
		for (const key of ['2', '0', '2', '7', '-', '0', '1', '-', '1', '9', '\u007f', '\u007f', '1', '5']) app.stdin.write(key);
		await app.waitForText('empty clears): 2027-01-15');
		app.stdin.write('\r');
		await app.waitForText('bring-forward set to 2027-01-15');
		expect(fake.callsOf('setBringForward')).toEqual([[CASES.eligible, '2027-01-15']]);
	});

	it('a date typed with its Enter in one burst (a paste, a slow link) is submitted; a bad one is refused', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.eligible);
		await app.press('b');
		await app.type('2026-13-01\r');
		await app.waitForText('"2026-13-01" is not a date');
		await app.type('\u0015+14\r');
		await app.waitForText('bring-forward set to 2026-12-13');
		expect(fake.callsOf('setBringForward')).toEqual([[CASES.eligible, '2026-12-13']]);
	});

	it('a calendar date is taken as is; an empty answer clears; Esc cancels', async () => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		await openCase(app, CASES.eligible);
		await app.press('b');
		await app.type('2027-01-15');
		await app.press(KEY.enter);
		await app.waitForText('bring-forward set to 2027-01-15');
		await app.press('b');
		await app.waitForText('Bring-forward date (', '2027-01-15');
		await app.press(KEY.ctrlU, KEY.enter);
		await app.waitForText('bring-forward cleared');
		await app.press('b');
		await app.type('+3');
		await app.press(KEY.escape);
		await app.waitFor((f) => !f.includes('Bring-forward date ('), 'the prompt closed');
		expect(fake.callsOf('setBringForward')).toEqual([
			[CASES.eligible, '2027-01-15'],
			[CASES.eligible, null],
		]);
	});

	it('b on the queue asks to open a case first (from the palette)', async () => {
		const app = await openWorkstation();
		await app.press(':');
		await app.type('bring-forward');
		await app.press(KEY.enter);
		await app.waitForText('open a case first (Enter)');
	});
});
