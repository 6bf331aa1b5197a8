/**
 * The pool on a reference date (rules.md §7.1–7.2): who is in it (status, submission date, the
 * 12-month profile life, eligibility re-assessed on the date with the officer's findings, PNP
 * nominees), the ranking (CRS on the date, then submission instant, then number), program and
 * category filters, the audit of a view, and the CRS distribution in IRCC's bands.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {distributionLines, distributionOf} from '../../source/cases/pool-distribution.js';
import {rankCandidates, rankPool, withinProfileLife, type PoolOptions} from '../../source/cases/pool.js';
import type {Session} from '../../source/cases/session.js';
import type {Application} from '../../source/rules/application.js';
import {assess} from '../../source/rules/assess.js';
import {addOfficer} from './seed-decisions.js';
import {auditCount, insertProfiles, profile} from './pool-fixtures.js';
import {seededStore, type TestStore} from './seeded-store.js';

const D = '2026-08-05';
let t: TestStore;
let alice: Session;
const n = (i: number) => `E10000000${String(i).padStart(2, '0')}`;

const P = {
	nominee: profile({from: 'V22', number: n(1), submittedAt: '2026-02-01T08:00:00Z'}),
	nomineeCec: profile({from: 'V23', number: n(2), submittedAt: '2026-05-11T16:45:00Z'}),
	lastDay: profile({from: 'V20', number: n(3), submittedAt: '2025-08-06T00:00:00Z'}),
	expired: profile({from: 'V20', number: n(4), submittedAt: '2025-08-05T23:59:59Z'}),
	cecFsw: profile({from: 'V18', number: n(5), submittedAt: '2026-04-23T10:30:00Z'}),
	quebec: profile({from: 'V14', number: n(6), submittedAt: '2026-04-01T00:00:00Z', changes: {intendedProvince: 'QC'}}),
	french: profile({from: 'V16', number: n(7), submittedAt: '2026-06-18T17:00:00Z'}),
	tieLate: profile({from: 'V01', number: n(8), submittedAt: '2026-06-02T13:45:10Z'}),
	tieEarly: profile({from: 'V01', number: n(9), submittedAt: '2026-03-01T00:00:00Z'}),
	tieSameInstant: profile({from: 'V01', number: n(10), submittedAt: '2026-06-02T15:45:10+02:00'}),
	stem: profile({from: 'V32', number: n(11), submittedAt: '2026-06-06T06:06:06Z'}),
	trades: profile({from: 'V29', number: n(12), submittedAt: '2026-03-23T06:30:00Z'}),
	ineligible: profile({from: 'V13', number: n(13), submittedAt: '2026-05-01T00:00:00Z'}),
	notCredited: profile({from: 'V25', number: n(14), submittedAt: '2026-04-10T12:30:00Z'}),
	tomorrow: profile({from: 'V41', number: n(15), submittedAt: '2026-08-06T00:00:00Z'}),
};

beforeAll(async () => {
	t = await seededStore('caips-pool-');
	alice = await t.as('alice');
	await insertProfiles(t.store, Object.values(P));
	// A case being worked on is not in the pool, whatever its score.
	await insertProfiles(t.store, [profile({from: 'V18', number: n(16), submittedAt: '2026-01-01T00:00:00Z', changes: {receivedAt: '2026-07-01T00:00:00Z'}})], {status: 'in_review'});
	// The officer found that the only work period of this profile does not count.
	await t.store.db.updateTable('work_periods').set({finding: 'not_credited', finding_reason: 'duties not shown'}).where('application_number', '=', P.notCredited.applicationNumber).execute();
	await addOfficer(t.store, 'nobody', []);
});
afterAll(async () => {
	await t.close();
});

const numbers = async (options: PoolOptions) => (await rankPool(t.store.db, options)).entries.map((e) => e.applicationNumber);
const crsOn = (app: Application, date: string) => assess(app, date).crs.total;

describe('rankPool: who is in the pool on a date, in what order', () => {
	it('ranks by CRS on the date, then submission instant, then application number; entries carry programs (PNP for nominees) and categories', async () => {
		const ranking = await rankPool(t.store.db, {asOf: D});
		expect(ranking.entries.map((e) => e.applicationNumber)).toEqual([
			P.nominee, P.nomineeCec, P.lastDay, P.cecFsw, P.french, P.tieEarly, P.tieLate, P.tieSameInstant, P.stem, P.trades,
		].map((a) => a.applicationNumber));
		expect(ranking.entries.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		for (const entry of ranking.entries) {
			const app = Object.values(P).find((a) => a.applicationNumber === entry.applicationNumber)!;
			expect(entry.crs).toBe(crsOn(app, D));
		}
		expect(ranking.entries[0]).toEqual({rank: 1, applicationNumber: n(1), crs: 1200, profileSubmittedAt: '2026-02-01T08:00:00.000Z', programs: ['CEC', 'FSW', 'PNP'], categories: ['french']});
		expect(ranking.entries[1]!.programs).toEqual(['CEC', 'PNP']);
		expect(ranking.entries.find((e) => e.applicationNumber === P.stem.applicationNumber)).toMatchObject({programs: ['CEC'], categories: ['stem']});
		expect(ranking.entries.find((e) => e.applicationNumber === P.trades.applicationNumber)).toMatchObject({programs: ['FST'], categories: ['trades']});
		// Equal CRS: the earlier submission first; the same instant written with an offset ties and falls to the number.
		expect(ranking.entries.slice(5, 8).map((e) => e.profileSubmittedAt)).toEqual(['2026-03-01T00:00:00.000Z', '2026-06-02T13:45:10.000Z', '2026-06-02T13:45:10.000Z']);
	});

	it('leaves out: profiles 12 months old (the anniversary of submission), submitted after the date, ineligible ones (Quebec, no program), findings that remove eligibility, cases not in `pool`', async () => {
		const ranked = await numbers({asOf: D});
		for (const app of [P.expired, P.tomorrow, P.quebec, P.ineligible, P.notCredited]) expect(ranked).not.toContain(app.applicationNumber);
		expect(ranked).not.toContain(n(16));
		// The expired profile had the third-best score: it is missing for its age only.
		expect(crsOn(P.expired, D)).toBe(crsOn(P.lastDay, D));
		expect(crsOn(P.quebec, D)).toBeGreaterThan(500);
		// A day later: the last-day profile has expired and tomorrow's profile has entered.
		const next = await numbers({asOf: '2026-08-06'});
		expect(next).not.toContain(P.lastDay.applicationNumber);
		expect(next).toContain(P.tomorrow.applicationNumber);
	});

	it('with a limit (a round), the first N of the same ranking, ties at the cut-off included', async () => {
		const all = (await rankPool(t.store.db, {asOf: D})).entries;
		for (const limit of [0, 1, 6, 7, 8, 10, 50]) expect(await rankCandidates(t.store.db, {asOf: D, limit})).toEqual(all.slice(0, limit));
		const cec = (await rankPool(t.store.db, {asOf: D, program: 'CEC'})).entries;
		expect(await rankCandidates(t.store.db, {asOf: D, program: 'CEC', limit: 3})).toEqual(cec.slice(0, 3));
	});

	it('profile life: in the pool from its submission date until the day before the first anniversary (29 February → 1 March)', () => {
		expect(withinProfileLife('2025-08-06T00:00:00.000Z', '2026-08-05')).toBe(true);
		expect(withinProfileLife('2025-08-05T23:59:59.000Z', '2026-08-05')).toBe(false);
		expect(withinProfileLife('2026-08-05T23:59:59.000Z', '2026-08-05')).toBe(true);
		expect(withinProfileLife('2026-08-06T00:00:00.000Z', '2026-08-05')).toBe(false);
		expect(withinProfileLife('2024-02-29T12:00:00.000Z', '2025-02-28')).toBe(true);
		expect(withinProfileLife('2024-02-29T12:00:00.000Z', '2025-03-01')).toBe(false);
	});

	it('program filter: eligible for the program on the date (PNP: holds a nomination); ranks restart at 1', async () => {
		expect(await numbers({asOf: D, program: 'PNP'})).toEqual([P.nominee, P.nomineeCec].map((a) => a.applicationNumber));
		expect(await numbers({asOf: D, program: 'FST'})).toEqual([P.trades.applicationNumber]);
		expect(await numbers({asOf: D, program: 'CEC'})).toEqual([P.nominee, P.nomineeCec, P.lastDay, P.cecFsw, P.french, P.stem].map((a) => a.applicationNumber));
		const fsw = await rankPool(t.store.db, {asOf: D, program: 'FSW'});
		expect(fsw.entries.map((e) => e.rank)).toEqual(fsw.entries.map((_, i) => i + 1));
		expect(fsw.entries.every((e) => e.programs.includes('FSW'))).toBe(true);
	});

	it('category filter: meets the category on the date (and is in the pool: the ineligible French speaker in Quebec is not)', async () => {
		expect(await numbers({asOf: D, category: 'french'})).toEqual([P.nominee, P.lastDay, P.french].map((a) => a.applicationNumber));
		expect(await numbers({asOf: D, category: 'stem'})).toEqual([P.stem.applicationNumber]);
		expect(await numbers({asOf: D, category: 'trades'})).toEqual([P.trades.applicationNumber]);
		expect(await numbers({asOf: D, category: 'physicians'})).toEqual([]);
	});
});

describe('rankPool: profiles that cannot be in the pool on the date are not read', () => {
	it('a long-expired profile is skipped unread (its damaged JSON does not stop the ranking); a stored instant not in canonical form is still read and judged', async () => {
		const own = await seededStore('caips-pool-life-');
		try {
			const old = profile({from: 'V01', number: 'E2000000001', submittedAt: '2024-03-01T00:00:00Z'});
			const edge = profile({from: 'V01', number: 'E2000000002', submittedAt: '2025-08-06T00:00:00Z'});
			const offset = profile({from: 'V01', number: 'E2000000003', submittedAt: '2025-08-06T00:30:00Z'});
			await insertProfiles(own.store, [old, edge, offset]);
			await own.store.db.updateTable('applications').set({data: '{"damaged'}).where('application_number', '=', old.applicationNumber).execute();
			// Stored with an offset (not canonical text): its UTC date is 2025-08-05, a year and a day before D.
			await own.store.db.updateTable('applications').set({profile_submitted_at: '2025-08-06T00:30:00+01:00'}).where('application_number', '=', offset.applicationNumber).execute();
			expect((await rankPool(own.store.db, {asOf: D})).entries.map((e) => e.applicationNumber)).toEqual([edge.applicationNumber]);
			// A day earlier both are in; the old profile is still not read.
			expect((await rankPool(own.store.db, {asOf: '2026-08-04'})).entries.map((e) => e.applicationNumber)).toEqual([offset.applicationNumber, edge.applicationNumber]);
			// A stored instant that is not one at all is read, and named.
			await own.store.db.updateTable('applications').set({profile_submitted_at: 'yesterday'}).where('application_number', '=', offset.applicationNumber).execute();
			await expect(rankPool(own.store.db, {asOf: D})).rejects.toThrow(/yesterday/);
		} finally {
			await own.close();
		}
	});
});

describe('rankPool: the officer, the audit, bad options', () => {
	it('with a session: any officer of the store may view it; the view is audited once with the date, filters and count', async () => {
		const before = await auditCount(t.store);
		const ranking = await rankPool(alice, {asOf: D, program: 'CEC'});
		expect(await auditCount(t.store)).toBe(before + 1);
		const event = await t.store.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
		expect(event).toMatchObject({action: 'pool', officer: 'alice', application_number: null});
		expect(JSON.parse(event.detail!)).toEqual({asOf: D, program: 'CEC', category: null, profiles: ranking.entries.length});
		// With a plain handle (callers that audit themselves), nothing is written.
		await rankPool(t.store.db, {asOf: D});
		expect(await auditCount(t.store)).toBe(before + 1);
	});

	it('an officer with no role is refused (77), and the refusal is audited', async () => {
		const nobody = await t.as('nobody');
		const error = await rankPool(nobody, {asOf: D}).catch((e: unknown) => e as {exitCode: number; message: string});
		expect(error).toMatchObject({exitCode: 77});
		const event = await t.store.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
		expect(event).toMatchObject({action: 'refused', officer: 'nobody'});
	});

	it('bad options: 65 with one line naming the value', async () => {
		const fail = (options: PoolOptions) => rankPool(alice, options).catch((e: unknown) => e as {exitCode: number; message: string});
		expect(await fail({asOf: '2026-02-30'})).toMatchObject({exitCode: 65, message: 'as-of date "2026-02-30" is not a calendar date YYYY-MM-DD'});
		expect(await fail({asOf: '2014-12-31'})).toMatchObject({exitCode: 65});
		expect(await fail({asOf: '2025-06-01', category: 'transport'})).toMatchObject({
			exitCode: 65,
			message: 'category transport is not in force on 2025-06-01 (in force 2023-05-31 to 2025-02-26, from 2026-02-18)',
		});
		expect(await fail({asOf: D, program: 'XYZ' as never})).toMatchObject({exitCode: 65, message: 'program "XYZ" is not one of CEC, FSW, FST, PNP'});
	});

	it('the ranking comes with its CRS distribution', async () => {
		const ranking = await rankPool(t.store.db, {asOf: D});
		expect(ranking.distribution.total).toBe(10);
		const band = (label: string) => ranking.distribution.bands.find((b) => b.label === label)!.count;
		expect(band('601-1200')).toBe(2);
		expect(band('501-600')).toBe(2);
		expect(band('421-430')).toBe(3);
		expect(band('0-300')).toBe(1);
	});
});

describe('distributionOf / distributionLines (pure)', () => {
	it("IRCC's rows in IRCC's order; sub-bands sum to their subtotal; the 15 partition rows sum to the total", () => {
		const scores = [1200, 601, 600, 501, 500, 491, 490, 451, 450, 441, 401, 400, 351, 350, 301, 300, 0, 455, 455];
		const d = distributionOf(scores);
		expect(d.bands.map((b) => b.label)).toEqual([
			'601-1200', '501-600', '451-500', '491-500', '481-490', '471-480', '461-470', '451-460', '401-450', '441-450', '431-440', '421-430', '411-420', '401-410', '351-400', '301-350', '0-300',
		]);
		const count = (label: string) => d.bands.find((b) => b.label === label)!.count;
		expect([count('601-1200'), count('501-600'), count('451-500'), count('491-500'), count('451-460'), count('401-450'), count('0-300')]).toEqual([2, 2, 6, 2, 3, 3, 2]);
		expect(count('451-500')).toBe(['491-500', '481-490', '471-480', '461-470', '451-460'].reduce((s, l) => s + count(l), 0));
		expect(d.bands.filter((b) => !b.subtotal).reduce((s, b) => s + b.count, 0)).toBe(d.total);
		expect(d.total).toBe(scores.length);
	});

	it('bars of # proportional to the counts, within the width, plain ASCII; empty bands have no bar; an empty pool draws no bar at all', () => {
		const d = distributionOf([...Array(40).fill(520), ...Array(10).fill(430), 700]);
		const lines = distributionLines(d, 60);
		expect(lines[0]).toBe('CRS score distribution (51 profiles)');
		for (const line of lines) {
			expect(line.length).toBeLessThanOrEqual(60);
			expect(line).toMatch(/^[\x20-\x7e]*$/);
		}
		const bar = (label: string) => (lines.find((l) => l.trimStart().startsWith(`${label} `)) ?? '').replace(/[^#]/g, '').length;
		expect(bar('501-600')).toBeGreaterThan(bar('401-450'));
		expect(bar('401-450')).toBe(bar('421-430'));
		expect(bar('601-1200')).toBe(1);
		expect(bar('0-300')).toBe(0);
		expect(lines.at(-1)).toMatch(/^total\s+51$/);
		expect(lines.find((l) => l.startsWith('  421-430'))).toBeDefined();
		expect(distributionLines(distributionOf([]), 80).join('\n')).not.toContain('#');
	});
});
