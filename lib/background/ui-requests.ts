/**
 * Requests from the extension's own pages (popup, dashboard) to the background. Only pages of
 * this extension may send them: a content script's sender is the web page it runs in.
 */
import * as z from 'zod/mini';
import type { NewEvent } from '../ledger/events';
import { editManual, eraseEverything, loadSummaryInputs, record, removeEntry, type LedgerDb } from '../ledger/ledger';
import { erasePending, readPending } from '../ledger/pending-queue';
import { MAX_REPORT_BYTES } from '../report/file-check';
import { importReport, type ImportResult } from '../report/import';
import { loadSettings } from '../settings/settings';
import { popupSummary, type PopupSummary } from '../ledger/summary';
import { windowOptions } from '../deadlines/window-options';
import type { StorageArea } from '../settings/storage-area';

export const UiRequest = z.discriminatedUnion('type', [
  /** Counted with the settings' zone and lead days (window-options.ts), as everywhere else. */
  z.strictObject({ type: z.literal('popup-summary') }),
  // Every write the popup or dashboard makes comes through here, one request per kind of action: no extension page
  // writes to the ledger itself (test/unit/ledger/one-door.test.ts keeps it so). Whatever such a page sends, the
  // background writes it as the user's (source manual), and the ledger checks it against lib/ledger/writers.ts.
  /** A manual entry (quick add, a review, a window closed, a follow-up sent…); the ledger validates the event itself. */
  z.strictObject({ type: z.literal('record'), event: z.record(z.string(), z.unknown()) }),
  /** An entry removed (the popup's undo, the dashboard's remove): a removal of its own; history stays. */
  z.strictObject({ type: z.literal('remove'), id: z.string().check(z.maxLength(64)), reason: z.optional(z.string().check(z.maxLength(2000))) }),
  /** A manual entry edited: a new version that supersedes it. */
  z.strictObject({
    type: z.literal('edit'),
    id: z.string().check(z.maxLength(64)),
    changes: z.strictObject({
      occurredAt: z.optional(z.number()),
      occurredPrecision: z.optional(z.string()),
      account: z.optional(z.unknown()),
      details: z.optional(z.unknown()),
    }),
  }),
  /** A report file imported, after its preview: checked afresh here, from its text. */
  z.strictObject({
    type: z.literal('import'),
    text: z.string().check(z.maxLength(MAX_REPORT_BYTES)),
    fileName: z.string().check(z.maxLength(255)),
    timeZone: z.optional(z.string().check(z.maxLength(100))),
    keepOwn: z.array(z.string().check(z.maxLength(64))),
    applyChanges: z.boolean(),
    acceptUnverified: z.boolean(),
  }),
  /** Erase everything: the ledger and the observations waiting for room. */
  z.strictObject({ type: z.literal('erase') }),
]);
export type UiRequest = z.infer<typeof UiRequest>;

export type UiReply =
  | { ok: true; summary: PopupSummary }
  | { ok: true; status: string; id: string }
  | { ok: true; imported: ImportResult }
  | { ok: true }
  | { ok: false; error: string };

export interface UiRequestDeps {
  db: () => Promise<LedgerDb>;
  /** Where observations wait when the ledger's storage is full (browser.storage.local). */
  local: StorageArea;
  extensionId: string;
  /** The extension's own base URL (browser.runtime.getURL('/')). */
  extensionBase: string;
  now?: () => number;
  onRecorded?: () => void;
}

export function isExtensionPage(sender: { id?: string; url?: string }, deps: Pick<UiRequestDeps, 'extensionId' | 'extensionBase'>): boolean {
  return sender.id === deps.extensionId && !!sender.url && sender.url.startsWith(deps.extensionBase);
}

export async function handleUiRequest(request: UiRequest, deps: UiRequestDeps): Promise<UiReply> {
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
      const removal = await removeEntry(await deps.db(), request.id, now, request.reason);
      deps.onRecorded?.();
      return { ok: true, status: 'removed', id: removal.id };
    }
    case 'edit': {
      const edited = await editManual(await deps.db(), request.id, request.changes as Partial<NewEvent>, now);
      deps.onRecorded?.();
      return { ok: true, status: 'edited', id: edited.id };
    }
    case 'import': {
      const { text, fileName, timeZone, keepOwn, applyChanges, acceptUnverified } = request;
      const options = { fileName, keepOwn: new Set(keepOwn), applyChanges, acceptUnverified, now, ...(timeZone ? { timeZone } : {}) };
      const imported = await importReport(await deps.db(), text, undefined, options);
      if (imported.ok && imported.written) deps.onRecorded?.();
      return { ok: true, imported };
    }
    case 'erase':
      await eraseEverything(await deps.db());
      await erasePending(deps.local);
      deps.onRecorded?.();
      return { ok: true };
  }
}
