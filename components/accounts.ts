import type { Account, LedgerEvent } from '@/lib/events';

/** Accounts compare without case, as in lib/grants.ts. */
export const accountKey = (a: Pick<Account, 'handle'> & { service: string }) => `${a.service}|${a.handle.toLowerCase()}`;

/** Accounts with the most recent entry first: the one the user most likely means. */
export function recentFirst(accounts: readonly Account[], events: readonly LedgerEvent[]): Account[] {
  const last = new Map<string, number>();
  for (const e of events) last.set(accountKey(e.account), Math.max(last.get(accountKey(e.account)) ?? 0, e.occurredAt));
  return [...accounts].sort((a, b) => (last.get(accountKey(b)) ?? 0) - (last.get(accountKey(a)) ?? 0));
}
