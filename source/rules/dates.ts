/**
 * Calendar arithmetic on `YYYY-MM-DD` dates, done as whole UTC day numbers (days since
 * 1970-01-01) in the proleptic Gregorian calendar, so that no time zone or clock is involved.
 * Pure functions; the reference date is always an argument.
 *
 * Ranking a pool assesses hundreds of thousands of applications, each reading dozens of dates,
 * so the common case (eight digits, month 01–12, year 0100 or later) is computed with integer
 * arithmetic on character codes (H. Hinnant's days-from-civil algorithm) without allocating.
 * Anything else falls back to the built-in `Date.UTC`, whose results (day overflow, years
 * 0–99 read as 1900–1999, NaN for non-digits) the fast path matches exactly.
 */

const MS_PER_DAY = 86_400_000;
/** Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar. */
const EPOCH_SHIFT = 719_468;
/** Day numbers of 0000-01-01 and 9999-12-31: the range `toISOString` writes with four year digits. */
const FIRST_4_DIGIT_DAY = -719_528;
const LAST_4_DIGIT_DAY = 2_932_896;

/** The value of the digit at `index` of `text`, or -1 when that character is not `0`–`9`. */
function digitAt(text: string, index: number): number {
	const value = text.charCodeAt(index) - 48;
	return value >= 0 && value <= 9 ? value : -1;
}

/** Year (0–9999) written in the first four characters of `text`, or -1 when they are not all digits. */
function yearOf(text: string): number {
	const a = digitAt(text, 0);
	const b = digitAt(text, 1);
	const c = digitAt(text, 2);
	const d = digitAt(text, 3);
	return a < 0 || b < 0 || c < 0 || d < 0 ? -1 : a * 1000 + b * 100 + c * 10 + d;
}

/** Two-digit number at `index` of `text`, or -1 when either character is not a digit. */
function twoDigitsAt(text: string, index: number): number {
	const a = digitAt(text, index);
	const b = digitAt(text, index + 1);
	return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * Day number of year `y`, month `m` (1–12), day `d` (any integer: it counts on from the first of
 * the month, as `Date.UTC` does). Integer arithmetic only (days_from_civil).
 */
function daysFromCivil(y: number, m: number, d: number): number {
	const year = m <= 2 ? y - 1 : y;
	const era = Math.floor(year / 400);
	const yearOfEra = year - era * 400;
	const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
	const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146_097 + dayOfEra - EPOCH_SHIFT;
}

/** The historical computation, for the inputs the fast path does not cover. */
function dayNumberByDate(date: string): number {
	return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

/** `YYYY-MM-DD` → day number (days since 1970-01-01). No validation: callers pass validated dates. */
export function dayNumber(date: string): number {
	const y = yearOf(date);
	const m = twoDigitsAt(date, 5);
	const d = twoDigitsAt(date, 8);
	if (y < 100 || m < 1 || m > 12 || d < 0) return dayNumberByDate(date);
	return daysFromCivil(y, m, d);
}

const TWO_DIGITS = Array.from({length: 100}, (_, n) => (n < 10 ? `0${n}` : `${n}`));

/** Day number → `YYYY-MM-DD`. */
export function fromDayNumber(day: number): string {
	if (!Number.isInteger(day) || day < FIRST_4_DIGIT_DAY || day > LAST_4_DIGIT_DAY) {
		return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
	}
	// civil_from_days (H. Hinnant).
	const z = day + EPOCH_SHIFT;
	const era = Math.floor(z / 146_097);
	const dayOfEra = z - era * 146_097;
	const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
	const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const mp = Math.floor((5 * dayOfYear + 2) / 153);
	const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp < 10 ? mp + 3 : mp - 9;
	const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
	return `${TWO_DIGITS[Math.floor(y / 100)]}${TWO_DIGITS[y % 100]}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
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
	const year = yearOf(date);
	const m = twoDigitsAt(date, 5);
	const d = twoDigitsAt(date, 8);
	const y = year + years;
	if (year < 0 || m < 1 || m > 12 || d < 0 || !Number.isInteger(years) || y < 100 || y > 200_000) return addYearsByDate(date, years);
	if (m === 2 && d === 29 && !isLeap(y)) return daysFromCivil(y, 3, 1);
	return daysFromCivil(y, m, d);
}

/** The historical computation of {@link addYears}, for the inputs the fast path does not cover. */
function addYearsByDate(date: string, years: number): number {
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
	const onYear = yearOf(onDate);
	const birthYear = yearOf(dateOfBirth);
	let years = onYear >= 0 && birthYear >= 0 ? onYear - birthYear : Number(onDate.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
	if (years <= 0) return 0;
	if (addYears(dateOfBirth, years) > dayNumber(onDate)) years -= 1;
	return Math.max(0, years);
}

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isRealDate(text: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	return fromDayNumber(dayNumber(text)) === text;
}
