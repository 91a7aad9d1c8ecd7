/**
 * What the extension saw in each tab on this visit, for the popup's "this tab" line.
 * Kept in storage.session: it is about open tabs only and goes away with the browser session.
 */
import * as z from 'zod/mini';
import { SURFACE_IDS, type SurfaceId } from '../facts/surfaces';
import type { StorageAreaWithRemove } from '../settings/storage-area';

export const TabStatus = z.strictObject({
  surface: z.enum(SURFACE_IDS as [SurfaceId, ...SurfaceId[]]),
  /** Page path only (no query, no fragment). */
  path: z.string().check(z.maxLength(2048)),
  /** Ids of the events recorded from this tab on this visit. */
  seen: z.array(z.string()).check(z.maxLength(200)),
  /** Rules that should have matched here and did not. */
  misses: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50)),
  /** The page's language when the rules know no text of it: detection rests on structure alone. */
  unknownLanguage: z.optional(z.string().check(z.regex(/^[a-z]{2,3}$/))),
  /** Rules that watch this page (lib/rules). */
  watching: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(50))),
  /**
   * The signed-in handle the page showed; network events from this tab are recorded under it.
   * Checked as a Handle (lib/ledger/events.ts) on arrival; not imported here, so the popup loads no event schemas.
   */
  handle: z.optional(z.string().check(z.maxLength(100))),
});
export type TabStatus = z.infer<typeof TabStatus>;

const keyOf = (tabId: number) => `tab:${tabId}`;

export async function readTabStatus(area: StorageAreaWithRemove, tabId: number): Promise<TabStatus | null> {
  const raw = (await area.get(keyOf(tabId)))[keyOf(tabId)];
  const parsed = TabStatus.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** The last change queued per tab (the background has one session area). */
const queues = new Map<number, Promise<unknown>>();

/**
 * Changes a tab's status. Changes to one tab run one after the other: a page's messages and its
 * network events arrive together, and each change must start from the one before.
 */
export function updateTabStatus(
  area: StorageAreaWithRemove,
  tabId: number,
  change: (current: TabStatus | null) => TabStatus,
): Promise<TabStatus> {
  const run = async () => {
    const next = change(await readTabStatus(area, tabId));
    await area.set({ [keyOf(tabId)]: next });
    return next;
  };
  const queued = (queues.get(tabId) ?? Promise.resolve()).then(run, run);
  const settled = queued.catch(() => undefined);
  queues.set(tabId, settled);
  void settled.then(() => {
    if (queues.get(tabId) === settled) queues.delete(tabId);
  });
  return queued;
}

export const forgetTab = (area: StorageAreaWithRemove, tabId: number) => area.remove(keyOf(tabId));
