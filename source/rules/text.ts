/** Number formatting for criterion and factor details (en-CA style: 1,560). */

/** An integer with comma thousands separators: 15263 → "15,263". */
function grouped(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Hours rounded down to whole hours with thousands separators: 1559.9 → "1,559". */
export function formatHours(hours: number): string {
	return grouped(Math.floor(hours + 1e-9));
}

/** Whole Canadian dollars with thousands separators: 15263 → "15,263". */
export function formatCad(cad: number): string {
	return grouped(Math.round(cad));
}
