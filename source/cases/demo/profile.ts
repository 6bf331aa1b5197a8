/**
 * One invented Express Entry application: a person with a plausible age, education (with an ECA
 * reference for foreign credentials), language tests, work history in real NOC 2021 unit groups,
 * sometimes a spouse, children, a sibling in Canada, a provincial nomination or a job offer.
 * A `strength` between 0 and 1 moves the human-capital factors up or down, so that the builder
 * can steer the CRS score towards a band; the program decides where the work was done.
 */
import type {Application, Education, EducationLevel, LanguageTest, LanguageTestName, MaritalStatus, Person, Program, Spouse, WorkPeriod} from '../../rules/application.js';
import {fundsRequired} from '../../rules/versions.js';
import {addDays, dateOf, dayStart, fileInstant} from './clock.js';
import {languageTest} from './language.js';
import {ORIGINS, type NameStyle, type Origin} from './names.js';
import {canadianEmployer, foreignEmployer, SKILLED, TRADES, UNSKILLED, type Occupation} from './occupations.js';
import {Weighted, type Random} from './random.js';

/** What the builder fixes before the profile is made. */
export type ProfileSpec = {
	applicationNumber: string;
	uci: string;
	program: Program;
	/** Epoch ms. */
	profileSubmittedAt: number;
	invitedAt?: number;
	receivedAt?: number;
	/** Date the case is assessed on (`YYYY-MM-DD`): the e-APR's receipt, else today. */
	referenceDate: string;
	/** 0 (weak) to 1 (strong) human capital. */
	strength: number;
	provincialNomination: boolean;
	/** Canadian experience a little short of one year (a CEC case an officer may override or refuse). */
	shortCanadianWork?: boolean;
	/** Settlement funds below the table (an FSW/FST refusal). */
	lowFunds?: boolean;
};

const LEVELS: readonly EducationLevel[] = ['secondary', 'one-year', 'two-year', 'bachelor', 'two-or-more', 'master', 'doctoral'];
const PROVINCES = new Weighted<string>([
	['ON', 44], ['BC', 18], ['AB', 15], ['MB', 5], ['SK', 4], ['NS', 5], ['NB', 4], ['NL', 2], ['PE', 1], ['YT', 1], ['NT', 1],
]);
const ECA_BODIES = ['WES', 'ICAS', 'IQAS', 'CES', 'ICES'] as const;
const HOURS = new Weighted<number>([[40, 10], [37.5, 6], [35, 4], [45, 2], [30, 1]]);
const ORIGIN_TABLE = new Weighted(ORIGINS.map((o) => [o, o.weight] as const));
const STYLE_TABLES = new Map(ORIGINS.map((o) => [o, new Weighted(o.styles)]));
const OCCUPATION_TABLES = new Map<readonly Occupation[], Weighted<Occupation>>([SKILLED, TRADES, UNSKILLED].map((list) => [list, new Weighted(list.map((o) => [o, o.weight] as const))]));
const CANADIAN_CREDENTIALS = new Weighted<readonly [EducationLevel, number]>([[['one-year', 1], 2], [['two-year', 2], 4], [['bachelor', 4], 1], [['master', 2], 2]]);
const ENGLISH_IN_CANADA = new Weighted<LanguageTestName>([['CELPIP-G', 5], ['IELTS-GT', 4], ['PTE-Core', 2]]);
const ENGLISH_ABROAD = new Weighted<LanguageTestName>([['IELTS-GT', 6], ['CELPIP-G', 2], ['PTE-Core', 2]]);
const MARITAL = new Weighted<MaritalStatus>([['single', 52], ['married', 30], ['common-law', 10], ['divorced', 5], ['separated', 2], ['widowed', 1]]);
const CHILDREN = new Weighted<number>([[0, 50], [1, 25], [2, 20], [3, 5]]);

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));
const weightedOccupation = (random: Random, list: readonly Occupation[]) => random.draw(OCCUPATION_TABLES.get(list)!);

/** Years of age → a date of birth that gives that age on `onDate`. */
function birthDate(random: Random, onDate: string, age: number): string {
	const monthDay = onDate.slice(4) === '-02-29' ? '-02-28' : onDate.slice(4);
	return addDays(`${Number(onDate.slice(0, 4)) - age}${monthDay}`, -random.int(1, 360));
}

