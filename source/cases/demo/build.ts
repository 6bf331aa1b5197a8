/**
 * `caips demo`: fills an empty store with a realistic, reproducible demo (DESIGN.md "Demo data"):
 * invented officers in several offices beside the user who runs it, the reason codes, the rule
 * book's sample applications, then generated cases in every state of the life cycle with their
 * notes, documents, findings, decisions, reviews and a valid hash-chained audit trail. Pool
 * profiles follow IRCC's published CRS distribution. Same seed and same "now", same content.
 *
 * Speed: all rows go in with multi-row INSERTs (bulk-insert.ts) inside one write transaction,
 * while the next cases are generated; each application is assessed once per try while it is
 * steered to its band.
 */
import type {ApplicationStatus, Store} from '../../../db/index.js';
import {encodeSet} from '../../../db/index.js';
import {REASON_CODES} from '../reason-codes.js';
import type {Trx} from '../session.js';
import {dateOf, storeInstant} from './clock.js';
import {statusQuotas} from './plan.js';
import {PoolQuota} from './pool-quota.js';
import {Random} from './random.js';
import {writeAudit} from './audit-chain.js';
import {InsertQueue, insertChunks, yieldToStore} from './bulk-insert.js';
import {DemoLedger, type RowBatch} from './recorder.js';
import {loadSamples, tellSample} from './samples.js';
import {Staff} from './staff.js';
import {tellCase, type DemoWorld} from './stories.js';

/** The demo's default reference clock: every date in the demo is placed relative to it. */
export const DEMO_NOW = '2026-11-29T15:00:00.000Z';

/** What to build. */
export type DemoOptions = {
	/** Number of cases (the 25 samples first, then generated ones); default 300. */
	cases?: number;
	/** Seed of the pseudo-random generator; default 1. */
	seed?: number;
	/** The demo's "now" (an instant, `YYYY-MM-DDTHH:MM:SS.sssZ`); default {@link DEMO_NOW}. */
	now?: string;
	/** The user who runs the demo (OS login or CAIPS_OFFICER); added as officer and supervisor. */
	user: {userName: string; osUser?: string};
};

/** What was built. */
export type DemoSummary = {
	cases: number;
	officers: number;
	you: string;
	roles: string[];
	statuses: Record<ApplicationStatus, number>;
	auditEvents: number;
};

/** The store already holds cases: the demo never mixes with real data (exit 2). */
export class StoreHasCasesError extends Error {
	readonly exitCode = 2;
	constructor(path: string, cases: number) {
		super(`the store at ${path} already has ${cases.toLocaleString('en-CA')} case${cases === 1 ? '' : 's'}; the demo needs a new or empty store: use --db with a new path`);
		this.name = 'StoreHasCasesError';
	}
}

/** Cases generated between two flushes of rows to the store. */
const BATCH_CASES = 500;
async function flush(trx: Trx, batch: RowBatch): Promise<void> {
	await insertChunks(trx, 'applications', batch.applications);
	await insertChunks(trx, 'work_periods', batch.work);
	await insertChunks(trx, 'notes', batch.notes);
	await insertChunks(trx, 'documents', batch.documents);
	await insertChunks(trx, 'decisions', batch.decisions);
}

async function maxId(trx: Trx, table: 'work_periods' | 'notes' | 'documents' | 'decisions'): Promise<number> {
	const row = await trx.selectFrom(table).select((eb) => eb.fn.max<number>('id').as('max')).executeTakeFirst();
	return Number(row?.max ?? 0);
}

