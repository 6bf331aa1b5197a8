/**
 * Errors of case operations. Each carries the CLI exit code it maps to (CLI contract), so
 * commands and screens can show one line and scripts can branch on the code.
 */

/** Base class: a one-line message for the officer and an exit code. */
export class CaseError extends Error {
	constructor(
		readonly exitCode: number,
		message: string,
	) {
		super(message);
		this.name = 'CaseError';
	}
}

/** No such case, note, document or officer (exit 65). */
export class NotFoundError extends CaseError {
	constructor(message: string) {
		super(65, message);
		this.name = 'NotFoundError';
	}
}

/** The input is not acceptable: bad value, missing reason, transition not allowed (exit 65). */
export class InvalidError extends CaseError {
	constructor(message: string) {
		super(65, message);
		this.name = 'InvalidError';
	}
}

/** The officer's roles do not allow this (exit 77); the refused attempt is audited. */
export class PermissionError extends CaseError {
	constructor(message: string) {
		super(77, message);
		this.name = 'PermissionError';
	}
}

/**
 * Another officer changed the case first, or the case is already taken (exit 75): the save was
 * based on an old version. The message says what changed.
 */
export class ConflictError extends CaseError {
	constructor(message: string) {
		super(75, message);
		this.name = 'ConflictError';
	}
}

/** A setting of the environment or a configuration file is not acceptable (exit 78). */
export class ConfigError extends CaseError {
	constructor(message: string) {
		super(78, message);
		this.name = 'ConfigError';
	}
}
