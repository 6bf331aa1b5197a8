/**
 * Semantic colours and line-drawing for the screens. Components ask for `accent`, `muted`,
 * `warning`… never for a colour by name. With `NO_COLOR` or `TERM=dumb` the plain theme has no
 * colour, and with `TERM=dumb` no box drawing and no inverse video (the selected row keeps its
 * visible `>` marker).
 */

export type Theme = {
	name: 'colour' | 'no-colour' | 'dumb';
	/** Colours (ink `color` values) or undefined for the terminal's default. */
	text: string | undefined;
	accent: string | undefined;
	muted: string | undefined;
	warning: string | undefined;
	danger: string | undefined;
	success: string | undefined;
	/** Whether inverse video may mark the selected row. */
	inverse: boolean;
	/** Whether headings may be bold (not on TERM=dumb: no escape codes at all, whatever chalk's level). */
	bold: boolean;
	/** Ink border style, or undefined for no border at all. */
	border: 'single' | undefined;
	/** A horizontal rule character. */
	rule: string;
};

const COLOUR: Theme = {
	name: 'colour',
	text: undefined,
	accent: 'cyan',
	muted: 'gray',
	warning: 'yellow',
	danger: 'red',
	success: 'green',
	inverse: true,
	bold: true,
	border: 'single',
	rule: '─',
};

const NO_COLOUR: Theme = {...COLOUR, name: 'no-colour', accent: undefined, muted: undefined, warning: undefined, danger: undefined, success: undefined};

const DUMB: Theme = {...NO_COLOUR, name: 'dumb', inverse: false, bold: false, border: undefined, rule: '-'};

/** The theme for this environment: dumb for TERM=dumb, no colour for NO_COLOR (any value), else colour. */
export function themeFor(env: NodeJS.ProcessEnv): Theme {
	if (env.TERM === 'dumb') return DUMB;
	if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return NO_COLOUR;
	return COLOUR;
}
