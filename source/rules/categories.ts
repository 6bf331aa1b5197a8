/**
 * Category-based selection in Express Entry (IRPA s. 10.3(1)(d) as amended 2022-06-23; rules.md
 * §7.5): the categories as dated data — each version with its NOC 2021 unit groups (or the French
 * rule), the dates it was in force, its source and the confidence of the list — and a pure check
 * of whether an application meets a category on a round's date. Pure: no I/O, no clock.
 *
 * Work-experience rule of the occupational categories, chosen by the round date:
 * - from 2026-02-18: at least 12 months (1,560 h, full-time or the equivalent part-time, not
 *   necessarily continuous) in ONE eligible occupation within the 3 years before the round;
 * - before: at least 6 months (780 h) of CONTINUOUS work (full-time or the equivalent part-time)
 *   in one eligible occupation within the 3 years before the round.
 * Hours are counted as everywhere else (experience.ts): at most 30 h a week, periods an officer
 * marked not credited left out, and in Canada only authorized work outside full-time study and
 * self-employment. Only the principal applicant's work counts.
 *
 * Confidence labels are the rule book's (rules.md §0.1). The lists come from the stored copies of
 * public pages found while writing this file (no live web access): none was read on canada.ca
 * itself, so no list is better than [SEC]; lists that could not be confirmed whole are marked
 * UNVERIFIED and hold only the codes that were confirmed. Check every list against
 * canada.ca "Express Entry: Rounds of invitations — category-based selection" before go-live.
 */
import type {Application, WorkPeriod} from './application.js';
import {dayNumber} from './dates.js';
import {bestContinuousStretch, counts, creditableHours, HOURS_PER_YEAR, windowBefore, type CountingRule} from './experience.js';
import {officialLanguages} from './language.js';

/** Stable identifiers of the categories (one id across the versions of a category). */
export const CATEGORY_IDS = [
	'french',
	'healthcare',
	'stem',
	'trades',
	'transport',
	'agriculture',
	'education',
	'physicians',
	'researchers',
	'senior-managers',
	'military',
] as const;

/** One of {@link CATEGORY_IDS}. */
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** Confidence of a figure, as in the rule book (rules.md §0.1). */
export type Confidence = 'OFF' | 'OFF-COPY' | 'SEC' | 'MEM' | 'UNVERIFIED';

/** What a category asks for. */
export type CategoryRule =
	/** A valid French test (TEF Canada, TCF Canada) at NCLC 7 or higher in all four abilities. */
	| {kind: 'french'}
	/** Work experience in one of `nocCodes` (in Canada only when `inCanada`), by the rule of the round date. */
	| {kind: 'occupation'; nocCodes: readonly string[]; inCanada: boolean}
	/** A job offer in one of `nocCodes` (the Canadian Armed Forces' offer for military recruits). */
	| {kind: 'job-offer'; nocCodes: readonly string[]};

/** One version of a category: the rule in force from `from` until the day before `until`. */
export type CategoryVersion = {
	id: CategoryId;
	/** IRCC's name of the category in this version. */
	name: string;
	/** First day in force (`YYYY-MM-DD`). */
	from: string;
	/** First day no longer in force (`YYYY-MM-DD`), or null while in force. */
	until: string | null;
	rule: CategoryRule;
	/** Where the rule and its list were read. */
	source: string;
	confidence: Confidence;
	/** What is doubtful or approximated. */
	note?: string;
};

/** Category-based selection began (rules.md §7.5; first category round 2023-06-28). */
export const CATEGORIES_FROM = '2023-05-31';
/** The 2025 categories (education added, transport removed; rules.md §7.5 [SEC]). */
const Y2025 = '2025-02-27';
/** The 2026 categories and the 12-month work rule (rules.md §7.5 [SEC]). */
export const TWELVE_MONTH_RULE_FROM = '2026-02-18';

