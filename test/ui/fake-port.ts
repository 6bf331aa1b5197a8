/**
 * An in-memory WorkstationData for the UI tests: 60 cases built from the fixture applications
 * (test/fixtures/applications/*.json) under names from many scripts, assessed with the real rules
 * engine, spread across statuses, programs and officers, with notes, documents, decisions (one
 * refusal by another officer awaiting review) and history. Untrusted text is deliberately nasty:
 * one applicant's name holds an escape sequence and a bidi override, and so do a note and a
 * document.
 *
 * It records every call (`calls`, `callsOf`) so tests can assert what the screens asked for, can
 * be told to fail the next call of a method (`failNext`), can play another officer changing a case
 * (`simulateOtherOfficer`, which bumps the change mark), and can act as a user with other roles.
 * The filter uses the real filter parser (source/cases/filter.ts), so a bad filter fails with the
 * store's own message; names match ignoring case and accents. Decisions and reviews check the
 * version the screen saw and fail with the store's ConflictError (exit code 75) when it moved on;
 * saved queues (`saveQueue`) are refused as the store port refuses them (a name taken, a digit
 * taken) and then listed with their count, query and sort.
 */
import {createHash} from 'node:crypto';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {ConflictError, InvalidError} from '../../source/cases/errors.js';
import {parseFilter, type CompareOp, type DateExpr, type FilterTerm} from '../../source/cases/filter.js';
import {REASON_CODES} from '../../source/cases/reason-codes.js';
import {foldForSearch} from '../../source/cases/search-key.js';
import {parseApplicationFile} from '../../source/format/parse.js';
import type {Application} from '../../source/rules/application.js';
import {assess} from '../../source/rules/assess.js';
import type {
	CaseDetail,
	CaseRow,
	DecisionInput,
	DecisionView,
	DocumentView,
	InviteeView,
	Me,
	NewQueue,
	PoolEntryView,
	PoolPage,
	PoolRequest,
	NoteView,
	QueuePage,
	QueueSummary,
	ReasonCode,
	ReviewInput,
	RoundView,
	SortColumn,
	WorkPeriodView,
	WorkstationData,
} from '../../source/ui/data.js';

/** The reference day of the tests (the rule-book vectors' as-of date). */
export const TODAY = '2026-11-29';
export const NOW = '2026-11-29T15:00:00.000Z';

/** The officer at the keyboard, and colleagues. */
export const ME = 'tremblay';
export const COLLEAGUE = 'lavoie';
export const OTHER_OFFICER = 'chen';

const FIXTURES = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'fixtures', 'applications');

/** The fixture applications in file order (V01, V03, …). */
export const TEMPLATES: Application[] = readdirSync(FIXTURES)
	.filter((name) => name.endsWith('.json'))
	.sort()
	.flatMap((name) => parseApplicationFile(readFileSync(join(FIXTURES, name), 'utf8'), name));

/** [family name, given names] of the 60 cases, in case order. */
export const NAMES: ReadonlyArray<[string, string]> = [
	['Côté-Lefrançois', 'Hélène'],
	['王', '秀英'],
	['العلي', 'محمد'],
	['Evil\u001b[31mRed', 'Mallory\u202eyrollaM'],
	['Nguyễn', 'Thị Minh Khai'],
	['Müller', 'Jürgen'],
	["O'Brien", 'Siobhán'],
	['Ørsted', 'Søren'],
	['Dela Cruz', 'Maria Lourdes'],
	['김', '민준'],
	['Иванова', 'Анна Сергеевна'],
	['Παπαδόπουλος', 'Γιώργος'],
	['Traoré', 'Moussa'],
	['Gagné-Thériault', 'Maëlle'],
	['पटेल', 'प्रियंका'],
	['Rodríguez', 'Sofía'],
	['Kowalski', 'Tomasz'],
	['Nowak', 'Paweł'],
	['Okonkwo', 'Chiamaka Adaeze'],
	['Haddad', 'Rami'],
	['Bélanger', 'François'],
	['Silva', 'Mateus'],
	['Mwangi', 'Brian Otieno'],
	['Ochieng', 'Daniel'],
	['中村', '陽翔'],
	['Mohamud', 'Abdirahman'],
	['Trần', 'Bảo Anh'],
	['Schmidt', 'Jürgen'],
	['Ahmed', 'Farah'],
	['Okafor', 'Amara'],
	['Lefebvre', 'Chloé'],
	['Singh', 'Gurpreet'],
	['Kaur', 'Harjit'],
	['Tanaka', 'Yui'],
	['Al-Sayed', 'Layla'],
	['Fernández', 'José Luis'],
	['Dubois', 'Noémie'],
	['Chen', 'Wei'],
	['Li', 'Na'],
	['Mensah', 'Kwame'],
	['Osei', 'Ama'],
	['Petrović', 'Ivana'],
	['Kovács', 'Zoltán'],
	['Yılmaz', 'Elif'],
	['Hosseini', 'Zahra'],
	['Roy', 'Étienne'],
	['Gauthier', 'Aurélie'],
	['Bouchard', 'Léa'],
	['Pelletier', 'Gaël'],
	['Khan', 'Ayesha'],
	['Ali', 'Omar'],
	['Sato', 'Haruto'],
	['Park', 'Ji-woo'],
	['Nakamura', 'Sakura'],
	['García', 'Lucía'],
	['Martins', 'João'],
	['Andersson', 'Elsa'],
	['Novak', 'Luka'],
	['Bianchi', 'Giulia'],
	['Ibrahim', 'Fatima'],
];

