import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CaseError, InvalidError, NotFoundError} from '../../source/cases/errors.js';
import {describeFilter, localDateOf, localDayStart, parseFilter, type Filter, type FilterTerm} from '../../source/cases/filter.js';
import {listQueue, type QueueEntry} from '../../source/cases/queues.js';
import {dayNumber, fromDayNumber} from '../../source/rules/dates.js';
import {addOfficer, insertCases, queueStore, rng, type CaseSpec} from './queue-fixtures.js';

const TODAY = '2026-11-29';
const day = (offset: number) => fromDayNumber(dayNumber(TODAY) + offset);

describe('parseFilter: every token kind', () => {
	const one = (text: string): FilterTerm => {
		const filter = parseFilter(text);
		expect(filter.terms).toHaveLength(1);
		return filter.terms[0]!;
	};

	it('status, with comma lists, dashes and any case', () => {
		expect(one('status:in_review')).toEqual({key: 'status', values: ['in_review']});
		expect(one('STATUS:In-Review,awaiting_info')).toEqual({key: 'status', values: ['in_review', 'awaiting_info']});
		expect(one('status=received')).toEqual({key: 'status', values: ['received']});
	});

	it('program and office', () => {
		expect(one('program:cec')).toEqual({key: 'program', values: ['CEC']});
		expect(one('program:FSW,FST')).toEqual({key: 'program', values: ['FSW', 'FST']});
		expect(one('office:Ottawa,MTL')).toEqual({key: 'office', values: ['Ottawa', 'MTL']});
	});

	it('officer: a user, me, none, or a list', () => {
		expect(one('officer:me')).toEqual({key: 'officer', officers: [{kind: 'me'}]});
		expect(one('officer:NONE')).toEqual({key: 'officer', officers: [{kind: 'none'}]});
		expect(one('officer:jdoe')).toEqual({key: 'officer', officers: [{kind: 'user', userName: 'jdoe'}]});
		expect(one('officer:me,none')).toEqual({key: 'officer', officers: [{kind: 'me'}, {kind: 'none'}]});
	});

	it('crs with each comparison', () => {
		expect(one('crs>=480')).toEqual({key: 'crs', op: '>=', value: 480});
		expect(one('crs<=480')).toEqual({key: 'crs', op: '<=', value: 480});
		expect(one('crs>480')).toEqual({key: 'crs', op: '>', value: 480});
		expect(one('crs<480')).toEqual({key: 'crs', op: '<', value: 480});
		expect(one('crs=480')).toEqual({key: 'crs', op: '=', value: 480});
		expect(one('crs:480')).toEqual({key: 'crs', op: '=', value: 480});
	});

	it('bf and received with today, today±N and calendar dates', () => {
		expect(one('bf<=today')).toEqual({key: 'bf', op: '<=', date: {kind: 'today', offsetDays: 0}});
		expect(one('bf<today+7')).toEqual({key: 'bf', op: '<', date: {kind: 'today', offsetDays: 7}});
		expect(one('bf>=Today-3')).toEqual({key: 'bf', op: '>=', date: {kind: 'today', offsetDays: -3}});
		expect(one('bf:2026-12-01')).toEqual({key: 'bf', op: '=', date: {kind: 'date', date: '2026-12-01'}});
		expect(one('received>2026-02-28')).toEqual({key: 'received', op: '>', date: {kind: 'date', date: '2026-02-28'}});
	});

	it('age and waiting (the same)', () => {
		expect(one('age>30')).toEqual({key: 'waiting', op: '>', days: 30});
		expect(one('waiting<=7')).toEqual({key: 'waiting', op: '<=', days: 7});
	});

	it('name, quoted values and bare words', () => {
		expect(one('name:cote')).toEqual({key: 'name', text: 'cote', folded: 'cote'});
		expect(one('name:"de la"')).toEqual({key: 'name', text: 'de la', folded: 'de la'});
		expect(one('name:Côté')).toEqual({key: 'name', text: 'Côté', folded: 'cote'});
		expect(one('name:"say \\"hi\\""')).toEqual({key: 'name', text: 'say "hi"', folded: 'say "hi"'});
		expect(one('Okonkwo')).toEqual({key: 'text', text: 'Okonkwo', folded: 'okonkwo'});
		expect(one('"van der"')).toEqual({key: 'text', text: 'van der', folded: 'van der'});
		expect(one('1187-4420')).toEqual({key: 'text', text: '1187-4420', folded: '1187-4420'});
		expect(one('name:ＷＩＤＥ')).toEqual({key: 'name', text: 'ＷＩＤＥ', folded: 'wide'});
		expect(one('１１８７')).toEqual({key: 'text', text: '１１８７', folded: '1187'});
	});

	it('ANDs every token of the example in the design', () => {
		const filter = parseFilter('status:in_review program:CEC officer:me crs>=480 bf<=today name:cote');
		expect(filter.terms.map((t) => t.key)).toEqual(['status', 'program', 'officer', 'crs', 'bf', 'name']);
		expect(describeFilter(filter)).toBe('status in review · program CEC · assigned to me · CRS ≥ 480 · BF ≤ today · name contains "cote"');
	});

	it('an empty or blank filter has no terms', () => {
		expect(parseFilter('').terms).toEqual([]);
		expect(parseFilter('   \t ').terms).toEqual([]);
		expect(describeFilter(parseFilter(''))).toBe('all cases');
	});

	it('describes every kind of term', () => {
		const text = 'status:received,in_review office:OTT officer:none,jdoe crs<400 bf>today+7 received=2026-01-02 waiting>1 age=1 "van der"';
		expect(describeFilter(parseFilter(text))).toBe(
			'status received or in review · office OTT · unassigned or assigned to jdoe · CRS < 400 · BF > today+7 · received = 2026-01-02 · waiting > 1 day · waiting = 1 day · matches "van der"',
		);
	});
});

