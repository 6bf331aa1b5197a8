/**
 * The workstation's port over the case store: each WorkstationData operation is one call into
 * source/cases (which checks roles, versions and audits). No SQL here.
 */
import {assignCase, takeNext} from '../cases/assignment.js';
import {lastChangeSeq} from '../cases/audit.js';
import {readCaseHistory, viewCase} from '../cases/case-view.js';
import {decide, setBringForward} from '../cases/decisions.js';
import {showDocumentText, verifyDocuments} from '../cases/documents.js';
import {localDateOf} from '../cases/filter.js';
import {addNote} from '../cases/notes.js';
import {rankPool, type PoolProgram, type PoolRanking} from '../cases/pool.js';
import {InvalidError} from '../cases/errors.js';
import {ALL_CASES, listQueue, listQueues, parseSort, queueDefinitions, queueKey, saveQueue} from '../cases/queues.js';
import {listReasonCodes} from '../cases/reason-codes.js';
import {reviewDecision} from '../cases/review.js';
import {listRounds, roundInvitees, ROUNDS_MAX_PAGE_SIZE} from '../cases/rounds.js';
import {categoriesInForce, type CategoryId} from '../rules/categories.js';
import type {Session} from '../cases/session.js';
import type {CaseDetail, InviteeView, PoolPage, QueuePage, RoundView, WorkstationData} from './data.js';

/** Rows read per step when walking to a far offset (the G key on a long queue). */
const WALK = 1000;

