/**
 * `caips round --size N --at INSTANT [--program P | --category C] [--dry-run] [--json]`: a round of
 * invitations to apply (source/cases/rounds.ts). Admins only; `--dry-run` computes the same round
 * and writes nothing.
 *
 * `--json`: `{round: {number, at, type, program, category, size, invited, cutoff, tieBreakAt,
 * dryRun}, invitees: [{applicationNumber, crs, profileSubmittedAt}]}` (CLI contract), invitees in
 * rank order. Text: the round's figures and the first 10 invitees. Exit 2 with one line naming the
 * flag for a size that is not a positive whole number, a missing or bad instant, both --program
 * and --category, an unknown program or category; 65 for a category not in force on the round's
 * date; 77 for an officer who is not an admin.
 */
import {encodeInstant} from '../../db/codec.js';
import {realRoundProblem, runRound, type RoundResult} from '../cases/rounds.js';
import {safeText, padWidth} from '../ui/terminal-text.js';
import type {Command, Flags} from './context.js';
import {CliError, EXIT} from './exit-codes.js';
import {categoryFlag, programFlag, shortInstant} from './pool.js';
import {withReadSession, withSession} from './session.js';
import {expectPositionals, usageError} from './usage.js';

/** Invitees listed in the text output. */
export const TEXT_INVITEES = 10;

function sizeFlag(flags: Flags): number {
	const value = flags.size;
	if (value === undefined) throw usageError('round', '--size is required: how many invitations to issue');
	const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
	if (!(n >= 1 && Number.isSafeInteger(n))) throw new CliError(EXIT.usage, `--size: ${JSON.stringify(value)} is not a positive whole number`);
	return n;
}

function atFlag(flags: Flags): string {
	const value = flags.at;
	if (value === undefined) throw usageError('round', '--at is required: the instant of the round, e.g. 2026-08-05T14:00:00Z');
	try {
		return encodeInstant(String(value));
	} catch {
		throw new CliError(EXIT.usage, `--at: ${JSON.stringify(value)} is not an ISO-8601 instant with a zone (e.g. 2026-08-05T14:00:00Z)`);
	}
}

const count = (n: number) => n.toLocaleString('en-CA');

/** The round's text summary: figures, then the first invitees as a table. */
export function roundLines(result: RoundResult): string[] {
	const {round, invitees} = result;
	const kind = round.type === 'program' ? `program round (${round.program})` : round.type === 'category' ? `category round (${round.category})` : 'general round';
	const lines = [`${round.dryRun ? 'Dry run of round' : 'Round'} ${round.number} · ${kind} · ${shortInstant(round.at)}`];
	if (round.invited === 0) {
		lines.push(`Invited 0 of ${count(round.size)}: no eligible candidate in the pool on ${round.at.slice(0, 10)}`);
	} else {
		lines.push(`Invited ${count(round.invited)} of ${count(round.size)} · cut-off CRS ${round.cutoff} · tie-break ${shortInstant(round.tieBreakAt!)}`);
		const shown = invitees.slice(0, TEXT_INVITEES);
		const rows = shown.map((e) => [count(e.rank), safeText(e.applicationNumber), String(e.crs), shortInstant(e.profileSubmittedAt)]);
		const titles = ['RANK', 'NUMBER', 'CRS', 'SUBMITTED (UTC)'];
		const widths = titles.map((t, i) => Math.max(t.length, ...rows.map((r) => r[i]!.length)));
		const right = [true, false, true, false];
		const line = (values: string[]) =>
			values
				.map((v, i) => padWidth(v, widths[i]!, right[i] ? 'right' : 'left'))
				.join('  ')
				.trimEnd();
		lines.push(line(titles), ...rows.map(line));
		if (invitees.length > shown.length) lines.push(`… and ${count(invitees.length - shown.length)} more (--json lists every invitee)`);
	}
	if (round.dryRun) lines.push('Dry run: nothing was written.');
	return lines;
}

export const roundCommand: Command = async (context) => {
	const {args, flags, stdout} = context;
	expectPositionals('round', args, []);
	const size = sizeFlag(flags);
	const at = atFlag(flags);
	if (flags.program !== undefined && flags.category !== undefined) {
		throw new CliError(EXIT.usage, '--program and --category cannot be used together: a round is program-specific or category-based');
	}
	const program = programFlag(flags);
	const category = categoryFlag(flags);
	const dryRun = flags.dryRun === true;
	// A dry run only reads: it works on a store the user cannot write (db/read-only.ts).
	return (dryRun ? withReadSession : withSession)(context, async (session) => {
		const result = await runRound(session, {at, size, program, category, dryRun});
		if (dryRun) {
			const problem = await realRoundProblem(session, at);
			if (problem) context.stderr.write(`caips: note: a real round would be refused: ${problem}\n`);
		}
		if (flags.json) {
			const invitees = result.invitees.map((e) => ({applicationNumber: e.applicationNumber, crs: e.crs, profileSubmittedAt: e.profileSubmittedAt}));
			stdout.write(`${JSON.stringify({round: result.round, invitees})}\n`);
			return EXIT.ok;
		}
		stdout.write(`${roundLines(result).join('\n')}\n`);
		return EXIT.ok;
	});
};
