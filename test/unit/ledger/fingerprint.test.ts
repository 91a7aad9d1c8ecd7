// The ledger's fingerprint chain: built in the write path, one link per event in recording order,
// unforkable by concurrent writers, built for a database that had none, and broken by any tampering.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Account, LedgerEvent, NewEvent } from '@/lib/ledger/events';
import { canonicalJson, checkChain, GENESIS, linkHash, sha256Hex } from '@/lib/ledger/fingerprint';
import { appendAll, buildEvent, LedgerDb, record, removeEntry } from '@/lib/ledger/ledger';
import { DB_VERSIONS } from '@/lib/ledger/tables';
import { ledgerFingerprint, readChain, verifyLedger } from '@/lib/ledger/ledger-fingerprint';
import { checkFingerprintOnOpen, readFingerprintCheck } from '@/lib/background/fingerprint-check';

const T0 = Date.UTC(2026, 2, 1, 9);
const MINUTE = 60_000;
const ALICE: Account = { service: 'sora', handle: 'alice' };
const freshDb = (factory = new IDBFactory(), name = 'fingerprint-test') => new LedgerDb(name, { indexedDB: factory, IDBKeyRange });
const grant = (person: string, at: number): NewEvent => ({ kind: 'access-granted', details: { person }, occurredAt: at, account: ALICE, source: 'manual', evidence: {} });

