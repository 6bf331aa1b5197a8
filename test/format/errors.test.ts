import {describe, expect, test} from 'vitest';
import {FormatError, parseApplication, parseApplicationFile} from '../../source/format/parse.js';
import {sampleApplication} from './sample.js';

/** The FormatError thrown for `text`, failing the test if nothing is thrown. */
function errorOf(text: string, file = 'app.json'): FormatError {
	try {
		parseApplicationFile(text, file);
	} catch (error) {
		expect(error).toBeInstanceOf(FormatError);
		return error as FormatError;
	}
	throw new Error('expected a FormatError');
}

/** The message for the sample application changed by `change`, written as indented JSON. */
function messageFor(change: (a: Record<string, any>) => void): string {
	const application = sampleApplication();
	change(application);
	return errorOf(JSON.stringify(application, null, 2)).message;
}

describe('unknown keys', () => {
	test('top level', () => {
		expect(messageFor((a) => (a.status = 'approved'))).toBe('app.json: status: unknown key (value "approved")');
	});

	test('nested', () => {
		expect(messageFor((a) => (a.applicant.education.canadianCredential.field = 'x'))).toBe(
			'app.json: applicant.education.canadianCredential.field: unknown key (value "x")',
		);
		expect(messageFor((a) => (a.spouse.middleName = 'Li'))).toBe('app.json: spouse.middleName: unknown key (value "Li")');
	});

	test('finding is not part of the file', () => {
		expect(messageFor((a) => (a.applicant.workExperience[0].finding = 'verified'))).toBe(
			'app.json: applicant.workExperience[0].finding: unknown key (value "verified")',
		);
	});

	test('odd key names are quoted in the path', () => {
		expect(messageFor((a) => (a.applicant['given names'] = 'A'))).toBe('app.json: applicant["given names"]: unknown key (value "A")');
	});
});

describe('dates and instants', () => {
	test('bad date', () => {
		expect(messageFor((a) => (a.applicant.dateOfBirth = '1996/02/29'))).toBe(
			'app.json: applicant.dateOfBirth: expected a date YYYY-MM-DD (value "1996/02/29")',
		);
	});

	test('impossible date', () => {
		expect(messageFor((a) => (a.applicant.languageTests[1].date = '2026-02-30'))).toBe(
			'app.json: applicant.languageTests[1].date: no such calendar date (value "2026-02-30")',
		);
		expect(messageFor((a) => (a.spouse.dateOfBirth = '1995-02-29'))).toBe('app.json: spouse.dateOfBirth: no such calendar date (value "1995-02-29")');
	});

	test('instant without offset', () => {
		expect(messageFor((a) => (a.profileSubmittedAt = '2026-03-01T14:05:00'))).toBe(
			'app.json: profileSubmittedAt: instant without a UTC offset: end it with Z or ±HH:MM (value "2026-03-01T14:05:00")',
		);
	});

	test('other bad instants', () => {
		expect(messageFor((a) => (a.invitedAt = '2026-04-15'))).toBe(
			'app.json: invitedAt: expected an instant like 2026-03-01T14:05:00Z (value "2026-04-15")',
		);
		expect(messageFor((a) => (a.notes[0].at = '2026-04-31T10:00:00Z'))).toBe('app.json: notes[0].at: no such calendar date (value "2026-04-31T10:00:00Z")');
		expect(messageFor((a) => (a.receivedAt = '2026-04-01T24:00:00Z'))).toBe('app.json: receivedAt: no such time of day (value "2026-04-01T24:00:00Z")');
		expect(messageFor((a) => (a.receivedAt = '2026-04-01T10:00:00.0001Z'))).toBe(
			'app.json: receivedAt: more precise than a millisecond (value "2026-04-01T10:00:00.0001Z")',
		);
	});

	test('work period ending before it starts', () => {
		expect(messageFor((a) => (a.applicant.workExperience[0].end = '2021-12-31'))).toBe(
			'app.json: applicant.workExperience[0].end: ends before its start 2022-01-03 (value "2021-12-31")',
		);
	});
});

