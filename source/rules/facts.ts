/**
 * The facts every program and the CRS read, derived once per assessment from the application
 * and the reference date (decisions.md §1, §3, §5, §11, §12). Pure.
 */
import type {Application, EducationLevel, Education, Person, Spouse} from './application.js';
import {completedYears, utcDateOf} from './dates.js';
import {fundsFinding, type FundsFinding} from './common-criteria.js';
import {datedExperience, datedWork, windowsBefore, type DatedWork, type Experience, type Windows} from './experience.js';
import {officialLanguages, type OfficialLanguages} from './language.js';
import {ruleSetOn, type RuleSet} from './versions.js';

/** Facts about the applicant or the spouse. */
export type PersonFacts = {
	person: Person;
	languages: OfficialLanguages;
	/** Creditable education level (decisions.md §11). */
	education: EducationLevel;
	/** Skilled (TEER 0–3) creditable Canadian work in the 10 years before the reference date. */
	canadianWork: Experience;
	/** Skilled work outside Canada in the 10 years before the reference date. */
	foreignWork: Experience;
	/** Every work period with its days, for the counts the programs make (dated once per assessment). */
	work: DatedWork;
};

/** Everything an assessment needs, computed once. */
export type Facts = {
	application: Application;
	/** Reference date for windows, test validity, funds and eligibility (`YYYY-MM-DD`). */
	asOf: string;
	/** Date age and CRS rule versions are taken on: the ITA's UTC date when earlier than asOf. */
	lockDate: string;
	rules: RuleSet;
	/** Applicant's age in completed years on `lockDate`. */
	age: number;
	applicant: PersonFacts;
	/** The spouse or common-law partner of a married or common-law applicant, else null. */
	spouse: (PersonFacts & {spouse: Spouse}) | null;
	/** True when the spouse accompanies and is not a citizen or PR: the with-spouse columns apply. */
	withSpouse: boolean;
	/** The 3-, 5- and 10-year windows before `asOf` and the unlimited one (decisions.md §2). */
	windows: Windows;
	/** Proof of settlement funds, as FSW and FST both report it (decisions.md §10). */
	funds: FundsFinding;
};

/**
 * The education level that counts: the declared level when it is the Canadian credential's level
 * or has an ECA reference; else the Canadian credential's level; else `none` (decisions.md §11).
 */
export function creditableEducation(education: Education): EducationLevel {
	if (education.ecaReference || education.canadianCredential?.level === education.level) return education.level;
	return education.canadianCredential?.level ?? 'none';
}

function personFacts(person: Person, asOf: string, windows: Windows): PersonFacts {
	const work = datedWork(person.workExperience, asOf, windows.all.to);
	return {
		person,
		languages: officialLanguages(person, asOf),
		education: creditableEducation(person.education),
		canadianWork: datedExperience(work, {skilledOnly: true, where: 'canada'}, windows.ten),
		foreignWork: datedExperience(work, {skilledOnly: true, where: 'abroad'}, windows.ten),
		work,
	};
}

/**
 * Derives the facts for `application` on `asOf` (`YYYY-MM-DD`).
 * Throws RangeError when no rule set is in force on the lock date (before 2015-01-01).
 */
export function deriveFacts(application: Application, asOf: string): Facts {
	const itaDate = application.invitedAt ? utcDateOf(application.invitedAt) : null;
	const lockDate = itaDate !== null && itaDate < asOf ? itaDate : asOf;
	const married = application.applicant.maritalStatus === 'married' || application.applicant.maritalStatus === 'common-law';
	const windows = windowsBefore(asOf);
	const spouse = married && application.spouse ? {...personFacts(application.spouse, asOf, windows), spouse: application.spouse} : null;
	const applicant = personFacts(application.applicant, asOf, windows);
	return {
		application,
		asOf,
		lockDate,
		rules: ruleSetOn(lockDate),
		age: completedYears(application.applicant.dateOfBirth, lockDate),
		applicant,
		spouse,
		withSpouse: spouse !== null && spouse.spouse.accompanying && !spouse.spouse.canadianCitizenOrPR,
		windows,
		funds: fundsFinding(application, asOf, applicant.work),
	};
}
