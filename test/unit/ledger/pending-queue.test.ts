import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { LedgerDb, record } from '@/lib/ledger/ledger';
import { effectiveEvents } from '@/lib/ledger/relations';
import { enqueuePending, erasePending, flushPending, isQuotaError, MAX_PENDING, PENDING_KEY, readPending, recordOrQueue, type PageObservation } from '@/lib/ledger/pending-queue';
import type { StorageArea } from '@/lib/settings/storage-area';

const T0 = Date.UTC(2026, 10, 1, 12);
const freshDb = () => new LedgerDb('pending-test', { indexedDB: new IDBFactory(), IDBKeyRange });
function memoryArea(): StorageArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return { data, get: async (key) => ({ [key]: structuredClone(data[key]) }), set: async (items) => void Object.assign(data, structuredClone(items)) };
}
const grant = (person: string, at = T0): PageObservation & { kind: 'access-granted' } => ({
  kind: 'access-granted',
  occurredAt: at,
  account: { service: 'sora', handle: 'alice' },
  source: 'page',
  evidence: { rule: 'sora.access-granted' },
  details: { person },
});
const quota = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
/** Makes every write to the ledger fail as a full disk does, until the returned function is called. */
function fillDisk(db: LedgerDb) {
  // Every write goes through a transaction; a full disk fails it as the browser does.
  const spy = vi.spyOn(db, 'transaction').mockRejectedValue(quota() as never);
  return () => spy.mockRestore();
}

describe('pending observations when storage is full', () => {
  it('recognises the quota error as the browser and Dexie report it', () => {
    expect(isQuotaError(quota())).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota() })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('queues what cannot be written, and writes it, in order, once there is room', async () => {
    const db = freshDb();
    const area = memoryArea();
    const free = fillDisk(db);
    expect(await recordOrQueue(db, area, grant('bob'), T0)).toEqual({ status: 'queued' });
    expect(await recordOrQueue(db, area, grant('carol', T0 + 1000), T0 + 1000)).toEqual({ status: 'queued' });
    expect(await db.events.count()).toBe(0);
    expect((await readPending(area)).items).toHaveLength(2);
    // Still full: nothing written, nothing lost.
    expect(await flushPending(db, area, T0 + 2000)).toEqual({ written: 0, left: 2 });
    free();
    expect(await flushPending(db, area, T0 + 3000)).toEqual({ written: 2, left: 0 });
    const events = effectiveEvents(await db.events.toArray()).sort((a, b) => a.occurredAt - b.occurredAt);
    expect(events.map((e) => e.kind === 'access-granted' && e.details.person)).toEqual(['bob', 'carol']);
    expect(events[0]!.occurredAt).toBe(T0);
    expect((await readPending(area)).items).toEqual([]);
  });

  it('keeps at most MAX_PENDING, dropping the oldest and counting them', async () => {
    const db = freshDb();
    const area = memoryArea();
    fillDisk(db);
    for (let i = 0; i < MAX_PENDING + 3; i++) await recordOrQueue(db, area, grant(`p${i}`, T0 + i), T0 + i);
    const pending = await readPending(area);
    expect(pending.items).toHaveLength(MAX_PENDING);
    expect(pending.dropped).toBe(3);
    expect((pending.items[0]!.event as { details: { person: string } }).details.person).toBe('p3');
  });

  it('throws invalid events instead of queueing them, and drops invalid ones found in the queue', async () => {
    const db = freshDb();
    const area = memoryArea();
    await expect(recordOrQueue(db, area, { ...grant('bob'), details: { person: '' } } as PageObservation, T0)).rejects.toThrow(/Invalid event/);
    expect((await readPending(area)).items).toEqual([]);
    area.data[PENDING_KEY] = { items: [{ event: { kind: 'nonsense' }, queuedAt: T0 }, { event: grant('dave'), queuedAt: T0 }], dropped: 0 };
    expect(await flushPending(db, area, T0)).toEqual({ written: 1, left: 0 });
    expect((await readPending(area)).dropped).toBe(1);
  });
});

describe('the queue, which content scripts can write (storage.local), holds page observations only', () => {
  it('drops and counts, on flush, any other kind, source or field a page put there; writes the page observations', async () => {
    const db = freshDb();
    const area = memoryArea();
    const target = (await record(db, { ...grant('eve'), source: 'manual' } as never, T0)).event.id;
    area.data[PENDING_KEY] = {
      items: [
        // A user-only kind: a removal of what the user recorded, a verification that closes a window.
        { event: { kind: 'entry-removed', occurredAt: T0, account: grant('x').account, source: 'page', evidence: {}, details: { target } }, queuedAt: T0 },
        { event: { ...grant('x'), kind: 'entry-removed', source: 'manual', details: { target } }, queuedAt: T0 },
        { event: { kind: 'purge-verified', occurredAt: T0, account: grant('x').account, source: 'manual', evidence: {}, details: { window: target } }, queuedAt: T0 },
        // A page kind claiming the network's certainty, or a key of its choosing, or a supersedes.
        { event: { ...grant('mallory'), source: 'network' }, queuedAt: T0 },
        { event: { ...grant('mallory'), key: 'forged' }, queuedAt: T0 },
        { event: { ...grant('mallory'), supersedes: target }, queuedAt: T0 },
        { event: grant('dave'), queuedAt: T0 },
      ],
      dropped: 0,
    };
    expect(await flushPending(db, area, T0 + 1)).toEqual({ written: 1, left: 0 });
    const events = await db.events.toArray();
    expect(events.map((e) => [e.kind, e.source, e.kind === 'access-granted' && e.details.person]).sort((a, b) => String(a[2]).localeCompare(String(b[2])))).toEqual([
      ['access-granted', 'page', 'dave'],
      ['access-granted', 'manual', 'eve'],
    ]);
    expect((await readPending(area)).dropped).toBe(6);
  });
});