/** Officers: the invented ones that are missing, and the user with officer and supervisor added. */
async function addOfficers(trx: Trx, staff: Staff, ledger: DemoLedger, since: number, now: number): Promise<number> {
	const existing = new Map((await trx.selectFrom('officers').select(['user_name', 'roles']).execute()).map((r) => [r.user_name, r.roles]));
	let minute = 0;
	for (const member of staff.members) {
		const stored = existing.get(member.userName);
		if (stored === undefined) {
			const at = since + minute++ * 60_000;
			await trx
				.insertInto('officers')
				.values({user_name: member.userName, display_name: member.displayName, roles: encodeSet(member.roles), office: member.office, active: 1, created_at: storeInstant(at)})
				.execute();
			ledger.event(at, staff.admin, 'officer-add', null, {userName: member.userName, roles: [...member.roles].sort(), office: member.office});
		} else if (member.userName === staff.you) {
			const roles = encodeSet([...(JSON.parse(stored) as string[]), ...member.roles]);
			await trx.updateTable('officers').set({roles, active: 1}).where('user_name', '=', member.userName).execute();
			ledger.event(now, staff.you, 'officer-update', null, {userName: member.userName, roles: JSON.parse(roles)});
		}
	}
	return (await trx.selectFrom('officers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
}

/**
 * Builds the demo in `store`, in one write transaction. Throws {@link StoreHasCasesError} when
 * the store already has cases. `cases` below 25 takes only the first samples.
 */
export async function buildDemo(store: Store, options: DemoOptions): Promise<DemoSummary> {
	const total = Math.max(0, Math.floor(options.cases ?? 300));
	const seed = options.seed ?? 1;
	const nowText = options.now ?? DEMO_NOW;
	const now = Date.parse(nowText);
	const today = dateOf(now);
	return store.transaction(async (trx) => {
		const present = (await trx.selectFrom('applications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
		if (present > 0) throw new StoreHasCasesError(store.path, present);
		const lastEvent = await trx.selectFrom('audit_events').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
		const ledger = new DemoLedger({
			work: await maxId(trx, 'work_periods'),
			notes: await maxId(trx, 'notes'),
			documents: await maxId(trx, 'documents'),
			decisions: await maxId(trx, 'decisions'),
		});
		const staff = new Staff(options.user.userName);
		const random = new Random(seed);
		const world: DemoWorld = {random, ledger, staff, now, today, pending: {hostileNote: true, corruptDocument: true}};

		const officers = await addOfficers(trx, staff, ledger, now - 800 * 86_400_000, now);
		const codes = new Set((await trx.selectFrom('reason_codes').select('code').execute()).map((r) => r.code));
		const missing = REASON_CODES.filter((r) => !codes.has(r.code));
		if (missing.length > 0) await trx.insertInto('reason_codes').values(missing.map((r) => ({...r}))).execute();

		const samples = loadSamples(total, today);
		for (const sample of samples) tellSample(world, sample);
		const generated = total - samples.length;
		const statuses = statusQuotas(total, samples.map((s) => s.status), generated, random);
		const samplePool = samples.filter((s) => s.status === 'pool').map((s) => s.assessment.asAssessed.crs.total);
		const pool = new PoolQuota(statuses.filter((s) => s === 'pool').length, samplePool);
		const queue = new InsertQueue();
		for (let index = 0; index < generated; index++) {
			const status = statuses[index]!;
			tellCase(world, {index, status, ...(status === 'pool' ? {pool} : {})});
			if (ledger.batch.applications.length >= BATCH_CASES) {
				await queue.wait();
				const batch = ledger.takeBatch();
				queue.push(() => flush(trx, batch));
			}
			if (index % 16 === 15) await yieldToStore();
		}
		const rest = ledger.takeBatch();
		queue.push(() => flush(trx, rest));
		await queue.wait();

		ledger.event(now, staff.you, 'demo', null, {seed, cases: total, ...(options.user.osUser ? {osUser: options.user.osUser} : {})});
		const auditEvents = await writeAudit(trx, ledger.events, {seq: lastEvent?.seq ?? 0, hash: lastEvent?.hash ?? null}, queue);

		const counts = Object.fromEntries(['pool', 'invited', 'received', 'in_review', 'awaiting_info', 'pending_review', 'approved', 'refused', 'withdrawn'].map((s) => [s, 0])) as Record<ApplicationStatus, number>;
		for (const s of samples) counts[s.status]++;
		for (const s of statuses) counts[s]++;
		const you = staff.members[0]!;
		const yourRoles = JSON.parse((await trx.selectFrom('officers').select('roles').where('user_name', '=', you.userName).executeTakeFirstOrThrow()).roles) as string[];
		return {cases: total, officers, you: you.userName, roles: yourRoles, statuses: counts, auditEvents};
	});
}