describe('codes and identifiers', () => {
	test('NOC code of four digits', () => {
		expect(messageFor((a) => (a.applicant.workExperience[0].nocCode = '2123'))).toBe(
			'app.json: applicant.workExperience[0].nocCode: a NOC 2021 code has exactly five digits (value "2123")',
		);
	});

	test('NOC code with TEER 6', () => {
		expect(messageFor((a) => (a.jobOffer.nocCode = '16100'))).toBe(
			'app.json: jobOffer.nocCode: no such TEER category: the second digit of a NOC code is 0–5 (value "16100")',
		);
	});

	test('UCI of the wrong length', () => {
		expect(messageFor((a) => (a.uci = '1234-567'))).toBe(
			'app.json: uci: a UCI has 8 digits (1234-5678) or 10 (12-3456-7890), not 7 (value "1234-567")',
		);
		expect(messageFor((a) => (a.uci = '123456789'))).toBe(
			'app.json: uci: a UCI has 8 digits (1234-5678) or 10 (12-3456-7890), not 9 (value "123456789")',
		);
	});

	test('UCI with a misplaced dash', () => {
		expect(messageFor((a) => (a.uci = '123-45678'))).toBe(
			'app.json: uci: misplaced dash in a UCI: expected 1234-5678 or 12-3456-7890 (value "123-45678")',
		);
	});

	test('application number', () => {
		expect(messageFor((a) => (a.applicationNumber = 'e000000901'))).toBe(
			'app.json: applicationNumber: expected an application number like E001234567: 1–3 capital letters, then 6–12 digits (value "e000000901")',
		);
	});

	test('province, program and country', () => {
		expect(messageFor((a) => (a.intendedProvince = 'PQ'))).toBe(
			'app.json: intendedProvince: must be one of AB, BC, MB, NB, NL, NS, NT, NU, ON, PE, QC, SK, YT (value "PQ")',
		);
		expect(messageFor((a) => (a.program = 'PNP'))).toBe('app.json: program: must be one of CEC, FSW, FST (value "PNP")');
		expect(messageFor((a) => (a.applicant.countryOfCitizenship = 'FR'))).toBe(
			'app.json: applicant.countryOfCitizenship: expected an ISO 3166-1 alpha-3 country code: three capital letters (value "FR")',
		);
	});
});

describe('language test scores, per test', () => {
	const cases: Array<[string, Record<string, unknown>, string]> = [
		['IELTS-GT above 9', {test: 'IELTS-GT', listening: 9.5}, 'listening: out of range for IELTS-GT: 0–9 in steps of 0.5 (value 9.5)'],
		['IELTS-GT off the half-band', {test: 'IELTS-GT', reading: 6.25}, 'reading: out of range for IELTS-GT: 0–9 in steps of 0.5 (value 6.25)'],
		['CELPIP-G above 12', {test: 'CELPIP-G', listening: 7, reading: 7, writing: 13, speaking: 7}, 'writing: out of range for CELPIP-G: whole numbers 0–12 (value 13)'],
		['CELPIP-G fraction', {test: 'CELPIP-G', listening: 7, reading: 7, writing: 7, speaking: 7.5}, 'speaking: out of range for CELPIP-G: whole numbers 0–12 (value 7.5)'],
		['PTE-Core below 10', {test: 'PTE-Core', listening: 9, reading: 60, writing: 60, speaking: 60}, 'listening: out of range for PTE-Core: whole numbers 10–90 (value 9)'],
		['TEF above 699', {test: 'TEF', listening: 400, reading: 700, writing: 400, speaking: 400}, 'reading: out of range for TEF: whole numbers 0–699 (value 700)'],
		['TCF listening below 100', {test: 'TCF', listening: 99, reading: 400, writing: 10, speaking: 10}, 'listening: out of range for TCF listening: whole numbers 100–699 (value 99)'],
		['TCF writing above 20', {test: 'TCF', listening: 400, reading: 400, writing: 21, speaking: 10}, 'writing: out of range for TCF writing: whole numbers 0–20 (value 21)'],
		['TCF speaking negative', {test: 'TCF', listening: 400, reading: 400, writing: 10, speaking: -1}, 'speaking: out of range for TCF speaking: whole numbers 0–20 (value -1)'],
	];

	test.each(cases)('%s', (_name, change, expected) => {
		expect(messageFor((a) => Object.assign(a.applicant.languageTests[0], change))).toBe(`app.json: applicant.languageTests[0].${expected}`);
	});

	test('the first bad score in document order is reported', () => {
		expect(messageFor((a) => Object.assign(a.spouse.languageTests[0], {reading: 5, speaking: 91}))).toBe(
			'app.json: spouse.languageTests[0].reading: out of range for PTE-Core: whole numbers 10–90 (value 5)',
		);
	});

	test('unknown test', () => {
		expect(messageFor((a) => (a.applicant.languageTests[0].test = 'TOEFL'))).toBe(
			'app.json: applicant.languageTests[0].test: must be one of IELTS-GT, CELPIP-G, PTE-Core, TEF, TCF (value "TOEFL")',
		);
	});
});

