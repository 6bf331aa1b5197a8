/**
 * Properties of the engine over generated, valid applications (fast-check): section sums,
 * factor sums, caps (rules.md §5.1–5.6), monotonicity, determinism and purity.
 */
import fc from 'fast-check';
import {describe, expect, it, vi} from 'vitest';
import type {Application, EducationLevel, LanguageTest, Person, Spouse, WorkPeriod} from '../../source/rules/application.js';
import {assess, type Assessment} from '../../source/rules/assess.js';
import type {CrsSection} from '../../source/rules/crs.js';
import {dayNumber, fromDayNumber} from '../../source/rules/dates.js';

/** Override with PROPERTY_RUNS=5000 for a longer search. */
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 500);
// Each run assesses a few applications (well under 1 ms each); allow long searches to finish.
vi.setConfig({testTimeout: Math.max(10_000, NUM_RUNS * 10)});

const LEVELS: readonly EducationLevel[] = ['none', 'secondary', 'one-year', 'two-year', 'bachelor', 'two-or-more', 'master', 'doctoral'];
/** TEER 0–3 codes, trades among them (72106, 63200, 62200, 93100) and one excluded trade group (72600). */
const SKILLED_NOCS = ['00012', '10010', '21231', '21232', '22310', '33102', '63200', '72106', '62200', '93100', '72600'] as const;
const UNSKILLED_NOCS = ['44101', '45100', '75101', '65200'] as const;

const ASOF_MIN = dayNumber('2016-01-01');
const ASOF_MAX = dayNumber('2027-12-31');

// ---------------------------------------------------------------------------------------------
// Generators. Dates are generated as day offsets before asOf, then turned into `YYYY-MM-DD`.

type TestSpec =
	| {kind: 'CELPIP-G'; back: number; scores: [number, number, number, number]}
	| {kind: 'IELTS-GT'; back: number; scores: [number, number, number, number]}
	| {kind: 'TCF'; back: number; scores: [number, number, number, number]};

/** Mostly `likely`, sometimes anything in `full` (so that edge values still appear). */
const biased = (likely: [number, number], full: [number, number]) =>
	fc.oneof({weight: 4, arbitrary: fc.integer({min: likely[0], max: likely[1]})}, {weight: 1, arbitrary: fc.integer({min: full[0], max: full[1]})});

/** Test date: mostly valid on asOf, sometimes up to 20 days after asOf (not yet valid) or expired. */
const testBack = biased([0, 720], [-20, 800]);
const level = biased([4, 12], [0, 12]);
const celpipArb = fc.record({kind: fc.constant('CELPIP-G' as const), back: testBack, scores: fc.tuple(level, level, level, level)});
const band = biased([8, 18], [0, 18]).map((half) => half / 2);
const ieltsArb = fc.record({kind: fc.constant('IELTS-GT' as const), back: testBack, scores: fc.tuple(band, band, band, band)});
const tcfScale = biased([400, 699], [300, 699]);
const tcfWritten = biased([6, 20], [0, 20]);
const tcfArb = fc.record({kind: fc.constant('TCF' as const), back: testBack, scores: fc.tuple(tcfScale, tcfScale, tcfWritten, tcfWritten)});
const englishArb: fc.Arbitrary<TestSpec> = fc.oneof(celpipArb, ieltsArb);

function toTest(spec: TestSpec, asOfDay: number): LanguageTest {
	const [listening, reading, writing, speaking] = spec.scores;
	return {test: spec.kind, date: fromDayNumber(asOfDay - spec.back), listening, reading, writing, speaking};
}

type PeriodSpec = {
	nocCode: string;
	country: 'CAN' | 'IND' | 'PHL';
	startBack: number;
	length: number;
	ongoing: boolean;
	hoursPerWeek: number;
	selfEmployed: boolean | undefined;
	whileFullTimeStudent: boolean | undefined;
	authorized: boolean | undefined;
};