function ecaReference(random: Random): string {
	const body = random.pick(ECA_BODIES);
	const digits = (n: number) => String(random.int(0, 10 ** n - 1)).padStart(n, '0');
	return body === 'WES' ? `WES-${digits(4)}-${digits(4)}` : body === 'CES' ? `CES-${digits(2)}-${digits(5)}` : `${body}-${digits(7)}`;
}

function education(random: Random, strength: number, canadianChance: number): Education {
	let index = clamp(Math.round(random.normal(1 + 5 * strength, 1.1)), 0, 6);
	if (index === 6 && random.chance(0.6)) index = 5;
	const level = LEVELS[index]!;
	const result: Education = {level};
	if (index > 0 && random.chance(0.92)) result.ecaReference = ecaReference(random);
	if (random.chance(canadianChance)) {
		const [canadian, years] = random.draw(CANADIAN_CREDENTIALS);
		result.canadianCredential = {level: canadian, years};
		if (LEVELS.indexOf(canadian) > index) {
			result.level = canadian;
			delete result.ecaReference;
		}
	}
	return result;
}

function levels(random: Random, base: number): [number, number, number, number] {
	const one = () => clamp(Math.round(base + random.normal(0, 0.6)), 4, 10);
	return [one(), one(), one(), one()];
}

function englishTest(random: Random, inCanada: boolean): LanguageTestName {
	return random.draw(inCanada ? ENGLISH_IN_CANADA : ENGLISH_ABROAD);
}

/** Valid tests (taken before the profile), sometimes with an expired older one. */
function languageTests(random: Random, strength: number, french: boolean, inCanada: boolean, testBefore: string): LanguageTest[] {
	const base = 6.2 + 4 * strength + random.normal(0, 0.7);
	const date = () => addDays(testBefore, -random.int(10, 240));
	const tests: LanguageTest[] = [];
	if (french) {
		tests.push(languageTest(random.chance(0.6) ? 'TEF' : 'TCF', date(), levels(random, base), random));
		if (random.chance(0.65)) tests.push(languageTest(englishTest(random, inCanada), date(), levels(random, base - 1.8), random));
	} else {
		tests.push(languageTest(englishTest(random, inCanada), date(), levels(random, base), random));
		if (random.chance(0.03 + 0.3 * strength * strength)) tests.push(languageTest(random.chance(0.5) ? 'TEF' : 'TCF', date(), levels(random, 6 + 2.5 * strength), random));
	}
	if (random.chance(0.06)) {
		const old = addDays(testBefore, -random.int(800, 1200));
		tests.unshift(languageTest('IELTS-GT', old, levels(random, base - 1), random));
	}
	return tests;
}

type WorkPlan = {random: Random; origin: Origin; reference: string};

/** A job from `start` to `end` (inclusive); ongoing when it reaches the reference date. */
function job(plan: WorkPlan, occupation: Occupation, country: string, start: string, end: string, hoursPerWeek: number): WorkPeriod {
	const {random, origin, reference} = plan;
	const inCanada = country === 'CAN';
	const period: WorkPeriod = {
		employer: inCanada ? canadianEmployer(occupation.sector, (l) => random.pick(l)) : foreignEmployer(random.pick(origin.cities), occupation.sector, (l) => random.pick(l)),
		nocCode: occupation.noc,
		country,
		start,
		hoursPerWeek,
	};
	if (end < reference) period.end = end;
	if (inCanada) {
		period.selfEmployed = false;
		period.whileFullTimeStudent = false;
		period.authorized = true;
	}
	return period;
}

