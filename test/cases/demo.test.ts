/**
 * The demo store (`caips demo`): reproducible, complete (every status, program, kind of record),
 * consistent (applications valid, cached assessments right, audit chain whole), and shaped like
 * IRCC's published CRS distribution.
 */
import {createHash} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {sql} from 'kysely';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {APPLICATION_STATUSES, openStore, type Store} from '../../db/index.js';
import {applyFindings, assessCase, caseReferenceDate, decodeCaseAssessment, type Finding} from '../../source/cases/assessment.js';
import {recordAudit, verifyAudit} from '../../source/cases/audit.js';
import {CRS_BANDS, bandOf, scaledBandCounts} from '../../source/cases/demo/crs-distribution.js';
import {buildDemo, buildDemoStore, DEMO_NOW, StoreHasCasesError} from '../../source/cases/demo/index.js';
import {REASON_CODES} from '../../source/cases/reason-codes.js';
import {parseApplication} from '../../source/format/parse.js';

const work = mkdtempSync(join(tmpdir(), 'caips-demo-'));
const env = {CAIPS_OFFICER: 'tester'};
const user = {userName: 'tester'};
const TODAY = DEMO_NOW.slice(0, 10);
let counter = 0;
const freshPath = () => join(work, `demo-${++counter}.db`);

/** SHA-256 of every row of every table, each table in key order. */
async function digest(path: string): Promise<string> {
	const store = await openStore(path);
	try {
		const hash = createHash('sha256');
		const tables = await sql<{name: string}>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(store.db);
		for (const {name} of tables.rows) {
			const rows = await sql.raw<Record<string, unknown>>(`select * from ${name} order by 1, 2`).execute(store.db);
			hash.update(name);
			for (const row of rows.rows) hash.update(JSON.stringify(row, (_k, v) => (v && v.type === 'Buffer' ? Buffer.from(v.data).toString('hex') : v)));
		}
		return hash.digest('hex');
	} finally {
		await store.close();
	}
}

afterAll(() => rmSync(work, {recursive: true, force: true}));

describe('same seed, same store', () => {
	it('gives byte-identical table contents for the same seed, and different ones for another seed', async () => {
		const [a, b, c] = [freshPath(), freshPath(), freshPath()];
		await buildDemoStore({path: a, env, cases: 120, seed: 7});
		await buildDemoStore({path: b, env, cases: 120, seed: 7});
		await buildDemoStore({path: c, env, cases: 120, seed: 8});
		const [da, db, dc] = [await digest(a), await digest(b), await digest(c)];
		expect(da).toBe(db);
		expect(dc).not.toBe(da);
	}, 60_000);
});