/** Hours of the "6 months continuous" rule: half a year of 1,560 h. */
export const SIX_MONTHS_HOURS = HOURS_PER_YEAR / 2;
/** Hours of the "12 months" rule. */
export const TWELVE_MONTHS_HOURS = HOURS_PER_YEAR;

const CANADIAN_WORK_NOTE =
	'"with Canadian work experience": the qualifying months are required in Canada here; whether IRCC requires them in Canada is UNVERIFIED (rules.md §7.5, §10.8)';

/** Trades occupations of the 2025 list (25 codes, [SEC]). */
const TRADES_2025: readonly string[] = [
	'22303', '63200', '70010', '70011', '72100', '72102', '72106', '72200', '72201', '72300', '72302', '72310', '72311',
	'72320', '72400', '72401', '72402', '72422', '72501', '72999', '73100', '73110', '73112', '73113', '82021',
];

/** Cooks (NOC 63200), removed from the trades category in 2026 (rules.md §7.5). */
const COOKS = '63200';

/** Healthcare and social services codes confirmed on the 2025 list (UNVERIFIED as a whole: 16 of about 38). */
const HEALTHCARE_2025_CONFIRMED: readonly string[] = [
	'31102', '31110', '31112', '31120', '31121', '31201', '31301',
	'32101', '32104', '32111', '32123', '32124', '32201', '33101',
	'41300', '42201',
];

/**
 * Every category version, oldest first per category. Code lists are NOC 2021 unit groups.
 * Sources are stored copies of public pages (no live web access), cited by address.
 */
