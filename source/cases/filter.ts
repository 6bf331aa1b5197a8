/**
 * The filter language of the queues (DESIGN.md "Keyboard"): space-separated tokens that AND
 * together, e.g. `status:in_review program:CEC officer:me crs>=480 bf<=today name:cote`.
 *
 * | token | matches |
 * |---|---|
 * | `status:S[,S…]` | status is one of the listed (`in_review` or `in-review`) |
 * | `program:P[,P…]` | program CEC, FSW or FST |
 * | `office:O[,O…]` | office (ignoring ASCII case) |
 * | `officer:USER\|me\|none[,…]` | assigned to USER (listQueue refuses a USER who is no officer of the store), to the acting officer, or to nobody |
 * | `crs OP N` | cached CRS total (as assessed) |
 * | `bf OP DATE` | bring-forward date |
 * | `received OP DATE` | date the e-APR was received (local calendar date) |
 * | `waiting OP N`, `age OP N` | whole days since received |
 * | `name:TEXT`, `name:"TEXT"` | TEXT occurs in the family or given names, ignoring case, accents and Unicode normal form |
 * | a bare word or `"phrase"` | occurs in the names, the UCI (dashes optional) or the application number |
 *
 * OP is one of `>=`, `<=`, `>`, `<`, `=`, or `:` (same as `=`). DATE is `today`, `today+N`,
 * `today-N` or `YYYY-MM-DD`; it is resolved when the filter is applied, so a saved queue with
 * `bf<=today` stays current. Keys are case-insensitive. Inside quotes, `\"` is a quote.
 *
 * `parseFilter` turns the text into a {@link Filter} (an AST) or throws InvalidError with one line
 * naming the token and what was expected; `filterCondition` / `applyFilter` turn the AST into a
 * Kysely condition over `applications` (standard SQL only: comparisons, IN, LIKE … ESCAPE,
 * `lower`), so the same filter runs on SQLite and PostgreSQL.
 *
 * Name search uses `applications.search_key` (source/cases/search-key.ts: folded family name,
 * folded given names, UCI digits, lower-case application number, separated by single spaces)
 * with `LIKE` on the folded text; LIKE wildcards in the text are escaped. Such a search reads
 * every candidate row (no index helps a `%text%` match).
 */
import {expressionBuilder, sql, type Expression, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool} from 'kysely';
import {APPLICATION_STATUSES, type ApplicationStatus, type Database, type ProgramCode} from '../../db/index.js';
import {dayNumber, fromDayNumber, isRealDate} from '../rules/dates.js';
import {InvalidError} from './errors.js';
import {foldForSearch} from './search-key.js';

/** A comparison operator (`:` is read as `=`). */
export type CompareOp = '=' | '>' | '>=' | '<' | '<=';

/** A calendar date in a filter: fixed, or relative to the day the filter is applied. */
export type DateExpr = {kind: 'date'; date: string} | {kind: 'today'; offsetDays: number};

/** Whom `officer:` names. */
export type OfficerRef = {kind: 'me'} | {kind: 'none'} | {kind: 'user'; userName: string};

/** One token of a filter; the terms of a {@link Filter} AND together. */
export type FilterTerm =
	| {key: 'status'; values: ApplicationStatus[]}
	| {key: 'program'; values: ProgramCode[]}
	| {key: 'office'; values: string[]}
	| {key: 'officer'; officers: OfficerRef[]}
	| {key: 'crs'; op: CompareOp; value: number}
	| {key: 'bf'; op: CompareOp; date: DateExpr}
	| {key: 'received'; op: CompareOp; date: DateExpr}
	| {key: 'waiting'; op: CompareOp; days: number}
	/** `text` as typed; `folded` through foldForSearch (what is matched). */
	| {key: 'name'; text: string; folded: string}
	/** A bare word or phrase: names, UCI or application number. */
	| {key: 'text'; text: string; folded: string};

/** A parsed filter: the text it came from and its terms (none: everything matches). */
export type Filter = {source: string; terms: FilterTerm[]};

/** What applying a filter needs to know: who "me" is and what day "today" is. */
export type FilterContext = {
	/** The acting officer's user name (`officer:me`). */
	me: string;
	/** Today's calendar date, `YYYY-MM-DD` (`today`, `waiting`). */
	today: string;
};

