/**
 * The ledger: an append-only log of events in IndexedDB (Dexie), in the extension's own origin.
 * Only the background and the extension pages open it; content scripts send messages instead.
 *
 * Append-only: an observed event is never changed in place. An edit is a new event that
 * supersedes the old one; a removal is an `entry-removed` event. `effectiveEvents` applies both.
 */
import Dexie, { type Table } from 'dexie';
import type * as z from 'zod/mini';
import { LedgerEvent, type Certainty, type EventKind, type EventSource, type NewEvent } from './events';
import { dedupWindowMs, factKey } from './fact-key';

export const DB_NAME = 'likeness-ledger';

/**
 * Schema history. Every version stays listed: Dexie upgrades a database of any earlier
 * version by running the steps after it in order. A new version adds a line and, if data
 * must change shape, an upgrade function with its test in test/unit/ledger-upgrade.test.ts.
 */
export const DB_VERSIONS = {
  1: { events: 'id, key, kind, occurredAt, [kind+occurredAt], supersedes' },
} as const;

export class LedgerDb extends Dexie {
  events!: Table<LedgerEvent, string>;

  constructor(name = DB_NAME, deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, deps);
    this.version(1).stores(DB_VERSIONS[1]);
  }
}

export class InvalidEventError extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(`Invalid event: ${issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ')}`);
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
  const candidate = {
    ...input,
    id,
    recordedAt: now,
    // A manual entry is the user's own statement: two identical ones are two statements.
    key: input.key ?? (input.source === 'manual' ? `manual|${id}` : factKey(input)),
    certainty: CERTAINTY_OF[input.source],
  };
  const parsed = LedgerEvent.safeParse(candidate);
  if (!parsed.success) throw new InvalidEventError(parsed.error.issues);
  return parsed.data as LedgerEvent;
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
  const event = buildEvent(input, now);
  return db.transaction('rw', db.events, async () => {
    const window = dedupWindowMs(event.kind);
    const sameFact = await db.events
      .where('key')
      .equals(event.key)
      .filter((e) => Math.abs(e.occurredAt - event.occurredAt) <= window)
      .toArray();
    const live = await withoutSuperseded(db, sameFact);
    const earlier = live[0];
    if (!earlier) {
      await db.events.add(event);
      return { status: 'created', event };
    }
    if (earlier.certainty === 'seen-on-page' && event.certainty === 'confirmed') {
      const confirming = { ...event, supersedes: earlier.id } as LedgerEvent;
      await db.events.add(confirming);
      return { status: 'confirmed', event: confirming, confirms: earlier.id };
    }
    return { status: 'duplicate', event: earlier };
  });
}

async function withoutSuperseded(db: LedgerDb, events: LedgerEvent[]): Promise<LedgerEvent[]> {
  if (events.length === 0) return events;
  const replaced = new Set(
    (await db.events.where('supersedes').anyOf(events.map((e) => e.id)).toArray()).map((e) => e.supersedes),
  );
  return events.filter((e) => !replaced.has(e.id));
}

/** Appends already complete events (an import, a benchmark) in one transaction; validates first. */
export async function appendAll(db: LedgerDb, events: unknown[]): Promise<number> {
  const valid = events.map((e) => {
    const parsed = LedgerEvent.safeParse(e);
    if (!parsed.success) throw new InvalidEventError(parsed.error.issues);
    return parsed.data as LedgerEvent;
  });
  await db.transaction('rw', db.events, () => db.events.bulkAdd(valid));
  return valid.length;
}

export class NotEditableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotEditableError';
  }
}

/** Edits a manual entry: the edit is a new event that supersedes it; the old one stays in its history. */
export async function editManual(db: LedgerDb, id: string, changes: Partial<Pick<NewEvent, 'occurredAt' | 'account' | 'details'>>, now = Date.now()): Promise<LedgerEvent> {
  return db.transaction('rw', db.events, async () => {
    const current = await db.events.get(id);
    if (!current) throw new NotEditableError(`No entry ${id}`);
    if (current.source !== 'manual') throw new NotEditableError('Only entries you made by hand can be edited.');
    if ((await db.events.where('supersedes').equals(id).count()) > 0) {
      throw new NotEditableError('This entry was already edited: edit its latest version.');
    }
    const edited = buildEvent({ ...current, ...changes, source: 'manual', supersedes: id } as NewEvent, now);
    await db.events.add(edited);
    return edited;
  });
}

