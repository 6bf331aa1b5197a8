/**
 * `caips ita expire` as an admin runs it (the built dist/cli.js on a real store; run `npm run build`
 * first): invitations from real rounds expire the day after their 60th day without an e-APR and
 * the cases are withdrawn; an answered invitation is left alone; text and --json; usage errors
 * (exit 2) before the store is touched; a non-admin is refused (77).
 */
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openStore} from '../../db/index.js';
import {localToday} from '../../source/commands/context.js';
import {addOfficer} from '../cases/seed-decisions.js';
import {insertProfiles, profile, storeDigest, type ProfileSpec} from '../cases/pool-fixtures.js';
import {seededStore} from '../cases/seeded-store.js';
import {runCli, type Run} from '../helpers/cli.js';

let dbPath: string;
let close: () => Promise<void>;
const as = (officer: string, ...args: string[]): Run => runCli(args, {env: {CAIPS_DB: dbPath, CAIPS_OFFICER: officer, TERM: 'dumb'}});
const n = (i: number) => `E31000000${String(i).padStart(2, '0')}`;

const SPECS: ProfileSpec[] = [
	{from: 'V22', number: n(1), submittedAt: '2026-02-01T08:00:00Z'},
	{from: 'V18', number: n(2), submittedAt: '2026-04-23T10:30:00Z'},
	{from: 'V16', number: n(3), submittedAt: '2026-06-18T17:00:00Z'},
	{from: 'V01', number: n(4), submittedAt: '2026-03-01T00:00:00Z'},
	{from: 'V01', number: n(5), submittedAt: '2026-05-01T00:00:00Z'},
];
/** Invited in the same round as the first, but its e-APR came in: never expired. */
const ANSWERED = profile({from: 'V01', number: n(9), submittedAt: '2026-03-01T00:00:00Z', changes: {invitedAt: '2026-08-05T14:00:00Z', receivedAt: '2026-09-20T10:00:00Z'}});

async function withStore<T>(fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
	const store = await openStore(dbPath);
	try {
		return await fn(store);
	} finally {
		await store.close();
	}
}

const statusOf = (numbers: string[]) =>
	withStore(async (store) => {
		const rows = await store.db.selectFrom('applications').select(['application_number', 'status']).where('application_number', 'in', numbers).orderBy('application_number').execute();
		return Object.fromEntries(rows.map((r) => [r.application_number, r.status]));
	});

let first: string[];
let second: string[];

beforeAll(async () => {
	const t = await seededStore('caips-ita-cli-');
	dbPath = join(t.dir, 'caips.db');
	await insertProfiles(t.store, SPECS.map(profile));
	await insertProfiles(t.store, [ANSWERED], {status: 'received'});
	await addOfficer(t.store, 'bob', ['officer']);
	await t.store.close();
	close = t.close;
	const round = (size: string, at: string) => {
		const run = as('alice', 'round', '--size', size, '--at', at, '--json');
		expect(run.stderr).toBe('');
		return (JSON.parse(run.stdout).invitees as Array<{applicationNumber: string}>).map((e) => e.applicationNumber).sort();
	};
	// ITA date 2026-08-05: valid through 2026-10-04. ITA date 2026-09-01: valid through 2026-10-31.
	first = round('3', '2026-08-05T14:00:00Z');
	second = round('1', '2026-09-01T14:00:00Z');
});
afterAll(async () => {
	await close();
});