export const CATEGORY_VERSIONS: readonly CategoryVersion[] = [
	{
		id: 'french',
		name: 'French-language proficiency',
		from: CATEGORIES_FROM,
		until: null,
		rule: {kind: 'french'},
		source: 'rules.md §7.5 (NCLC 7+ in all four abilities, unchanged in 2026); settler.ca "Category-based selection for Express Entry" (2023-06-24)',
		confidence: 'SEC',
		note: 'IRCC names the 2026 rounds "2026-Version 2" from 2026-02-06; the NCLC 7 rule is the same in both versions',
	},
	{
		id: 'healthcare',
		name: 'Healthcare occupations',
		from: CATEGORIES_FROM,
		until: Y2025,
		rule: {
			kind: 'occupation',
			inCanada: false,
			// 35 occupations; sources agree on the count (kansaz.in 2024-02-15: "35 healthcare occupations").
			nocCodes: [
				'31100', '31101', '31102', '31103', '31110', '31111', '31112', '31121',
				'31200', '31201', '31202', '31203', '31204', '31209',
				'31300', '31301', '31302', '31303',
				'32101', '32102', '32103', '32109', '32120', '32121', '32122', '32200', '32201', '32209',
				'33101', '33102', '33103', '33109',
				'41301', '41320', '42203',
			],
		},
		source: 'gospelimmigration.in (copy of the canada.ca category page table), eseumohimmigration.com, kansaz.in 2024-02-15, ainit.net',
		confidence: 'SEC',
	},
	{
		id: 'healthcare',
		name: 'Healthcare and social services occupations',
		from: Y2025,
		until: TWELVE_MONTH_RULE_FROM,
		rule: {
			kind: 'occupation',
			inCanada: false,
			// UNVERIFIED: only the codes below could be confirmed as on the 2025 list (about 36–38
			// occupations per the sources); the rest of the list was not found in the stored pages.
			nocCodes: HEALTHCARE_2025_CONFIRMED,
		},
		source: 'ultratap.online and westsunvisa.com (copies of cicnews.com 2025-03-31 "Do you qualify for Express Entry\'s updated Healthcare and Social Services category?"), maplenews.org',
		confidence: 'UNVERIFIED',
		note: 'partial list: 16 confirmed codes of about 38; the full list is in Annex B of canada.ca "2024-2025 Report to Parliament – Category-Based Selection in Express Entry"',
	},
	{
		id: 'healthcare',
		name: 'Healthcare and social services occupations',
		from: TWELVE_MONTH_RULE_FROM,
		until: null,
		rule: {
			kind: 'occupation',
			inCanada: false,
			// UNVERIFIED: IRCC's 2026 rounds are "2026-Version 3", so the list changed; its content was
			// not found. The confirmed 2025 codes are carried over.
			nocCodes: HEALTHCARE_2025_CONFIRMED,
		},
		source: 'rules.md §7.5 (continuing in 2026); list carried over from the 2025 version',
		confidence: 'UNVERIFIED',
		note: 'partial list carried over from 2025; the 2026 list itself was not found',
	},
	{
		id: 'stem',
		name: 'Science, Technology, Engineering and Math (STEM) occupations',
		from: CATEGORIES_FROM,
		until: Y2025,
		rule: {
			kind: 'occupation',
			inCanada: false,
			nocCodes: [
				'20010', '20011', '20012', '21200', '21201', '21202', '21203', '21210', '21211', '21220', '21221', '21222',
				'21223', '21230', '21231', '21232', '21233', '21234', '21300', '21310', '21311', '21321', '21322', '41400',
			],
		},
		source: 'imcaconsultancy.com 2023-07-24 (copy of the canada.ca wording and table, 24 occupations)',
		confidence: 'SEC',
	},
	{
		id: 'stem',
		name: 'STEM occupations',
		from: Y2025,
		until: null,
		rule: {
			kind: 'occupation',
			inCanada: false,
			nocCodes: ['20011', '21220', '21300', '21301', '21310', '21321', '21331', '22300', '22301', '22310', '63100'],
		},
		source: 'casimmigration.com, unaimmi.com, amnimmigration.ca 2025-04-16, canada.nohproblem.com (11 occupations, all agree)',
		confidence: 'SEC',
		note: 'continuing in 2026 (rules.md §7.5); whether the 2026 list differs is UNVERIFIED',
	},
	{
		id: 'trades',
		name: 'Trade occupations',
		from: CATEGORIES_FROM,
		until: Y2025,
		rule: {
			kind: 'occupation',
			inCanada: false,
			nocCodes: ['72014', '72106', '72200', '72300', '72310', '72400', '72402', '72405', '72406', '73200'],
		},
		source: 'royalcitizen.ca (copy of cicnews.com, first trades round 2023-08-03), immigrationnewscanada.ca 2023-08-04 (10 occupations)',
		confidence: 'SEC',
	},
	{
		id: 'trades',
		name: 'Trade occupations',
		from: Y2025,
		until: TWELVE_MONTH_RULE_FROM,
		rule: {
			kind: 'occupation',
			inCanada: false,
			nocCodes: TRADES_2025,
		},
		source: 'unaimmi.cn, visasavenue.com, askmigration.com (25 occupations, all agree)',
		confidence: 'SEC',
	},
	{
		id: 'trades',
		name: 'Trades occupations',
		from: TWELVE_MONTH_RULE_FROM,
		until: null,
		rule: {
			kind: 'occupation',
			inCanada: false,
			nocCodes: TRADES_2025.filter((code) => code !== COOKS),
		},
		source: 'rules.md §7.5 (cooks, NOC 63200, removed in 2026); the rest carried over from the 2025 list',
		confidence: 'SEC',
		note: 'IRCC names the 2026 list "2026-Version 3"; changes other than the removal of cooks are UNVERIFIED',
	},
	{
		id: 'transport',
		name: 'Transport occupations',
		from: CATEGORIES_FROM,
		until: Y2025,
		rule: {
			kind: 'occupation',
			inCanada: false,
			nocCodes: ['70020', '72403', '72404', '72600', '72601', '72602', '72603', '72604', '73300', '93200'],
		},
		source: 'poonahimmigrationlaw.com 2023-09-18, canapprove.com (round 264), immigrationnewscanada.ca 2023-09-20 (10 occupations)',
		confidence: 'SEC',
	},
	{
		id: 'transport',
		name: 'Transport occupations',
		from: TWELVE_MONTH_RULE_FROM,
		until: null,
		rule: {kind: 'occupation', inCanada: false, nocCodes: ['22313', '72404', '72410', '72600']},
		source: 'rules.md §7.5; cicnews.com 2026-02 "Who qualifies for permanent residence under Canada\'s new Transport category?"',
		confidence: 'SEC',
	},
	{
		id: 'agriculture',
		name: 'Agriculture and agri-food occupations',
		from: CATEGORIES_FROM,
		until: Y2025,
		rule: {kind: 'occupation', inCanada: false, nocCodes: ['63201', '82030', '82031']},
		source: 'cimmigrationnews.com, matrixxoverseas.com, boi-services.com (3 occupations, 2023)',
		confidence: 'SEC',
	},
	{
		id: 'agriculture',
		name: 'Agriculture and agri-food occupations',
		from: Y2025,
		until: TWELVE_MONTH_RULE_FROM,
		rule: {kind: 'occupation', inCanada: false, nocCodes: ['63201']},
		source: 'rules.md §7.5 ("agriculture (butchers only)" in 2025)',
		confidence: 'UNVERIFIED',
		note: 'butchers only (rules.md [SEC]); whether industrial butchers (94141) are included is UNVERIFIED; absent from the 2026 lists (treated as ended, UNVERIFIED)',
	},
	{
		id: 'education',
		name: 'Education occupations',
		from: Y2025,
		until: null,
		rule: {kind: 'occupation', inCanada: false, nocCodes: ['41220', '41221', '42202', '42203', '43100']},
		source: 'makehomecanada.com and ultratap.online (copies of cicnews.com 2025-03 "Are you eligible for Express Entry\'s new education category?"), cikh.ca, immilawglobal.com (5 occupations)',
		confidence: 'SEC',
		note: 'continuing in 2026 (rules.md §7.5); whether the 2026 list differs is UNVERIFIED',
	},
	{
		id: 'physicians',
		name: 'Physicians with Canadian work experience',
		from: TWELVE_MONTH_RULE_FROM,
		until: null,
		rule: {kind: 'occupation', inCanada: true, nocCodes: ['31100', '31101', '31102']},
		source: 'rules.md §7.5 (2026 categories)',
		confidence: 'SEC',
		note: CANADIAN_WORK_NOTE,
	},
	{
		id: 'researchers',
		name: 'Researchers with Canadian work experience',
		from: TWELVE_MONTH_RULE_FROM,
		until: null,
		rule: {kind: 'occupation', inCanada: true, nocCodes: ['41200', '41201']},
		source: 'rules.md §7.5 (2026 categories)',
		confidence: 'SEC',
		note: CANADIAN_WORK_NOTE,
	},
	{
		id: 'senior-managers',
		name: 'Senior managers with Canadian work experience',
		from: TWELVE_MONTH_RULE_FROM,
		until: null,
		rule: {kind: 'occupation', inCanada: true, nocCodes: ['00012', '00013', '00014', '00015']},
		source: 'rules.md §7.5 (2026 categories)',
		confidence: 'SEC',
		note: CANADIAN_WORK_NOTE,
	},
	{
		id: 'military',
		name: 'Skilled military recruits',
		from: TWELVE_MONTH_RULE_FROM,
		until: null,
		rule: {kind: 'job-offer', nocCodes: ['40042', '42102', '43204']},
		source: 'rules.md §7.5 (2026 categories: NOC 40042, 42102, 43204; CAF job offer)',
		confidence: 'SEC',
		note: 'the Canadian Armed Forces job offer is read as a job offer in one of these NOC codes (the application format does not name the employer type); whether recruits also need the 12 months of experience is UNVERIFIED — not required here',
	},
];

