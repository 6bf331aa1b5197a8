/**
 * The case-work commands as an officer runs them (the built CLI, a real store): note, document,
 * decide, review, assess-item. Exit codes and one-line errors per the CLI contract.
 */
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {sql} from 'kysely';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {tempDir} from '../db/helpers.js';
import {addOfficer, insertCase, openSeededStore} from '../cases/seed-decisions.js';
import {runCli, type Run} from '../helpers/cli.js';

const tmp = tempDir('caips-casework-cli-');
const db = path.join(tmp.dir, 'caips.db');
let serial = 0;

beforeAll(async () => {
	const store = await openSeededStore(db);
	await addOfficer(store, 'jdoe', ['officer']);
	await addOfficer(store, 'aokafor', ['officer']);
	await addOfficer(store, 'msup', ['supervisor']);
	await addOfficer(store, 'audra', ['auditor']);
	await store.close();
});
afterAll(() => tmp.cleanup());

/** A fresh case from fixture `id` in review, assigned to jdoe (or as given). */
async function newCase(id = 'V17', assignedTo: string | null = 'jdoe'): Promise<string> {
	serial++;
	const store = await openSeededStore(db);
	try {
		return await insertCase(store, id, {assignedTo, applicationNumber: `E5${String(serial).padStart(8, '0')}`});
	} finally {
		await store.close();
	}
}

async function query<T>(fn: (s: Awaited<ReturnType<typeof openSeededStore>>) => Promise<T>): Promise<T> {
	const store = await openSeededStore(db);
	try {
		return await fn(store);
	} finally {
		await store.close();
	}
}

const as = (officer: string, args: string[], input?: string): Run => runCli(['--db', db, ...args], {env: {CAIPS_OFFICER: officer}, input});

/** One line on stderr, starting `caips: `. */
function oneLineError(run: Run): string {
	expect(run.stdout).toBe('');
	const lines = run.stderr.trimEnd().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(/^caips: /);
	return lines[0]!;
}

describe('caips note add', {timeout: 30_000}, () => {
	it('appends a note from --text, --file or standard input', async () => {
		const app = await newCase();
		const fromText = as('aokafor', ['note', 'add', app, '--text', 'Called the employer.']);
		expect(fromText).toMatchObject({code: 0, stderr: ''});
		expect(fromText.stdout).toMatch(new RegExp(`^note \\d+ added to ${app}\\n$`));
		const file = path.join(tmp.dir, 'note.txt');
		writeFileSync(file, 'From a file.\nSecond line.');
		expect(as('jdoe', ['note', 'add', app, '--file', file]).code).toBe(0);
		const fromStdin = as('msup', ['note', 'add', app, '-', '--json'], 'From stdin.');
		expect(fromStdin.code).toBe(0);
		const note = JSON.parse(fromStdin.stdout);
		expect(note).toMatchObject({applicationNumber: app, author: 'msup', body: 'From stdin.'});
		const correction = as('jdoe', ['note', 'add', app, '--text', 'Correction: called twice.', '--corrects', String(note.id)]);
		expect(correction.stdout).toContain(`(corrects note ${note.id})`);
		const bodies = await query((s) => s.db.selectFrom('notes').select('body').where('application_number', '=', app).orderBy('id').execute());
		expect(bodies.map((b) => b.body)).toEqual(['Called the employer.', 'From a file.\nSecond line.', 'From stdin.', 'Correction: called twice.']);
	});

	it('usage errors exit 2; bad input 65; an auditor 77', async () => {
		const app = await newCase();
		expect(as('jdoe', ['note', 'add', app]).code).toBe(2);
		expect(as('jdoe', ['note', 'add', app, '--text', 'a', '-']).code).toBe(2);
		expect(as('jdoe', ['note', 'add', app, '--text', 'a', '--corrects', 'x']).code).toBe(2);
		const big = path.join(tmp.dir, 'big-note.txt');
		writeFileSync(big, 'x'.repeat(70_000));
		const tooBig = as('jdoe', ['note', 'add', app, '--file', big]);
		expect(tooBig.code).toBe(65);
		expect(oneLineError(tooBig)).toBe('caips: note body is 70,000 bytes; the limit is 65,536 bytes (64 KiB)');
		const auditor = as('audra', ['note', 'add', app, '--text', 'hello']);
		expect(auditor.code).toBe(77);
		expect(oneLineError(auditor)).toContain('needs the officer or supervisor role');
		const missing = as('jdoe', ['note', 'add', 'E000000999', '--text', 'hello']);
		expect(missing.code).toBe(65);
		expect(oneLineError(missing)).toBe('caips: no case E000000999');
	});
});