/** Application number of case `i` (0-based): E000100100, E000100101, … */
export function numberOf(i: number): string {
	return `E${String(100100 + i).padStart(9, '0')}`;
}

/** Cases the tests name. */
export const CASES = {
	/** Côté-Lefrançois, Hélène: mine, in review; V17 with one work period not credited (claimed ≠ assessed); notes and documents. */
	helene: numberOf(0),
	/** 王 秀英: mine, in review (wide characters). */
	cjk: numberOf(1),
	/** محمد العلي: mine, in review; a PFL was sent earlier. */
	arabic: numberOf(2),
	/** The hostile name (ESC and bidi override); mine; a hostile note and document. */
	evil: numberOf(3),
	/** Mine, in review, eligible for its program (V05, FSW). */
	eligible: numberOf(5),
	/** O'Brien: mine, in review, NOT eligible for its program (V11, CEC). */
	ineligible: numberOf(6),
	/** Mine, pending review of my own refusal. */
	myPendingRefusal: numberOf(10),
	/** Unassigned, received (the oldest unassigned). */
	firstUnassigned: numberOf(26),
	/** Assigned to another officer (chen), in review. */
	othersCase: numberOf(38),
	/** Pending review of a refusal by lavoie (another officer). */
	pendingByColleague: numberOf(46),
} as const;

/** A reason code the office added (reason codes are data): its text is untrusted too. */
export const OFFICE_REASON_CODE: ReasonCode = {code: 'office-local', meaning: 'Local\u001b[5m policy \u202etxet', source: 'office memo\u0007'};

export type Call = {method: string; args: unknown[]};

/** Categories the fake pool knows (all in force on TODAY). */
export const POOL_CATEGORIES = ['french', 'healthcare', 'stem', 'trades', 'education'] as const;

/** IRCC's distribution rows [min, max, level, subtotal], in IRCC's order. */
const POOL_BANDS: ReadonlyArray<[number, number, 0 | 1, boolean]> = [
	[601, 1200, 0, false],
	[501, 600, 0, false],
	[451, 500, 0, true],
	...[491, 481, 471, 461, 451].map((min): [number, number, 0 | 1, boolean] => [min, min + 9, 1, false]),
	[401, 450, 0, true],
	...[441, 431, 421, 411, 401].map((min): [number, number, 0 | 1, boolean] => [min, min + 9, 1, false]),
	[351, 400, 0, false],
	[301, 350, 0, false],
	[0, 300, 0, false],
];

type Record_ = {
	detail: CaseDetail;
	application: Application;
	searchKey: string;
	/** Per-document text content, by document id. */
	texts: Map<number, string>;
};

const WORK_STATUSES = ['received', 'in_review', 'awaiting_info', 'pending_review'];

