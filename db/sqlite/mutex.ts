/**
 * A first-come, first-served asynchronous mutex: the one SQLite connection of a process is handed
 * to one user at a time, in the order they asked for it.
 */
export class Mutex {
	#locked = false;
	readonly #waiters: Array<() => void> = [];

	/** True while someone holds the lock. */
	get locked(): boolean {
		return this.#locked;
	}

	/** Number of callers waiting for the lock. */
	get waiting(): number {
		return this.#waiters.length;
	}

	/** Resolves once the caller holds the lock; callers are served in arrival order. */
	async lock(): Promise<void> {
		if (!this.#locked) {
			this.#locked = true;
			return;
		}
		await new Promise<void>((resolve) => this.#waiters.push(resolve));
		// Ownership was handed over by unlock(): #locked stayed true.
	}

	/** Releases the lock, handing it straight to the next waiter if there is one. */
	unlock(): void {
		const next = this.#waiters.shift();
		if (next) next();
		else this.#locked = false;
	}
}
