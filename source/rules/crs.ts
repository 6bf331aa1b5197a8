/**
 * The Comprehensive Ranking System (Ministerial Instructions respecting the Express Entry
 * system; IRCC "CRS criteria" page; rules.md §5). Four sections: A core (max 500/460),
 * B spouse (max 40), C skill transferability (groups max 50 each, total max 100),
 * D additional (max 600). Every factor and every cap applied is listed, so the factors of a
 * section add up to the section.
 */
import type {EducationLevel} from './application.js';
import type {Facts, PersonFacts} from './facts.js';
import type {LanguageResult} from './language.js';
import {isSeniorManagement, isSkilled} from './noc.js';
import {formatHours} from './text.js';

export type CrsSection = 'core' | 'spouse' | 'transferability' | 'additional';

/** One line of the CRS breakdown: points (negative for a cap applied) and why. */
export type CrsFactor = {section: CrsSection; factor: string; points: number; detail: string};

/** CRS result in points; `transferability` and `additional` are after their caps. */
export type CrsResult = {
	core: number;
	spouse: number;
	transferability: number;
	additional: number;
	total: number;
	factors: CrsFactor[];
};

/** The four abilities with the names of their factors (built once, not per assessment). */
const ABILITIES = (['L', 'R', 'W', 'S'] as const).map((key) => {
	const name = {L: 'listening', R: 'reading', W: 'writing', S: 'speaking'}[key];
	return {key, first: `first-language-${name}`, second: `second-language-${name}`, spouse: `spouse-language-${name}`};
});

const at = (table: readonly number[], index: number) => table[Math.min(Math.max(0, index), table.length - 1)]!;

const clbText = (result: LanguageResult, level: number) =>
	`${result.language === 'fr' ? 'NCLC' : 'CLB'} ${level < 4 ? `${level} (below 4)` : level} (${result.test} ${result.date})`;

function workText(work: {hours: number; years: number}, asOf: string) {
	return `${work.years} year${work.years === 1 ? '' : 's'} (${formatHours(work.hours)} h in the 10 years before ${asOf})`;
}

/** Transferability education tier: 0 none/secondary, 1 one post-secondary credential of 1+ years, 2 two or more / master's / doctoral. */
function educationTier(level: EducationLevel): 0 | 1 | 2 {
	if (level === 'none' || level === 'secondary') return 0;
	if (level === 'two-or-more' || level === 'master' || level === 'doctoral') return 2;
	return 1;
}

/** Language tier for transferability: 2 when CLB 9+ in all four, 1 when CLB 7+ in all four, else 0. */
function languageTier(min: number): 0 | 1 | 2 {
	return min >= 9 ? 2 : min >= 7 ? 1 : 0;
}

/**
 * Computes the CRS for the derived facts. Age and rule version are those of `facts.lockDate`.
 * Source: MI respecting the Express Entry system, ss. 8–19 (CRS criteria page), rules.md §5.
 */
