/**
 * The Express Entry application as the rules engine sees it: the shape of the application file
 * (see README "Application file format"), already validated. Pure types, no I/O.
 *
 * Units: calendar dates are `YYYY-MM-DD` strings, instants are ISO-8601 UTC strings, hours are
 * paid hours per week, money is whole CAD.
 */

/** Express Entry program the application is made under. */
export type Program = 'CEC' | 'FSW' | 'FST';

/** CRS education levels (`bachelor` includes any 3+ year program; `master` includes entry-to-practice degrees). */
export type EducationLevel =
	| 'none'
	| 'secondary'
	| 'one-year'
	| 'two-year'
	| 'bachelor'
	| 'two-or-more'
	| 'master'
	| 'doctoral';

export type MaritalStatus =
	| 'single'
	| 'married'
	| 'common-law'
	| 'separated'
	| 'divorced'
	| 'widowed'
	| 'annulled';

/** Approved language tests: IELTS General Training, CELPIP-General, PTE Core, TEF Canada, TCF Canada. */
export type LanguageTestName = 'IELTS-GT' | 'CELPIP-G' | 'PTE-Core' | 'TEF' | 'TCF';

export type Education = {
	level: EducationLevel;
	/** Highest credential earned by study in Canada, with its program length in years. */
	canadianCredential?: {level: EducationLevel; years: number};
	/** Educational credential assessment (ECA) reference; a foreign credential counts only with one. */
	ecaReference?: string;
};

export type LanguageTest = {
	test: LanguageTestName;
	/** Test date (`YYYY-MM-DD`); valid for two years from it. */
	date: string;
	listening: number;
	reading: number;
	writing: number;
	speaking: number;
};

export type WorkPeriod = {
	employer?: string;
	/** NOC 2021 five-digit code; the second digit is the TEER category. */
	nocCode: string;
	/** ISO 3166-1 alpha-3 (`CAN` for Canada). */
	country: string;
	/** First day worked (`YYYY-MM-DD`). */
	start: string;
	/** Last day worked (`YYYY-MM-DD`); absent: ongoing. */
	end?: string;
	/** Paid hours per week; at most 30 a week count. */
	hoursPerWeek: number;
	selfEmployed?: boolean;
	whileFullTimeStudent?: boolean;
	authorized?: boolean;
	/**
	 * The officer's finding on this claimed period (not part of the applicant's file): a period
	 * `not_credited` is left out of the assessed result. Absent or `claimed`/`verified`: counted.
	 */
	finding?: 'claimed' | 'verified' | 'not_credited';
};

export type Person = {
	familyName: string;
	givenNames: string;
	dateOfBirth: string;
	/** ISO 3166-1 alpha-3. */
	countryOfCitizenship: string;
	maritalStatus: MaritalStatus;
	education: Education;
	firstOfficialLanguage?: 'en' | 'fr';
	languageTests: LanguageTest[];
	workExperience: WorkPeriod[];
	/** Trade certificate of qualification issued by a Canadian province or territory. */
	certificateOfQualification?: boolean;
};

export type Spouse = Person & {
	accompanying: boolean;
	canadianCitizenOrPR: boolean;
};

export type JobOffer = {nocCode: string; employer?: string; lmia?: boolean};

export type Document = {
	kind:
		| 'passport'
		| 'language-test-result'
		| 'eca'
		| 'employment-reference'
		| 'police-certificate'
		| 'medical'
		| 'proof-of-funds'
		| 'other';
	title: string;
	fileName: string;
	mediaType: string;
	contentBase64: string;
};

export type ImportedNote = {author: string; at: string; body: string};

/** One Express Entry application (profile or e-APR), as in the application file. */
export type Application = {
	applicationNumber: string;
	/** Unique Client Identifier, normalised `1234-5678` or `12-3456-7890`. */
	uci: string;
	program: Program;
	/** Instant the Express Entry profile entered the pool (tie-break key). */
	profileSubmittedAt: string;
	/** Instant the e-APR was received; absent while still a pool profile. */
	receivedAt?: string;
	/** Two-letter province or territory code. */
	intendedProvince: string;
	applicant: Person;
	spouse?: Spouse | null;
	/** Instant of the invitation to apply (ITA); age is locked at its UTC date. */
	invitedAt?: string;
	dependentChildren?: number;
	siblingInCanada?: boolean;
	relativeInCanada?: boolean;
	provincialNomination?: boolean;
	jobOffer?: JobOffer | null;
	/** Settlement funds, whole CAD. */
	fundsCad?: number;
	documents?: Document[];
	notes?: ImportedNote[];
};
