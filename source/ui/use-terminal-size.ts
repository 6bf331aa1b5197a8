/**
 * The terminal's size, updated on resize. Tests and benchmarks may fix it with props instead.
 */
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export type Size = {columns: number; rows: number};

/** Current terminal size (at least 80×24 is assumed when the stream does not say). */
export function useTerminalSize(fixed?: Size): Size {
	const {stdout} = useStdout();
	const read = (): Size => fixed ?? {columns: stdout.columns || 80, rows: stdout.rows || 24};
	const [size, setSize] = useState<Size>(read);
	useEffect(() => {
		if (fixed) return;
		const onResize = () => {
			// A resize event may repeat the size (terminal-screen.ts sends one more): no new render then.
			const next = read();
			setSize((size) => (size.columns === next.columns && size.rows === next.rows ? size : next));
		};
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, fixed?.columns, fixed?.rows]);
	return fixed ?? size;
}
