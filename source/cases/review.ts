/**
 * Second-level review (spec/decisions.md "Review"): every refusal and every eligibility override
 * waits in `pending_review` until a supervisor other than the deciding officer approves it (the
 * decision becomes final) or returns it (the case goes back to `in_review`, the decision stays on
 * record marked returned, and the reviewer's text is added to the case as a note).
 */
import type {ApplicationStatus} from '../../db/index.js';
import {formatValue} from '../format/format-error.js';
import {recordAudit} from './audit.js';
import {bumpCase, loadCaseForUpdate} from './case-version.js';
import {latestDecision} from './decisions.js';
import {InvalidError, PermissionError} from './errors.js';
import {checkNoteBody, insertNote} from './notes.js';
import {requireRole, write, type Session} from './session.js';

/** A reviewer's outcome. */
export type ReviewOutcome = 'approve' | 'return';

/** What `reviewDecision` recorded. */
export type ReviewResult = {
	decisionId: number;
	applicationNumber: string;
	outcome: ReviewOutcome;
	/** The case's status after the review. */
	status: ApplicationStatus;
	version: number;
	/** The note holding the reviewer's text (on return). */
	noteId: number | null;
};

/** Final status of a reviewed decision that the reviewer approves. */
const FINAL_STATUS: Record<string, ApplicationStatus> = {refuse: 'refused', approve: 'approved'};

/**
 * Reviews the latest decision of a case. Role: supervisor; the reviewer is never the deciding
 * officer (PermissionError; the database refuses it too). The case must be `pending_review` and
 * its latest decision must require review and not be reviewed yet. `approve` makes the decision
 * final (a refusal → `refused`, an override approval → `approved`); `return` needs `text`, sends
 * the case back to `in_review`, marks the decision returned and adds the text as a note by the
 * reviewer. Bumps the version; audited `review`.
 *
 * Throws PermissionError (77, audited as refused), ConflictError (75: stale `expectedVersion`),
 * NotFoundError, or InvalidError (65: nothing awaiting review, missing text, bad outcome).
 */
export async function reviewDecision(
	session: Session,
	applicationNumber: string,
	input: {outcome: ReviewOutcome; text?: string; expectedVersion?: number},
): Promise<ReviewResult> {
	return write(session, {action: 'review', applicationNumber}, async (trx) => {
		requireRole(session.actor, ['supervisor'], `reviewing the decision on ${applicationNumber}`);
		if (input.outcome !== 'approve' && input.outcome !== 'return') throw new InvalidError(`review outcome ${formatValue(input.outcome)} is not approve or return`);
		const row = await loadCaseForUpdate(trx, session, applicationNumber, input.expectedVersion);
		const decision = await latestDecision(trx, applicationNumber);
		if (row.status !== 'pending_review' || !decision || !decision.reviewRequired || decision.reviewedAt !== null) {
			throw new InvalidError(`case ${applicationNumber} has no decision awaiting review (it is ${row.status})`);
		}
		if (decision.officer === session.actor.userName) {
			throw new PermissionError(`separation of duties: ${decision.officer} recorded decision ${decision.id} on ${applicationNumber}, so another supervisor must review it`);
		}
		const text = input.text ?? '';
		if (input.outcome === 'return' && text.trim() === '') throw new InvalidError('text is required: why the decision is returned');
		if (text !== '') checkNoteBody(text, 'text');
		const status = input.outcome === 'approve' ? FINAL_STATUS[decision.outcome] : 'in_review';
		if (!status) throw new InvalidError(`decision ${decision.id} (${decision.outcome}) has no final state to approve`);

		await trx
			.updateTable('decisions')
			.set({reviewer: session.actor.userName, review_outcome: input.outcome, review_text: text === '' ? null : text, reviewed_at: session.now()})
			.where('id', '=', decision.id)
			.execute();
		const note = input.outcome === 'return' ? await insertNote(trx, session, applicationNumber, `Decision ${decision.id} (${decision.outcome}) returned on review: ${text}`) : null;
		const version = await bumpCase(trx, session, row, {status});
		await recordAudit(trx, session, {
			action: 'review',
			applicationNumber,
			detail: {decisionId: decision.id, decisionOutcome: decision.outcome, outcome: input.outcome, from: row.status, to: status, noteId: note?.id ?? null, version},
		});
		return {decisionId: decision.id, applicationNumber, outcome: input.outcome, status, version, noteId: note?.id ?? null};
	});
}
