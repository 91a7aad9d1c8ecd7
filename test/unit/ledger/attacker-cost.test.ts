/**
 * Cost that an attacker's file cannot make grow faster than its size (issue 18: after a crafted
 * import of 12k events, every later observation for that account took ≈ 2.5 s). Counted where it
 * can be: the events' `kind` is read through a counter, so a loop over all events per window shows
 * as n² reads, whatever the machine's load.
 */
import { describe, expect, it, vi } from 'vitest';
import type { LedgerEvent } from '@/lib/ledger/events';
import { summaryIds } from '@/lib/ledger/summary-parts';
import { computeWindows } from '@/lib/deadlines/windows';
import { grantHistory } from '@/lib/ledger/grants';

const T0 = Date.UTC(2026, 0, 1);
const account = { service: 'sora', handle: 'alice' } as const;
const base = (id: string, at: number) => ({ id, key: id, occurredAt: at, recordedAt: at, account, certainty: 'stated-by-user', evidence: {}, source: 'manual' }) as const;

/** n deletions, each with a verification and an answer-like closer: every window has what closes it. */
function craftedFile(n: number): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  for (let i = 0; i < n; i++) {
    events.push({ ...base(`del-${i}`, T0 + i), kind: 'cameo-deleted', details: {} } as LedgerEvent);
    // Half verified: the other half stay open and are kept with their closers.
    if (i % 2) events.push({ ...base(`ver-${i}`, T0 + n + i), kind: 'purge-verified', details: { window: `del-${i}` } } as LedgerEvent);
  }
  return events;
}

/** The same events, their `kind` read through a counter. */
function counted(events: LedgerEvent[]): { events: LedgerEvent[]; reads: () => number } {
  let reads = 0;
  const wrapped = events.map((e) => {
    const copy = { ...e };
    const kind = e.kind;
    Object.defineProperty(copy, 'kind', { enumerable: true, get: () => (reads++, kind) });
    return copy as LedgerEvent;
  });
  return { events: wrapped, reads: () => reads };
}