describe('parseFilter: errors name the token and what is expected', () => {
	const cases: Array<[string, string]> = [
		['crs>>4', 'filter: "crs>>4" — expected crs>=N, crs<=N, crs>N, crs<N, crs=N or crs:N with N a whole number of points'],
		['crs>=high', 'filter: "crs>=high" — expected crs>=N'],
		['status:open', 'filter: "status:open" — expected status:S or status:S,S… with S one of pool, invited, received, in_review'],
		['status>received', 'filter: "status>received" — expected status:S'],
		['program:PNP', 'filter: "program:PNP" — expected program:CEC, program:FSW or program:FST'],
		['officer:', 'filter: "officer:" — expected officer:USER, officer:me or officer:none'],
		['office:a,,b', 'filter: "office:a,,b" — expected office:O'],
		['bf<=tomorrow', 'filter: "bf<=tomorrow" — expected bf<=DATE (also >=, >, <, =, :) with DATE today, today+N, today-N or YYYY-MM-DD'],
		['received>=2026-02-30', 'filter: "received>=2026-02-30" — expected received<=DATE'],
		['waiting>a', 'filter: "waiting>a" — expected waiting>N (also >=, >, <, =, :) with N whole days'],
		['age>-1', 'filter: "age>-1" — expected age>N'],
		['name:', 'filter: "name:" — expected name:TEXT or name:"TEXT WITH SPACES"'],
		['name:""', 'filter: "name:\\"\\"" — expected name:TEXT'],
		['name>cote', 'filter: "name>cote" — expected name:TEXT'],
		['colour:red', 'filter: "colour:red" — expected a known key (status:, program:, office:, officer:, crs, bf, received, waiting, age, name:) — "colour" is not one'],
		['name:"de la', 'filter: "name:\\"de la" — expected a closing " (quote a value with spaces: name:"de la")'],
		['""', 'filter: "\\"\\"" — expected a word or a "phrase"'],
	];
	for (const [text, message] of cases) {
		it(`${text}`, () => {
			let error: unknown;
			try {
				parseFilter(`status:received crs>1 ${text}`);
			} catch (e) {
				error = e;
			}
			expect(error).toBeInstanceOf(InvalidError);
			expect((error as CaseError).exitCode).toBe(65);
			expect((error as Error).message).toContain(message);
			expect((error as Error).message).not.toContain('\n');
		});
	}
});

