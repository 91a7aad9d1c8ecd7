/**
 * Observations that could not be written because the extension's storage was full wait in
 * storage.local until `flushPending` writes them to the ledger, in the order observed. Each is
 * checked as a ledger event before it is queued and again when read back, so the queue never holds
 * more than the ledger itself would. storage.local is writable by content scripts, so the queue is a
 * page's door as much as the background's: it holds page observations only (the kinds a page may
 * report, `source: 'page'`), and anything else found in it is dropped and counted, never written. Bounded: past MAX_PENDING the oldest go, and how many went is
 * counted, so that the user can be told observations were lost instead of their vanishing silently.
 */
import * as z from 'zod/mini';
import { Instant, type NewEvent } from './events';
import { buildEvent, InvalidEventError, record, recordEvent, type LedgerDb, type RecordOutcome } from './ledger';
import { Observation } from '../background/messages';
import { oneAtATime, type OneAtATime } from '../background/one-at-a-time';
import type { StorageArea } from '../settings/storage-area';

export const PENDING_KEY = 'pendingObservations';
export const MAX_PENDING = 200;

/** A page observation, as the background accepted it (its time already the background's). */
export type PageObservation = Observation & { source: 'page' };

export interface PendingItem {
  event: PageObservation;
  queuedAt: number;
}

export interface PendingQueue {
  items: PendingItem[];
  /** Observations lost because the queue was full or they were damaged, since the queue was last erased. */
  dropped: number;
}

// Loose on purpose: each item is checked on its own, so one damaged entry costs only itself.
export const PendingStore = z.object({ items: z.array(z.unknown()), dropped: z.optional(z.int().check(z.gte(0))) });
const Item = z.object({ event: z.record(z.string(), z.unknown()), queuedAt: Instant });

/** A page observation and nothing else: another kind, another source or another field is not one. */
function pageObservation(raw: Record<string, unknown>): PageObservation | null {
  const { source, ...rest } = raw;
  if (source !== 'page') return null;
  const parsed = Observation.safeParse(rest);
  return parsed.success ? { ...parsed.data, source: 'page' } : null;
}

/** Whether an item would make a valid ledger event (the same check `record` makes). */
function isValid(item: PendingItem): boolean {
  try {
    // The key is derived from a valid event only; checking needs neither it nor a fresh id.
    buildEvent({ ...item.event, key: 'unchecked' } as NewEvent, item.queuedAt, 'pending-check');
    return true;
  } catch (error) {
    if (error instanceof InvalidEventError) return false;
    throw error;
  }
}

/**
 * Whether a write failed because storage is full. Browsers name it QuotaExceededError (Firefox
 * once NS_ERROR_DOM_QUOTA_REACHED); Dexie passes it on as is, as the `inner` error of an aborted
 * transaction, or among a bulk write's `failures`.
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  const failures = typeof e.failures === 'object' && e.failures !== null ? Object.values(e.failures) : [];
  return [e.inner, e.cause, ...failures].some((inner) => isQuotaError(inner, depth + 1));
}

export async function readPending(area: StorageArea): Promise<PendingQueue> {
  const stored = PendingStore.safeParse((await area.get(PENDING_KEY))[PENDING_KEY]);
  if (!stored.success) return { items: [], dropped: 0 };
  const items = stored.data.items.flatMap((raw) => {
    const parsed = Item.safeParse(raw);
    const event = parsed.success ? pageObservation(parsed.data.event) : null;
    const item = event && parsed.success ? ({ event, queuedAt: parsed.data.queuedAt } satisfies PendingItem) : null;
    return item && isValid(item) ? [item] : [];
  });
  const overflow = Math.max(0, items.length - MAX_PENDING);
  const dropped = (stored.data.dropped ?? 0) + (stored.data.items.length - items.length) + overflow;
  return { items: items.slice(overflow), dropped };
}

const write = (area: StorageArea, queue: PendingQueue) => area.set({ [PENDING_KEY]: queue });

// Reading the queue, changing it and writing it back must not interleave: one after the other, per area.
const queues = new WeakMap<StorageArea, OneAtATime>();
function inTurn<T>(area: StorageArea, run: () => Promise<T>): Promise<T> {
  let queue = queues.get(area);
  if (!queue) queues.set(area, (queue = oneAtATime()));
  return queue(run);
}

/** Puts an observation at the end of the queue; the oldest go (counted) when it is full. */
export function enqueuePending(area: StorageArea, item: PendingItem): Promise<PendingQueue> {
  return inTurn(area, async () => {
    const queue = await readPending(area);
    const items = [...queue.items, item];
    const overflow = Math.max(0, items.length - MAX_PENDING);
    const next = { items: items.slice(overflow), dropped: queue.dropped + overflow };
    await write(area, next);
    return next;
  });
}

export type RecordOrQueueOutcome = RecordOutcome | { status: 'queued' };

/**
 * Records an observation; if storage is full, queues it instead. An invalid observation is
 * refused (InvalidEventError) and queued nowhere; any other failure is the caller's.
 */
export async function recordOrQueue(db: LedgerDb, area: StorageArea, input: PageObservation, now = Date.now()): Promise<RecordOrQueueOutcome> {
  const event = buildEvent(input as NewEvent, now);
  try {
    return await recordEvent(db, event);
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    await enqueuePending(area, { event: input, queuedAt: now });
    return { status: 'queued' };
  }
}

/**
 * Writes the queued observations to the ledger in the order observed (the ledger makes one event
 * of one fact, so one written meanwhile is not written twice) and takes out of the queue only
 * those written. Stops at the first failure: storage still full leaves the rest for the next try;
 * another error is thrown once the progress is saved. `now` is when they are recorded.
 */
export function flushPending(db: LedgerDb, area: StorageArea, now = Date.now()): Promise<{ written: number; left: number }> {
  return inTurn(area, async () => {
    const queue = await readPending(area);
    let written = 0;
    let failure: { error: unknown } | undefined;
    for (const item of queue.items) {
      try {
        await record(db, item.event as NewEvent, now);
        written++;
      } catch (error) {
        failure = { error };
        break;
      }
    }
    const next = { items: queue.items.slice(written), dropped: queue.dropped };
    // Nothing written, nothing to change: most calls find the queue empty (one after every write).
    if (written > 0) await write(area, next);
    if (failure && !isQuotaError(failure.error)) throw failure.error;
    return { written, left: next.items.length };
  });
}

/** Empties the queue and its count of losses: part of "erase everything". */
export function erasePending(area: StorageArea): Promise<void> {
  return inTurn(area, () => write(area, { items: [], dropped: 0 }));
}