/** True when `value` is a category id. */
export function isCategoryId(value: unknown): value is CategoryId {
	return typeof value === 'string' && (CATEGORY_IDS as readonly string[]).includes(value);
}

/** The version of category `id` in force on `date` (`YYYY-MM-DD`), or null when none is. */
export function categoryOn(id: CategoryId, date: string): CategoryVersion | null {
	for (const version of CATEGORY_VERSIONS) {
		if (version.id === id && version.from <= date && (version.until === null || date < version.until)) return version;
	}
	return null;
}

/** Every category version in force on `date`, in {@link CATEGORY_IDS} order. */
export function categoriesInForce(date: string): CategoryVersion[] {
	const out: CategoryVersion[] = [];
	for (const id of CATEGORY_IDS) {
		const version = categoryOn(id, date);
		if (version) out.push(version);
	}
	return out;
}

/** The periods in force of category `id`, e.g. `2023-05-31 to 2025-02-26, from 2026-02-18`. */
export function categoryPeriods(id: CategoryId): string {
	const spans: Array<{from: string; until: string | null}> = [];
	for (const v of CATEGORY_VERSIONS) {
		if (v.id !== id) continue;
		const last = spans[spans.length - 1];
		if (last && last.until === v.from) last.until = v.until;
		else spans.push({from: v.from, until: v.until});
	}
	const dayBefore = (date: string) => new Date((dayNumber(date) - 1) * 86_400_000).toISOString().slice(0, 10);
	return spans.map((s) => (s.until === null ? `from ${s.from}` : `${s.from} to ${dayBefore(s.until)}`)).join(', ');
}