// ---- applied to a store -------------------------------------------------------------------------

let t: Awaited<ReturnType<typeof queueStore>>;
const NAMES: Array<[string, string, string]> = [
	// [number, family, given]
	['E000000101', 'Côté-Lefrançois', 'Marie-Ève'], // NFC
	['E000000102', 'He\u0301le\u0300ne'.normalize('NFD'), 'Anne'], // stored NFD
	['E000000103', 'HÉLÈNE', 'Sophie'],
	['E000000104', 'Cote', 'Jean'],
	['E000000105', 'De La Cruz', 'María José'],
	['E000000106', 'Delacroix', 'Luc'],
	['E000000107', 'Dona', 'Xu'],
	['E000000108', 'Okonkwo', 'Chiamaka Adaeze'],
	['E000000109', '王', '秀英'],
	['E000000110', 'Nguyễn', 'Thị Minh Khai'],
	['E000000111', 'ＷＩＤＥ', 'ﬁona'], // full-width letters; the ligature ﬁ
];

async function search(filter: string, session?: Awaited<ReturnType<typeof t.as>>): Promise<string[]> {
	const s = session ?? (await t.as('alice'));
	const page = await listQueue(s, {filter, limit: 1000, today: TODAY, sort: 'number'});
	return page.rows.map((r) => r.applicationNumber);
}

beforeAll(async () => {
	t = await queueStore();
	await addOfficer(t.store, 'alice', ['officer', 'supervisor']);
	await addOfficer(t.store, 'bob', ['officer']);
	await insertCases(
		t.store,
		NAMES.map(([applicationNumber, familyName, givenNames], i) => ({
			applicationNumber,
			familyName,
			givenNames,
			uci: i === 7 ? '1187-4420' : `${3000 + i}-${5000 + i}`,
		})),
	);
});
afterAll(async () => {
	await t.close();
});

describe('officer: names an officer of the store', () => {
	it('an unknown officer is an error naming them and listing the known ones, not an empty list', async () => {
		const alice = await t.as('alice');
		const refused = await listQueue(alice, {filter: 'officer:nobody', today: TODAY}).then(
			() => null,
			(e: unknown) => e as CaseError,
		);
		expect(refused).toBeInstanceOf(NotFoundError);
		expect(refused).toMatchObject({exitCode: 65, message: 'no officer "nobody" (known: alice, bob)'});
		// In a comma list and with other terms too; a name differing only in case is not the officer.
		await expect(listQueue(alice, {filter: 'status:received officer:none,nobody', today: TODAY})).rejects.toThrow('no officer "nobody"');
		await expect(listQueue(alice, {filter: 'officer:Bob', today: TODAY})).rejects.toThrow('no officer "Bob" (known: bob, alice)');
	});

	it('me, none and a known officer still filter', async () => {
		expect(await search('officer:me')).toEqual([]);
		expect(await search('officer:bob')).toEqual([]);
		expect(await search('officer:none,bob')).toEqual(NAMES.map(([number]) => number));
	});
});

