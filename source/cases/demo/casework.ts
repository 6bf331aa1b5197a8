/**
 * The officers' part of a worked case, from assignment to the end of its story: first reading,
 * notes (English or French), findings on work periods, requests for information, procedural
 * fairness letters, decisions with reason codes and the assessment they rest on, and reviews by
 * a supervisor other than the deciding officer.
 */
import type {ApplicationStatus, NewDecision, ProgramCode} from '../../../db/index.js';
import type {Application, WorkPeriod} from '../../rules/application.js';
import {isSkilled} from '../../rules/noc.js';
import type {CaseAssessment, Finding} from '../assessment.js';
import {addDays, dateOf, storeInstant} from './clock.js';
import type {Story} from './plan.js';
import type {CaseRecorder} from './recorder.js';
import type {AssessmentJson, WorkRows} from './rows.js';
import type {DemoWorld} from './stories.js';
import * as text from './texts.js';
import {STEPS, Timeline, WAIT} from './timeline.js';

const REFUSAL_REASONS: Partial<Record<Story, (program: ProgramCode) => string[]>> = {
	'not-credited': (p) => [p === 'FST' ? 'fst-not-met' : 'cec-not-met', 'insufficient-evidence'],
	'low-funds': () => ['funds-insufficient', 'fsw-not-met'],
	misrepresentation: () => ['misrepresentation'],
	'failure-to-provide': () => ['failure-to-provide'],
	'inadmissible-medical': () => ['inadmissible-medical'],
	'inadmissible-criminality': () => ['inadmissible-criminality'],
};

/** What the story of a worked case needs to know. */
export type WorkContext = {
	/** The status the case must end in. */
	status: ApplicationStatus;
	application: Application;
	assessment: CaseAssessment;
	json: AssessmentJson;
	findings: Finding[];
	work: WorkRows;
	story: Story;
	program: ProgramCode;
	office: string;
	receivedAt: number;
	lastDay: number;
	bringForward: string | null;
};