describe('missing fields and wrong types', () => {
	test('missing required field', () => {
		expect(messageFor((a) => delete a.applicant.dateOfBirth)).toBe('app.json: applicant.dateOfBirth: required field is missing');
		expect(messageFor((a) => delete a.program)).toBe('app.json: program: required field is missing');
		expect(messageFor((a) => delete a.spouse.accompanying)).toBe('app.json: spouse.accompanying: required field is missing');
	});

	test('wrong type', () => {
		expect(messageFor((a) => (a.siblingInCanada = 'yes'))).toBe('app.json: siblingInCanada: expected true or false (value "yes")');
		expect(messageFor((a) => (a.applicant.languageTests = {}))).toBe('app.json: applicant.languageTests: expected an array (value {})');
		expect(messageFor((a) => (a.spouse = 'none'))).toBe('app.json: spouse: expected an object (value "none")');
		expect(messageFor((a) => (a.dependentChildren = 1.5))).toBe('app.json: dependentChildren: expected a whole number (value 1.5)');
	});

	test('numbers out of range', () => {
		expect(messageFor((a) => (a.applicant.workExperience[1].hoursPerWeek = 0))).toBe(
			'app.json: applicant.workExperience[1].hoursPerWeek: hours per week must be more than 0 (value 0)',
		);
		expect(messageFor((a) => (a.applicant.workExperience[1].hoursPerWeek = 169))).toBe(
			'app.json: applicant.workExperience[1].hoursPerWeek: hours per week must be at most 168 (value 169)',
		);
		expect(messageFor((a) => (a.fundsCad = -1))).toBe('app.json: fundsCad: must not be negative (value -1)');
		expect(messageFor((a) => (a.fundsCad = 1e30))).toBe('app.json: fundsCad: must be at most 1,000,000,000,000 (CAD) (value 1e+30)');
		expect(messageFor((a) => (a.dependentChildren = -1))).toBe('app.json: dependentChildren: must not be negative (value -1)');
		expect(messageFor((a) => (a.applicant.education.canadianCredential.years = 0))).toBe(
			'app.json: applicant.education.canadianCredential.years: program length must be more than 0 years (value 0)',
		);
		expect(errorOf(JSON.stringify(sampleApplication()).replace('"fundsCad":0', '"fundsCad":1e999')).message).toBe(
			'app.json: fundsCad: number out of range (value Infinity)',
		);
	});

	test('names', () => {
		expect(messageFor((a) => (a.applicant.familyName = ' '))).toBe('app.json: applicant.familyName: must not be empty (value " ")');
		expect(messageFor((a) => (a.applicant.givenNames = 'A\u001b[2J'))).toBe(
			'app.json: applicant.givenNames: control character in text (value "A\\u001b[2J")',
		);
	});
});