const periodArb = (nocs: readonly string[]): fc.Arbitrary<PeriodSpec> =>
	fc.record({
		nocCode: fc.constantFrom(...nocs),
		country: fc.constantFrom('CAN' as const, 'CAN' as const, 'IND' as const, 'PHL' as const),
		startBack: biased([30, 2200], [1, 4500]),
		length: biased([180, 2000], [0, 2500]),
		ongoing: fc.boolean(),
		hoursPerWeek: biased([20, 45], [1, 60]),
		// Mostly the favourable value (absent or explicit), sometimes an excluding flag.
		selfEmployed: fc.constantFrom(undefined, undefined, false, false, true),
		whileFullTimeStudent: fc.constantFrom(undefined, undefined, false, false, true),
		authorized: fc.constantFrom(undefined, true, true, true, false),
	});
const anyPeriodArb = periodArb([...SKILLED_NOCS, ...UNSKILLED_NOCS]);

/** A period with valid dates: it starts before asOf and, unless ongoing, ends before asOf. */
function toPeriod(spec: PeriodSpec, asOfDay: number): WorkPeriod {
	const start = asOfDay - spec.startBack;
	const end = Math.min(start + spec.length, asOfDay - 1);
	const period: WorkPeriod = {nocCode: spec.nocCode, country: spec.country, start: fromDayNumber(start), hoursPerWeek: spec.hoursPerWeek};
	if (!spec.ongoing) period.end = fromDayNumber(end);
	if (spec.selfEmployed !== undefined) period.selfEmployed = spec.selfEmployed;
	if (spec.whileFullTimeStudent !== undefined) period.whileFullTimeStudent = spec.whileFullTimeStudent;
	if (spec.authorized !== undefined) period.authorized = spec.authorized;
	return period;
}

const educationArb = fc.record({
	level: fc.constantFrom(...LEVELS),
	eca: fc.constantFrom(true, true, true, false),
	canadian: fc.option(fc.record({level: fc.constantFrom(...LEVELS), years: fc.integer({min: 1, max: 5})}), {nil: undefined}),
});

const personArb = fc.record({
	ageDays: biased([18 * 365, 48 * 365], [15 * 365, 62 * 365]),
	education: educationArb,
	english: fc.option(englishArb, {nil: undefined, freq: 6}),
	french: fc.option(tcfArb, {nil: undefined, freq: 3}),
	declared: fc.constantFrom('en' as const, 'fr' as const),
	periods: fc.array(anyPeriodArb, {maxLength: 4}),
	periods2: fc.array(periodArb(SKILLED_NOCS), {maxLength: 2}),
	coq: fc.boolean(),
});
type PersonSpec = typeof personArb extends fc.Arbitrary<infer T> ? T : never;

function toPerson(spec: PersonSpec, asOfDay: number, maritalStatus: Person['maritalStatus']): Person {
	const tests: LanguageTest[] = [];
	if (spec.english) tests.push(toTest(spec.english, asOfDay));
	if (spec.french) tests.push(toTest(spec.french, asOfDay));
	const person: Person = {
		familyName: 'Generated',
		givenNames: 'Person',
		dateOfBirth: fromDayNumber(asOfDay - spec.ageDays),
		countryOfCitizenship: 'IND',
		maritalStatus,
		education: {level: spec.education.level},
		languageTests: tests,
		workExperience: [...spec.periods, ...spec.periods2].map((period) => toPeriod(period, asOfDay)),
		certificateOfQualification: spec.coq,
	};
	if (spec.education.eca) person.education.ecaReference = 'ECA-GEN';
	if (spec.education.canadian) person.education.canadianCredential = {...spec.education.canadian};
	// At most one test per language, and with a test in each language the first official language
	// is declared. decisions.md §3 picks by CLB total (undeclared first language; several tests in
	// one language), and that choice is not monotone: raising a score can make a result with a
	// higher total but a worse spread count, and lower the CRS (reported, not a defect of the code).
	if (spec.english && spec.french) person.firstOfficialLanguage = spec.declared;
	return person;
}