/** The work-experience rule of the occupational categories on a round date. */
export type CategoryWorkRule = {
	/** `continuous`: 6 months continuous (before 2026-02-18); `cumulative`: 12 months, not necessarily continuous. */
	kind: 'continuous' | 'cumulative';
	/** Creditable hours needed in one eligible occupation. */
	hours: number;
	/** Years before the round date the work must fall in. */
	windowYears: number;
};

/** The occupational categories' work-experience rule on `roundDate` (rules.md §7.5). */
export function categoryWorkRuleOn(roundDate: string): CategoryWorkRule {
	return roundDate >= TWELVE_MONTH_RULE_FROM
		? {kind: 'cumulative', hours: TWELVE_MONTHS_HOURS, windowYears: 3}
		: {kind: 'continuous', hours: SIX_MONTHS_HOURS, windowYears: 3};
}

/** The result of checking one category. */
export type CategoryCheck = {
	id: CategoryId;
	met: boolean;
	/** Why, with the figures, e.g. `1,612 h in NOC 22310 in the 3 years before 2026-03-01 (12 months, 1,560 h, needed)`. */
	detail: string;
	/** The version applied, or null when the category is not in force on the date. */
	version: CategoryVersion | null;
};

const EPSILON = 1e-6;
const fmtHours = (hours: number) => Math.floor(hours + EPSILON).toLocaleString('en-CA');

/** The outcome of one rule; `detail` is built only when asked for (ranking a pool checks millions). */
type Outcome = {met: boolean; detail: () => string};

function checkFrench(application: Application, date: string): Outcome {
	const {first, second} = officialLanguages(application.applicant, date);
	const french = first?.language === 'fr' ? first : second?.language === 'fr' ? second : null;
	if (!french) return {met: false, detail: () => `no valid French test (TEF Canada, TCF Canada) on ${date}`};
	const levels = () => `NCLC L ${french.L}, R ${french.R}, W ${french.W}, S ${french.S} (${french.test} of ${french.date})`;
	return french.min >= 7
		? {met: true, detail: () => `${levels()}: 7 or more in all four`}
		: {met: false, detail: () => `${levels()}: below 7 in at least one ability`};
}

const codeSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function codeSet(codes: readonly string[]): ReadonlySet<string> {
	let set = codeSets.get(codes);
	if (!set) {
		set = new Set(codes);
		codeSets.set(codes, set);
	}
	return set;
}

