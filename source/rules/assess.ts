/**
 * The rules engine's one entry point: an application and a reference date in, the eligibility
 * of each program and the CRS out, every criterion and factor with its figures and source.
 * Pure: no I/O, no clock.
 */
import type {Application} from './application.js';
import {assessCec} from './cec.js';
import type {ProgramResult} from './criterion.js';
import {crsScore, type CrsResult} from './crs.js';
import {deriveFacts} from './facts.js';
import {assessFst} from './fst.js';
import {assessFsw, type FswResult} from './fsw.js';
import type {LanguageResult} from './language.js';

/** CLB/NCLC per ability of a counted result, as in the CLI contract. */
export type ClbSummary = {language: 'en' | 'fr'; L: number; R: number; W: number; S: number};

/** The assessment, in the shape of `caips assess --json` (spec: CLI contract). */
export type Assessment = {
	applicationNumber: string;
	/** Reference date, `YYYY-MM-DD`. */
	asOf: string;
	/** Effective date of the rule set used (taken on the ITA date when earlier than asOf). */
	rulesVersion: string;
	clb: {
		applicant: {first: ClbSummary | null; second: ClbSummary | null};
		spouse: {first: ClbSummary | null; second: ClbSummary | null} | null;
	};
	crs: CrsResult;
	programs: {CEC: ProgramResult; FSW: FswResult; FST: ProgramResult};
};

const summary = (result: LanguageResult | null): ClbSummary | null =>
	result ? {language: result.language, L: result.L, R: result.R, W: result.W, S: result.S} : null;

/**
 * Assesses `application` as of `asOf` (`YYYY-MM-DD`): CEC (IRPR s. 87.1), FSW (ss. 75–83),
 * FST (s. 87.2) and the CRS (MI respecting the Express Entry system). Age and the CRS rule
 * set are taken on the ITA's UTC date when the ITA is earlier. Work periods an officer marked
 * `not_credited` are left out.
 * Throws RangeError when `asOf` is before Express Entry (2015-01-01).
 */
export function assess(application: Application, asOf: string): Assessment {
	const facts = deriveFacts(application, asOf);
	return {
		applicationNumber: application.applicationNumber,
		asOf,
		rulesVersion: facts.rules.effective,
		clb: {
			applicant: {first: summary(facts.applicant.languages.first), second: summary(facts.applicant.languages.second)},
			spouse: facts.spouse ? {first: summary(facts.spouse.languages.first), second: summary(facts.spouse.languages.second)} : null,
		},
		crs: crsScore(facts),
		programs: {CEC: assessCec(facts), FSW: assessFsw(facts), FST: assessFst(facts)},
	};
}

/** Programs the application is eligible for, in CEC, FSW, FST order. */
export function eligiblePrograms(assessment: Assessment): Array<'CEC' | 'FSW' | 'FST'> {
	return (['CEC', 'FSW', 'FST'] as const).filter((program) => assessment.programs[program].eligible);
}
