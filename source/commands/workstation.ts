/**
 * `caips` with no command: opens the workstation when standard input and output are a
 * terminal; otherwise exits 2 with a one-line hint (CLI contract).
 */
import {CliError, EXIT} from './exit-codes.js';

export async function openWorkstation(_options: {flags: Record<string, unknown>; env: NodeJS.ProcessEnv}): Promise<number> {
	if (process.stdin.isTTY !== true || process.stdout.isTTY !== true) {
		throw new CliError(EXIT.usage, 'the workstation needs a terminal; for scripts use a command such as "caips queue --json" (caips --help)');
	}
	throw new CliError(EXIT.usage, 'the workstation is not available in this build yet; see caips --help for the commands');
}