function addDays(date: string, days: number): string {
	const at = new Date(`${date}T00:00:00Z`);
	at.setUTCDate(at.getUTCDate() + days);
	return at.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function compare(op: CompareOp, a: number | string, b: number | string): boolean {
	switch (op) {
		case '=':
			return a === b;
		case '>':
			return a > b;
		case '>=':
			return a >= b;
		case '<':
			return a < b;
		case '<=':
			return a <= b;
	}
}

function dateOfExpr(date: DateExpr): string {
	return date.kind === 'date' ? date.date : addDays(TODAY, date.offsetDays);
}

function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

type QueueDef = {name: string; query: string | null; digitKey: number | null; builtIn: boolean; sort?: SortColumn; descending?: boolean; test: (d: CaseDetail, decisions: DecisionView[]) => boolean};

export type FakeOptions = {
	/** Roles of the user at the keyboard (default officer + supervisor). */
	roles?: string[];
	/** The user name (default `tremblay`). */
	userName?: string;
};

export class FakePort implements WorkstationData {
	readonly calls: Call[] = [];
	user: Me;
	mark = 1000;
	private readonly records = new Map<string, Record_>();
	private readonly failures = new Map<string, Error>();
	private readonly gates = new Map<string, Promise<void>>();
	private nextNoteId = 1;
	private nextDecisionId = 1;
	private nextEventSeq = 1;
	private readonly queueDefs: QueueDef[];
	closed = false;

	constructor(options: FakeOptions = {}) {
		const userName = options.userName ?? ME;
		this.user = {userName, displayName: 'Marie Tremblay', roles: options.roles ?? ['officer', 'supervisor'], office: 'OTT'};
		this.queueDefs = [
			{name: 'My cases', query: 'officer:me status:received,in_review,awaiting_info,pending_review', digitKey: null, builtIn: true, test: (d) => WORK_STATUSES.includes(d.status) && d.assignedTo === this.user.userName},
			{name: 'Unassigned', query: 'officer:none status:received,in_review', digitKey: null, builtIn: true, test: (d) => d.assignedTo === null && ['received', 'in_review'].includes(d.status)},
			{name: 'Bring-forward due', query: 'bf<=today', digitKey: null, builtIn: true, sort: 'bf', test: (d) => WORK_STATUSES.includes(d.status) && d.bringForwardOn !== null && d.bringForwardOn <= TODAY},
			{name: 'Awaiting information', query: 'status:awaiting_info', digitKey: null, builtIn: true, test: (d) => d.status === 'awaiting_info'},
			{name: 'Pending review', query: 'status:pending_review', digitKey: null, builtIn: true, test: (d) => d.status === 'pending_review'},
			{name: 'Decided today', query: null, digitKey: null, builtIn: true, test: (d, decisions) => decisions.some((x) => x.decidedAt.startsWith(TODAY) && !['rfi', 'pfl'].includes(x.outcome))},
			{name: 'All cases', query: '', digitKey: null, builtIn: true, test: () => true},
			{name: 'FST trades', query: 'program:FST', digitKey: 1, builtIn: false, test: (d) => d.program === 'FST'},
			{name: 'High CRS', query: 'crs>=500', digitKey: 2, builtIn: false, test: (d) => (d.assessment?.asAssessed.crs.total ?? 0) >= 500},
		];
		for (let i = 0; i < NAMES.length; i++) this.build(i);
	}

	// ---- test controls ------------------------------------------------------------------------

	/** The calls of `method`, oldest first. */
	callsOf(method: string): unknown[][] {
		return this.calls.filter((call) => call.method === method).map((call) => call.args);
	}

	/** Calls other than reads (what the officer changed). */
	writes(): Call[] {
		const reads = new Set(['me', 'storeName', 'queues', 'queuePage', 'caseDetail', 'documentText', 'reasonCodes', 'changeMark', 'pool', 'rounds', 'roundInvitees']);
		return this.calls.filter((call) => !reads.has(call.method));
	}

	/** The next call of `method` throws `error`. */
	failNext(method: keyof WorkstationData, error: Error): void {
		this.failures.set(method, error);
	}

	/**
	 * Holds calls of `method` in flight (they are recorded at once but resolve only when the
	 * returned function is called), to test what the screen does while the store is slow.
	 */
	hold(method: keyof WorkstationData): () => void {
		let release!: () => void;
		this.gates.set(
			method,
			new Promise<void>((resolve) => {
				release = resolve;
			}),
		);
		return () => {
			this.gates.delete(method);
			release();
		};
	}

	/** A case's stored state (tests read and change it directly). */
	case(applicationNumber: string): CaseDetail {
		const record = this.records.get(applicationNumber);
		if (!record) throw new Error(`fake: no case ${applicationNumber}`);
		return record.detail;
	}

	/** Every case's number, in case order. */
	numbers(): string[] {
		return [...this.records.keys()];
	}

	/**
	 * Another officer changes a case: `change` edits it (default: a note and an assignment to
	 * `lavoie`), its version goes up, and the change mark moves.
	 */
	simulateOtherOfficer(applicationNumber: string, change?: (detail: CaseDetail) => void): void {
		const detail = this.case(applicationNumber);
		if (change) change(detail);
		else {
			detail.notes.push({id: this.nextNoteId++, author: COLLEAGUE, at: NOW, body: 'Called the employer; reference confirmed.', correctsNoteId: null});
		}
		detail.version++;
		this.event(detail, COLLEAGUE, 'update', {by: 'another officer', version: detail.version});
		this.mark++;
	}

	// ---- WorkstationData ----------------------------------------------------------------------

	me(): Me {
		return this.user;
	}

	storeName(): string {
		return 'fake.db';
	}

	async queues(): Promise<QueueSummary[]> {
		this.record('queues', []);
		return this.queueDefs.map((queue) => ({
			name: queue.name,
			count: this.casesOf(queue).length,
			digitKey: queue.digitKey,
			builtIn: queue.builtIn,
			query: queue.query,
			sort: queue.sort ?? 'received',
			descending: queue.descending ?? false,
		}));
	}

	async queuePage(request: {queue: string; filter: string; sort: SortColumn; descending: boolean; limit: number; after: string | null; offset: number}): Promise<QueuePage> {
		this.record('queuePage', [request]);
		await this.gates.get('queuePage');
		const queue = this.queueDefs.find((q) => q.name === request.queue);
		if (!queue) throw new Error(`queue "${request.queue}": no such queue`);
		const terms = parseFilter(request.filter).terms;
		const rows = this.casesOf(queue)
			.filter((record) => terms.every((term) => this.matches(record, term)))
			.map((record) => this.row(record.detail));
		rows.sort((a, b) => this.compareRows(a, b, request.sort) || a.applicationNumber.localeCompare(b.applicationNumber));
		if (request.descending) rows.reverse();
		const start = request.after !== null ? Number(request.after) : request.offset;
		const page = rows.slice(start, start + request.limit);
		return {rows: page, total: rows.length, offset: start, next: start + request.limit < rows.length ? String(start + request.limit) : null};
	}

	async caseDetail(applicationNumber: string): Promise<CaseDetail> {
		this.record('caseDetail', [applicationNumber]);
		const detail = this.case(applicationNumber);
		return structuredClone(detail);
	}

	async documentText(documentId: number): Promise<string> {
		this.record('documentText', [documentId]);
		for (const record of this.records.values()) {
			const text = record.texts.get(documentId);
			if (text !== undefined) return text;
		}
		throw new Error(`document ${documentId}: not found`);
	}

	async addNote(applicationNumber: string, body: string, correctsNoteId?: number): Promise<void> {
		this.record('addNote', [applicationNumber, body, correctsNoteId]);
		await this.gates.get('addNote');
		const detail = this.case(applicationNumber);
		detail.notes.push({id: this.nextNoteId++, author: this.user.userName, at: NOW, body, correctsNoteId: correctsNoteId ?? null});
		this.event(detail, this.user.userName, 'note', {noteId: this.nextNoteId - 1, correctsNoteId: correctsNoteId ?? null, bytes: Buffer.byteLength(body, 'utf8')});
		this.mark++;
	}

	async reasonCodes(): Promise<ReasonCode[]> {
		this.record('reasonCodes', []);
		return [...REASON_CODES.map((code) => ({...code})), OFFICE_REASON_CODE];
	}

	async decide(applicationNumber: string, input: DecisionInput): Promise<{status: string; reviewRequired: boolean}> {
		this.record('decide', [applicationNumber, input]);
		await this.gates.get('decide');
		const detail = this.case(applicationNumber);
		if (!this.user.roles.includes('officer')) throw new Error('recording a decision needs the officer role');
		this.checkVersion(detail, input.expectedVersion);
		const program = detail.program as 'CEC' | 'FSW' | 'FST';
		const eligible = detail.assessment?.asAssessed.programs[program].eligible ?? true;
		const override = input.outcome === 'approve' && !eligible;
		const reviewRequired = input.outcome === 'refuse' || override;
		const status =
			input.outcome === 'approve'
				? override
					? 'pending_review'
					: 'approved'
				: input.outcome === 'refuse'
					? 'pending_review'
					: input.outcome === 'rfi' || input.outcome === 'pfl'
						? 'awaiting_info'
						: 'withdrawn';
		detail.decisions.push({
			id: this.nextDecisionId++,
			outcome: input.outcome,
			reasonCodes: [...input.reasonCodes],
			text: input.text,
			officer: this.user.userName,
			decidedAt: NOW,
			reviewRequired,
			reviewer: null,
			reviewOutcome: null,
			reviewText: null,
			reviewedAt: null,
		});
		detail.status = status;
		if (input.outcome === 'rfi' || input.outcome === 'pfl') detail.bringForwardOn = input.bringForwardOn ?? addDays(TODAY, 30);
		detail.version++;
		this.event(detail, this.user.userName, 'decide', {outcome: input.outcome, reasonCodes: input.reasonCodes, to: status, version: detail.version});
		this.mark++;
		return {status, reviewRequired};
	}

	async review(applicationNumber: string, input: ReviewInput): Promise<void> {
		this.record('review', [applicationNumber, input]);
		await this.gates.get('review');
		const {outcome, text} = input;
		const detail = this.case(applicationNumber);
		if (!this.user.roles.includes('supervisor')) throw new Error('review needs the supervisor role');
		this.checkVersion(detail, input.expectedVersion);
		const decision = [...detail.decisions].reverse().find((d) => d.reviewRequired && !d.reviewOutcome);
		if (!decision) throw new Error(`case ${applicationNumber}: no decision awaits review`);
		if (decision.officer === this.user.userName) throw new Error('a reviewer is never the deciding officer');
		decision.reviewOutcome = outcome === 'approve' ? 'approved' : 'returned';
		decision.reviewer = this.user.userName;
		decision.reviewText = text || null;
		decision.reviewedAt = NOW;
		detail.status = outcome === 'return' ? 'in_review' : decision.outcome === 'refuse' ? 'refused' : 'approved';
		if (outcome === 'return') detail.notes.push({id: this.nextNoteId++, author: this.user.userName, at: NOW, body: text, correctsNoteId: null});
		detail.version++;
		this.event(detail, this.user.userName, 'review', {outcome, version: detail.version});
		this.mark++;
	}

	async assignToMe(applicationNumber: string): Promise<void> {
		this.record('assignToMe', [applicationNumber]);
		await this.gates.get('assignToMe');
		const detail = this.case(applicationNumber);
		if (detail.assignedTo && detail.assignedTo !== this.user.userName && !this.user.roles.includes('supervisor')) {
			throw new Error(`case ${applicationNumber} is assigned to ${detail.assignedTo}: only a supervisor may reassign it`);
		}
		if (detail.assignedTo === this.user.userName) return;
		detail.assignedTo = this.user.userName;
		if (detail.status === 'received') detail.status = 'in_review';
		detail.version++;
		this.event(detail, this.user.userName, 'assign', {to: this.user.userName, version: detail.version, via: 'assign'});
		this.mark++;
	}

	async takeNext(queue: string): Promise<string | null> {
		this.record('takeNext', [queue]);
		await this.gates.get('takeNext');
		const def = this.queueDefs.find((q) => q.name === queue);
		if (!def) throw new Error(`queue "${queue}": no such queue`);
		const candidate = this.casesOf(def)
			.map((record) => record.detail)
			.filter((d) => d.assignedTo === null && ['received', 'in_review'].includes(d.status))
			.sort((a, b) => (a.receivedAt ?? '').localeCompare(b.receivedAt ?? '') || a.applicationNumber.localeCompare(b.applicationNumber))[0];
		if (!candidate) return null;
		candidate.assignedTo = this.user.userName;
		if (candidate.status === 'received') candidate.status = 'in_review';
		candidate.version++;
		this.event(candidate, this.user.userName, 'assign', {to: this.user.userName, version: candidate.version, via: 'next'});
		this.mark++;
		return candidate.applicationNumber;
	}

	async setBringForward(applicationNumber: string, date: string | null): Promise<void> {
		this.record('setBringForward', [applicationNumber, date]);
		await this.gates.get('setBringForward');
		const detail = this.case(applicationNumber);
		detail.bringForwardOn = date;
		detail.version++;
		this.event(detail, this.user.userName, 'bring-forward', {to: date, version: detail.version});
		this.mark++;
	}

	/**
	 * Saves a new queue as the store port does: the name trimmed, not any queue's already; the
	 * digit 0–9 and free; the query read by the real filter parser (its error as the store's).
	 */
	async saveQueue(input: NewQueue): Promise<void> {
		this.record('saveQueue', [input]);
		await this.gates.get('saveQueue');
		const name = input.name.trim().replace(/\s+/g, ' ');
		if (name === '') throw new InvalidError('queue name: must not be empty');
		const taken = this.queueDefs.find((q) => q.name.toLowerCase() === name.toLowerCase());
		if (taken) throw new InvalidError(`a queue named "${taken.name}" exists already; choose another name`);
		const digit = input.digitKey;
		if (digit !== null && (!Number.isInteger(digit) || digit < 0 || digit > 9)) throw new InvalidError(`digit key ${digit}: expected a digit 0–9`);
		const digitTaken = digit === null ? undefined : this.queueDefs.find((q) => q.digitKey === digit);
		if (digitTaken) throw new InvalidError(`digit key ${digit} already opens queue "${digitTaken.name}"; choose another digit or none`);
		const terms = parseFilter(input.query).terms;
		this.queueDefs.push({
			name,
			query: input.query.trim(),
			digitKey: digit,
			builtIn: false,
			sort: input.sort,
			descending: input.descending,
			test: (d) => {
				const record = this.records.get(d.applicationNumber)!;
				return terms.every((term) => this.matches(record, term));
			},
		});
		this.mark++;
	}

	/**
	 * The pool: every case as a profile, CRS as assessed, ranked by CRS then submission instant.
	 * Programs: the case's own, plus PNP for every seventh case; categories: a fixed spread.
	 * `extraPoolProfiles` adds that many plain profiles (CRS 300–699) to test long pools.
	 */
	poolEntries(program?: string | null, category?: string | null): PoolEntryView[] {
		const all: Array<Omit<PoolEntryView, 'rank'>> = [...this.records.values()].map((record, i) => ({
			applicationNumber: record.detail.applicationNumber,
			crs: record.detail.assessment?.asAssessed.crs.total ?? 0,
			profileSubmittedAt: record.detail.profileSubmittedAt,
			programs: [record.detail.program, ...(i % 7 === 3 ? ['PNP'] : [])],
			categories: POOL_CATEGORIES.filter((_, c) => (i + c) % 5 === 0),
		}));
		for (let i = 0; i < this.extraPoolProfiles; i++) {
			all.push({applicationNumber: `E${String(900000 + i).padStart(9, '0')}`, crs: 300 + ((i * 37) % 400), profileSubmittedAt: `2026-0${1 + (i % 9)}-15T12:00:00.000Z`, programs: ['FSW'], categories: []});
		}
		return all
			.filter((e) => (!program || e.programs.includes(program)) && (!category || e.categories.includes(category)))
			.sort((a, b) => b.crs - a.crs || a.profileSubmittedAt.localeCompare(b.profileSubmittedAt))
			.map((e, i) => ({rank: i + 1, ...e}));
	}

	/** Plain profiles added to the pool (see poolEntries). */
	extraPoolProfiles = 0;

	async pool(request: PoolRequest): Promise<PoolPage> {
		this.record('pool', [request]);
		await this.gates.get('pool');
		if (request.program && !['CEC', 'FSW', 'FST', 'PNP'].includes(request.program)) throw new Error(`program "${request.program}" is not one of CEC, FSW, FST, PNP`);
		const entries = this.poolEntries(request.program, request.category);
		const counts = POOL_BANDS.map(([min, max]) => entries.filter((e) => e.crs >= min && e.crs <= max).length);
		return {
			asOf: request.asOf,
			program: request.program ?? null,
			category: request.category ?? null,
			entries: entries.slice(request.offset, request.offset + request.limit),
			offset: request.offset,
			total: entries.length,
			distribution: {
				bands: POOL_BANDS.map(([min, max, level, subtotal], i) => ({label: `${min}-${max}`, min, max, count: counts[i]!, level, subtotal})),
				total: entries.length,
			},
			categoriesInForce: [...POOL_CATEGORIES],
		};
	}

	/** Three past rounds, latest first. */
	readonly roundList: RoundView[] = [
		{number: 3, at: '2026-11-20T14:30:00.000Z', type: 'category', program: null, category: 'french', size: 3, invited: 3, cutoff: 379, tieBreakAt: '2026-03-02T09:15:42.000Z'},
		{number: 2, at: '2026-11-06T15:00:00.000Z', type: 'program', program: 'CEC', category: null, size: 2500, invited: 2500, cutoff: 518, tieBreakAt: '2026-05-14T20:01:07.000Z'},
		{number: 1, at: '2026-10-23T13:00:00.000Z', type: 'general', program: null, category: null, size: 30, invited: 30, cutoff: 481, tieBreakAt: '2026-01-09T11:22:33.000Z'},
	];

	async rounds(): Promise<RoundView[]> {
		this.record('rounds', []);
		await this.gates.get('rounds');
		return this.roundList.map((r) => ({...r}));
	}

	/** Round 1: the top 30 of the pool; round 3: three cases including the hostile name; round 2's invitees are not in the fake. */
	async roundInvitees(number: number): Promise<InviteeView[]> {
		this.record('roundInvitees', [number]);
		await this.gates.get('roundInvitees');
		if (!this.roundList.some((r) => r.number === number)) throw new Error(`no round ${number}`);
		const numbers = number === 1 ? this.poolEntries().slice(0, 30).map((e) => e.applicationNumber) : number === 3 ? [CASES.evil, CASES.helene, CASES.cjk] : [];
		return numbers
			.map((applicationNumber) => {
				const detail = this.case(applicationNumber);
				return {
					rank: 0,
					applicationNumber,
					crs: detail.assessment?.asAssessed.crs.total ?? 0,
					profileSubmittedAt: detail.profileSubmittedAt,
					familyName: detail.applicant.familyName,
					givenNames: detail.applicant.givenNames,
					status: detail.status,
				};
			})
			.sort((a, b) => b.crs - a.crs || a.profileSubmittedAt.localeCompare(b.profileSubmittedAt))
			.map((invitee, i) => ({...invitee, rank: i + 1}));
	}

	async changeMark(): Promise<number> {
		this.record('changeMark', []);
		return this.mark;
	}

	async close(): Promise<void> {
		this.record('close', []);
		this.closed = true;
	}

	// ---- internals ----------------------------------------------------------------------------

	private record(method: string, args: unknown[]): void {
		this.calls.push({method, args});
		const failure = this.failures.get(method);
		if (failure) {
			this.failures.delete(method);
			throw failure;
		}
	}

	/** The store's optimistic concurrency: a conflict (exit code 75) when the case moved on. */
	private checkVersion(detail: CaseDetail, expected: number): void {
		if (expected !== detail.version) {
			throw new ConflictError(`case ${detail.applicationNumber} changed since you opened it (version ${expected} → ${detail.version})`);
		}
	}

	private event(detail: CaseDetail, officer: string, action: string, fields: Record<string, unknown>): void {
		detail.history.push({seq: this.nextEventSeq++, at: NOW, officer, action, detail: fields});
	}

	private casesOf(queue: QueueDef): Record_[] {
		return [...this.records.values()].filter((record) => record.detail.status !== 'pool' && queue.test(record.detail, record.detail.decisions));
	}

	private row(detail: CaseDetail): CaseRow {
		return {
			applicationNumber: detail.applicationNumber,
			familyName: detail.applicant.familyName,
			givenNames: detail.applicant.givenNames,
			program: detail.program,
			status: detail.status,
			crsTotal: detail.assessment?.asAssessed.crs.total ?? null,
			receivedAt: detail.receivedAt,
			daysWaiting: detail.receivedAt ? daysBetween(detail.receivedAt.slice(0, 10), TODAY) : null,
			bringForwardOn: detail.bringForwardOn,
			assignedTo: detail.assignedTo,
			version: detail.version,
		};
	}

	private compareRows(a: CaseRow, b: CaseRow, sort: SortColumn): number {
		switch (sort) {
			case 'received':
				return (a.receivedAt ?? '').localeCompare(b.receivedAt ?? '');
			case 'crs':
				return (a.crsTotal ?? -1) - (b.crsTotal ?? -1);
			case 'name':
				return foldForSearch(`${a.familyName} ${a.givenNames}`).localeCompare(foldForSearch(`${b.familyName} ${b.givenNames}`));
			case 'status':
				return a.status.localeCompare(b.status);
			case 'bf':
				return (a.bringForwardOn ?? '9999').localeCompare(b.bringForwardOn ?? '9999');
			case 'number':
				return a.applicationNumber.localeCompare(b.applicationNumber);
			case 'waiting':
				return (a.daysWaiting ?? 0) - (b.daysWaiting ?? 0);
		}
	}

	private matches(record: Record_, term: FilterTerm): boolean {
		const d = record.detail;
		switch (term.key) {
			case 'status':
				return (term.values as string[]).includes(d.status);
			case 'program':
				return (term.values as string[]).includes(d.program);
			case 'office':
				return term.values.some((v) => v.toLowerCase() === (d.office ?? '').toLowerCase());
			case 'officer':
				return term.officers.some((o) => (o.kind === 'me' ? d.assignedTo === this.user.userName : o.kind === 'none' ? d.assignedTo === null : d.assignedTo === o.userName));
			case 'crs':
				return compare(term.op, d.assessment?.asAssessed.crs.total ?? -1, term.value);
			case 'bf':
				return d.bringForwardOn !== null && compare(term.op, d.bringForwardOn, dateOfExpr(term.date));
			case 'received':
				return d.receivedAt !== null && compare(term.op, d.receivedAt.slice(0, 10), dateOfExpr(term.date));
			case 'waiting':
				return d.receivedAt !== null && compare(term.op, daysBetween(d.receivedAt.slice(0, 10), TODAY), term.days);
			case 'name':
				return foldForSearch(`${d.applicant.familyName} ${d.applicant.givenNames}`).includes(term.folded);
			case 'text':
				return record.searchKey.includes(term.folded.replace(/-/g, ''));
		}
	}

	/** Builds case `i`. */
	private build(i: number): void {
		const number = numberOf(i);
		const [familyName, givenNames] = NAMES[i]!;
		const templateIndex = i === 0 ? TEMPLATES.findIndex((t) => t.applicant.familyName === 'Mwangi') : i % TEMPLATES.length;
		const template = structuredClone(TEMPLATES[templateIndex >= 0 ? templateIndex : 0]!);
		const receivedDate = addDays('2026-01-05', i * 5);
		const receivedAt = `${receivedDate}T14:00:00.000Z`;
		const application: Application = {
			...template,
			applicationNumber: number,
			uci: `${1100 + i}-${4000 + i}`,
			receivedAt,
			invitedAt: `${addDays(receivedDate, -40)}T12:00:00.000Z`,
			applicant: {...template.applicant, familyName, givenNames},
		};
		// Hélène's case: the officer did not credit her second work period.
		const findings = new Map<number, {finding: 'not_credited'; reason: string}>();
		if (i === 0 && application.applicant.workExperience.length > 1) findings.set(1, {finding: 'not_credited', reason: 'Employer letter does not state hours; pay stubs show part-time.'});
		const assessedApplication: Application = {
			...application,
			applicant: {
				...application.applicant,
				workExperience: application.applicant.workExperience.map((period, index) => (findings.has(index) ? {...period, finding: 'not_credited' as const} : period)),
			},
		};
		const asOf = receivedDate < TODAY ? receivedDate : TODAY;
		const asClaimed = assess(application, asOf);
		const asAssessed = assess(assessedApplication, asOf);

		let periodId = i * 10 + 1;
		const workPeriods: WorkPeriodView[] = [
			...application.applicant.workExperience.map((period, index): WorkPeriodView => ({
				id: periodId++,
				person: 'applicant',
				employer: period.employer ?? null,
				nocCode: period.nocCode,
				country: period.country,
				start: period.start,
				end: period.end ?? null,
				hoursPerWeek: period.hoursPerWeek,
				finding: findings.get(index)?.finding ?? (index === 0 && i % 3 === 0 ? 'verified' : 'claimed'),
				findingReason: findings.get(index)?.reason ?? null,
			})),
			...(application.spouse?.workExperience ?? []).map((period): WorkPeriodView => ({
				id: periodId++,
				person: 'spouse',
				employer: period.employer ?? null,
				nocCode: period.nocCode,
				country: period.country,
				start: period.start,
				end: period.end ?? null,
				hoursPerWeek: period.hoursPerWeek,
				finding: 'claimed',
				findingReason: null,
			})),
		];

		// Who holds it, and where it is in its life.
		let status: string;
		let assignedTo: string | null;
		let bringForwardOn: string | null = null;
		if (i < 26) {
			assignedTo = this.user.userName;
			status = i % 5 === 4 ? 'awaiting_info' : i === 10 ? 'pending_review' : 'in_review';
			if (status === 'awaiting_info') bringForwardOn = addDays(TODAY, i < 12 ? -2 : 20);
		} else if (i < 38) {
			assignedTo = null;
			status = i % 2 === 0 ? 'received' : 'in_review';
		} else if (i < 46) {
			assignedTo = i % 2 === 0 ? OTHER_OFFICER : COLLEAGUE;
			status = i % 3 === 0 ? 'awaiting_info' : 'in_review';
			if (status === 'awaiting_info') bringForwardOn = addDays(TODAY, 10);
		} else if (i < 50) {
			assignedTo = COLLEAGUE;
			status = 'pending_review';
		} else if (i < 54) {
			assignedTo = OTHER_OFFICER;
			status = 'approved';
		} else if (i < 56) {
			assignedTo = COLLEAGUE;
			status = 'refused';
		} else if (i < 58) {
			assignedTo = OTHER_OFFICER;
			status = 'withdrawn';
		} else {
			assignedTo = this.user.userName;
			status = 'approved';
		}

		const detail: CaseDetail = {
			applicationNumber: number,
			uci: application.uci,
			program: application.program,
			status,
			office: i % 4 === 0 ? 'MTL' : 'OTT',
			assignedTo,
			version: 3 + (i % 4),
			profileSubmittedAt: application.profileSubmittedAt,
			receivedAt,
			invitedAt: application.invitedAt ?? null,
			bringForwardOn,
			applicant: {familyName, givenNames, dateOfBirth: application.applicant.dateOfBirth, countryOfCitizenship: application.applicant.countryOfCitizenship, maritalStatus: application.applicant.maritalStatus},
			spouse: application.spouse
				? {familyName: application.spouse.familyName, givenNames: application.spouse.givenNames, dateOfBirth: application.spouse.dateOfBirth, accompanying: application.spouse.accompanying, canadianCitizenOrPR: application.spouse.canadianCitizenOrPR}
				: null,
			dependentChildren: application.dependentChildren ?? 0,
			workPeriods,
			assessment: {asClaimed, asAssessed},
			notes: [],
			documents: [],
			decisions: [],
			history: [],
		};
		const record: Record_ = {
			detail,
			application,
			searchKey: [foldForSearch(familyName), foldForSearch(givenNames), application.uci.replace(/-/g, ''), number.toLowerCase()].join(' '),
			texts: new Map(),
		};
		this.records.set(number, record);
		this.event(detail, 'import', 'import', {file: `${number}.json`, status: detail.status});
		if (assignedTo) this.event(detail, assignedTo, 'assign', {from: null, to: assignedTo, version: 1});

		// Documents: the fixture's, a passport transcript, a long employment reference.
		const docs: Array<{kind: string; title: string; fileName: string; text: string; ok?: boolean | null}> = [
			...(template.documents ?? []).map((doc) => ({kind: doc.kind, title: doc.title, fileName: doc.fileName, text: Buffer.from(doc.contentBase64, 'base64').toString('utf8')})),
			{kind: 'passport', title: 'Passport bio page', fileName: `passport-${i}.txt`, text: `Passport of ${familyName}, ${givenNames}\nborn ${application.applicant.dateOfBirth}\nnationality ${application.applicant.countryOfCitizenship}`},
			{
				kind: 'employment-reference',
				title: 'Employment reference letter',
				fileName: `reference-${i}.txt`,
				text: ['To whom it may concern,', '', ...Array.from({length: 40}, (_, n) => `Line ${n + 1} of the reference: duties performed under NOC ${application.applicant.workExperience[0]?.nocCode ?? '00000'}.`), '', 'END OF REFERENCE'].join('\n'),
				ok: i === 7 ? false : true,
			},
		];
		if (i === 3) docs.push({kind: 'other', title: 'Letter \u001b[2Jfrom\u202e the applicant', fileName: 'evil\u001b[31m.txt', text: 'Dear officer,\n\u001b[31mred\u001b[0m and \u202ereversed\u202c text\nand a bell\u0007', ok: null});
		for (const doc of docs) {
			const id = i * 10 + record.texts.size + 1;
			record.texts.set(id, doc.text);
			const view: DocumentView = {id, kind: doc.kind, title: doc.title, fileName: doc.fileName, mediaType: 'text/plain', sizeBytes: Buffer.byteLength(doc.text), sha256: sha256(doc.text), checksumOk: doc.ok === undefined ? true : doc.ok};
			detail.documents.push(view);
		}

		// Notes.
		const note = (author: string, at: string, body: string): NoteView => ({id: this.nextNoteId++, author, at, body, correctsNoteId: null});
		if (i === 0) {
			detail.notes.push(note(COLLEAGUE, '2026-03-02T10:15:00.000Z', 'File received; passport and language test on file.'));
			detail.notes.push(note(this.user.userName, '2026-10-01T09:00:00.000Z', 'Second employer letter lacks hours.\nAsked for pay stubs.'));
		}
		if (i === 3) detail.notes.push(note(COLLEAGUE, '2026-04-01T10:00:00.000Z', 'Pasted from e-mail: \u001b[2J\u001b[31mALERT\u001b[0m \u202egnirts desrever'));
		if (i === 46) detail.notes.push(note(COLLEAGUE, '2026-11-20T10:00:00.000Z', 'Employer does not exist at the stated address; see site visit report.'));

		// Decisions.
		const decision = (outcome: string, codes: string[], text: string, officer: string, at: string, review: Partial<DecisionView> = {}): DecisionView => ({
			id: this.nextDecisionId++,
			outcome,
			reasonCodes: codes,
			text,
			officer,
			decidedAt: at,
			reviewRequired: false,
			reviewer: null,
			reviewOutcome: null,
			reviewText: null,
			reviewedAt: null,
			...review,
		});
		if (i === 2) detail.decisions.push(decision('pfl', ['insufficient-evidence'], 'Concerns about the claimed employment; please respond within 30 days.', this.user.userName, '2026-09-01T12:00:00.000Z'));
		if (i === 10) detail.decisions.push(decision('refuse', ['insufficient-evidence'], 'Experience not established.', this.user.userName, '2026-11-20T12:00:00.000Z', {reviewRequired: true}));
		if (i >= 46 && i < 50) {
			detail.decisions.push(
				decision('refuse', ['misrepresentation'], 'The applicant claimed employment with an employer that does not exist.\nSee the site visit report.', COLLEAGUE, '2026-11-25T16:00:00.000Z', {reviewRequired: true}),
			);
		}
		if (i >= 50 && i < 54) detail.decisions.push(decision('approve', [], '', OTHER_OFFICER, '2026-10-10T12:00:00.000Z'));
		if (i >= 54 && i < 56) {
			detail.decisions.push(
				decision('refuse', ['cec-not-met'], 'Less than one year of Canadian experience.', COLLEAGUE, '2026-09-10T12:00:00.000Z', {reviewRequired: true, reviewer: this.user.userName, reviewOutcome: 'approved', reviewedAt: '2026-09-12T12:00:00.000Z'}),
			);
		}
		if (i >= 56 && i < 58) detail.decisions.push(decision('withdraw', [], 'Applicant asked to withdraw.', OTHER_OFFICER, '2026-08-01T12:00:00.000Z'));
		if (i >= 58) detail.decisions.push(decision('approve', [], '', this.user.userName, `${TODAY}T13:00:00.000Z`));
		for (const d of detail.decisions) this.event(detail, d.officer, 'decide', {outcome: d.outcome, reasonCodes: d.reasonCodes});
	}
}
