import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {
	CodecError,
	decodeBool,
	decodeDate,
	decodeInstant,
	decodeJson,
	decodeSet,
	encodeBool,
	encodeDate,
	encodeInstant,
	encodeJson,
	encodeJsonOrNull,
	encodeSet,
	instantDate,
	instantToDate,
	nowInstant,
} from '../../db/codec.js';
import {openStore} from '../../db/connect.js';
import {tempDir} from './helpers.js';

describe('instants', () => {
	it('encode to the canonical 24-character UTC form', () => {
		expect(encodeInstant(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 6)))).toBe('2024-01-02T03:04:05.006Z');
		expect(encodeInstant(0)).toBe('1970-01-01T00:00:00.000Z');
		expect(encodeInstant('2024-01-02T03:04:05Z')).toBe('2024-01-02T03:04:05.000Z');
		expect(encodeInstant('2024-01-02T03:04Z')).toBe('2024-01-02T03:04:00.000Z');
		expect(encodeInstant('2024-01-02T03:04:05.1Z')).toBe('2024-01-02T03:04:05.100Z');
		expect(encodeInstant('2024-01-02T03:04:05.123456789Z')).toBe('2024-01-02T03:04:05.123Z');
		expect(encodeInstant('2024-01-02T00:30:00-05:00')).toBe('2024-01-02T05:30:00.000Z');
		expect(encodeInstant('2024-01-02T00:30:00+0130')).toBe('2024-01-01T23:00:00.000Z');
		expect(encodeInstant(null)).toBeNull();
	});

	it('refuse text without a zone, impossible dates and garbage', () => {
		for (const bad of ['2024-01-02T03:04:05', '2024-02-30T00:00:00Z', '2024-01-02 03:04:05Z', '2024-01-02T24:00:00Z', 'yesterday', '']) {
			expect(() => encodeInstant(bad), bad).toThrow(CodecError);
		}
		expect(() => encodeInstant(new Date(NaN))).toThrow(CodecError);
	});

	it('sort as text in time order', () => {
		const xs = ['2024-01-02T03:04:05.5Z', '2023-12-31T23:59:59Z', '2024-01-02T03:04:05.05Z'].map((x) => encodeInstant(x));
		expect([...xs].sort()).toEqual([...xs].sort((a, b) => Date.parse(a) - Date.parse(b)));
	});

	it('decode, convert and take the UTC date', () => {
		expect(decodeInstant('2024-05-01T23:30:00.000Z')).toBe('2024-05-01T23:30:00.000Z');
		expect(decodeInstant('2024-05-01T23:30:00Z')).toBe('2024-05-01T23:30:00.000Z');
		expect(decodeInstant(null)).toBeNull();
		expect(instantToDate('2024-05-01T23:30:00.000Z').getTime()).toBe(Date.UTC(2024, 4, 1, 23, 30));
		expect(instantDate('2024-05-01T23:30:00-05:00')).toBe('2024-05-02');
		expect(nowInstant(() => new Date(Date.UTC(2030, 5, 6)))).toBe('2030-06-06T00:00:00.000Z');
	});
});

describe('calendar dates', () => {
	it('validate YYYY-MM-DD', () => {
		expect(encodeDate('2024-02-29')).toBe('2024-02-29');
		expect(encodeDate(new Date(Date.UTC(2024, 11, 31, 23)))).toBe('2024-12-31');
		expect(decodeDate(null)).toBeNull();
		for (const bad of ['2023-02-29', '2024-13-01', '2024-04-31', '2024-1-01', '2024-01-01T00:00:00Z', '1900-02-29']) {
			expect(() => encodeDate(bad), bad).toThrow(CodecError);
		}
		expect(encodeDate('2000-02-29')).toBe('2000-02-29');
	});
});

describe('booleans, JSON and sets', () => {
	it('booleans are 0/1', () => {
		expect(encodeBool(true)).toBe(1);
		expect(encodeBool(false)).toBe(0);
		expect(decodeBool(1)).toBe(true);
		expect(decodeBool(0n)).toBe(false);
		expect(decodeBool(null)).toBeNull();
		expect(() => decodeBool(2)).toThrow(CodecError);
	});

	it('JSON round-trips and refuses what JSON cannot hold', () => {
		expect(decodeJson(encodeJson({a: [1, 'é', null]}))).toEqual({a: [1, 'é', null]});
		expect(encodeJson(null)).toBe('null');
		expect(encodeJsonOrNull(undefined)).toBeNull();
		expect(() => encodeJson(undefined)).toThrow(CodecError);
		expect(() => encodeJson(1n)).toThrow(CodecError);
		expect(() => decodeJson('{oops')).toThrow(CodecError);
		expect(decodeJson(null)).toBeNull();
	});

	it('sets are sorted JSON arrays without duplicates', () => {
		expect(encodeSet(['supervisor', 'officer', 'officer'])).toBe('["officer","supervisor"]');
		expect(decodeSet('["officer","supervisor"]')).toEqual(['officer', 'supervisor']);
		expect(decodeSet(null)).toEqual([]);
		expect(() => decodeSet('{"a":1}')).toThrow(CodecError);
	});
});

describe('codec through the store', () => {
	const tmp = tempDir();
	afterAll(() => tmp.cleanup());

	it('stores and reads back encoded values unchanged', async () => {
		const store = await openStore(path.join(tmp.dir, 'codec.db'));
		const at = encodeInstant(new Date(Date.UTC(2024, 6, 1, 12, 0, 0, 250)));
		await store.transaction((trx) =>
			trx
				.insertInto('officers')
				.values({user_name: 'o', display_name: 'Ö', roles: encodeSet(['officer']), active: encodeBool(true), created_at: at})
				.execute(),
		);
		const row = await store.db.selectFrom('officers').selectAll().executeTakeFirstOrThrow();
		expect(decodeInstant(row.created_at)).toBe('2024-07-01T12:00:00.250Z');
		expect(decodeBool(row.active)).toBe(true);
		expect(decodeSet(row.roles)).toEqual(['officer']);
		await expect(
			store.transaction((trx) => trx.updateTable('officers').set({created_at: new Date() as unknown as string}).execute()),
		).rejects.toThrow(/JS Date/);
		await store.close();
	});
});