function checkOccupation(application: Application, rule: Extract<CategoryRule, {kind: 'occupation'}>, date: string): Outcome {
	const codes = codeSet(rule.nocCodes);
	const counting: CountingRule = {skilledOnly: false, where: rule.inCanada ? 'canada' : 'anywhere'};
	const periods: WorkPeriod[] = application.applicant.workExperience.filter((p) => codes.has(p.nocCode) && counts(p, counting));
	const work = categoryWorkRuleOn(date);
	const where = rule.inCanada ? ' in Canada' : '';
	const needed = () =>
		work.kind === 'cumulative'
			? `12 months, ${fmtHours(work.hours)} h, in one eligible occupation needed`
			: `6 months continuous, ${fmtHours(work.hours)} h, in one eligible occupation needed`;
	if (periods.length === 0) return {met: false, detail: () => `no work${where} in an eligible occupation (${needed()})`};
	const window = windowBefore(date, work.windowYears);
	let bestNoc = '';
	let bestHours = 0;
	if (work.kind === 'continuous') {
		const stretch = bestContinuousStretch(periods, window, date);
		if (stretch && stretch.hours > 0) [bestNoc, bestHours] = [stretch.nocCode, stretch.hours];
	} else {
		const byNoc = new Map<string, WorkPeriod[]>();
		for (const p of periods) byNoc.set(p.nocCode, [...(byNoc.get(p.nocCode) ?? []), p]);
		for (const [noc, list] of [...byNoc].sort(([a], [b]) => (a < b ? -1 : 1))) {
			const {hours} = creditableHours(list, window, date);
			if (hours > bestHours) [bestNoc, bestHours] = [noc, hours];
		}
	}
	const what = work.kind === 'continuous' ? 'continuous' : 'in all';
	return {
		met: bestHours + EPSILON >= work.hours,
		detail: () =>
			bestNoc === ''
				? `no eligible work${where} in the ${work.windowYears} years before ${date} (${needed()})`
				: `${fmtHours(bestHours)} h ${what} in NOC ${bestNoc}${where} in the ${work.windowYears} years before ${date} (${needed()})`,
	};
}

function checkJobOffer(application: Application, rule: Extract<CategoryRule, {kind: 'job-offer'}>): Outcome {
	const offer = application.jobOffer;
	if (!offer) return {met: false, detail: () => `no job offer (an offer in NOC ${rule.nocCodes.join(', ')} is needed)`};
	return rule.nocCodes.includes(offer.nocCode)
		? {met: true, detail: () => `job offer in NOC ${offer.nocCode}`}
		: {met: false, detail: () => `job offer in NOC ${offer.nocCode}, not one of ${rule.nocCodes.join(', ')}`};
}

function outcome(application: Application, version: CategoryVersion, date: string): Outcome {
	const rule = version.rule;
	if (rule.kind === 'french') return checkFrench(application, date);
	if (rule.kind === 'occupation') return checkOccupation(application, rule, date);
	return checkJobOffer(application, rule);
}

/**
 * Checks whether `application` meets category `id` on `roundDate` (`YYYY-MM-DD`), with the
 * version of the category in force that day and the work-experience rule of that day. A category
 * not in force on the date is not met (`version` null). Program eligibility is not part of this
 * check (a category round also needs it: rules.md §7.5).
 */
export function checkCategory(application: Application, id: CategoryId, roundDate: string): CategoryCheck {
	const version = categoryOn(id, roundDate);
	if (!version) return {id, met: false, detail: `category ${id} is not in force on ${roundDate} (in force ${categoryPeriods(id)})`, version: null};
	const result = outcome(application, version, roundDate);
	return {id, met: result.met, detail: result.detail(), version};
}

/** True when `application` meets category `id` on `roundDate`; see {@link checkCategory}. */
export function meetsCategory(application: Application, id: CategoryId, roundDate: string): boolean {
	const version = categoryOn(id, roundDate);
	return version !== null && outcome(application, version, roundDate).met;
}