export function crsScore(facts: Facts): CrsResult {
	const factors: CrsFactor[] = [];
	const add = (section: CrsSection, factor: string, points: number, detail: string) => {
		factors.push({section, factor, points, detail});
		return points;
	};
	const crs = facts.rules.crs;
	const column = facts.withSpouse ? crs.withSpouse : crs.withoutSpouse;
	const pa = facts.applicant;
	const columnName = facts.withSpouse ? 'with spouse' : 'without spouse';

	// A. Core / human capital
	let core = 0;
	core += add('core', 'age', at(column.age, facts.age), `${facts.age} years on ${facts.lockDate} (${columnName})`);
	core += add('core', 'education', column.education[pa.education], educationText(pa));
	const first = pa.languages.first;
	for (const {key, first: factor} of ABILITIES) {
		const level = first ? first[key] : 0;
		core += add('core', factor, at(column.firstLanguage, level), first ? clbText(first, level) : 'no valid test');
	}
	const second = pa.languages.second;
	let secondRaw = 0;
	for (const {key, second: factor} of ABILITIES) {
		const level = second ? second[key] : 0;
		secondRaw += add('core', factor, at(crs.secondLanguage, level), second ? clbText(second, level) : 'no valid test');
	}
	core += secondRaw;
	if (secondRaw > column.secondLanguageCap) {
		core += add('core', 'second-language-cap', column.secondLanguageCap - secondRaw, `second official language capped at ${column.secondLanguageCap}`);
	}
	core += add('core', 'canadian-work', at(column.canadianWork, pa.canadianWork.years), workText(pa.canadianWork, facts.asOf));

	// B. Spouse or common-law partner factors
	let spouse = 0;
	if (facts.withSpouse && facts.spouse) {
		const sp = facts.spouse;
		spouse += add('spouse', 'spouse-education', crs.spouse.education[sp.education], educationText(sp));
		const spFirst = sp.languages.first;
		for (const {key, spouse: factor} of ABILITIES) {
			const level = spFirst ? spFirst[key] : 0;
			spouse += add('spouse', factor, at(crs.spouse.firstLanguage, level), spFirst ? clbText(spFirst, level) : 'no valid test');
		}
		spouse += add('spouse', 'spouse-canadian-work', at(crs.spouse.canadianWork, sp.canadianWork.years), workText(sp.canadianWork, facts.asOf));
	}

	// C. Skill transferability: first official language, lowest ability
	const minClb = first ? first.min : 0;
	const langTier = languageTier(minClb);
	const canTier = pa.canadianWork.years >= 2 ? 2 : pa.canadianWork.years >= 1 ? 1 : 0;
	const tierPoints = (tier: 0 | 1 | 2, base: 0 | 1 | 2) => (base === 0 || tier === 0 ? 0 : base === 1 ? (tier === 1 ? 13 : 25) : tier === 1 ? 25 : 50);
	const groupCap = crs.transferabilityGroupCap;
	const group = (name: string, base: 0 | 1 | 2, baseText: string) => {
		const withLanguage = add('transferability', `${name}+language`, tierPoints(langTier, base), `${baseText}; first official language lowest ability ${minClb}`);
		const withWork = add('transferability', `${name}+canadian-work`, tierPoints(canTier, base), `${baseText}; ${pa.canadianWork.years} year(s) of Canadian work`);
		const raw = withLanguage + withWork;
		if (raw > groupCap) return raw + add('transferability', `${name}-group-cap`, groupCap - raw, `${name} group capped at ${groupCap}`);
		return raw;
	};
	const foreignYears = pa.foreignWork.years;
	let transferability = 0;
	transferability += group('education', educationTier(pa.education), `education: ${pa.education}`);
	transferability += group('foreign-work', foreignYears >= 3 ? 2 : foreignYears >= 1 ? 1 : 0, `foreign work: ${foreignYears} year(s)`);
	const coq = pa.person.certificateOfQualification === true;
	const coqPoints = !coq ? 0 : minClb >= 7 ? 50 : minClb >= 5 ? 25 : 0;
	transferability += add('transferability', 'certificate-of-qualification+language', coqPoints, coq ? `certificate of qualification; lowest ability ${minClb}` : 'no certificate of qualification');
	if (transferability > crs.transferabilityCap) {
		transferability += add('transferability', 'transferability-cap', crs.transferabilityCap - transferability, `skill transferability capped at ${crs.transferabilityCap}`);
	}

	// D. Additional points
	const app = facts.application;
	let additional = 0;
	additional += add('additional', 'provincial-nomination', app.provincialNomination ? crs.provincialNomination : 0, app.provincialNomination ? 'provincial or territorial nomination' : 'none');
	additional += add('additional', 'sibling-in-canada', app.siblingInCanada ? crs.sibling : 0, app.siblingInCanada ? `sibling in Canada (rules of ${facts.rules.effective})` : 'none');
	additional += add('additional', 'french', frenchBonus(facts), frenchText(facts));
	const canadianEducation = canadianEducationPoints(facts);
	additional += add('additional', 'canadian-education', canadianEducation.points, canadianEducation.detail);
	const offer = app.jobOffer;
	let arranged = 0;
	if (offer && isSkilled(offer.nocCode)) arranged = isSeniorManagement(offer.nocCode) ? crs.arrangedEmployment.seniorManagement : crs.arrangedEmployment.other;
	additional += add('additional', 'arranged-employment', arranged, offer ? `job offer NOC ${offer.nocCode} (rules of ${facts.rules.effective})` : 'no job offer');
	if (additional > crs.additionalCap) additional += add('additional', 'additional-cap', crs.additionalCap - additional, `additional points capped at ${crs.additionalCap}`);

	return {core, spouse, transferability, additional, total: core + spouse + transferability + additional, factors};
}

function educationText(person: PersonFacts): string {
	const education = person.person.education;
	if (person.education === 'none' && education.level !== 'none') return `${education.level} not counted: no ECA and not a Canadian credential`;
	if (education.ecaReference && person.education === education.level) return `${person.education} (ECA ${education.ecaReference})`;
	if (education.canadianCredential) return `${person.education} (Canadian credential)`;
	return person.education;
}

function frenchBonus(facts: Facts): number {
	const {first, second} = facts.applicant.languages;
	const french = first?.language === 'fr' ? first : second?.language === 'fr' ? second : null;
	const english = first?.language === 'en' ? first : second?.language === 'en' ? second : null;
	if (!french || french.min < 7) return 0;
	const bonus = facts.rules.crs.french;
	return english && english.min >= 5 ? bonus.withEnglish : bonus.withoutEnglish;
}

function frenchText(facts: Facts): string {
	const {first, second} = facts.applicant.languages;
	const french = first?.language === 'fr' ? first : second?.language === 'fr' ? second : null;
	const english = first?.language === 'en' ? first : second?.language === 'en' ? second : null;
	if (!french) return 'no valid French test';
	const englishText = english ? `English lowest ability CLB ${english.min}` : 'no English test';
	return `French lowest ability NCLC ${french.min}; ${englishText}`;
}

function canadianEducationPoints(facts: Facts): {points: number; detail: string} {
	const credential = facts.applicant.person.education.canadianCredential;
	const bonus = facts.rules.crs.canadianEducation;
	if (!credential || credential.level === 'none' || credential.level === 'secondary') {
		return {points: 0, detail: credential ? `Canadian ${credential.level}: no points` : 'no Canadian credential'};
	}
	const long = credential.level === 'master' || credential.level === 'doctoral' || credential.years >= 3;
	return {
		points: long ? bonus.threeYearsOrMore : bonus.oneOrTwoYears,
		detail: `Canadian ${credential.level}, ${credential.years}-year program`,
	};
}
