/**
 * One generated case, from its profile to its current state: the times of each step, the profile
 * steered to a CRS band and to what its story needs (eligible, or failing on purpose), and every
 * row and audit event up to its receipt (import, invitation, documents); the officers' part is
 * told by casework.ts.
 */
import type {ApplicationStatus, ProgramCode} from '../../../db/index.js';
import type {Application} from '../../rules/application.js';
import {eligiblePrograms} from '../../rules/assess.js';
import {fstTradeGroup, isSkilled} from '../../rules/noc.js';
import {assessCase, type CaseAssessment, type Finding} from '../assessment.js';
import {addDays, dateOf, dayOfDate, DAY_MS} from './clock.js';
import {tellWork} from './casework.js';
import type {PoolQuota} from './pool-quota.js';
import {programFor, storyFor, type Story} from './plan.js';
import {generateApplication, withApplicantAged, type ProfileSpec} from './profile.js';
import {Weighted, type Random} from './random.js';
import {CaseRecorder, type DemoLedger} from './recorder.js';
import {assessmentJson, caseRow, intakeDocuments, workRows} from './rows.js';
import type {Staff} from './staff.js';
import {steer} from './steer.js';
import {officeInstant, STEPS, WAIT} from './timeline.js';

/** What every case of one demo shares. */
export type DemoWorld = {
	random: Random;
	ledger: DemoLedger;
	staff: Staff;
	/** The demo's "now", epoch ms, and its UTC date. */
	now: number;
	today: string;
	/** Whether the one hostile note and the one corrupted document are still to be written. */
	pending: {hostileNote: boolean; corruptDocument: boolean};
};

/** What the builder asks for one case; pool profiles draw their band from the pool's quota. */
export type CaseOrder = {index: number; status: ApplicationStatus; pool?: PoolQuota};

type Band = {min: number; max: number; nomination: boolean};

const INVITED_BANDS = new Weighted<Band>([
	[{min: 601, max: 1200, nomination: true}, 18],
	[{min: 501, max: 600, nomination: false}, 37],
	[{min: 451, max: 500, nomination: false}, 30],
	[{min: 401, max: 450, nomination: false}, 15],
]);

const strengthFor = (min: number, max: number) => Math.max(0.1, Math.min(1, ((Math.max(min, 240) + Math.min(max, 650)) / 2 - 250) / 330));

/** Application number of the n-th generated case: `E001000000` upwards, with small gaps. */
export function applicationNumberOf(index: number, random: Random): string {
	return `E${String(1_000_000 + index * 7 + random.int(0, 6)).padStart(9, '0')}`;
}

/** A UCI unique among the generated cases: 10 digits for most, 8 for older clients. */
export function uciOf(index: number, random: Random): string {
	if (random.chance(0.3)) {
		const d = String((index * 48_271 + 52_190_437) % 100_000_000).padStart(8, '0');
		return `${d.slice(0, 4)}-${d.slice(4)}`;
	}
	const d = String((index * 7_919_876_543 + 3_817_452_069) % 10_000_000_000).padStart(10, '0');
	return `${d.slice(0, 2)}-${d.slice(2, 6)}-${d.slice(6)}`;
}

/** Findings a story makes on the applicant's work: the period(s) the officer does not credit. */
function findingsFor(story: Story, app: Application): Finding[] {
	if (story !== 'not-credited') return [];
	const work = app.applicant.workExperience;
	if (app.program === 'FST') {
		return work.flatMap((w, idx) => (fstTradeGroup(w.nocCode) ? [{person: 'applicant' as const, idx, finding: 'not_credited' as const}] : []));
	}
	let latest = -1;
	work.forEach((w, idx) => {
		if (w.country === 'CAN' && isSkilled(w.nocCode) && !w.whileFullTimeStudent) latest = idx;
	});
	return latest < 0 ? [] : [{person: 'applicant', idx: latest, finding: 'not_credited'}];
}

/** Whether the profile fits its story (eligible, or failing the way the story says). */
function fits(story: Story, program: ProgramCode, assessment: CaseAssessment): boolean {
	const claimed = assessment.asClaimed.programs[program];
	const assessed = assessment.asAssessed.programs[program];
	const failing = (criteria: readonly {id: string; passed: boolean}[]) => criteria.filter((c) => !c.passed).map((c) => c.id);
	switch (story) {
		case 'not-credited':
			return claimed.eligible && !assessed.eligible;
		case 'low-funds':
			return failing(claimed.criteria).join() === 'fsw.settlement-funds';
		case 'override':
			return failing(assessed.criteria).join() === 'cec.canadian-experience';
		default:
			return assessed.eligible;
	}
}

