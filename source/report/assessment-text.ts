/**
 * The plain-text breakdown of an assessment, shared by `caips assess`, `caips case show` and the
 * GCMS-style notes export: each CRS section and factor with its points and the caps applied,
 * then each program's criteria with pass/fail, detail and legal source. Lines only, no colour.
 */
import type {Assessment, ClbSummary} from '../rules/assess.js';
import type {CrsSection} from '../rules/crs.js';
import {padWidth, safeText} from '../text/terminal-text.js';

const SECTIONS: Array<[CrsSection, string]> = [
	['core', 'A. Core / human capital'],
	['spouse', 'B. Spouse or common-law partner'],
	['transferability', 'C. Skill transferability'],
	['additional', 'D. Additional points'],
];

function clbLine(label: string, result: ClbSummary | null): string {
	if (!result) return `${label} none`;
	const scale = result.language === 'fr' ? 'NCLC' : 'CLB';
	return `${label} ${result.language === 'fr' ? 'French ' : 'English'} ${scale} L ${result.L}  R ${result.R}  W ${result.W}  S ${result.S}`;
}

/**
 * Renders `assessment` as lines of plain text (already safe for a terminal: details that quote
 * the file, such as ECA references, are sanitised).
 */
export function assessmentLines(assessment: Assessment): string[] {
	const lines: string[] = [];
	lines.push(`Assessment as of ${assessment.asOf}, rules of ${assessment.rulesVersion}`);
	lines.push('');
	lines.push('Language (first and second official language, per ability)');
	lines.push(`  ${clbLine('Applicant first: ', assessment.clb.applicant.first)}`);
	lines.push(`  ${clbLine('Applicant second:', assessment.clb.applicant.second)}`);
	if (assessment.clb.spouse) {
		lines.push(`  ${clbLine('Spouse first:    ', assessment.clb.spouse.first)}`);
		lines.push(`  ${clbLine('Spouse second:   ', assessment.clb.spouse.second)}`);
	}
	lines.push('');
	const crs = assessment.crs;
	lines.push(`CRS ${crs.total} of 1,200`);
	for (const [section, title] of SECTIONS) {
		lines.push(`  ${padWidth(title, 40)}${padWidth(String(crs[section]), 5, 'right')}`);
		for (const factor of crs.factors) {
			if (factor.section !== section) continue;
			lines.push(`     ${padWidth(factor.factor, 36)}${padWidth(String(factor.points), 5, 'right')}  ${safeText(factor.detail)}`);
		}
	}
	lines.push('');
	lines.push('Programs');
	for (const program of ['CEC', 'FSW', 'FST'] as const) {
		const result = assessment.programs[program];
		const points = program === 'FSW' && assessment.programs.FSW.points !== null ? ` (${assessment.programs.FSW.points} points)` : '';
		lines.push(`  ${program}  ${result.eligible ? 'ELIGIBLE' : 'NOT ELIGIBLE'}${points}`);
		for (const criterion of result.criteria) {
			lines.push(`     ${criterion.passed ? 'pass' : 'FAIL'}  ${padWidth(criterion.id, 30)} ${criterion.source}`);
			lines.push(`           ${safeText(criterion.detail)}`);
		}
	}
	return lines;
}
