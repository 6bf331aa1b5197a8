/**
 * The starting vocabulary of reason codes a decision may cite (shared/spec/decisions.md,
 * "Reason codes"): code, meaning and legal source. Stored as data in `reason_codes` (seeded by
 * `caips init` and `caips demo`) so that an office can extend it.
 */

/** One reason code decisions may cite. */
export type ReasonCode = {code: string; meaning: string; source: string};

/** The reason codes of shared/spec/decisions.md, in its order. */
export const REASON_CODES: readonly ReasonCode[] = [
	{code: 'cec-not-met', meaning: 'does not meet the Canadian Experience Class requirements', source: 'IRPR s. 87.1'},
	{code: 'fsw-not-met', meaning: 'does not meet the Federal Skilled Worker minimums or 67 points', source: 'IRPR ss. 75–76'},
	{code: 'fst-not-met', meaning: 'does not meet the Federal Skilled Trades requirements', source: 'IRPR s. 87.2'},
	{
		code: 'crs-below-round',
		meaning: 'recalculated CRS below the lowest score invited in the round, or a minimum not met at ITA or at application',
		source: 'IRPA s. 11.2',
	},
	{
		code: 'insufficient-evidence',
		meaning: 'the officer is not satisfied the claimed experience, language or education is established',
		source: 'IRPA s. 11(1)',
	},
	{code: 'funds-insufficient', meaning: 'settlement funds below the table for the family size', source: 'IRPR s. 76(1)(b)'},
	{code: 'failure-to-provide', meaning: 'requested documents or information not provided', source: 'IRPA s. 16(1)'},
	{code: 'misrepresentation', meaning: 'material misrepresentation (5-year bar)', source: 'IRPA s. 40(1)(a)'},
	{code: 'inadmissible-criminality', meaning: 'criminality', source: 'IRPA s. 36'},
	{code: 'inadmissible-security', meaning: 'security', source: 'IRPA s. 34'},
	{code: 'inadmissible-medical', meaning: 'health grounds', source: 'IRPA s. 38'},
	{code: 'incomplete', meaning: 'application incomplete', source: 'IRPR s. 10'},
	{
		code: 'eligibility-override',
		meaning: "approval although the rules engine says a criterion fails (the officer's reasons must say why)",
		source: "officer's reasons",
	},
];

/** Every reason code in the store (the starting vocabulary plus an office's own), by code. */
export async function listReasonCodes(db: import('kysely').Kysely<import('../../db/index.js').Database>): Promise<ReasonCode[]> {
	return db.selectFrom('reason_codes').select(['code', 'meaning', 'source']).orderBy('code').execute();
}
