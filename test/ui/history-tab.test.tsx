/**
 * The case's History tab: each audit event is one readable line — time (UTC), officer, action,
 * and the detail as short `key value` text — cut with `…` at the edge, never wrapped, never raw
 * JSON; text from the store stays safe.
 */
import {describe, expect, it} from 'vitest';
import {auditDetailText} from '../../source/ui/audit-detail.js';
import type {HistoryEvent} from '../../source/ui/data.js';
import {historyLines} from '../../source/ui/screens/case-lines.js';
import {displayWidth} from '../../source/ui/terminal-text.js';
import {CASES, FakePort} from './fake-port.js';
import {openCase, openWorkstation, useUiTestHooks} from './render-app.js';

useUiTestHooks();

const AT = '2026-11-29T14:05:09.123Z';

function event(seq: number, action: string, detail: HistoryEvent['detail'], officer = 'tremblay'): HistoryEvent {
	return {seq, at: AT, officer, action, detail};
}

describe('auditDetailText', () => {
	it('is `key value` pairs in the store’s order', () => {
		expect(auditDetailText({outcome: 'approve', version: 3})).toBe('outcome approve, version 3');
	});
	it('says none for null and empty lists, joins lists with spaces, shows a change as from → to', () => {
		expect(auditDetailText({from: null, to: 'tremblay', status: {from: 'received', to: 'in_review'}, reasonCodes: ['A40', 'A16'], codes: [], ok: true})).toBe(
			'from none, to tremblay, status received → in_review, reasonCodes A40 A16, codes none, ok true',
		);
		expect(auditDetailText({before: {crs: 470, total: 3}})).toBe('before (crs 470, total 3)');
	});
	it('is empty for no detail', () => {
		expect(auditDetailText(null)).toBe('');
		expect(auditDetailText({})).toBe('');
	});
	it('makes text from the store safe and one line', () => {
		expect(auditDetailText({reason: 'a\u001b[2J\nb\u202ec\u200bd'})).toBe('reason a␛[2J b\ufffdcd');
	});
});

describe('historyLines', () => {
	const detail = (history: HistoryEvent[]) => ({...new FakePort().case(CASES.helene), history, decisions: []});

	it('one line an event: time (UTC), officer, action, detail', () => {
		const lines = historyLines(detail([event(1, 'decide', {outcome: 'approve', version: 3}), event(2, 'bring-forward', {from: null, to: '2026-12-01', version: 4}, 'lavoie')]), 100);
		expect(lines).toEqual([
			'2026-11-29 14:05Z  tremblay     decide         outcome approve, version 3',
			'2026-11-29 14:05Z  lavoie       bring-forward  from none, to 2026-12-01, version 4',
		]);
	});

	it('lists decisions after the trail: reason codes in brackets when there are any, nothing (no "[]") when none', () => {
		const decision = (id: number, reasonCodes: string[]) => ({id, outcome: 'refuse', reasonCodes, text: 'Reasons.', officer: 'tremblay', decidedAt: AT, reviewRequired: false, reviewer: null, reviewOutcome: null, reviewText: null, reviewedAt: null});
		const lines = historyLines({...detail([event(1, 'decide', {outcome: 'refuse'})]), decisions: [decision(1, ['A40', 'A16']), decision(2, [])]}, 100);
		expect(lines.slice(2)).toEqual(['Decisions:', '  2026-11-29 refuse by tremblay [A40, A16]', '      Reasons.', '  2026-11-29 refuse by tremblay', '      Reasons.']);
	});

	it('cuts a long detail with … at the width, never wrapping it', () => {
		const reason = 'The employer confirmed by telephone that the applicant worked part time only, twenty hours a week, during the whole period claimed';
		const lines = historyLines(detail([event(1, 'finding', {workPeriodId: 4, finding: 'not_credited', reason, version: 5}), event(2, 'note', {noteId: 9})]), 120);
		expect(lines).toHaveLength(2);
		expect(lines[0]).toMatch(/^2026-11-29 14:05Z  tremblay     finding  workPeriodId 4, finding not_credited, reason The employer confirmed by .*…$/);
		expect(displayWidth(lines[0]!)).toBe(120);
		expect(lines[1]).toBe('2026-11-29 14:05Z  tremblay     note     noteId 9');
	});
});

describe('the History tab', () => {
	it('shows readable lines, no JSON, each within the width; the decisions follow', async () => {
		const fake = new FakePort();
		const history = fake.case(CASES.arabic).history;
		history.push(event(900, 'finding', {workPeriodId: 4, person: 'applicant', finding: 'not_credited', reason: 'Hours below 30 a week in the reference letter, which also names another employer entirely', version: 5}));
		history.push(event(901, 'note', {osUser: 'evil\u001b[31m\u202e', noteId: 77}));
		const app = await openWorkstation({fake});
		await openCase(app, CASES.arabic);
		await app.press('6');
		const frame = await app.waitForText('[6 History]', 'Decisions:');
		const lines = frame.split('\n');
		const events = lines.filter((line) => /^\d{4}-\d\d-\d\d \d\d:\d\dZ {2}/.test(line));
		expect(events.length).toBeGreaterThanOrEqual(4);
		expect(frame).not.toMatch(/[{}"]/);
		expect(lines.find((line) => line.includes('finding'))).toMatch(/ finding +workPeriodId 4, person applicant, .*…$/);
		expect(lines.find((line) => line.includes(' note '))).toMatch(/ note +osUser evil␛\[31m\ufffd, noteId 77$/);
		expect(frame).toMatch(/ decide +outcome pfl, reasonCodes insufficient-/);
		// Each event on one line: what follows an event line is another event, a blank or the decisions.
		const first = lines.indexOf(events[0]!);
		const last = lines.indexOf(events.at(-1)!);
		expect(lines.slice(first, last + 1)).toEqual(events);
		for (const line of events) expect(displayWidth(line)).toBeLessThanOrEqual(80);
	});
});