describe('a default-sized demo store', () => {
	let store: Store;
	let path: string;
	let summary: Awaited<ReturnType<typeof buildDemoStore>>;

	beforeAll(async () => {
		path = freshPath();
		summary = await buildDemoStore({path, env});
		store = await openStore(path);
	}, 60_000);
	afterAll(async () => store?.close());

	it('holds 300 cases in every status of the life cycle and all three programs', async () => {
		expect(summary.cases).toBe(300);
		const rows = await store.db.selectFrom('applications').select(['status', 'program']).execute();
		expect(rows).toHaveLength(300);
		for (const status of APPLICATION_STATUSES) expect(rows.filter((r) => r.status === status).length, status).toBeGreaterThan(0);
		for (const status of APPLICATION_STATUSES) expect(summary.statuses[status]).toBe(rows.filter((r) => r.status === status).length);
		expect(new Set(rows.map((r) => r.program))).toEqual(new Set(['CEC', 'FSW', 'FST']));
		const pool = rows.filter((r) => r.status === 'pool').length / rows.length;
		expect(pool).toBeGreaterThan(0.3);
		expect(pool).toBeLessThan(0.42);
	});

	it('starts with the 25 sample applications of the rule book', async () => {
		const samples = await store.db.selectFrom('applications').select(['application_number', 'family_name']).where('application_number', '<', 'E001000000').orderBy('application_number').execute();
		expect(samples).toHaveLength(25);
		expect(samples[0]).toEqual({application_number: 'E000000101', family_name: 'Okonkwo'});
		const v17 = await store.db.selectFrom('applications').selectAll().where('application_number', '=', 'E000000117').executeTakeFirstOrThrow();
		expect(v17).toMatchObject({status: 'in_review', assigned_to: 'aokafor'});
		const note = await store.db.selectFrom('notes').selectAll().where('application_number', '=', 'E000000117').executeTakeFirstOrThrow();
		expect(note.author).toBe('aokafor');
		expect(note.body).toContain('Lettre de l');
	});

	it('has a valid hash chain, in chronological order, ending with the demo itself', async () => {
		expect(await verifyAudit(store.db)).toEqual({ok: true, events: summary.auditEvents});
		const events = await store.db.selectFrom('audit_events').select(['seq', 'at', 'action', 'officer']).orderBy('seq').execute();
		for (let i = 1; i < events.length; i++) expect(events[i]!.at >= events[i - 1]!.at, `event ${events[i]!.seq}`).toBe(true);
		expect(events.at(-1)).toMatchObject({action: 'demo', officer: 'tester', at: DEMO_NOW});
		const actions = new Set(events.map((e) => e.action));
		for (const action of ['officer-add', 'import', 'invite', 'receive', 'assign', 'view', 'note', 'document', 'assess-item', 'decide', 'review']) expect(actions, action).toContain(action);
	});

	it('stores every application valid under the strict schema, with the cached assessment of its data and findings', async () => {
		const rows = await store.db.selectFrom('applications').selectAll().execute();
		const work = await store.db.selectFrom('work_periods').selectAll().execute();
		for (const row of rows) {
			const data = JSON.parse(row.data);
			const app = parseApplication(data, row.application_number);
			expect(app.applicationNumber).toBe(row.application_number);
			expect(app.program).toBe(row.program);
			expect(app.applicant.familyName).toBe(row.family_name);
			const findings: Finding[] = work
				.filter((w) => w.application_number === row.application_number)
				.map((w) => ({person: w.person, idx: w.idx, finding: w.finding}));
			const periods = work.filter((w) => w.application_number === row.application_number && w.person === 'applicant');
			expect(periods.map((w) => w.noc_code)).toEqual(app.applicant.workExperience.map((w) => w.nocCode));
			const assessment = assessCase(app, findings, caseReferenceDate(app, TODAY));
			expect(row.crs_total, row.application_number).toBe(assessment.asAssessed.crs.total);
			expect(decodeCaseAssessment(row.assessment!)).toEqual(JSON.parse(JSON.stringify(assessment)));
			expect(applyFindings(app, findings).applicant.workExperience).toHaveLength(app.applicant.workExperience.length);
		}
	});

	it('adds the running user as officer and supervisor beside invented officers in several offices', async () => {
		const officers = await store.db.selectFrom('officers').selectAll().execute();
		const me = officers.find((o) => o.user_name === 'tester');
		expect(JSON.parse(me!.roles)).toEqual(['officer', 'supervisor']);
		expect(me!.active).toBe(1);
		expect(summary).toMatchObject({you: 'tester', roles: ['officer', 'supervisor'], officers: officers.length});
		expect(officers.length).toBeGreaterThanOrEqual(9);
		expect(new Set(officers.map((o) => o.office)).size).toBeGreaterThanOrEqual(4);
		const roles = new Set(officers.flatMap((o) => JSON.parse(o.roles) as string[]));
		expect(roles).toEqual(new Set(['officer', 'supervisor', 'admin', 'auditor']));
		const mine = await store.db.selectFrom('applications').select('application_number').where('assigned_to', '=', 'tester').execute();
		expect(mine.length).toBeGreaterThan(0);
	});

	it('seeds the reason codes of the decisions spec', async () => {
		const codes = await store.db.selectFrom('reason_codes').selectAll().orderBy('code').execute();
		expect(codes).toEqual([...REASON_CODES].sort((a, b) => a.code.localeCompare(b.code)));
	});

	it('has names in several scripts and with accents', async () => {
		const names = (await store.db.selectFrom('applications').select(['family_name', 'given_names']).execute()).map((r) => `${r.family_name} ${r.given_names}`);
		const has = (re: RegExp) => names.some((n) => re.test(n));
		expect(has(/\p{Script=Han}/u)).toBe(true);
		expect(has(/\p{Script=Arabic}/u) || has(/\p{Script=Devanagari}/u) || has(/\p{Script=Hangul}/u)).toBe(true);
		expect(has(/\p{Script=Cyrillic}/u)).toBe(true);
		expect(names.some((n) => /\p{Script=Latin}\p{M}/u.test(n.normalize('NFD')))).toBe(true);
		const scripts = ['Han', 'Arabic', 'Devanagari', 'Hangul', 'Cyrillic', 'Greek', 'Gurmukhi'].filter((s) => has(new RegExp(`\\p{Script=${s}}`, 'u')));
		expect(scripts.length).toBeGreaterThanOrEqual(4);
	});

	it('tells each state its story: decisions, reviews by another supervisor, bring-forward dates', async () => {
		const apps = await store.db.selectFrom('applications').selectAll().execute();
		const decisions = await store.db.selectFrom('decisions').selectAll().orderBy('id').execute();
		const of = (n: string) => decisions.filter((d) => d.application_number === n);
		const codes = new Set(REASON_CODES.map((r) => r.code));
		for (const d of decisions) for (const c of JSON.parse(d.reason_codes) as string[]) expect(codes).toContain(c);
		for (const app of apps) {
			const mine = of(app.application_number);
			const last = mine.at(-1);
			if (app.status === 'awaiting_info') {
				expect(['rfi', 'pfl']).toContain(last?.outcome);
				expect(app.bring_forward_on).toBe(last!.bring_forward_on);
			}
			if (app.status === 'pending_review') expect(last).toMatchObject({review_required: 1, reviewer: null});
			if (app.status === 'refused') {
				expect(last).toMatchObject({outcome: 'refuse', review_outcome: 'approve'});
				expect(last!.reviewer).not.toBe(last!.officer);
				expect(JSON.parse(last!.reason_codes).length).toBeGreaterThan(0);
			}
			if (app.status === 'approved') expect(last?.outcome).toBe('approve');
			if (app.status === 'withdrawn') expect(['withdraw', 'return']).toContain(last?.outcome);
			if (['pool', 'invited', 'received'].includes(app.status)) expect(mine).toHaveLength(0);
			if (last) {
				expect(JSON.parse(last.assessment_snapshot).crs.total).toBe(app.crs_total);
				expect(last.case_version).toBeLessThan(app.version);
			}
		}
		const bf = apps.filter((a) => a.status === 'awaiting_info').map((a) => a.bring_forward_on!);
		expect(bf.some((d) => d <= TODAY)).toBe(true);
		expect(bf.some((d) => d > TODAY)).toBe(true);
		const notCredited = await store.db.selectFrom('work_periods').selectAll().where('finding', '=', 'not_credited').execute();
		expect(notCredited.length).toBeGreaterThan(0);
		for (const w of notCredited) expect(w.finding_reason).toBeTruthy();
	});

	it('has notes in English and French, corrections naming an earlier note of the case, and one hostile note', async () => {
		const notes = await store.db.selectFrom('notes').selectAll().orderBy('id').execute();
		expect(notes.some((n) => /reviewed|received|sent/i.test(n.body))).toBe(true);
		expect(notes.some((n) => /[éèàç]/.test(n.body) && /\b(dossier|demande|lettre)\b/i.test(n.body))).toBe(true);
		expect(notes.some((n) => n.body.includes('\n'))).toBe(true);
		for (const n of notes.filter((n) => n.corrects_note_id !== null)) {
			const target = notes.find((m) => m.id === n.corrects_note_id)!;
			expect(target.application_number).toBe(n.application_number);
			expect(target.id).toBeLessThan(n.id);
			expect(n.body).toContain(String(target.id));
		}
		const hostile = notes.filter((n) => n.body.includes('\u001b[') && n.body.includes('\u202e'));
		expect(hostile).toHaveLength(1);
	});

	it('stores documents with their SHA-256, except one corrupted on purpose', async () => {
		const docs = await store.db.selectFrom('documents').selectAll().execute();
		expect(docs.length).toBeGreaterThan(100);
		const bad = docs.filter((d) => createHash('sha256').update(d.content).digest('hex') !== d.sha256);
		expect(bad).toHaveLength(1);
		expect(bad[0]!.kind).toBe('employment-reference');
		for (const d of docs) expect(d.size_bytes).toBe(d.content.length);
		expect(new Set(docs.map((d) => d.kind))).toEqual(new Set(['passport', 'language-test-result', 'employment-reference', 'police-certificate', 'proof-of-funds', 'other']));
	});
});

