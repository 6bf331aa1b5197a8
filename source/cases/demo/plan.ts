/**
 * How many demo cases are in each state of the life cycle, and in which story each worked case
 * is told (a plain approval, a refusal after a procedural fairness letter, an override…).
 */
import type {ApplicationStatus, ProgramCode} from '../../../db/index.js';
import {Weighted, type Random} from './random.js';

/** Share of the demo's cases in each status (DESIGN.md "Case life cycle"); pool about 35 %. */
export const STATUS_SHARES: readonly (readonly [ApplicationStatus, number])[] = [
	['pool', 35],
	['invited', 7],
	['received', 9],
	['in_review', 15],
	['awaiting_info', 8],
	['pending_review', 5],
	['approved', 13],
	['refused', 4],
	['withdrawn', 4],
];

/** The story of a worked case. */
export type Story =
	| 'standard'
	| 'rfi-answered'
	| 'returned'
	| 'rfi'
	| 'pfl'
	| 'not-credited'
	| 'low-funds'
	| 'misrepresentation'
	| 'failure-to-provide'
	| 'inadmissible-medical'
	| 'inadmissible-criminality'
	| 'override'
	| 'withdraw'
	| 'incomplete';

const STORIES: Partial<Record<ApplicationStatus, Weighted<Story>>> = {
	in_review: new Weighted<Story>([['standard', 78], ['rfi-answered', 14], ['returned', 8]]),
	awaiting_info: new Weighted<Story>([['rfi', 70], ['pfl', 30]]),
	pending_review: new Weighted<Story>([['not-credited', 30], ['low-funds', 10], ['misrepresentation', 10], ['failure-to-provide', 15], ['inadmissible-medical', 5], ['override', 30]]),
	approved: new Weighted<Story>([['standard', 72], ['rfi-answered', 23], ['override', 5]]),
	refused: new Weighted<Story>([['not-credited', 35], ['low-funds', 15], ['misrepresentation', 15], ['failure-to-provide', 20], ['inadmissible-medical', 8], ['inadmissible-criminality', 7]]),
	withdrawn: new Weighted<Story>([['withdraw', 75], ['incomplete', 25]]),
};

const PROGRAMS = new Weighted<ProgramCode>([['CEC', 50], ['FSW', 38], ['FST', 12]]);
const NOT_CREDITED_PROGRAMS = new Weighted<ProgramCode>([['CEC', 75], ['FST', 25]]);

/** The story of a case in `status` (pool, invited and received cases have none: `standard`). */
export function storyFor(status: ApplicationStatus, random: Random): Story {
	const table = STORIES[status];
	return table ? random.draw(table) : 'standard';
}

/** The program a story needs, or one drawn from the usual shares. */
export function programFor(story: Story, random: Random): ProgramCode {
	if (story === 'low-funds') return 'FSW';
	if (story === 'override') return 'CEC';
	if (story === 'not-credited') return random.draw(NOT_CREDITED_PROGRAMS);
	return random.draw(PROGRAMS);
}

/**
 * The statuses of `generated` new cases, in random order, such that the whole store (the
 * samples' statuses included) follows {@link STATUS_SHARES}, with at least one case of each
 * status when there are at least as many new cases as statuses.
 */
export function statusQuotas(total: number, samples: readonly ApplicationStatus[], generated: number, random: Random): ApplicationStatus[] {
	const sum = STATUS_SHARES.reduce((a, [, w]) => a + w, 0);
	const counts = new Map<ApplicationStatus, number>();
	for (const [status, share] of STATUS_SHARES) {
		const already = samples.filter((s) => s === status).length;
		counts.set(status, Math.max(0, Math.round((total * share) / sum) - already));
	}
	const floor = generated >= STATUS_SHARES.length ? 1 : 0;
	for (const [status] of STATUS_SHARES) if (counts.get(status)! < floor) counts.set(status, floor);
	let assigned = [...counts.values()].reduce((a, b) => a + b, 0);
	const order = [...STATUS_SHARES].sort((a, b) => b[1] - a[1]).map(([s]) => s);
	for (let i = 0; assigned !== generated; i = (i + 1) % order.length) {
		const status = order[i]!;
		const count = counts.get(status)!;
		if (assigned < generated) {
			counts.set(status, count + 1);
			assigned++;
		} else if (count > floor) {
			counts.set(status, count - 1);
			assigned--;
		}
	}
	const list: ApplicationStatus[] = [];
	for (const [status] of STATUS_SHARES) for (let i = 0; i < counts.get(status)!; i++) list.push(status);
	return random.shuffle(list);
}
