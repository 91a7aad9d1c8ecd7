/**
 * What the popup's summary keeps, derived from effective events (pure): per account, per part, the
 * few events that decide what the popup shows. The store keeps these parts up to date in every
 * write (append.ts); tests compare the two.
 */
import type { EventKind, EventOf, LedgerEvent } from './events';
import { windowOpeners } from '../deadlines/windows';
import { soraClosureDeciders } from '../deadlines/sora-closure';
import { kindsWhere } from './event-kinds';
import { accountKey, chronological, handleKey, personKey, settledBy } from './relations';

/** The kinds the popup's summary derives from (lib/ledger/event-kinds.ts, the `summary` facet). */
export const SUMMARY_KINDS: EventKind[] = kindsWhere('summary');
export const isSummaryKind = (e: LedgerEvent) => SUMMARY_KINDS.includes(e.kind);

/**
 * The summary rows, from effective events: per account, the ids of the events that decide what
 * the popup shows (lib/ledger/summary.ts). Any other summary-kind event cannot change it:
 * - the account's first event (the popup lists accounts in the order first seen);
 * - its latest audience change;
 * - its latest name (lib/ledger/account-names.ts);
 * - for each person with access now: the first grant after their last revocation or the cameo's
 *   deletion, which ends everyone's (the access dates
 *   from it), and if they were first written otherwise, that first event and the last revocation;
 * - each window not verified, with the answers that extended it: a verified window never shows;
 * - the entries that decide whether Sora's closure opened a window (lib/deadlines/windows.ts).
 * What is kept must mean alone what it means in the whole log: a person's first event comes
 * with the events that end or renew their access, a window's opener with what closed or extended it.
 * An event is kept in the row of the account whose part of the summary needs it, which for an
 * answer or a verification may not be its own.
 * Pure: the store keeps this up to date account by account; tests compare the two.
 */
export function summaryIds(live: readonly LedgerEvent[]): Map<string, Set<string>> {
  return new Map([...summaryParts(live)].map(([account, parts]) => [account, new Set([...parts.values()].flatMap((ids) => [...ids]))]));
}

/** The head of an account's summary: its first event, its audience and what decides Sora's closure. */
export const HEAD_PART = 'head';
export const personPart = (person: string) => `person|${handleKey(person)}`;
export const windowPart = (id: string) => `window|${id}`;

/**
 * `summaryIds` by part, as the store keeps it: per account, per part, the ids that part needs
 * (`HEAD_PART`, one `personPart` per person, one `windowPart` per window). The rule that keeps an
 * event names its part. A part holds everything it needs to mean alone, so a write reads and
 * puts only the parts it changes; an event two parts need is in both (a cameo's deletion that
 * ended the access of several people, the opener of a window that is also the account's first
 * event). The union of an account's parts is its row in `summaryIds`.
 */
export function summaryParts(live: readonly LedgerEvent[]): Map<string, Map<string, Set<string>>> {
  const rows = new Map<string, Set<string>>();
  const parts = new Map<string, Map<string, Set<string>>>();
  const keep = (account: string, part: string, e: LedgerEvent) => {
    rows.set(account, (rows.get(account) ?? new Set()).add(e.id));
    const ofAccount = parts.get(account) ?? new Map<string, Set<string>>();
    parts.set(account, ofAccount.set(part, (ofAccount.get(part) ?? new Set()).add(e.id)));
  };
  const audience = new Map<string, LedgerEvent>();
  const naming = new Map<string, LedgerEvent>();
  type AccessChange = EventOf<'access-granted'> | EventOf<'access-revoked'>;
  type Person = { account: string; first: AccessChange; lastRevocation?: LedgerEvent; grantedSince: AccessChange | undefined };
  const people = new Map<string, Person>();
  // Who has access now, per account: a cameo's deletion ends everyone's access (grants.ts), and
  // clearing this set keeps that linear however many deletions and people a file holds.
  const withAccess = new Map<string, Set<Person>>();
  for (const e of live.filter(isSummaryKind).sort(chronological)) {
    const account = accountKey(e.account);
    if (!rows.has(account)) keep(account, HEAD_PART, e);
    if (e.kind === 'audience-changed') audience.set(account, e);
    if (e.kind === 'account-named') naming.set(account, e);
    if (e.kind === 'cameo-deleted') {
      for (const person of withAccess.get(account) ?? []) {
        person.lastRevocation = e;
        person.grantedSince = undefined;
      }
      withAccess.delete(account);
    }
    if (e.kind === 'access-granted' || e.kind === 'access-revoked') {
      const key = personKey(e.account, e.details.person);
      const person = people.get(key) ?? { account, first: e, grantedSince: undefined };
      people.set(key, person);
      if (e.kind === 'access-revoked') {
        person.lastRevocation = e;
        person.grantedSince = undefined;
        withAccess.get(account)?.delete(person);
      } else {
        person.grantedSince ??= e;
        withAccess.set(account, (withAccess.get(account) ?? new Set()).add(person));
      }
    }
  }
  // Whether Sora's closure opened a window hangs on entries no other rule keeps (a verified deletion,
  // say); kept before the people, since a grant kept here needs its revocation with it.
  for (const e of soraClosureDeciders(live)) keep(accountKey(e.account), HEAD_PART, e);
  for (const [account, e] of audience) keep(account, HEAD_PART, e);
  for (const [account, e] of naming) keep(account, HEAD_PART, e);
  for (const { account, first, lastRevocation, grantedSince } of people.values()) {
    const part = personPart(first.details.person);
    const firstKept = rows.get(account)?.has(first.id) ?? false;
    if (grantedSince) keep(account, part, grantedSince);
    // Alone, the grant in force says it all unless the name was first written otherwise.
    if (firstKept || (grantedSince && grantedSince.details.person !== first.details.person)) {
      for (const e of [first, lastRevocation]) if (e) keep(account, part, e);
    }
  }
  // What closes or extends each window, by the window it names: one pass, not one per window
  // (a file of thousands of windows and answers made that quadratic).
  const closing = new Map<string, LedgerEvent[]>();
  for (const e of live) {
    const target = settledBy(e);
    if (target === undefined) continue;
    const list = closing.get(target);
    if (list) list.push(e);
    else closing.set(target, [e]);
  }
  for (const w of windowOpeners(live)) {
    const account = accountKey(w.opener.account);
    if (w.verified && !rows.get(account)?.has(w.id)) continue;
    keep(account, windowPart(w.id), w.opener);
    for (const e of closing.get(w.id) ?? []) keep(account, windowPart(w.id), e);
  }
  return parts;
}
