/**
 * When officers act in the demo: weekday office hours (13:00–21:59 UTC, about 9 to 5 Eastern),
 * moving forward from a case's receipt towards the last day its story may use, and how many
 * steps and days of waiting each story needs.
 */
import {dayOfDate, DAY_MS, isWeekend} from './clock.js';
import type {Story} from './plan.js';
import type {Random} from './random.js';

/** A weekday office-hours instant on `day` (a weekend day moves back to Friday). */
export function officeInstant(day: number, random: Random): number {
	let ms = day * DAY_MS;
	while (isWeekend(ms)) ms -= DAY_MS;
	return ms + 13 * 3_600_000 + random.int(0, 480) * 60_000;
}

/** Office-hours instants moving forward from a start, within a last day. */
export class Timeline {
	private day: number;
	private cursor: number;
	private readonly maxGap: number;

	constructor(
		private readonly random: Random,
		start: number,
		private readonly lastDay: number,
		steps: number,
		wait: number,
	) {
		this.cursor = start;
		this.day = Math.floor(start / DAY_MS);
		this.maxGap = Math.max(1, Math.floor((lastDay - wait - this.day) / Math.max(1, steps)));
	}

	/** Some days later (1 to the planned gap, never past the last day), in office hours. */
	later(): number {
		this.day = Math.max(this.day, Math.min(this.day + this.random.int(1, this.maxGap), this.lastDay));
		return this.at(officeInstant(this.day, this.random));
	}

	/** On `date` (or the last day, when earlier), when that is later than now on the timeline. */
	on(date: string): number {
		this.day = Math.max(this.day, Math.min(dayOfDate(date), this.lastDay));
		return this.at(officeInstant(this.day, this.random));
	}

	/** A few minutes later, in the same sitting. */
	soon(): number {
		return this.at(this.cursor + this.random.int(2, 40) * 60_000);
	}

	private at(ms: number): number {
		this.cursor = Math.max(ms, this.cursor + this.random.int(1, 30) * 60_000);
		return this.cursor;
	}
}

/** Steps a story takes after assignment (to spread its days over the time available). */
export const STEPS: Record<Story, number> = {
	standard: 3, 'rfi-answered': 5, returned: 5, rfi: 3, pfl: 3, 'not-credited': 7, 'low-funds': 7, misrepresentation: 7,
	'failure-to-provide': 6, 'inadmissible-medical': 7, 'inadmissible-criminality': 7, override: 4, withdraw: 2, incomplete: 2,
};

/** Days a story waits for the applicant (an answer to an RFI or PFL, or a bring-forward date passing). */
export const WAIT: Partial<Record<Story, number>> = {
	'rfi-answered': 28, 'not-credited': 28, 'low-funds': 28, misrepresentation: 28, 'inadmissible-medical': 28, 'inadmissible-criminality': 28, 'failure-to-provide': 42,
};