/**
 * True when `application` meets `version` (one of {@link CATEGORY_VERSIONS}, in force on
 * `roundDate`) on `roundDate`: {@link meetsCategory} without looking the version up, for callers
 * that check many applications against the versions of one date.
 */
export function meetsCategoryVersion(application: Application, version: CategoryVersion, roundDate: string): boolean {
	return outcome(application, version, roundDate).met;
}

/** NCLC levels of a French result per ability (as in an assessment's `clb`), or null when there is none. */
export type FrenchLevels = {L: number; R: number; W: number; S: number} | null;

/**
 * A checker of every category in force on `date`, for many applications: it returns the ids
 * met, like {@link categoriesMet}, but looks only at the categories an application can meet —
 * those listing one of its occupations (or its job offer's), and French only with a French test —
 * so that ranking a pool of 250,000 costs little more than one map lookup per work period.
 * `french` may pass the applicant's counted French levels on `date` when the caller already has
 * them (an assessment's `clb`), so they are not worked out twice.
 */
export function categoryScreen(date: string): (application: Application, french?: FrenchLevels) => CategoryId[] {
	const versions = categoriesInForce(date);
	const byNoc = new Map<string, CategoryVersion[]>();
	const frenchVersion = versions.find((v) => v.rule.kind === 'french') ?? null;
	for (const v of versions) {
		if (v.rule.kind === 'french') continue;
		for (const code of v.rule.nocCodes) byNoc.set(code, [...(byNoc.get(code) ?? []), v]);
	}
	const order = new Map(versions.map((v, i) => [v, i]));
	return (application, french) => {
		const candidates: CategoryVersion[] = [];
		const add = (v: CategoryVersion) => {
			if (!candidates.includes(v)) candidates.push(v);
		};
		for (const period of application.applicant.workExperience) {
			const list = byNoc.get(period.nocCode);
			if (list) for (const v of list) if (v.rule.kind === 'occupation') add(v);
		}
		const offer = application.jobOffer ? byNoc.get(application.jobOffer.nocCode) : undefined;
		if (offer) for (const v of offer) if (v.rule.kind === 'job-offer') add(v);
		const met: CategoryVersion[] = candidates.filter((v) => outcome(application, v, date).met);
		if (frenchVersion) {
			const frenchMet =
				french !== undefined
					? french !== null && Math.min(french.L, french.R, french.W, french.S) >= 7
					: application.applicant.languageTests.some((t) => t.test === 'TEF' || t.test === 'TCF') && outcome(application, frenchVersion, date).met;
			if (frenchMet) met.push(frenchVersion);
		}
		if (met.length > 1) met.sort((a, b) => order.get(a)! - order.get(b)!);
		return met.map((v) => v.id);
	};
}

/** The categories in force on `date` that `application` meets, in {@link CATEGORY_IDS} order. */
export function categoriesMet(application: Application, date: string): CategoryId[] {
	const out: CategoryId[] = [];
	for (const version of categoriesInForce(date)) {
		if (outcome(application, version, date).met) out.push(version.id);
	}
	return out;
}

/**
 * The category of an IRCC round name as the rounds feed gives it (e.g. `Healthcare and social
 * services occupations (Version 2)`, `Physicians with Canadian Work Experience, 2026-Version 1`),
 * by keyword; null for a name that is not a category round.
 */
export function categoryOfRoundName(name: string): CategoryId | null {
	const n = name.toLowerCase();
	if (n.includes('french')) return 'french';
	if (n.includes('physician')) return 'physicians';
	if (n.includes('researcher')) return 'researchers';
	if (n.includes('senior manager')) return 'senior-managers';
	if (n.includes('military')) return 'military';
	if (n.includes('healthcare')) return 'healthcare';
	if (n.includes('stem')) return 'stem';
	if (n.includes('trade occupations') || n.includes('trades occupations')) return 'trades';
	if (n.includes('transport')) return 'transport';
	if (n.includes('agriculture')) return 'agriculture';
	if (n.includes('education')) return 'education';
	return null;
}
