/**
 * `npm run bench`: measures what the issues set targets for and prints one line per figure.
 * Run from the repository root (it reads test/fixtures). `npm run bench -- rules` runs one group.
 */
import {benchDecisions} from './decisions.js';
import {benchPool, runPoolStep} from './pool.js';
import {benchQueues} from './queues.js';
import {benchRules} from './rules.js';
import {benchUi} from './ui.js';

const groups: Record<string, (root: string) => Promise<Record<string, number | string>> | Record<string, number | string>> = {
	rules: benchRules,
	decisions: benchDecisions,
	queues: benchQueues,
	pool: benchPool,
	ui: benchUi,
};

// One step of the pool bench, run by benchPool in a process of its own (see pool.ts).
if (process.argv[2] === '--pool-step') {
	console.log(JSON.stringify(await runPoolStep(process.argv[3]!, process.argv[4]!)));
	process.exit(0);
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in groups));
if (unknown.length > 0) {
	console.error(`npm run bench: no group ${unknown.map((name) => JSON.stringify(name)).join(', ')} (groups: ${Object.keys(groups).join(', ')})`);
	process.exit(2);
}
const root = process.cwd();
for (const [name, run] of Object.entries(groups)) {
	if (wanted.length > 0 && !wanted.includes(name)) continue;
	const figures = await run(root);
	for (const [label, value] of Object.entries(figures)) {
		console.log(`${name}: ${label}: ${typeof value === 'number' ? value.toLocaleString('en-CA') : value}`);
	}
}