const OPS = ['>=', '<=', '>', '<', '=', ':'] as const;
const PROGRAMS: readonly ProgramCode[] = ['CEC', 'FSW', 'FST'];
const KEYS = ['status', 'program', 'office', 'officer', 'crs', 'bf', 'received', 'waiting', 'age', 'name'] as const;
type Key = (typeof KEYS)[number];
const TOKEN = /^([A-Za-z]+)(>=|<=|>|<|=|:)([\s\S]*)$/;
const COMPARISON_HINT = '(also >=, >, <, =, :)';

function fail(token: string, expected: string): never {
	throw new InvalidError(`filter: ${JSON.stringify(token)} — expected ${expected}`);
}

/** Splits on whitespace outside double quotes; quotes stay in the tokens. */
function tokenize(text: string): string[] {
	const tokens: string[] = [];
	let current = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			current += c;
			if (c === '\\' && i + 1 < text.length) current += text[++i];
			else if (c === '"') quoted = false;
		} else if (/\s/u.test(c)) {
			if (current) tokens.push(current);
			current = '';
		} else {
			if (c === '"') quoted = true;
			current += c;
		}
	}
	if (quoted) fail(current, 'a closing " (quote a value with spaces: name:"de la")');
	if (current) tokens.push(current);
	return tokens;
}

/** Removes the quotes of a token part; `\"` and `\\` inside quotes stand for `"` and `\`. */
function unquote(part: string): string {
	let out = '';
	let quoted = false;
	for (let i = 0; i < part.length; i++) {
		const c = part[i]!;
		if (c === '"') quoted = !quoted;
		else if (quoted && c === '\\' && i + 1 < part.length) out += part[++i];
		else out += c;
	}
	return out;
}

function list(value: string): string[] {
	return [...new Set(value.split(',').map((v) => v.trim()))];
}

function compareOp(op: (typeof OPS)[number]): CompareOp {
	return op === ':' ? '=' : op;
}

function parseDate(value: string): DateExpr | null {
	const relative = /^today(?:([+-])(\d{1,5}))?$/i.exec(value);
	if (relative) return {kind: 'today', offsetDays: relative[1] === '-' ? -Number(relative[2]) : Number(relative[2] ?? 0)};
	return isRealDate(value) ? {kind: 'date', date: value} : null;
}

function parseToken(raw: string): FilterTerm {
	const m = raw.startsWith('"') ? null : TOKEN.exec(raw);
	if (!m) {
		const text = unquote(raw).trim();
		if (!text) fail(raw, 'a word or a "phrase" to search names, UCI and application number for');
		return {key: 'text', text, folded: foldForSearch(text)};
	}
	const keyText = m[1]!.toLowerCase();
	const op = m[2] as (typeof OPS)[number];
	const value = unquote(m[3]!).trim();
	if (!(KEYS as readonly string[]).includes(keyText)) {
		fail(raw, `a known key (status:, program:, office:, officer:, crs, bf, received, waiting, age, name:) — "${m[1]}" is not one`);
	}
	const key = keyText as Key;
	const equality = op === ':' || op === '=';
	switch (key) {
		case 'status': {
			const values = list(value).map((v) => v.toLowerCase().replaceAll('-', '_'));
			if (!equality || values.some((v) => !(APPLICATION_STATUSES as readonly string[]).includes(v))) {
				fail(raw, `status:S or status:S,S… with S one of ${APPLICATION_STATUSES.join(', ')}`);
			}
			return {key, values: values as ApplicationStatus[]};
		}
		case 'program': {
			const values = list(value).map((v) => v.toUpperCase());
			if (!equality || values.some((v) => !(PROGRAMS as readonly string[]).includes(v))) fail(raw, 'program:CEC, program:FSW or program:FST (a comma list is allowed)');
			return {key, values: values as ProgramCode[]};
		}
		case 'office': {
			const values = list(value);
			if (!equality || values.some((v) => v === '')) fail(raw, 'office:O or office:O,O…');
			return {key, values};
		}
		case 'officer': {
			const values = list(value);
			if (!equality || values.some((v) => v === '')) fail(raw, 'officer:USER, officer:me or officer:none (a comma list is allowed)');
			return {
				key,
				officers: values.map((v): OfficerRef => (v.toLowerCase() === 'me' ? {kind: 'me'} : v.toLowerCase() === 'none' ? {kind: 'none'} : {kind: 'user', userName: v})),
			};
		}
		case 'crs': {
			if (!/^\d{1,4}$/.test(value)) fail(raw, 'crs>=N, crs<=N, crs>N, crs<N, crs=N or crs:N with N a whole number of points');
			return {key, op: compareOp(op), value: Number(value)};
		}
		case 'bf':
		case 'received': {
			const date = parseDate(value);
			if (!date) fail(raw, `${key}<=DATE ${COMPARISON_HINT} with DATE today, today+N, today-N or YYYY-MM-DD`);
			return {key, op: compareOp(op), date};
		}
		case 'waiting':
		case 'age': {
			if (!/^\d{1,5}$/.test(value)) fail(raw, `${key}>N ${COMPARISON_HINT} with N whole days since the application was received`);
			return {key: 'waiting', op: compareOp(op), days: Number(value)};
		}
		case 'name': {
			const folded = foldForSearch(value);
			if (!equality || folded === '') fail(raw, 'name:TEXT or name:"TEXT WITH SPACES"');
			return {key, text: value, folded};
		}
	}
}