/** Work history ending near the reference date: Canadian and foreign years by program and strength. */
function workHistory(plan: WorkPlan, program: Program, strength: number, spec: ProfileSpec): {work: WorkPeriod[]; trade: Occupation | null} {
	const {random, reference} = plan;
	const trade = program === 'FST' ? weightedOccupation(random, TRADES) : null;
	const main = trade ?? weightedOccupation(random, SKILLED);
	const hours = () => random.draw(HOURS);
	let canadianYears: number;
	let foreignYears: number;
	if (program === 'CEC') {
		canadianYears = clamp(Math.round(random.normal(0.9 + 3.4 * strength, 0.9)), 1, 5);
		foreignYears = random.chance(0.35 + 0.4 * strength) ? clamp(Math.round(random.normal(1 + 2 * strength, 1)), 1, 4) : 0;
	} else if (program === 'FSW') {
		canadianYears = random.chance(0.1 + 0.2 * strength) ? random.int(1, 2) : 0;
		foreignYears = clamp(Math.round(random.normal(1.5 + 4 * strength, 1.5)), 1, 9);
	} else {
		canadianYears = random.chance(0.3) ? random.int(2, 4) : 0;
		foreignYears = canadianYears > 0 ? random.int(0, 3) : random.int(2, 7);
	}
	const work: WorkPeriod[] = [];
	// Walk back from the reference date: the latest job first.
	let cursor = addDays(reference, -(random.chance(0.6) ? 0 : random.int(20, 150)));
	const place = (occupation: Occupation, country: string, years: number) => {
		const days = spec.shortCanadianWork && country === 'CAN' ? random.int(300, 350) : Math.round(years * 365.25) + random.int(0, 120);
		const start = addDays(cursor, -days);
		work.unshift(job(plan, occupation, country, start, cursor, hours()));
		cursor = addDays(start, -random.int(1, 90));
	};
	if (canadianYears > 0) {
		const years = spec.shortCanadianWork ? 0.9 : canadianYears;
		if (years >= 3 && random.chance(0.4)) {
			place(main, 'CAN', years - 1.5);
			place(random.chance(0.7) ? main : weightedOccupation(random, trade ? TRADES : SKILLED), 'CAN', 1.5);
		} else place(main, 'CAN', years);
		if (program === 'CEC' && random.chance(0.3)) {
			// A student job during the Canadian program: does not count for CEC.
			const start = addDays(cursor, -random.int(300, 600));
			const student = job(plan, weightedOccupation(random, UNSKILLED), 'CAN', start, addDays(start, random.int(200, 280)), 20);
			student.whileFullTimeStudent = true;
			work.unshift(student);
			cursor = addDays(student.start, -random.int(30, 120));
		}
	}
	if (foreignYears > 0) {
		const country = plan.origin.country;
		if (foreignYears >= 4 && random.chance(0.5)) {
			const first = foreignYears / 2;
			place(main, country, first);
			place(main, country, foreignYears - first);
		} else place(main, country, foreignYears);
	}
	if (random.chance(0.1)) place(weightedOccupation(random, UNSKILLED), plan.origin.country, random.int(1, 2));
	return {work, trade};
}

function name(random: Random, style: NameStyle, female: boolean): {familyName: string; givenNames: string} {
	return {familyName: random.pick(style.family), givenNames: random.pick(female ? style.female : style.male)};
}

function personBase(random: Random, origin: Origin, style: NameStyle, female: boolean, age: number, reference: string, maritalStatus: MaritalStatus): Pick<Person, 'familyName' | 'givenNames' | 'dateOfBirth' | 'countryOfCitizenship' | 'maritalStatus'> {
	return {...name(random, style, female), dateOfBirth: birthDate(random, reference, age), countryOfCitizenship: origin.country, maritalStatus};
}

function spouseOf(random: Random, origin: Origin, style: NameStyle, female: boolean, applicantAge: number, spec: ProfileSpec, maritalStatus: MaritalStatus, testBefore: string): Spouse {
	const age = clamp(Math.round(applicantAge + random.normal(female ? -2 : 2, 3)), 20, 60);
	const strength = clamp(random.normal(0.45, 0.25), 0, 1);
	const inCanada = spec.program === 'CEC' && random.chance(0.5);
	const plan: WorkPlan = {random, origin, reference: spec.referenceDate};
	const work: WorkPeriod[] = [];
	if (inCanada && random.chance(0.45)) {
		const start = addDays(spec.referenceDate, -random.int(380, 900));
		work.push(job(plan, weightedOccupation(random, random.chance(0.6) ? SKILLED : UNSKILLED), 'CAN', start, addDays(start, random.int(370, 900)), random.draw(HOURS)));
	} else if (random.chance(0.5)) {
		const start = addDays(spec.referenceDate, -random.int(900, 2500));
		work.push(job(plan, weightedOccupation(random, SKILLED), origin.country, start, addDays(start, random.int(400, 800)), random.draw(HOURS)));
	}
	const canadianCitizenOrPR = random.chance(0.05);
	return {
		...personBase(random, origin, style, female, age, spec.referenceDate, maritalStatus),
		education: education(random, strength, inCanada ? 0.3 : 0.03),
		languageTests: random.chance(0.6) ? languageTests(random, strength, origin.french > 0 && random.chance(origin.french), inCanada, testBefore) : [],
		workExperience: work,
		certificateOfQualification: false,
		accompanying: canadianCitizenOrPR ? false : random.chance(0.92),
		canadianCitizenOrPR,
	};
}

