import {mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT, runCli} from '../helpers/cli.js';

const vectorsDir = join(ROOT, 'test', 'fixtures', 'vectors');
const vectors = readdirSync(vectorsDir)
	.filter((name) => name.endsWith('.json'))
	.map((name) => JSON.parse(readFileSync(join(vectorsDir, name), 'utf8')));
const work = mkdtempSync(join(tmpdir(), 'caips-assess-'));

function fileWith(name: string, content: unknown): string {
	const path = join(work, name);
	writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
	return path;
}

const v01 = () => structuredClone(vectors.find((vector) => vector.id === 'V01').application);

describe('caips assess --json on every rule-book vector', () => {
	for (const vector of vectors) {
		it(`${vector.id} gives the expected CRS, verdicts and FSW points`, () => {
			const file = fileWith(`${vector.id}.json`, vector.application);
			const run = runCli(['assess', file, '--as-of', vector.asOf, '--json']);
			expect(run.stderr).toBe('');
			expect(run.code).toBe(0);
			const out = JSON.parse(run.stdout);
			expect(Object.keys(out)).toEqual(['applicationNumber', 'asOf', 'rulesVersion', 'clb', 'crs', 'programs']);
			expect(out.applicationNumber).toBe(vector.application.applicationNumber);
			expect(out.asOf).toBe(vector.asOf);
			expect(out.rulesVersion).toBe('2025-03-25');
			const {core, spouse, transferability, additional, total} = out.crs;
			expect({core, spouse, transferability, additional, total}).toEqual(vector.expected.crs);
			expect(out.programs.CEC.eligible).toBe(vector.expected.programs.CEC);
			expect(out.programs.FSW.eligible).toBe(vector.expected.programs.FSW);
			expect(out.programs.FST.eligible).toBe(vector.expected.programs.FST);
			expect(out.programs.FSW.points).toBe(vector.expected.fswPoints);
			expect(Object.keys(out.programs.FSW)).toEqual(['eligible', 'points', 'criteria']);
			for (const criterion of out.programs.CEC.criteria) {
				expect(Object.keys(criterion)).toEqual(['id', 'passed', 'detail', 'source']);
				expect(criterion.source).toMatch(/IRPR|MI/);
			}
		});
	}
});

describe('caips assess, readable breakdown', () => {
	it('shows each section, each factor, the caps applied and each criterion with its source', () => {
		const vector = vectors.find((v) => v.id === 'V22');
		const run = runCli(['assess', fileWith('V22.json', vector.application), '--as-of', '2026-11-29']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('CRS 1200 of 1,200');
		expect(run.stdout).toMatch(/A\. Core \/ human capital\s+500/);
		expect(run.stdout).toMatch(/additional-cap\s+-95\s+additional points capped at 600/);
		expect(run.stdout).toMatch(/pass\s+cec\.canadian-experience\s+IRPR s\. 87\.1\(2\)\(a\)/);
		expect(run.stdout).toContain('FSW  ELIGIBLE (90 points)');
	});

	it('refuses a name holding terminal escape sequences, naming the field, and echoes it escaped', () => {
		const app = v01();
		app.applicant.familyName = 'Evil\u001b[2J\u001b]0;pwned\u0007';
		const run = runCli(['assess', fileWith('evil.json', app), '--as-of', '2026-11-29']);
		expect(run.code).toBe(65);
		expect(run.stdout).toBe('');
		expect(run.stderr).not.toContain('\u001b');
		expect(run.stderr).toMatch(/applicant\.familyName: control character/);
	});

	it('prints names in any script, with accents, as given', () => {
		const app = v01();
		app.applicant.familyName = 'Côté-Lefrançois';
		app.applicant.givenNames = '美玲 Zoë';
		const run = runCli(['assess', fileWith('unicode.json', app), '--as-of', '2026-11-29']);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('Côté-Lefrançois, 美玲 Zoë');
	});

	it('uses today when --as-of is absent and reports it', () => {
		const run = runCli(['assess', fileWith('today.json', v01()), '--json']);
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout).asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});

	it('assesses each application of a file holding several, as a JSON array', () => {
		const second = v01();
		second.applicationNumber = 'E000000999';
		const run = runCli(['assess', fileWith('two.json', {applications: [v01(), second]}), '--as-of', '2026-11-29', '--json']);
		expect(run.code).toBe(0);
		const out = JSON.parse(run.stdout);
		expect(out.map((a: {applicationNumber: string}) => a.applicationNumber)).toEqual(['E000000101', 'E000000999']);
	});
});

describe('caips assess, bad input: one line on stderr, nothing on stdout, exit code', () => {
	const cases: Array<[string, (app: any) => unknown, number, RegExp]> = [
		['unknown key', (app) => ({...app, favouriteColour: 'blue'}), 65, /: favouriteColour: unknown key/],
		['bad date', (app) => ((app.applicant.dateOfBirth = '1997-02-30'), app), 65, /: applicant\.dateOfBirth: .*1997-02-30/],
		['bad NOC', (app) => ((app.applicant.workExperience[0].nocCode = '2123'), app), 65, /: applicant\.workExperience\[0\]\.nocCode: .*2123/],
		['score out of range', (app) => ((app.applicant.languageTests[0].listening = 9.5), app), 65, /: applicant\.languageTests\[0\]\.listening: .*9\.5/],
		['missing required field', (app) => (delete app.uci, app), 65, /: uci: /],
	];
	for (const [name, mutate, code, message] of cases) {
		it(name, () => {
			const run = runCli(['assess', fileWith(`${name.replace(/ /g, '-')}.json`, mutate(v01())), '--as-of', '2026-11-29', '--json']);
			expect(run.code).toBe(code);
			expect(run.stdout).toBe('');
			expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
			expect(run.stderr).toMatch(message);
		});
	}

	it('JSON syntax error', () => {
		const run = runCli(['assess', fileWith('broken.json', '{"applicationNumber": '), '--json']);
		expect(run.code).toBe(65);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(/broken\.json: \$: invalid JSON/);
	});

	it('a missing file', () => {
		const run = runCli(['assess', join(work, 'nope.json')]);
		expect(run.code).toBe(65);
		expect(run.stderr).toMatch(/nope\.json: no such file/);
	});

	it('a bad --as-of is a usage error', () => {
		const run = runCli(['assess', fileWith('ok.json', v01()), '--as-of', '29/11/2026']);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/--as-of: "29\/11\/2026" is not a calendar date/);
	});

	it('an unknown option is a usage error naming it', () => {
		const run = runCli(['assess', fileWith('ok2.json', v01()), '--frobnicate']);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/unknown option --frobnicate/);
	});

	it('no file is a usage error', () => {
		const run = runCli(['assess']);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/usage: caips assess FILE/);
	});
});
