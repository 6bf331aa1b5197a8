import {createHash} from 'node:crypto';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {decodeJson, decodeSet, encodeJson} from '../../db/index.js';
import {decodeCaseAssessment, assessCase, caseReferenceDate} from '../../source/cases/assessment.js';
import {InvalidError, PermissionError} from '../../source/cases/errors.js';
import {exportCaseJson} from '../../source/cases/export-json.js';
import {exportCaseNotes} from '../../source/cases/export-notes.js';
import {importApplications, MAX_DOCUMENT_BYTES} from '../../source/cases/import.js';
import {addOfficer} from '../../source/cases/officers.js';
import type {Session} from '../../source/cases/session.js';
import {FormatError, parseApplication, parseApplicationFile} from '../../source/format/parse.js';
import type {Application} from '../../source/rules/application.js';
import {FIXTURE_FILES, fixture, seededStore, vectorExpectation, type TestStore} from './seeded-store.js';

const TODAY = '2026-11-29';
let t: TestStore;
let alice: Session;
beforeEach(async () => {
	t = await seededStore('caips-import-');
	alice = await t.as('alice');
});
afterEach(async () => {
	await t.close();
});

async function importAllFixtures(session: Session): Promise<void> {
	for (const name of FIXTURE_FILES) {
		const {file, applications} = fixture(name);
		await importApplications(session, applications, {file, today: TODAY});
	}
}

