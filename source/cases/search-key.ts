/**
 * Folding names for search: case, accents and Unicode normal form are ignored, so "cote",
 * "Côté" and "CÔTÉ" (NFC or NFD) all match (DESIGN.md filter language).
 */

/** Lower-case, accent-free, NFC form of `text` for matching; other scripts are kept as they are. */
export function foldForSearch(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFC');
}

/** The `search_key` column for a case: folded family and given names, UCI digits, application number. */
export function caseSearchKey(familyName: string, givenNames: string, uci: string, applicationNumber: string): string {
	return [foldForSearch(familyName), foldForSearch(givenNames), uci.replace(/-/g, ''), applicationNumber.toLowerCase()].join(' ');
}
