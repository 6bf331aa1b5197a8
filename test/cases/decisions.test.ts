import path from 'node:path';
import {sql} from 'kysely';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {decodeJson, type ApplicationStatus, type Store} from '../../db/index.js';
import {decodeCaseAssessment, type CaseAssessment} from '../../source/cases/assessment.js';
import {verifyAudit} from '../../source/cases/audit.js';
import {decide, listDecisions, setBringForward} from '../../source/cases/decisions.js';
import {addDocument} from '../../source/cases/documents.js';
import {addNote, listNotes} from '../../source/cases/notes.js';
import {reviewDecision} from '../../source/cases/review.js';
import type {Session} from '../../source/cases/session.js';
import {tempDir} from '../db/helpers.js';
import {addOfficer, auditOf, insertCase, openSeededStore, sessionAs, TODAY} from './seed-decisions.js';

const tmp = tempDir('caips-decisions-');
let store: Store;
let jdoe: Session;
let aokafor: Session;
let sup: Session;
let both: Session;
let serial = 0;

beforeAll(async () => {
	store = await openSeededStore(path.join(tmp.dir, 'caips.db'));
	await addOfficer(store, 'jdoe', ['officer']);
	await addOfficer(store, 'aokafor', ['officer']);
	await addOfficer(store, 'msup', ['supervisor']);
	await addOfficer(store, 'lead', ['officer', 'supervisor']);
	[jdoe, aokafor, sup, both] = await Promise.all(['jdoe', 'aokafor', 'msup', 'lead'].map((u) => sessionAs(store, u)));
});
afterAll(async () => {
	await store.close();
	tmp.cleanup();
});

/** A fresh case from fixture `id` (V17: eligible CEC; V11: not eligible for CEC). */
async function newCase(id: string, status: ApplicationStatus = 'in_review', assignedTo: string | null = 'jdoe'): Promise<string> {
	serial++;
	return insertCase(store, id, {status, assignedTo, applicationNumber: `E7${String(serial).padStart(8, '0')}`});
}

async function caseRow(app: string) {
	return store.db.selectFrom('applications').selectAll().where('application_number', '=', app).executeTakeFirstOrThrow();
}

async function decisionRows(app: string) {
	return store.db.selectFrom('decisions').selectAll().where('application_number', '=', app).orderBy('id').execute();
}

const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as {exitCode: number; message: string});