/** The officers' part of a worked case: assignment to the story's end. */
export function tellWork(world: DemoWorld, rec: CaseRecorder, c: WorkContext): void {
	const {random, staff} = world;
	const {application, story, program} = c;
	const t = new Timeline(random, c.receivedAt + 3 * 3_600_000, c.lastDay, STEPS[story] + 1, WAIT[story] ?? 0);
	const officer = staff.caseworker(c.office, random);
	const french = staff.writesFrench(officer, random);
	const snapshot = c.json.assessed;
	const rulesVersion = c.assessment.asAssessed.rulesVersion;
	const mainWork = [...application.applicant.workExperience].reverse().find((w) => isSkilled(w.nocCode) && !w.whileFullTimeStudent);

	const decide = (at: number, who: string, outcome: string, reasons: string[], body: string, opts: {bf?: string | null; review?: boolean; status: ApplicationStatus}): NewDecision & {id: number} => {
		const id = world.ledger.nextDecisionId++;
		const row: NewDecision & {id: number} = {
			id,
			application_number: rec.applicationNumber,
			outcome,
			reason_codes: JSON.stringify(reasons),
			text: body,
			officer: who,
			decided_at: storeInstant(at),
			rules_version: rulesVersion,
			assessment_snapshot: snapshot,
			case_version: rec.version,
			bring_forward_on: opts.bf ?? null,
			review_required: opts.review ? 1 : 0,
			reviewer: null,
			review_outcome: null,
			review_text: null,
			reviewed_at: null,
		};
		world.ledger.batch.decisions.push(row);
		const from = rec.status;
		rec.status = opts.status;
		rec.bringForwardOn = opts.bf ?? null;
		rec.change(at, who, 'decide', {decisionId: id, outcome, reasonCodes: reasons, from, to: opts.status, reviewRequired: opts.review === true, bringForwardOn: opts.bf ?? null});
		return row;
	};
	const review = (decision: NewDecision & {id: number}, at: number, outcome: 'approve' | 'return', status: ApplicationStatus) => {
		const reviewer = staff.supervisor(c.office, decision.officer, random);
		const body = text.reviewText(outcome, staff.writesFrench(reviewer, random));
		Object.assign(decision, {reviewer, review_outcome: outcome, review_text: body, reviewed_at: storeInstant(at)});
		const from = rec.status;
		rec.status = status;
		const noteId = outcome === 'return' ? rec.note(at, reviewer, `Decision ${decision.id} (${decision.outcome}) returned on review: ${body}`) : null;
		rec.change(at, reviewer, 'review', {decisionId: decision.id, decisionOutcome: decision.outcome, outcome, from, to: status, noteId});
	};
	/** An RFI or PFL, then (unless `unanswered`) the answer and the return to review. */
	const askThenResume = (kind: 'rfi' | 'pfl', concern: string, unanswered = false): void => {
		const at = t.later();
		const bf = addDays(dateOf(at), 30);
		const {request, answered} = text.rfiText(french, random);
		decide(at, officer, kind, kind === 'pfl' ? [concern] : [], kind === 'pfl' ? text.pflText(concern, mainWork, french) : request, {bf, status: 'awaiting_info'});
		if (unanswered) {
			const after = t.on(addDays(bf, random.int(1, 10)));
			rec.note(after, officer, french ? `Date de rappel du ${bf} passée : aucune réponse du demandeur.` : `BF date ${bf} passed: no response from the applicant.`);
			return;
		}
		const answeredAt = t.on(addDays(dateOf(at), random.int(6, 28)));
		rec.document(answeredAt, staff.admin, {kind: 'other', title: kind === 'pfl' ? 'Response to procedural fairness letter' : 'Response to request for information', fileName: `${kind}-response-${rec.applicationNumber}.txt`, text: `${kind === 'pfl' ? 'Response to the procedural fairness letter' : 'Response to the request for information'} of ${dateOf(at)}.\n\n${application.applicant.givenNames} ${application.applicant.familyName}\n`});
		rec.note(t.soon(), officer, kind === 'rfi' ? answered : french ? "Réponse à la lettre d'équité procédurale reçue et examinée." : 'Response to the PFL received and read.');
		rec.status = 'in_review';
		rec.bringForwardOn = null;
		rec.change(t.soon(), officer, 'resume', {from: 'awaiting_info', to: 'in_review', bringForwardOn: {from: bf, to: null}});
	};

	// Assignment, first reading, findings.
	const assignedAt = t.later();
	const assigner = random.chance(0.6) ? staff.supervisor(c.office, officer, random) : officer;
	rec.assignedTo = officer;
	rec.status = 'in_review';
	rec.change(assignedAt, assigner, 'assign', {from: null, to: officer, status: {from: 'received', to: 'in_review'}, via: assigner === officer ? 'next' : 'assign'});
	rec.touch(t.soon(), officer, 'view');
	const firstNote = rec.note(t.soon(), officer, story === 'incomplete' ? text.incompleteNote(french) : text.fileReviewNote(application, french, random, story === 'not-credited'));
	if (world.pending.hostileNote && officer === staff.you && (c.status === 'in_review' || c.status === 'awaiting_info')) {
		world.pending.hostileNote = false;
		rec.note(t.soon(), officer, text.HOSTILE_NOTE);
	}
	if (random.chance(0.06)) rec.note(t.soon(), officer, text.correctionNote(firstNote, french, random), firstNote);
	for (const finding of c.findings) {
		const row = c.work.applicant[finding.idx]!;
		const at = t.later();
		const reason = french ? "lettre de l'employeur non vérifiable ; fonctions non conformes à la CNP déclarée" : 'employer letter could not be verified; duties do not match the NOC claimed';
		Object.assign(row, {finding: 'not_credited', finding_reason: reason, finding_by: officer, finding_at: storeInstant(at)});
		rec.change(at, officer, 'assess-item', {workPeriodId: row.id, person: 'applicant', idx: finding.idx, from: 'claimed', finding: 'not_credited', reason});
	}
	if (c.findings.length === 0 && random.chance(0.6)) {
		const idx = application.applicant.workExperience.lastIndexOf(mainWork as WorkPeriod);
		const row = idx >= 0 ? c.work.applicant[idx] : undefined;
		if (row) {
			const at = t.later();
			Object.assign(row, {finding: 'verified', finding_by: officer, finding_at: storeInstant(at)});
			rec.change(at, officer, 'assess-item', {workPeriodId: row.id, person: 'applicant', idx, from: 'claimed', finding: 'verified', reason: null});
		}
	}
	if (random.chance(0.35)) rec.note(t.later(), officer, text.followUpNote(french, random));

	switch (story) {
		case 'standard':
		case 'rfi-answered': {
			if (story === 'rfi-answered') askThenResume('rfi', '');
			if (c.status === 'approved') {
				decide(t.later(), officer, 'approve', [], text.approvalText(false, french), {status: 'approved'});
			} else if (random.chance(0.25)) {
				const on = addDays(world.today, random.int(-5, 20));
				rec.bringForwardOn = on;
				rec.change(t.soon(), officer, 'bring-forward', {from: null, to: on});
			}
			break;
		}
		case 'returned': {
			const refusal = decide(t.later(), officer, 'refuse', ['insufficient-evidence'], text.refusalText(['insufficient-evidence'], mainWork, french), {review: true, status: 'pending_review'});
			review(refusal, t.later(), 'return', 'in_review');
			break;
		}
		case 'rfi':
		case 'pfl': {
			const at = t.later();
			const {request} = text.rfiText(french, random);
			const concern = story === 'pfl' ? random.pick(['insufficient-evidence', 'misrepresentation']) : '';
			decide(at, officer, story, story === 'pfl' ? [concern] : [], story === 'pfl' ? text.pflText(concern, mainWork, french) : request, {bf: c.bringForward, status: 'awaiting_info'});
			break;
		}
		case 'override': {
			const decision = decide(t.later(), officer, 'approve', ['eligibility-override'], text.approvalText(true, french), {review: true, status: 'pending_review'});
			if (c.status === 'approved') review(decision, t.later(), 'approve', 'approved');
			break;
		}
		case 'withdraw':
		case 'incomplete': {
			const returned = story === 'incomplete';
			decide(t.later(), officer, returned ? 'return' : 'withdraw', returned ? ['incomplete'] : [], text.withdrawalText(returned, french, random), {status: 'withdrawn'});
			break;
		}
		default: {
			// Refusals: told first when they rest on something the applicant has not seen.
			const reasons = REFUSAL_REASONS[story]!(program);
			if (story === 'low-funds') askThenResume('rfi', '');
			else if (story === 'failure-to-provide') askThenResume('rfi', '', true);
			else askThenResume('pfl', story === 'not-credited' ? 'insufficient-evidence' : story);
			const refusal = decide(t.later(), officer, 'refuse', reasons, text.refusalText(reasons, mainWork, french), {review: true, status: 'pending_review'});
			if (c.status === 'refused') review(refusal, t.later(), 'approve', 'refused');
		}
	}
}
