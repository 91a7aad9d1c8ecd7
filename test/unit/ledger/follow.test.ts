/** An open page's copy of the ledger: read whole once, then only what each write appends. */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { LedgerEvent, NewEvent } from '@/lib/ledger/events';
import { CATCH_UP_AT_MOST, catchUp, followLedger, readWhole } from '@/lib/ledger/follow';
import { appendAll, buildEvent, eraseEverything, LedgerDb, recordEvent, removeEntry } from '@/lib/ledger/ledger';
import * as exported from '@/lib/report/export';

const NOW = Date.UTC(2026, 10, 1);
const me = { service: 'chatgpt', handle: 'me' } as const;
// Ids as the ledger makes them (random), so new events land anywhere in the copy's order of id.
const seen = (i: number): LedgerEvent =>
  buildEvent({ kind: 'appearance-seen', account: me, source: 'page', evidence: {}, occurredAt: NOW - i * 60_000, details: { by: `@p${i}`, where: 'draft' } } as NewEvent, NOW);

let db: LedgerDb;
beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  db = new LedgerDb(`follow-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const ids = (events: readonly LedgerEvent[]) => events.map((e) => e.id);

it('catches up with what writes appended, in the order a whole read gives, without reading the whole ledger', async () => {
  await appendAll(db, Array.from({ length: 40 }, (_, i) => seen(i)));
  const copy = await readWhole(db);
  expect(copy.end.seq).toBe(40);

  await appendAll(db, [seen(100), seen(101)]);
  await recordEvent(db, seen(102));
  await removeEntry(db, copy.events[7]!.id, NOW);
  const whole = vi.spyOn(exported, 'readLedger');
  const caughtUp = (await catchUp(db, copy))!;
  expect(whole).not.toHaveBeenCalled();
  expect(caughtUp.end.seq).toBe(44);
  expect(ids(caughtUp.events)).toEqual(ids((await readWhole(db)).events));
  // Nothing new: the same copy.
  expect(await catchUp(db, caughtUp)).toBe(caughtUp);
});

it('adds an event the whole read met already only once', async () => {
  await appendAll(db, [seen(1)]);
  const before = await readWhole(db);
  await recordEvent(db, seen(2));
  // As if the event written during the whole read had been read by it, after the chain's end was.
  const copy = { ...before, events: (await readWhole(db)).events };
  expect(ids((await catchUp(db, copy))!.events)).toEqual(ids(copy.events));
});

it('says to read it whole when the ledger was erased, even once the new one is longer', async () => {
  await appendAll(db, [seen(1), seen(2)]);
  const copy = await readWhole(db);
  await eraseEverything(db);
  expect(await catchUp(db, copy)).toBeNull();
  await appendAll(db, [seen(3), seen(4), seen(5)]);
  expect(await catchUp(db, copy)).toBeNull();
});

it('says to read it whole when more is new than a catch-up reads at once (an import through another page)', async () => {
  await appendAll(db, [seen(0)]);
  const copy = await readWhole(db);
  await appendAll(db, Array.from({ length: CATCH_UP_AT_MOST }, (_, i) => seen(i + 1)));
  expect((await catchUp(db, copy))!.events).toHaveLength(CATCH_UP_AT_MOST + 1);
  await recordEvent(db, seen(-1));
  expect(await catchUp(db, copy)).toBeNull();
});

it('follows writes from then on: one whole read, then each write shown with the events it added', async () => {
  await appendAll(db, [seen(1), seen(2)]);
  const whole = vi.spyOn(exported, 'readLedger');
  const shown: string[][] = [];
  const stop = followLedger(db, (events) => shown.push(ids(events)), (e) => shown.push([String(e)]));
  await vi.waitFor(() => expect(shown).toHaveLength(1));
  const extra = seen(3);
  await recordEvent(db, extra);
  await vi.waitFor(() => expect(shown).toHaveLength(2));
  expect(shown[1]).toContain(extra.id);
  expect(shown[1]).toHaveLength(3);
  expect(whole).toHaveBeenCalledTimes(1);

  stop();
  await recordEvent(db, seen(4));
  await new Promise((r) => setTimeout(r, 50));
  expect(shown).toHaveLength(2);
});