/** The WorkstationData port for `session`. `storeName` is shown in the status bar. */
export function storePort(session: Session, options: {storeName: string}): WorkstationData {
	const today = () => localDateOf(session.now());
	// Keyset cursors met so far per query, by row offset, so a jump can start from the nearest one.
	const cursors = new Map<string, Map<number, string>>();
	const totals = new Map<string, number>();
	// The last ranking of the pool (the promise, so that two windows asked at once rank once).
	let ranking: {key: string; result: Promise<PoolRanking>} | null = null;

	return {
		me: () => ({userName: session.actor.userName, displayName: session.actor.displayName, roles: [...session.actor.roles].sort(), office: session.actor.office}),
		storeName: () => options.storeName,
		async queues() {
			const queues = await listQueues(session, {today: today()});
			return queues.map((q) => {
				const sort = parseSort(q.sort);
				// A built-in listed with an empty query other than All cases is chosen by other means
				// (Decided today: by today's decisions): the filter language cannot say it.
				const query = q.builtIn && q.query === '' && q.name !== ALL_CASES ? null : q.query;
				return {name: q.name, count: q.count ?? 0, digitKey: q.digitKey, builtIn: q.builtIn, query, sort: sort.column, descending: sort.direction === 'desc'};
			});
		},
		async queuePage({queue, filter, sort, descending, limit, after, offset}): Promise<QueuePage> {
			const key = `${queue}\u0000${filter}\u0000${sort}\u0000${descending}`;
			const known = cursors.get(key) ?? new Map<number, string>();
			cursors.set(key, known);
			// The direction is always given: the store's default for a column (CRS: highest first) is
			// not what the screen's arrow says.
			const request = {queue, filter: filter || null, sort: {column: sort, direction: descending ? ('desc' as const) : ('asc' as const)}, today: today()};
			if (offset === 0 || after === null) {
				// Start from the nearest known cursor at or before `offset`, then walk forward.
				let at = 0;
				let cursor: string | null = null;
				for (const [position, value] of known) if (position <= offset && position > at) [at, cursor] = [position, value];
				if (offset === 0) cursor = null;
				while (at < offset) {
					const step = await listQueue(session, {...request, limit: Math.min(WALK, offset - at), after: cursor, count: false});
					if (!step.next) return {rows: [], total: totals.get(key) ?? 0, offset, next: null};
					at += step.rows.length;
					cursor = step.next;
					known.set(at, cursor);
				}
				after = cursor;
			}
			const page = await listQueue(session, {...request, limit, after, count: after === null});
			if (page.total !== null) totals.set(key, page.total);
			if (page.next) known.set(offset + page.rows.length, page.next);
			return {rows: page.rows, total: totals.get(key) ?? page.rows.length, offset, next: page.next};
		},
		async caseDetail(applicationNumber): Promise<CaseDetail> {
			const record = await viewCase(session, applicationNumber);
			const history = await readCaseHistory(session.store.db, applicationNumber);
			const checks = record.documents.length > 0 ? await verifyDocuments(session, applicationNumber) : [];
			const app = record.application;
			return {
				applicationNumber: record.case.applicationNumber,
				uci: record.case.uci,
				program: record.case.program,
				status: record.case.status,
				office: record.case.office,
				assignedTo: record.case.assignedTo,
				version: record.case.version,
				profileSubmittedAt: record.case.profileSubmittedAt,
				receivedAt: record.case.receivedAt,
				invitedAt: record.case.invitedAt,
				bringForwardOn: record.case.bringForwardOn,
				applicant: {
					familyName: app.applicant.familyName,
					givenNames: app.applicant.givenNames,
					dateOfBirth: app.applicant.dateOfBirth,
					countryOfCitizenship: app.applicant.countryOfCitizenship,
					maritalStatus: app.applicant.maritalStatus,
				},
				spouse: app.spouse
					? {familyName: app.spouse.familyName, givenNames: app.spouse.givenNames, dateOfBirth: app.spouse.dateOfBirth, accompanying: app.spouse.accompanying, canadianCitizenOrPR: app.spouse.canadianCitizenOrPR}
					: null,
				dependentChildren: app.dependentChildren ?? 0,
				workPeriods: record.workPeriods,
				assessment: record.assessment,
				notes: record.notes,
				documents: record.documents.map((doc) => ({...doc, checksumOk: checks.find((check) => check.id === doc.id)?.ok ?? null})),
				decisions: record.decisions,
				history: history.map((event) => ({seq: event.seq, at: event.at, officer: event.officer, action: event.action, detail: event.detail})),
			};
		},
		async documentText(documentId) {
			return (await showDocumentText(session, documentId)).text;
		},
		async addNote(applicationNumber, body, correctsNoteId) {
			await addNote(session, applicationNumber, body, correctsNoteId ? {correctsNoteId} : {});
		},
		reasonCodes: () => listReasonCodes(session.store.db),
		async decide(applicationNumber, input) {
			const result = await decide(session, applicationNumber, {...input, today: today()});
			return {status: result.status, reviewRequired: result.reviewRequired};
		},
		async review(applicationNumber, {outcome, text, expectedVersion}) {
			await reviewDecision(session, applicationNumber, {outcome, text: text || undefined, expectedVersion});
		},
		async assignToMe(applicationNumber) {
			await assignCase(session, applicationNumber, session.actor.userName);
		},
		async takeNext(queue) {
			return (await takeNext(session, queue, {today: today()}))?.applicationNumber ?? null;
		},
		async setBringForward(applicationNumber, date) {
			await setBringForward(session, applicationNumber, date, {today: today()});
		},
		async saveQueue({name, query, sort, descending, digitKey}) {
			// The store's saveQueue replaces a saved queue of the same name: from the workstation a
			// name is only ever new (replacing is `caips queue save`).
			const taken = (await queueDefinitions(session.store.db)).find((q) => queueKey(q.name) === queueKey(name) || q.aliases.includes(queueKey(name)));
			if (taken) throw new InvalidError(`a queue named "${taken.name}" exists already; choose another name`);
			await saveQueue(session, {name, query, sort: {column: sort, direction: descending ? 'desc' : 'asc'}, digitKey});
		},
		async pool({asOf, program, category, offset, limit, reload}): Promise<PoolPage> {
			const key = `${asOf}\u0000${program ?? ''}\u0000${category ?? ''}`;
			if (reload || !ranking || ranking.key !== key) {
				// rankPool checks the program and category names and the date (InvalidError naming them).
				const result = rankPool(session, {asOf, program: (program ?? null) as PoolProgram | null, category: (category ?? null) as CategoryId | null});
				ranking = {key, result};
				// A failed ranking is not kept: the next request ranks again.
				result.catch(() => {
					if (ranking?.result === result) ranking = null;
				});
			}
			const pool = await ranking.result;
			const start = Math.max(0, Math.min(offset, pool.entries.length));
			return {
				asOf: pool.asOf,
				program: pool.program,
				category: pool.category,
				entries: pool.entries.slice(start, start + Math.max(0, limit)).map((e) => ({...e, programs: [...e.programs], categories: [...e.categories]})),
				offset: start,
				total: pool.entries.length,
				distribution: pool.distribution,
				categoriesInForce: categoriesInForce(asOf).map((version) => version.id),
			};
		},
		async rounds(): Promise<RoundView[]> {
			const out: RoundView[] = [];
			let after: string | null = null;
			do {
				const page = await listRounds(session.store.db, {after, limit: ROUNDS_MAX_PAGE_SIZE});
				for (const r of page.rows) out.push({number: r.number, at: r.at, type: r.type, program: r.program, category: r.category, size: r.size, invited: r.invited, cutoff: r.cutoff, tieBreakAt: r.tieBreakAt});
				after = page.next;
			} while (after);
			return out;
		},
		async roundInvitees(number): Promise<InviteeView[]> {
			const out: InviteeView[] = [];
			let after: string | null = null;
			do {
				const page = await roundInvitees(session.store.db, number, {after, limit: ROUNDS_MAX_PAGE_SIZE});
				out.push(...page.rows);
				after = page.next;
			} while (after);
			return out;
		},
		changeMark: () => lastChangeSeq(session.store.db),
		close: async () => undefined,
	};
}
