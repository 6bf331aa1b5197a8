/**
 * A stored case's two assessments: as claimed by the applicant, and as assessed by the officer
 * (work periods marked not credited left out). Decisions rest on the assessed one
 * (DESIGN.md "Eligibility rules").
 */
import type {Application, WorkPeriod} from '../rules/application.js';
import {assess, eligiblePrograms, type Assessment} from '../rules/assess.js';
import {utcDateOf} from '../rules/dates.js';
import {decodeJson, encodeJson} from '../../db/index.js';

/** The cached pair stored in `applications.assessment`. */
export type CaseAssessment = {asClaimed: Assessment; asAssessed: Assessment};

/** Officer findings per work period: person and index in that person's `workExperience`. */
export type Finding = {person: 'applicant' | 'spouse'; idx: number; finding: 'claimed' | 'verified' | 'not_credited'};

/**
 * The date a case is assessed on: the UTC date the e-APR was received (the "date the
 * application is made", IRPR s. 87.1(2)(a)); else, for an invited candidate, the UTC date of the
 * ITA (the assessment the invitation rests on, as the round computed it; rules.md §7.3); else
 * `today` for a profile still in the pool.
 */
export function caseReferenceDate(application: Application, today: string): string {
	if (application.receivedAt) return utcDateOf(application.receivedAt);
	return application.invitedAt ? utcDateOf(application.invitedAt) : today;
}

function withFindings(periods: WorkPeriod[], findings: readonly Finding[], person: Finding['person']): WorkPeriod[] {
	return periods.map((period, idx) => {
		const finding = findings.find((f) => f.person === person && f.idx === idx)?.finding;
		return finding && finding !== 'claimed' ? {...period, finding} : period;
	});
}

/** The application with the officer's findings applied to its work periods. */
export function applyFindings(application: Application, findings: readonly Finding[]): Application {
	if (findings.every((f) => f.finding === 'claimed')) return application;
	return {
		...application,
		applicant: {...application.applicant, workExperience: withFindings(application.applicant.workExperience, findings, 'applicant')},
		spouse: application.spouse
			? {...application.spouse, workExperience: withFindings(application.spouse.workExperience, findings, 'spouse')}
			: application.spouse,
	};
}

/** Assesses a case as claimed and as assessed on `asOf` (`YYYY-MM-DD`). */
export function assessCase(application: Application, findings: readonly Finding[], asOf: string): CaseAssessment {
	const asClaimed = assess(application, asOf);
	const assessed = applyFindings(application, findings);
	return {asClaimed, asAssessed: assessed === application ? asClaimed : assess(assessed, asOf)};
}

/**
 * `applications.assessment` as stored: `{"asClaimed": …, "asAssessed": …}`, with `asAssessed` left
 * out when it is the very same assessment (no finding changed anything: most cases) — half the
 * bytes of the store's largest column, and of what a round of 5,000 invitations writes.
 * Read back with {@link decodeCaseAssessment}.
 */
export function encodeCaseAssessment(pair: CaseAssessment): string {
	const claimed = encodeJson(pair.asClaimed);
	return pair.asAssessed === pair.asClaimed ? `{"asClaimed":${claimed}}` : `{"asClaimed":${claimed},"asAssessed":${encodeJson(pair.asAssessed)}}`;
}

/**
 * A stored `applications.assessment` read back: both assessments, `asAssessed` being `asClaimed`
 * when it was left out (and as stored when it was written in full, as earlier versions did).
 * Throws CodecError for malformed JSON.
 */
export function decodeCaseAssessment(text: string): CaseAssessment {
	const stored = decodeJson<{asClaimed: Assessment; asAssessed?: Assessment}>(text);
	return {asClaimed: stored.asClaimed, asAssessed: stored.asAssessed ?? stored.asClaimed};
}

/** The cached columns derived from an assessment: CRS total, rules version, eligible programs. */
export function cachedColumns(assessment: CaseAssessment): {crs_total: number; rules_version: string; eligible_programs: string} {
	return {
		crs_total: assessment.asAssessed.crs.total,
		rules_version: assessment.asAssessed.rulesVersion,
		eligible_programs: JSON.stringify(eligiblePrograms(assessment.asAssessed)),
	};
}
