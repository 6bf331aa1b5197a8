/** `caips review`: not built yet (placeholder so the command table stays complete). */
import type {Command} from './context.js';
import {CliError, EXIT} from './exit-codes.js';

export const reviewCommand: Command = async () => {
	throw new CliError(EXIT.usage, 'caips review is not available in this build yet');
};