const applicationArb = fc
	.record({
		asOfDay: fc.integer({min: ASOF_MIN, max: ASOF_MAX}),
		applicant: personArb,
		maritalStatus: fc.constantFrom<Person['maritalStatus']>('single', 'married', 'common-law', 'separated', 'divorced', 'widowed', 'annulled', 'married'),
		spouse: fc.option(fc.record({person: personArb, accompanying: fc.boolean(), citizen: fc.boolean()}), {nil: undefined, freq: 2}),
		children: fc.integer({min: 0, max: 4}),
		pnp: fc.boolean(),
		sibling: fc.boolean(),
		relative: fc.boolean(),
		offer: fc.option(fc.record({nocCode: fc.constantFrom(...SKILLED_NOCS, ...UNSKILLED_NOCS), lmia: fc.boolean()}), {nil: undefined}),
		funds: fc.option(biased([15000, 60000], [0, 60000]), {nil: undefined, freq: 8}),
		province: fc.constantFrom('ON', 'BC', 'AB', 'NS', 'MB', 'SK', 'NL', 'QC'),
		itaBack: fc.option(fc.integer({min: -10, max: 120}), {nil: undefined}),
	})
	.map((spec) => {
		const asOf = fromDayNumber(spec.asOfDay);
		const app: Application = {
			applicationNumber: 'E000000000',
			uci: '1234-5678',
			program: 'FSW',
			profileSubmittedAt: `${fromDayNumber(spec.asOfDay - 200)}T10:00:00Z`,
			intendedProvince: spec.province,
			applicant: toPerson(spec.applicant, spec.asOfDay, spec.maritalStatus),
			spouse: spec.spouse
				? {
						...toPerson(spec.spouse.person, spec.asOfDay, spec.maritalStatus),
						accompanying: spec.spouse.accompanying,
						canadianCitizenOrPR: spec.spouse.citizen,
					}
				: null,
			dependentChildren: spec.children,
			siblingInCanada: spec.sibling,
			relativeInCanada: spec.relative,
			provincialNomination: spec.pnp,
			jobOffer: spec.offer ?? null,
		};
		if (spec.funds !== undefined) app.fundsCad = spec.funds;
		if (spec.itaBack !== undefined) app.invitedAt = `${fromDayNumber(spec.asOfDay - spec.itaBack)}T12:00:00Z`;
		return {asOf, app};
	});

// ---------------------------------------------------------------------------------------------
// Helpers.

const clone = <T>(value: T): T => structuredClone(value);

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
	}
	return value;
}

function withSpouseColumns(app: Application): boolean {
	const status = app.applicant.maritalStatus;
	return (status === 'married' || status === 'common-law') && !!app.spouse && app.spouse.accompanying && !app.spouse.canadianCitizenOrPR;
}

const PROGRAMS = ['CEC', 'FSW', 'FST'] as const;

/** `after` is at least as good as `before`: CRS total, FSW points, each program's eligibility. */
function expectNotWorse(before: Assessment, after: Assessment) {
	expect(after.crs.total).toBeGreaterThanOrEqual(before.crs.total);
	if (before.programs.FSW.points !== null) {
		expect(after.programs.FSW.points).not.toBeNull();
		expect(after.programs.FSW.points!).toBeGreaterThanOrEqual(before.programs.FSW.points);
	}
	for (const program of PROGRAMS) {
		if (before.programs[program].eligible) expect([program, after.programs[program].eligible]).toEqual([program, true]);
	}
}

/** Everything that decides a case: CRS sections, FSW points, and each criterion's verdict. */
function outcome(result: Assessment, ignore: (criterionId: string) => boolean = () => false) {
	const {factors: _factors, ...crs} = result.crs;
	const criteria = PROGRAMS.flatMap((program) => result.programs[program].criteria)
		.filter((entry) => !ignore(entry.id))
		.map((entry) => [entry.id, entry.passed]);
	return {crs, FSW: result.programs.FSW.points, criteria};
}

/** Raises one raw score of a test by `steps` (CELPIP +1, IELTS +0.5, TCF scale +25, TCF W/S +1), within the scale. */
function raise(test: LanguageTest, ability: 'listening' | 'reading' | 'writing' | 'speaking', steps: number): void {
	const current = test[ability];
	switch (test.test) {
		case 'CELPIP-G':
			test[ability] = Math.min(12, current + steps);
			break;
		case 'IELTS-GT':
			test[ability] = Math.min(9, current + steps / 2);
			break;
		case 'TCF':
			test[ability] = ability === 'writing' || ability === 'speaking' ? Math.min(20, current + steps) : Math.min(699, current + 25 * steps);
			break;
		default:
			throw new Error(`generator does not produce ${test.test}`);
	}
}

// ---------------------------------------------------------------------------------------------

