/**
 * A strict RFC 8259 JSON reader that also records where every value sits. `JSON.parse` is not
 * enough: its error messages differ between Node versions (often without a position), it gives
 * no positions for valid documents, and it silently keeps the last of two duplicate keys.
 */
import {lineAndColumn, type PathStep, type PositionNode} from './positions.js';

/** Deepest nesting accepted; application files need fewer than ten levels. */
const MAX_DEPTH = 512;

/** A JSON syntax error at `offset` (also given as 1-based `line`/`column`); `found` is the offending character, undefined at the end of the text. */
export class JsonSyntaxError extends Error {
	readonly offset: number;
	readonly line: number;
	readonly column: number;
	readonly found: string | undefined;

	constructor(problem: string, text: string, offset: number) {
		const {line, column} = lineAndColumn(text, offset);
		super(`line ${line}, column ${column}: ${problem}`);
		this.name = 'JsonSyntaxError';
		this.offset = offset;
		this.line = line;
		this.column = column;
		const codePoint = text.codePointAt(offset);
		this.found = codePoint === undefined ? undefined : String.fromCodePoint(codePoint);
	}
}

/** A member key that appears twice in one object: `path` ends with that key, `offset` is the second occurrence. */
export type DuplicateKey = {path: PathStep[]; offset: number};

/** The parsed value, the position of every value in it, and any duplicate keys (the last value wins, as with `JSON.parse`). */
export type JsonDocument = {value: unknown; positions: PositionNode; duplicateKeys: DuplicateKey[]};

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Parses `text` as one JSON value (a leading byte order mark is skipped). Throws
 * `JsonSyntaxError` at the first character that breaks the grammar.
 */
export function parseJsonText(text: string): JsonDocument {
	const reader = new Reader(text);
	return reader.document();
}

class Reader {
	private i = 0;
	private depth = 0;
	private readonly path: PathStep[] = [];
	private readonly duplicateKeys: DuplicateKey[] = [];

	constructor(private readonly text: string) {
		if (text.charCodeAt(0) === 0xfeff) this.i = 1;
	}

	document(): JsonDocument {
		this.skipSpace();
		const [value, positions] = this.value();
		this.skipSpace();
		if (this.i < this.text.length) this.fail('unexpected text after the JSON value');
		return {value, positions, duplicateKeys: this.duplicateKeys};
	}

	private fail(problem: string, at = this.i): never {
		throw new JsonSyntaxError(at >= this.text.length ? 'unexpected end of input' : problem, this.text, at);
	}

	private skipSpace(): void {
		const {text} = this;
		for (; this.i < text.length; this.i++) {
			const c = text.charCodeAt(this.i);
			if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return;
		}
	}

	private expect(char: string, problem: string): void {
		this.skipSpace();
		if (this.text[this.i] !== char) this.fail(problem);
		this.i++;
	}

	private value(): [unknown, PositionNode] {
		const start = this.i;
		const c = this.text[start];
		if (c === '{') return this.object();
		if (c === '[') return this.array();
		if (c === '"') return [this.string(), {offset: start}];
		if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return [this.number(), {offset: start}];
		for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
			if (this.text.startsWith(word, start)) {
				this.i += word.length;
				return [value, {offset: start}];
			}
		}
		return this.fail('expected a value (object, array, string, number, true, false or null)');
	}

	private enter(): void {
		if (++this.depth > MAX_DEPTH) this.fail(`nested deeper than ${MAX_DEPTH} levels`);
	}

	private object(): [unknown, PositionNode] {
		this.enter();
		const node: PositionNode = {offset: this.i, children: new Map()};
		const result: Record<string, unknown> = {};
		this.i++;
		this.skipSpace();
		if (this.text[this.i] !== '}') {
			for (;;) {
				this.skipSpace();
				const keyOffset = this.i;
				if (this.text[this.i] !== '"') this.fail('expected a double-quoted key');
				const key = this.string();
				this.expect(':', "expected ':' after the key");
				this.skipSpace();
				this.path.push(key);
				const [value, child] = this.value();
				if (node.children!.has(key)) this.duplicateKeys.push({path: [...this.path], offset: keyOffset});
				this.path.pop();
				child.offset = keyOffset;
				node.children!.set(key, child);
				// Plain assignment of "__proto__" would set the prototype; JSON.parse makes an own property.
				Object.defineProperty(result, key, {value, writable: true, enumerable: true, configurable: true});
				this.skipSpace();
				if (this.text[this.i] === ',') {
					this.i++;
					continue;
				}
				if (this.text[this.i] !== '}') this.fail("expected ',' or '}' after a member");
				break;
			}
		}
		node.end = this.i++;
		this.depth--;
		return [result, node];
	}

	private array(): [unknown, PositionNode] {
		this.enter();
		const node: PositionNode = {offset: this.i, children: new Map()};
		const result: unknown[] = [];
		this.i++;
		this.skipSpace();
		if (this.text[this.i] !== ']') {
			for (;;) {
				this.skipSpace();
				this.path.push(result.length);
				const [value, child] = this.value();
				this.path.pop();
				node.children!.set(result.length, child);
				result.push(value);
				this.skipSpace();
				if (this.text[this.i] === ',') {
					this.i++;
					continue;
				}
				if (this.text[this.i] !== ']') this.fail("expected ',' or ']' after an element");
				break;
			}
		}
		node.end = this.i++;
		this.depth--;
		return [result, node];
	}

	private string(): string {
		const {text} = this;
		const start = this.i;
		let escaped = false;
		for (let i = start + 1; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c === 0x22) {
				this.i = i + 1;
				const literal = text.slice(start, i + 1);
				return escaped ? (JSON.parse(literal) as string) : literal.slice(1, -1);
			}
			if (c < 0x20) this.fail('control character in a string (it must be escaped)', i);
			if (c === 0x5c) {
				escaped = true;
				const next = text[++i];
				if (next === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) this.fail('bad \\u escape in a string', i - 1);
					i += 4;
				} else if (next === undefined || !'"\\/bfnrt'.includes(next)) {
					this.fail('bad escape in a string', i - 1);
				}
			}
		}
		throw new JsonSyntaxError('unexpected end of input inside a string', text, text.length);
	}

	private number(): number {
		NUMBER.lastIndex = this.i;
		const match = NUMBER.exec(this.text);
		if (match === null) this.fail("expected a digit after '-'", this.i + 1);
		this.i += match[0].length;
		return Number(match[0]);
	}
}
