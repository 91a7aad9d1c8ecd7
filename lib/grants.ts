/**
 * Who can use my cameo: derived from the ledger's grants, revocations and audience changes.
 * Pure functions over effective events (lib/ledger.ts `effectiveEvents`). Handles compare
 * without case: "@Bob" and "@bob" are one person.
 */
import type { Account, Audience, EventOf, LedgerEvent } from './events';

const sameAccount = (a: Account, b: Account) => a.service === b.service && a.handle.toLowerCase() === b.handle.toLowerCase();
const chronological = (a: LedgerEvent, b: LedgerEvent) => a.occurredAt - b.occurredAt || a.recordedAt - b.recordedAt;

/** Every account the ledger knows, in the order first seen. */
export function accountsOf(events: readonly LedgerEvent[]): Account[] {
  const seen: Account[] = [];
  for (const e of [...events].sort(chronological)) if (!seen.some((a) => sameAccount(a, e.account))) seen.push(e.account);
  return seen;
}

/** The cameo's audience now: the latest audience change, or null if none was ever recorded. */
export function audienceNow(events: readonly LedgerEvent[], account: Account): Audience | null {
  let latest: EventOf<'audience-changed'> | null = null;
  for (const e of events) {
    if (e.kind === 'audience-changed' && sameAccount(e.account, account) && (!latest || chronological(latest, e) < 0)) latest = e;
  }
  return latest?.details.after ?? null;
}

export interface AccessInterval {
  from: number;
  /** Absent while access lasts. */
  to?: number;
}

export interface PersonHistory {
  person: string;
  intervals: AccessInterval[];
}

/** Each person's access as intervals, from grant to revocation, oldest first. */
export function grantHistory(events: readonly LedgerEvent[], account: Account): PersonHistory[] {
  const byPerson = new Map<string, PersonHistory>();
  const changes = events.filter(
    (e): e is EventOf<'access-granted'> | EventOf<'access-revoked'> =>
      (e.kind === 'access-granted' || e.kind === 'access-revoked') && sameAccount(e.account, account),
  );
  for (const e of changes.sort(chronological)) {
    const key = e.details.person.toLowerCase();
    const history = byPerson.get(key) ?? { person: e.details.person, intervals: [] };
    byPerson.set(key, history);
    const open = history.intervals.find((i) => i.to === undefined);
    if (e.kind === 'access-granted' && !open) history.intervals.push({ from: e.occurredAt });
    if (e.kind === 'access-revoked' && open) open.to = e.occurredAt;
  }
  return [...byPerson.values()];
}

/** The people who can use the cameo now, and since when, longest-standing first. */
export function peopleWithAccess(events: readonly LedgerEvent[], account: Account): { person: string; since: number }[] {
  return grantHistory(events, account)
    .flatMap(({ person, intervals }) => intervals.filter((i) => i.to === undefined).map((i) => ({ person, since: i.from })))
    .sort((a, b) => a.since - b.since);
}

/**
 * Appearances of the cameo made by someone whose access had been revoked before, and not granted
 * again: proof of use after revocation.
 */
export function usedAfterRevocation(events: readonly LedgerEvent[]): EventOf<'appearance-seen'>[] {
  const flagged: EventOf<'appearance-seen'>[] = [];
  const histories = new Map<string, PersonHistory[]>();
  for (const e of events) {
    if (e.kind !== 'appearance-seen') continue;
    const key = `${e.account.service}|${e.account.handle.toLowerCase()}`;
    if (!histories.has(key)) histories.set(key, grantHistory(events, e.account));
    const history = histories.get(key)!.find((h) => h.person.toLowerCase() === e.details.by.toLowerCase());
    if (!history) continue;
    const at = e.occurredAt;
    const hadAccess = history.intervals.some((i) => i.from <= at && (i.to === undefined || at < i.to));
    const revokedBefore = history.intervals.some((i) => i.to !== undefined && i.to <= at);
    if (!hadAccess && revokedBefore) flagged.push(e);
  }
  return flagged;
}
