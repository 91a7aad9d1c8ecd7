import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { seedLedger } from '../../../bench/seed';
import type { LedgerEvent, NewEvent } from '@/lib/ledger/events';
import { buildEvent, DB_VERSIONS, LedgerDb, loadSummaryInputs, record, removeEntry, summaryIds, SUMMARY_KINDS } from '@/lib/ledger/ledger';
import { effectiveEvents } from '@/lib/ledger/relations';
import { popupSummary } from '@/lib/ledger/summary';

const NAME = 'likeness-ledger-upgrade';
const T0 = Date.UTC(2026, 2, 1, 9);
const DAY = 86_400_000;

/** A database as a version-1 extension left it: only version 1 declared, events written straight to it. */
async function writeVersion1(factory: IDBFactory, events: readonly LedgerEvent[]) {
  const v1 = new Dexie(NAME, { indexedDB: factory, IDBKeyRange });
  v1.version(1).stores(DB_VERSIONS[1]);
  await v1.table('events').bulkAdd(events);
  expect(v1.verno).toBe(1);
  v1.close();
}

const byId = (events: readonly LedgerEvent[]) => [...events].sort((a, b) => (a.id < b.id ? -1 : 1));
const rowsOf = async (db: LedgerDb) =>
  Object.fromEntries((await db.summary.toArray()).map((r) => [r.account, r.events.map((e) => e.id).sort()]));
const expectedRows = (all: readonly LedgerEvent[]) =>
  Object.fromEntries([...summaryIds(effectiveEvents(all))].map(([account, ids]) => [account, [...ids].sort()]));

describe('upgrade from version 1 to version 2', () => {
  it('keeps every event and builds the summary from them', async () => {
    const factory = new IDBFactory();
    // A realistic ledger: grants and revocations, deletions confirmed over a page event, windows
    // verified, appearances dismissed, notes removed, grants edited (lib/../bench/seed.ts).
    const events = seedLedger(3000, 7);
    await writeVersion1(factory, events);

    const db = new LedgerDb(NAME, { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(Object.keys(DB_VERSIONS).length);
    const all = await db.events.toArray();
    expect(byId(all)).toEqual(byId(events));
    expect(await rowsOf(db)).toEqual(expectedRows(events));
    expect(await db.summaryMembers.count()).toBe(events.filter((e) => SUMMARY_KINDS.includes(e.kind)).length);

    const now = events.at(-1)!.recordedAt;
    const live = effectiveEvents(events);
    const full = { events: live.filter((e) => SUMMARY_KINDS.includes(e.kind)), latest: [...live].sort((a, b) => b.occurredAt - a.occurredAt).slice(0, 10) };
    const upgraded = popupSummary(await loadSummaryInputs(db), { now, timeZone: 'Europe/Berlin' });
    expect(upgraded).toEqual(popupSummary(full, { now, timeZone: 'Europe/Berlin' }));
    expect(upgraded.accounts.length).toBeGreaterThan(0);
    db.close();
  });

  it('knows, after the upgrade, what was superseded or removed before it', async () => {
    const factory = new IDBFactory();
    const account = { service: 'sora', handle: 'alice' } as const;
    const input = (kind: NewEvent['kind'], details: Record<string, unknown>, at: number, extra: Partial<NewEvent> = {}) =>
      ({ kind, details, occurredAt: at, account, source: 'manual', evidence: {}, ...extra }) as NewEvent;
    const page = buildEvent(input('cameo-deleted', {}, T0, { source: 'page' }), T0, 'v1-page-deletion');
    const grant = buildEvent(input('access-granted', { person: 'Dan' }, T0 - DAY), T0, 'v1-grant-dan');
    const removal = buildEvent(input('entry-removed', { target: grant.id }, T0 + 1), T0 + 1, 'v1-removal-1');
    await writeVersion1(factory, [page, grant, removal]);

    const db = new LedgerDb(NAME, { indexedDB: factory, IDBKeyRange });
    // The network confirmation of the deletion the page showed still supersedes the page event.
    const confirmed = await record(db, input('cameo-deleted', {}, T0 + 2000, { source: 'network' }), T0 + 2000);
    expect(confirmed).toMatchObject({ status: 'confirmed', confirms: page.id });
    // Removing the removed grant again is the same removal, not a second one.
    expect(await removeEntry(db, grant.id, T0 + 5)).toEqual(removal);
    const summary = popupSummary(await loadSummaryInputs(db), { now: T0 + 10 * DAY, timeZone: 'Europe/Berlin' });
    expect(summary.accounts).toEqual([
      { account, audience: null, people: [], windows: [expect.objectContaining({ id: confirmed.event.id, kind: 'cameo-purge' })] },
    ]);
    expect(await db.events.count()).toBe(4);
    db.close();
  });
});
