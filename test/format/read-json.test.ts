import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {JsonSyntaxError, readJson} from '../../source/format/read-json.js';
import {offsetOf, positionsOfValue} from '../../source/format/positions.js';

/** Whether JSON.parse accepts `text`. */
function jsonParseAccepts(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

function syntaxErrorOf(text: string): JsonSyntaxError {
	try {
		readJson(text);
	} catch (error) {
		expect(error).toBeInstanceOf(JsonSyntaxError);
		return error as JsonSyntaxError;
	}
	throw new Error('expected a JsonSyntaxError');
}

describe('readJson agrees with JSON.parse', () => {
	test('on valid documents', () => {
		fc.assert(
			fc.property(fc.json(), fc.constantFrom(0, 2), (text, indent) => {
				const pretty = JSON.stringify(JSON.parse(text), null, indent);
				expect(readJson(text).value).toStrictEqual(JSON.parse(text));
				expect(readJson(pretty).value).toStrictEqual(JSON.parse(pretty));
			}),
		);
	});

	test('on accept or reject, for damaged documents', () => {
		const damaged = fc
			.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', '\\', ':', '0', '-', '.', 'e', ' ', '\n', '\u0001', 'tru', '\ufeff', '//', '/*', '\u00a0', '\v'))
			.map(([text, at, insert]) => {
				const i = at % (text.length + 1);
				return text.slice(0, i) + insert + text.slice(i + (at % 2));
			});
		fc.assert(
			fc.property(damaged, (text) => {
				let accepted = true;
				try {
					readJson(text);
				} catch {
					accepted = false;
				}
				// The only intended difference: a byte order mark at the very start is skipped.
				expect(accepted).toBe(jsonParseAccepts(text.replace(/^\ufeff/, '')));
			}),
			{numRuns: 2000},
		);
	});

	test('on tricky literals', () => {
		for (const text of ['"\\ud800"', '"\\u00e9\\n\\/"', '-0', '1E+2', '0.5e-3', '1e999', '[]', '{}', ' \t\r\n null \n']) {
			expect(readJson(text).value).toStrictEqual(JSON.parse(text));
		}
		const notJson = ['01', '1.', '.5', '+1', '"\\x41"', '"a\tb"', "'a'", 'nul', '[1,]', '{"a":1,}', 'NaN', '"\\u12"', '', ' ', '1 // c', '/* c */ 1', '\v1', '\u00a01', '1\ufeff'];
		for (const text of notJson) {
			expect(jsonParseAccepts(text)).toBe(false);
			expect(() => readJson(text)).toThrow(JsonSyntaxError);
		}
	});

	test('"__proto__" is an own key, not a prototype', () => {
		const {value} = readJson('{"__proto__": {"polluted": true}}');
		expect(Object.keys(value as object)).toEqual(['__proto__']);
		expect((value as {polluted?: unknown}).polluted).toBeUndefined();
		expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
	});
});

describe('syntax errors', () => {
	test('give line, column, offset and the offending text', () => {
		const error = syntaxErrorOf('{\n  "a": 1\n  "b": 2\n}');
		expect([error.line, error.column, error.offset, error.found]).toEqual([3, 3, 13, '"b"']);
		expect(error.message).toBe("line 3, column 3: expected ',' or '}' after a member");
		expect(syntaxErrorOf('[1').found).toBeUndefined();
	});

	test('describe what went wrong', () => {
		expect(syntaxErrorOf('[1 2]').message).toBe("line 1, column 4: expected ',' or ']' after an element");
		expect(syntaxErrorOf('{"a" 1}').message).toBe("line 1, column 6: expected ':' after the key");
		expect(syntaxErrorOf('{"a":}').message).toBe('line 1, column 6: expected a value (object, array, string, number, true, false or null)');
		expect(syntaxErrorOf('[1,]').message).toBe('line 1, column 4: expected a value (object, array, string, number, true, false or null)');
		expect(syntaxErrorOf('{"a":1,}').message).toBe('line 1, column 8: expected a double-quoted key');
		expect(syntaxErrorOf('"abc').message).toBe('line 1, column 5: unexpected end of input inside a string');
		expect(syntaxErrorOf('"a\nb"').message).toBe('line 1, column 3: control character in a string (it must be escaped)');
		expect(syntaxErrorOf('["a\tb"]').message).toBe('line 1, column 2: control character in a string (it must be escaped)');
		expect(syntaxErrorOf('"\\q"').message).toBe('line 1, column 1: bad escape in a string');
		expect(syntaxErrorOf('"\\u12"').message).toBe('line 1, column 1: bad \\u escape in a string (it needs four hex digits)');
		expect(syntaxErrorOf('{} {}').message).toBe('line 1, column 4: unexpected text after the JSON value');
		expect(syntaxErrorOf('-').message).toBe('line 1, column 1: unrecognised text: not a JSON value, bracket, comma or colon');
		expect(syntaxErrorOf('[1, NaN]').message).toBe('line 1, column 5: unrecognised text: not a JSON value, bracket, comma or colon');
		expect(syntaxErrorOf('1.x').message).toBe('line 1, column 3: expected a digit');
		expect(syntaxErrorOf('1e').message).toBe('line 1, column 3: unexpected end of input');
		expect(syntaxErrorOf('{"a": 1 // why\n}').message).toBe('line 1, column 9: comments are not allowed in JSON');
		expect(syntaxErrorOf('').message).toBe('line 1, column 1: unexpected end of input');
		expect(syntaxErrorOf('{"a": [').message).toBe('line 1, column 8: unexpected end of input');
	});

	test('report absurd nesting instead of overflowing the stack', () => {
		expect(syntaxErrorOf('['.repeat(100_000)).message).toBe('line 1, column 513: nested deeper than 512 levels');
		expect(syntaxErrorOf('{"a":'.repeat(100_000)).message).toBe('line 1, column 2561: nested deeper than 512 levels');
		expect(readJson(`${'['.repeat(512)}${']'.repeat(512)}`).value).toBeInstanceOf(Array);
	});

	test('a byte order mark is skipped at the start only, and counts in columns', () => {
		expect(readJson('\ufeff{"a": 1}').value).toEqual({a: 1});
		expect(syntaxErrorOf('\ufeff{"a" 1}').message).toBe("line 1, column 7: expected ':' after the key");
		expect(syntaxErrorOf('[\ufeff1]').message).toBe('line 1, column 2: unrecognised text: not a JSON value, bracket, comma or colon');
		expect(readJson('"\ufeff"').value).toBe('\ufeff');
	});
});

describe('positions', () => {
	const text = '{"a": [10, {"b": true}], "c": "x"}';
	const {positions} = readJson(text);

	test('members sit at their key, elements at their value, missing members at the closing bracket', () => {
		expect(offsetOf(positions, [])).toBe(0);
		expect(offsetOf(positions, ['a'])).toBe(text.indexOf('"a"'));
		expect(offsetOf(positions, ['a', 0])).toBe(text.indexOf('10'));
		expect(offsetOf(positions, ['a', 1, 'b'])).toBe(text.indexOf('"b"'));
		expect(offsetOf(positions, ['a', 1, 'missing'])).toBe(text.indexOf('}'));
		expect(offsetOf(positions, ['c'])).toBe(text.indexOf('"c"'));
		expect(offsetOf(positions, ['c', 'deeper'])).toBe(text.indexOf('"c"'));
		expect(offsetOf(positions, ['zzz'])).toBe(text.length - 1);
	});

	test('offsets count from the start of the text, byte order mark included', () => {
		const withMark = readJson('\ufeff {"a": [1]}').positions;
		expect([offsetOf(withMark, []), offsetOf(withMark, ['a']), offsetOf(withMark, ['a', 0]), offsetOf(withMark, ['b'])]).toEqual([2, 3, 9, 11]);
	});

	test('duplicate keys are reported, the last value kept', () => {
		const document = readJson('{"a": {"x": 1, "x": 2}, "a": 3}');
		expect(document.value).toEqual({a: 3});
		expect(document.duplicateKeys).toEqual([
			{path: ['a', 'x'], offset: 15},
			{path: ['a'], offset: 24},
		]);
	});

	test('for objects built in code, positions follow key order', () => {
		const built = positionsOfValue({b: 1, a: {c: [1, 2]}});
		expect(offsetOf(built, ['b'])).toBeLessThan(offsetOf(built, ['a', 'c', 1]));
		expect(offsetOf(built, ['a', 'c', 1])).toBeLessThan(offsetOf(built, ['a', 'missing']));
		expect(offsetOf(built, ['a', 'missing'])).toBeLessThan(offsetOf(built, ['missing']));
	});

	test('a large document reads quickly', () => {
		const big = JSON.stringify({applications: [{contentBase64: 'QUFB'.repeat(2_500_000)}]});
		const started = performance.now();
		expect((readJson(big).value as {applications: unknown[]}).applications).toHaveLength(1);
		expect(performance.now() - started).toBeLessThan(2000);
	});

	test('a document of many small values reads quickly', () => {
		const items = Array.from({length: 50_000}, (_, i) => ({id: i, name: `item ${i}`, tags: ['a', 'b'], ok: i % 2 === 0, note: null}));
		const big = JSON.stringify({items}, null, 1);
		const started = performance.now();
		const {value} = readJson(big);
		expect(performance.now() - started).toBeLessThan(4000);
		expect(value).toStrictEqual(JSON.parse(big));
	}, 20_000);
});
