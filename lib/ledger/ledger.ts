/**
 * The ledger: an append-only log of events in IndexedDB (Dexie), in the extension's own origin.
 * Only the background and the extension pages open it; content scripts send messages instead.
 *
 * Append-only: an observed event is never changed in place. An edit is a new event that
 * supersedes the old one; a removal is an `entry-removed` event. `effectiveEvents` (lib/ledger/relations.ts) applies both.
 *
 * Beside the log, the popup's summary (copies of the few events it derives from, per account in
 * small parts: `summaryParts`) is kept up to date in the same transaction as every write, so the
 * popup never reads the log itself. Every write goes through `record`, `recordEvent`, `appendAll`, `editManual` or
 * `removeEntry`; a write straight to `db.events` would leave the summary behind.
 *
 * Folder lib/ledger/: the ledger and every write to it: the event kinds and their schemas, who may
 * write each kind, idempotency keys, the IndexedDB store, the one door extension pages write
 * through, the queue for a full disk, the fingerprint chain, how an entry is known, and what is
 * derived from the events (who has access, the popup's summary). Entries the user types (quick add,
 * the Sora history) become events here.
 */
import Dexie, { type Table } from 'dexie';
import type * as z from 'zod/mini';
import { LedgerEvent, type Certainty, type EventKind, type EventOf, type EventSource, type NewEvent } from './events';
import { dedupWindowMs, factKey } from './fact-key';
// `t` names a transaction in this file; the UI's words are `say`. These errors reach the user after "Could not save:".
import { t as say } from '../i18n/i18n';
import { chainLinks, recordingOrder, type ChainLink } from './fingerprint';
import { soraClosureDeciders, windowOpeners } from '../deadlines/windows';
import { mayWrite, WRITER_OF_SOURCE } from './writers';
import { isManualKind, KINDS, kindsWhere } from './event-kinds';
import { accountKey, chronological, handleKey, isRetraction, retracts, settledBy } from './relations';
import { schemaSays } from '../i18n/schema-says';

export const DB_NAME = 'likeness-ledger';

/**
 * Schema history. Every version stays listed: Dexie upgrades a database of any earlier
 * version by running the steps after it in order. A new version adds a line and, if data
 * must change shape, an upgrade function with its test in test/unit/ledger/upgrade.test.ts.
 */
export const DB_VERSIONS = {
  1: { events: 'id, key, kind, occurredAt, [kind+occurredAt], supersedes' },
  /**
   * The popup's summary. `summary`: per account, the events its summary derives from.
   * `summaryMembers`: each summary-kind event with its account and whether it is gone, to rebuild
   * one account's row from one read.
   * `references`: what an event replaces, retracts or settles, so that what makes an event gone
   * or a window closed is found without a scan. In a table of their own rather than as indexes
   * on `events`: one event in a hundred refers to another, and an index that most rows lack
   * costs every write (in fake-indexeddb, an exception per row). `kind` and `[kind+occurredAt]`
   * go: nothing reads through them, and every index is paid for by every write.
   * `newest`: one row, the newest effective events, so the popup's "latest" needs no query either.
   */
  2: {
    events: 'id, key, occurredAt',
    references: '[id+relation], target',
    summaryMembers: 'id, account',
    summary: 'account',
    newest: 'id',
  },
  /**
   * The fingerprint chain (lib/ledger/fingerprint.ts): one link per event, by the order this ledger
   * recorded them. A table of its own: the events stay as they were recorded.
   */
  3: { chain: 'seq, &id' },
  /**
   * The popup's summary in parts (`SummaryPart`): an account's head, one part per person, one per
   * window, so that a write puts a few small values whatever the ledger's size or a file's. One
   * row per account grew with what a file put in it (4,100 events, 434 KB, rewritten by every write
   * after a crafted 12,000-event import; Chromium keeps a value over 64 KB as a file of its own).
   */
  4: { summary: null, summaryParts: '[account+part]' },
} as const;

/** The newest effective events, newest first (copies), at most NEWEST_KEPT. */
export interface NewestEvents {
  id: typeof NEWEST;
  events: LedgerEvent[];
}
const NEWEST = 'newest';
/** More than the popup shows; a caller asking for more is answered from the log. */
export const NEWEST_KEPT = 30;