describe('CRS arithmetic (rules.md §5.6)', () => {
	it('(a) total = core + spouse + transferability + additional', () => {
		fc.assert(
			fc.property(applicationArb, ({asOf, app}) => {
				const {crs} = assess(app, asOf);
				expect(crs.total).toBe(crs.core + crs.spouse + crs.transferability + crs.additional);
			}),
			{numRuns: NUM_RUNS},
		);
	});

	it('(b) each section equals the sum of its factors (caps listed as negative factors)', () => {
		fc.assert(
			fc.property(applicationArb, ({asOf, app}) => {
				const {crs} = assess(app, asOf);
				for (const section of ['core', 'spouse', 'transferability', 'additional'] as CrsSection[]) {
					const sum = crs.factors.filter((entry) => entry.section === section).reduce((total, entry) => total + entry.points, 0);
					expect([section, sum]).toEqual([section, crs[section]]);
				}
			}),
			{numRuns: NUM_RUNS},
		);
	});

	it('(c) no cap is exceeded and no score is negative', () => {
		fc.assert(
			fc.property(applicationArb, ({asOf, app}) => {
				const result = assess(app, asOf);
				const {crs} = result;
				const withSpouse = withSpouseColumns(app);
				for (const value of [crs.core, crs.spouse, crs.transferability, crs.additional, crs.total]) expect(value).toBeGreaterThanOrEqual(0);
				expect(crs.core).toBeLessThanOrEqual(withSpouse ? 460 : 500);
				expect(crs.core + crs.spouse).toBeLessThanOrEqual(500);
				expect(crs.spouse).toBeLessThanOrEqual(40);
				if (!withSpouse) expect(crs.spouse).toBe(0);
				expect(crs.transferability).toBeLessThanOrEqual(100);
				expect(crs.additional).toBeLessThanOrEqual(600);
				expect(crs.total).toBeLessThanOrEqual(1200);
				// Each transferability group is at most 50 (rules.md §5.4).
				for (const group of ['education', 'foreign-work', 'certificate-of-qualification']) {
					const points = crs.factors
						.filter((entry) => entry.section === 'transferability' && entry.factor.startsWith(group))
						.reduce((total, entry) => total + entry.points, 0);
					expect(points).toBeLessThanOrEqual(50);
				}
				// The FSW grid is out of 100.
				const fsw = result.programs.FSW.points;
				if (fsw !== null) {
					expect(fsw).toBeGreaterThanOrEqual(0);
					expect(fsw).toBeLessThanOrEqual(100);
				}
			}),
			{numRuns: NUM_RUNS},
		);
	});

	it('the generator reaches both columns, every cap and every program (so (a)–(d) are exercised)', () => {
		const seen = {
			withSpouse: false,
			single: false,
			'additional-cap': false,
			'transferability-cap': false,
			'education-group-cap': false,
			'foreign-work-group-cap': false,
			fswGrid: false,
			CEC: false,
			FSW: false,
			FST: false,
		};
		fc.assert(
			fc.property(applicationArb, ({asOf, app}) => {
				const result = assess(app, asOf);
				if (withSpouseColumns(app)) seen.withSpouse = true;
				else seen.single = true;
				for (const entry of result.crs.factors) if (entry.factor in seen && entry.points < 0) seen[entry.factor as keyof typeof seen] = true;
				if (result.programs.FSW.points !== null) seen.fswGrid = true;
				for (const program of PROGRAMS) if (result.programs[program].eligible) seen[program] = true;
			}),
			{numRuns: 2000, seed: 20261129},
		);
		expect(Object.entries(seen).filter(([, reached]) => !reached)).toEqual([]);
	});
});