/** Generates one case in `order.status` and records all it leaves behind in the world's ledger. */
export function tellCase(world: DemoWorld, order: CaseOrder): void {
	const {random, now, today, staff} = world;
	const {status} = order;
	const story = storyFor(status, random);
	let program = programFor(story, random);
	const number = applicationNumberOf(order.index, random);
	const uci = uciOf(order.index, random);
	const worked = !['pool', 'invited', 'received'].includes(status);
	const todayDay = dayOfDate(today);

	// When things happened.
	let bringForward: string | null = null;
	let lastDay = todayDay - random.int(3, status === 'in_review' ? 25 : 60);
	if (status === 'awaiting_info') {
		bringForward = addDays(today, random.weighted([[0, 15], [-random.int(1, 25), 25], [random.int(1, 28), 60]]));
		lastDay = dayOfDate(bringForward) - 30;
	}
	let receivedAt: number | undefined;
	let invitedAt: number | undefined;
	let profileAt: number;
	if (status === 'pool') {
		profileAt = now - random.int(1, 360 * 24 * 60) * 60_000;
	} else {
		if (status === 'invited') invitedAt = officeInstant(todayDay - random.int(1, 58), random);
		else {
			receivedAt = status === 'received' ? now - random.int(60, 75 * 24 * 60) * 60_000 : now - Math.max(4, todayDay - lastDay + random.int(8, 120)) * DAY_MS + random.int(-600, 600) * 60_000;
			if (worked) receivedAt = Math.min(receivedAt, (lastDay - STEPS[story] - (WAIT[story] ?? 0)) * DAY_MS - random.int(0, 600) * 60_000);
			invitedAt = officeInstant(Math.floor(receivedAt / DAY_MS) - random.int(5, 58), random);
		}
		profileAt = invitedAt - random.int(20, 300) * DAY_MS - random.int(0, 1440) * 60_000;
	}
	// The date the case is assessed on, as caseReferenceDate takes it: the e-APR's, else the ITA's, else today.
	const referenceDate = receivedAt !== undefined ? dateOf(receivedAt) : invitedAt !== undefined ? dateOf(invitedAt) : today;

	// The profile, steered to a band and to what the story needs.
	const aimed = order.pool?.target(random);
	const band: Band = aimed
		? {min: aimed.min, max: aimed.max, nomination: aimed.min > 600}
		: ['not-credited', 'low-funds', 'override'].includes(story)
			? {min: 401, max: 600, nomination: false}
			: random.draw(INVITED_BANDS);
	const spec = (strength: number): ProfileSpec => ({
		applicationNumber: number,
		uci,
		program,
		profileSubmittedAt: profileAt,
		...(invitedAt !== undefined ? {invitedAt} : {}),
		...(receivedAt !== undefined ? {receivedAt} : {}),
		referenceDate,
		strength,
		provincialNomination: band.nomination,
		shortCanadianWork: story === 'override',
		lowFunds: story === 'low-funds',
	});
	const start = strengthFor(band.min, band.max);
	const quota = order.pool;
	const steered = steer(random, {min: band.min, max: band.max, strength: start, ...(quota && !band.nomination ? {alsoFits: (crs: number) => crs <= 600 && quota.needs(crs)} : {})}, {
		generate: (strength) => generateApplication(random, spec(strength)),
		evaluate: (application) => {
			const findings = findingsFor(story, application);
			return {assessment: assessCase(application, findings, referenceDate), extra: findings};
		},
		accept: (assessment) => (status === 'pool' ? eligiblePrograms(assessment.asAssessed).length > 0 : fits(story, program, assessment)),
		older: (application, years) => withApplicantAged(application, years, referenceDate),
	});
	if (quota && aimed) quota.take(steered.assessment.asAssessed.crs.total, aimed);
	let application = steered.application;
	const {assessment, extra: findings} = steered;
	if (status === 'pool' && !assessment.asAssessed.programs[program].eligible) {
		const eligible = eligiblePrograms(assessment.asAssessed);
		if (eligible.length > 0) {
			program = eligible[0]!;
			application = {...application, program};
		}
	}

	// Import, invitation, receipt.
	const rec = new CaseRecorder(world.ledger, number, profileAt, 'pool');
	const work = workRows(world.ledger, number, application);
	world.ledger.event(profileAt, staff.admin, 'import', number, {source: 'demo', status: 'pool', documents: 0, notes: 0});
	if (invitedAt !== undefined) {
		rec.status = 'invited';
		rec.change(invitedAt, staff.admin, 'invite', {crs: assessment.asClaimed.crs.total, from: 'pool', to: 'invited'});
	}
	let office: string | null = null;
	if (receivedAt !== undefined) {
		office = staff.office(random);
		const corrupt = () => {
			if (!world.pending.corruptDocument) return false;
			world.pending.corruptDocument = false;
			return true;
		};
		const documents = intakeDocuments(rec, application, random, receivedAt, staff.admin, corrupt, story !== 'incomplete');
		rec.status = 'received';
		rec.change(receivedAt, staff.admin, 'receive', {from: 'invited', to: 'received', office, documentIds: documents});
	}

	const json = assessmentJson(assessment);
	if (worked) tellWork(world, rec, {status, application, assessment, json, findings, work, story, program, office: office!, receivedAt: receivedAt!, lastDay, bringForward});
	world.ledger.batch.applications.push(caseRow(rec, application, assessment, office, json));
}