/**
 * Parses filter text into its terms. Empty or blank text gives a filter with no terms (everything
 * matches). Throws InvalidError (exit 65) naming the first bad token and what was expected, e.g.
 * `filter: "crs>>4" — expected crs>=N, crs<=N, …`.
 */
export function parseFilter(text: string): Filter {
	return {source: text.trim(), terms: tokenize(text).map(parseToken)};
}

/**
 * The user names the filter's `officer:` terms name (not `me` or `none`), each once, in the order
 * written: the names a caller checks against the store's officers (listQueue does), since a name
 * that is no officer's would match no case without a word.
 */
export function namedOfficers(filter: Filter): string[] {
	const names = new Set<string>();
	for (const term of filter.terms) {
		if (term.key !== 'officer') continue;
		for (const officer of term.officers) if (officer.kind === 'user') names.add(officer.userName);
	}
	return [...names];
}

/** The calendar date a {@link DateExpr} stands for, given today's date. */
export function resolveDate(date: DateExpr, today: string): string {
	return date.kind === 'date' ? date.date : fromDayNumber(dayNumber(today) + date.offsetDays);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The instant (stored form, UTC) at which the local calendar day `date` (`YYYY-MM-DD`) begins,
 * in the process's time zone: the officer's day, so that "received today" and "decided today"
 * mean the officer's today.
 */
export function localDayStart(date: string): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const at = new Date(0);
	at.setFullYear(y, m - 1, d);
	at.setHours(0, 0, 0, 0);
	return at.toISOString();
}

/** The local calendar date (`YYYY-MM-DD`, process time zone) of a stored instant. */
export function localDateOf(instant: string): string {
	const at = new Date(instant);
	return `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Whole days from the local date of `instant` to `today` (0 on the day itself). */
export function daysSince(instant: string, today: string): number {
	return dayNumber(today) - dayNumber(localDateOf(instant));
}

/** `text` with the LIKE wildcards `%`, `_` and the escape character `\` escaped (use with `ESCAPE '\'`). */
export function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, '\\$&');
}

type Eb = ExpressionBuilder<Database, 'applications'>;

function like(pattern: string): Expression<SqlBool> {
	return sql<SqlBool>`${sql.ref('applications.search_key')} like ${pattern} escape '\\'`;
}

/** `received_at` compared with the local calendar day `date`, as a range of instants. */
function receivedOn(eb: Eb, op: CompareOp, date: string): Expression<SqlBool> {
	const start = localDayStart(date);
	const next = localDayStart(fromDayNumber(dayNumber(date) + 1));
	const col = 'applications.received_at' as const;
	switch (op) {
		case '>=':
			return eb(col, '>=', start);
		case '>':
			return eb(col, '>=', next);
		case '<':
			return eb(col, '<', start);
		case '<=':
			return eb(col, '<', next);
		case '=':
			return eb.and([eb(col, '>=', start), eb(col, '<', next)]);
	}
}

/** "waited more than N days" is "received before today − N": the operator turns around. */
const MIRROR: Record<CompareOp, CompareOp> = {'=': '=', '>': '<', '>=': '<=', '<': '>', '<=': '>='};

