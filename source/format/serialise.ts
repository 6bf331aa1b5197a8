/**
 * The canonical JSON form of an application (`caips export --format json`): keys in the order of
 * shared/spec/application-format.md, absent optional keys left out, officer-only data (work
 * period `finding`) never written.
 */
import type {Application, Document, Education, ImportedNote, JobOffer, LanguageTest, Person, Spouse, WorkPeriod} from '../rules/application.js';

/** Copies `fields` in their order, leaving out those that are undefined. */
function ordered<T extends object>(fields: T): T {
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
	return out as T;
}

function educationToJson(e: Education): Education {
	return ordered({
		level: e.level,
		canadianCredential: e.canadianCredential && {level: e.canadianCredential.level, years: e.canadianCredential.years},
		ecaReference: e.ecaReference,
	});
}

function languageTestToJson(t: LanguageTest): LanguageTest {
	return {test: t.test, date: t.date, listening: t.listening, reading: t.reading, writing: t.writing, speaking: t.speaking};
}

function workToJson(w: WorkPeriod): WorkPeriod {
	return ordered({
		employer: w.employer,
		nocCode: w.nocCode,
		country: w.country,
		start: w.start,
		end: w.end,
		hoursPerWeek: w.hoursPerWeek,
		selfEmployed: w.selfEmployed,
		whileFullTimeStudent: w.whileFullTimeStudent,
		authorized: w.authorized,
	});
}

function personToJson(p: Person): Person {
	return ordered({
		familyName: p.familyName,
		givenNames: p.givenNames,
		dateOfBirth: p.dateOfBirth,
		countryOfCitizenship: p.countryOfCitizenship,
		maritalStatus: p.maritalStatus,
		education: educationToJson(p.education),
		firstOfficialLanguage: p.firstOfficialLanguage,
		languageTests: p.languageTests.map(languageTestToJson),
		workExperience: p.workExperience.map(workToJson),
		certificateOfQualification: p.certificateOfQualification,
	});
}

function spouseToJson(s: Spouse): Spouse {
	return {...personToJson(s), accompanying: s.accompanying, canadianCitizenOrPR: s.canadianCitizenOrPR};
}

function jobOfferToJson(j: JobOffer): JobOffer {
	return ordered({nocCode: j.nocCode, employer: j.employer, lmia: j.lmia});
}

function documentToJson(d: Document): Document {
	return {kind: d.kind, title: d.title, fileName: d.fileName, mediaType: d.mediaType, contentBase64: d.contentBase64};
}

function noteToJson(n: ImportedNote): ImportedNote {
	return {author: n.author, at: n.at, body: n.body};
}

/**
 * The canonical file form of a valid application (as returned by `parseApplicationFile`): a new
 * plain object with keys in the spec's order, `undefined` members left out (`null` spouse/jobOffer
 * kept), no `finding`. Values are copied, not re-validated or re-normalised, so
 * `parseApplication(applicationToJson(x))` deep-equals `x` for any parsed `x`. Throws nothing.
 */
export function applicationToJson(app: Application): Application {
	return ordered({
		applicationNumber: app.applicationNumber,
		uci: app.uci,
		program: app.program,
		profileSubmittedAt: app.profileSubmittedAt,
		receivedAt: app.receivedAt,
		intendedProvince: app.intendedProvince,
		applicant: personToJson(app.applicant),
		spouse: app.spouse && spouseToJson(app.spouse),
		invitedAt: app.invitedAt,
		dependentChildren: app.dependentChildren,
		siblingInCanada: app.siblingInCanada,
		relativeInCanada: app.relativeInCanada,
		provincialNomination: app.provincialNomination,
		jobOffer: app.jobOffer && jobOfferToJson(app.jobOffer),
		fundsCad: app.fundsCad,
		documents: app.documents?.map(documentToJson),
		notes: app.notes?.map(noteToJson),
	});
}
