/**
 * Who can use my cameo: derived from the ledger's grants, revocations and audience changes.
 * Pure functions over effective events (lib/ledger/relations.ts `effectiveEvents`). Handles compare
 * without case (lib/ledger/relations.ts `accountKey`, `personKey`): "@Bob" and "@bob" are one person.
 */
import type { Account, Audience, EventOf, LedgerEvent } from './events';
import { accountKey, chronological, handleKey, personKey } from './relations';

type AccessChange = EventOf<'access-granted'> | EventOf<'access-revoked'>;

/**
 * The latest of events sorted oldest first that happened strictly before `at`. A binary search:
 * `usedAfterRevocation` asks once per appearance, and a person's changes can be many.
 */
function latestBefore<T extends LedgerEvent>(sorted: readonly T[], at: number): T | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.occurredAt < at) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo - 1];
}

/** Events grouped under a key, each group oldest first. */
function groupSorted<T extends LedgerEvent>(events: readonly T[], key: (e: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const e of [...events].sort(chronological)) {
    const group = groups.get(key(e));
    if (group) group.push(e);
    else groups.set(key(e), [e]);
  }
  return groups;
}

const audienceChanges = (events: readonly LedgerEvent[]) =>
  events.filter((e): e is EventOf<'audience-changed'> => e.kind === 'audience-changed');
const accessChanges = (events: readonly LedgerEvent[]) =>
  events.filter((e): e is AccessChange => e.kind === 'access-granted' || e.kind === 'access-revoked');

/** Every account the ledger knows, in the order first seen. */
export function accountsOf(events: readonly LedgerEvent[]): Account[] {
  const seen = new Map<string, Account>();
  for (const e of [...events].sort(chronological)) if (!seen.has(accountKey(e.account))) seen.set(accountKey(e.account), e.account);
  return [...seen.values()];
}

/** The cameo's audience now: the latest audience change, or null if none was ever recorded. */
export function audienceNow(events: readonly LedgerEvent[], account: Account): Audience | null {
  const own = audienceChanges(events).filter((e) => accountKey(e.account) === accountKey(account));
  return latestBefore(own.sort(chronological), Infinity)?.details.after ?? null;
}

export interface AccessInterval {
  from: number;
  /** Absent while access lasts. */
  to?: number;
  /** Set when the grant (or the revocation) was remembered only to the month: show the month, not a day. */
  fromMonth?: true;
  toMonth?: true;
}

export interface PersonHistory {
  /** As first written in the ledger. */
  person: string;
  intervals: AccessInterval[];
}

/**
 * Each person's access as intervals, from grant to revocation, oldest first. A second grant
 * while access lasts changes nothing; a revocation without a recorded grant (one given before
 * the ledger started) has no interval to close. Deleting the cameo ends everyone's access at
 * that moment: nobody can use a cameo that is gone (and a later cameo starts with no grants),
 * so neither the popup nor the in-page warning asks to revoke access to a deleted cameo.
 */
export function grantHistory(events: readonly LedgerEvent[], account: Account): PersonHistory[] {
  const byPerson = new Map<string, PersonHistory>();
  // Each person's interval still open, so that a deletion ends only those: every person's every
  // interval looked at again per deletion made a file of thousands of both cost seconds per view.
  const open = new Map<string, AccessInterval>();
  const own = events.filter(
    (e): e is AccessChange | EventOf<'cameo-deleted'> =>
      (e.kind === 'access-granted' || e.kind === 'access-revoked' || e.kind === 'cameo-deleted') && accountKey(e.account) === accountKey(account),
  );
  const end = (interval: AccessInterval, e: LedgerEvent) => {
    interval.to = e.occurredAt;
    if (e.occurredPrecision === 'month') interval.toMonth = true;
  };
  for (const e of own.sort(chronological)) {
    if (e.kind === 'cameo-deleted') {
      for (const interval of open.values()) end(interval, e);
      open.clear();
      continue;
    }
    const key = handleKey(e.details.person);
    const history = byPerson.get(key) ?? { person: e.details.person, intervals: [] };
    byPerson.set(key, history);
    const current = open.get(key);
    if (e.kind === 'access-granted' && !current) {
      const interval: AccessInterval = e.occurredPrecision === 'month' ? { from: e.occurredAt, fromMonth: true } : { from: e.occurredAt };
      history.intervals.push(interval);
      open.set(key, interval);
    }
    if (e.kind === 'access-revoked' && current) {
      end(current, e);
      open.delete(key);
    }
  }
  return [...byPerson.values()];
}

/**
 * The people who can use the cameo now, and since when, longest-standing first. `sinceMonth`:
 * the grant was remembered only to the month, so `since` means that month.
 */
export function peopleWithAccess(events: readonly LedgerEvent[], account: Account): { person: string; since: number; sinceMonth?: true }[] {
  return grantHistory(events, account)
    .flatMap(({ person, intervals }) =>
      intervals.filter((i) => i.to === undefined).map((i) => (i.fromMonth ? { person, since: i.from, sinceMonth: true as const } : { person, since: i.from })),
    )
    .sort((a, b) => a.since - b.since);
}

/**
 * Appearances of the owner's cameo by someone whose last access change before the appearance was
 * a revocation: proof of use after revocation. Not while the audience was 'mutuals' or 'everyone':
 * then the person may have used it as one of those, and the ledger cannot tell.
 */
export function usedAfterRevocation(events: readonly LedgerEvent[]): EventOf<'appearance-seen'>[] {
  const access = groupSorted(accessChanges(events), (e) => personKey(e.account, e.details.person));
  const audiences = groupSorted(audienceChanges(events), (e) => accountKey(e.account));
  return events.filter((e): e is EventOf<'appearance-seen'> => {
    if (e.kind !== 'appearance-seen') return false;
    const last = latestBefore(access.get(personKey(e.account, e.details.by)) ?? [], e.occurredAt);
    const audience = latestBefore(audiences.get(accountKey(e.account)) ?? [], e.occurredAt)?.details.after;
    return last?.kind === 'access-revoked' && audience !== 'mutuals' && audience !== 'everyone';
  });
}
