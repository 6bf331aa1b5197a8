/**
 * The Express Entry pool at IRCC's scale: a temporary store of 250,000 pool profiles, then
 * - `rankPool` of the whole pool on one date (every profile's stored JSON read in keyset pages and
 *   assessed once), and with a program and a category filter;
 * - a real general round of 5,000 invitations (ranking included, all in one write transaction:
 *   5,000 cases moved to `invited` with their assessment re-cached, 5,000 invitations, 5,001 audit
 *   events);
 * each in a fresh process of its own (as `caips pool` and `caips round` run: the bench process has
 * just inserted 250,000 rows, and its heap keeps that history), with the elapsed seconds, the CPU
 * seconds (all threads) and that process's maxRSS. Targets: ≤ 5 s and ≤ 500 MB.
 *
 * The profiles are the 25 fixture applications varied cheaply (deterministic): names from many
 * countries and scripts, numbers and UCIs, submission instants spread over the 13 months before
 * the date (so some 7 % have expired), the date of birth moved back 0–7 years (age points), a
 * sibling in Canada for a third (+15) and a provincial nomination for 1 % (+600). About 8 in 10
 * are eligible for a program, as in the real pool. Rows carry the application JSON, the cached
 * columns of their template and their work periods, but no cached assessment JSON (it would add
 * ~9 kB a profile; a round writes it for its invitees). Secondary indexes are dropped while
 * inserting and rebuilt afterwards. The store lives in os.tmpdir() and is deleted afterwards.
 */
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, statSync} from 'node:fs';
import {loadavg, tmpdir} from 'node:os';
import {join} from 'node:path';
import {CompiledQuery, sql} from 'kysely';
import {encodeSet, nowInstant, openStore, type Store} from '../../db/index.js';
import {assessCase, cachedColumns} from '../../source/cases/assessment.js';
import {rankPool} from '../../source/cases/pool.js';
import {runRound} from '../../source/cases/rounds.js';
import {storedApplicationData} from '../../source/cases/import.js';
import {caseSearchKey} from '../../source/cases/search-key.js';
import {loadActor, type Session} from '../../source/cases/session.js';
import {parseApplicationFile} from '../../source/format/parse.js';
import type {Application} from '../../source/rules/application.js';

const PROFILES = 250_000;
const INVITATIONS = 5_000;
const DATE = '2026-08-05';
const ROUND_AT = '2026-08-05T14:00:00Z';
const DAY = 86_400_000;