describe('documents', () => {
	test('file name with ../', () => {
		expect(messageFor((a) => (a.documents[0].fileName = '../etc/passwd'))).toBe(
			`app.json: documents[0].fileName: a file name must not contain '/' or '\\' (value "../etc/passwd")`,
		);
	});

	test('other bad file names', () => {
		expect(messageFor((a) => (a.documents[0].fileName = '..'))).toBe(`app.json: documents[0].fileName: a file name must not contain '..' (value "..")`);
		expect(messageFor((a) => (a.documents[0].fileName = 'C:\\x.pdf'))).toBe(
			`app.json: documents[0].fileName: a file name must not contain '/' or '\\' (value "C:\\\\x.pdf")`,
		);
		expect(messageFor((a) => (a.documents[0].fileName = 'a\u0000.pdf'))).toBe(
			'app.json: documents[0].fileName: control character in a file name (value "a\\u0000.pdf")',
		);
		expect(messageFor((a) => (a.documents[0].fileName = 'gpj.\u202eexe'))).toBe(
			'app.json: documents[0].fileName: control character in a file name (value "gpj.\\u202eexe")',
		);
		expect(messageFor((a) => (a.documents[0].fileName = ''))).toBe('app.json: documents[0].fileName: file name is empty (value "")');
	});

	test('bad base64', () => {
		const problem = 'not valid base64: standard alphabet, = padding, no spaces or line breaks';
		expect(messageFor((a) => (a.documents[0].contentBase64 = 'RlJ'))).toBe(`app.json: documents[0].contentBase64: ${problem} (value "RlJ")`);
		expect(messageFor((a) => (a.documents[0].contentBase64 = 'Rl*B'))).toBe(`app.json: documents[0].contentBase64: ${problem} (value "Rl*B")`);
		expect(messageFor((a) => (a.documents[0].contentBase64 = 'RlJB\n'))).toBe(`app.json: documents[0].contentBase64: ${problem} (value "RlJB\\n")`);
	});

	test('long values are shortened in the message', () => {
		const message = messageFor((a) => (a.documents[0].contentBase64 = `${'QUFB'.repeat(100)}!`));
		expect(message).toBe(`app.json: documents[0].contentBase64: not valid base64: standard alphabet, = padding, no spaces or line breaks (value "${'QUFB'.repeat(14)}QU…)`);
	});
});

