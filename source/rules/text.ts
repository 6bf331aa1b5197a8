/** Number formatting for criterion and factor details (en-CA style: 1,560). */

/** A comma goes before every run of three digits that ends a run of digits, inside a number. */
const GROUPS = /\B(?=(\d{3})+(?!\d))/g;

/**
 * An integer with comma thousands separators: 15263 → "15,263", -1234 → "-1,234".
 * A plain loop over `String(n)` (an assessment formats several figures, a pool ranks 250,000);
 * text that is not an optionally signed run of digits (NaN, Infinity, 1.5e+21) goes through
 * {@link GROUPS}, the rule the loop implements.
 */
export function grouped(n: number): string {
	const text = String(n);
	const sign = text.charCodeAt(0) === 45 ? 1 : 0;
	const length = text.length;
	if (length - sign <= 3) return text;
	for (let i = sign; i < length; i++) {
		const code = text.charCodeAt(i);
		if (code < 48 || code > 57) return text.replace(GROUPS, ',');
	}
	const head = sign + ((length - sign) % 3 || 3);
	let out = text.slice(0, head);
	for (let i = head; i < length; i += 3) out += ',' + text.slice(i, i + 3);
	return out;
}

/** Hours rounded down to whole hours with thousands separators: 1559.9 → "1,559". */
export function formatHours(hours: number): string {
	return grouped(Math.floor(hours + 1e-9));
}

/** Whole Canadian dollars with thousands separators: 15263 → "15,263". */
export function formatCad(cad: number): string {
	return grouped(Math.round(cad));
}
