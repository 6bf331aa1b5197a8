import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {decodeJson, type Store} from '../../db/index.js';
import {decodeCaseAssessment, type CaseAssessment} from '../../source/cases/assessment.js';
import {verifyAudit} from '../../source/cases/audit.js';
import {decide} from '../../source/cases/decisions.js';
import {recordFinding} from '../../source/cases/findings.js';
import type {Session} from '../../source/cases/session.js';
import {tempDir} from '../db/helpers.js';
import {addOfficer, auditOf, insertCase, openSeededStore, sessionAs, TODAY} from './seed-decisions.js';

const tmp = tempDir('caips-findings-');
let store: Store;
let jdoe: Session;
let aokafor: Session;
let auditor: Session;
let serial = 0;

beforeAll(async () => {
	store = await openSeededStore(path.join(tmp.dir, 'caips.db'));
	await addOfficer(store, 'jdoe', ['officer']);
	await addOfficer(store, 'aokafor', ['officer']);
	await addOfficer(store, 'audra', ['auditor']);
	[jdoe, aokafor, auditor] = await Promise.all(['jdoe', 'aokafor', 'audra'].map((u) => sessionAs(store, u)));
});
afterAll(async () => {
	await store.close();
	tmp.cleanup();
});

async function newV17(status: 'in_review' | 'received' | 'approved' = 'in_review', assignedTo: string | null = 'jdoe'): Promise<string> {
	serial++;
	return insertCase(store, 'V17', {status, assignedTo, applicationNumber: `E6${String(serial).padStart(8, '0')}`});
}

const caseRow = (app: string) => store.db.selectFrom('applications').selectAll().where('application_number', '=', app).executeTakeFirstOrThrow();

/** The id of the applicant's Canadian work period (Prairie Cloud Systems) of a V17 case. */
async function canadianPeriod(app: string): Promise<number> {
	const row = await store.db
		.selectFrom('work_periods')
		.select('id')
		.where('application_number', '=', app)
		.where('person', '=', 'applicant')
		.where('country', '=', 'CAN')
		.executeTakeFirstOrThrow();
	return row.id;
}

const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as {exitCode: number; message: string});

describe('recordFinding', () => {
	it('V17: the Canadian period not credited drops CEC as assessed, lowers the CRS, and keeps the as-claimed result', async () => {
		const app = await newV17();
		const period = await canadianPeriod(app);
		const before = await caseRow(app);
		expect(JSON.parse(before.eligible_programs!)).toEqual(['CEC', 'FSW']);
		expect(before.crs_total).toBe(508);

		expect(await failure(recordFinding(jdoe, app, period, 'not_credited', '  ', {today: TODAY}))).toMatchObject({
			exitCode: 65,
			message: 'reason is required: why the work period is not credited',
		});
		const result = await recordFinding(jdoe, app, period, 'not_credited', 'Reference letter does not show the duties of NOC 21231.', {today: TODAY});
		expect(result.before).toEqual({crs: 508, eligible: ['CEC', 'FSW']});
		expect(result.after.eligible).not.toContain('CEC');
		expect(result.after.crs).toBeLessThan(508);
		expect(result.asClaimed).toEqual({crs: 508, eligible: ['CEC', 'FSW']});
		expect(result.version).toBe(before.version + 1);

		const after = await caseRow(app);
		expect(after.crs_total).toBe(result.after.crs);
		expect(JSON.parse(after.eligible_programs!)).toEqual(result.after.eligible);
		const stored = decodeCaseAssessment(after.assessment!);
		expect(stored.asClaimed.crs.total).toBe(508);
		expect(stored.asClaimed.programs.CEC.eligible).toBe(true);
		expect(stored.asAssessed.programs.CEC.eligible).toBe(false);
		expect(stored.asAssessed.crs.total).toBe(result.after.crs);

		const wp = await store.db.selectFrom('work_periods').selectAll().where('id', '=', period).executeTakeFirstOrThrow();
		expect(wp).toMatchObject({finding: 'not_credited', finding_reason: 'Reference letter does not show the duties of NOC 21231.', finding_by: 'jdoe'});
		expect(wp.finding_at).not.toBeNull();

		expect((await auditOf(store, app)).at(-1)).toMatchObject({
			action: 'assess-item',
			officer: 'jdoe',
			detail: {workPeriodId: period, from: 'claimed', finding: 'not_credited', before: result.before, after: result.after, version: result.version},
		});

		// Decisions rest on the assessed result: approving now needs an override.
		expect(await failure(decide(jdoe, app, {outcome: 'approve', text: 'ok', today: TODAY}))).toMatchObject({exitCode: 65, message: expect.stringContaining('eligibility-override')});
	});

	it('back to claimed restores the result and clears the reason; verified changes nothing', async () => {
		const app = await newV17();
		const period = await canadianPeriod(app);
		await recordFinding(jdoe, app, period, 'not_credited', 'letter missing', {today: TODAY});
		const restored = await recordFinding(jdoe, app, period, 'claimed', undefined, {today: TODAY});
		expect(restored.after).toEqual({crs: 508, eligible: ['CEC', 'FSW']});
		expect((await store.db.selectFrom('work_periods').select('finding_reason').where('id', '=', period).executeTakeFirstOrThrow()).finding_reason).toBeNull();
		const verified = await recordFinding(jdoe, app, period, 'verified', 'Payroll records seen.', {today: TODAY});
		expect(verified.after).toEqual(verified.before);
	});

	it('is allowed on a received, unassigned case', async () => {
		const app = await newV17('received', null);
		await expect(recordFinding(aokafor, app, await canadianPeriod(app), 'verified', undefined, {today: TODAY})).resolves.toMatchObject({finding: 'verified'});
	});

	it('refuses a closed case (65), another officer’s case (77), an auditor (77), a period of another case (65), a stale version (75)', async () => {
		const closed = await newV17('approved');
		expect(await failure(recordFinding(jdoe, closed, await canadianPeriod(closed), 'verified', undefined, {today: TODAY}))).toMatchObject({
			exitCode: 65,
			message: `cannot record a finding on ${closed}: it is approved (needs received, in_review, awaiting_info)`,
		});
		const app = await newV17();
		const period = await canadianPeriod(app);
		expect(await failure(recordFinding(aokafor, app, period, 'verified', undefined, {today: TODAY}))).toMatchObject({exitCode: 77});
		expect(await failure(recordFinding(auditor, app, period, 'verified', undefined, {today: TODAY}))).toMatchObject({exitCode: 77});
		expect((await auditOf(store, app)).at(-1)).toMatchObject({action: 'refused', officer: 'audra', detail: {attempt: 'assess-item'}});
		expect(await failure(recordFinding(jdoe, app, await canadianPeriod(closed), 'verified', undefined, {today: TODAY}))).toMatchObject({
			exitCode: 65,
			message: `case ${app} has no work period ${await canadianPeriod(closed)}`,
		});
		const v = (await caseRow(app)).version;
		await recordFinding(jdoe, app, period, 'verified', undefined, {today: TODAY});
		expect(await failure(recordFinding(jdoe, app, period, 'claimed', undefined, {today: TODAY, expectedVersion: v}))).toMatchObject({
			exitCode: 75,
			message: expect.stringMatching(new RegExp(`^case ${app} changed since you opened it \\(version ${v} → ${v + 1}\\): assess-item by jdoe at `)),
		});
	});

	it('keeps the audit chain whole', async () => {
		expect(await verifyAudit(store.db)).toMatchObject({ok: true});
	});
});
