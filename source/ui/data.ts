/**
 * What the workstation screens need from the case store: the port the UI is written against.
 * `source/ui/store-port.ts` implements it over source/cases (the UI holds no SQL); tests may
 * implement it over a real demo store. All text in these shapes is untrusted and is made safe
 * by the components that draw it.
 */
import type {Assessment} from '../rules/assess.js';

export type QueueSummary = {name: string; count: number; digitKey: number | null; builtIn: boolean; query: string};

export type SortColumn = 'received' | 'crs' | 'name' | 'status' | 'bf' | 'number' | 'waiting';

export type CaseRow = {
	applicationNumber: string;
	familyName: string;
	givenNames: string;
	program: string;
	status: string;
	crsTotal: number | null;
	receivedAt: string | null;
	daysWaiting: number | null;
	bringForwardOn: string | null;
	assignedTo: string | null;
	version: number;
};

/** One window of a queue: rows at positions `offset`+1… of `total`. */
export type QueuePage = {rows: CaseRow[]; total: number; offset: number; next: string | null};

export type NoteView = {id: number; author: string; at: string; body: string; correctsNoteId: number | null};
export type DocumentView = {id: number; kind: string; title: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; checksumOk: boolean | null};
export type DecisionView = {
	id: number;
	outcome: string;
	reasonCodes: string[];
	text: string;
	officer: string;
	decidedAt: string;
	reviewRequired: boolean;
	reviewer: string | null;
	reviewOutcome: string | null;
	reviewText: string | null;
	reviewedAt: string | null;
};
export type HistoryEvent = {seq: number; at: string; officer: string; action: string; detail: string};
export type WorkPeriodView = {
	id: number;
	person: 'applicant' | 'spouse';
	employer: string | null;
	nocCode: string;
	country: string;
	start: string;
	end: string | null;
	hoursPerWeek: number;
	finding: 'claimed' | 'verified' | 'not_credited';
	findingReason: string | null;
};

export type CaseDetail = {
	applicationNumber: string;
	uci: string;
	program: string;
	status: string;
	office: string | null;
	assignedTo: string | null;
	version: number;
	profileSubmittedAt: string;
	receivedAt: string | null;
	invitedAt: string | null;
	bringForwardOn: string | null;
	applicant: {familyName: string; givenNames: string; dateOfBirth: string; countryOfCitizenship: string; maritalStatus: string};
	spouse: {familyName: string; givenNames: string; dateOfBirth: string; accompanying: boolean; canadianCitizenOrPR: boolean} | null;
	dependentChildren: number;
	workPeriods: WorkPeriodView[];
	assessment: {asClaimed: Assessment; asAssessed: Assessment} | null;
	notes: NoteView[];
	documents: DocumentView[];
	decisions: DecisionView[];
	history: HistoryEvent[];
};

export type Outcome = 'approve' | 'refuse' | 'rfi' | 'pfl' | 'withdraw' | 'return';
export type ReasonCode = {code: string; meaning: string; source: string};

export type DecisionInput = {outcome: Outcome; reasonCodes: string[]; text: string; bringForwardOn?: string; expectedVersion: number};

/** The officer using the workstation. */
export type Me = {userName: string; displayName: string; roles: string[]; office: string | null};

/** One ranked profile of the Express Entry pool. */
export type PoolEntryView = {
	/** 1-based rank in the (filtered) pool. */
	rank: number;
	applicationNumber: string;
	crs: number;
	/** Instant the profile was submitted (canonical UTC). */
	profileSubmittedAt: string;
	/** Programs the profile is eligible for (`CEC`, `FSW`, `FST`; `PNP` when it holds a nomination). */
	programs: string[];
	/** Categories in force that the profile meets (`french`, `stem`, …). */
	categories: string[];
};

/** One band of IRCC's CRS distribution (`601-1200`, `491-500`…; level 1 = a 10-point sub-band). */
export type DistributionBandView = {label: string; min: number; max: number; count: number; level: 0 | 1; subtotal: boolean};
export type DistributionView = {bands: DistributionBandView[]; total: number};

/** What to rank: the reference date and optional program and category filters. */
export type PoolRequest = {
	asOf: string;
	program?: string | null;
	category?: string | null;
	/** The window of entries wanted: positions `offset`+1… (at most `limit`). */
	offset: number;
	limit: number;
	/** Rank again instead of paging from the last ranking (the `r` key). */
	reload?: boolean;
};

/** A window of the ranked pool, with the whole (filtered) pool's size and distribution. */
export type PoolPage = {
	asOf: string;
	program: string | null;
	category: string | null;
	entries: PoolEntryView[];
	offset: number;
	total: number;
	distribution: DistributionView;
	/** The categories in force on `asOf` (what the category filter cycles through). */
	categoriesInForce: string[];
};

/** A past round of invitations. */
export type RoundView = {
	number: number;
	/** Instant of the round (canonical UTC). */
	at: string;
	type: string;
	program: string | null;
	category: string | null;
	size: number;
	invited: number;
	cutoff: number | null;
	/** `profileSubmittedAt` of the lowest-ranked invitee (the tie-break instant). */
	tieBreakAt: string | null;
};

/** One invitee of a round, with the case's name and current status. */
export type InviteeView = {rank: number; applicationNumber: string; crs: number; profileSubmittedAt: string; familyName: string; givenNames: string; status: string};

/** Operations the screens call; each may throw an error with a one-line `message` (shown in the status bar). */
export interface WorkstationData {
	me(): Me;
	storeName(): string;
	queues(): Promise<QueueSummary[]>;
	/** A page of a queue, `after` a cursor from the previous page (null: first page). */
	queuePage(request: {queue: string; filter: string; sort: SortColumn; descending: boolean; limit: number; after: string | null; offset: number}): Promise<QueuePage>;
	caseDetail(applicationNumber: string): Promise<CaseDetail>;
	documentText(documentId: number): Promise<string>;
	addNote(applicationNumber: string, body: string, correctsNoteId?: number): Promise<void>;
	reasonCodes(): Promise<ReasonCode[]>;
	decide(applicationNumber: string, input: DecisionInput): Promise<{status: string; reviewRequired: boolean}>;
	review(applicationNumber: string, outcome: 'approve' | 'return', text: string): Promise<void>;
	assignToMe(applicationNumber: string): Promise<void>;
	takeNext(queue: string): Promise<string | null>;
	setBringForward(applicationNumber: string, date: string | null): Promise<void>;
	/**
	 * A window of the pool ranked on `asOf`. Ranking is seconds of work on a large pool: the port
	 * keeps the last ranking and pages from it until the filters change or `reload` is set.
	 */
	pool(request: PoolRequest): Promise<PoolPage>;
	/** Every stored round, latest first. */
	rounds(): Promise<RoundView[]>;
	/** The invitees of round `number`, in rank order. */
	roundInvitees(number: number): Promise<InviteeView[]>;
	/** A number that changes whenever any case changes (e.g. the last audit sequence number). */
	changeMark(): Promise<number>;
	close(): Promise<void>;
}