describe('cost of deriving the summary from a crafted file', () => {
  it('reads each event a bounded number of times, not once per window (linear, not quadratic)', () => {
    const perEvent = (n: number) => {
      const file = craftedFile(n);
      const { events, reads } = counted(file);
      summaryIds(events);
      return reads() / file.length;
    };
    const small = perEvent(200);
    const large = perEvent(4000);
    // Linear: the same reads per event at 20× the size. Quadratic: 20× as many (the old loop: ≈ n/2 more per event).
    expect(large).toBeLessThan(small * 1.5);
    expect(large).toBeLessThan(50);
  });

  it('works out no window\'s dates: which windows are open decides the summary, not when they are due', () => {
    // Calendar arithmetic in the user's zone (lib/deadlines/calendar.ts reads Intl's format, a getter, a dozen
    // times per window): after a file of 3,400 windows, most of each later write's time.
    const spy = vi.spyOn(Intl.DateTimeFormat.prototype as unknown as { format: object }, 'format', 'get');
    try {
      expect(summaryIds(craftedFile(500)).get('sora|alice')?.size).toBeGreaterThan(250);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('cost of the windows with many follow-ups', () => {
  /** One window and n follow-ups about it: the old code copied the list once per follow-up. */
  function followUps(n: number): LedgerEvent[] {
    const events: LedgerEvent[] = [{ ...base('req', T0), kind: 'privacy-request-sent', details: { law: 'gdpr', channel: 'email', request: 'erasure' } } as LedgerEvent];
    for (let i = 0; i < n; i++) events.push({ ...base(`fu-${i}`, T0 + 1 + i), kind: 'follow-up-sent', details: { window: 'req', law: 'gdpr', to: 'authority' } } as LedgerEvent);
    return events;
  }
  // A copy per follow-up shows as list elements copied; counted through the array's iterator,
  // which every spread of the list goes through.
  function elementsCopied(run: () => void): number {
    const proto = Array.prototype as unknown as { [Symbol.iterator]: () => Iterator<unknown> };
    const original = proto[Symbol.iterator];
    let steps = 0;
    proto[Symbol.iterator] = function (this: unknown[]) {
      const inner = original.call(this);
      return { next: () => (steps++, inner.next()), [Symbol.iterator]() { return this; } } as Iterator<unknown>;
    };
    try {
      run();
    } finally {
      proto[Symbol.iterator] = original;
    }
    return steps;
  }

  it('keeps each follow-up once: elements stepped through grow linearly with the follow-ups', () => {
    const at = (n: number) => {
      const events = followUps(n);
      const steps = elementsCopied(() => computeWindows(events, { now: T0, timeZone: 'UTC' }));
      const [window] = computeWindows(events, { now: T0, timeZone: 'UTC' });
      expect(window!.followUps).toHaveLength(n);
      return steps / n;
    };
    const small = at(100);
    const large = at(3000);
    expect(large).toBeLessThan(small * 1.5 + 5);
  });
});

describe('cost of the access history (the dashboard derives it after every write)', () => {
  /** n people granted access and n deletions between the grants: every deletion ends what is open. */
  function grantsAndDeletions(n: number): LedgerEvent[] {
    return Array.from({ length: n }, (_, i) => [
      { ...base(`grant-${i}`, T0 + 2 * i), kind: 'access-granted', details: { person: `p${i}` } } as LedgerEvent,
      { ...base(`delete-${i}`, T0 + 2 * i + 1), kind: 'cameo-deleted', details: {} } as LedgerEvent,
    ]).flat();
  }
  // Looking at every person again per deletion shows as elements filtered: n people × n deletions.
  function elementsFiltered(run: () => void): number {
    const original = Array.prototype.filter;
    let visited = 0;
    Array.prototype.filter = function (this: unknown[], ...args: Parameters<typeof original>) {
      visited += this.length;
      return original.apply(this, args);
    } as typeof original;
    try {
      run();
    } finally {
      Array.prototype.filter = original;
    }
    return visited;
  }

  it('looks at each event a bounded number of times, not every person once per deletion', () => {
    const perEvent = (n: number) => {
      const events = grantsAndDeletions(n);
      const visited = elementsFiltered(() => expect(grantHistory(events, account)).toHaveLength(n));
      return visited / events.length;
    };
    expect(perEvent(2000)).toBeLessThan(perEvent(100) * 1.5 + 2);
  });
});

describe('cost of one write, whatever the account already holds', () => {
  it('brings the summary up to date from its row, without reading the account\'s history, after a file of thousands for one account', async () => {
    const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
    const { appendAll, LedgerDb, loadSummaryInputs, record } = await import('@/lib/ledger/ledger');
    const { vi } = await import('vitest');
    const db = new LedgerDb('cost', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    // A crafted file: 2,000 people granted and half of them revoked, 500 deletions, for one account.
    const file: LedgerEvent[] = [];
    for (let i = 0; i < 2000; i++) {
      file.push({ ...base(`grant-000${i}`, T0 + i), kind: 'access-granted', details: { person: `p${i}` } } as LedgerEvent);
      if (i % 2) file.push({ ...base(`revoke-000${i}`, T0 + 2000 + i), kind: 'access-revoked', details: { person: `p${i}` } } as LedgerEvent);
      if (i % 4 === 0) file.push({ ...base(`delete-000${i}`, T0 + 5000 + i), kind: 'cameo-deleted', details: {} } as LedgerEvent);
    }
    await appendAll(db, file);
    // The store's own handle on each table (lib/ledger.ts reads them by name), not the typed property beside it.
    const reads = vi.spyOn(db.table('summaryMembers'), 'where');
    const later = T0 + 10_000;
    // A page observation, a grant to someone new, a revocation of someone in the row, an audience change.
    await record(db, { kind: 'cameo-deleted', occurredAt: later, account, source: 'page', evidence: {}, details: {} }, later);
    const newcomer = await record(db, { kind: 'access-granted', occurredAt: later + 1, account, source: 'manual', evidence: {}, details: { person: 'newcomer' } }, later + 1);
    await record(db, { kind: 'access-revoked', occurredAt: later + 2, account, source: 'page', evidence: {}, details: { person: 'p2' } }, later + 2);
    await record(db, { kind: 'audience-changed', occurredAt: later + 3, account, source: 'page', evidence: {}, details: { after: 'only-me' } }, later + 3);
    expect(reads).not.toHaveBeenCalled();
    // What a grant and an audience change put is a few small parts, not the account's 2,000 people:
    // one summary row per account put them all with every write (434 KB after a crafted 12,000).
    const puts = vi.spyOn(db.table('summaryParts'), 'bulkPut');
    await record(db, { kind: 'access-granted', occurredAt: later + 4, account, source: 'manual', evidence: {}, details: { person: 'second newcomer' } }, later + 4);
    await record(db, { kind: 'audience-changed', occurredAt: later + 5, account, source: 'page', evidence: {}, details: { after: 'everyone' } }, later + 5);
    const put = puts.mock.calls.flatMap(([parts]) => parts as { events: unknown[] }[]);
    expect(put.length).toBeGreaterThan(0);
    expect(put.length).toBeLessThanOrEqual(4);
    expect(put.flatMap((p) => p.events).length).toBeLessThanOrEqual(10);
    // …and the row says what a rebuild from the whole log says.
    const people = (await loadSummaryInputs(db)).events.filter((e) => e.kind === 'access-granted').map((e) => e.id);
    expect(people).toContain(newcomer.event.id);
    expect(people).not.toContain('grant-0002');
    db.close();
  });
});

describe('the quick path is taken only when the row alone decides', () => {
  it('a grant recorded with a time before a revocation the row no longer holds takes the full path: no access', async () => {
    const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
    const { LedgerDb, loadSummaryInputs, record } = await import('@/lib/ledger/ledger');
    const db = new LedgerDb('order', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    const at = (minutes: number) => T0 + minutes * 60_000;
    const entry = (kind: 'access-granted' | 'access-revoked', person: string, minutes: number) =>
      record(db, { kind, occurredAt: at(minutes), account, source: 'manual', evidence: {}, details: { person } }, at(100));
    await entry('access-granted', 'ann', 0);
    await entry('access-granted', 'bob', 10);
    await entry('access-revoked', 'bob', 30);
    // Typed in later, about a moment before the revocation: bob's access still ended at minute 30.
    await entry('access-granted', 'bob', 20);
    const people = (await loadSummaryInputs(db)).events.filter((e) => e.kind === 'access-granted' && e.details.person === 'bob');
    expect(people).toEqual([]);
    db.close();
  });
});
