/**
 * Shared builders for the rules tests: load a rule-book vector, clone it, and small factories
 * for language tests and work periods. Not a test file itself.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Application, LanguageTest, Person, Spouse, WorkPeriod} from '../../source/rules/application.js';
import type {Assessment} from '../../source/rules/assess.js';
import type {CrsSection} from '../../source/rules/crs.js';

/** The as-of date of every rule-book vector. */
export const AS_OF = '2026-11-29';

export type Vector = {
	id: string;
	description: string;
	asOf: string;
	application: Application;
	expected: {
		crs: {core: number; spouse: number; transferability: number; additional: number; total: number};
		programs: {CEC: boolean; FSW: boolean; FST: boolean};
		fswPoints: number | null;
	};
};

const vectorDir = join(import.meta.dirname, '..', 'fixtures', 'vectors');

/** A fresh deep copy of vector `id` (e.g. `V25`): tests may change it freely. */
export function vector(id: string): Vector {
	return JSON.parse(readFileSync(join(vectorDir, `${id}.json`), 'utf8')) as Vector;
}

/** A fresh deep copy of the application of vector `id`. */
export function vectorApplication(id: string): Application {
	return vector(id).application;
}

export function ielts(date: string, listening: number, reading: number, writing: number, speaking: number): LanguageTest {
	return {test: 'IELTS-GT', date, listening, reading, writing, speaking};
}

export function celpip(date: string, listening: number, reading = listening, writing = listening, speaking = listening): LanguageTest {
	return {test: 'CELPIP-G', date, listening, reading, writing, speaking};
}

export function pte(date: string, listening: number, reading: number, writing: number, speaking: number): LanguageTest {
	return {test: 'PTE-Core', date, listening, reading, writing, speaking};
}

export function tef(date: string, listening: number, reading = listening, writing = listening, speaking = listening): LanguageTest {
	return {test: 'TEF', date, listening, reading, writing, speaking};
}

export function tcf(date: string, listening: number, reading: number, writing: number, speaking: number): LanguageTest {
	return {test: 'TCF', date, listening, reading, writing, speaking};
}

/** TCF Canada at exactly NCLC 7 in all four abilities (rules.md §6: R 453, W 10, L 458, S 10). */
export const tcfNclc7 = (date: string) => tcf(date, 458, 453, 10, 10);

/** A Canadian period with every flag at its favourable value unless overridden. */
export function canadianJob(start: string, end: string | undefined, hoursPerWeek: number, extra: Partial<WorkPeriod> = {}): WorkPeriod {
	return {nocCode: '21231', country: 'CAN', start, ...(end === undefined ? {} : {end}), hoursPerWeek, authorized: true, ...extra};
}

/** A period abroad (India unless overridden). */
export function foreignJob(start: string, end: string | undefined, hoursPerWeek: number, extra: Partial<WorkPeriod> = {}): WorkPeriod {
	return {nocCode: '21231', country: 'IND', start, ...(end === undefined ? {} : {end}), hoursPerWeek, ...extra};
}

/** A person with no tests and no work (single, bachelor's with ECA, born 1997-03-14: 29 on 2026-11-29). */
export function person(extra: Partial<Person> = {}): Person {
	return {
		familyName: 'Test',
		givenNames: 'Person',
		dateOfBirth: '1997-03-14',
		countryOfCitizenship: 'IND',
		maritalStatus: 'single',
		education: {level: 'bachelor', ecaReference: 'WES-0000-0001'},
		languageTests: [],
		workExperience: [],
		certificateOfQualification: false,
		...extra,
	};
}

/** A spouse (accompanying, not a citizen/PR, no tests, no ECA) unless overridden. */
export function spouse(extra: Partial<Spouse> = {}): Spouse {
	return {
		...person({maritalStatus: 'married', education: {level: 'bachelor'}}),
		accompanying: true,
		canadianCitizenOrPR: false,
		...extra,
	};
}

/** A minimal application around `applicant`. */
export function application(applicant: Person, extra: Partial<Application> = {}): Application {
	return {
		applicationNumber: 'E000009999',
		uci: '1234-5678',
		program: 'FSW',
		profileSubmittedAt: '2026-01-05T10:00:00Z',
		intendedProvince: 'ON',
		applicant,
		spouse: null,
		dependentChildren: 0,
		siblingInCanada: false,
		relativeInCanada: false,
		provincialNomination: false,
		jobOffer: null,
		fundsCad: 50000,
		...extra,
	};
}

/** Points of one named CRS factor line (throws if the engine did not list it). */
export function factorPoints(result: Assessment, factor: string): number {
	const line = result.crs.factors.find((entry) => entry.factor === factor);
	if (!line) throw new Error(`no CRS factor ${factor}`);
	return line.points;
}

/** The CRS section values without the factor list. */
export function sections(result: Assessment): Record<CrsSection | 'total', number> {
	const {core, spouse, transferability, additional, total} = result.crs;
	return {core, spouse, transferability, additional, total};
}

/** One program criterion by id (throws if missing). */
export function criterion(result: Assessment, program: 'CEC' | 'FSW' | 'FST', id: string) {
	const found = result.programs[program].criteria.find((entry) => entry.id === id);
	if (!found) throw new Error(`no criterion ${id} in ${program}`);
	return found;
}

/** Eligibility of the three programs. */
export function eligibility(result: Assessment) {
	return {CEC: result.programs.CEC.eligible, FSW: result.programs.FSW.eligible, FST: result.programs.FST.eligible};
}
