/** Short display forms for dates, instants and statuses in the screens. */

/** `2026-11-29T14:05:00.000Z` → `2026-11-29 14:05Z`; null → ''. */
export function shortInstant(instant: string | null | undefined): string {
	return instant ? `${instant.slice(0, 10)} ${instant.slice(11, 16)}Z` : '';
}

/** `2026-11-29T14:05:00.000Z` → `2026-11-29`; null → ''. */
export function dateOf(instant: string | null | undefined): string {
	return instant ? instant.slice(0, 10) : '';
}

const STATUS_LABELS: Record<string, string> = {
	pool: 'pool',
	invited: 'invited',
	received: 'received',
	in_review: 'in review',
	awaiting_info: 'awaiting info',
	pending_review: 'pending review',
	approved: 'approved',
	refused: 'refused',
	withdrawn: 'withdrawn',
};

/** Status as officers say it: `in_review` → `in review`. */
export function statusLabel(status: string): string {
	return STATUS_LABELS[status] ?? status;
}
