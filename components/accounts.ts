import type { Account, LedgerEvent } from '@/lib/ledger/events';
import { accountKey } from '@/lib/ledger/relations';

/** Accounts with the most recent entry first: the one the user most likely means. */
export function recentFirst(accounts: readonly Account[], events: readonly LedgerEvent[]): Account[] {
  const last = new Map<string, number>();
  for (const e of events) last.set(accountKey(e.account), Math.max(last.get(accountKey(e.account)) ?? 0, e.occurredAt));
  return [...accounts].sort((a, b) => (last.get(accountKey(b)) ?? 0) - (last.get(accountKey(a)) ?? 0));
}