describe('the pool follows IRCC published CRS distribution', () => {
	it('matches the shape band by band, the three biggest bands staying the biggest', async () => {
		const path = freshPath();
		await buildDemoStore({path, env, cases: 1200, seed: 3});
		const store = await openStore(path);
		try {
			const pool = await store.db.selectFrom('applications').select(['application_number', 'crs_total', 'eligible_programs']).where('status', '=', 'pool').execute();
			const counts = CRS_BANDS.map((band) => pool.filter((p) => bandOf(p.crs_total!) === band).length);
			const expected = scaledBandCounts(pool.length);
			const top3 = (list: number[]) => list.map((n, i) => [n, i] as const).sort((a, b) => b[0] - a[0]).slice(0, 3).map(([, i]) => CRS_BANDS[i]!.label).sort();
			expect(top3(counts)).toEqual(top3(expected));
			counts.forEach((n, i) => expect(Math.abs(n - expected[i]!), CRS_BANDS[i]!.label).toBeLessThanOrEqual(Math.max(3, expected[i]! * 0.1)));
			// Generated profiles are eligible for a program, as Express Entry requires (some rule-book samples are not, on purpose).
			const generated = pool.filter((p) => p.application_number >= 'E001000000');
			const ineligible = generated.filter((p) => JSON.parse(p.eligible_programs!).length === 0);
			expect(ineligible.length).toBeLessThanOrEqual(Math.ceil(generated.length * 0.01));
		} finally {
			await store.close();
		}
	}, 60_000);
});

