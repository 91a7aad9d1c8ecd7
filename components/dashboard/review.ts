import type { EventOf, LedgerEvent } from '@/lib/events';

export type Reviews = Map<string, EventOf<'observation-reviewed'>>;

/** The user's latest verdict on each page-only observation, by the observation's id. */
export function reviewsOf(all: readonly LedgerEvent[]): Reviews {
  const reviews: Reviews = new Map();
  for (const e of all) {
    if (e.kind !== 'observation-reviewed') continue;
    const earlier = reviews.get(e.details.target);
    if (!earlier || earlier.recordedAt <= e.recordedAt) reviews.set(e.details.target, e);
  }
  return reviews;
}

/** Seen on a page only (no network signal confirmed it), and the user has not said yet. */
export const needsReview = (e: LedgerEvent, reviews: Reviews) => e.certainty === 'seen-on-page' && !reviews.has(e.id);