describe('caips document', {timeout: 30_000}, () => {
	it('adds, lists, shows (made safe) and verifies documents; media types guessed from the extension', async () => {
		const app = await newCase();
		const letter = path.join(tmp.dir, 'letter.txt');
		writeFileSync(letter, 'Duties: NOC 21231\n\u001b[2Jcleared?\n');
		const pdf = path.join(tmp.dir, 'scan.pdf');
		writeFileSync(pdf, '%PDF-1.7 binary');
		const other = path.join(tmp.dir, 'data.xyz');
		writeFileSync(other, 'x');

		const added = as('jdoe', ['document', 'add', app, letter, '--kind', 'employment-reference', '--title', 'Employer letter']);
		expect(added).toMatchObject({code: 0, stderr: ''});
		expect(added.stdout).toMatch(new RegExp(`^document \\d+ added to ${app}: letter\\.txt \\(employment-reference, text/plain, 31 bytes, sha256 [0-9a-f]{64}\\)\\n$`));
		expect(as('jdoe', ['document', 'add', app, pdf, '--kind', 'passport']).code).toBe(0);
		expect(as('jdoe', ['document', 'add', app, other, '--kind', 'other', '--media-type', 'text/csv']).code).toBe(0);
		expect(as('jdoe', ['document', 'add', app, other, '--kind', 'other']).code).toBe(0);

		const list = as('audra', ['document', 'list', app, '--json']);
		expect(list.code).toBe(0);
		const {documents} = JSON.parse(list.stdout);
		expect(documents.map((d: {mediaType: string}) => d.mediaType)).toEqual(['text/plain', 'application/pdf', 'text/csv', 'application/octet-stream']);
		expect(documents[1].title).toBe('scan.pdf');
		const text = as('audra', ['document', 'list', app]);
		expect(text.stdout.split('\n')[0]).toMatch(/^\s+ID\s+KIND/);
		expect(text.stdout).toContain('letter.txt — Employer letter');

		const shown = as('audra', ['document', 'show', String(documents[0].id)]);
		expect(shown.code).toBe(0);
		expect(shown.stdout).toBe('Duties: NOC 21231\n␛[2Jcleared?\n\n');
		expect(shown.stdout).not.toContain('\u001b');
		const pdfShown = as('jdoe', ['document', 'show', String(documents[1].id)]);
		expect(pdfShown.code).toBe(65);
		expect(oneLineError(pdfShown)).toBe(`caips: document ${documents[1].id} is application/pdf: no text to show`);

		const verified = as('jdoe', ['document', 'verify', app]);
		expect(verified.code).toBe(0);
		expect(verified.stdout).toContain(`${app}: 4 documents, 4 ok, 0 changed`);
		await query((s) => sql`update documents set content = ${Buffer.from('forged')} where id = ${documents[0].id}`.execute(s.db));
		const tampered = as('jdoe', ['document', 'verify', app]);
		expect(tampered.code).toBe(1);
		expect(tampered.stdout).toMatch(new RegExp(`^BAD  ${documents[0].id}  letter\\.txt: recorded sha256 [0-9a-f]{64} \\(31 bytes\\), now [0-9a-f]{64} \\(6 bytes\\)$`, 'm'));
		expect(JSON.parse(as('jdoe', ['document', 'verify', app, '--json']).stdout).ok).toBe(false);
	});

	it('refuses a missing --kind (2), an unknown kind (2), a missing file (65), a bad id (2)', async () => {
		const app = await newCase();
		const file = path.join(tmp.dir, 'x.txt');
		writeFileSync(file, 'x');
		expect(as('jdoe', ['document', 'add', app, file]).code).toBe(2);
		const kind = as('jdoe', ['document', 'add', app, file, '--kind', 'selfie']);
		expect(kind.code).toBe(2);
		expect(oneLineError(kind)).toMatch(/^caips: --kind: "selfie" is not one of passport, /);
		const missing = as('jdoe', ['document', 'add', app, path.join(tmp.dir, 'nope.txt'), '--kind', 'other']);
		expect(missing.code).toBe(65);
		expect(oneLineError(missing)).toBe(`caips: ${path.join(tmp.dir, 'nope.txt')}: no such file`);
		expect(as('jdoe', ['document', 'show', 'abc']).code).toBe(2);
	});
});

