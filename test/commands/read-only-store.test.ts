/**
 * A store the user cannot write (CLI contract: read commands still work). The CLI runs as a user
 * who really cannot write the store: as root (where permissions do not bind) it runs as `nobody`
 * (uid 65534) on root's 0644 files; otherwise the file and its directory are chmod-ed. Reads
 * (`queue`, `case show`, `audit verify`, `pool`, `round --dry-run`) exit 0 and say on stderr that they were not recorded in
 * the audit trail; writes exit 69 with one line blaming the file or the directory, whichever is
 * at fault. test/db/read-only.test.ts covers the read-only store itself whoever runs the tests.
 */
import {spawnSync} from 'node:child_process';
import {chmodSync, chownSync, mkdirSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openStore} from '../../db/index.js';
import {tempDir} from '../db/helpers.js';
import {CLI, ROOT, runCli, type Run} from '../helpers/cli.js';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
/** As root, running as another user needs the right to switch (absent in some containers). */
const canSwitch = isRoot && spawnSync(process.execPath, ['-e', ''], {uid: NOBODY, gid: NOBODY}).status === 0;
const canTest = process.platform !== 'win32' && (!isRoot || canSwitch);

const work = tempDir('caips-cli-read-only-');
const dir = join(work.dir, 'store');
const db = join(dir, 'caips.db');
const APP = 'E000000101';

/** Runs the CLI as a user who cannot write what {@link lockStore} locked. */
function reader(args: string[]): Run {
	const result = spawnSync(process.execPath, [CLI, ...args], {
		encoding: 'utf8',
		cwd: ROOT,
		env: {...process.env, NO_COLOR: '1', HOME: work.dir, CAIPS_DB: db, CAIPS_OFFICER: 'alice'},
		input: '',
		timeout: 60_000,
		...(isRoot ? {uid: NOBODY, gid: NOBODY} : {}),
	});
	return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr};
}

/** Makes the store unwritable for {@link reader}: the file, and the directory unless `directoryToo` is false. */
function lockStore({fileToo, directoryToo}: {fileToo: boolean; directoryToo: boolean}): void {
	if (isRoot) {
		// Root's files, 0644 in a 0755 directory: nobody reads them and writes none. A file
		// that nobody may write is given to nobody.
		chmodSync(work.dir, 0o755);
		chownSync(db, fileToo ? 0 : NOBODY, fileToo ? 0 : NOBODY);
		chmodSync(db, 0o644);
		chownSync(dir, directoryToo ? 0 : NOBODY, directoryToo ? 0 : NOBODY);
		chmodSync(dir, 0o755);
	} else {
		chmodSync(db, fileToo ? 0o444 : 0o644);
		chmodSync(dir, directoryToo ? 0o555 : 0o755);
	}
}

function unlock(): void {
	if (isRoot) {
		chownSync(db, 0, 0);
		chownSync(dir, 0, 0);
	}
	chmodSync(dir, 0o755);
	chmodSync(db, 0o644);
}

function oneLine(run: Run, code: number, pattern: RegExp): void {
	expect(run.code, run.stderr).toBe(code);
	expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
	expect(run.stderr.trimEnd()).toMatch(pattern);
	expect(run.stderr).not.toMatch(/EACCES/);
}

const NOT_RECORDED = `caips: note: the store at ${db} is read-only for you, so this read was not recorded in its audit trail\n`;

beforeAll(() => {
	mkdirSync(dir, {recursive: true});
	const env = {CAIPS_DB: db, CAIPS_OFFICER: 'alice'};
	expect(runCli(['init'], {env}).code).toBe(0);
	expect(runCli(['import', join(ROOT, 'test', 'fixtures', 'applications', 'V01.json')], {env}).code).toBe(0);
});
afterAll(() => {
	unlock();
	work.cleanup();
});

/** The number of events in the store's audit trail (opened by the test's own user, who may write it). */
async function auditEvents(): Promise<number> {
	const store = await openStore(db);
	try {
		return (await store.db.selectFrom('audit_events').select('seq').execute()).length;
	} finally {
		await store.close();
	}
}

