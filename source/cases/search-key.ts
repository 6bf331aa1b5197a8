/**
 * Folding names for search: case, accents, Unicode normal form and compatibility forms are
 * ignored, so "cote", "Côté" and "CÔTÉ" (NFC or NFD) all match, and so do "wide" and the
 * full-width "ＷＩＤＥ" (DESIGN.md filter language).
 *
 * The `search_key` column holds this fold; migration 0004 (db/migrations/0004_search_key_nfkc.ts)
 * recomputed it for stores written before compatibility forms were folded. A change to the fold
 * needs a migration that recomputes the column again (test/db/search-key-migration.test.ts
 * checks that the migration and {@link caseSearchKey} agree).
 */

/**
 * Lower-case, accent-free NFKC form of `text` for matching: compatibility characters become
 * their plain form (full-width and half-width letters and digits, ligatures such as "ﬁ",
 * ideographic and no-break spaces), combining marks are dropped; other scripts keep their letters.
 */
export function foldForSearch(text: string): string {
	return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().normalize('NFKC');
}

/** The `search_key` column for a case: folded family and given names, UCI digits, application number. */
export function caseSearchKey(familyName: string, givenNames: string, uci: string, applicationNumber: string): string {
	return [foldForSearch(familyName), foldForSearch(givenNames), uci.replace(/-/g, ''), applicationNumber.toLowerCase()].join(' ');
}