const FAMILY = ['Côté', 'Tremblay', 'Lefrançois', 'Okonkwo', 'Adeyemi', 'Nguyễn', 'Trần', 'Singh', 'Kaur', 'Patel', 'Sharma', 'Wang', 'Zhang', 'Kim', 'García', 'Müller', 'Kowalski', 'Yılmaz', 'Haddad', 'Mensah', 'Santos', 'Ivanova', 'O’Brien', 'Da Silva', '王', 'محمد'];
const GIVEN = ['Marie-Ève', 'Jean', 'Hélène', 'Chiamaka', 'Minh', 'Thị Lan', 'Harpreet', 'Arjun', 'Priya', 'Wei', 'Ji-woo', 'María José', 'Lukas', 'Zoë', 'Mehmet', 'Nour', 'Kwame', 'João', 'Olga', 'Siobhán', 'Noémie', 'Fatima', '秀英'];

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function rng(seed: number): () => number {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Template = {application: Application; cached: ReturnType<typeof cachedColumns>};

export function templates(root: string): Template[] {
	const dir = join(root, 'test', 'fixtures', 'applications');
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()
		.flatMap((name) => parseApplicationFile(readFileSync(join(dir, name), 'utf8'), name))
		.map((app) => {
			const {receivedAt: _r, invitedAt: _i, documents: _d, notes: _n, ...profile} = app;
			return {application: profile, cached: cachedColumns(assessCase(profile, [], DATE))};
		});
}

const COLUMNS = [
	'application_number', 'uci', 'program', 'status', 'profile_submitted_at', 'crs_total', 'rules_version', 'eligible_programs',
	'search_key', 'family_name', 'given_names', 'data', 'created_at', 'updated_at',
] as const;
const PERIOD_COLUMNS = ['application_number', 'person', 'idx', 'employer', 'noc_code', 'country', 'start_on', 'end_on', 'hours_per_week'] as const;

const insertText = (table: string, columns: readonly string[], rows: number) =>
	`insert into ${table} (${columns.join(', ')}) values ${Array.from({length: rows}, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`;

/** Row values of profile `i`, and its work periods. */
function profileRow(i: number, tpls: Template[]): {row: unknown[]; periods: unknown[][]} {
	const r = rng(i * 7919 + 17);
	const tpl = tpls[i % tpls.length]!;
	const base = tpl.application;
	const number = `E5${String(i).padStart(8, '0')}`;
	const uci = String(10_000_000 + ((i * 2_654_435_761) % 89_999_999)).replace(/^(\d{4})(\d{4})$/, '$1-$2');
	const familyName = FAMILY[Math.floor(r() * FAMILY.length)]!;
	const givenNames = GIVEN[Math.floor(r() * GIVEN.length)]!;
	const submittedAt = new Date(Date.parse(`${DATE}T14:00:00.000Z`) - Math.floor(r() * 395 * DAY)).toISOString();
	const dob = `${Number(base.applicant.dateOfBirth.slice(0, 4)) - Math.floor(r() * 8)}${base.applicant.dateOfBirth.slice(4)}`;
	const application: Application = {
		...base,
		applicationNumber: number,
		uci,
		profileSubmittedAt: submittedAt,
		siblingInCanada: r() < 0.33 ? true : base.siblingInCanada,
		provincialNomination: r() < 0.01 ? true : base.provincialNomination,
		applicant: {...base.applicant, familyName, givenNames, dateOfBirth: dob},
	};
	const data = storedApplicationData(application);
	const c = tpl.cached;
	const row = [number, uci, base.program, 'pool', submittedAt, c.crs_total, c.rules_version, c.eligible_programs, caseSearchKey(familyName, givenNames, uci, number), familyName, givenNames, data, '2026-08-01T00:00:00.000Z', '2026-08-01T00:00:00.000Z'];
	const periods = [
		...base.applicant.workExperience.map((w, idx) => [number, 'applicant', idx, w.employer ?? null, w.nocCode, w.country, w.start, w.end ?? null, w.hoursPerWeek]),
		...(base.spouse?.workExperience ?? []).map((w, idx) => [number, 'spouse', idx, w.employer ?? null, w.nocCode, w.country, w.start, w.end ?? null, w.hoursPerWeek]),
	];
	return {row, periods};
}

/** Inserts the profiles 500 a statement, 50,000 a transaction, secondary indexes dropped meanwhile. */
export async function buildPool(store: Store, tpls: Template[]): Promise<void> {
	const indexes = await sql<{name: string; sql: string}>`select name, sql from sqlite_master where type = 'index' and tbl_name in ('applications', 'work_periods') and sql is not null`.execute(store.db);
	await store.transaction(async (trx) => {
		for (const index of indexes.rows) await sql`drop index ${sql.id(index.name)}`.execute(trx);
	});
	await sql`pragma journal_mode = off`.execute(store.db);
	await sql`pragma synchronous = off`.execute(store.db);
	try {
		const perStatement = 500;
		for (let start = 0; start < PROFILES; start += 50_000) {
			await store.transaction(async (trx) => {
				for (let i = start; i < Math.min(PROFILES, start + 50_000); i += perStatement) {
					const rows: unknown[] = [];
					const periods: unknown[][] = [];
					const end = Math.min(PROFILES, i + perStatement);
					for (let j = i; j < end; j++) {
						const p = profileRow(j, tpls);
						rows.push(...p.row);
						periods.push(...p.periods);
					}
					await trx.executeQuery(CompiledQuery.raw(insertText('applications', COLUMNS, end - i), rows));
					for (let k = 0; k < periods.length; k += 1000) {
						const chunk = periods.slice(k, k + 1000);
						await trx.executeQuery(CompiledQuery.raw(insertText('work_periods', PERIOD_COLUMNS, chunk.length), chunk.flat()));
					}
				}
			});
		}
		await store.transaction(async (trx) => {
			for (const index of indexes.rows) await sql.raw(index.sql).execute(trx);
		});
		await sql`analyze`.execute(store.db);
	} finally {
		await sql`pragma journal_mode = wal`.execute(store.db);
		await sql`pragma synchronous = full`.execute(store.db);
	}
}

/**
 * Runs `fn`, sampling the resident set size every 20 ms; returns its result, the elapsed seconds,
 * the CPU seconds of the process meanwhile (user + system: on a shared machine the less noisy
 * figure), and the peak RSS in MB.
 */
async function measured<T>(fn: () => Promise<T>): Promise<{value: T; seconds: number; cpuSeconds: number; peakMb: number}> {
	let peak = process.memoryUsage().rss;
	const timer = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 20);
	const cpu0 = process.cpuUsage();
	const t0 = performance.now();
	try {
		const value = await fn();
		const cpu = process.cpuUsage(cpu0);
		peak = Math.max(peak, process.memoryUsage().rss);
		return {value, seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakMb: Math.round(peak / 1048576)};
	} finally {
		clearInterval(timer);
	}
}

const s = (seconds: number) => Number(seconds.toFixed(2));

/** A step measured in a process of its own: see {@link runPoolStep}. */
type StepFigures = {seconds: number; cpuSeconds: number; peakMb: number; maxRssMb: number; profiles: number; cutoff: number | null};

const STEPS = ['whole', 'cec', 'french', 'round'] as const;

