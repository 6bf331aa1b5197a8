/** `caips import`: not built yet (placeholder so the command table stays complete). */
import type {Command} from './context.js';
import {CliError, EXIT} from './exit-codes.js';

export const importCommand: Command = async () => {
	throw new CliError(EXIT.usage, 'caips import is not available in this build yet');
};