describe('caips ita expire', () => {
	it('usage errors exit 2 with one line naming what is wrong, before the store is touched', async () => {
		const before = await withStore(storeDigest);
		const cases: Array<[string[], RegExp]> = [
			[['ita'], /^caips: missing the subcommand expire \(usage: caips ita expire \[--as-of DATE\] \[--dry-run\] \[--json\]\)$/],
			[['ita', 'renew'], /^caips: unknown subcommand "renew" \(usage: caips ita expire/],
			[['ita', 'expire', 'now'], /^caips: unexpected argument "now" \(usage: caips ita expire/],
			[['ita', 'expire', '--as-of', '2026-02-30'], /^caips: --as-of: "2026-02-30" is not a calendar date \(YYYY-MM-DD\)$/],
			[['ita', 'expire', '--as-of', ''], /^caips: --as-of: "" is not a calendar date/],
			[['ita', 'expire', '--as-of', '2999-01-01'], /^caips: --as-of: 2999-01-01 is after today \(\d{4}-\d\d-\d\d\); invitations expire only once their 60 days are over/],
			[['ita', 'expire', '--size', '3'], /^caips: ita: unknown option --size \(usage: caips ita expire/],
		];
		for (const [args, message] of cases) {
			const run = as('alice', ...args);
			expect(run.code, args.join(' ')).toBe(2);
			expect(run.stdout).toBe('');
			expect(run.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
			expect(run.stderr.trimEnd()).toMatch(message);
		}
		expect(await withStore(storeDigest)).toBe(before);
	});

	it('an officer who is not an admin is refused with exit 77, and nothing expires', async () => {
		const run = as('bob', 'ita', 'expire', '--as-of', '2026-11-15');
		expect(run).toMatchObject({code: 77, stdout: ''});
		expect(run.stderr).toBe('caips: expiring invitations needs the admin role; bob has officer\n');
		expect(Object.values(await statusOf([...first, ...second]))).toEqual(['invited', 'invited', 'invited', 'invited']);
	});

	it('on the 60th day nothing expires; the day after, each unanswered invitation of that round is withdrawn, one line each', async () => {
		expect(first).toHaveLength(3);
		expect(second).toHaveLength(1);
		const none = as('alice', 'ita', 'expire', '--as-of', '2026-10-04');
		expect(none).toEqual({code: 0, stdout: 'No invitation expired on 2026-10-04.\n', stderr: ''});

		// A dry run lists the very cases and changes nothing, not even the audit trail.
		const before = await withStore((store) => storeDigest(store));
		const preview = as('alice', 'ita', 'expire', '--as-of', '2026-10-05', '--dry-run');
		expect(preview.code, preview.stderr).toBe(0);
		expect(preview.stdout.trimEnd().split('\n')).toEqual([
			...first.map((number) => `${number}  ITA 2026-08-05  deadline 2026-10-04  would be withdrawn`),
			'3 invitations expired on 2026-10-05 (dry run: nothing changed; run without --dry-run to withdraw them)',
		]);
		expect(JSON.parse(as('alice', 'ita', 'expire', '--as-of', '2026-10-05', '--dry-run', '--json').stdout)).toEqual({asOf: '2026-10-05', expired: first, dryRun: true});
		expect(await withStore((store) => storeDigest(store))).toEqual(before);

		const run = as('alice', 'ita', 'expire', '--as-of', '2026-10-05');
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout.trimEnd().split('\n')).toEqual([...first.map((number) => `${number}  ITA 2026-08-05  deadline 2026-10-04  now withdrawn`), '3 invitations expired on 2026-10-05']);
		expect(await statusOf([...first, ...second, n(9)])).toEqual({
			...Object.fromEntries(first.map((number) => [number, 'withdrawn'])),
			[second[0]!]: 'invited',
			[n(9)]: 'received',
		});
	});

	it('--json: {asOf, expired}; run again, nothing more expires', async () => {
		const run = as('alice', 'ita', 'expire', '--as-of', '2026-11-01', '--json');
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout)).toEqual({asOf: '2026-11-01', expired: second});
		const again = as('alice', 'ita', 'expire', '--json');
		expect(JSON.parse(again.stdout)).toEqual({asOf: localToday(), expired: []});
		const text = as('alice', 'ita', 'expire');
		expect(text.stdout).toBe(`No invitation expired on ${localToday()}.\n`);
	});

	it('each expiry is audited on its case, and the trail stays whole', async () => {
		const events = await withStore((store) => store.db.selectFrom('audit_events').select(['action', 'application_number', 'officer']).where('action', '=', 'ita-expired').orderBy('seq').execute());
		expect(events).toEqual([...first, ...second].map((number) => ({action: 'ita-expired', application_number: number, officer: 'alice'})));
		expect(as('alice', 'audit', 'verify').code).toBe(0);
	});

	it('is listed in caips --help', () => {
		const help = runCli(['--help']);
		expect(help.stdout).toContain('  caips ita expire [--as-of DATE] [--dry-run] [--json]\n      withdraw (or --dry-run: list) the invitations left unanswered 60 days after the ITA\n');
	});
});
