/**
 * Time for the demo: instants as epoch milliseconds, turned into text only at the edges —
 * `2026-03-01T14:05:00Z` in application files, `YYYY-MM-DDTHH:MM:SS.sssZ` in the store —
 * and calendar dates as `YYYY-MM-DD` or day numbers, by integer arithmetic (fast, no time zone).
 */
import {dayNumber, fromDayNumber} from '../../rules/dates.js';

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** The instant as the application file writes it: `2026-03-01T14:05:00Z`. */
export function fileInstant(ms: number): string {
	return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** The instant as the store keeps it: `2026-03-01T14:05:00.000Z`. */
export function storeInstant(ms: number): string {
	return new Date(ms).toISOString();
}

/** Day number (days since 1970-01-01) → `YYYY-MM-DD`, and back: the rules engine's integer arithmetic. */
export const dateOfDay = fromDayNumber;
export const dayOfDate = dayNumber;

/** The UTC calendar date `YYYY-MM-DD` of an instant. */
export function dateOf(ms: number): string {
	return dateOfDay(Math.floor(ms / DAY_MS));
}

/** `YYYY-MM-DD` → epoch milliseconds of its midnight UTC. */
export function dayStart(date: string): number {
	return dayOfDate(date) * DAY_MS;
}

/** `date` moved by `days` whole days (negative: back). */
export function addDays(date: string, days: number): string {
	return dateOfDay(dayOfDate(date) + days);
}

/** True on Saturday and Sunday (UTC). */
export function isWeekend(ms: number): boolean {
	const weekday = (Math.floor(ms / DAY_MS) + 4) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
	return weekday === 0 || weekday === 6;
}
