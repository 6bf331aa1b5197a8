/**
 * Child of decide-concurrency.test.ts: one officer's session deciding cases as fast as it can
 * until a deadline. Two children run as the same officer (two terminals of one person), so they
 * race to decide the same case. Loop: decide the officer's first case in review (reading its
 * version first); when there is none, take the first unassigned received case with a conditional
 * UPDATE. Outcomes rotate approve → refuse → rfi.
 *
 * Mode `safe` uses `decide` (one BEGIN IMMEDIATE transaction, version checked); mode `naive` uses
 * a deliberately broken read-then-write decide (status read, a yield, then the decision insert and
 * the case update as separate autocommit statements, no version check), which the test must catch.
 *
 * Args: dbPath officer mode startAtEpochMs durationMs today
 * Prints one JSON line: {ok, officer, decided: [[applicationNumber, decisionId, outcome]], conflicts, takes}.
 */
import {encodeJson, nowInstant, openStore, type Store} from '../../../db/index.js';
import {recordAudit} from '../../../source/cases/audit.js';
import {decide, type DecisionOutcome} from '../../../source/cases/decisions.js';
import {CaseError} from '../../../source/cases/errors.js';
import {loadActor, type Session} from '../../../source/cases/session.js';

const [dbPath, officer, mode, startAt, durationMs, today] = process.argv.slice(2) as [string, string, 'safe' | 'naive', string, string, string];
const OUTCOMES: DecisionOutcome[] = ['approve', 'refuse', 'rfi'];
const REASONS: Record<string, string[]> = {approve: [], refuse: ['insufficient-evidence'], rfi: []};
const STATUS: Record<string, 'approved' | 'pending_review' | 'awaiting_info'> = {approve: 'approved', refuse: 'pending_review', rfi: 'awaiting_info'};

/** Takes the first unassigned received case for the officer; true when one was taken. */
async function take(store: Store, session: Session): Promise<boolean> {
	return store.transaction(async (trx) => {
		const now = session.now();
		const result = await trx
			.updateTable('applications')
			.set((eb) => ({assigned_to: officer, status: 'in_review', version: eb('version', '+', 1), updated_at: now}))
			.where('application_number', '=', (eb) =>
				eb.selectFrom('applications').select('application_number').where('status', '=', 'received').where('assigned_to', 'is', null).orderBy('application_number').limit(1),
			)
			.where('assigned_to', 'is', null)
			.where('status', '=', 'received')
			.returning(['application_number', 'version'])
			.executeTakeFirst();
		if (result) await recordAudit(trx, session, {action: 'assign', applicationNumber: result.application_number, detail: {to: officer, version: result.version}});
		return result !== undefined;
	});
}

/** The broken decide: read, yield, then two autocommit writes; no transaction, no version check. */
async function naiveDecide(store: Store, session: Session, applicationNumber: string, outcome: DecisionOutcome): Promise<number> {
	const row = await store.db.selectFrom('applications').select(['status', 'version', 'assessment']).where('application_number', '=', applicationNumber).executeTakeFirstOrThrow();
	if (row.status !== 'in_review') throw new CaseError(65, `${applicationNumber} is ${row.status}`);
	await new Promise((resolve) => setImmediate(resolve));
	const snapshot = JSON.parse(row.assessment!).asAssessed;
	const {id} = await store.db
		.insertInto('decisions')
		.values({
			application_number: applicationNumber,
			outcome,
			reason_codes: encodeJson(REASONS[outcome]),
			text: 'naive',
			officer,
			decided_at: session.now(),
			rules_version: snapshot.rulesVersion,
			assessment_snapshot: encodeJson(snapshot),
			case_version: row.version,
			review_required: outcome === 'refuse' ? 1 : 0,
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await store.db.updateTable('applications').set({status: STATUS[outcome], version: row.version + 1, updated_at: session.now()}).where('application_number', '=', applicationNumber).execute();
	await store.transaction((trx) => recordAudit(trx, session, {action: 'decide', applicationNumber, detail: {decisionId: id, outcome}}));
	return id;
}

try {
	const store = await openStore(dbPath, {retryDeadlineMs: 20_000});
	const session: Session = {store, actor: await loadActor(store, officer), now: () => nowInstant()};
	const decided: Array<[string, number, string]> = [];
	let conflicts = 0;
	let takes = 0;
	while (Date.now() < Number(startAt)) await new Promise((resolve) => setTimeout(resolve, 1));
	const deadline = Number(startAt) + Number(durationMs);
	let turn = 0;
	while (Date.now() < deadline) {
		const mine = await store.db
			.selectFrom('applications')
			.select(['application_number', 'version'])
			.where('assigned_to', '=', officer)
			.where('status', '=', 'in_review')
			.orderBy('application_number')
			.limit(1)
			.executeTakeFirst();
		if (!mine) {
			if (await take(store, session)) takes++;
			else if (!(await store.db.selectFrom('applications').select('application_number').where('status', '=', 'received').limit(1).executeTakeFirst())) break;
			continue;
		}
		const outcome = OUTCOMES[turn++ % OUTCOMES.length]!;
		try {
			const id =
				mode === 'naive'
					? await naiveDecide(store, session, mine.application_number, outcome)
					: (await decide(session, mine.application_number, {outcome, reasonCodes: REASONS[outcome], text: `${outcome} by ${officer}`, expectedVersion: mine.version, today})).decisionId;
			decided.push([mine.application_number, id, outcome]);
		} catch (error) {
			if (!(error instanceof CaseError)) throw error;
			conflicts++;
		}
	}
	await store.close();
	console.log(JSON.stringify({ok: true, officer, decided, conflicts, takes}));
} catch (error) {
	console.log(JSON.stringify({ok: false, officer, error: String((error as Error)?.stack ?? error)}));
	process.exitCode = 1;
}