/** A summary-kind event (a copy: events never change), with its account (see `accountKey`). */
export interface SummaryMember {
  id: string;
  account: string;
  /** Superseded, removed or dismissed; for good, since a new version or a retraction is never taken back. */
  gone: boolean;
  event: LedgerEvent;
}

/**
 * One part of an account's summary (`summaryParts`): the events that part needs (copies: events
 * never change). `part` is `HEAD_PART`, `personPart(name)` or `windowPart(id)`.
 */
export interface SummaryPart {
  account: string;
  part: string;
  events: LedgerEvent[];
  /** The head's: the latest of every member the account ever had, in `chronological` order (for `quickRefresh`). */
  latest?: Pick<LedgerEvent, 'occurredAt' | 'recordedAt' | 'id'>;
  /**
   * A person's: how their first effective grant or revocation spells the name. A person's part
   * stays, with no events, once their access is gone: a later grant spelled otherwise needs to know.
   */
  spelling?: string;
}

/**
 * One event's reference to another: it `replaces` it (supersedes), `retracts` it (a removal, or a
 * review that dismisses it) or `settles` the window it opened (a verification, an answer).
 */
export interface Reference {
  id: string;
  relation: 'replaces' | 'retracts' | 'settles';
  target: string;
}

export class LedgerDb extends Dexie {
  events!: Table<LedgerEvent, string>;
  references!: Table<Reference, [string, string]>;
  summaryMembers!: Table<SummaryMember, string>;
  summaryParts!: Table<SummaryPart, [string, string]>;
  newest!: Table<NewestEvents, string>;
  chain!: Table<ChainLink, number>;

  constructor(name = DB_NAME, deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, deps);
    this.version(1).stores(DB_VERSIONS[1]);
    this.version(2)
      .stores(DB_VERSIONS[2])
      .upgrade((tx) => rebuildSummary(tablesOf(tx)));
    this.version(3)
      .stores(DB_VERSIONS[3])
      .upgrade((tx) => buildChain(tablesOf(tx)));
    // Events, references, members and the chain stay as they are: the parts are derived from the members.
    this.version(4)
      .stores(DB_VERSIONS[4])
      .upgrade((tx) => refreshAllSummaries(tablesOf(tx)));
  }
}

/** The tables every write touches: a caller's own transaction around ledger writes must cover them. */
export const writeScope = (db: LedgerDb) => [db.events, db.references, db.summaryMembers, db.summaryParts, db.newest, db.chain];

interface Tables {
  events: Table<LedgerEvent, string>;
  references: Table<Reference, [string, string]>;
  members: Table<SummaryMember, string>;
  parts: Table<SummaryPart, [string, string]>;
  newest: Table<NewestEvents, string>;
  chain: Table<ChainLink, number>;
}

// By name, so the same code runs in an upgrade's transaction, where the database is not open yet.
const tablesOf = (source: { table(name: string): Table }): Tables => ({
  events: source.table('events'),
  references: source.table('references'),
  members: source.table('summaryMembers'),
  newest: source.table('newest'),
  // Looked up when used: an upgrade to an earlier version runs before these tables exist.
  get parts() {
    return source.table('summaryParts');
  },
  get chain() {
    return source.table('chain');
  },
});

