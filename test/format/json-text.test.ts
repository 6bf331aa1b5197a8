import fc from 'fast-check';
import {describe, expect, test} from 'vitest';
import {JsonSyntaxError, parseJsonText} from '../../source/format/json-text.js';
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
		parseJsonText(text);
	} catch (error) {
		expect(error).toBeInstanceOf(JsonSyntaxError);
		return error as JsonSyntaxError;
	}
	throw new Error('expected a JsonSyntaxError');
}

describe('parseJsonText agrees with JSON.parse', () => {
	test('on valid documents', () => {
		fc.assert(
			fc.property(fc.json(), fc.constantFrom(0, 2), (text, indent) => {
				const pretty = JSON.stringify(JSON.parse(text), null, indent);
				expect(parseJsonText(text).value).toStrictEqual(JSON.parse(text));
				expect(parseJsonText(pretty).value).toStrictEqual(JSON.parse(pretty));
			}),
		);
	});

	test('on accept or reject, for damaged documents', () => {
		const damaged = fc
			.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', '\\', ':', '0', '-', '.', 'e', ' ', '\n', '\u0001', 'tru', '\ufeff'))
			.map(([text, at, insert]) => {
				const i = at % (text.length + 1);
				return text.slice(0, i) + insert + text.slice(i + (at % 2));
			});
		fc.assert(
			fc.property(damaged, (text) => {
				let accepted = true;
				try {
					parseJsonText(text);
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
			expect(parseJsonText(text).value).toStrictEqual(JSON.parse(text));
		}
		for (const text of ['01', '1.', '.5', '+1', '"\\x41"', '"a\tb"', "'a'", 'nul', '[1,]', '{"a":1,}', 'NaN', '"\\u12"']) {
			expect(jsonParseAccepts(text)).toBe(false);
			expect(() => parseJsonText(text)).toThrow(JsonSyntaxError);
		}
	});

	test('"__proto__" is an own key, not a prototype', () => {
		const {value} = parseJsonText('{"__proto__": {"polluted": true}}');
		expect(Object.keys(value as object)).toEqual(['__proto__']);
		expect((value as {polluted?: unknown}).polluted).toBeUndefined();
		expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
	});
});

describe('syntax errors', () => {
	test('give line, column, offset and the character found', () => {
		const error = syntaxErrorOf('{\n  "a": 1\n  "b": 2\n}');
		expect([error.line, error.column, error.offset, error.found]).toEqual([3, 3, 13, '"']);
		expect(error.message).toBe("line 3, column 3: expected ',' or '}' after a member");
	});

	test('describe what went wrong', () => {
		expect(syntaxErrorOf('[1 2]').message).toBe("line 1, column 4: expected ',' or ']' after an element");
		expect(syntaxErrorOf('{"a" 1}').message).toBe("line 1, column 6: expected ':' after the key");
		expect(syntaxErrorOf('{"a":}').message).toBe('line 1, column 6: expected a value (object, array, string, number, true, false or null)');
		expect(syntaxErrorOf('"abc').message).toBe('line 1, column 5: unexpected end of input inside a string');
		expect(syntaxErrorOf('"a\nb"').message).toBe('line 1, column 3: control character in a string (it must be escaped)');
		expect(syntaxErrorOf('"\\q"').message).toBe('line 1, column 2: bad escape in a string');
		expect(syntaxErrorOf('{} {}').message).toBe('line 1, column 4: unexpected text after the JSON value');
		expect(syntaxErrorOf('-').message).toBe('line 1, column 2: unexpected end of input');
		expect(syntaxErrorOf('-x').message).toBe("line 1, column 2: expected a digit after '-'");
	});

	test('report absurd nesting instead of overflowing the stack', () => {
		expect(syntaxErrorOf('['.repeat(100_000)).message).toBe('line 1, column 513: nested deeper than 512 levels');
		expect(parseJsonText(`${'['.repeat(500)}${']'.repeat(500)}`).value).toBeInstanceOf(Array);
	});
});

describe('positions', () => {
	const text = '{"a": [10, {"b": true}], "c": "x"}';
	const {positions} = parseJsonText(text);

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

	test('duplicate keys are reported, the last value kept', () => {
		const document = parseJsonText('{"a": {"x": 1, "x": 2}, "a": 3}');
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
		expect((parseJsonText(big).value as {applications: unknown[]}).applications).toHaveLength(1);
		expect(performance.now() - started).toBeLessThan(2000);
	});
});
