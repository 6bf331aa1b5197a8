/**
 * `caips export APP --format json`: one case in the application file format, so that import →
 * export → import gives the same application data. Notes are all the case's notes (imported and
 * added in caips, in the order recorded); documents carry their stored bytes as base64.
 *
 * What caips added besides notes (status, assignment, findings, decisions, reviews, the audit
 * trail) has no place in the strict import format and is left out: it is in the notes export
 * (`export-notes.ts`).
 */
import {decodeJson, fetchPage, type SortKey} from '../../db/index.js';
import {applicationToJson} from '../format/serialise.js';
import {normaliseInstant} from '../format/scalars.js';
import type {Application, Document} from '../rules/application.js';
import {recordAudit} from './audit.js';
import {CASE_READ_ROLES, readAllPages} from './case-view.js';
import {NotFoundError} from './errors.js';
import {requireRole, write, type Session} from './session.js';

const BY_ID: readonly SortKey[] = [{column: 'id'}];
/** Documents per page: they carry their content, so pages stay small. */
const DOCUMENT_PAGE = 16;

/**
 * The case `applicationNumber` as an application object in canonical key order (pass it to
 * `JSON.stringify`). `documents` / `notes` are present when the imported file had them or the
 * case has any. Audited as `export` with `{format: 'json'}` (a disclosure), in the same
 * transaction as the read. Throws NotFoundError (65) for an unknown case, PermissionError (77)
 * when the officer holds none of the case-reading roles.
 */
export async function exportCaseJson(session: Session, applicationNumber: string): Promise<Application> {
	return write(session, {action: 'export', applicationNumber}, async (trx) => {
		requireRole(session.actor, CASE_READ_ROLES, 'exporting a case');
		const row = await trx.selectFrom('applications').select(['data']).where('application_number', '=', applicationNumber).executeTakeFirst();
		if (!row) throw new NotFoundError(`no case ${JSON.stringify(applicationNumber)} in this store`);
		const data = decodeJson<Application>(row.data);
		const notes = await readAllPages((after) =>
			fetchPage(trx.selectFrom('notes').select(['id', 'author', 'at', 'body']).where('application_number', '=', applicationNumber), {sort: BY_ID, after, limit: 500}),
		);
		const documents = await readAllPages((after) =>
			fetchPage(
				trx.selectFrom('documents').select(['id', 'kind', 'title', 'file_name', 'media_type', 'content']).where('application_number', '=', applicationNumber),
				{sort: BY_ID, after, limit: DOCUMENT_PAGE},
			),
		);
		await recordAudit(trx, session, {action: 'export', applicationNumber, detail: {format: 'json'}});
		return applicationToJson({
			...data,
			documents:
				documents.length > 0 || data.documents
					? documents.map(
							(d): Document => ({
								kind: d.kind as Document['kind'],
								title: d.title,
								fileName: d.file_name,
								mediaType: d.media_type,
								contentBase64: Buffer.from(d.content).toString('base64'),
							}),
						)
					: undefined,
			notes: notes.length > 0 || data.notes ? notes.map((n) => ({author: n.author, at: normaliseInstant(n.at), body: n.body})) : undefined,
		});
	});
}
