/**
 * How events relate and who they are about: which entry corrects which (an edit supersedes, a
 * removal or a dismissal retracts, a verification or an answer settles a window, a review judges),
 * what therefore still counts, an entry's versions and state, and the keys that make "@Bob" and
 * "@bob" one person. Every reader (the ledger's store and summary, the dashboard, the reports, the
 * derivations) asks here, so that they cannot disagree. Pure, and no zod (type imports only).
 */
import type { Account, EventOf, LedgerEvent } from './events';

/** Handles compare without case: "@Bob" and "@bob" are one person, "Alice" and "alice" one account. */
export const handleKey = (handle: string) => handle.toLowerCase();

/** An account's identity (the service and its handle without case), as keys of maps and of the store. */
export const accountKey = (a: Pick<Account, 'handle'> & { service: string }) => `${a.service}|${handleKey(a.handle)}`;
export const sameAccount = (a: Account, b: Account) => accountKey(a) === accountKey(b);
/** A person on an account: the one granted access there, or seen using its cameo. */
export const personKey = (account: Account, person: string) => `${accountKey(account)}|${handleKey(person)}`;

/**
 * Occurrence order, as every derivation and the store sort: when it happened, then when it was
 * recorded, and the id only settles exact ties, so that two readers of the same events (the popup's
 * summary rows and the full derivation, say) agree on which came first whatever order they read them in.
 */
export const chronological = (a: Pick<LedgerEvent, 'occurredAt' | 'recordedAt' | 'id'>, b: Pick<LedgerEvent, 'occurredAt' | 'recordedAt' | 'id'>) =>
  a.occurredAt - b.occurredAt || a.recordedAt - b.recordedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What judges or takes back another entry: a removal, or the user's review of a page-only observation. */
export type Retraction = EventOf<'entry-removed'> | EventOf<'observation-reviewed'>;
export const isRetraction = (e: LedgerEvent): e is Retraction => e.kind === 'entry-removed' || e.kind === 'observation-reviewed';
/** Whether a retraction takes its target out of every view (a review that confirms keeps it). */
export const retracts = (e: LedgerEvent): e is Retraction =>
  e.kind === 'entry-removed' || (e.kind === 'observation-reviewed' && e.details.verdict === 'dismissed');

/** The window an event settles: a purge its verification, a request its answer, a takedown its outcome. */
export const settledBy = (e: LedgerEvent): string | undefined =>
  e.kind === 'purge-verified'
    ? e.details.window
    : e.kind === 'privacy-answer-received'
      ? e.details.request
      : e.kind === 'takedown-outcome'
        ? e.details.request
        : undefined;

/** The entry an event corrects: an edit what it supersedes, a removal or a review its target. */
export function correctedBy(e: LedgerEvent): string | undefined {
  return isRetraction(e) ? e.details.target : e.supersedes;
}

/** The entry another one is about: the request answered, the window verified, the note's subject. */
export function referenceOf(e: LedgerEvent): string | undefined {
  switch (e.kind) {
    case 'privacy-answer-received':
      return e.details.request;
    case 'purge-verified':
    case 'follow-up-sent':
      return e.details.window;
    case 'note':
      return e.details.about;
    default:
      return undefined;
  }
}

/** Just what a correction needs of an event, so a report's events (ISO instants) qualify too. */
type Correcting = LedgerEvent extends infer E ? (E extends LedgerEvent ? Pick<E, 'id' | 'kind' | 'details' | 'supersedes'> : never) : never;
export type Correction = 'edited' | 'removed' | 'dismissed' | 'confirmed';

/** How each entry was later corrected: by which entry, and how, in the events' order. */
export function correctionsOf(events: readonly Correcting[]): Map<string, { by: string; how: Correction }[]> {
  const found = new Map<string, { by: string; how: Correction }[]>();
  const add = (target: string, by: string, how: Correction) => found.set(target, [...(found.get(target) ?? []), { by, how }]);
  for (const e of events) {
    if (e.supersedes) add(e.supersedes, e.id, 'edited');
    if (e.kind === 'entry-removed') add(e.details.target, e.id, 'removed');
    if (e.kind === 'observation-reviewed') add(e.details.target, e.id, e.details.verdict);
  }
  return found;
}

/**
 * The events that count: without those superseded by a later version, removed, or
 * dismissed by the user. Every derivation starts from its result.
 */
export function effectiveEvents(events: readonly LedgerEvent[]): LedgerEvent[] {
  const gone = new Set<string>();
  for (const e of events) {
    if (e.supersedes) gone.add(e.supersedes);
    if (retracts(e)) gone.add(e.details.target);
  }
  return events.filter((e) => !gone.has(e.id) && !isRetraction(e));
}

/**
 * Every entry in its latest version, removed and dismissed ones included: the timeline shows
 * these when asked to, so that what was taken back can still be found and its history read.
 */
export function latestVersions(all: readonly LedgerEvent[]): LedgerEvent[] {
  const superseded = new Set(all.map((e) => e.supersedes).filter(Boolean));
  return all.filter((e) => !isRetraction(e) && !superseded.has(e.id));
}

/** An entry's versions, oldest first: follows `supersedes` back from the given id and forward to the latest. */
export function historyOf(events: readonly LedgerEvent[], id: string): LedgerEvent[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const successor = new Map<string, LedgerEvent>();
  for (const e of events) if (e.supersedes) successor.set(e.supersedes, e);
  let first = byId.get(id);
  if (!first) return [];
  // An imported file can make `supersedes` go round in a circle; each version is visited once.
  const chain = new Set([first]);
  for (let prev = first.supersedes ? byId.get(first.supersedes) : undefined; prev && !chain.has(prev); prev = prev.supersedes ? byId.get(prev.supersedes) : undefined) {
    chain.add(prev);
    first = prev;
  }
  const versions = [first];
  for (let next = successor.get(first.id); next && !versions.includes(next); next = successor.get(next.id)) versions.push(next);
  const ids = new Set(versions.map((v) => v.id));
  const retractions = events.filter((e) => isRetraction(e) && ids.has(e.details.target));
  return [...versions, ...retractions].sort((a, b) => a.recordedAt - b.recordedAt);
}

/**
 * Where an entry stands: its history, its latest version, the retraction that took it out of
 * every view if one did, and whether the given version is the one that counts now.
 */
export function entryState(events: readonly LedgerEvent[], id: string) {
  const history = historyOf(events, id);
  const latest = [...history].reverse().find((h) => !isRetraction(h));
  const retraction = history.find(retracts);
  return { history, latest, retraction, isCurrent: latest?.id === id && !retraction };
}

export type Reviews = Map<string, EventOf<'observation-reviewed'>>;

/** The user's latest verdict on each page-only observation, by the observation's id. */
export function reviewsOf(all: readonly LedgerEvent[]): Reviews {
  const reviews: Reviews = new Map();
  for (const e of all) {
    if (e.kind !== 'observation-reviewed') continue;
    const earlier = reviews.get(e.details.target);
    if (!earlier || earlier.recordedAt <= e.recordedAt) reviews.set(e.details.target, e);
  }
  return reviews;
}