/** Removes an entry from every view by appending a retraction; its history remains. */
export async function removeEntry(db: LedgerDb, id: string, now = Date.now(), reason?: string): Promise<LedgerEvent> {
  const target = await db.events.get(id);
  if (!target) throw new NotEditableError(`No entry ${id}`);
  const outcome = await record(
    db,
    {
      kind: 'entry-removed',
      occurredAt: now,
      account: target.account,
      source: 'manual',
      evidence: {},
      details: reason ? { target: id, reason } : { target: id },
    },
    now,
  );
  return outcome.event;
}

/** "Erase everything": deletes the database itself, not only its rows. */
export async function eraseEverything(db: LedgerDb): Promise<void> {
  await db.delete();
  await db.open();
}

/**
 * The events that count: without those superseded by a later version, removed, or
 * dismissed by the user. Pure; every derivation starts from its result.
 */
export function effectiveEvents(events: readonly LedgerEvent[]): LedgerEvent[] {
  const gone = new Set<string>();
  for (const e of events) {
    if (e.supersedes) gone.add(e.supersedes);
    if (e.kind === 'entry-removed') gone.add(e.details.target);
    if (e.kind === 'observation-reviewed' && e.details.verdict === 'dismissed') gone.add(e.details.target);
  }
  return events.filter((e) => !gone.has(e.id) && e.kind !== 'entry-removed' && e.kind !== 'observation-reviewed');
}

/** An entry's versions, oldest first: follows `supersedes` back from the given id and forward to the latest. */
export function historyOf(events: readonly LedgerEvent[], id: string): LedgerEvent[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const successor = new Map<string, LedgerEvent>();
  for (const e of events) if (e.supersedes) successor.set(e.supersedes, e);
  let first = byId.get(id);
  if (!first) return [];
  while (first.supersedes && byId.has(first.supersedes)) first = byId.get(first.supersedes)!;
  const chain = [first];
  for (let next = successor.get(first.id); next; next = successor.get(next.id)) chain.push(next);
  const retractions = events.filter(
    (e) => (e.kind === 'entry-removed' || e.kind === 'observation-reviewed') && chain.some((c) => c.id === e.details.target),
  );
  return [...chain, ...retractions].sort((a, b) => a.recordedAt - b.recordedAt);
}

/** The kinds the popup's summary reads; appearances and notes can be many and are read page by page. */
export const SUMMARY_KINDS: EventKind[] = [
  'cameo-created',
  'audience-changed',
  'access-granted',
  'access-revoked',
  'cameo-deleted',
  'account-deletion-requested',
  'data-export-requested',
  'data-export-received',
  'privacy-request-sent',
  'privacy-answer-received',
  'purge-verified',
  'follow-up-sent',
  'entry-removed',
  'observation-reviewed',
];

/**
 * What the popup needs, read through indexes so that it never scans the whole log:
 * the summary kinds (grants and deletions, a few per account) and the latest events.
 */
export async function loadSummaryInputs(db: LedgerDb, latest = 10): Promise<{ events: LedgerEvent[]; latest: LedgerEvent[] }> {
  return db.transaction('r', db.events, async () => {
    const [events, recent] = await Promise.all([
      db.events.where('kind').anyOf(SUMMARY_KINDS).toArray(),
      db.events.orderBy('occurredAt').reverse().limit(latest * 3).toArray(),
    ]);
    const gone = effectiveEvents([...events, ...recent]);
    const live = new Set(gone.map((e) => e.id));
    return { events, latest: recent.filter((e) => live.has(e.id)).slice(0, latest) };
  });
}
