/**
 * Storing applications read from an application file (shared/spec/application-format.md):
 * all or nothing per file, in one write transaction. Each case gets its status from its dates,
 * its search key, its work periods (finding `claimed`), its imported notes and documents (with
 * SHA-256 and size), and its assessment computed on import and cached with its rules version.
 */
import {createHash} from 'node:crypto';
import {encodeDate, encodeInstant, encodeJson, type ApplicationStatus, type NewApplication, type NewNote, type NewWorkPeriod} from '../../db/index.js';
import {applicationToJson} from '../format/serialise.js';
import type {Application, Person} from '../rules/application.js';
import {assessCase, cachedColumns, caseReferenceDate, encodeCaseAssessment} from './assessment.js';
import {recordAudit} from './audit.js';
import {InvalidError} from './errors.js';
import {caseSearchKey} from './search-key.js';
import {requireRole, write, type Session} from './session.js';

/** Largest document accepted, in bytes (10 MiB, decoded). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** What `importApplications` stored. */
export type ImportResult = {
	file: string;
	/** Application numbers stored, in file order. */
	imported: string[];
};

/**
 * The status a freshly imported case starts in: `received` when the e-APR was received,
 * `invited` when only the ITA was issued, else `pool` (a profile).
 */
export function importStatus(application: Application): ApplicationStatus {
	if (application.receivedAt) return 'received';
	if (application.invitedAt) return 'invited';
	return 'pool';
}

/**
 * The `applications.data` text: the canonical JSON of the application without document contents
 * and notes (they live in `documents` and `notes`); `documents: []` / `notes: []` are kept when
 * the file had those keys, so the export gives back the same shape. Pure ASCII: every character
 * from U+007F up is written as a `\uXXXX` escape (the same JSON value). Ranking reads the JSON of
 * hundreds of profiles as one text (pool.ts), and one name in another script would make that whole
 * text two bytes a character, decoded several times slower; and no raw bidi or other
 * invisible character ever sits in the store's file.
 */
export function storedApplicationData(application: Application): string {
	return asciiJson(
		encodeJson(
			applicationToJson({
				...application,
				documents: application.documents ? [] : undefined,
				notes: application.notes ? [] : undefined,
			}),
		),
	);
}

/** `json` with every UTF-16 code unit from U+007F up written as a `\uXXXX` escape (valid JSON, the same value). */
export function asciiJson(json: string): string {
	return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

type PreparedDocument = {kind: string; title: string; file_name: string; media_type: string; size_bytes: number; sha256: string; content: Buffer};

/** The rows of one application, computed before the transaction (pure work: assessment, hashing). */
type Prepared = {
	number: string;
	status: ApplicationStatus;
	application: Omit<NewApplication, 'created_at' | 'updated_at' | 'office'>;
	work: NewWorkPeriod[];
	notes: Array<Omit<NewNote, 'id'>>;
	documents: PreparedDocument[];
};

function prepare(app: Application, file: string, today: string): Prepared {
	const number = app.applicationNumber;
	const documents = (app.documents ?? []).map((doc, index): PreparedDocument => {
		const content = Buffer.from(doc.contentBase64, 'base64');
		if (content.length > MAX_DOCUMENT_BYTES) {
			throw new InvalidError(
				`${file}: application ${number}: documents[${index}] (${JSON.stringify(doc.fileName)}) is ${content.length.toLocaleString('en-CA')} bytes, over the limit of 10 MiB (${MAX_DOCUMENT_BYTES.toLocaleString('en-CA')} bytes) per document`,
			);
		}
		return {
			kind: doc.kind,
			title: doc.title,
			file_name: doc.fileName,
			media_type: doc.mediaType,
			size_bytes: content.length,
			sha256: createHash('sha256').update(content).digest('hex'),
			content,
		};
	});
	let assessment;
	try {
		assessment = assessCase(app, [], caseReferenceDate(app, today));
	} catch (error) {
		throw new InvalidError(`${file}: application ${number} cannot be assessed: ${(error as Error).message.split('\n')[0]}`);
	}
	const status = importStatus(app);
	const person = app.applicant;
	return {
		number,
		status,
		application: {
			application_number: number,
			uci: app.uci,
			program: app.program,
			status,
			assigned_to: null,
			profile_submitted_at: encodeInstant(app.profileSubmittedAt),
			received_at: encodeInstant(app.receivedAt ?? null),
			invited_at: encodeInstant(app.invitedAt ?? null),
			bring_forward_on: null,
			...cachedColumns(assessment),
			search_key: caseSearchKey(person.familyName, person.givenNames, app.uci, number),
			family_name: person.familyName,
			given_names: person.givenNames,
			data: storedApplicationData(app),
			assessment: encodeCaseAssessment(assessment),
		},
		work: workPeriodRows(app),
		notes: (app.notes ?? []).map((note) => ({application_number: number, author: note.author, at: encodeInstant(note.at), body: note.body, corrects_note_id: null})),
		documents,
	};
}

/** The `work_periods` rows of an application: the applicant's then the spouse's periods, all `claimed`. */
export function workPeriodRows(app: Application): NewWorkPeriod[] {
	return [...workRows(app.applicationNumber, 'applicant', app.applicant), ...workRows(app.applicationNumber, 'spouse', app.spouse)];
}

function workRows(number: string, person: 'applicant' | 'spouse', who: Person | null | undefined): NewWorkPeriod[] {
	return (who?.workExperience ?? []).map((w, idx) => ({
		application_number: number,
		person,
		idx,
		employer: w.employer ?? null,
		noc_code: w.nocCode,
		country: w.country,
		start_on: encodeDate(w.start),
		end_on: w.end ? encodeDate(w.end) : null,
		hours_per_week: w.hoursPerWeek,
		finding: 'claimed',
	}));
}

/** Rows per multi-row INSERT (well under SQLite's and PostgreSQL's bound-parameter limits). */
const INSERT_CHUNK = 100;

function chunks<T>(rows: readonly T[], size = INSERT_CHUNK): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
	return out;
}

