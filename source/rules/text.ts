/** Number formatting for criterion and factor details (en-CA: 1,560). */
const hoursFormat = new Intl.NumberFormat('en-CA', {maximumFractionDigits: 0});
const cadFormat = new Intl.NumberFormat('en-CA', {maximumFractionDigits: 0});

/** Hours rounded down to whole hours with thousands separators: 1559.9 → "1,559". */
export function formatHours(hours: number): string {
	return hoursFormat.format(Math.floor(hours + 1e-9));
}

/** Whole Canadian dollars with thousands separators: 15263 → "15,263". */
export function formatCad(cad: number): string {
	return cadFormat.format(cad);
}