function termCondition(eb: Eb, term: FilterTerm, context: FilterContext): Expression<SqlBool> {
	switch (term.key) {
		case 'status':
			return term.values.length === 1 ? eb('applications.status', '=', term.values[0]!) : eb('applications.status', 'in', term.values);
		case 'program':
			return term.values.length === 1 ? eb('applications.program', '=', term.values[0]!) : eb('applications.program', 'in', term.values);
		case 'office':
			return eb(eb.fn<string>('lower', ['applications.office']), 'in', term.values.map((v) => v.toLowerCase()));
		case 'officer':
			return eb.or(
				term.officers.map((o) =>
					o.kind === 'none' ? eb('applications.assigned_to', 'is', null) : eb('applications.assigned_to', '=', o.kind === 'me' ? context.me : o.userName),
				),
			);
		case 'crs':
			return eb('applications.crs_total', term.op, term.value);
		case 'bf':
			return eb('applications.bring_forward_on', term.op, resolveDate(term.date, context.today));
		case 'received':
			return receivedOn(eb, term.op, resolveDate(term.date, context.today));
		case 'waiting':
			return receivedOn(eb, MIRROR[term.op], fromDayNumber(dayNumber(context.today) - term.days));
		case 'name':
			// search_key is "family given uci number" and the last two hold no space: an occurrence
			// followed by two more spaces lies within the names.
			return like(`%${escapeLike(term.folded)}% % %`);
		case 'text': {
			const digits = /^[\d-]*\d[\d-]*$/.test(term.folded) ? term.folded.replaceAll('-', '') : term.folded;
			return like(`%${escapeLike(digits)}%`);
		}
	}
}

/**
 * The filter as one SQL condition over `applications` (columns qualified, so it can be used in
 * a query joining other tables). A filter without terms gives `true`.
 */
export function filterCondition(filter: Filter, context: FilterContext): Expression<SqlBool> {
	const eb = expressionBuilder<Database, 'applications'>();
	return eb.and(filter.terms.map((term) => termCondition(eb, term, context)));
}

/** Adds the filter's condition to a select over `applications` (possibly joined with other tables). */
export function applyFilter<DB extends Database, TB extends keyof DB, O>(
	qb: SelectQueryBuilder<DB, TB, O>,
	filter: Filter,
	context: FilterContext,
): SelectQueryBuilder<DB, TB, O> {
	return filter.terms.length === 0 ? qb : qb.where(filterCondition(filter, context) as Expression<SqlBool>);
}

const OP_TEXT: Record<CompareOp, string> = {'=': '=', '>': '>', '>=': '≥', '<': '<', '<=': '≤'};

function dateText(date: DateExpr): string {
	if (date.kind === 'date') return date.date;
	return date.offsetDays === 0 ? 'today' : `today${date.offsetDays > 0 ? '+' : ''}${date.offsetDays}`;
}

function termText(term: FilterTerm): string {
	switch (term.key) {
		case 'status':
			return `status ${term.values.map((v) => v.replaceAll('_', ' ')).join(' or ')}`;
		case 'program':
			return `program ${term.values.join(' or ')}`;
		case 'office':
			return `office ${term.values.join(' or ')}`;
		case 'officer':
			return term.officers.map((o) => (o.kind === 'none' ? 'unassigned' : `assigned to ${o.kind === 'me' ? 'me' : o.userName}`)).join(' or ');
		case 'crs':
			return `CRS ${OP_TEXT[term.op]} ${term.value}`;
		case 'bf':
			return `BF ${OP_TEXT[term.op]} ${dateText(term.date)}`;
		case 'received':
			return `received ${OP_TEXT[term.op]} ${dateText(term.date)}`;
		case 'waiting':
			return `waiting ${OP_TEXT[term.op]} ${term.days} day${term.days === 1 ? '' : 's'}`;
		case 'name':
			return `name contains ${JSON.stringify(term.text)}`;
		case 'text':
			return `matches ${JSON.stringify(term.text)}`;
	}
}

/**
 * A short, readable account of a filter for the status bar, terms joined by ` · `, e.g.
 * `status in review · program CEC · assigned to me · CRS ≥ 480 · BF ≤ today · name contains "cote"`;
 * `all cases` for an empty filter. The text holds what the officer typed: sanitise before drawing.
 */
export function describeFilter(filter: Filter): string {
	return filter.terms.length === 0 ? 'all cases' : filter.terms.map(termText).join(' · ');
}