describe('only into a new or empty store', () => {
	it('refuses a store that has cases, naming the way out', async () => {
		const path = freshPath();
		await buildDemoStore({path, env, cases: 30});
		const before = await digest(path);
		const error = await buildDemoStore({path, env, cases: 30}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StoreHasCasesError);
		expect((error as StoreHasCasesError).exitCode).toBe(2);
		expect((error as Error).message).toMatch(/already has 30 cases.*--db with a new path/);
		expect(await digest(path)).toBe(before);
	}, 30_000);

	it('fills an existing empty store, keeping its officers and continuing its audit chain', async () => {
		const store = await openStore(freshPath());
		try {
			await store.db.insertInto('officers').values({user_name: 'tester', display_name: 'T. Ester', roles: '["admin"]', office: null, active: 1, created_at: '2026-01-01T00:00:00.000Z'}).execute();
			const session = {store, actor: {userName: 'tester', displayName: 'T. Ester', roles: new Set(['admin'] as const), office: null}, now: () => '2026-01-01T00:00:00.000Z'};
			await store.transaction((trx) => recordAudit(trx, session, {action: 'init'}));
			const summary = await buildDemo(store, {cases: 40, user});
			expect(summary.roles).toEqual(['admin', 'officer', 'supervisor']);
			const audit = await verifyAudit(store.db);
			expect(audit).toEqual({ok: true, events: summary.auditEvents + 1});
			const first = await store.db.selectFrom('audit_events').select('action').where('seq', '=', 1).executeTakeFirstOrThrow();
			expect(first.action).toBe('init');
		} finally {
			await store.close();
		}
	}, 30_000);

	it('takes only the first samples when asked for fewer cases than there are samples', async () => {
		const store = await openStore(freshPath());
		try {
			const summary = await buildDemo(store, {cases: 5, user});
			expect(summary.cases).toBe(5);
			const n = await store.db.selectFrom('applications').select('application_number').orderBy('application_number').execute();
			expect(n.map((r) => r.application_number)).toEqual(['E000000101', 'E000000103', 'E000000104', 'E000000105', 'E000000106']);
			expect((await verifyAudit(store.db)).ok).toBe(true);
		} finally {
			await store.close();
		}
	});
});
