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
 * This file: the database (`LedgerDb`, its versions and upgrades) and the API every write goes
 * through. Beside it: the tables and the schema history (tables.ts), the write path beneath the API
 * (append.ts), what the popup's summary keeps (summary-parts.ts), what refers to what (references.ts).
 *
 * Folder lib/ledger/: the ledger and every write to it: the event kinds and their schemas, who may
 * write each kind, idempotency keys, the IndexedDB store, the one door extension pages write
 * through, the queue for a full disk, the fingerprint chain, how an entry is known, and what is
 * derived from the events (who has access, the popup's summary). Entries the user types (quick add,
 * the Sora history) become events here.
 */
import Dexie, { type Table } from 'dexie';
import type * as z from 'zod/mini';
import { LedgerEvent, type Certainty, type EventSource, type NewEvent } from './events';
import { factKey, sameFactWithinMs } from './fact-key';
// `t` names a transaction in this file; the UI's words are `say`. These errors reach the user after "Could not save:".
import { t as say } from '../i18n/i18n';
import { mayWrite, WRITER_OF_SOURCE } from './writers';
import { isManualKind } from './event-kinds';
import { chronological, isRetraction } from './relations';
import { schemaSays } from '../i18n/schema-says';
import { append, buildChain, latestEffective, rebuildSummary, refreshAllSummaries } from './append';
import { goneAmong, present, referencesTo } from './references';
import { DB_NAME, DB_VERSIONS, NEWEST, NEWEST_KEPT, tablesOf, type NewestEvents, type Reference, type SummaryMember, type SummaryPart } from './tables';
import type { ChainLink } from './fingerprint';

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
    const within = sameFactWithinMs(event.kind);
    const sameFact = await t.events
      .where('key')
      .equals(event.key)
      .filter((e) => Math.abs(e.occurredAt - event.occurredAt) <= within)
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
