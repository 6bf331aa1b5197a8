/** `caips decide`: not built yet (placeholder so the command table stays complete). */
import type {Command} from './context.js';
import {CliError, EXIT} from './exit-codes.js';

export const decideCommand: Command = async () => {
	throw new CliError(EXIT.usage, 'caips decide is not available in this build yet');
};
