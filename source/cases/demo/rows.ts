/**
 * Store rows of a demo case: the `applications` row (cached assessment, search key, data as the
 * import stores it), its `work_periods`, and the documents an e-APR arrives with.
 */
import type {NewApplication, NewWorkPeriod} from '../../../db/index.js';
import type {Application, Person} from '../../rules/application.js';
import {isSkilled} from '../../rules/noc.js';
import {applicationToJson} from '../../format/serialise.js';
import {cachedColumns, type CaseAssessment} from '../assessment.js';
import {caseSearchKey} from '../search-key.js';
import {dateOf, storeInstant} from './clock.js';
import type {Random} from './random.js';
import type {CaseRecorder, DemoDocument, DemoLedger} from './recorder.js';
import * as text from './texts.js';

/** Work-period rows of a case, by person, in `workExperience` order. */
export type WorkRows = {applicant: (NewWorkPeriod & {id: number})[]; spouse: (NewWorkPeriod & {id: number})[]};

function rowsOf(ledger: DemoLedger, applicationNumber: string, person: 'applicant' | 'spouse', who: Person | null | undefined): (NewWorkPeriod & {id: number})[] {
	return (who?.workExperience ?? []).map((w, idx) => ({
		id: ledger.nextWorkId++,
		application_number: applicationNumber,
		person,
		idx,
		employer: w.employer ?? null,
		noc_code: w.nocCode,
		country: w.country,
		start_on: w.start,
		end_on: w.end ?? null,
		hours_per_week: w.hoursPerWeek,
		finding: 'claimed',
		finding_reason: null,
		finding_by: null,
		finding_at: null,
	}));
}

/** Adds the case's work-period rows (finding `claimed`) to the batch and returns them. */
export function workRows(ledger: DemoLedger, applicationNumber: string, app: Application): WorkRows {
	const rows = {applicant: rowsOf(ledger, applicationNumber, 'applicant', app.applicant), spouse: rowsOf(ledger, applicationNumber, 'spouse', app.spouse)};
	ledger.batch.work.push(...rows.applicant, ...rows.spouse);
	return rows;
}

/**
 * `applications.data` as the import keeps it: the canonical JSON without document contents and
 * notes (they live in their tables); `[]` kept when the file had those keys.
 */
export function storedData(app: Application): string {
	return JSON.stringify(applicationToJson({...app, documents: app.documents ? [] : undefined, notes: app.notes ? [] : undefined}));
}

/** A case assessment as JSON: the `applications.assessment` pair, and `asAssessed` alone (decision snapshots). */
export type AssessmentJson = {pair: string; assessed: string};

/** The JSON texts of a case assessment, as `encodeCaseAssessment` writes the pair (asAssessed left out when the same). */
export function assessmentJson(assessment: CaseAssessment): AssessmentJson {
	const assessed = JSON.stringify(assessment.asAssessed);
	if (assessment.asClaimed === assessment.asAssessed) return {pair: `{"asClaimed":${assessed}}`, assessed};
	return {pair: `{"asClaimed":${JSON.stringify(assessment.asClaimed)},"asAssessed":${assessed}}`, assessed};
}

/** The `applications` row of a case in the state its recorder ends in. */
export function caseRow(rec: CaseRecorder, app: Application, assessment: CaseAssessment, office: string | null, json: AssessmentJson = assessmentJson(assessment)): NewApplication {
	const person = app.applicant;
	return {
		application_number: app.applicationNumber,
		uci: app.uci,
		program: app.program,
		status: rec.status,
		office,
		assigned_to: rec.assignedTo,
		priority: 0,
		profile_submitted_at: storeInstant(Date.parse(app.profileSubmittedAt)),
		received_at: app.receivedAt ? storeInstant(Date.parse(app.receivedAt)) : null,
		invited_at: app.invitedAt ? storeInstant(Date.parse(app.invitedAt)) : null,
		bring_forward_on: rec.bringForwardOn,
		...cachedColumns(assessment),
		search_key: caseSearchKey(person.familyName, person.givenNames, app.uci, app.applicationNumber),
		family_name: person.familyName,
		given_names: person.givenNames,
		data: storedData(app),
		assessment: json.pair,
		version: rec.version,
		created_at: storeInstant(rec.createdAt),
		updated_at: storeInstant(rec.updatedAt),
	};
}

/**
 * The documents that come with an e-APR, attached at `at` by the intake officer: passport
 * transcript, latest language result, reference letters for the latest skilled job (sometimes the two latest), police
 * certificate (unless `police` is false), and a bank letter when the program needs funds. `corrupt()` says whether this case
 * gets the one document stored with a wrong checksum. Returns the documents' ids.
 */
export function intakeDocuments(rec: CaseRecorder, app: Application, random: Random, at: number, intake: string, corrupt: () => boolean, police = true): number[] {
	const n = app.applicationNumber;
	const day = dateOf(at);
	const ids: number[] = [];
	const attach = (doc: DemoDocument, bad = false) => ids.push(rec.attach(at, intake, doc, bad).id);
	attach({kind: 'passport', title: 'Passport bio page (transcript)', fileName: `passport-${n}.txt`, text: text.passportText(app, random, intake)});
	const test = app.applicant.languageTests[app.applicant.languageTests.length - 1];
	if (test) attach({kind: 'language-test-result', title: `${test.test} result ${test.date}`, fileName: `${test.test.toLowerCase()}-${n}.txt`, text: text.languageResultText(app, test)});
	const skilled = app.applicant.workExperience.filter((w) => isSkilled(w.nocCode) && !w.whileFullTimeStudent).slice(random.chance(0.3) ? -2 : -1);
	skilled.forEach((w, i) => {
		const letter = {kind: 'employment-reference', title: `Employment reference — ${w.employer ?? w.nocCode}`, fileName: `reference-${i + 1}-${n}.txt`, text: text.referenceLetterText(app, w, random, day)};
		attach(letter, i === 0 && corrupt());
	});
	if (police && random.chance(0.7)) attach({kind: 'police-certificate', title: `Police certificate ${app.applicant.countryOfCitizenship}`, fileName: `police-${n}.txt`, text: text.policeCertificateText(app, random, day)});
	if (app.program !== 'CEC' && app.fundsCad !== undefined) attach({kind: 'proof-of-funds', title: 'Bank letter (proof of funds)', fileName: `funds-${n}.txt`, text: text.fundsLetterText(app, random, day)});
	return ids;
}
