/**
 * Requests from the extension's own pages (popup, dashboard) to the background. Only pages of
 * this extension may send them: a content script's sender is the web page it runs in.
 */
import * as z from 'zod/mini';
import type { NewEvent } from '../events';
import { loadSummaryInputs, record, removeEntry, type LedgerDb } from '../ledger';
import { readPending, type LocalArea } from '../pending-queue';
import { loadSettings } from '../settings';
import { popupSummary, type PopupSummary } from '../summary';
import { windowOptions } from '../window-options';

export const PageRequest = z.discriminatedUnion('type', [
  /** Counted with the settings' zone and lead days (window-options.ts), as everywhere else. */
  z.strictObject({ type: z.literal('popup-summary') }),
  /** A manual entry from quick add; the ledger validates the event itself. */
  z.strictObject({ type: z.literal('record'), event: z.record(z.string(), z.unknown()) }),
  /** The popup's undo: the entry it just made is removed (an entry of its own; history stays). */
  z.strictObject({ type: z.literal('remove'), id: z.string().check(z.maxLength(64)) }),
  /** A page wrote to the ledger itself (the dashboard): badge and reminders follow. */
  z.strictObject({ type: z.literal('ledger-changed') }),
]);
export type PageRequest = z.infer<typeof PageRequest>;

export type PageReply =
  | { ok: true; summary: PopupSummary }
  | { ok: true; status: string; id: string }
  | { ok: true }
  | { ok: false; error: string };

export interface PageDeps {
  db: () => Promise<LedgerDb>;
  /** Where observations wait when the ledger's storage is full (browser.storage.local). */
  local: LocalArea;
  extensionId: string;
  /** The extension's own base URL (browser.runtime.getURL('/')). */
  extensionBase: string;
  now?: () => number;
  onRecorded?: () => void;
}

export function isExtensionPage(sender: { id?: string; url?: string }, deps: Pick<PageDeps, 'extensionId' | 'extensionBase'>): boolean {
  return sender.id === deps.extensionId && !!sender.url && sender.url.startsWith(deps.extensionBase);
}

export async function handlePageRequest(request: PageRequest, deps: PageDeps): Promise<PageReply> {
  const now = deps.now?.() ?? Date.now();
  switch (request.type) {
    case 'popup-summary':
      const summary = popupSummary(await loadSummaryInputs(await deps.db()), windowOptions(await loadSettings(deps.local), now));
      const pending = await readPending(deps.local);
      return { ok: true, summary: { ...summary, waiting: { count: pending.items.length, dropped: pending.dropped } } };
    case 'record': {
      const outcome = await record(await deps.db(), { ...request.event, source: 'manual' } as NewEvent, now);
      deps.onRecorded?.();
      return { ok: true, status: outcome.status, id: outcome.event.id };
    }
    case 'remove': {
      const removal = await removeEntry(await deps.db(), request.id, now);
      deps.onRecorded?.();
      return { ok: true, status: 'removed', id: removal.id };
    }
    case 'ledger-changed':
      deps.onRecorded?.();
      return { ok: true };
  }
}
