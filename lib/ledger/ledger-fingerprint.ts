/**
 * The fingerprint of the ledger in IndexedDB: its head, to show and quote, and a check of the whole
 * chain against the events (at the background's start, and when the dashboard opens). A check
 * that fails is reported, never repaired: a broken chain is itself evidence that something changed.
 */
import { checkChain, type ChainCheck, type ChainLink, type LedgerFingerprint } from './fingerprint';
import type { LedgerDb } from './ledger';

/** The ledger's newest link and when its event was recorded; null for an empty ledger. */
export async function ledgerFingerprint(db: LedgerDb): Promise<LedgerFingerprint | null> {
  return db.transaction('r', [db.chain, db.events], async () => {
    const head = await db.chain.orderBy('seq').last();
    const event = head && (await db.events.get(head.id));
    return head && event ? { seq: head.seq, hash: head.hash, recordedAt: event.recordedAt } : null;
  });
}

/** Where the chain ends: its length and its last hash (which tells a ledger erased and written anew from the one read before). */
export interface ChainEnd {
  seq: number;
  hash: string;
}

/**
 * The chain's last link, read through its key: a few reads whatever the ledger's size. Its length
 * is the number of events (each is linked once), which `count()` would find by walking every
 * event in Chromium (a third of a second at 100k).
 */
export async function chainEnd(db: LedgerDb): Promise<ChainEnd> {
  const last = await db.chain.orderBy('seq').last();
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: '' };
}

/** Every link, in order. */
export const readChain = (db: LedgerDb): Promise<ChainLink[]> => db.chain.orderBy('seq').toArray();

/** Recomputes the whole chain from the events, in one read transaction (a write meanwhile waits or comes after). */
export async function verifyLedger(db: LedgerDb): Promise<ChainCheck> {
  const { links, events } = await db.transaction('r', [db.chain, db.events], async () => ({
    links: await db.chain.orderBy('seq').toArray(),
    events: await db.events.toArray(),
  }));
  const byId = new Map(events.map((e) => [e.id, e]));
  return checkChain(links, (id) => byId.get(id), events.length);
}
