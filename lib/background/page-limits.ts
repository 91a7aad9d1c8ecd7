/**
 * What a page cannot choose: the time of its observations, and how many it makes.
 *
 * A content script's observation says when it happened (`occurredAt`), but the page it runs in
 * can forge anything: a deletion "dated 2000" would open a purge window that is overdue at once.
 * The background owns time: the claim counts only within a few minutes of the background's own
 * clock, and is clamped to that span otherwise.
 *
 * A page can also fire observations as fast as it likes. Each tab has a budget per kind and per
 * span of time; past it, observations are refused (and the refusal traced once, with a count) so
 * 3,000 forged appearances cannot become 3,000 entries, nor cost 3,000 writes.
 */
import type { EventKind } from '../ledger/events';

/** How far before the background's clock a page's claim may go: the "Log this?" question waits for an answer. */
export const CLAIM_PAST_MS = 5 * 60_000;
/** …and after it: two clocks on one machine agree closely. */
export const CLAIM_FUTURE_MS = 60_000;

/** The time an observation is recorded at: the page's claim, within a few minutes of now. */
export function ownedTime(claimed: number, now: number): number {
  return Math.min(Math.max(claimed, now - CLAIM_PAST_MS), now + CLAIM_FUTURE_MS);
}

/** The span a budget covers. */
export const BUDGET_SPAN_MS = 10 * 60_000;
/**
 * Observations per tab and kind in one span. A drafts page honestly lists dozens of drafts that
 * use the cameo (the faults test sends 60); anything else is one action at a time, a handful a visit.
 */
export const BUDGET_PER_SPAN: Partial<Record<EventKind, number>> & { other: number } = { 'appearance-seen': 300, other: 30 };

export const budgetOf = (kind: EventKind) => BUDGET_PER_SPAN[kind] ?? BUDGET_PER_SPAN.other;

export interface PageBudget {
  /** Whether the tab may make one more observation of this kind now (and counts it if so). */
  take(tabId: number, kind: EventKind, now: number): boolean;
  /** A closed tab's budget goes with it. */
  forget(tabId: number): void;
}

/** Budgets held in the background's memory: a restarted background starts them again, which a page cannot cause. */
export function pageBudget(): PageBudget {
  const spans = new Map<string, { start: number; used: number }>();
  return {
    take(tabId, kind, now) {
      const key = `${tabId}|${kind}`;
      let span = spans.get(key);
      if (!span || now - span.start >= BUDGET_SPAN_MS || now < span.start) spans.set(key, (span = { start: now, used: 0 }));
      if (span.used >= budgetOf(kind)) return false;
      span.used++;
      return true;
    },
    forget(tabId) {
      for (const key of [...spans.keys()]) if (key.startsWith(`${tabId}|`)) spans.delete(key);
    },
  };
}
