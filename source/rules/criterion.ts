/** One eligibility criterion as the officer sees it: what was checked, the result, and its legal source. */
export type Criterion = {
	/** Stable id, e.g. `cec.canadian-experience`. */
	id: string;
	passed: boolean;
	/** Plain-language finding with the figures used. */
	detail: string;
	/** Legal source, e.g. `IRPR s. 87.1(2)(a)`. */
	source: string;
};

/** A program's verdict: eligible when every criterion passed. */
export type ProgramResult = {eligible: boolean; criteria: Criterion[]};

/** Builds a program result from its criteria. */
export function verdict(criteria: Criterion[]): ProgramResult {
	return {eligible: criteria.every((criterion) => criterion.passed), criteria};
}