describe('canonical form', () => {
  it('sorts keys, drops undefined fields and whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: undefined }, 'é': 'ü' })).toBe('{"a":{"d":[1,"x"]},"b":1,"é":"ü"}');
  });

  it('hashes with SHA-256 of UTF-8 text (a known vector)', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('the chain in the write path', () => {
  it('links every event written, in the order recorded, each to the one before', async () => {
    const db = freshDb();
    const a = await record(db, grant('dan', T0), T0);
    const b = await record(db, grant('eve', T0 + MINUTE), T0 + MINUTE);
    const removal = await removeEntry(db, a.event.id, T0 + 2 * MINUTE);
    const links = await readChain(db);
    expect(links.map((l) => l.id)).toEqual([a.event.id, b.event.id, removal.id]);
    expect(links[0]!.hash).toBe(await linkHash(GENESIS, a.event));
    expect(links[1]!.hash).toBe(await linkHash(links[0]!.hash, b.event));
    expect(await ledgerFingerprint(db)).toEqual({ seq: 3, hash: links[2]!.hash, recordedAt: removal.recordedAt });
    expect(await verifyLedger(db)).toMatchObject({ ok: true, count: 3 });
  });

  it('does not link a duplicate that was not written', async () => {
    const db = freshDb();
    const page = { ...grant('dan', T0), source: 'page' } as NewEvent;
    await record(db, page, T0);
    expect((await record(db, page, T0 + 1000)).status).toBe('duplicate');
    expect(await db.chain.count()).toBe(1);
  });

  it('cannot fork under writes at the same moment: one chain, every event once', async () => {
    const db = freshDb();
    await Promise.all(Array.from({ length: 40 }, (_, i) => record(db, grant(`p${i}`, T0 + i * MINUTE), T0 + i)));
    await Promise.all([appendAll(db, [buildEvent(grant('bulk', T0), T0, 'bulk-event-1')]), record(db, grant('last', T0), T0 + 99)]);
    const links = await readChain(db);
    expect(links.map((l) => l.seq)).toEqual(Array.from({ length: 42 }, (_, i) => i + 1));
    expect(new Set(links.map((l) => l.id)).size).toBe(42);
    expect(await verifyLedger(db)).toMatchObject({ ok: true, count: 42 });
  });
});

describe('a database of an earlier version', () => {
  it('gets its chain built by the upgrade, in recording order', async () => {
    const factory = new IDBFactory();
    const events = [T0 + 5, T0 + 1, T0 + 3].map((at, i) => buildEvent(grant(`p${i}`, at), at, `old-event-${i}`));
    const v2 = new Dexie('fingerprint-upgrade', { indexedDB: factory, IDBKeyRange });
    v2.version(1).stores(DB_VERSIONS[1]);
    v2.version(2).stores(DB_VERSIONS[2]);
    await v2.table('events').bulkAdd(events);
    v2.close();
    const db = freshDb(factory, 'fingerprint-upgrade');
    await db.open();
    expect((await readChain(db)).map((l) => l.id)).toEqual(['old-event-1', 'old-event-2', 'old-event-0']);
    expect(await verifyLedger(db)).toMatchObject({ ok: true, count: 3 });
    // New writes continue the chain.
    await record(db, grant('new', T0 + 10), T0 + 10);
    expect(await verifyLedger(db)).toMatchObject({ ok: true, count: 4 });
  });
});

describe('tampering', () => {
  async function ledgerOf(n: number) {
    const db = freshDb();
    const events: LedgerEvent[] = [];
    for (let i = 0; i < n; i++) events.push((await record(db, grant(`p${i}`, T0 + i * MINUTE), T0 + i)).event);
    return { db, events };
  }

  it('an event changed in place breaks the chain at that event, and nothing is repaired', async () => {
    const { db, events } = await ledgerOf(5);
    await db.events.put({ ...events[2]!, details: { person: 'mallory' } } as LedgerEvent);
    expect(await verifyLedger(db)).toEqual({ ok: false, seq: 3, id: events[2]!.id, problem: 'changed' });
    expect(await verifyLedger(db)).toEqual({ ok: false, seq: 3, id: events[2]!.id, problem: 'changed' });
  });

  it('an event deleted, an event added outside the write path, or links reordered are found', async () => {
    const deleted = await ledgerOf(4);
    await deleted.db.events.delete(deleted.events[1]!.id);
    expect(await verifyLedger(deleted.db)).toMatchObject({ ok: false, seq: 2, problem: 'missing-event' });

    const added = await ledgerOf(3);
    await added.db.events.add(buildEvent(grant('sneaky', T0), T0, 'sneaky-event'));
    expect(await verifyLedger(added.db)).toMatchObject({ ok: false, problem: 'unlinked-event' });

    const { events } = await ledgerOf(3);
    const links = [];
    let prev = GENESIS;
    for (const [i, e] of events.entries()) links.push({ seq: i + 1, id: e.id, hash: (prev = await linkHash(prev, e)) });
    const swapped = [{ ...links[1]!, seq: 1 }, { ...links[0]!, seq: 2 }, links[2]!];
    const byId = new Map(events.map((e) => [e.id, e]));
    expect(await checkChain(swapped, (id) => byId.get(id), 3)).toMatchObject({ ok: false, seq: 1, problem: 'changed' });
  });
});

describe('the background\'s check on opening', () => {
  const sessionArea = () => {
    const store: Record<string, unknown> = {};
    return { store, get: async (k: string) => ({ [k]: store[k] }), set: async (items: Record<string, unknown>) => void Object.assign(store, items) };
  };

  it('records a broken chain for the popup, once per session, and repairs nothing', async () => {
    const db = freshDb();
    const a = await record(db, grant('dan', T0), T0);
    await record(db, grant('eve', T0), T0 + 1);
    await db.events.put({ ...a.event, occurredAt: T0 - 1 } as LedgerEvent);
    const session = sessionArea();
    expect(await checkFingerprintOnOpen(db, session, T0 + 5)).toEqual({ ok: false, checkedAt: T0 + 5, seq: 1 });
    expect(await readFingerprintCheck(session)).toEqual({ ok: false, checkedAt: T0 + 5, seq: 1 });
    expect((await db.events.get(a.event.id))?.occurredAt).toBe(T0 - 1);
    expect((await checkFingerprintOnOpen(db, session, T0 + 9)).checkedAt).toBe(T0 + 5);
  });

  it('records a sound chain as sound', async () => {
    const db = freshDb();
    await record(db, grant('dan', T0), T0);
    expect(await checkFingerprintOnOpen(db, sessionArea(), T0)).toEqual({ ok: true, checkedAt: T0 });
  });
});

describe('for the letters', () => {
  it('states the fingerprint with its date, and an imported entry with its file', async () => {
    const { fingerprintStatement, importedStatement } = await import('@/lib/ledger/provenance');
    const fp = { seq: 12, hash: 'ab'.repeat(32), recordedAt: Date.UTC(2026, 2, 1, 9, 30) };
    expect(fingerprintStatement(fp, 'Europe/Berlin')).toBe(
      'Fingerprint of my ledger (SHA-256 hash chain over its 12 entries, the last recorded 2026-03-01T10:30+01:00): abababab abababab abababab abababab abababab abababab abababab abababab',
    );
    expect(fingerprintStatement(null, 'UTC')).toMatch(/empty/);
    const e = buildEvent(grant('dan', T0), T0, 'letter-event-1');
    expect(importedStatement(e, 'UTC')).toBeNull();
    expect(importedStatement({ ...e, imported: { file: 'old.json', at: T0, fingerprint: 'unverified' } }, 'UTC')).toBe(
      'imported from the file "old.json" on 2026-03-01 (the file\'s fingerprint did not check out)',
    );
  });
});
