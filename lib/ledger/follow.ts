/**
 * The whole ledger as an open page keeps it, in step with writes from anywhere (the background
 * records while the dashboard is open). It is read whole once; after that, each write is read
 * alone. Every write links its events to the fingerprint chain in its own transaction, and the
 * ledger is append-only (a removal or a new version is an event too), so the links after the last
 * one a page has seen name exactly the events it lacks.
 *
 * Why not read it whole after each write, as the dashboard did: in Chromium, counting and reading
 * 100k events holds the browser's IndexedDB for about half a second, and every write waits behind
 * it. A dashboard left open made each write at 100k several times slower than at 10 events
 * (BENCHMARKS.md, "A write against the ledger's size").
 */
import { liveQuery } from 'dexie';
import type { LedgerEvent } from './events';
import type { LedgerDb } from './ledger';
import { chainEnd, type ChainEnd } from './ledger-fingerprint';
import { present } from './references';
import { readLedger } from '../report/export';
import type { OnProgress } from '../report/progress';

export interface LedgerCopy {
  /** Every event, in order of id, as `readLedger` gives them. */
  events: LedgerEvent[];
  /** The end of the chain this copy holds every event up to. */
  end: ChainEnd;
}

/** The whole ledger, and the chain's end read before it: what is written during the read is read again by the next catch-up, never missed. */
export async function readWhole(db: LedgerDb, onProgress?: OnProgress): Promise<LedgerCopy> {
  const end = await chainEnd(db);
  return { events: await readLedger(db, onProgress), end };
}

const byId = (a: LedgerEvent, b: LedgerEvent) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Two lists in order of id as one, each event once (the whole read may have met an event written during it). */
function merged(known: readonly LedgerEvent[], fresh: readonly LedgerEvent[]): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  let [i, j] = [0, 0];
  while (i < known.length || j < fresh.length) {
    const order = i === known.length ? 1 : j === fresh.length ? -1 : byId(known[i]!, fresh[j]!);
    if (order <= 0) events.push(known[i++]!);
    else events.push(fresh[j++]!);
    if (order === 0) j++;
  }
  return events;
}

/**
 * More new events than this are read whole instead, in chunks that let the page breathe (an import
 * of 100k through another page): one catch-up would read them in one request.
 */
export const CATCH_UP_AT_MOST = 5000;

/**
 * The copy with the events linked after its end, or null when only a whole read is right: the
 * chain no longer passes through that end (the ledger was erased, or replaced), or too much is new.
 */
export async function catchUp(db: LedgerDb, copy: LedgerCopy): Promise<LedgerCopy | null> {
  return db.transaction('r', db.chain, db.events, async () => {
    if (copy.end.seq > 0 && (await db.chain.get(copy.end.seq))?.hash !== copy.end.hash) return null;
    const links = await db.chain.where('seq').above(copy.end.seq).limit(CATCH_UP_AT_MOST + 1).toArray();
    if (links.length === 0) return copy;
    if (links.length > CATCH_UP_AT_MOST) return null;
    const fresh = present(await db.events.bulkGet(links.map((l) => l.id))).sort(byId);
    const last = links.at(-1)!;
    return { events: merged(copy.events, fresh), end: { seq: last.seq, hash: last.hash } };
  });
}

/**
 * Shows the whole ledger, then again after every write, from wherever it comes (Dexie tells every
 * page of the extension). One read at a time: writes during a read make one more catch-up after it.
 * Returns what stops following.
 */
export function followLedger(db: LedgerDb, show: (events: LedgerEvent[]) => void, fail: (error: unknown) => void): () => void {
  let stopped = false;
  let copy: LedgerCopy | null = null;
  let reading = false;
  let readAgain = false;
  const read = () => {
    if (reading) return void (readAgain = true);
    reading = true;
    readAgain = false;
    (async () => {
      const caughtUp = copy && (await catchUp(db, copy));
      const next = caughtUp ?? (await readWhole(db));
      if (next !== copy && !stopped) show(next.events);
      copy = next;
    })()
      .catch((e) => !stopped && fail(e))
      .finally(() => {
        reading = false;
        if (readAgain && !stopped) read();
      });
  };
  // It watches the chain's end alone: every write moves it, and reading it costs the same at any size.
  const subscription = liveQuery(() => chainEnd(db)).subscribe({ next: read, error: (e) => !stopped && fail(e) });
  return () => {
    stopped = true;
    subscription.unsubscribe();
  };
}
