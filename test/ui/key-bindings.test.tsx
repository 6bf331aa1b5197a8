/**
 * Every command of the registry (keymap.ts COMMANDS), through every one of its default keys, on
 * a fresh workstation: the key does what its description says. A command added to the registry
 * without a scenario here fails the first test.
 */
import {describe, expect, it} from 'vitest';
import {COMMANDS} from '../../source/ui/keymap.js';
import {CASES, FakePort, numberOf} from './fake-port.js';
import {KEY, openCase, openWorkstation, switchToQueue, type Rendered, useUiTestHooks} from './render-app.js';

useUiTestHooks();

/** What a terminal sends for each key name of the key map. */
const SEQUENCE: Record<string, string> = {
	up: KEY.up,
	down: KEY.down,
	left: KEY.left,
	right: KEY.right,
	pageup: KEY.pageUp,
	pagedown: KEY.pageDown,
	home: KEY.home,
	end: KEY.end,
	enter: KEY.enter,
	escape: KEY.escape,
	tab: KEY.tab,
	backtab: KEY.backtab,
	space: ' ',
};

function sequenceOf(name: string): string {
	if (SEQUENCE[name]) return SEQUENCE[name]!;
	const ctrl = /^ctrl\+([a-z])$/.exec(name);
	if (ctrl) return String.fromCharCode(ctrl[1]!.charCodeAt(0) - 96);
	return name;
}

type Scenario = {
	/** Puts the workstation where the command applies. */
	setup?: (app: Rendered) => Promise<void>;
	/** Checks the effect after the key. */
	check: (app: Rendered, fake: FakePort) => Promise<unknown>;
};

const inCase = (number: string = CASES.helene) => async (app: Rendered) => {
	await openCase(app, number);
};

const selected = (number: string) => (app: Rendered) => app.waitFor(() => app.selectedLine()?.includes(number) ?? false, `${number} selected`);

const SCENARIOS: Record<string, Scenario> = {
	'move.down': {check: selected(numberOf(1))},
	'move.up': {setup: (app) => app.press('j', 'j').then(() => undefined), check: selected(numberOf(1))},
	'move.first': {setup: (app) => app.press('G').then(() => undefined), check: selected(numberOf(0))},
	'move.last': {check: selected(numberOf(25))},
	'page.down': {check: (app) => app.waitFor((f) => f.includes('7–26 of 26') && (app.selectedLine()?.includes(numberOf(20)) ?? false), 'a page down')},
	'page.up': {setup: (app) => app.press('G').then(() => undefined), check: (app) => app.waitFor((f) => f.includes('1–20 of 26') && (app.selectedLine()?.includes(numberOf(5)) ?? false), 'a page up')},
	open: {check: (app) => app.waitForText('[1 Summary]', `Application ${numberOf(0)}`)},
	back: {setup: inCase(), check: (app) => app.waitForText('1–1 of 1', 'filter: E000100100')},
	filter: {check: (app) => app.waitForText('Enter keeps, Esc clears')},
	palette: {check: (app) => app.waitForText('> Move down')},
	help: {check: (app) => app.waitForText('Keys (Esc or ? to close')},
	'queues.next': {check: (app) => app.waitForText('[Unassigned (12)]')},
	'queues.previous': {check: (app) => app.waitForText('[2 High CRS (14)]')},
	'sort.next': {check: (app) => app.waitForText('CRS↑', 'sorted by crs')},
	'sort.reverse': {check: (app) => app.waitForText('Received↓')},
	'queue.save': {check: (app) => app.waitFor((f) => f.split('\n').at(-1)!.startsWith('Save this view as queue, name:'), 'the name prompt')},
	'tab.next': {setup: inCase(), check: (app) => app.waitForText('[2 Eligibility]')},
	'tab.previous': {setup: inCase(), check: (app) => app.waitForText('[6 History]')},
	'note.add': {setup: inCase(), check: (app) => app.waitForText(`New note for ${CASES.helene}`)},
	decide: {setup: inCase(), check: (app) => app.waitForText(`Decision on ${CASES.helene}`)},
	review: {
		setup: async (app) => {
			await switchToQueue(app, 'All cases');
			await openCase(app, CASES.pendingByColleague);
		},
		check: (app) => app.waitForText(`Review of ${CASES.pendingByColleague}`),
	},
	'assign.me': {
		setup: async (app) => {
			await switchToQueue(app, 'Unassigned');
		},
		check: async (app, fake) => {
			await app.waitForText(`assigned ${CASES.firstUnassigned} to you`);
			expect(fake.callsOf('assignToMe')).toEqual([[CASES.firstUnassigned]]);
		},
	},
	'take.next': {
		check: async (app, fake) => {
			await app.waitForText(`Application ${CASES.firstUnassigned}`);
			expect(fake.callsOf('takeNext')).toEqual([['Unassigned']]);
		},
	},
	'bring-forward': {setup: inCase(), check: (app) => app.waitForText('Bring-forward date (YYYY-MM-DD')},
	refresh: {
		check: async (app, fake) => {
			await app.waitForText('refreshed');
			expect(fake.callsOf('queues').length).toBeGreaterThanOrEqual(2);
		},
	},
	'pool.open': {
		check: async (app, fake) => {
			await app.waitForText('Pool on 2026-11-29', 'Rank');
			expect(fake.callsOf('pool').length).toBeGreaterThanOrEqual(1);
		},
	},
	'rounds.open': {check: (app) => app.waitForText('Rounds of invitations', 'Tie-break')},
	tag: {check: async (app) => app.waitFor((f) => new RegExp(`^\\* ${numberOf(0)}`, 'm').test(f) && (app.selectedLine()?.includes(numberOf(1)) ?? false), 'the first row tagged')},
	quit: {check: (app) => app.waitFor(() => app.exited(), 'the app to exit')},
};

describe('every command has a scenario', () => {
	it('the registry and the scenarios name the same commands', () => {
		expect(Object.keys(SCENARIOS).sort()).toEqual(COMMANDS.map((c) => c.id).sort());
	});
});

describe.each(COMMANDS.map((command) => [command.id, command] as const))('%s', (_id, command) => {
	it.each(command.keys.map((key) => [key]))(`key %s: ${command.description}`, async (key) => {
		const fake = new FakePort();
		const app = await openWorkstation({fake});
		const scenario = SCENARIOS[command.id]!;
		await scenario.setup?.(app);
		await app.press(sequenceOf(key));
		await scenario.check(app, fake);
	});
});