describe('name search ignores case, accents and normal form', () => {
	it("'cote' finds Côté-Lefrançois and Cote", async () => {
		expect(await search('name:cote')).toEqual(['E000000101', 'E000000104']);
		expect(await search('name:CÔTÉ')).toEqual(['E000000101', 'E000000104']);
		expect(await search('name:lefrancois')).toEqual(['E000000101']);
		expect(await search('cote-lef')).toEqual(['E000000101']);
	});

	it('Hélène = helene = HÉLÈNE, NFC or NFD on either side', async () => {
		const both = ['E000000102', 'E000000103'];
		expect(await search('name:helene')).toEqual(both);
		expect(await search('name:HÉLÈNE')).toEqual(both);
		expect(await search(`name:${'Hélène'.normalize('NFC')}`)).toEqual(both);
		expect(await search(`name:${'Hélène'.normalize('NFD')}`)).toEqual(both);
		expect(await search(`name:${'Côté'.normalize('NFD')}`)).toEqual(['E000000101', 'E000000104']);
	});

	it('matches given names, phrases across family and given names, and other scripts', async () => {
		expect(await search('name:"marie-eve"')).toEqual(['E000000101']);
		expect(await search('name:"okonkwo chiamaka"')).toEqual(['E000000108']);
		expect(await search('name:秀英')).toEqual(['E000000109']);
		expect(await search('name:nguyen')).toEqual(['E000000110']);
		expect(await search('name:"thi minh"')).toEqual(['E000000110']);
	});

	it('compatibility forms fold (NFKC): wide finds ＷＩＤＥ, fiona finds ﬁona, and the other way round', async () => {
		expect(await search('name:wide')).toEqual(['E000000111']);
		expect(await search('name:WIDE')).toEqual(['E000000111']);
		expect(await search('name:ＷＩＤＥ')).toEqual(['E000000111']);
		expect(await search('name:ｗｉｄｅ')).toEqual(['E000000111']);
		expect(await search('name:fiona')).toEqual(['E000000111']);
		expect(await search('name:"wide ﬁ"')).toEqual(['E000000111']);
		expect(await search('wide')).toEqual(['E000000111']);
	});

	it('a quoted phrase keeps its space: "de la" finds De La Cruz, not Delacroix', async () => {
		expect(await search('name:"de la"')).toEqual(['E000000105']);
		expect(await search('name:dela')).toEqual(['E000000106']);
	});

	it('LIKE wildcards in the text are matched literally', async () => {
		expect(await search('name:d_na')).toEqual([]);
		expect(await search('name:%')).toEqual([]);
		expect(await search('name:"do%"')).toEqual([]);
		expect(await search('name:dona')).toEqual(['E000000107']);
	});

	it('name: looks at names only; a bare word also at the UCI and the application number', async () => {
		expect(await search('name:1187')).toEqual([]);
		expect(await search('name:e000000108')).toEqual([]);
		expect(await search('1187-4420')).toEqual(['E000000108']);
		expect(await search('11874420')).toEqual(['E000000108']);
		expect(await search('e000000108')).toEqual(['E000000108']);
		expect(await search('E000000108')).toEqual(['E000000108']);
		expect(await search('okonkwo')).toEqual(['E000000108']);
		expect(await search('okonkwo adaeze')).toEqual(['E000000108']);
		expect(await search('okonkwo helene')).toEqual([]);
	});
});

// ---- the whole language against an oracle ----------------------------------------------------------