/** A new application meeting `spec`, drawn from `random`. */
export function generateApplication(random: Random, spec: ProfileSpec): Application {
	const origin = random.draw(ORIGIN_TABLE);
	const style = random.draw(STYLE_TABLES.get(origin)!);
	const female = random.chance(0.47);
	const strength = clamp(spec.strength, 0, 1);
	const reference = spec.referenceDate;
	const ageOn = dateOf(Math.min(spec.invitedAt ?? Infinity, dayStart(reference)));
	const age = clamp(Math.round(random.normal(45 - 18 * strength, 3)), 19, 56);
	const maritalStatus = random.draw(MARITAL);
	const partnered = maritalStatus === 'married' || maritalStatus === 'common-law';
	const inCanada = spec.program === 'CEC' || random.chance(0.15);
	const french = random.chance(origin.french);
	const testBefore = dateOf(spec.profileSubmittedAt);
	const {work, trade} = workHistory({random, origin, reference}, spec.program, strength, spec);
	const applicant: Person = {
		...personBase(random, origin, style, female, age, ageOn, maritalStatus),
		education: education(random, strength, spec.program === 'CEC' ? 0.45 : 0.05),
		...(french && random.chance(0.2) ? {firstOfficialLanguage: 'fr' as const} : {}),
		languageTests: languageTests(random, strength, french, inCanada, testBefore),
		workExperience: work,
		certificateOfQualification: trade !== null && random.chance(0.45),
	};
	const spouse = partnered ? spouseOf(random, random.chance(0.85) ? origin : random.draw(ORIGIN_TABLE), style, !female, age, spec, maritalStatus, testBefore) : null;
	const dependentChildren = partnered ? random.draw(CHILDREN) : random.chance(0.04) ? 1 : 0;
	const siblingInCanada = random.chance(0.05 + 0.06 * strength);
	const current = work[work.length - 1];
	let jobOffer: Application['jobOffer'] = null;
	if (trade && !applicant.certificateOfQualification && random.chance(0.9)) {
		jobOffer = {nocCode: trade.noc, employer: canadianEmployer(trade.sector, (l) => random.pick(l)), lmia: true};
	} else if (current && spec.program !== 'FST' && random.chance(0.08)) {
		jobOffer = current.country === 'CAN' ? {nocCode: current.nocCode, employer: current.employer!, lmia: false} : {nocCode: current.nocCode, lmia: true};
	}
	const familySize = 1 + (partnered ? 1 : 0) + dependentChildren;
	const needed = fundsRequired(familySize, reference).cad;
	const factor = spec.lowFunds ? 0.55 + 0.3 * random.next() : 1.05 + 2 * random.next();
	const application: Application = {
		applicationNumber: spec.applicationNumber,
		uci: spec.uci,
		program: spec.program,
		profileSubmittedAt: fileInstant(spec.profileSubmittedAt),
		...(spec.receivedAt !== undefined ? {receivedAt: fileInstant(spec.receivedAt)} : {}),
		intendedProvince: random.draw(PROVINCES),
		applicant,
		spouse,
		...(spec.invitedAt !== undefined ? {invitedAt: fileInstant(spec.invitedAt)} : {}),
		dependentChildren,
		siblingInCanada,
		relativeInCanada: siblingInCanada || random.chance(0.08),
		provincialNomination: spec.provincialNomination,
		jobOffer,
	};
	if (spec.program !== 'CEC' || random.chance(0.5)) application.fundsCad = Math.round((needed * factor) / 100) * 100;
	return application;
}


/**
 * The application with the applicant `years` older (negative: younger); null when that would not
 * change the CRS age points (younger than 29, older than 46: the age grid is flat there).
 * Only the date of birth moves.
 */
export function withApplicantAged(application: Application, years: number, referenceDate: string): Application | null {
	const born = application.applicant.dateOfBirth;
	const shifted = `${Number(born.slice(0, 4)) - years}${born.slice(4) === '-02-29' ? '-02-28' : born.slice(4)}`;
	const age = Number(referenceDate.slice(0, 4)) - Number(shifted.slice(0, 4));
	if (age < 29 || age > 46) return null;
	return {...application, applicant: {...application.applicant, dateOfBirth: shifted}};
}