/**
 * Runs one step of the pool bench on the store at `path` in this process and returns its figures:
 * what an officer's `caips pool` or `caips round` process uses, not a process that has just
 * inserted 250,000 rows (its heap and allocator keep that history). `npm run bench` runs each step
 * as `node dist/bench.js --pool-step STEP PATH` and reads the JSON it prints.
 */
export async function runPoolStep(step: string, path: string): Promise<StepFigures> {
	if (!(STEPS as readonly string[]).includes(step)) throw new Error(`no pool step ${JSON.stringify(step)} (steps: ${STEPS.join(', ')})`);
	const store = await openStore(path);
	try {
		const session: Session = {store, actor: await loadActor(store, 'bench-admin'), now: () => nowInstant()};
		const run = async () => {
			if (step === 'round') {
				const result = await runRound(session, {at: ROUND_AT, size: INVITATIONS});
				return {profiles: result.invitees.length, cutoff: result.round.cutoff};
			}
			const options = step === 'cec' ? {asOf: DATE, program: 'CEC' as const} : step === 'french' ? {asOf: DATE, category: 'french' as const} : {asOf: DATE};
			return {profiles: (await rankPool(session, options)).entries.length, cutoff: null};
		};
		const {value, seconds, cpuSeconds, peakMb} = await measured(run);
		return {seconds, cpuSeconds, peakMb, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), ...value};
	} finally {
		await store.close();
	}
}

/** Runs `step` in a fresh Node process (this bench's own script) and returns its figures. */
function stepInProcess(step: (typeof STEPS)[number], path: string): StepFigures {
	const run = spawnSync(process.execPath, [process.argv[1]!, '--pool-step', step, path], {encoding: 'utf8', maxBuffer: 1 << 20});
	if (run.status !== 0) throw new Error(`pool step ${step} failed (exit ${run.status}): ${run.stderr.trim().split('\n')[0]}`);
	return JSON.parse(run.stdout) as StepFigures;
}

/** Builds the 250,000-profile pool and times ranking and a 5,000-invitation round; see the module comment. */
export async function benchPool(root: string): Promise<Record<string, number | string>> {
	const dir = mkdtempSync(join(tmpdir(), 'caips-bench-pool-'));
	const path = join(dir, 'caips.db');
	const store = await openStore(path);
	let built: {seconds: number} | null = null;
	let plan: string;
	try {
		await store.transaction((trx) =>
			trx.insertInto('officers').values({user_name: 'bench-admin', display_name: 'Bench Admin', roles: encodeSet(['admin', 'officer']), office: null, created_at: nowInstant()}).execute(),
		);
		built = await measured(() => buildPool(store, templates(root)));
		const rows = await sql<{detail: string}>`explain query plan select application_number, profile_submitted_at, data from applications where status = 'pool' and received_at is null and application_number > 'E5' and ((profile_submitted_at >= '2025-08-03' and profile_submitted_at < '2026-08-07') or profile_submitted_at not glob '[0-9]*Z') order by application_number limit 500`.execute(store.db);
		plan = rows.rows.map((r) => r.detail).join('; ');
	} catch (error) {
		await store.close();
		rmSync(dir, {recursive: true, force: true});
		throw error;
	}
	await store.close();
	try {
		const whole = stepInProcess('whole', path);
		const cec = stepInProcess('cec', path);
		const french = stepInProcess('french', path);
		const round = stepInProcess('round', path);
		const sizeMb = statSync(path).size / 1048576;
		return {
			[`store of ${PROFILES.toLocaleString('en-CA')} pool profiles built (s)`]: s(built.seconds),
			'store size (MB)': Math.round(sizeMb),
			'load average (1 min) during the bench': Number(loadavg()[0]!.toFixed(2)),
			'ranking page query plan': plan,
			'each step below': 'in a fresh process of its own, as `caips pool` / `caips round` would run',
			[`rankPool, whole pool (s; ${whole.profiles.toLocaleString('en-CA')} profiles in the pool of ${PROFILES.toLocaleString('en-CA')})`]: s(whole.seconds),
			'rankPool, whole pool: CPU (s)': s(whole.cpuSeconds),
			'rankPool, whole pool: process maxRSS (MB)': whole.maxRssMb,
			[`rankPool --program CEC (s; ${cec.profiles.toLocaleString('en-CA')} profiles)`]: s(cec.seconds),
			[`rankPool --category french (s; ${french.profiles.toLocaleString('en-CA')} profiles)`]: s(french.seconds),
			[`round of ${INVITATIONS.toLocaleString('en-CA')} invitations, ranking included, one transaction (s; cut-off ${round.cutoff})`]: s(round.seconds),
			'round: CPU (s)': s(round.cpuSeconds),
			'round: process maxRSS (MB)': round.maxRssMb,
			'targets': 'ranking and round ≤ 5 s, ≤ 500 MB',
		};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}
