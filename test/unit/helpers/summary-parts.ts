/**
 * The popup's summary as the store keeps it (lib/ledger.ts `SummaryPart`), in a form the tests
 * compare with the pure derivations: by account, by part, the ids; by account, the union of its
 * parts (`summaryIds`' rows).
 */
import type { LedgerEvent } from '@/lib/ledger/events';
import { type LedgerDb } from '@/lib/ledger/ledger';
import { personPart, summaryIds, summaryParts } from '@/lib/ledger/summary-parts';
import { effectiveEvents } from '@/lib/ledger/relations';

type Parts = Record<string, Record<string, string[]>>;
const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

/** The stored parts, but a person's with no events (it keeps only how the name is spelled): an empty head or window is a stray. */
export async function storedParts(db: LedgerDb): Promise<Parts> {
  const parts: Parts = {};
  for (const p of await db.summaryParts.toArray()) {
    if (p.events.length > 0 || !p.part.startsWith(personPart(''))) (parts[p.account] ??= {})[p.part] = sorted(p.events.map((e) => e.id));
  }
  return parts;
}

export function expectedParts(all: readonly LedgerEvent[]): Parts {
  return Object.fromEntries(
    [...summaryParts(effectiveEvents(all))].map(([account, parts]) => [account, Object.fromEntries([...parts].map(([part, ids]) => [part, sorted(ids)]))]),
  );
}

export async function storedRows(db: LedgerDb): Promise<Record<string, string[]>> {
  return Object.fromEntries(Object.entries(await storedParts(db)).map(([account, parts]) => [account, sorted(Object.values(parts).flat())]));
}

export function expectedRows(all: readonly LedgerEvent[]): Record<string, string[]> {
  return Object.fromEntries([...summaryIds(effectiveEvents(all))].map(([account, ids]) => [account, sorted(ids)]));
}