const caseRow = (number: string) => t.store.db.selectFrom('applications').selectAll().where('application_number', '=', number).executeTakeFirstOrThrow();
const count = async (table: 'applications' | 'notes' | 'documents' | 'work_periods') =>
	Number((await t.store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('importApplications', () => {
	it('stores all 25 fixture applications with the rule book CRS and eligibility cached with the rules version', async () => {
		await importAllFixtures(alice);
		expect(await count('applications')).toBe(25);
		for (const name of FIXTURE_FILES) {
			const id = name.replace('.json', '');
			const app = fixture(name).applications[0]!;
			const row = await caseRow(app.applicationNumber);
			const expected = vectorExpectation(id);
			expect(row.crs_total, id).toBe(expected.crs);
			expect(decodeSet(row.eligible_programs), id).toEqual((['CEC', 'FSW', 'FST'] as const).filter((p) => expected.programs[p]));
			expect(row.rules_version).toBe('2025-03-25');
			expect(row.status, id).toBe(app.receivedAt ? 'received' : 'pool');
			expect(row.version).toBe(1);
			const cached = decodeCaseAssessment(row.assessment!);
			expect(cached.asClaimed.crs.total).toBe(expected.crs);
			expect(cached.asAssessed.asOf).toBe(caseReferenceDate(app, TODAY));
			const periods = await t.store.db.selectFrom('work_periods').selectAll().where('application_number', '=', app.applicationNumber).execute();
			expect(periods).toHaveLength(app.applicant.workExperience.length + (app.spouse?.workExperience.length ?? 0));
			expect(periods.every((p) => p.finding === 'claimed')).toBe(true);
		}
		const events = await t.store.db.selectFrom('audit_events').selectAll().where('action', '=', 'import').execute();
		expect(events).toHaveLength(25);
		expect(decodeJson(events[0]!.detail)).toMatchObject({file: expect.stringMatching(/V01\.json$/), status: 'pool', documents: 1, notes: 0});
	});

	it('sets the status from the dates, folds names for search and keeps notes and documents with SHA-256 and size', async () => {
		const base = fixture('V01.json').applications[0]!;
		const invited: Application = {...base, applicationNumber: 'E000000901', invitedAt: '2026-10-01T12:00:00Z'};
		await importApplications(alice, [fixture('V17.json').applications[0]!, invited], {file: 'two.json', today: TODAY});
		await importApplications(alice, fixture('V01.json').applications, {file: 'V01.json', today: TODAY});
		expect((await caseRow('E000000901')).status).toBe('invited');
		const v17 = await caseRow('E000000117');
		expect(v17.status).toBe('received');
		expect(v17.received_at).toBe('2026-11-26T18:42:00.000Z');
		expect(v17.invited_at).toBe('2026-11-12T15:00:00.000Z');
		expect(v17.search_key).toBe('mwangi brian otieno 12048896 e000000117');
		const note = await t.store.db.selectFrom('notes').selectAll().where('application_number', '=', 'E000000117').executeTakeFirstOrThrow();
		expect(note).toMatchObject({author: 'aokafor', at: '2026-11-27T14:10:00.000Z', corrects_note_id: null});
		expect(note.body).toContain('expérience au Canada vérifiée');
		const doc = await t.store.db.selectFrom('documents').selectAll().where('application_number', '=', 'E000000101').executeTakeFirstOrThrow();
		const bytes = Buffer.from(base.documents![0]!.contentBase64, 'base64');
		expect(doc.size_bytes).toBe(bytes.length);
		expect(doc.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
		expect(Buffer.from(doc.content).equals(bytes)).toBe(true);
		expect(doc.added_by).toBe('alice');
		expect(doc).toMatchObject({kind: 'passport', file_name: 'passport-okonkwo.txt', media_type: 'text/plain', status: 'received'});
	});

	it('refuses an application number already in the store, naming it and the file, and imports nothing from that file', async () => {
		await importApplications(alice, fixture('V01.json').applications, {file: 'first.json', today: TODAY});
		const fresh = {...fixture('V03.json').applications[0]!};
		const again = fixture('V01.json').applications[0]!;
		const attempt = importApplications(alice, [fresh, again], {file: 'second.json', today: TODAY});
		await expect(attempt).rejects.toThrow(InvalidError);
		await expect(attempt).rejects.toThrow('second.json: application E000000101 is already in the store');
		expect(await count('applications')).toBe(1);
		expect(await count('work_periods')).toBe(fixture('V01.json').applications[0]!.applicant.workExperience.length);
		await expect(importApplications(alice, [fresh, fresh], {file: 'twice.json'})).rejects.toThrow('twice.json: application E000000103 appears twice in the list');
	});

	it('imports nothing from a file with one bad application (the parser names the file and the JSON path)', async () => {
		const good = JSON.parse(fixture('V01.json').text);
		const bad = {...JSON.parse(fixture('V03.json').text), uci: '12-34'};
		const text = JSON.stringify({applications: [good, bad]});
		expect(() => parseApplicationFile(text, 'mixed.json')).toThrow(FormatError);
		expect(() => parseApplicationFile(text, 'mixed.json')).toThrow(/^mixed\.json: applications\[1\]\.uci: .*\(value "12-34"\)$/);
		expect(await count('applications')).toBe(0);
	});

	it('refuses a document over 10 MiB, naming the file, the application and the document; nothing is stored', async () => {
		const ok = fixture('V03.json').applications[0]!;
		const big: Application = {
			...fixture('V01.json').applications[0]!,
			documents: [{kind: 'other', title: 'scan', fileName: 'scan.pdf', mediaType: 'application/pdf', contentBase64: Buffer.alloc(MAX_DOCUMENT_BYTES + 1).toString('base64')}],
		};
		await expect(importApplications(alice, [ok, big], {file: 'big.json', today: TODAY})).rejects.toThrow(
			'big.json: application E000000101: documents[0] ("scan.pdf") is 10,485,761 bytes, over the limit of 10 MiB (10,485,760 bytes) per document',
		);
		expect(await count('applications')).toBe(0);
		const atLimit: Application = {...big, documents: [{...big.documents![0]!, contentBase64: Buffer.alloc(MAX_DOCUMENT_BYTES).toString('base64')}]};
		await importApplications(alice, [atLimit], {file: 'limit.json', today: TODAY});
		expect(await count('documents')).toBe(1);
	});

	it('lets officers and admins import; an auditor is refused and the refusal audited', async () => {
		await addOfficer(alice, {userName: 'carol', roles: ['auditor']});
		const carol = await t.as('carol');
		await expect(importApplications(carol, fixture('V01.json').applications, {file: 'a.json'})).rejects.toThrow(PermissionError);
		expect(await count('applications')).toBe(0);
		const refused = await t.store.db.selectFrom('audit_events').selectAll().where('action', '=', 'refused').execute();
		expect(refused.map((e) => [e.officer, decodeJson<{attempt: string}>(e.detail)!.attempt])).toEqual([['carol', 'import']]);
	});
});

describe('exportCaseJson', () => {
	it('round-trips: import → export → import into another store → export gives the same application data for all 25', async () => {
		await importAllFixtures(alice);
		const other = await seededStore('caips-import-other-');
		try {
			const otherAlice = await other.as('alice');
			for (const name of FIXTURE_FILES) {
				const original = fixture(name).applications[0]!;
				const exported = await exportCaseJson(alice, original.applicationNumber);
				const text = JSON.stringify(exported, null, 2);
				const reparsed = parseApplicationFile(text, `${name} (exported)`);
				expect(reparsed[0], name).toEqual(original);
				await importApplications(otherAlice, reparsed, {file: 'exported.json', today: TODAY});
				const again = await exportCaseJson(otherAlice, original.applicationNumber);
				expect(JSON.stringify(again, null, 2), name).toBe(text);
			}
			const first = await other.store.db.selectFrom('applications').select(['crs_total', 'eligible_programs', 'search_key', 'data']).orderBy('application_number').execute();
			const second = await t.store.db.selectFrom('applications').select(['crs_total', 'eligible_programs', 'search_key', 'data']).orderBy('application_number').execute();
			expect(first).toEqual(second);
		} finally {
			await other.close();
		}
	});


	it('stores the application JSON as ASCII (other scripts, emoji and bidi controls escaped) and gives the names back unchanged', async () => {
		const original = fixture(FIXTURE_FILES[0]!).applications[0]!;
		const familyName = 'Nguyễn 王 \u202eevil\u202c';
		const givenNames = 'Zoë 😀';
		const app: Application = {...original, applicant: {...original.applicant, familyName, givenNames}};
		await importApplications(alice, [app], {file: 'names.json', today: TODAY});
		const row = await caseRow(app.applicationNumber);
		expect(row.data).toMatch(/^[\x20-\x7e]*$/);
		expect(row.data).toContain('Nguy\\u1ec5n \\u738b \\u202eevil\\u202c');
		expect(decodeJson<Application>(row.data).applicant).toMatchObject({familyName, givenNames});
		const exported = (await exportCaseJson(alice, app.applicationNumber)) as {applicant: {familyName: string; givenNames: string}};
		expect(exported.applicant).toMatchObject({familyName, givenNames});
	});
	it('exports every note, imported and added in caips, in the order recorded, and keeps keys in the spec order', async () => {
		await importAllFixtures(alice);
		await t.store.transaction((trx) =>
			trx.insertInto('notes').values({application_number: 'E000000117', author: 'alice', at: '2026-11-29T10:00:00.000Z', body: 'Second note.\nTwo lines.', corrects_note_id: null}).execute(),
		);
		const exported = await exportCaseJson(alice, 'E000000117');
		expect(exported.notes).toEqual([
			{author: 'aokafor', at: '2026-11-27T14:10:00Z', body: "Lettre de l'employeur reçue ; expérience au Canada vérifiée (21231, 40 h/sem.)."},
			{author: 'alice', at: '2026-11-29T10:00:00Z', body: 'Second note.\nTwo lines.'},
		]);
		expect(Object.keys(exported)).toEqual(Object.keys(parseApplication(exported, 'x')));
		expect(Object.keys(exported).slice(0, 4)).toEqual(['applicationNumber', 'uci', 'program', 'profileSubmittedAt']);
		expect(exported).not.toHaveProperty('status');
		const v03 = await exportCaseJson(alice, 'E000000103');
		expect(v03).not.toHaveProperty('notes');
		expect(v03).not.toHaveProperty('documents');
	});

	it('is audited as an export with its format; an unknown case is named', async () => {
		await importApplications(alice, fixture('V01.json').applications, {file: 'a.json', today: TODAY});
		await exportCaseJson(alice, 'E000000101');
		const last = await t.store.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
		expect([last.action, last.application_number, last.officer]).toEqual(['export', 'E000000101', 'alice']);
		expect(decodeJson(last.detail)).toEqual({format: 'json'});
		await expect(exportCaseJson(alice, 'E000000999')).rejects.toThrow('no case "E000000999" in this store');
	});
});

describe('exportCaseNotes', () => {
	async function withFindingAndDecision(): Promise<void> {
		// What assess-item and decide record (other modules), written here directly.
		await t.store.transaction(async (trx) => {
			const period = await trx
				.selectFrom('work_periods')
				.select(['id', 'idx'])
				.where('application_number', '=', 'E000000117')
				.where('person', '=', 'applicant')
				.where('country', '=', 'CAN')
				.executeTakeFirstOrThrow();
			await trx
				.updateTable('work_periods')
				.set({finding: 'not_credited', finding_reason: 'Reference letter does not\nshow the duties.', finding_by: 'alice', finding_at: '2026-11-29T11:00:00.000Z'})
				.where('id', '=', period.id)
				.execute();
			const app = fixture('V17.json').applications[0]!;
			const assessment = assessCase(app, [{person: 'applicant', idx: period.idx, finding: 'not_credited'}], caseReferenceDate(app, TODAY));
			await trx.updateTable('applications').set({assessment: encodeJson(assessment), version: 2}).where('application_number', '=', 'E000000117').execute();
			await trx
				.insertInto('decisions')
				.values({
					application_number: 'E000000117',
					outcome: 'refuse',
					reason_codes: encodeJson(['cec-not-met']),
					text: 'Canadian experience not established.\nSee note #2.',
					officer: 'alice',
					decided_at: '2026-11-29T12:00:00.000Z',
					rules_version: '2025-03-25',
					assessment_snapshot: encodeJson(assessment.asAssessed),
					case_version: 2,
					review_required: 1,
				})
				.execute();
			await trx
				.insertInto('notes')
				.values({application_number: 'E000000117', author: 'alice', at: '2026-11-29T11:30:00.000Z', body: 'Line one\n\u001b[31mred\u001b[0m line two', corrects_note_id: 1})
				.execute();
		});
	}

	it('is byte-identical when run twice, and audited each time', async () => {
		await importAllFixtures(alice);
		await withFindingAndDecision();
		const first = await exportCaseNotes(alice, 'E000000117');
		const second = await exportCaseNotes(alice, 'E000000117');
		expect(second).toBe(first);
		const exports = await t.store.db.selectFrom('audit_events').selectAll().where('action', '=', 'export').execute();
		expect(exports.map((e) => [e.application_number, decodeJson(e.detail)])).toEqual([
			['E000000117', {format: 'notes'}],
			['E000000117', {format: 'notes'}],
		]);
	});

	it('holds the header, persons, assessment, criteria with sources, CRS breakdown, findings, notes, documents, decisions and history', async () => {
		await importAllFixtures(alice);
		const plain = await exportCaseNotes(alice, 'E000000101');
		const lines = plain.split('\n');
		expect(lines).toContain('CASE RECORD  E000000101');
		expect(lines).toContain('UCI                   1187-4420');
		expect(lines).toContain('Status                pool');
		expect(lines).toContain('Applicant             Okonkwo, Chiamaka Adaeze');
		expect(lines).toContain('  date of birth       1997-03-14');
		expect(lines).toContain('CRS total             429');
		expect(lines).toContain('Eligibility           CEC not eligible; FSW eligible (68 points); FST not eligible');
		expect(lines).toContain('As claimed and as assessed agree.');
		expect(plain).toMatch(/FAIL {2}cec\.canadian-experience +IRPR s\. 87\.1\(2\)\(a\)/);
		expect(plain).toMatch(/A\. Core \/ human capital +354/);
		expect(lines).toContain('#1  passport  Passport bio page (transcript)');
		const bytes = Buffer.from(fixture('V01.json').applications[0]!.documents![0]!.contentBase64, 'base64');
		expect(lines).toContain(`      SHA-256 ${createHash('sha256').update(bytes).digest('hex')}`);
		expect(lines).toContain(`      file passport-okonkwo.txt  text/plain  ${bytes.length} bytes  status received`);
		expect(plain).toMatch(/^ +\d+ {2}2026-11-29T09:00:\d\d\.000Z {2}alice {2}import {2}\{"file":".*V01\.json","status":"pool","documents":1,"notes":0\}$/m);
		expect(plain.endsWith('END OF RECORD  E000000101\n')).toBe(true);

		await withFindingAndDecision();
		const record = await exportCaseNotes(alice, 'E000000117');
		const r = record.split('\n');
		expect(r).toContain('As claimed and as assessed differ (officer findings on work periods):');
		expect(r).toContain('  as claimed:  CRS 508; eligible: CEC, FSW; CEC eligible; FSW eligible (80 points); FST not eligible');
		expect(r.some((l) => /^ {2}as assessed: CRS \d+; eligible: /.test(l) && !l.includes('CRS 508'))).toBe(true);
		expect(r).toContain('      finding: not credited by alice at 2026-11-29T11:00:00.000Z');
		expect(r).toContain('      reason: Reference letter does not');
		expect(r).toContain('      show the duties.');
		expect(r).toContain('#2  2026-11-29T11:30:00.000Z  alice  (corrects note #1)');
		expect(r).toContain('      ␛[31mred␛[0m line two');
		expect(record).not.toContain('\u001b');
		expect(r).toContain('      reason cec-not-met: does not meet the Canadian Experience Class requirements (IRPR s. 87.1)');
		expect(r).toContain('      Canadian experience not established.');
		expect(r).toContain('      review: required, not yet done');
		expect(record).toContain('Case version          2');
		// Reads are left out of the history; changes are in it.
		const history = record.slice(record.indexOf('HISTORY'));
		expect(history).toContain('  import  ');
		expect(history).not.toMatch(/ {2}(export|view) {2}/);
	});
});
