import type { LedgerEvent } from '@/lib/ledger/events';
import type { Reviews } from '@/lib/ledger/relations';

/** Seen on a page only (no network signal confirmed it), and the user has not said yet. */
export const needsReview = (e: LedgerEvent, reviews: Reviews) => e.certainty === 'seen-on-page' && !reviews.has(e.id);
