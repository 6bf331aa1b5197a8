/**
 * Opening a store the user may read but not write (a file or directory without write permission,
 * a read-only mount): `openStore(path, {readOnly: true})`.
 *
 * How the file is opened. A caips store is in WAL mode; reading a WAL database needs its `-shm`
 * index, which SQLite creates beside the file when it is missing — impossible in a directory the
 * user cannot write, and harmful in one they can (the `-shm` and `-wal` files left behind would be
 * theirs, and the owner's next write could fail on them). So:
 * - no `-wal` file beside the store: nobody has it open for writing and every change is in the
 *   file itself. It is opened `immutable=1` (no lock, no `-shm`, nothing created). Should its
 *   owner write and checkpoint during the read, the read may fail (SQLITE_CORRUPT, exit 69) —
 *   never the store, which this connection cannot write;
 * - a `-wal` file (the owner has the store open, or a process stopped without checkpointing):
 *   opened `mode=ro`, which reads the log through the owner's `-shm`; SQLite needs to create
 *   that `-shm` when it is missing, which fails in a directory the user cannot write: the error
 *   then says to let the owner run caips on the store once.
 *
 * The audit trail. caips audits reads (a view, a listing, a verification) in the same
 * transaction machinery as changes; a read-only store cannot record them. {@link
 * shadowAuditTrail} puts a temporary view named `audit_events` in front of the real table
 * (SQLite resolves unqualified names in `temp` first): reads see the real trail, and an INSERT
 * is counted in a temporary table instead of failing ({@link unrecordedAuditEvents}), so the
 * command can say that the read was not recorded. Any other write fails with SQLITE_READONLY.
 */
import {existsSync} from 'node:fs';
import {pathToFileURL} from 'node:url';

/** How a read-only store is opened: the SQLite URI filename and which of the two ways. */
export type ReadOnlyTarget = {uri: string; mode: 'immutable' | 'ro'};

/** The URI to open `file` read-only with (see the module notes for the choice). */
export function readOnlyTarget(file: string): ReadOnlyTarget {
	const immutable = !existsSync(`${file}-wal`);
	const url = pathToFileURL(file).href;
	return immutable ? {uri: `${url}?mode=ro&immutable=1`, mode: 'immutable'} : {uri: `${url}?mode=ro`, mode: 'ro'};
}

/** The statements that put the counting view in front of `audit_events` (run once per connection). */
export const SHADOW_AUDIT_TRAIL: readonly string[] = [
	'create temp table unrecorded_audit_events (action text not null)',
	'create temp view audit_events as select * from main.audit_events',
	`create temp trigger audit_events_not_recorded instead of insert on audit_events
begin insert into unrecorded_audit_events (action) values (new.action); end`,
];

/** Counts the audit events a read-only store could not record (those in `unrecorded_audit_events`). */
export const COUNT_UNRECORDED = 'select count(*) as n from temp.unrecorded_audit_events';
