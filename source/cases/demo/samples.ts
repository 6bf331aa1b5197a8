/**
 * The rule book's sample applications as demo cases: stored as an import would store them, with
 * their documents and notes; a sample that has been received is being worked on by the author of
 * its note (when that officer exists).
 */
import {Buffer} from 'node:buffer';
import type {ApplicationStatus} from '../../../db/index.js';
import {parseApplication} from '../../format/parse.js';
import type {Application} from '../../rules/application.js';
import {assessCase, caseReferenceDate, type CaseAssessment} from '../assessment.js';
import {CaseRecorder} from './recorder.js';
import {caseRow, workRows} from './rows.js';
import {SAMPLE_APPLICATIONS} from './samples/index.js';
import type {DemoWorld} from './stories.js';

/** A sample, validated, with the status it will have and its assessment. */
export type Sample = {application: Application; status: ApplicationStatus; assessment: CaseAssessment};

/** The first `count` samples (at most 25), validated and assessed on `today`. */
export function loadSamples(count: number, today: string): Sample[] {
	return SAMPLE_APPLICATIONS.slice(0, Math.max(0, count)).map((raw, i) => {
		const application = parseApplication(raw, `demo sample ${i + 1}`);
		const status: ApplicationStatus = application.receivedAt ? 'in_review' : application.invitedAt ? 'invited' : 'pool';
		return {application, status, assessment: assessCase(application, [], caseReferenceDate(application, today))};
	});
}

/** Records a sample case: import (with its documents and notes), invitation, receipt, assignment. */
export function tellSample(world: DemoWorld, sample: Sample): void {
	const {application: app, assessment} = sample;
	const {staff, ledger, random} = world;
	const number = app.applicationNumber;
	const createdAt = Date.parse(app.profileSubmittedAt);
	const rec = new CaseRecorder(ledger, number, createdAt, 'pool');
	workRows(ledger, number, app);
	ledger.event(createdAt, staff.admin, 'import', number, {source: 'demo', status: 'pool', documents: app.documents?.length ?? 0, notes: app.notes?.length ?? 0});
	for (const doc of app.documents ?? []) {
		rec.document(createdAt + 60_000, staff.admin, {kind: doc.kind, title: doc.title, fileName: doc.fileName, mediaType: doc.mediaType, text: Buffer.from(doc.contentBase64, 'base64')});
	}
	if (app.invitedAt) {
		rec.status = 'invited';
		rec.change(Date.parse(app.invitedAt), staff.admin, 'invite', {crs: assessment.asClaimed.crs.total, from: 'pool', to: 'invited'});
	}
	let office: string | null = null;
	if (app.receivedAt) {
		const firstNote = app.notes?.[0];
		const worker = staff.members.find((m) => m.userName === firstNote?.author && m.roles.includes('officer'));
		office = worker?.office ?? staff.office(random);
		rec.status = 'received';
		rec.change(Date.parse(app.receivedAt), staff.admin, 'receive', {from: 'invited', to: 'received', office});
		if (sample.status === 'in_review') {
			const officer = worker?.userName ?? staff.caseworker(office, random);
			const at = firstNote ? Date.parse(firstNote.at) - 20 * 60_000 : Date.parse(app.receivedAt) + 86_400_000;
			rec.assignedTo = officer;
			rec.status = 'in_review';
			rec.change(at, officer, 'assign', {from: null, to: officer, status: {from: 'received', to: 'in_review'}, via: 'next'});
			rec.touch(at + 5 * 60_000, officer, 'view');
		}
	}
	for (const note of app.notes ?? []) rec.note(Date.parse(note.at), note.author, note.body);
	ledger.batch.applications.push(caseRow(rec, app, assessment, office));
}
