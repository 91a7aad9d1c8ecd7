/**
 * The timeline's filters and search, as a pure function: the dashboard re-runs it over every
 * event on each keystroke, so each event's searchable text is built once and kept.
 */
import type { EventKind, EventSource, LedgerEvent } from '@/lib/ledger/events';
import { fromLocalInput } from '@/lib/i18n/format';
import { accountKey } from '@/lib/ledger/relations';

export interface TimelineFilter {
  /** An account key (accounts.ts), or '' for all. */
  account: string;
  kind: EventKind | '';
  source: EventSource | '';
  /** <input type="date"> values, inclusive; '' for open-ended. */
  from: string;
  to: string;
  query: string;
}

export const NO_FILTER: TimelineFilter = { account: '', kind: '', source: '', from: '', to: '', query: '' };

export const isFiltered = (f: TimelineFilter) => Object.values(f).some((v) => v.trim() !== '');

const searchable = new WeakMap<LedgerEvent, string>();

/** Newest first, what passes every filter; `describe` gives an event's words in the user's language. */
export function filterTimeline(events: readonly LedgerEvent[], filter: TimelineFilter, describe: (e: LedgerEvent) => string): LedgerEvent[] {
  const from = filter.from ? fromLocalInput(filter.from) : null;
  const toDay = filter.to ? fromLocalInput(filter.to) : null;
  // Inclusive of the whole last day; built on the calendar, so a DST day keeps its 23 or 25 hours.
  const to = toDay === null ? null : nextLocalDay(toDay) - 1;
  const words = filter.query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const passes = (e: LedgerEvent) => {
    if (filter.account && accountKey(e.account) !== filter.account) return false;
    if (filter.kind && e.kind !== filter.kind) return false;
    if (filter.source && e.source !== filter.source) return false;
    if (from !== null && e.occurredAt < from) return false;
    if (to !== null && e.occurredAt > to) return false;
    if (words.length === 0) return true;
    let text = searchable.get(e);
    if (text === undefined) searchable.set(e, (text = searchTextOf(e, describe)));
    return words.every((w) => text.includes(w));
  };
  return events.filter(passes).sort((a, b) => b.occurredAt - a.occurredAt || b.recordedAt - a.recordedAt);
}

function searchTextOf(e: LedgerEvent, describe: (e: LedgerEvent) => string): string {
  const values = [describe(e), e.account.handle, e.kind, e.evidence.url, e.evidence.shownText, ...Object.values(e.details).flat()];
  return values.filter((v): v is string => typeof v === 'string').join(' \n').toLowerCase();
}

function nextLocalDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}
