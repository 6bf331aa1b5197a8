/**
 * Bulk inserts for the demo: multi-row INSERT statements compiled once per shape by Kysely (so
 * the SQL is the dialect's own) and run with fresh parameters, queued so that SQLite works on one
 * batch on its own thread while the next cases are being generated.
 */
import type {CompiledQuery} from 'kysely';
import type {Trx} from '../session.js';

/** Tables the demo fills in bulk. */
export type BulkTable = 'applications' | 'work_periods' | 'notes' | 'documents' | 'decisions' | 'audit_events';

/** Bound parameters per INSERT statement (SQLite allows 32,766). */
const MAX_PARAMETERS = 30_000;

/** Compiled statements by table, columns and row count (one dialect per process). */
const templates = new Map<string, CompiledQuery>();

/**
 * Multi-row INSERT of `rows` (all with the same keys), in statements of at most MAX_PARAMETERS
 * values. Each statement shape is compiled once by Kysely (so the SQL is the dialect's own) and
 * then run with fresh parameters: compiling thousands of rows per statement costs more than
 * running them.
 */
export async function insertChunks(trx: Trx, table: BulkTable, rows: readonly Record<string, unknown>[]): Promise<void> {
	if (rows.length === 0) return;
	const columns = Object.keys(rows[0]!);
	const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
	for (let i = 0; i < rows.length; i += size) {
		const chunk = rows.slice(i, i + size);
		const key = `${table}:${columns.join(',')}:${chunk.length}`;
		let template = templates.get(key);
		if (!template) {
			const blank = Object.fromEntries(columns.map((c) => [c, null]));
			template = trx.insertInto(table).values(chunk.map(() => blank) as never).compile();
			if (template.parameters.length !== chunk.length * columns.length) throw new Error(`demo: unexpected INSERT shape for ${table}`);
			templates.set(key, template);
		}
		const parameters: unknown[] = new Array(chunk.length * columns.length);
		let k = 0;
		for (const row of chunk) for (const column of columns) parameters[k++] = row[column] ?? null;
		await trx.executeQuery({...template, parameters});
	}
}

/** Lets pending inserts move on while cases are being generated. */
export const yieldToStore = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Inserts run one after another while generation goes on: the statements execute on SQLite's
 * worker thread while the next cases are made. `wait()` rethrows the first failure.
 */
export class InsertQueue {
	private tail: Promise<void> = Promise.resolve();

	/** Queues `work` after the inserts already queued. */
	push(work: () => Promise<void>): void {
		const next = this.tail.then(work);
		next.catch(() => {});
		this.tail = next;
	}

	/** Waits for every queued insert. */
	wait(): Promise<void> {
		return this.tail;
	}
}