let eventsBefore = 0;

describe.runIf(canTest)('a store the user cannot write', () => {
	beforeAll(async () => {
		eventsBefore = await auditEvents();
		expect(eventsBefore).toBeGreaterThan(0);
	});

	for (const directoryToo of [true, false]) {
		describe(directoryToo ? 'file and directory read-only' : 'file read-only, directory writable', () => {
			beforeAll(() => lockStore({fileToo: true, directoryToo}));
			afterAll(unlock);

			it('caips queue lists, and says the listing was not recorded', () => {
				const run = reader(['queue', '--json']);
				expect(run.stderr).toBe(NOT_RECORDED);
				expect(run.code).toBe(0);
				expect(JSON.parse(run.stdout)).toMatchObject({queue: 'All cases'});
			});

			it('caips case show shows the case', () => {
				const run = reader(['case', 'show', APP]);
				expect(run.stderr).toBe(NOT_RECORDED);
				expect(run.code).toBe(0);
				expect(run.stdout).toMatch(new RegExp(`^${APP} `));
			});

			it('caips audit verify checks the trail', () => {
				const run = reader(['audit', 'verify', '--json']);
				expect(run.stderr).toBe(NOT_RECORDED);
				expect(run.code).toBe(0);
				expect(JSON.parse(run.stdout)).toMatchObject({ok: true});
			});

			it('caips pool ranks and caips round --dry-run simulates; a real round is a write (69)', () => {
				const pool = reader(['pool', '--as-of', '2026-08-05', '--json']);
				expect(pool.stderr).toBe(NOT_RECORDED);
				expect(pool.code).toBe(0);
				expect(JSON.parse(pool.stdout)).toMatchObject({asOf: '2026-08-05'});
				const dry = reader(['round', '--size', '1', '--at', '2026-08-05T14:00:00Z', '--dry-run', '--json']);
				expect(dry.code, dry.stderr).toBe(0);
				expect(JSON.parse(dry.stdout)).toMatchObject({round: {dryRun: true, size: 1}});
				expect(reader(['round', '--size', '1', '--at', '2026-08-05T14:00:00Z']).code).toBe(69);
			});

			it('a write exits 69 blaming the file; nothing is left beside the store', () => {
				oneLine(reader(['note', 'add', APP, '--text', 'hello']), 69, new RegExp(`^caips: cannot open the caips store at ${db}: the file is not writable by you \\(permission denied\\)$`));
				expect(readdirSync(dir)).toEqual(['caips.db']);
			});
		});
	}

	describe('file writable, directory read-only', () => {
		beforeAll(() => lockStore({fileToo: false, directoryToo: true}));
		afterAll(unlock);

		it('a write exits 69 blaming the directory', () => {
			oneLine(reader(['note', 'add', APP, '--text', 'hello']), 69, new RegExp(`^caips: cannot open the caips store at ${db}: its directory ${dir} is not writable by you \\(permission denied\\); SQLite keeps the store's -wal and -shm files beside it$`));
		});

		it('a read still works', () => {
			const run = reader(['queue']);
			expect(run.stderr).toBe(NOT_RECORDED);
			expect(run.code).toBe(0);
		});

		it('a store cannot be created there, and the message says why once', () => {
			const other = join(dir, 'new.db');
			oneLine(reader(['--db', other, 'init']), 69, new RegExp(`^caips: cannot open the caips store at ${other}: cannot create the store in ${dir}: permission denied$`));
			const deeper = join(dir, 'sub', 'new.db');
			oneLine(reader(['--db', deeper, 'init']), 69, new RegExp(`^caips: cannot open the caips store at ${deeper}: cannot create the directory ${join(dir, 'sub')}: permission denied$`));
		});
	});

	it('the reads were not recorded: the trail holds what it held before', async () => {
		expect(await auditEvents()).toBe(eventsBefore);
	});
});