// ------------------------------------------------------------------------------------------
// A disk that fills up as a browser's does: the ledger's object store refuses new events.

/** Lets `fit` more events be written, then fails every event write with the browser's quota error, until freed. */
function diskFillsAfter(db: LedgerDb, fit: number) {
  let room = fit;
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'events') return table;
        return {
          ...table,
          mutate: (req) => {
            if (req.type === 'add' && (room -= req.values.length) < 0) return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            return table.mutate(req);
          },
        };
      },
    }),
  });
  return () => void (room = Number.POSITIVE_INFINITY);
}

describe('pending observations against a disk that fills up', () => {
  it('recognises the quota error in every form it takes', async () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [new Error('x'), quota()] })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: { 3: quota() } })).toBe(true);
    expect(isQuotaError(new Error('wrapped', { cause: quota() }))).toBe(true);
    const circular: { name: string; inner?: unknown } = { name: 'AbortError' };
    circular.inner = circular;
    expect(isQuotaError(circular)).toBe(false);
    // What Dexie itself rejects with when the object store refuses a write.
    const db = freshDb();
    diskFillsAfter(db, 0);
    const error = await record(db, grant('bob'), T0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isQuotaError(error)).toBe(true);
    expect(await db.events.count()).toBe(0);
  });

  it('writes what fits, keeps the rest in order, and writes it when there is room', async () => {
    const db = freshDb();
    const area = memoryArea();
    const free = diskFillsAfter(db, 0);
    for (const [i, person] of ['ann', 'ben', 'cem', 'dia'].entries()) {
      expect(await recordOrQueue(db, area, grant(person, T0 + i), T0 + i)).toEqual({ status: 'queued' });
    }
    free();
    const area2 = memoryArea();
    area2.data[PENDING_KEY] = area.data[PENDING_KEY];
    // A second database whose disk has room for two more events.
    const small = freshDb();
    diskFillsAfter(small, 2);
    expect(await flushPending(small, area2, T0 + 10)).toEqual({ written: 2, left: 2 });
    expect((await readPending(area2)).items.map((i) => (i.event as { details: { person: string } }).details.person)).toEqual(['cem', 'dia']);
    expect(await flushPending(db, area, T0 + 20)).toEqual({ written: 4, left: 0 });
    expect((await db.events.toArray()).map((e) => e.kind === 'access-granted' && e.details.person).sort()).toEqual(['ann', 'ben', 'cem', 'dia']);
  });

  it('makes one event of one fact queued twice (two tabs while the disk was full)', async () => {
    const db = freshDb();
    const area = memoryArea();
    const free = diskFillsAfter(db, 0);
    await recordOrQueue(db, area, grant('bob', T0), T0);
    await recordOrQueue(db, area, grant('bob', T0 + 500), T0 + 500);
    free();
    expect(await flushPending(db, area, T0 + 1000)).toEqual({ written: 2, left: 0 });
    expect(await db.events.count()).toBe(1);
  });

  it('saves its progress and reports an error that is not about room', async () => {
    const db = freshDb();
    const area = memoryArea();
    const free = fillDisk(db);
    await recordOrQueue(db, area, grant('ann'), T0);
    await recordOrQueue(db, area, grant('ben', T0 + 1), T0 + 1);
    free();
    let calls = 0;
    const original = db.transaction.bind(db);
    vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) =>
      ++calls === 2 ? Promise.reject(new Error('database closed')) : (original as (...a: unknown[]) => unknown)(...args)) as never);
    await expect(flushPending(db, area, T0 + 2)).rejects.toThrow('database closed');
    expect((await readPending(area)).items).toHaveLength(1);
  });

  it('loses nothing queued while a flush runs', async () => {
    const db = freshDb();
    const area = memoryArea();
    const free = fillDisk(db);
    await recordOrQueue(db, area, grant('ann'), T0);
    free();
    // The second tab's observation arrives while the first is being written.
    const [flushed] = await Promise.all([flushPending(db, area, T0 + 1), enqueuePending(area, { event: grant('ben', T0 + 2), queuedAt: T0 + 2 })]);
    expect(flushed).toEqual({ written: 1, left: 0 });
    expect((await readPending(area)).items.map((i) => (i.event as { details: { person: string } }).details.person)).toEqual(['ben']);
    expect(await db.events.count()).toBe(1);
  });

  it('keeps storage bounded, not only what it reads back', async () => {
    const area = memoryArea();
    for (let i = 0; i < MAX_PENDING + 5; i++) await enqueuePending(area, { event: grant(`p${i}`, T0 + i), queuedAt: T0 + i });
    const stored = area.data[PENDING_KEY] as { items: unknown[]; dropped: number };
    expect(stored.items).toHaveLength(MAX_PENDING);
    expect(stored.dropped).toBe(5);
  });

  it('keeps only what the ledger would keep, and forgets everything when erased', async () => {
    const db = freshDb();
    const area = memoryArea();
    area.data[PENDING_KEY] = { items: [{ event: { ...grant('ann'), cookie: 'session=secret' }, queuedAt: T0 }, { event: grant('ben'), queuedAt: T0 }], dropped: 4 };
    expect(await readPending(area)).toEqual({ items: [{ event: grant('ben'), queuedAt: T0 }], dropped: 5 });
    area.data[PENDING_KEY] = 'not a queue';
    expect(await readPending(area)).toEqual({ items: [], dropped: 0 });
    fillDisk(db);
    await recordOrQueue(db, area, grant('cem'), T0);
    await erasePending(area);
    expect(await readPending(area)).toEqual({ items: [], dropped: 0 });
  });
});
