/**
 * What the workstation screens need from the case store: the port the UI is written against.
 * `source/ui/store-port.ts` implements it over source/cases (the UI holds no SQL); tests may
 * implement it over a real demo store. All text in these shapes is untrusted and is made safe
 * by the components that draw it.
 */
import type {CaseAssessment} from '../cases/assessment.js';
import type {SortColumn} from '../cases/queues.js';
import type {HistoryEvent as CaseHistoryEvent, NoteView, DecisionView as StoredDecision, DocumentMeta, WorkPeriodView as StoredWorkPeriod} from '../cases/case-view.js';

/** A note, as the store reads it (source/cases/case-view.ts). */
export type {NoteView};

/**
 * A queue with its count now. `query` is the queue in the filter language, or null when the
 * language cannot say what the queue holds (a built-in chosen by other means, e.g. Decided
 * today): such a queue cannot be saved with a filter. `sort` and `descending` are the queue's own
 * order, shown when the queue is opened.
 */
export type QueueSummary = {name: string; count: number; digitKey: number | null; builtIn: boolean; query: string | null; sort: SortColumn; descending: boolean};

/** A column a queue is sorted by (source/cases/queues.ts). */
export type {SortColumn};

/** A view to save as a new queue (see {@link WorkstationData.saveQueue}). */
export type NewQueue = {
	name: string;
	/** Filter-language text (the queue's own query and the filter on top, ANDed). */
	query: string;
	sort: SortColumn;
	descending: boolean;
	/** Digit 0–9 that opens the queue, or null for none. */
	digitKey: number | null;
};

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

/** A document's metadata as the store reads it, with whether its checksum still matches (null: not checked). */
export type DocumentView = Pick<DocumentMeta, 'id' | 'kind' | 'title' | 'fileName' | 'mediaType' | 'sizeBytes' | 'sha256'> & {checksumOk: boolean | null};
/** A decision and its review, as the store reads it (the fields the screens show). */
export type DecisionView = Pick<StoredDecision, 'id' | 'outcome' | 'reasonCodes' | 'text' | 'officer' | 'decidedAt' | 'reviewRequired' | 'reviewer' | 'reviewOutcome' | 'reviewText' | 'reviewedAt'>;
/** One audit event of the case, its detail the JSON object the store recorded (untrusted text), or null. */
export type HistoryEvent = CaseHistoryEvent;
/** A claimed work period with the officer's finding, as the store reads it (the fields the screens show). */
export type WorkPeriodView = Pick<StoredWorkPeriod, 'id' | 'person' | 'employer' | 'nocCode' | 'country' | 'start' | 'end' | 'hoursPerWeek' | 'finding' | 'findingReason'>;

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
	assessment: CaseAssessment | null;
	notes: NoteView[];
	documents: DocumentView[];
	decisions: DecisionView[];
	history: HistoryEvent[];
};

export type Outcome = 'approve' | 'refuse' | 'rfi' | 'pfl' | 'withdraw' | 'return';
export type ReasonCode = {code: string; meaning: string; source: string};

export type DecisionInput = {outcome: Outcome; reasonCodes: string[]; text: string; bringForwardOn?: string; expectedVersion: number};

/** A supervisor's review of the decision awaiting review, made against the case version the supervisor saw. */
export type ReviewInput = {outcome: 'approve' | 'return'; text: string; expectedVersion: number};

/**
 * Whether `error` (thrown by a port operation) is a version conflict: the case changed since the
 * version the officer saw, or was taken first. The store's ConflictError carries exit code 75.
 */
export function isConflict(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as {exitCode?: unknown}).exitCode === 75;
}

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

/**
 * Operations the screens call; each may throw an error with a one-line `message` (shown in the
 * status bar). A version conflict is an error with `exitCode` 75 (see {@link isConflict}).
 */
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
	/** Fails with a conflict (exit code 75) when the case is no longer at `input.expectedVersion`. */
	review(applicationNumber: string, input: ReviewInput): Promise<void>;
	assignToMe(applicationNumber: string): Promise<void>;
	takeNext(queue: string): Promise<string | null>;
	setBringForward(applicationNumber: string, date: string | null): Promise<void>;
	/**
	 * Saves a new queue, shared with the office. Refuses (one-line error) a name any queue has
	 * already (built-in or saved), a digit key that opens another queue, and a query the filter
	 * language does not read. Audited by the store.
	 */
	saveQueue(input: NewQueue): Promise<void>;
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
