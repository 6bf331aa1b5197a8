/**
 * Why a store cannot be opened, in words (db/open-errors.ts): the system's error codes are said
 * once, in words, and the file or the directory at fault is named.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {errnoWords, openProblem, reasonOf} from '../../db/open-errors.js';
import {tempDir} from './helpers.js';

const tmp = tempDir('caips-open-errors-');
afterAll(() => tmp.cleanup());

/** An error as Node's fs functions make it. */
const fsError = (code: string, syscall: string, target: string) =>
	Object.assign(new Error(`${code}: ${code === 'EACCES' ? 'permission denied' : 'i/o error'}, ${syscall} '${target}'`), {code, syscall, path: target, errno: -13});

describe('reasonOf and errnoWords', () => {
	it('says a system error once, in words, naming the directory it could not create', () => {
		expect(reasonOf(fsError('EACCES', 'mkdir', '/srv/caips'))).toBe('cannot create the directory /srv/caips: permission denied');
		expect(reasonOf(fsError('EACCES', 'open', '/srv/caips/caips.db'))).toBe('permission denied (/srv/caips/caips.db)');
		expect(errnoWords(fsError('EIO', 'read', '/x'))).toBe('i/o error');
		expect(reasonOf(fsError('EACCES', 'mkdir', '/srv/caips'))).not.toMatch(/EACCES/);
	});

	it('names SQLite\'s refusals in words', () => {
		expect(reasonOf(Object.assign(new Error('SQLITE_NOTADB: file is not a database'), {code: 'SQLITE_NOTADB'}))).toBe('the file is not an SQLite database');
		expect(reasonOf(Object.assign(new Error('SQLITE_READONLY: attempt to write a readonly database'), {code: 'SQLITE_READONLY'}))).toBe('the file is read-only');
	});
});

describe('openProblem', () => {
	it('nothing is missing to write a store in a writable directory, or to read an existing one', () => {
		const file = path.join(tmp.dir, 'ok.db');
		expect(openProblem(file, false)).toBeNull();
		writeFileSync(file, '');
		expect(openProblem(file, false)).toBeNull();
		expect(openProblem(file, true)).toBeNull();
	});

	it('a directory in place of the file, and a missing file to read, are named', () => {
		const dir = path.join(tmp.dir, 'a-dir.db');
		mkdirSync(dir);
		expect(openProblem(dir, false)).toBe('it is a directory, not a store file');
		expect(openProblem(dir, true)).toBe('it is a directory, not a store file');
		expect(openProblem(path.join(tmp.dir, 'absent.db'), true)).toBe('no such file');
	});
});
