/**
 * NOC 2021 classification used by Express Entry since 2022-11-16 (rules.md §1): a five-digit
 * unit group code whose second digit is the TEER category. Applications are classified by the
 * five-digit code and its TEER, never by converting an old NOC 2016 skill level.
 */

/** TEER category (0–5) of a five-digit NOC 2021 code. */
export function teerOf(nocCode: string): number {
	return nocCode.charCodeAt(1) - 48;
}

/** True for TEER 0, 1, 2 or 3: "skilled" for CEC, FSW, FST and CRS (TEER 4 and 5 are not). */
export function isSkilled(nocCode: string): boolean {
	const teer = teerOf(nocCode);
	return teer >= 0 && teer <= 3;
}

/** NOC major group 00 (senior management), which earned 200 arranged-employment CRS points before 2025-03-25. */
export function isSeniorManagement(nocCode: string): boolean {
	return nocCode.startsWith('00');
}

/**
 * The FST trade group a NOC 2021 code belongs to, or null when it is not a skilled trade
 * under IRPR s. 87.2: major groups 72 (less sub-major 726), 73, 82, 83, 92, 93 (less 932),
 * minor group 6320 and unit group 62200 (rules.md §4; list marked [MEM], to re-check).
 */
export function fstTradeGroup(nocCode: string): string | null {
	const major = nocCode.slice(0, 2);
	if (major === '72') return nocCode.startsWith('726') ? null : 'Major Group 72';
	if (major === '73' || major === '82' || major === '83' || major === '92') return `Major Group ${major}`;
	if (major === '93') return nocCode.startsWith('932') ? null : 'Major Group 93';
	if (nocCode.startsWith('6320')) return 'Minor Group 6320';
	if (nocCode === '62200') return 'Unit Group 62200';
	return null;
}