describe('(d) monotonicity', () => {
	it('raising one ability score of a test (applicant or spouse) never makes anything worse', () => {
		fc.assert(
			fc.property(
				applicationArb,
				fc.constantFrom('applicant' as const, 'spouse' as const),
				fc.nat(),
				fc.constantFrom('listening' as const, 'reading' as const, 'writing' as const, 'speaking' as const),
				fc.integer({min: 1, max: 4}),
				({asOf, app}, who, index, ability, steps) => {
					const target = who === 'applicant' ? app.applicant : app.spouse;
					fc.pre(!!target && target.languageTests.length > 0);
					const before = assess(app, asOf);
					const raised = clone(app);
					const person = who === 'applicant' ? raised.applicant : raised.spouse!;
					raise(person.languageTests[index % person.languageTests.length]!, ability, steps);
					expectNotWorse(before, assess(raised, asOf));
				},
			),
			{numRuns: NUM_RUNS},
		);
	});

	it('adding a skilled (TEER 0–3) work period never makes anything worse', () => {
		fc.assert(
			fc.property(applicationArb, periodArb(SKILLED_NOCS), fc.boolean(), ({asOf, app}, spec, toSpouse) => {
				const before = assess(app, asOf);
				const more = clone(app);
				const person = toSpouse && more.spouse ? more.spouse : more.applicant;
				person.workExperience.push(toPeriod(spec, dayNumber(asOf)));
				expectNotWorse(before, assess(more, asOf));
			}),
			{numRuns: NUM_RUNS},
		);
	});

	it('raising the education level (with an ECA, so it counts) never makes anything worse', () => {
		fc.assert(
			fc.property(applicationArb, fc.integer({min: 1, max: 7}), fc.boolean(), ({asOf, app}, up, toSpouse) => {
				const before = assess(app, asOf);
				const higher = clone(app);
				const person: Person | Spouse = toSpouse && higher.spouse ? higher.spouse : higher.applicant;
				// Start from the level that currently counts, so the ECA cannot make a lower declared level count.
				const current = LEVELS.indexOf(person.education.level);
				const counted = person.education.ecaReference || person.education.canadianCredential?.level === person.education.level
					? current
					: LEVELS.indexOf(person.education.canadianCredential?.level ?? 'none');
				person.education.level = LEVELS[Math.min(LEVELS.length - 1, Math.max(current, counted) + up)]!;
				person.education.ecaReference = 'ECA-RAISED';
				expectNotWorse(before, assess(higher, asOf));
			}),
			{numRuns: NUM_RUNS},
		);
	});

	it('adding a TEER 4/5 period changes nothing but (possibly) the funds exemption', () => {
		// An authorized Canadian job of any TEER shows a current work permit, which with a job offer
		// exempts from proof of funds (decisions.md §10); nothing else may move.
		const funds = (id: string) => id.endsWith('.settlement-funds');
		fc.assert(
			fc.property(applicationArb, periodArb(UNSKILLED_NOCS), ({asOf, app}, unskilled) => {
				const before = assess(app, asOf);
				const withUnskilled = clone(app);
				withUnskilled.applicant.workExperience.push(toPeriod(unskilled, dayNumber(asOf)));
				const after = assess(withUnskilled, asOf);
				expect(outcome(after, funds)).toEqual(outcome(before, funds));
				expectNotWorse(before, after);
			}),
			{numRuns: NUM_RUNS},
		);
	});

	it("adding a period marked 'not_credited' changes nothing (CRS, FSW points, every criterion)", () => {
		fc.assert(
			fc.property(applicationArb, anyPeriodArb, fc.boolean(), ({asOf, app}, rejected, toSpouse) => {
				const before = assess(app, asOf);
				const more = clone(app);
				const person = toSpouse && more.spouse ? more.spouse : more.applicant;
				person.workExperience.push({...toPeriod(rejected, dayNumber(asOf)), finding: 'not_credited'});
				const after = assess(more, asOf);
				expect(outcome(after)).toEqual(outcome(before));
				expect(after.programs.FST.eligible).toBe(before.programs.FST.eligible);
			}),
			{numRuns: NUM_RUNS},
		);
	});
});

describe('purity', () => {
	it('(e) the same input gives a deep-equal result, also for a structural copy', () => {
		fc.assert(
			fc.property(applicationArb, ({asOf, app}) => {
				const first = assess(app, asOf);
				expect(assess(app, asOf)).toEqual(first);
				expect(assess(clone(app), asOf)).toEqual(first);
			}),
			{numRuns: NUM_RUNS},
		);
	});

	it('(f) the engine does not mutate its input (deep-frozen input, unchanged afterwards)', () => {
		fc.assert(
			fc.property(applicationArb, ({asOf, app}) => {
				const snapshot = clone(app);
				deepFreeze(app);
				expect(() => assess(app, asOf)).not.toThrow();
				expect(app).toEqual(snapshot);
			}),
			{numRuns: NUM_RUNS},
		);
	});
});
