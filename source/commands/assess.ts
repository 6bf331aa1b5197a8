/**
 * `caips assess FILE [--as-of DATE] [--json]`: assesses the application(s) in an application
 * file without storing anything. `--json` prints the CLI-contract shape (one object, or an
 * array when the file holds several applications); otherwise a readable breakdown.
 */
import {parseApplicationFile} from '../format/parse.js';
import {assess} from '../rules/assess.js';
import {assessmentLines} from '../report/assessment-text.js';
import {safeText} from '../ui/terminal-text.js';
import {dateFlag, type Command} from './context.js';
import {CliError, EXIT} from './exit-codes.js';
import {readInputText} from './read-input.js';
import {expectPositionals} from './usage.js';

export const assessCommand: Command = async ({args, flags, stdout, today}) => {
	expectPositionals('assess', args, ['FILE']);
	const asOf = dateFlag(flags, 'asOf', '--as-of') ?? today;
	if (asOf < '2015-01-01') throw new CliError(EXIT.usage, `--as-of: ${asOf} is before Express Entry began (2015-01-01)`);
	const file = args[0]!;
	const applications = parseApplicationFile(await readInputText(file), file);
	const assessments = applications.map((application) => assess(application, asOf));
	if (flags.json) {
		stdout.write(JSON.stringify(assessments.length === 1 ? assessments[0] : assessments, null, 2) + '\n');
		return EXIT.ok;
	}
	const blocks = applications.map((application, index) => {
		const person = application.applicant;
		const header = `${application.applicationNumber}  ${safeText(person.familyName)}, ${safeText(person.givenNames)}  UCI ${application.uci}  program ${application.program}`;
		return [header, ...assessmentLines(assessments[index]!)].join('\n');
	});
	stdout.write(blocks.join('\n\n') + '\n');
	return EXIT.ok;
};