const IMPORT_ROLES = ['officer', 'admin'] as const;

const LOOKUP_CHUNK = 500;

/**
 * Stores `applications` (already validated, e.g. by `parseApplicationFile`) read from `file`, all
 * or nothing, in one write transaction; each case audited as `import` with the file name.
 * Officers and admins may import. `today` (`YYYY-MM-DD`, default: the UTC date of `session.now()`)
 * is the reference date of profiles not yet received; a received case is assessed on its
 * receipt date. The case's office is the importing officer's office.
 *
 * Throws PermissionError (77, refusal audited); InvalidError (65) naming the file and the
 * application number when that number is already in the store or used twice in the list, when a
 * document is over {@link MAX_DOCUMENT_BYTES}, or when the application cannot be assessed.
 * Nothing is stored when anything fails.
 */
export async function importApplications(session: Session, applications: readonly Application[], options: {file: string; today?: string}): Promise<ImportResult> {
	const {file} = options;
	const seen = new Set<string>();
	for (const app of applications) {
		if (seen.has(app.applicationNumber)) throw new InvalidError(`${file}: application ${app.applicationNumber} appears twice in the list`);
		seen.add(app.applicationNumber);
	}
	const permitted = IMPORT_ROLES.some((role) => session.actor.roles.has(role));
	// A refusal is audited (write); the pure work below is done only for an officer who may import.
	if (!permitted) await write(session, {action: 'import'}, async () => requireRole(session.actor, IMPORT_ROLES, 'importing applications'));
	const today = options.today ?? session.now().slice(0, 10);
	const prepared = applications.map((app) => prepare(app, file, today));
	const numbers = [...seen];
	return write(session, {action: 'import'}, async (trx) => {
		requireRole(session.actor, IMPORT_ROLES, 'importing applications');
		for (const batch of chunks(numbers, LOOKUP_CHUNK)) {
			const existing = await trx
				.selectFrom('applications')
				.select('application_number')
				.where('application_number', 'in', batch)
				.orderBy('application_number')
				.executeTakeFirst();
			if (existing) throw new InvalidError(`${file}: application ${existing.application_number} is already in the store`);
		}
		const now = session.now();
		const office = session.actor.office;
		for (const batch of chunks(prepared.map((p) => ({...p.application, office, created_at: now, updated_at: now})))) {
			await trx.insertInto('applications').values(batch).execute();
		}
		for (const batch of chunks(prepared.flatMap((p) => p.work))) await trx.insertInto('work_periods').values(batch).execute();
		for (const batch of chunks(prepared.flatMap((p) => p.notes))) await trx.insertInto('notes').values(batch).execute();
		for (const p of prepared) {
			for (const doc of p.documents) {
				await trx.insertInto('documents').values({...doc, application_number: p.number, added_by: session.actor.userName, added_at: now}).execute();
			}
		}
		for (const p of prepared) {
			await recordAudit(trx, session, {
				action: 'import',
				applicationNumber: p.number,
				detail: {file, status: p.status, documents: p.documents.length, notes: p.notes.length},
			});
		}
		return {file, imported: numbers};
	});
}
