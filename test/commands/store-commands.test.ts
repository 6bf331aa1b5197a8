/**
 * The store commands as an officer or a script meets them: init, officer, import, export,
 * case show and audit verify, with their exit codes and one-line errors (CLI contract).
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {decodeJson, openStore} from '../../db/index.js';
import {tempDir} from '../db/helpers.js';
import {ROOT, runCli, type Run} from '../helpers/cli.js';

const fixtures = join(ROOT, 'test', 'fixtures', 'applications');
const work = tempDir('caips-cli-store-');
const db = join(work.dir, 'store', 'caips.db');
const as = (officer: string, args: string[]): Run => runCli(args, {env: {CAIPS_DB: db, CAIPS_OFFICER: officer}});
const alice = (...args: string[]) => as('alice', args);

function oneLineError(run: Run, code: number, pattern: RegExp): void {
	expect(run.code, run.stderr).toBe(code);
	expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
	expect(run.stderr).toMatch(/^caips: /);
	expect(run.stderr).toMatch(pattern);
	expect(run.stderr).not.toMatch(/\n\s+at /);
}

function file(name: string, content: unknown): string {
	const path = join(work.dir, name);
	writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
	return path;
}

const fixtureJson = (name: string) => JSON.parse(readFileSync(join(fixtures, name), 'utf8'));

async function auditRows() {
	const store = await openStore(db);
	try {
		return await store.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
	} finally {
		await store.close();
	}
}

afterAll(() => work.cleanup());

describe('without a store', () => {
	it('every store command exits 69 with one line naming the path', () => {
		for (const args of [['case', 'show', 'E000000101'], ['import', join(fixtures, 'V01.json')], ['export', 'E000000101'], ['audit', 'verify'], ['officer', 'list']]) {
			oneLineError(alice(...args), 69, /no store here \(create one with "caips init"/);
		}
	});
});

describe('caips init', () => {
	it('creates the store; the user becomes admin, officer and supervisor', () => {
		const run = alice('init');
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toBe(`created the caips store at ${db}; alice is its admin, officer and supervisor (13 reason codes seeded)\n`);
		const list = alice('officer', 'list', '--json');
		expect(list.code).toBe(0);
		expect(JSON.parse(list.stdout)).toMatchObject([{userName: 'alice', roles: ['admin', 'officer', 'supervisor'], active: true}]);
	});

	it('run again, changes nothing and exits 0, saying so', async () => {
		const before = await auditRows();
		const run = as('zoe', ['init']);
		expect(run.code).toBe(0);
		expect(run.stdout).toBe(`the caips store at ${db} is already set up with 1 officer; nothing changed; zoe is not one of them (an admin adds officers: caips officer add zoe --role officer)\n`);
		expect(JSON.parse(alice('init', '--json').stdout)).toEqual({path: db, created: false, officers: 1, isOfficer: true});
		expect(await auditRows()).toEqual(before);
	});

	it('takes no arguments', () => {
		oneLineError(alice('init', 'extra'), 2, /usage: caips init/);
	});
});

describe('caips officer', () => {
	it('an admin adds officers with several roles and lists them', () => {
		const add = alice('officer', 'add', 'bob', '--role', 'officer', '--role', 'supervisor', '--office', 'Sydney', '--name', 'Bob Tremblay');
		expect(add.stderr).toBe('');
		expect(add.stdout).toBe('added officer bob (officer, supervisor)\n');
		expect(alice('officer', 'add', 'carol', '--role', 'auditor').code).toBe(0);
		expect(alice('officer', 'add', 'dave', '--role', 'officer').code).toBe(0);
		const list = alice('officer', 'list');
		expect(list.code).toBe(0);
		const lines = list.stdout.trimEnd().split('\n');
		expect(lines[0]).toMatch(/^USER\s+NAME\s+ROLES\s+OFFICE\s+STATE$/);
		expect(lines[2]).toMatch(/^bob\s+Bob Tremblay\s+officer,supervisor\s+Sydney\s+active$/);
		expect(lines).toHaveLength(5);
	});

	it('names a bad role (usage, exit 2) and asks for at least one role', () => {
		oneLineError(alice('officer', 'add', 'erin', '--role', 'boss'), 2, /--role: "boss" is not one of officer, supervisor, admin, auditor/);
		oneLineError(alice('officer', 'add', 'erin'), 2, /--role R is required: at least one of officer, supervisor, admin, auditor \(usage: caips officer add /);
		oneLineError(alice('officer', 'add', 'bob', '--role', 'officer'), 65, /officer "bob" already exists/);
		oneLineError(alice('officer', 'fire', 'bob'), 2, /usage: caips officer add/);
	});

	it('refuses a non-admin with exit 77, and the refusal is audited', async () => {
		oneLineError(as('bob', ['officer', 'add', 'mallory', '--role', 'admin']), 77, /adding an officer needs the admin role; bob has officer, supervisor/);
		const last = (await auditRows()).at(-1)!;
		expect([last.officer, last.action]).toEqual(['bob', 'refused']);
		expect(decodeJson(last.detail)).toMatchObject({attempt: 'officer-add'});
		oneLineError(as('mallory', ['officer', 'list']), 77, /"mallory" is not an officer of this store/);
	});
});

describe('caips import', () => {
	it('imports each file all or nothing and stops at a bad one, saying what stays imported', () => {
		const good = fixtureJson('V03.json');
		const bad = {...fixtureJson('V04.json'), uci: '12-34'};
		const mixed = file('mixed.json', {applications: [good, bad]});
		const run = alice('import', join(fixtures, 'V01.json'), mixed, join(fixtures, 'V05.json'));
		expect(run.stdout).toBe(`imported 1 application from ${join(fixtures, 'V01.json')}\n`);
		oneLineError(
			run,
			65,
			/mixed\.json: applications\[1\]\.uci: .*\(value "12-34"\); nothing imported from .*mixed\.json; the 1 file before it stays imported; 1 file after it not read\n$/,
		);
		expect(alice('case', 'show', 'E000000101').code).toBe(0);
		oneLineError(alice('case', 'show', 'E000000103'), 65, /no case "E000000103" in this store/);
		oneLineError(alice('case', 'show', 'E000000105'), 65, /no case "E000000105"/);
	});

	it('imports the rest of the fixtures, several files at once', () => {
		const names = ['V03', 'V04', 'V05', 'V17', 'V22'].map((id) => join(fixtures, `${id}.json`));
		const run = alice('import', ...names);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout.trimEnd().split('\n')).toEqual(names.map((name) => `imported 1 application from ${name}`));
	});

	it('refuses an application number already in the store (65), naming it and the file', () => {
		oneLineError(alice('import', join(fixtures, 'V01.json')), 65, /V01\.json: application E000000101 is already in the store; nothing imported from/);
	});

	it('refuses an auditor (77) and a non-officer (77); names a missing file (65); needs a file (2)', () => {
		oneLineError(as('carol', ['import', join(fixtures, 'V06.json')]), 77, /importing applications needs the officer or admin role; carol has auditor/);
		oneLineError(as('mallory', ['import', join(fixtures, 'V06.json')]), 77, /not an officer/);
		oneLineError(alice('import', join(work.dir, 'nope.json')), 65, /nope\.json: no such file/);
		oneLineError(alice('import'), 2, /usage: caips import FILE/);
	});
});

describe('caips export', () => {
	it('writes the application JSON by default, which imports back', () => {
		const run = alice('export', 'E000000117');
		expect(run.code).toBe(0);
		const exported = JSON.parse(run.stdout);
		expect(exported.applicationNumber).toBe('E000000117');
		expect(exported.notes).toEqual([{author: 'aokafor', at: '2026-11-27T14:10:00Z', body: fixtureJson('V17.json').notes[0].body}]);
		const assess = runCli(['assess', file('exported.json', run.stdout), '--as-of', '2026-11-29', '--json']);
		expect(JSON.parse(assess.stdout).crs.total).toBe(508);
	});

	it('writes the notes record, byte-identical twice, audited as exports', async () => {
		const first = alice('export', 'E000000101', '--format', 'notes');
		const second = alice('export', 'E000000101', '--format', 'notes');
		expect(first.code).toBe(0);
		expect(second.stdout).toBe(first.stdout);
		expect(first.stdout).toContain('\nCRS total             429\n');
		expect(first.stdout).toMatch(/pass {2}fsw\.points +IRPR s\. 76\(1\)\(a\), ss\. 78–83/);
		const exports = (await auditRows()).filter((e) => e.action === 'export' && e.application_number === 'E000000101');
		expect(exports.map((e) => decodeJson<{format: string}>(e.detail)!.format)).toEqual(['notes', 'notes']);
	});

	it('a bad --format is a usage error (2); an unknown case is bad input (65); a non-officer 77', () => {
		oneLineError(alice('export', 'E000000101', '--format', 'xml'), 2, /--format: "xml" is not json or notes/);
		oneLineError(alice('export', 'E000000999'), 65, /no case "E000000999" in this store/);
		oneLineError(as('mallory', ['export', 'E000000101']), 77, /not an officer/);
		oneLineError(alice('export'), 2, /usage: caips export APP/);
	});
});

describe('caips case show', () => {
	it('shows the header, persons, work periods with ids and the assessment', async () => {
		const run = alice('case', 'show', 'E000000117');
		expect(run.code).toBe(0);
		const lines = run.stdout.split('\n');
		expect(lines[0]).toBe('E000000117  Mwangi, Brian Otieno  UCI 1204-8896  program CEC');
		expect(lines[1]).toBe('Status received  assigned to nobody  office —  priority 0  version 1');
		expect(run.stdout).toContain('Spouse     Wanjiru, Grace Njeri  born 1997-09-09  KEN  married  accompanying');
		expect(run.stdout).toMatch(/ {2}id \d+ {2}applicant #2 {2}Prairie Cloud Systems {2}NOC 21231 {2}CAN {2}2024-02-05 to 2026-03-01 {2}40 h\/wk {2}claimed/);
		expect(run.stdout).toContain('CRS 508 of 1,200');
		expect(run.stdout).toContain('Notes 1  documents 0  decisions 0');
		const last = (await auditRows()).at(-1)!;
		expect([last.officer, last.action, last.application_number]).toEqual(['alice', 'view', 'E000000117']);
	});

	it('--json gives the case columns, the application, both assessments, notes, documents metadata and decisions', () => {
		const run = alice('case', 'show', 'E000000101', '--json');
		expect(run.code).toBe(0);
		const out = JSON.parse(run.stdout);
		expect(Object.keys(out)).toEqual(['case', 'application', 'assessment', 'workPeriods', 'notes', 'documents', 'decisions']);
		expect(out.case).toMatchObject({applicationNumber: 'E000000101', status: 'pool', crsTotal: 429, eligiblePrograms: ['FSW'], version: 1});
		expect(Object.keys(out.assessment)).toEqual(['asClaimed', 'asAssessed']);
		expect(out.documents[0]).toMatchObject({kind: 'passport', sizeBytes: 64});
		expect(out.documents[0]).not.toHaveProperty('content');
		expect(out.documents[0]).not.toHaveProperty('contentBase64');
	});

	it('usage errors exit 2; an unknown case 65; a non-officer 77', () => {
		oneLineError(alice('case'), 2, /usage: caips case show APP/);
		oneLineError(alice('case', 'open', 'E000000101'), 2, /usage/);
		oneLineError(alice('case', 'show', 'E000000999'), 65, /no case "E000000999"/);
		oneLineError(as('mallory', ['case', 'show', 'E000000101']), 77, /"mallory" is not an officer of this store/);
	});
});

describe('caips audit verify and deactivation', () => {
	it('auditors, admins and supervisors verify; an officer alone is refused (77), and that is audited', async () => {
		const run = as('carol', ['audit', 'verify']);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^audit trail intact: \d+ events\n$/);
		expect(JSON.parse(alice('audit', 'verify', '--json').stdout)).toMatchObject({ok: true});
		oneLineError(as('dave', ['audit', 'verify']), 77, /verifying the audit trail needs the auditor or admin or supervisor role; dave has officer/);
		const last = (await auditRows()).at(-1)!;
		expect([last.officer, last.action, decodeJson<{attempt: string}>(last.detail)!.attempt]).toEqual(['dave', 'refused', 'audit-verify']);
		oneLineError(alice('audit'), 2, /usage: caips audit verify/);
	});

	it('a deactivated officer can no longer act; the last admin cannot deactivate themself', () => {
		expect(alice('officer', 'deactivate', 'bob').stdout).toBe('deactivated officer bob\n');
		oneLineError(as('bob', ['case', 'show', 'E000000101']), 77, /officer "bob" is deactivated/);
		oneLineError(alice('officer', 'deactivate', 'alice'), 65, /the last active admin/);
		oneLineError(alice('officer', 'deactivate', 'nobody'), 65, /no officer "nobody"/);
		expect(as('carol', ['audit', 'verify']).code).toBe(0);
	});
});
