/**
 * The ledger's fingerprint checked when the background first opens it in a browser session: every
 * event recomputed against its chain (lib/ledger/ledger-fingerprint.ts). The outcome is kept in
 * storage.session, where the popup reads it and says so if the chain is broken. Never repaired:
 * a broken chain is evidence that something changed the ledger outside the extension.
 */
import type { LedgerDb } from '../ledger/ledger';
import { verifyLedger } from '../ledger/ledger-fingerprint';
import type { StorageArea } from '../settings/storage-area';

export const FINGERPRINT_CHECK_KEY = 'fingerprintCheck';

export interface FingerprintCheck {
  ok: boolean;
  checkedAt: number;
  /** Where the chain breaks (the link's place, from 1). */
  seq?: number;
}

/** The last check's outcome, or null when there was none (or what is stored is not one). */
export async function readFingerprintCheck(session: Pick<StorageArea, 'get'>): Promise<FingerprintCheck | null> {
  const stored = (await session.get(FINGERPRINT_CHECK_KEY))[FINGERPRINT_CHECK_KEY] as Partial<FingerprintCheck> | undefined;
  if (!stored || typeof stored.ok !== 'boolean' || typeof stored.checkedAt !== 'number') return null;
  return { ok: stored.ok, checkedAt: stored.checkedAt, ...(typeof stored.seq === 'number' ? { seq: stored.seq } : {}) };
}

/**
 * Checks once per browser session: the service worker starts many times a session, and hashing
 * 100k events costs seconds; every write in between extends the chain in its own transaction.
 */
export async function checkFingerprintOnOpen(db: LedgerDb, session: StorageArea, now = Date.now()): Promise<FingerprintCheck> {
  const earlier = await readFingerprintCheck(session);
  if (earlier) return earlier;
  const result = await verifyLedger(db);
  const check: FingerprintCheck = { ok: result.ok, checkedAt: now, ...(result.ok ? {} : { seq: result.seq }) };
  await session.set({ [FINGERPRINT_CHECK_KEY]: check });
  return check;
}
