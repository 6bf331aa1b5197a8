/**
 * Calendar arithmetic on `YYYY-MM-DD` dates, done as whole UTC day numbers (days since
 * 1970-01-01) with the built-in `Date.UTC`, so that no time zone or clock is involved.
 * Pure functions; the reference date is always an argument.
 */

const MS_PER_DAY = 86_400_000;

// Day numbers of recently seen dates: assessments read the same few dates many times.
const dayCache = new Map<string, number>();

/** `YYYY-MM-DD` → day number (days since 1970-01-01). No validation: callers pass validated dates. */
export function dayNumber(date: string): number {
	let day = dayCache.get(date);
	if (day === undefined) {
		day = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
		if (dayCache.size >= 50_000) dayCache.clear();
		dayCache.set(date, day);
	}
	return day;
}

/** Day number → `YYYY-MM-DD`. */
export function fromDayNumber(day: number): string {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The UTC calendar date (`YYYY-MM-DD`) of an ISO-8601 UTC instant (`…Z`). */
export function utcDateOf(instant: string): string {
	return new Date(instant).toISOString().slice(0, 10);
}

function isLeap(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * `date` moved by whole years (negative: back). A 29 February that lands in a common year
 * becomes 1 March (rules/decisions.md §1). Returns a day number.
 */
export function addYears(date: string, years: number): number {
	const y = Number(date.slice(0, 4)) + years;
	const m = Number(date.slice(5, 7));
	const d = Number(date.slice(8, 10));
	if (m === 2 && d === 29 && !isLeap(y)) return Date.UTC(y, 2, 1) / MS_PER_DAY;
	return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/**
 * Age in completed years on `onDate` of a person born on `dateOfBirth` (both `YYYY-MM-DD`).
 * A birthday on 29 February is reached on 1 March in common years.
 */
export function completedYears(dateOfBirth: string, onDate: string): number {
	let years = Number(onDate.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
	if (years <= 0) return 0;
	if (addYears(dateOfBirth, years) > dayNumber(onDate)) years -= 1;
	return Math.max(0, years);
}

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isRealDate(text: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	return fromDayNumber(dayNumber(text)) === text;
}