describe('caips decide and caips review', {timeout: 30_000}, () => {
	it('approve records the decision and prints the new status', async () => {
		const app = await newCase();
		const run = as('jdoe', ['decide', app, 'approve', '--text', 'Meets CEC.']);
		expect(run).toMatchObject({code: 0, stderr: ''});
		expect(run.stdout).toMatch(new RegExp(`^${app}: approve recorded \\(decision \\d+\\); the case is now approved\\n$`));
	});

	it('rfi sets the bring-forward date; --bf must be a date', async () => {
		const app = await newCase();
		expect(as('jdoe', ['decide', app, 'rfi', '--text', 'Send T4s', '--bf', 'soon']).code).toBe(2);
		const run = as('jdoe', ['decide', app, 'rfi', '--text', 'Send T4s', '--bf', '2099-01-15', '--json']);
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout)).toMatchObject({outcome: 'rfi', status: 'awaiting_info', bringForwardOn: '2099-01-15'});
	});

	it('refuse → review by a supervisor → refused; warnings go to stderr', async () => {
		const app = await newCase();
		const missing = as('jdoe', ['decide', app, 'refuse', '--text', 'short']);
		expect(missing.code).toBe(2);
		expect(oneLineError(missing)).toMatch(/^caips: --reason CODE is required: a refusal cites at least one reason code \(usage: caips decide APP OUTCOME /);
		const refused = as('jdoe', ['decide', app, 'refuse', '--reason', 'insufficient-evidence', '--reason', 'cec-not-met', '--text', 'Letter not credible.']);
		expect(refused.code).toBe(0);
		expect(refused.stdout).toContain('the case is now pending_review, a supervisor other than you must review it');
		expect(refused.stderr).toMatch(/^caips: warning: no procedural fairness letter was sent/);
		const again = as('jdoe', ['decide', app, 'approve']);
		expect(again.code).toBe(75);
		expect(oneLineError(again)).toContain('already has a decision awaiting review');
		const byOfficer = as('jdoe', ['review', app, 'approve']);
		expect(byOfficer.code).toBe(77);
		const reviewed = as('msup', ['review', app, 'approve']);
		expect(reviewed.code).toBe(0);
		expect(reviewed.stdout).toMatch(new RegExp(`^${app}: decision \\d+ approved on review; the case is now refused\\n$`));
	});

	it('review return needs --text and sends the case back', async () => {
		const app = await newCase();
		expect(as('jdoe', ['decide', app, 'refuse', '--reason', 'cec-not-met', '--text', 'Hours short.']).code).toBe(0);
		const noText = as('msup', ['review', app, 'return']);
		expect(noText.code).toBe(2);
		expect(oneLineError(noText)).toBe('caips: --text T is required: why the decision is returned (usage: caips review APP (approve|return) [--text T])');
		const returned = as('msup', ['review', app, 'return', '--text', 'Count the Calgary period.']);
		expect(returned.code).toBe(0);
		expect(returned.stdout).toMatch(/returned \(note \d+\); the case is now in_review\n$/);
	});

	it('refusals: wrong role 77, wrong state 65, stale version 75 naming what changed, bad outcome 2', async () => {
		const app = await newCase();
		const role = as('msup', ['decide', app, 'approve']);
		expect(role.code).toBe(77);
		expect(oneLineError(role)).toBe(`caips: deciding ${app} needs the officer role; msup has supervisor`);
		const refusedEvents = await query((s) =>
			s.db.selectFrom('audit_events').select(['officer', 'action']).where('application_number', '=', app).where('action', '=', 'refused').execute(),
		);
		expect(refusedEvents).toEqual([{officer: 'msup', action: 'refused'}]);
		expect(as('jdoe', ['decide', app, 'maybe']).code).toBe(2);
		expect(as('aokafor', ['note', 'add', app, '--text', 'FYI']).code).toBe(0);
		expect(as('aokafor', ['document', 'add', app, path.join(tmp.dir, 'x.txt'), '--kind', 'other']).code).toBe(0);
		const stale = as('jdoe', ['decide', app, 'approve', '--expect-version', '1']);
		expect(stale.code).toBe(75);
		expect(oneLineError(stale)).toMatch(new RegExp(`^caips: case ${app} changed since you opened it \\(version 1 → 2\\): note by aokafor at .*, document by aokafor at `));
		expect(as('jdoe', ['decide', app, 'approve', '--expect-version', '2']).code).toBe(0);
		const closed = as('jdoe', ['decide', app, 'refuse', '--reason', 'cec-not-met', '--text', 'x']);
		expect(closed.code).toBe(65);
		expect(oneLineError(closed)).toBe(`caips: cannot refuse case ${app}: it is approved; refuse needs in_review, awaiting_info`);
	});
});

describe('caips assess-item', {timeout: 30_000}, () => {
	it('V17: not crediting the Canadian period shows both results and drops CEC as assessed', async () => {
		const app = await newCase('V17');
		const period = await query((s) =>
			s.db.selectFrom('work_periods').select('id').where('application_number', '=', app).where('person', '=', 'applicant').where('country', '=', 'CAN').executeTakeFirstOrThrow(),
		);
		const noReason = as('jdoe', ['assess-item', app, String(period.id), 'not-credited']);
		expect(noReason.code).toBe(2);
		expect(oneLineError(noReason)).toMatch(/^caips: --reason T is required: why the work period is not credited \(usage: caips assess-item /);
		expect(as('jdoe', ['assess-item', app, String(period.id), 'dubious']).code).toBe(2);
		const run = as('jdoe', ['assess-item', app, String(period.id), 'not-credited', '--reason', 'Letter does not show the duties.']);
		expect(run).toMatchObject({code: 0, stderr: ''});
		const lines = run.stdout.trimEnd().split('\n');
		expect(lines[0]).toBe(`${app} work period ${period.id}: not-credited`);
		expect(lines[1]).toMatch(/^as assessed: CRS 508; eligible CEC, FSW → CRS \d+; eligible FSW$/);
		expect(lines[2]).toBe('as claimed:  CRS 508; eligible CEC, FSW');
		const json = JSON.parse(as('jdoe', ['assess-item', app, String(period.id), 'claimed', '--json']).stdout);
		expect(json.after).toEqual({crs: 508, eligible: ['CEC', 'FSW']});
	});
});