export class InvalidEventError extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(`Invalid event: ${issues.map((i) => `${i.path.join('.') || '(event)'}: ${schemaSays(i.message)}`).join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

const CERTAINTY_OF: Record<EventSource, Certainty> = {
  page: 'seen-on-page',
  network: 'confirmed',
  manual: 'stated-by-user',
  import: 'stated-by-user',
};

export function newId(): string {
  return crypto.randomUUID();
}

/** Fills in what the ledger owns (id, key, certainty, recordedAt) and validates the whole event. */
export function buildEvent(input: NewEvent, now: number, id = newId()): LedgerEvent {
  const candidate = { ...input, id, recordedAt: now, certainty: CERTAINTY_OF[input.source] };
  const parse = (key: string) => {
    const parsed = LedgerEvent.safeParse({ ...candidate, key });
    if (!parsed.success) throw new InvalidEventError(parsed.error.issues);
    return parsed.data as LedgerEvent;
  };
  if (input.key !== undefined) return parse(input.key);
  // A manual entry is the user's own statement: two identical ones are two statements.
  if (input.source === 'manual') return parse(`manual|${id}`);
  // The fact's key is derived from a checked event: malformed input gets its own issues, not a crash.
  return parse(factKey(parse('unchecked') as NewEvent));
}

/**
 * The one door's check: each kind has the writers lib/ledger/writers.ts names, and no other. Every write
 * of a new event passes it (`recordEvent`, which `record`, the pending queue, the network watcher
 * and the popup's requests go through; edits and removals), so a page that reached any of them
 * still could not remove, verify or settle anything. `buildEvent` does not check: it also builds
 * what a file may hold, which an import checks as a whole (lib/report/import.ts).
 */
function refuseWrongWriter(input: Pick<NewEvent, 'kind' | 'source'>): void {
  const source = (input as { source?: unknown }).source;
  if (source === 'import') return; // an import is checked by the import (lib/report/import.ts)
  const writer = typeof source === 'string' && Object.hasOwn(WRITER_OF_SOURCE, source) ? WRITER_OF_SOURCE[source as keyof typeof WRITER_OF_SOURCE] : undefined;
  if (writer && mayWrite(writer, input.kind)) return;
  const message = writer ? `${input.kind} cannot be written by ${writer === 'user' ? 'the user' : `a ${writer} observation`}` : 'unknown source';
  throw new InvalidEventError([{ code: 'custom', path: [writer ? 'kind' : 'source'], message, input: input.kind } as z.core.$ZodIssue]);
}

export type RecordOutcome =
  | { status: 'created'; event: LedgerEvent }
  | { status: 'duplicate'; event: LedgerEvent }
  /** A network signal confirmed what a page had shown: the new event supersedes the page-only one. */
  | { status: 'confirmed'; event: LedgerEvent; confirms: string };

/**
 * Records one observation or entry. The check for an earlier report of the same fact and the
 * write happen in one transaction, so two tabs reporting at the same moment make one event.
 */
export async function record(db: LedgerDb, input: NewEvent, now = Date.now()): Promise<RecordOutcome> {
  return recordEvent(db, buildEvent(input, now));
}

/**
 * Records an event built earlier (one that waited in the pending queue keeps its id and times).
 * An earlier report of the same fact that was removed or dismissed still counts: the user's word
 * stands against the same page signal seen again. Only a network confirmation replaces it.
 */
export async function recordEvent(db: LedgerDb, event: LedgerEvent): Promise<RecordOutcome> {
  refuseWrongWriter(event);
  const t = tablesOf(db);
  return db.transaction('rw', writeScope(db), async () => {
    const window = dedupWindowMs(event.kind);
    const sameFact = await t.events
      .where('key')
      .equals(event.key)
      .filter((e) => Math.abs(e.occurredAt - event.occurredAt) <= window)
      .toArray();
    const superseded = new Set((await referencesTo(t, sameFact.map((e) => e.id), 'replaces')).map((r) => r.target));
    const distance = (e: LedgerEvent) => Math.abs(e.occurredAt - event.occurredAt);
    const earlier = sameFact.filter((e) => !superseded.has(e.id)).sort((a, b) => distance(a) - distance(b))[0];
    if (!earlier) {
      await append(t, [event]);
      return { status: 'created', event };
    }
    if (earlier.certainty === 'seen-on-page' && event.certainty === 'confirmed') {
      const confirming = { ...event, supersedes: earlier.id } as LedgerEvent;
      await append(t, [confirming]);
      return { status: 'confirmed', event: confirming, confirms: earlier.id };
    }
    return { status: 'duplicate', event: earlier };
  });
}

/**
 * Appends already complete events (an import, a benchmark) in one transaction: either every one
 * is written or none (one invalid event, or an id already taken, and nothing is). Validates first;
 * an error's paths start with the event's index.
 */
export async function appendAll(db: LedgerDb, events: readonly unknown[]): Promise<number> {
  const valid = events.map((e, index) => {
    const parsed = LedgerEvent.safeParse(e);
    if (!parsed.success) throw new InvalidEventError(parsed.error.issues.map((i) => ({ ...i, path: [index, ...i.path] })));
    return parsed.data as LedgerEvent;
  });
  await appendChecked(db, valid);
  return valid.length;
}

/**
 * `appendAll` for events already checked against the ledger's schema: an import checks each
 * against the report's form of it (the same schema with ISO instants) and converts it. Checking
 * again cost a second copy of every event (≈ 1 s and hundreds of MB at 100k); the import property
 * test checks that every event an import stores passes `LedgerEvent`.
 */
export async function appendChecked(db: LedgerDb, events: readonly LedgerEvent[]): Promise<void> {
  // An async function, as Dexie wants: it then keeps the transaction across append's awaits.
  await db.transaction('rw', writeScope(db), async () => {
    await append(tablesOf(db), events);
  });
}

export class NotEditableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotEditableError';
  }
}

/** Edits a manual entry: the edit is a new event that supersedes it; the old one stays in its history. */
export async function editManual(
  db: LedgerDb,
  id: string,
  changes: Partial<Pick<NewEvent, 'occurredAt' | 'occurredPrecision' | 'account' | 'details'>>,
  now = Date.now(),
): Promise<LedgerEvent> {
  const t = tablesOf(db);
  return db.transaction('rw', writeScope(db), async () => {
    const current = await t.events.get(id);
    if (!current) throw new NotEditableError(say('errorNoEntry', id));
    if (current.source !== 'manual' || !isManualKind(current.kind)) throw new NotEditableError(say('errorOnlyManualEditable'));
    if ((await goneAmong(t, [id])).has(id)) throw new NotEditableError(say('errorAlreadyChanged'));
    // The key stays: an edited statement is still the same statement.
    const edited = buildEvent({ ...current, ...changes, source: 'manual', supersedes: id } as NewEvent, now);
    refuseWrongWriter(edited);
    await append(t, [edited]);
    return edited;
  });
}

/**
 * Removes an entry from every view by appending a retraction; its history remains. Removing any
 * version of an edited entry removes the entry (its latest version); removing twice is one removal.
 */
export async function removeEntry(db: LedgerDb, id: string, now = Date.now(), reason?: string): Promise<LedgerEvent> {
  const t = tablesOf(db);
  return db.transaction('rw', writeScope(db), async () => {
    let target = await t.events.get(id);
    if (!target) throw new NotEditableError(say('errorNoEntry', id));
    if (isRetraction(target)) throw new NotEditableError(say('errorRetractionNotRemovable'));
    const seen = new Set([target.id]);
    for (let [next] = await referencesTo(t, [target.id], 'replaces'); next && !seen.has(next.id); [next] = await referencesTo(t, [target.id], 'replaces')) {
      seen.add(next.id);
      target = (await t.events.get(next.id))!;
    }
    const retractions = present(await t.events.bulkGet((await referencesTo(t, [target.id], 'retracts')).map((r) => r.id)));
    const earlier = retractions.find((e) => e.kind === 'entry-removed');
    if (earlier) return earlier;
    const removal = buildEvent(
      {
        kind: 'entry-removed',
        occurredAt: now,
        account: target.account,
        source: 'manual',
        evidence: {},
        details: reason ? { target: target.id, reason } : { target: target.id },
      },
      now,
    );
    refuseWrongWriter(removal);
    await append(t, [removal]);
    return removal;
  });
}

/** "Erase everything": deletes the database itself, not only its rows. */
export async function eraseEverything(db: LedgerDb): Promise<void> {
  await db.delete();
  await db.open();
}

/** The kinds the popup's summary derives from (lib/ledger/event-kinds.ts, the `summary` facet). */
export const SUMMARY_KINDS: EventKind[] = kindsWhere('summary');
const isSummaryKind = (e: LedgerEvent) => SUMMARY_KINDS.includes(e.kind);

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
      const key = `${account}|${e.details.person.toLowerCase()}`;
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

const present = <T>(items: readonly (T | undefined)[]): T[] => items.filter((i): i is T => i !== undefined);

function referencesOf(e: LedgerEvent): Reference[] {
  const references: Reference[] = [];
  if (e.supersedes) references.push({ id: e.id, relation: 'replaces', target: e.supersedes });
  if (retracts(e)) references.push({ id: e.id, relation: 'retracts', target: e.details.target });
  const settled = settledBy(e);
  if (settled !== undefined) references.push({ id: e.id, relation: 'settles', target: settled });
  return references;
}

/** A new version or a retraction takes its target out of every view; settling a window does not. */
const takesAway = (r: Reference) => r.relation !== 'settles';

async function referencesTo(t: Tables, ids: readonly string[], relation: Reference['relation']): Promise<Reference[]> {
  if (ids.length === 0) return [];
  return (await t.references.where('target').anyOf(ids).toArray()).filter((r) => r.relation === relation);
}

/** Of the given ids, those superseded by another version, removed or dismissed. */
async function goneAmong(t: Tables, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await t.references.where('target').anyOf(ids).toArray()).filter(takesAway).map((r) => r.target));
}

async function effectiveAmong(t: Tables, events: readonly LedgerEvent[]): Promise<LedgerEvent[]> {
  const gone = await goneAmong(t, events.map((e) => e.id));
  return events.filter((e) => !gone.has(e.id) && !isRetraction(e));
}

/**
 * Requests in flight at once during a bulk write. Each request waits in the transaction's queue,
 * and fake-indexeddb's queue costs time in its length squared: 100k at once take minutes.
 */
const WRITE_CHUNK = 2000;

/** Writes new events and brings the summary rows they change up to date. Runs inside a transaction over `writeScope`. */
async function append(t: Tables, added: readonly LedgerEvent[]): Promise<void> {
  for (let start = 0; start < added.length; start += WRITE_CHUNK) await t.events.bulkAdd(added.slice(start, start + WRITE_CHUNK));
  await link(t, added);
  const references = added.flatMap(referencesOf);
  if (references.length > 0) await t.references.bulkAdd(references);
  const takenAway = new Set(references.filter(takesAway).map((r) => r.target));
  // A new member may be gone already: an import can bring a retraction or a new version before
  // what it refers to, or in the same batch.
  const members = added.filter(isSummaryKind);
  const gone = new Set([...(await goneAmong(t, members.map((e) => e.id))), ...takenAway]);
  if (members.length > 0) await t.members.bulkAdd(members.map((e) => memberOf(e, gone)));
  const addedIds = new Set(added.map((e) => e.id));
  const goneEarlier = present(await t.members.bulkGet([...gone].filter((id) => !addedIds.has(id))));
  if (goneEarlier.length > 0) await t.members.bulkPut(goneEarlier.map((m) => ({ ...m, gone: true })));
  // One new event that refers to nothing (an observation, an entry by hand): its account's row
  // follows from the row itself, whatever the size of the log or of that account's history.
  const quick = added.length === 1 && references.length === 0 && (await quickRefresh(t, added[0]!));
  if (!quick) await refreshSummaries(t, await accountsChangedBy(t, added));
  await refreshNewest(t, added, addedIds, takenAway);
}

/** How long a chain's hashing may hold a write's transaction open: an import of 100k events takes seconds. */
const HASHING_TIMEOUT_MS = 10 * 60_000;

/**
 * Links new events to the fingerprint chain after its head. Inside the write's transaction, which
 * IndexedDB runs alone among writers, so two writes at once cannot both link to the same head.
 * WebCrypto's digest is not an IndexedDB request: Dexie.waitFor keeps the transaction open meanwhile.
 */
async function link(t: Tables, added: readonly LedgerEvent[]): Promise<void> {
  let head = await t.chain.orderBy('seq').last();
  for (let start = 0; start < added.length; start += WRITE_CHUNK) {
    const links = await Dexie.waitFor(chainLinks(head, added.slice(start, start + WRITE_CHUNK)), HASHING_TIMEOUT_MS);
    await t.chain.bulkAdd(links);
    head = links.at(-1) ?? head;
  }
}

/** The chain of a ledger that had none (the upgrade to version 3): its events in the order they were recorded. */
async function buildChain(t: Tables): Promise<void> {
  await link(t, (await t.events.toArray()).sort(recordingOrder));
}

/** Log order, newest first: the time index read backwards (ties by id, as IndexedDB orders them). */
const newestFirst = (a: LedgerEvent, b: LedgerEvent) => b.occurredAt - a.occurredAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** The first `count` in `newestFirst` order, without sorting them all (an import brings 100k). */
function newestOf(events: readonly LedgerEvent[], count: number): LedgerEvent[] {
  const top: LedgerEvent[] = [];
  for (const e of events) {
    if (top.length === count && newestFirst(e, top[count - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && newestFirst(e, top[at - 1]!) < 0) at--;
    top.splice(at, 0, e);
    if (top.length > count) top.pop();
  }
  return top;
}

/** Brings the newest events up to date: new events join them; if one of them was taken away, they are read anew from the log. */
async function refreshNewest(t: Tables, added: readonly LedgerEvent[], addedIds: ReadonlySet<string>, takenAway: ReadonlySet<string>): Promise<void> {
  const kept = (await t.newest.get(NEWEST))?.events ?? [];
  const candidates = newestOf([...kept, ...added.filter((e) => !isRetraction(e))], NEWEST_KEPT);
  // A new event may be taken away already, too: an import's order is anyone's.
  const fresh = candidates.filter((e) => addedIds.has(e.id)).map((e) => e.id);
  const stale = kept.some((e) => takenAway.has(e.id)) || (await goneAmong(t, fresh)).size > 0;
  await t.newest.put({ id: NEWEST, events: stale ? await latestEffective(t, NEWEST_KEPT) : candidates });
}

const memberOf = (e: LedgerEvent, gone: ReadonlySet<string>): SummaryMember => ({ id: e.id, account: accountKey(e.account), gone: gone.has(e.id), event: e });
const live = (members: readonly (SummaryMember | undefined)[]) => present(members).flatMap((m) => (m.gone ? [] : [m.event]));

/**
 * The accounts whose summary new events can change: their own, those of the events they
 * supersede or retract, and those of the windows any of these close or extend.
 */
async function accountsChangedBy(t: Tables, added: readonly LedgerEvent[]): Promise<Set<string>> {
  const replaced = present(added.flatMap((e) => [e.supersedes, retracts(e) ? e.details.target : undefined]));
  // Only summary-kind events count here, and every one of them is a member.
  const changed = [...added, ...present(await t.members.bulkGet(replaced)).map((m) => m.event)];
  const windowIds = present(changed.map(settledBy));
  const windows = present(await t.members.bulkGet(windowIds)).map((m) => m.event);
  return new Set([...changed, ...windows].filter(isSummaryKind).map((e) => accountKey(e.account)));
}

/** Rebuilds the parts of the given accounts from their members and the events that refer to their windows. */
async function refreshSummaries(t: Tables, accounts: Iterable<string>): Promise<void> {
  for (const account of accounts) {
    const all = await t.members.where('account').equals(account).toArray();
    const members = live(all);
    // A verification or an answer may be filed under another account than the window it settles.
    const openers = windowOpeners(members).map((w) => w.id);
    const settling = live(await t.members.bulkGet((await referencesTo(t, openers, 'settles')).map((r) => r.id)));
    const byId = new Map([...members, ...settling].map((e) => [e.id, e]));
    const derived = summaryParts([...byId.values()]).get(account) ?? new Map<string, Set<string>>();
    const stored = await partsOf(t, account);
    if (derived.size === 0) {
      await t.parts.bulkDelete(stored.map((p) => [p.account, p.part]));
      continue;
    }
    const latest = all.reduce<LedgerEvent | undefined>((a, m) => (!a || chronological(m.event, a) > 0 ? m.event : a), undefined);
    // Per person, how their first effective grant or revocation spells the name (a Map: "__proto__" is a name like any other).
    const spellings = new Map<string, string>();
    for (const e of [...members].sort(chronological)) {
      if (e.kind !== 'access-granted' && e.kind !== 'access-revoked') continue;
      const part = personPart(e.details.person);
      if (!spellings.has(part)) spellings.set(part, e.details.person);
    }
    const wanted = new Map<string, SummaryPart>();
    for (const [part, spelling] of spellings) wanted.set(part, { account, part, events: [], spelling });
    for (const [part, ids] of derived) {
      const events = [...ids].map((id) => byId.get(id)!).sort(chronological);
      wanted.set(part, { ...wanted.get(part), account, part, events, ...(part === HEAD_PART && latest ? { latest: orderOf(latest) } : {}) });
    }
    await writeParts(t, stored, wanted);
  }
}

/** Every account's parts from the members (the upgrade to version 4). */
async function refreshAllSummaries(t: Tables): Promise<void> {
  const accounts = new Set<string>();
  await t.members.each((m) => accounts.add(m.account));
  await refreshSummaries(t, accounts);
}

/** One account's stored parts. */
const partsOf = (t: Tables, account: string, prefix = '') =>
  t.parts.where('[account+part]').between([account, prefix], [account, `${prefix}\uffff`]).toArray();

/** Puts the wanted parts that differ from the stored ones and deletes the stored ones no longer wanted: a write puts only what it changed. */
async function writeParts(t: Tables, stored: readonly SummaryPart[], wanted: ReadonlyMap<string, SummaryPart>): Promise<void> {
  const before = new Map(stored.map((p) => [p.part, p]));
  const same = (a: SummaryPart, b: SummaryPart) =>
    a.spelling === b.spelling && JSON.stringify(a.latest) === JSON.stringify(b.latest) && a.events.length === b.events.length && a.events.every((e, i) => e.id === b.events[i]!.id);
  const changed = [...wanted.values()].filter((p) => {
    const old = before.get(p.part);
    return !old || !same(old, p);
  });
  const gone = stored.filter((p) => !wanted.has(p.part)).map((p): [string, string] => [p.account, p.part]);
  if (changed.length > 0) await t.parts.bulkPut(changed);
  if (gone.length > 0) await t.parts.bulkDelete(gone);
}

const orderOf = (e: Pick<LedgerEvent, 'occurredAt' | 'recordedAt' | 'id'>) => ({ occurredAt: e.occurredAt, recordedAt: e.recordedAt, id: e.id });

/** Kinds the quick path takes: a summary kind that refers to no other event (no window it settles or follows up). */
const QUICK_KINDS: ReadonlySet<EventKind> = new Set(SUMMARY_KINDS.filter((k) => KINDS[k].refersBy === null));

const isAccessChange = (e: LedgerEvent): e is EventOf<'access-granted'> | EventOf<'access-revoked'> => e.kind === 'access-granted' || e.kind === 'access-revoked';

/**
 * Brings one account's summary up to date with one new event from the few parts it can change,
 * when they alone give what the full rebuild would: the event refers to nothing and comes after
 * everything the account had (so it is neither the account's first, nor changes whose access came
 * first, nor the order of anything kept). What it reads and puts:
 * - always the head (the account's first event, its audience, what decides Sora's closure; the
 *   latest member, which every write moves);
 * - a grant or a revocation: that person's part;
 * - a cameo's deletion, which ends everyone's access, or a Sora entry dated before the closure
 *   that moves what decides the closure's window: every person's part;
 * - the windows the events of these parts open: a settled window stays only while its opener is
 *   kept elsewhere, and only every person's part says whether it is (a grant or a revocation that
 *   drops such an opener from its person takes the full path);
 * - an event that opens a window: that window's part, new.
 * Other windows and people cannot change: what these parts hold is everything `summaryParts`
 * reads to derive them. A grant to someone whose part holds no events and whose name was first
 * written otherwise ("Bob", then "bob": that needs their first event) takes the full path.
 * Returns whether it did it. The cost is those parts', not the log's nor the account's: a write
 * costs the same at 10 events and at 100k, and after a file of thousands for one account.
 */
async function quickRefresh(t: Tables, e: LedgerEvent): Promise<boolean> {
  if (!isSummaryKind(e)) return true; // no row derives from it (`accountsChangedBy` names no account)
  if (!QUICK_KINDS.has(e.kind)) return false;
  const account = accountKey(e.account);
  const head = await t.parts.get([account, HEAD_PART]);
  if (!head?.latest || chronological(e, head.latest as LedgerEvent) <= 0) return false;
  // An import can bring what settles a window before the window (an answer filed under another account): that needs the full path.
  if ((await t.references.where('target').equals(e.id).count()) > 0) return false;
  // The head holds every decider (the first sign, the latest creation and end), so this is the whole log's answer.
  const deciders = (events: readonly LedgerEvent[]) => soraClosureDeciders(events).map((d) => d.id).sort().join();
  const everyone = e.kind === 'cameo-deleted' || deciders(head.events) !== deciders([...head.events, e]);
  const people = everyone ? await partsOf(t, account, personPart('')) : [];
  if (isAccessChange(e)) {
    const part = personPart(e.details.person);
    const own = people.find((p) => p.part === part) ?? (await t.parts.get([account, part])) ?? { account, part, events: [], spelling: e.details.person };
    if (own.events.length === 0 && own.spelling !== e.details.person) return false;
    if (!people.includes(own)) people.push(own);
  }
  // The windows of what the head and these people keep: whether such an opener stays kept decides whether its settled window stays.
  const held = [head, ...people].flatMap((p) => p.events);
  const windows = present(await t.parts.bulkGet(held.map((x): [string, string] => [account, windowPart(x.id)])));
  const read = [head, ...people, ...windows];
  const byId = new Map([...read.flatMap((p) => p.events), e].map((x) => [x.id, x]));
  const derived = summaryParts([...byId.values()]).get(account);
  if (!derived) return false;
  if (!everyone) {
    // An opener of a settled window that this person no longer keeps may still be kept by another
    // person, whose part was not read (a cameo's deletion ends several people's access): the full path knows.
    const keptNow = new Set([...derived].flatMap(([part, ids]) => (part.startsWith(windowPart('')) ? [] : [...ids])));
    const settled = new Set(windowOpeners([...byId.values()]).flatMap((w) => (w.verified ? [w.id] : [])));
    if (held.some((x) => settled.has(x.id) && !keptNow.has(x.id))) return false;
  }
  const wanted = new Map<string, SummaryPart>();
  for (const p of [...read, { account, part: windowPart(e.id), events: [] }]) {
    const ids = derived.get(p.part);
    // A person's part stays with no events (their spelling); a window's part with none is no part.
    if (ids || p.part.startsWith(personPart(''))) wanted.set(p.part, { ...p, events: [...(ids ?? [])].map((id) => byId.get(id)!).sort(chronological) });
  }
  wanted.set(HEAD_PART, { ...wanted.get(HEAD_PART)!, latest: orderOf(e) });
  await writeParts(t, read, wanted);
  return true;
}

/**
 * Builds the references and the members from the events already there (the upgrade to version 2):
 * one pass over the log. The summary's parts follow from the members in the upgrade to version 4.
 */
async function rebuildSummary(t: Tables): Promise<void> {
  const references: Reference[] = [];
  const members: LedgerEvent[] = [];
  await t.events.each((e) => {
    references.push(...referencesOf(e));
    if (isSummaryKind(e)) members.push(e);
  });
  const gone = new Set(references.filter(takesAway).map((r) => r.target));
  await t.references.bulkAdd(references);
  await t.members.bulkAdd(members.map((e) => memberOf(e, gone)));
  await t.newest.put({ id: NEWEST, events: await latestEffective(t, NEWEST_KEPT) });
}

/** The newest effective events, newest first, read page by page from the top of the time index. */
async function latestEffective(t: Tables, count: number): Promise<LedgerEvent[]> {
  const found: LedgerEvent[] = [];
  const pageSize = Math.max(count * 2, 1);
  for (let offset = 0; found.length < count; offset += pageSize) {
    const page = await t.events.orderBy('occurredAt').reverse().offset(offset).limit(pageSize).toArray();
    found.push(...(await effectiveAmong(t, page)));
    if (page.length < pageSize) break;
  }
  return found.slice(0, count);
}

/**
 * What the popup needs, without reading the log: `events`, the effective events its summary
 * derives from (the summary rows, a few per account whatever the ledger's size), oldest first;
 * `latest`, the newest effective events, newest first.
 */
export async function loadSummaryInputs(db: LedgerDb, latest = 10): Promise<{ events: LedgerEvent[]; latest: LedgerEvent[] }> {
  const t = tablesOf(db);
  return db.transaction('r', [db.events, db.references, db.summaryParts, db.newest], async () => {
    const [parts, newest] = await Promise.all([t.parts.toArray(), t.newest.get(NEWEST)]);
    // An event can be in two parts, an answer in two accounts' rows.
    const events = [...new Map(parts.flatMap((p) => p.events).map((e) => [e.id, e])).values()].sort(chronological);
    return { events, latest: latest <= NEWEST_KEPT ? (newest?.events ?? []).slice(0, latest) : await latestEffective(t, latest) };
  });
}
