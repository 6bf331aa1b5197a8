/** The `caips --help` text, generated from the command registry: each usage, its summary beneath. */
import {COMMANDS} from './registry.js';

export function helpText(): string {
	const entries = [{usage: 'caips', summary: 'open the workstation (needs a terminal)'}, ...COMMANDS];
	return `caips: the Express Entry officer's workstation

Usage
${entries.map(({usage, summary}) => `  ${usage}\n      ${summary}`).join('\n')}

Global options
  --db PATH     the store (default $CAIPS_DB, else $XDG_DATA_HOME/caips/caips.db)
  --json        machine-readable output on stdout
  --debug       show stack traces on errors
  --help        this text
  --version     the version

Exit codes: 0 ok, 1 check failed, 2 usage, 65 bad input, 69 store unavailable,
75 busy or conflict (retry), 77 not permitted, 78 configuration error.`;
}
