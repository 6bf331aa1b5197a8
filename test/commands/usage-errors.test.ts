/**
 * Usage errors of every command (CLI contract): a missing argument or required flag, an unknown
 * subcommand, an extra argument and a bad flag value exit 2 with one line on stderr naming what is
 * wrong — before the store is touched. The store named here does not exist: a command that opened
 * it would exit 69 instead, and a command that created it would leave it behind.
 */
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {tempDir} from '../db/helpers.js';
import {runCli} from '../helpers/cli.js';

const work = tempDir('caips-usage-');
const db = join(work.dir, 'absent', 'caips.db');
afterAll(() => work.cleanup());

const APP = 'E000000101';

/** [arguments, what the one line must say]. */
const CASES: Array<[string[], RegExp]> = [
	// global
	[['frobnicate'], /^caips: unknown command "frobnicate" \(caips --help lists the commands\)$/],
	[['pool', '--colour', 'red'], /^caips: pool: unknown option --colour \(usage: caips pool /],
	[['assign', APP, '--to', 'a', '--to', 'b'], /^caips: --to can be given only once \(caips --help\)$/],
	// a switch given a value, a flag without its value, a flag reported as typed
	[['queue', '--json=5'], /^caips: --json is a switch and takes no value \(got "--json=5"\) \(usage: caips queue /],
	[['audit', 'verify', '--json=false'], /^caips: --json is a switch and takes no value \(got "--json=false"\) \(usage: caips audit verify\)$/],
	[['queue', '--filter'], /^caips: --filter needs a value \(usage: caips queue /],
	[['queue', '--filter', '--json'], /^caips: --filter needs a value \(usage: caips queue /],
	[['decide', APP, 'refuse', '--text', 'x', '--reason'], /^caips: --reason needs a value \(usage: caips decide /],
	[['--db'], /^caips: --db needs a value \(caips --help\)$/],
	[['--db', '--demo'], /^caips: --db needs a value \(caips --help\)$/],
	[['queue', '-x'], /^caips: queue: unknown option -x \(usage: caips queue /],
	[['-q'], /^caips: -q is not an option of the workstation \(caips --help\)$/],
	[['next', '--limit'], /^caips: next: unknown option --limit \(usage: caips next \[QUEUE\]\)$/],
	// assess
	[['assess'], /^caips: missing FILE \(usage: caips assess FILE /],
	[['assess', 'a.json', 'b.json'], /^caips: unexpected argument "b\.json" \(usage: caips assess /],
	[['assess', 'a.json', '--as-of', '2026-02-30'], /^caips: --as-of: "2026-02-30" is not a calendar date/],
	// init, demo, import, export
	[['init', 'now'], /^caips: unexpected argument "now": init takes none .*\(usage: caips init\)$/],
	[['demo', 'big'], /^caips: unexpected argument "big" \(usage: caips demo /],
	[['demo', '--cases', 'many'], /^caips: --cases: "many" is not a whole number/],
	[['import'], /^caips: missing FILE \(application files; - reads standard input\) \(usage: caips import FILE…\)$/],
	[['export'], /^caips: missing APP \(usage: caips export APP /],
	[['export', APP, 'E000000102'], /^caips: unexpected argument "E000000102" \(usage: caips export /],
	[['export', APP, '--format', 'xml'], /^caips: --format: "xml" is not json or notes$/],
	// queue, next
	[['queue', '--filter', 'crs>>4'], /^caips: --filter: "crs>>4" — expected crs>=N, /],
	[['queue', '--filter', 'officer:'], /^caips: --filter: "officer:" — expected officer:USER, officer:me or officer:none/],
	[['queue', '--filter', 'name:"de la'], /^caips: --filter: "name:\\"de la" — expected a closing "/],
	[['queue', '--limit', '0'], /^caips: --limit: "0" is not a whole number from 1 to 1000$/],
	[['queue', '--sort', 'colour'], /^caips: --sort "colour": expected one of received, /],
	[['queue', 'save'], /^caips: save needs NAME \(usage: caips queue /],
	[['queue', 'save', 'CEC high'], /^caips: --filter Q is required: the cases the queue holds \(--filter "" for every received case\) \(usage: caips queue /],
	[['queue', 'save', 'CEC high', '--filter', 'crs>>4'], /^caips: --filter: "crs>>4" — expected crs>=N, /],
	[['queue', 'save', 'CEC high', '--filter', 'program:CEC', '--sort', 'colour'], /^caips: --sort "colour": expected one of received, /],
	[['queue', 'save', 'CEC high', '--filter', 'program:CEC', '--key', '12'], /^caips: --key: "12" is not a digit 0–9$/],
	[['queue', 'save', 'CEC high', '--filter', 'program:CEC', '--limit', '5'], /^caips: --limit is an option of the queue listing, not of queue save \(usage: caips queue /],
	[['queue', 'Unassigned', '--replace'], /^caips: --replace is an option of queue save, not of the queue listing \(usage: caips queue /],
	[['queue', 'delete'], /^caips: delete needs NAME \(usage: caips queue /],
	[['queue', 'delete', 'CEC high', '--filter', 'x'], /^caips: --filter is an option of queue save, not of queue delete \(usage: caips queue /],
	[['next', '--limit', '3'], /^caips: next: unknown option --limit \(usage: caips next \[QUEUE\]\)$/],
	// case
	[['case'], /^caips: missing the subcommand show \(usage: caips case show APP/],
	[['case', 'open', APP], /^caips: unknown subcommand "open" \(usage: caips case show APP/],
	[['case', 'show'], /^caips: missing APP \(usage: caips case show APP/],
	[['case', 'show', APP, 'E000000102'], /^caips: unexpected argument "E000000102" \(usage: caips case/],
	// assign
	[['assign'], /^caips: missing APP \(usage: caips assign APP --to USER\)$/],
	[['assign', APP], /^caips: --to USER is required: the officer to assign the case to \(me for yourself\) \(usage: caips assign /],
	[['assign', APP, '--to', ' '], /^caips: --to USER is required/],
	// note
	[['note'], /^caips: missing the subcommand add \(usage: caips note add /],
	[['note', 'edit', APP], /^caips: unknown subcommand "edit" \(usage: caips note add /],
	[['note', 'add'], /^caips: missing APP \(usage: caips note add /],
	[['note', 'add', APP], /^caips: missing the note: give --text T, --file F or - \(standard input\) \(usage: caips note add /],
	[['note', 'add', APP, '--text', 'a', '--file', 'f.txt'], /^caips: give the note with only one of --text, --file or - \(usage: /],
	[['note', 'add', APP, '--text', '  '], /^caips: --text: the note must not be blank$/],
	[['note', 'add', APP, 'hello', '--text', 'a'], /^caips: unexpected argument "hello" \(usage: caips note add /],
	[['note', 'add', APP, '--text', 'a', '--corrects', 'x'], /^caips: --corrects: "x" is not a note id$/],
	// document
	[['document'], /^caips: missing the subcommand add, list, show or verify \(usage: caips document /],
	[['document', 'remove', '3'], /^caips: unknown subcommand "remove" \(usage: caips document /],
	[['document', 'add', APP], /^caips: add needs FILE \(usage: caips document /],
	[['document', 'add', APP, 'x.txt'], /^caips: --kind K is required \(one of passport, .*\) \(usage: caips document /],
	[['document', 'add', APP, 'x.txt', '--kind', 'selfie'], /^caips: --kind: "selfie" is not one of passport, /],
	[['document', 'add', APP, 'x.txt', '--kind', 'other', '--media-type', 'pdf'], /^caips: --media-type: "pdf" is not a media type like application\/pdf$/],
	[['document', 'add', APP, 'x.txt', '--kind', 'other', '--title', ' '], /^caips: --title: must not be blank/],
	[['document', 'list'], /^caips: list needs APP \(usage: caips document /],
	[['document', 'list', APP, '--kind', 'other'], /^caips: --kind is an option of document add, not of document list \(usage: /],
	[['document', 'show', 'abc'], /^caips: show: "abc" is not a document id \(usage: caips document /],
	[['document', 'verify', APP, 'E000000102'], /^caips: verify: unexpected argument "E000000102" \(usage: caips document /],
	// assess-item
	[['assess-item', APP, '7'], /^caips: missing FINDING \(verified, not-credited or claimed\) \(usage: caips assess-item /],
	[['assess-item', APP, 'x', 'verified'], /^caips: "x" is not a work period id \(usage: caips assess-item /],
	[['assess-item', APP, '7', 'dubious'], /^caips: finding "dubious" is not verified, not-credited or claimed \(usage: /],
	[['assess-item', APP, '7', 'not-credited'], /^caips: --reason T is required: why the work period is not credited \(usage: /],
	[['assess-item', APP, '7', 'verified', '--reason', 'a', '--reason', 'b'], /^caips: --reason can be given only once \(usage: /],
	// decide
	[['decide', APP], /^caips: missing OUTCOME \(approve, refuse, rfi, pfl, withdraw, return\) \(usage: caips decide /],
	[['decide', APP, 'maybe'], /^caips: outcome "maybe" is not one of approve, refuse, rfi, pfl, withdraw, return \(usage: /],
	[['decide', APP, 'refuse', '--text', 'Hours short.'], /^caips: --reason CODE is required: a refusal cites at least one reason code \(usage: /],
	[['decide', APP, 'refuse', '--reason', 'cec-not-met'], /^caips: --text T is required: the reasons for the refusal \(usage: /],
	[['decide', APP, 'rfi'], /^caips: --text T is required: what is requested \(usage: /],
	[['decide', APP, 'pfl', '--text', ''], /^caips: --text T is required: the concerns, stated so the applicant can answer them \(usage: /],
	[['decide', APP, 'withdraw'], /^caips: --text T is required: the applicant's request to withdraw \(usage: /],
	[['decide', APP, 'return'], /^caips: --text T is required: which required item is missing \(usage: /],
	[['decide', APP, 'rfi', '--text', 'Send T4s', '--bf', 'soon'], /^caips: --bf: "soon" is not a calendar date/],
	[['decide', APP, 'rfi', '--text', 'Send T4s', '--bf', '2020-01-15'], /^caips: --bf: 2020-01-15 is not after today \(\d{4}-\d\d-\d\d\)$/],
	[['decide', APP, 'approve', '--bf', '2999-01-15'], /^caips: --bf: a bring-forward date goes with rfi or pfl, not approve$/],
	[['decide', APP, 'approve', '--expect-version', '0'], /^caips: --expect-version: "0" is not a case version$/],
	// review
	[['review', APP], /^caips: missing approve or return \(usage: caips review APP \(approve\|return\) \[--text T\]\)$/],
	[['review', APP, 'reject'], /^caips: "reject" is not approve or return \(usage: caips review /],
	[['review', APP, 'return'], /^caips: --text T is required: why the decision is returned \(usage: caips review /],
	[['review', APP, 'return', '--text', '   '], /^caips: --text T is required: why the decision is returned/],
	// pool, round, ita
	[['pool', 'CEC'], /^caips: unexpected argument "CEC" \(usage: caips pool /],
	[['pool', '--program', 'XYZ'], /^caips: --program: "XYZ" is not one of CEC, FSW, FST, PNP$/],
	[['round', 'now', '--size', '3'], /^caips: unexpected argument "now" \(usage: caips round /],
	[['round', '--at', '2026-08-05T14:00:00Z'], /^caips: --size is required: how many invitations to issue \(usage: caips round /],
	[['round', '--size', '3'], /^caips: --at is required: the instant of the round, e\.g\. 2026-08-05T14:00:00Z \(usage: caips round /],
	[['ita', 'expire', '--as-of', 'yesterday'], /^caips: --as-of: "yesterday" is not a calendar date/],
	// audit, officer
	[['audit'], /^caips: missing the subcommand verify \(usage: caips audit verify\)$/],
	[['audit', 'check'], /^caips: unknown subcommand "check" \(usage: caips audit verify\)$/],
	[['audit', 'verify', 'now'], /^caips: unexpected argument "now" \(usage: caips audit verify\)$/],
	[['officer'], /^caips: missing the subcommand add, list or deactivate \(usage: caips officer /],
	[['officer', 'fire', 'bob'], /^caips: unknown subcommand "fire" \(usage: caips officer /],
	[['officer', 'add'], /^caips: missing USER \(usage: caips officer /],
	[['officer', 'add', 'erin'], /^caips: --role R is required: at least one of officer, supervisor, admin, auditor \(usage: /],
	[['officer', 'add', 'erin', '--role', 'boss'], /^caips: --role: "boss" is not one of officer, supervisor, admin, auditor$/],
	[['officer', 'list', 'all'], /^caips: unexpected argument "all" \(usage: caips officer /],
	[['officer', 'list', '--role', 'admin'], /^caips: --role is an option of officer add, not of officer list \(usage: /],
	[['officer', 'deactivate'], /^caips: missing USER \(usage: caips officer /],
];

describe('usage errors exit 2 with one line, before the store is touched', () => {
	for (const [args, message] of CASES) {
		it(args.join(' '), () => {
			const run = runCli(args, {env: {CAIPS_DB: db, CAIPS_OFFICER: 'alice'}});
			expect(run.stdout).toBe('');
			expect(run.stderr.endsWith('\n')).toBe(true);
			expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
			expect(run.stderr.trimEnd()).toMatch(message);
			expect(run.code).toBe(2);
		});
	}

	it('left no store behind', () => {
		expect(existsSync(join(work.dir, 'absent'))).toBe(false);
	});
});
