/**
 * Time for the demo: instants as epoch milliseconds, turned into text only at the edges —
 * `2026-03-01T14:05:00Z` in application files, `YYYY-MM-DDTHH:MM:SS.sssZ` in the store —
 * and calendar dates as `YYYY-MM-DD` or day numbers, by integer arithmetic (fast, no time zone).
 */

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

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** Day number (days since 1970-01-01) → `YYYY-MM-DD`, by integer arithmetic (H. Hinnant's civil_from_days). */
export function dateOfDay(day: number): string {
	const z = day + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp < 10 ? mp + 3 : mp - 9;
	const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
	return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** `YYYY-MM-DD` → day number (days since 1970-01-01), by integer arithmetic (days_from_civil). */
export function dayOfDate(date: string): number {
	let y = Number(date.slice(0, 4));
	const m = Number(date.slice(5, 7));
	const d = Number(date.slice(8, 10));
	if (m <= 2) y -= 1;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

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