describe('every filter selects exactly the cases its words say (random filters against an oracle)', () => {
	let s: Awaited<ReturnType<typeof queueStore>>;
	let cases: QueueEntry[];
	const statuses = ['received', 'in_review', 'awaiting_info', 'pending_review', 'approved', 'refused'] as const;
	const offices = ['OTT', 'mtl', null];
	const officers = ['alice', 'bob', null];

	beforeAll(async () => {
		s = await queueStore();
		await addOfficer(s.store, 'alice', ['officer']);
		await addOfficer(s.store, 'bob', ['officer']);
		await addOfficer(s.store, 'carol', ['officer']); // holds no case
		const r = rng(42);
		const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
		const specs: CaseSpec[] = [];
		for (let i = 0; i < 160; i++) {
			// Received around local midnights of the days near today, to test the day boundaries.
			const receivedDay = day(-Math.floor(r() * 12));
			const edge = pick([-1, 0, 1, 3_600_000, 43_200_000]);
			const receivedAt = new Date(Date.parse(localDayStart(receivedDay)) + edge).toISOString();
			specs.push({
				applicationNumber: `E${String(200 + i).padStart(9, '0')}`,
				status: pick(statuses),
				assignedTo: pick(officers),
				office: pick(offices),
				program: pick(['CEC', 'FSW', 'FST'] as const),
				crsTotal: pick([null, 400, 450, 470, 480, 481, 500]),
				bringForwardOn: pick([null, day(-2), day(0), day(3), day(7)]),
				receivedAt,
				familyName: pick(['Côté', 'Cote', 'Hélène', 'Dubois', 'De La Cruz']),
			});
		}
		await insertCases(s.store, specs);
		const page = await listQueue(await s.as('alice'), {limit: 1000, today: TODAY, sort: 'number'});
		cases = page.rows;
		expect(cases).toHaveLength(160);
	});
	afterAll(async () => {
		await s.close();
	});

	const fold = (x: string) => x.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');
	const cmp = (a: number | string, op: string, b: number | string) =>
		op === '=' ? a === b : op === '>' ? a > b : op === '>=' ? a >= b : op === '<' ? a < b : a <= b;

	function oracle(term: FilterTerm, c: QueueEntry, me: string): boolean {
		const receivedLocal = localDateOf(c.receivedAt);
		switch (term.key) {
			case 'status':
				return term.values.includes(c.status);
			case 'program':
				return term.values.includes(c.program);
			case 'office':
				return c.office !== null && term.values.map((v) => v.toLowerCase()).includes(c.office.toLowerCase());
			case 'officer':
				return term.officers.some((o) => (o.kind === 'none' ? c.assignedTo === null : c.assignedTo === (o.kind === 'me' ? me : o.userName)));
			case 'crs':
				return c.crsTotal !== null && cmp(c.crsTotal, term.op, term.value);
			case 'bf': {
				const d = term.date.kind === 'date' ? term.date.date : day(term.date.offsetDays);
				return c.bringForwardOn !== null && cmp(c.bringForwardOn, term.op, d);
			}
			case 'received': {
				const d = term.date.kind === 'date' ? term.date.date : day(term.date.offsetDays);
				return cmp(receivedLocal, term.op, d);
			}
			case 'waiting':
				return cmp(dayNumber(TODAY) - dayNumber(receivedLocal), term.op, term.days);
			case 'name':
				return fold(`${c.familyName} ${c.givenNames}`).includes(term.folded);
			case 'text':
				return fold(`${c.familyName} ${c.givenNames}`).includes(term.folded) || c.applicationNumber.toLowerCase().includes(term.folded);
		}
	}

	const op = fc.constantFrom('>=', '<=', '>', '<', '=', ':');
	const token = fc.oneof(
		fc.subarray([...statuses], {minLength: 1}).map((v) => `status:${v.join(',')}`),
		fc.subarray(['CEC', 'FSW', 'FST'], {minLength: 1}).map((v) => `program:${v.join(',')}`),
		fc.subarray(['OTT', 'MTL', 'tor'], {minLength: 1}).map((v) => `office:${v.join(',')}`),
		fc.subarray(['me', 'none', 'bob', 'carol'], {minLength: 1}).map((v) => `officer:${v.join(',')}`),
		fc.tuple(op, fc.constantFrom(400, 450, 470, 480, 481, 499)).map(([o, n]) => `crs${o}${n}`),
		fc.tuple(fc.constantFrom('bf', 'received'), op, fc.constantFrom('today', 'today+3', 'today-2', 'today-5', day(-1), day(7))).map(([k, o, d]) => `${k}${o}${d}`),
		fc.tuple(fc.constantFrom('age', 'waiting'), op, fc.integer({min: 0, max: 12})).map(([k, o, n]) => `${k}${o}${n}`),
		fc.constantFrom('name:cote', 'name:COTÉ', 'name:"de la"', 'name:hélène', 'dubois', 'E000000210', 'e00000021'),
	);

	it('matches the oracle on 150 random filters', async () => {
		const alice = await s.as('alice');
		await fc.assert(
			fc.asyncProperty(fc.array(token, {minLength: 1, maxLength: 3}), async (tokens) => {
				const text = tokens.join(' ');
				const filter: Filter = parseFilter(text);
				const expected = cases.filter((c) => filter.terms.every((term) => oracle(term, c, 'alice'))).map((c) => c.applicationNumber);
				const page = await listQueue(alice, {filter: text, limit: 1000, today: TODAY, sort: 'number'});
				expect(page.rows.map((r) => r.applicationNumber)).toEqual(expected);
				expect(page.total).toBe(expected.length);
			}),
			{numRuns: 150, seed: 7},
		);
	});

	it('daysWaiting counts local calendar days to today', () => {
		for (const c of cases) expect(c.daysWaiting).toBe(dayNumber(TODAY) - dayNumber(localDateOf(c.receivedAt)));
	});
});