describe('decide: the life cycle', () => {
	it('approve of an eligible case → approved; one decision row with the snapshot, audited', async () => {
		const app = await newCase('V17');
		const before = await caseRow(app);
		const result = await decide(jdoe, app, {outcome: 'approve', reasonCodes: [], text: 'Meets CEC as assessed.', today: TODAY});
		expect(result).toMatchObject({outcome: 'approve', from: 'in_review', status: 'approved', reviewRequired: false, version: before.version + 1, warnings: []});
		const after = await caseRow(app);
		expect(after.status).toBe('approved');
		expect(after.version).toBe(before.version + 1);
		const [row] = await decisionRows(app);
		const assessment = decodeCaseAssessment(before.assessment!);
		expect(row).toMatchObject({
			id: result.decisionId,
			outcome: 'approve',
			reason_codes: '[]',
			text: 'Meets CEC as assessed.',
			officer: 'jdoe',
			rules_version: assessment.asAssessed.rulesVersion,
			case_version: before.version,
			review_required: 0,
			reviewer: null,
		});
		expect(JSON.parse(row!.assessment_snapshot)).toEqual(assessment.asAssessed);
		const event = (await auditOf(store, app)).at(-1)!;
		expect(event).toMatchObject({action: 'decide', officer: 'jdoe', detail: {decisionId: result.decisionId, outcome: 'approve', from: 'in_review', to: 'approved'}});
	});

	it('approve of a case that fails its program needs eligibility-override and text, then waits for review', async () => {
		const app = await newCase('V11');
		expect(await failure(decide(jdoe, app, {outcome: 'approve', text: 'fine', today: TODAY}))).toMatchObject({
			exitCode: 65,
			message: expect.stringMatching(new RegExp(`^reason code eligibility-override is required: as assessed, ${app} does not meet CEC \\(cec\\.`)),
		});
		expect(await failure(decide(jdoe, app, {outcome: 'approve', reasonCodes: ['eligibility-override'], today: TODAY}))).toMatchObject({
			exitCode: 65,
			message: 'text is required: the reasons for approving against the eligibility result',
		});
		const result = await decide(jdoe, app, {outcome: 'approve', reasonCodes: ['eligibility-override'], text: 'Hours verified by payroll records.', today: TODAY});
		expect(result).toMatchObject({status: 'pending_review', reviewRequired: true});
		expect((await decisionRows(app))[0]!.review_required).toBe(1);
	});

	it('refuse needs a reason code and text, checks the codes exist, then goes to pending_review', async () => {
		const app = await newCase('V17');
		expect(await failure(decide(jdoe, app, {outcome: 'refuse', text: 'no', today: TODAY}))).toMatchObject({exitCode: 65, message: 'reason code is required: a refusal cites at least one'});
		expect(await failure(decide(jdoe, app, {outcome: 'refuse', reasonCodes: ['cec-not-met'], today: TODAY}))).toMatchObject({
			exitCode: 65,
			message: 'text is required: the reasons for the refusal',
		});
		expect(await failure(decide(jdoe, app, {outcome: 'refuse', reasonCodes: ['vibes'], text: 'x', today: TODAY}))).toMatchObject({
			exitCode: 65,
			message: expect.stringMatching(/^reason code "vibes" is not known \(known codes: cec-not-met, crs-below-round, /),
		});
		expect(await decisionRows(app)).toEqual([]);
		const result = await decide(jdoe, app, {outcome: 'refuse', reasonCodes: ['cec-not-met', 'cec-not-met'], text: 'Under 1,560 hours.', today: TODAY});
		expect(result).toMatchObject({status: 'pending_review', reviewRequired: true, reasonCodes: ['cec-not-met'], warnings: []});
		expect((await decisionRows(app))[0]!.reason_codes).toBe('["cec-not-met"]');
	});

	it('warns when a refusal rests on grounds never put to the applicant in a PFL', async () => {
		const app = await newCase('V17');
		const result = await decide(jdoe, app, {outcome: 'refuse', reasonCodes: ['insufficient-evidence'], text: 'Letter not credible.', today: TODAY});
		expect(result.warnings).toEqual([expect.stringMatching(/^no procedural fairness letter was sent on E7\d+: .*\(insufficient-evidence\)$/)]);
	});

	it('rfi → awaiting_info with the bring-forward date (default today + 30 days); a decision from awaiting_info follows', async () => {
		const app = await newCase('V17');
		expect(await failure(decide(jdoe, app, {outcome: 'rfi', today: TODAY}))).toMatchObject({exitCode: 65, message: 'text is required: what is requested'});
		expect(await failure(decide(jdoe, app, {outcome: 'rfi', text: 'Send T4s', bringForwardOn: TODAY, today: TODAY}))).toMatchObject({
			exitCode: 65,
			message: `bringForwardOn ${TODAY} is not in the future (today is ${TODAY})`,
		});
		expect(await failure(decide(jdoe, app, {outcome: 'rfi', text: 'Send T4s', bringForwardOn: '2026-02-30', today: TODAY}))).toMatchObject({exitCode: 65});
		const rfi = await decide(jdoe, app, {outcome: 'rfi', text: 'Please send T4 slips for 2024 and 2025.', today: TODAY});
		expect(rfi).toMatchObject({status: 'awaiting_info', bringForwardOn: '2026-12-29', reviewRequired: false});
		expect((await caseRow(app)).bring_forward_on).toBe('2026-12-29');
		const pfl = await decide(jdoe, app, {outcome: 'pfl', text: 'The letter does not list duties.', bringForwardOn: '2027-01-15', today: TODAY});
		expect(pfl).toMatchObject({from: 'awaiting_info', status: 'awaiting_info', bringForwardOn: '2027-01-15'});
		const approve = await decide(jdoe, app, {outcome: 'approve', text: 'Answered.', today: TODAY});
		expect(approve).toMatchObject({from: 'awaiting_info', status: 'approved', bringForwardOn: null});
		expect((await caseRow(app)).bring_forward_on).toBeNull();
		// Never overwritten: one row per decision.
		expect((await decisionRows(app)).map((d) => d.outcome)).toEqual(['rfi', 'pfl', 'approve']);
	});

	it('withdraw from any open state needs text; an unassigned pool profile may be withdrawn by any officer', async () => {
		const pool = await newCase('V01', 'pool', null);
		expect(await failure(decide(aokafor, pool, {outcome: 'withdraw', today: TODAY}))).toMatchObject({
			exitCode: 65,
			message: "text is required: the applicant's request to withdraw",
		});
		expect(await decide(aokafor, pool, {outcome: 'withdraw', text: 'Applicant asked by webform.', today: TODAY})).toMatchObject({from: 'pool', status: 'withdrawn'});
		expect(await failure(decide(aokafor, pool, {outcome: 'withdraw', text: 'again', today: TODAY}))).toMatchObject({
			exitCode: 65,
			message: `cannot withdraw case ${pool}: it is withdrawn; withdraw needs pool, invited, received, in_review, awaiting_info, pending_review`,
		});
	});

	it('return → withdrawn with reason code incomplete, and needs the missing item', async () => {
		const app = await newCase('V17');
		expect(await failure(decide(jdoe, app, {outcome: 'return', today: TODAY}))).toMatchObject({exitCode: 65, message: 'text is required: which required item is missing'});
		const result = await decide(jdoe, app, {outcome: 'return', text: 'No police certificate from Kenya.', today: TODAY});
		expect(result).toMatchObject({status: 'withdrawn', reasonCodes: ['incomplete']});
	});

	it('a case awaiting review cannot be decided again (75), but may be withdrawn', async () => {
		const app = await newCase('V17');
		const refused = await decide(jdoe, app, {outcome: 'refuse', reasonCodes: ['cec-not-met'], text: 'short', today: TODAY});
		const error = await failure(decide(jdoe, app, {outcome: 'approve', text: 'changed my mind', today: TODAY}));
		expect(error).toMatchObject({exitCode: 75, message: expect.stringMatching(new RegExp(`^case ${app} already has a decision awaiting review: decision ${refused.decisionId} \\(refuse\\) by jdoe at `))});
		expect((await auditOf(store, app)).at(-1)).toMatchObject({action: 'refused', officer: 'jdoe', detail: {attempt: 'decide'}});
		expect(await decide(jdoe, app, {outcome: 'withdraw', text: 'Applicant withdrew.', today: TODAY})).toMatchObject({from: 'pending_review', status: 'withdrawn'});
	});
});

describe('decide: refusals', () => {
	it('without the officer role → 77, audited as refused', async () => {
		const app = await newCase('V17', 'in_review', 'msup');
		const error = await failure(decide(sup, app, {outcome: 'approve', today: TODAY}));
		expect(error).toMatchObject({exitCode: 77, message: `deciding ${app} needs the officer role; msup has supervisor`});
		expect((await auditOf(store, app)).at(-1)).toMatchObject({action: 'refused', officer: 'msup', detail: {attempt: 'decide', reason: error!.message}});
		expect(await decisionRows(app)).toEqual([]);
	});

	it('a case not assigned to the officer → 77', async () => {
		const mine = await newCase('V17', 'in_review', 'aokafor');
		expect(await failure(decide(jdoe, mine, {outcome: 'approve', today: TODAY}))).toMatchObject({
			exitCode: 77,
			message: `deciding ${mine} needs the case assigned to you (jdoe); it is assigned to aokafor`,
		});
		const nobody = await newCase('V17', 'in_review', null);
		expect(await failure(decide(jdoe, nobody, {outcome: 'approve', today: TODAY}))).toMatchObject({
			exitCode: 77,
			message: `deciding ${nobody} needs the case assigned to you (jdoe); it is not assigned to anyone (take it first)`,
		});
	});

	it('a state the outcome is not allowed from → 65', async () => {
		const app = await newCase('V17', 'received');
		expect(await failure(decide(jdoe, app, {outcome: 'approve', today: TODAY}))).toMatchObject({
			exitCode: 65,
			message: `cannot approve case ${app}: it is received; approve needs in_review, awaiting_info`,
		});
	});

	it('an unknown case → 65', async () => {
		expect(await failure(decide(jdoe, 'E000000999', {outcome: 'approve', today: TODAY}))).toMatchObject({exitCode: 65, message: 'no case E000000999'});
	});

	it('a stale version → 75 saying what changed since; a colleague’s note alone does not make it stale', async () => {
		const app = await newCase('V17');
		const opened = (await caseRow(app)).version;
		await addNote(aokafor, app, 'Called the employer.');
		await setBringForward(aokafor, app, '2027-01-04', {today: TODAY});
		await addDocument(aokafor, app, {fileName: 't4.txt', kind: 'employment-reference', mediaType: 'text/plain', content: Buffer.from('T4 2025')});
		const now = await caseRow(app);
		expect(now.version).toBe(opened + 2);
		const error = await failure(decide(jdoe, app, {outcome: 'approve', text: 'ok', expectedVersion: opened, today: TODAY}));
		expect(error).toMatchObject({
			exitCode: 75,
			message: expect.stringMatching(
				new RegExp(
					`^case ${app} changed since you opened it \\(version ${opened} → ${opened + 2}\\): note by aokafor at \\d\\d:\\d\\d UTC, bring-forward by aokafor at \\d\\d:\\d\\d UTC, document by aokafor at \\d\\d:\\d\\d UTC$`,
				),
			),
		});
		expect((await auditOf(store, app)).at(-1)).toMatchObject({action: 'refused', officer: 'jdoe', detail: {attempt: 'decide'}});
		expect(await decisionRows(app)).toEqual([]);
		// Reloaded at the current version, the decision goes through; a note meanwhile does not matter.
		await addNote(aokafor, app, 'FYI only.');
		expect(await decide(jdoe, app, {outcome: 'approve', text: 'ok', expectedVersion: now.version, today: TODAY})).toMatchObject({status: 'approved'});
	});
});

describe('review', () => {
	it('a supervisor approves a refusal → refused; the decision records the review', async () => {
		const app = await newCase('V17');
		const refused = await decide(jdoe, app, {outcome: 'refuse', reasonCodes: ['cec-not-met'], text: 'Hours short.', today: TODAY});
		const result = await reviewDecision(sup, app, {outcome: 'approve'});
		expect(result).toMatchObject({decisionId: refused.decisionId, status: 'refused', noteId: null});
		expect((await caseRow(app)).status).toBe('refused');
		const [row] = await decisionRows(app);
		expect(row).toMatchObject({reviewer: 'msup', review_outcome: 'approve', review_text: null});
		expect(row!.reviewed_at).not.toBeNull();
		expect((await auditOf(store, app)).at(-1)).toMatchObject({action: 'review', officer: 'msup', detail: {decisionId: refused.decisionId, outcome: 'approve', to: 'refused'}});
		// Nothing left to review.
		expect(await failure(reviewDecision(sup, app, {outcome: 'approve'}))).toMatchObject({exitCode: 65, message: `case ${app} has no decision awaiting review (it is refused)`});
	});

	it('an override approval, once reviewed, → approved', async () => {
		const app = await newCase('V11');
		await decide(jdoe, app, {outcome: 'approve', reasonCodes: ['eligibility-override'], text: 'Payroll shows the hours.', today: TODAY});
		expect(await reviewDecision(both, app, {outcome: 'approve', text: 'Agreed.'})).toMatchObject({status: 'approved'});
	});

	it('return needs text; it sends the case back to in_review, keeps the decision marked returned, and adds the text as a note', async () => {
		const app = await newCase('V17');
		const first = await decide(jdoe, app, {outcome: 'refuse', reasonCodes: ['cec-not-met'], text: 'Hours short.', today: TODAY});
		expect(await failure(reviewDecision(sup, app, {outcome: 'return'}))).toMatchObject({exitCode: 65, message: 'text is required: why the decision is returned'});
		const result = await reviewDecision(sup, app, {outcome: 'return', text: 'Count the Calgary period: 1,612 hours.'});
		expect(result).toMatchObject({status: 'in_review', decisionId: first.decisionId});
		expect((await caseRow(app)).status).toBe('in_review');
		const notes = (await listNotes(store.db, app)).notes;
		expect(notes.at(-1)).toMatchObject({id: result.noteId, author: 'msup', body: `Decision ${first.decisionId} (refuse) returned on review: Count the Calgary period: 1,612 hours.`});
		// The officer decides again: a new row; the returned one stays.
		await decide(jdoe, app, {outcome: 'approve', text: 'Recounted.', today: TODAY});
		const {decisions} = await listDecisions(store.db, app);
		expect(decisions.map((d) => [d.outcome, d.reviewOutcome])).toEqual([
			['refuse', 'return'],
			['approve', null],
		]);
	});

	it('refuses a self-review (77, audited); the database refuses it too', async () => {
		const app = await newCase('V17', 'in_review', 'lead');
		const refused = await decide(both, app, {outcome: 'refuse', reasonCodes: ['cec-not-met'], text: 'Hours short.', today: TODAY});
		const error = await failure(reviewDecision(both, app, {outcome: 'approve'}));
		expect(error).toMatchObject({exitCode: 77, message: `separation of duties: lead recorded decision ${refused.decisionId} on ${app}, so another supervisor must review it`});
		expect((await auditOf(store, app)).at(-1)).toMatchObject({action: 'refused', officer: 'lead', detail: {attempt: 'review'}});
		await expect(
			sql`update decisions set reviewer = 'lead', review_outcome = 'approve', reviewed_at = '2026-11-29T00:00:00.000Z' where id = ${refused.decisionId}`.execute(store.db),
		).rejects.toThrow(/separation of duties/);
		expect((await caseRow(app)).status).toBe('pending_review');
	});

	it('refuses an officer without the supervisor role (77)', async () => {
		const app = await newCase('V17');
		await decide(jdoe, app, {outcome: 'refuse', reasonCodes: ['cec-not-met'], text: 'Hours short.', today: TODAY});
		expect(await failure(reviewDecision(aokafor, app, {outcome: 'approve'}))).toMatchObject({exitCode: 77});
	});
});

describe('setBringForward', () => {
	it('sets and clears the date, bumping the version, audited', async () => {
		const app = await newCase('V17');
		const v = (await caseRow(app)).version;
		expect(await setBringForward(jdoe, app, '2027-02-01', {today: TODAY})).toEqual({applicationNumber: app, bringForwardOn: '2027-02-01', version: v + 1});
		expect((await caseRow(app)).bring_forward_on).toBe('2027-02-01');
		await setBringForward(jdoe, app, null, {today: TODAY});
		expect((await caseRow(app)).bring_forward_on).toBeNull();
		expect((await auditOf(store, app)).slice(-2).map((e) => e.detail)).toEqual([
			{from: null, to: '2027-02-01', version: v + 1},
			{from: '2027-02-01', to: null, version: v + 2},
		]);
	});

	it('refuses a past date, a malformed one, and a decided case', async () => {
		const app = await newCase('V17');
		expect(await failure(setBringForward(jdoe, app, '2026-01-01', {today: TODAY}))).toMatchObject({exitCode: 65, message: `bring-forward date 2026-01-01 is in the past (today is ${TODAY})`});
		expect(await failure(setBringForward(jdoe, app, '2027-13-01', {today: TODAY}))).toMatchObject({exitCode: 65});
		await decide(jdoe, app, {outcome: 'approve', today: TODAY});
		expect(await failure(setBringForward(jdoe, app, '2027-02-01', {today: TODAY}))).toMatchObject({exitCode: 65, message: expect.stringContaining('it is approved')});
	});
});

describe('the audit trail', () => {
	it('stays whole through every decision, review and refusal', async () => {
		expect(await verifyAudit(store.db)).toMatchObject({ok: true});
	});
});
