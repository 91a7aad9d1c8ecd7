import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { seedLedger } from '../../../bench/seed';
import type { LedgerEvent, NewEvent } from '@/lib/ledger/events';
import { appendAll, buildEvent, LedgerDb, loadSummaryInputs, record, removeEntry } from '@/lib/ledger/ledger';
import { DB_VERSIONS } from '@/lib/ledger/tables';
import { summaryIds, SUMMARY_KINDS } from '@/lib/ledger/summary-parts';
import { effectiveEvents } from '@/lib/ledger/relations';
import { verifyLedger } from '@/lib/ledger/ledger-fingerprint';
import { popupSummary } from '@/lib/ledger/summary';
import { expectedParts, expectedRows, storedParts, storedRows } from '../helpers/summary-parts';

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

describe('upgrade from version 1', () => {
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
    expect(await storedRows(db)).toEqual(expectedRows(events));
    expect(await storedParts(db)).toEqual(expectedParts(events));
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

/** What a version-3 extension left: the same events, references, members and chain, and one summary row per account. */
async function writeVersion3(factory: IDBFactory, events: readonly LedgerEvent[]) {
  // The log's own tables as today's code writes them (their shape did not change in version 4).
  const source = new LedgerDb('likeness-ledger-source', { indexedDB: new IDBFactory(), IDBKeyRange });
  await appendAll(source, events);
  const tables = {
    events: await source.events.toArray(),
    references: await source.references.toArray(),
    summaryMembers: await source.summaryMembers.toArray(),
    newest: await source.newest.toArray(),
    chain: await source.chain.toArray(),
  };
  source.close();
  const v3 = new Dexie(NAME, { indexedDB: factory, IDBKeyRange });
  v3.version(1).stores(DB_VERSIONS[1]);
  v3.version(2).stores(DB_VERSIONS[2]);
  v3.version(3).stores(DB_VERSIONS[3]);
  for (const [name, rows] of Object.entries(tables)) await v3.table(name).bulkAdd(rows);
  // Version 3's summary: per account, every event its part of the popup derives from, in one row.
  const live = effectiveEvents(events);
  const rows = [...summaryIds(live)].map(([account, ids]) => ({ account, events: live.filter((e) => ids.has(e.id)) }));
  await v3.table('summary').bulkAdd(rows);
  expect(v3.verno).toBe(3);
  v3.close();
  return tables;
}

describe('upgrade from version 3 to version 4', () => {
  it('splits the summary into parts and leaves every event, reference, member and link as it was', async () => {
    const factory = new IDBFactory();
    const events = seedLedger(3000, 11);
    const before = await writeVersion3(factory, events);

    const db = new LedgerDb(NAME, { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(4);
    expect(db.tables.map((t) => t.name)).not.toContain('summary');
    expect(await db.events.toArray()).toEqual(before.events);
    expect(await db.references.toArray()).toEqual(before.references);
    expect(await db.summaryMembers.toArray()).toEqual(before.summaryMembers);
    expect(await db.newest.toArray()).toEqual(before.newest);
    expect(await db.chain.toArray()).toEqual(before.chain);
    expect(await verifyLedger(db)).toMatchObject({ ok: true });
    expect(await storedRows(db)).toEqual(expectedRows(events));
    expect(await storedParts(db)).toEqual(expectedParts(events));

    // The popup sees what it saw before the upgrade, and writes after it keep the parts right.
    const now = events.at(-1)!.recordedAt;
    const live = effectiveEvents(events);
    const full = { events: live.filter((e) => SUMMARY_KINDS.includes(e.kind)), latest: [...live].sort((a, b) => b.occurredAt - a.occurredAt).slice(0, 10) };
    expect(popupSummary(await loadSummaryInputs(db), { now, timeZone: 'Europe/Berlin' })).toEqual(popupSummary(full, { now, timeZone: 'Europe/Berlin' }));
    const account = { service: 'sora', handle: 'alice' } as const;
    const at = now + DAY;
    for (const [kind, details] of [['access-granted', { person: 'Newcomer' }], ['cameo-deleted', {}], ['access-revoked', { person: 'newcomer' }]] as const) {
      await record(db, { kind, details, occurredAt: at, account, source: 'manual', evidence: {} } as NewEvent, at);
    }
    const all = await db.events.toArray();
    expect(await storedParts(db)).toEqual(expectedParts(all));
    db.close();
  });
});
