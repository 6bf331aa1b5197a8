/**
 * An audit event's detail (the JSON object the store records with it) as short readable text for
 * the case's History tab: `outcome approve, version 3` instead of `{"outcome":"approve","version":3}`.
 */
import {safeText} from './terminal-text.js';

/**
 * `detail` as `key value` pairs in the store's order, separated by `, `: strings made safe for
 * the terminal (one line), null as `none`, a list as its items separated by spaces (`none` when
 * empty), a change `{from, to}` as `from → to`, another object as `(key value, …)`. Null or an
 * empty object is ''. The text is not cut: the caller fits it to the line.
 */
export function auditDetailText(detail: Readonly<Record<string, unknown>> | null | undefined): string {
	if (!detail) return '';
	return pairsOf(detail);
}

function pairsOf(object: Readonly<Record<string, unknown>>): string {
	return Object.entries(object)
		.filter(([, value]) => value !== undefined)
		.map(([key, value]) => `${safeText(key)} ${valueText(value)}`)
		.join(', ');
}

function valueText(value: unknown): string {
	if (value === null || value === undefined) return 'none';
	if (typeof value === 'string') return value === '' ? '""' : safeText(value);
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(valueText).join(' ');
	if (typeof value === 'object') {
		const keys = Object.keys(value);
		const change = value as {from?: unknown; to?: unknown};
		if (keys.length === 2 && 'from' in change && 'to' in change) return `${valueText(change.from)} → ${valueText(change.to)}`;
		return keys.length === 0 ? 'none' : `(${pairsOf(value as Record<string, unknown>)})`;
	}
	return safeText(String(value));
}