describe('the file as a whole', () => {
	test('JSON syntax error gives the file name, line and column', () => {
		const error = errorOf('{\n  "applicationNumber": "E000000901",\n  "uci": "1234-5678",\n}\n', 'broken.json');
		expect(error.message).toBe('broken.json: $: invalid JSON at line 4, column 1: expected a double-quoted key (value "}")');
		expect([error.path, error.line, error.column, error.value]).toEqual(['$', 4, 1, '}']);
	});

	test('truncated JSON and empty file', () => {
		expect(errorOf('{"applications": [', 'cut.json').message).toBe('cut.json: $: invalid JSON at line 1, column 19: unexpected end of input');
		expect(errorOf('', 'empty.json').message).toBe('empty.json: $: invalid JSON at line 1, column 1: unexpected end of input');
	});

	test('duplicate applicationNumber in one file', () => {
		const text = JSON.stringify({applications: [sampleApplication(), {...sampleApplication(), uci: '87654321'}]});
		const error = errorOf(text, 'two.json');
		expect(error.message).toBe('two.json: applications[1].applicationNumber: applicationNumber already used by applications[0] (value "E000000901")');
		expect([error.path, error.value]).toEqual(['applications[1].applicationNumber', 'E000000901']);
	});

	test('a key repeated within one object', () => {
		const text = JSON.stringify(sampleApplication()).replace('"program":"FSW"', '"program":"FSW","program":"CEC"');
		expect(errorOf(text).message).toBe('app.json: program: key appears more than once in this object');
	});

	test('not an application object', () => {
		expect(errorOf('[]', 'list.json').message).toBe('list.json: $: expected an application object or {"applications": [...]} (value [])');
		expect(errorOf('{"applications": {}}', 'x.json').message).toBe('x.json: applications: expected an array (value {})');
		expect(errorOf('{"applications": [], "extra": 1}', 'x.json').message).toBe('x.json: extra: unknown key (value 1)');
	});

	test('errors in a list carry the element index; the first problem in document order wins', () => {
		const second = sampleApplication();
		second.applicationNumber = 'E000000902';
		second.applicant.languageTests[0].listening = 10; // before the unknown key below
		second.zzz = true;
		const third = sampleApplication();
		delete third.uci;
		const error = errorOf(JSON.stringify({applications: [sampleApplication(), second, third]}, null, 1), 'list.json');
		expect(error.message).toBe('list.json: applications[1].applicant.languageTests[0].listening: out of range for IELTS-GT: 0–9 in steps of 0.5 (value 10)');
	});

	test('an unknown key written first is reported before later problems', () => {
		const application = {note: 'x', ...sampleApplication(), uci: 'bad'};
		expect(errorOf(JSON.stringify(application)).message).toBe('app.json: note: unknown key (value "x")');
	});

	test('a missing field is reported where the object ends, after problems written inside it', () => {
		const application = sampleApplication();
		delete application.applicant.familyName;
		application.applicant.workExperience[0].country = 'fr';
		expect(errorOf(JSON.stringify(application)).message).toBe(
			'app.json: applicant.workExperience[0].country: expected an ISO 3166-1 alpha-3 country code: three capital letters (value "fr")',
		);
	});

	test('the message is one line even for hostile file names and values', () => {
		const error = errorOf('{"applicationNumber": "E1\\n\\u001b[2J\\u009b"}', 'a\nb\u001b.json');
		expect(error.message).toBe(
			'a\\u000ab\\u001b.json: applicationNumber: expected an application number like E001234567: 1–3 capital letters, then 6–12 digits (value "E1\\n\\u001b[2J\\u009b")',
		);
		expect(error.file).toBe('a\nb\u001b.json');
	});

	test('validation errors carry the line and column of the offending member', () => {
		const application = sampleApplication();
		application.applicant.workExperience[0].nocCode = '2123';
		const text = JSON.stringify(application, null, 2);
		const error = errorOf(text);
		const lines = text.split('\n');
		const line = lines.findIndex((l) => l.includes('"2123"'));
		expect([error.line, error.column]).toEqual([line + 1, lines[line]!.indexOf('"nocCode"') + 1]);
	});
});

describe('parseApplication (an already-parsed object)', () => {
	test('returns the normalised application', () => {
		expect(parseApplication(sampleApplication(), 'db').uci).toBe('1234-5678');
	});

	test('reports paths from the object itself, in key order', () => {
		const application = sampleApplication();
		application.program = 'X';
		application.fundsCad = -5;
		expect(() => parseApplication(application, 'record 7')).toThrow('record 7: program: must be one of CEC, FSW, FST (value "X")');
		try {
			parseApplication(application, 'record 7');
		} catch (error) {
			expect(error).toMatchObject({file: 'record 7', path: 'program', value: 'X', line: undefined});
		}
	});

	test('does not accept the {"applications": [...]} form', () => {
		expect(() => parseApplication({applications: []}, 'x')).toThrow('x: applications: unknown key (value [])');
	});

	test('does not loop on cyclic input', () => {
		const application = sampleApplication();
		application.self = application;
		expect(() => parseApplication(application, 'x')).toThrow('x: self: unknown key (value {…})');
	});
});
