/**
 * The screens' text safety and width helpers. They live in source/text (shared with the plain-text
 * reports and the case store's notes export, which must not import the UI); re-exported here.
 */
export * from '../text/terminal-text.js';
