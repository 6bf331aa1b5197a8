/**
 * Reads the text of a JSON file with Microsoft's `jsonc-parser`, in strict mode (no comments, no
 * trailing commas, no empty file), recording where every value sits and which keys repeat.
 * `JSON.parse` is not enough: its error messages differ between Node versions (often without a
 * position), it gives no positions for valid documents, and it silently keeps the last of two
 * duplicate keys.
 */
// The package's `main` is a UMD build whose inner `require`s esbuild cannot bundle
// (microsoft/node-jsonc-parser#57); the build bundles its ESM build (esbuild --main-fields=module,main).
import {printParseErrorCode, visit, type ParseErrorCode} from 'jsonc-parser';
import {lineAndColumn, type PathStep, type PositionNode} from './positions.js';

/** Deepest nesting accepted; application files need fewer than ten levels. Also keeps the recursive parser far from the stack limit. */
const MAX_DEPTH = 512;

/** Strict RFC 8259 JSON only. */
const STRICT = {disallowComments: true, allowTrailingComma: false, allowEmptyContent: false};

/** What each `jsonc-parser` error means, worded for a person who edits the file. */
const PROBLEMS: Record<ReturnType<typeof printParseErrorCode>, string> = {
	InvalidSymbol: 'unrecognised text: not a JSON value, bracket, comma or colon',
	InvalidNumberFormat: 'invalid number',
	PropertyNameExpected: 'expected a double-quoted key',
	ValueExpected: 'expected a value (object, array, string, number, true, false or null)',
	ColonExpected: "expected ':' after the key",
	CommaExpected: "expected ','",
	CloseBraceExpected: "expected '}'",
	CloseBracketExpected: "expected ']'",
	EndOfFileExpected: 'unexpected text after the JSON value',
	InvalidCommentToken: 'comments are not allowed in JSON',
	UnexpectedEndOfComment: 'comment not closed',
	UnexpectedEndOfString: 'control character in a string (it must be escaped)', // a raw line break; the end of the text is worded apart
	UnexpectedEndOfNumber: 'expected a digit',
	InvalidUnicode: 'bad \\u escape in a string (it needs four hex digits)',
	InvalidEscapeCharacter: 'bad escape in a string',
	InvalidCharacter: 'control character in a string (it must be escaped)',
	'<unknown ParseErrorCode>': 'syntax error',
};

/** Longest `found` kept, in UTF-16 code units (messages shorten it further). */
const MAX_FOUND_LENGTH = 100;

/**
 * A JSON syntax error at `offset` (also given as 1-based `line`/`column`); `found` is the offending
 * text (a token, or the character where one was expected), undefined at the end of the text.
 */
export class JsonSyntaxError extends Error {
	readonly offset: number;
	readonly line: number;
	readonly column: number;
	readonly found: string | undefined;

	constructor(problem: string, text: string, offset: number, found?: string) {
		const {line, column} = lineAndColumn(text, offset);
		super(`line ${line}, column ${column}: ${problem}`);
		this.name = 'JsonSyntaxError';
		this.offset = offset;
		this.line = line;
		this.column = column;
		this.found = found;
	}
}

/** A member key that appears twice in one object: `path` ends with that key, `offset` is the second occurrence. */
export type DuplicateKey = {path: PathStep[]; offset: number};

/** The parsed value, the position of every value in it, and any duplicate keys (the last value wins, as with `JSON.parse`). */
export type JsonDocument = {value: unknown; positions: PositionNode; duplicateKeys: DuplicateKey[]};

/** An object or array being read, with the member key whose value comes next. */
type Open = {
	value: Record<string, unknown> | unknown[];
	node: PositionNode & {children: Map<PathStep, PositionNode>};
	key: string;
	keyOffset: number;
};

/**
 * Parses `text` as one JSON value (a leading byte order mark is skipped). Throws
 * `JsonSyntaxError` for the first thing that breaks the grammar.
 */
export function readJson(text: string): JsonDocument {
	// jsonc-parser does not skip a byte order mark; a space in its place keeps every offset.
	const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
	const open: Open[] = [];
	const duplicateKeys: DuplicateKey[] = [];
	let root: {value: unknown; node: PositionNode} | undefined;

	const add = (value: unknown, node: PositionNode): void => {
		const parent = open.at(-1);
		if (parent === undefined) {
			root = {value, node};
		} else if (Array.isArray(parent.value)) {
			parent.node.children.set(parent.value.length, node);
			parent.value.push(value);
		} else {
			node.offset = parent.keyOffset;
			parent.node.children.set(parent.key, node);
			// Plain assignment of "__proto__" would set the prototype; JSON.parse makes an own property.
			Object.defineProperty(parent.value, parent.key, {value, writable: true, enumerable: true, configurable: true});
		}
	};
	const begin = (value: Open['value'], offset: number): void => {
		if (open.length >= MAX_DEPTH) throw new JsonSyntaxError(`nested deeper than ${MAX_DEPTH} levels`, text, offset, text[offset]);
		open.push({value, node: {offset, children: new Map()}, key: '', keyOffset: offset});
	};
	const end = (offset: number): void => {
		const container = open.pop()!;
		container.node.end = offset;
		add(container.value, container.node);
	};

	visit(
		source,
		{
			onObjectBegin: (offset) => begin({}, offset),
			onArrayBegin: (offset) => begin([], offset),
			onObjectProperty: (key, offset, _length, _line, _column, pathOfObject) => {
				const object = open.at(-1)!;
				if (object.node.children.has(key)) duplicateKeys.push({path: [...pathOfObject(), key], offset});
				object.key = key;
				object.keyOffset = offset;
			},
			onLiteralValue: (value: unknown, offset) => add(value, {offset}),
			onObjectEnd: end,
			onArrayEnd: end,
			onError: (code, offset, length) => {
				throw syntaxError(code, text, offset, length, open.at(-1));
			},
		},
		STRICT,
	);
	if (root === undefined) throw new JsonSyntaxError('unexpected end of input', text, text.length);
	return {value: root.value, positions: root.node, duplicateKeys};
}

/** The error for `code` reported on the token at `offset`, inside the container `within`. */
function syntaxError(code: ParseErrorCode, text: string, offset: number, length: number, within: Open | undefined): JsonSyntaxError {
	const name = printParseErrorCode(code);
	// A string cut short by a line break or the end of the text, or a number missing a digit: the
	// problem is where the token stops, not where it starts.
	if (name === 'UnexpectedEndOfString' || name === 'UnexpectedEndOfNumber') {
		const at = offset + length;
		if (at >= text.length) {
			return new JsonSyntaxError(name === 'UnexpectedEndOfString' ? 'unexpected end of input inside a string' : 'unexpected end of input', text, at);
		}
		return new JsonSyntaxError(PROBLEMS[name], text, at, String.fromCodePoint(text.codePointAt(at)!));
	}
	if (offset >= text.length) return new JsonSyntaxError('unexpected end of input', text, offset);
	let problem: string = PROBLEMS[name];
	if (name === 'CommaExpected') {
		problem = Array.isArray(within?.value) ? "expected ',' or ']' after an element" : "expected ',' or '}' after a member";
	}
	return new JsonSyntaxError(problem, text, offset, text.slice(offset, offset + Math.min(Math.max(length, 1), MAX_FOUND_LENGTH)));
}
