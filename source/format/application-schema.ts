/**
 * The strict zod schema of the application file (docs: shared/spec/application-format.md):
 * unknown keys are errors at every level, and the parsed output is an `Application`
 * (checked at compile time below).
 */
import {z} from 'zod';
import type {Application} from '../rules/application.js';
import {scoreProblems} from './language-scores.js';
import {
	applicationNumberSchema,
	base64Schema,
	countrySchema,
	dateSchema,
	fileNameSchema,
	instantSchema,
	isCalendarDate,
	lineSchema,
	mediaTypeSchema,
	nameSchema,
	nocCodeSchema,
	uciSchema,
} from './scalars.js';

/** Object-level checks run even when a member failed, so that problems come out in document order. */
const ALWAYS = {when: () => true};

const educationLevelSchema = z.enum(['none', 'secondary', 'one-year', 'two-year', 'bachelor', 'two-or-more', 'master', 'doctoral']);

const educationSchema = z.strictObject({
	level: educationLevelSchema,
	canadianCredential: z
		.strictObject({
			level: educationLevelSchema,
			years: z.number().gt(0, 'program length must be more than 0 years').lte(10, 'program length must be at most 10 years'),
		})
		.optional(),
	ecaReference: nameSchema.optional(),
});

const languageTestSchema = z
	.strictObject({
		test: z.enum(['IELTS-GT', 'CELPIP-G', 'PTE-Core', 'TEF', 'TCF']),
		date: dateSchema,
		listening: z.number(),
		reading: z.number(),
		writing: z.number(),
		speaking: z.number(),
	})
	.superRefine((result, ctx) => {
		for (const {ability, problem} of scoreProblems(result)) {
			ctx.addIssue({code: 'custom', path: [ability], message: problem, input: result[ability]});
		}
	}, ALWAYS);

const workPeriodSchema = z
	.strictObject({
		employer: nameSchema.optional(),
		nocCode: nocCodeSchema,
		country: countrySchema,
		start: dateSchema,
		end: dateSchema.optional(),
		hoursPerWeek: z.number().gt(0, 'hours per week must be more than 0').lte(168, 'hours per week must be at most 168'),
		selfEmployed: z.boolean().optional(),
		whileFullTimeStudent: z.boolean().optional(),
		authorized: z.boolean().optional(),
	})
	.superRefine((period, ctx) => {
		const {start, end} = (typeof period === 'object' && period !== null ? period : {}) as {start?: unknown; end?: unknown};
		if (typeof start !== 'string' || typeof end !== 'string' || !isCalendarDate(start) || !isCalendarDate(end)) return;
		if (end < start) ctx.addIssue({code: 'custom', path: ['end'], message: `ends before its start ${start}`, input: end});
	}, ALWAYS);

const personShape = {
	familyName: nameSchema,
	givenNames: lineSchema,
	dateOfBirth: dateSchema,
	countryOfCitizenship: countrySchema,
	maritalStatus: z.enum(['single', 'married', 'common-law', 'separated', 'divorced', 'widowed', 'annulled']),
	education: educationSchema,
	firstOfficialLanguage: z.enum(['en', 'fr']).optional(),
	languageTests: z.array(languageTestSchema),
	workExperience: z.array(workPeriodSchema),
	certificateOfQualification: z.boolean().optional(),
};

const personSchema = z.strictObject(personShape);

const spouseSchema = z.strictObject({...personShape, accompanying: z.boolean(), canadianCitizenOrPR: z.boolean()});

const jobOfferSchema = z.strictObject({nocCode: nocCodeSchema, employer: nameSchema.optional(), lmia: z.boolean().optional()});

const documentSchema = z.strictObject({
	kind: z.enum(['passport', 'language-test-result', 'eca', 'employment-reference', 'police-certificate', 'medical', 'proof-of-funds', 'other']),
	title: nameSchema,
	fileName: fileNameSchema,
	mediaType: mediaTypeSchema,
	contentBase64: base64Schema,
});

const noteSchema = z.strictObject({author: nameSchema, at: instantSchema, body: z.string()});

/** Canadian province and territory codes. */
export const PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;

/** One application object, keys in the spec's order. Output: a normalised `Application`. */
export const applicationSchema = z.strictObject({
	applicationNumber: applicationNumberSchema,
	uci: uciSchema,
	program: z.enum(['CEC', 'FSW', 'FST']),
	profileSubmittedAt: instantSchema,
	receivedAt: instantSchema.optional(),
	intendedProvince: z.enum(PROVINCES),
	applicant: personSchema,
	spouse: spouseSchema.nullable().optional(),
	invitedAt: instantSchema.optional(),
	dependentChildren: z.int().min(0, 'must not be negative').optional(),
	siblingInCanada: z.boolean().optional(),
	relativeInCanada: z.boolean().optional(),
	provincialNomination: z.boolean().optional(),
	jobOffer: jobOfferSchema.nullable().optional(),
	// An upper bound so a slip (a pasted account number, 1e30) is caught at import, not shown as "1e+30 CAD".
	fundsCad: z.number().min(0, 'must not be negative').max(1e12, 'must be at most 1,000,000,000,000 (CAD)').optional(),
	documents: z.array(documentSchema).optional(),
	notes: z.array(noteSchema).optional(),
});

/** The `{"applications": [...]}` form of an import file. */
export const applicationListSchema = z.strictObject({applications: z.array(applicationSchema)});

/**
 * An import file: one application object or `{"applications": [...]}`. For error reports that
 * follow the form the file meant, pick the branch with `isApplicationList` and validate with it.
 */
export const importFileSchema = z.union([applicationListSchema, applicationSchema]);

/** True when a parsed import file is meant as the `{"applications": [...]}` form (an object with that key). */
export function isApplicationList(value: unknown): boolean {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'applications');
}

// Compile-time proof that the schema's output and `Application` agree: every parsed value is an
// `Application`; `Application` fits the schema's output (but for `intendedProvince`, a `string` in
// `Application`, one of PROVINCES here); and both have the same keys at every level, optional ones
// included, except the work period `finding`, which is not part of the file.
type Parsed = z.output<typeof applicationSchema>;
type Assert<T extends true> = T;
type KeyPaths<T> = T extends readonly (infer E)[]
	? KeyPaths<E>
	: T extends object
		? {[K in keyof T & string]-?: K | `${K}.${KeyPaths<NonNullable<T[K]>>}`}[keyof T & string]
		: never;
type Differ<A, B> = Exclude<KeyPaths<A>, KeyPaths<B> | `${string}.finding`>;
type _ParsedIsApplication = Assert<Parsed extends Application ? true : false>;
type _ApplicationIsParsed = Assert<Omit<Application, 'intendedProvince'> extends Omit<Parsed, 'intendedProvince'> ? true : false>;
type _SameKeys = Assert<[Differ<Application, Parsed>, Differ<Parsed, Application>] extends [never, never] ? true : false>;
