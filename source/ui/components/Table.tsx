/**
 * A table drawn on display widths (string-width), one line per row, so CJK, emoji and combining
 * accents line up. It draws only the rows it is given: callers pass the visible window.
 * The selected row has a `>` marker (visible on TERM=dumb) and inverse video where allowed.
 */
import {Box, Text} from 'ink';
import React, {memo} from 'react';
import type {Theme} from '../theme.js';
import {padWidth, safeText} from '../terminal-text.js';

export type Column<Row> = {
	title: string;
	/** Width in columns; the last column takes what is left when `flex` is set. */
	width: number;
	flex?: boolean;
	align?: 'left' | 'right';
	value: (row: Row) => string;
};

/** Column widths for a total `width`: fixed columns as given, the flex column takes the rest (at least 4). */
export function layoutColumns<Row>(columns: readonly Column<Row>[], width: number): number[] {
	const gaps = columns.length - 1 + 2; // one space between columns, two for the marker
	const fixed = columns.reduce((sum, column) => sum + (column.flex ? 0 : column.width), 0);
	return columns.map((column) => (column.flex ? Math.max(4, width - fixed - gaps) : column.width));
}

/** One formatted line of a row (safe text, exactly the given widths). */
export function formatRow<Row>(columns: readonly Column<Row>[], widths: readonly number[], row: Row): string {
	return columns.map((column, i) => padWidth(safeText(column.value(row)), widths[i]!, column.align)).join(' ');
}

type RowLineProps = {line: string; selected: boolean; tagged: boolean; theme: Theme};

const RowLine = memo(function RowLine({line, selected, tagged, theme}: RowLineProps) {
	const marker = selected ? '>' : tagged ? '*' : ' ';
	return (
		<Text inverse={selected && theme.inverse} wrap="truncate">
			{marker} {line}
		</Text>
	);
});

export type TableProps<Row> = {
	columns: readonly Column<Row>[];
	rows: readonly Row[];
	/** Index within `rows` of the selected row, or -1. */
	selected: number;
	width: number;
	theme: Theme;
	rowKey: (row: Row) => string;
	tagged?: ReadonlySet<string>;
	/** Text shown when there are no rows. */
	empty?: string;
	/** Column index the table is sorted by, and direction, marked in the header. */
	sortColumn?: number;
	descending?: boolean;
};

/** The table: a header line and one line per given row. */
export function Table<Row>({columns, rows, selected, width, theme, rowKey, tagged, empty, sortColumn, descending}: TableProps<Row>) {
	const widths = layoutColumns(columns, width);
	const header = columns
		.map((column, i) => padWidth(column.title + (i === sortColumn ? (descending ? '↓' : '↑') : ''), widths[i]!, column.align))
		.join(' ');
	return (
		<Box flexDirection="column" width={width}>
			<Text bold={theme.bold} color={theme.accent} wrap="truncate">
				{'  '}
				{header}
			</Text>
			{rows.length === 0 ? (
				<Text color={theme.muted}>{`  ${empty ?? 'nothing here'}`}</Text>
			) : (
				rows.map((row, i) => (
					<RowLine key={rowKey(row)} line={formatRow(columns, widths, row)} selected={i === selected} tagged={tagged?.has(rowKey(row)) ?? false} theme={theme} />
				))
			)}
		</Box>
	);
}
