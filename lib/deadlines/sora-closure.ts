/**
 * Sora's closure's own window. The closure (policies.ts SORA_CLOSURE) opens a window, 'sora-closure',
 * for every Sora account whose cameo was not deleted before it: OpenAI never said what became of
 * cameos, and the user is asked to verify, as for a deletion. See `soraClosureOpeners` for who gets one.
 */
import { fromLocal } from './calendar';
import type { EventKind, LedgerEvent } from '../ledger/events';
import { handleKey } from '../ledger/relations';
import { SORA_CLOSURE } from '../facts/policies';

const [CLOSURE_YEAR, CLOSURE_MONTH, CLOSURE_DAY] = SORA_CLOSURE.apps.date.split('-').map(Number) as [number, number, number];

/** The closure day is a date: its window counts from that day of the user's own calendar. */
export const closureDayStart = (timeZone: string) =>
  fromLocal({ year: CLOSURE_YEAR, month: CLOSURE_MONTH, day: CLOSURE_DAY, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);

/**
 * What counts as done before the closure: anything that happened up to the end of the closure day
 * anywhere on Earth (UTC−12), since after the apps closed nothing could be done in them. One instant
 * for every zone, so that which accounts get a window does not depend on the zone they are read in
 * (the popup's summary keeps the deciding entries, lib/ledger/ledger.ts), and a month-precision entry of
 * April 2026 (1 April) counts as before.
 */
export const SORA_CLOSED_AFTER = Date.UTC(CLOSURE_YEAR, CLOSURE_MONTH - 1, CLOSURE_DAY + 1, 12);

/** Entries that show a Sora account had a cameo; restrictions and appearances always come with one of these. */
const CAMEO_SIGNS: ReadonlySet<EventKind> = new Set(['cameo-created', 'audience-changed', 'access-granted', 'access-revoked']);
/**
 * What deletes a cameo: deleting it, or deleting the Sora account, which took the profile and the
 * cameo with it (policies.ts ACCOUNT_DELETION_TAKES). Either opened its own 30-day window, which
 * stays the one to verify. A deletion recorded on ChatGPT is not tied to a Sora handle and counts
 * for none; the guided history flow records it on the Sora account.
 */
const CAMEO_ENDS: ReadonlySet<EventKind> = new Set(['cameo-deleted', 'account-deletion-requested']);

interface ClosureDeciders {
  /** The account's first sign of a cameo, and its latest creation, and latest deletion, before the closure. */
  firstSign?: LedgerEvent;
  lastCreated?: LedgerEvent;
  lastEnd?: LedgerEvent;
}

function closureDecidersByAccount(events: readonly LedgerEvent[]): Map<string, ClosureDeciders> {
  const byAccount = new Map<string, ClosureDeciders>();
  for (const e of events) {
    if (e.account.service !== 'sora' || e.occurredAt >= SORA_CLOSED_AFTER) continue;
    const sign = CAMEO_SIGNS.has(e.kind);
    const end = CAMEO_ENDS.has(e.kind);
    if (!sign && !end) continue;
    const key = handleKey(e.account.handle);
    const d = byAccount.get(key) ?? {};
    byAccount.set(key, d);
    const later = (than?: LedgerEvent) => !than || e.occurredAt > than.occurredAt || (e.occurredAt === than.occurredAt && e.id > than.id);
    if (sign && (!d.firstSign || !later(d.firstSign))) d.firstSign = e;
    if (e.kind === 'cameo-created' && later(d.lastCreated)) d.lastCreated = e;
    if (end && later(d.lastEnd)) d.lastEnd = e;
  }
  return byAccount;
}

/**
 * The entry each Sora account's closure window hangs on, for every account that had a cameo and
 * did not delete it before the closure: its latest creation, else its first sign. A deletion ends
 * the cameo unless a creation came after it; a grant after a deletion makes no new cameo.
 */
export function soraClosureOpeners(events: readonly LedgerEvent[]): LedgerEvent[] {
  const openers: LedgerEvent[] = [];
  for (const { firstSign, lastCreated, lastEnd } of closureDecidersByAccount(events).values()) {
    if (!firstSign) continue;
    if (lastEnd && (!lastCreated || lastCreated.occurredAt <= lastEnd.occurredAt)) continue;
    openers.push(lastCreated ?? firstSign);
  }
  return openers;
}

/** The entries that decide the closure windows, for summaries that keep only some entries (lib/ledger/ledger.ts). */
export function soraClosureDeciders(events: readonly LedgerEvent[]): LedgerEvent[] {
  return [...closureDecidersByAccount(events).values()].flatMap((d) => [d.firstSign, d.lastCreated, d.lastEnd].filter((e) => e !== undefined));
}
