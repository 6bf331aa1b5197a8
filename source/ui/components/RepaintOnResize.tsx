/**
 * Redraws the whole frame after each change of the terminal's size (see terminal-screen.ts): once
 * the screens have rendered the new size, the {@link TerminalScreen} erases the screen and Ink
 * draws its frame whole, through Ink's own `write` (useStdout), which keeps Ink's record of what
 * is on screen true.
 */
import {useStdout} from 'ink';
import React, {useEffect, useState} from 'react';
import {CLEAR_SCREEN, type TerminalScreen} from '../terminal-screen.js';

export function RepaintOnResize({screen, children}: {screen: TerminalScreen; children: React.ReactNode}) {
	const {write} = useStdout();
	// A render for each resize, even one that ends at the size it started from.
	const [resizes, setResizes] = useState(0);
	useEffect(() => {
		const onSize = () => setResizes((n) => n + 1);
		screen.on('size', onSize);
		return () => {
			screen.off('size', onSize);
		};
	}, [screen]);
	// Effects run after the commit: the screens below have laid out the new size by now.
	useEffect(() => {
		if (resizes > 0) screen.redraw(() => write(CLEAR_SCREEN));
	}, [screen, resizes, write]);
	return <>{children}</>;
}
