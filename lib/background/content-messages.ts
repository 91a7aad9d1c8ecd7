/**
 * The background's side of the content-script channel: check, record, and note what the tab saw.
 *
 * Folder lib/background/: the background's side: the message channels from content scripts and from
 * the extension's own pages (each checked on arrival), the network watcher, what a page cannot
 * choose, the reminders' alarm and badge, the context menu, the fingerprint check at start, what
 * each tab saw, and running one task at a time.
 */
import { checkContentMessage, type ContentReply, type SenderInfo } from './messages';
import { loadSummaryInputs, type LedgerDb } from '../ledger/ledger';
import { effectiveEvents } from '../ledger/relations';
import { flushPending, recordOrQueue } from '../ledger/pending-queue';
import { deletionChecklist } from '../warning/checklist';
import { updateTabStatus, type TabStatus } from './tab-status';
import { evidenceUrl } from '../ledger/events';
import { budgetOf, ownedTime, pageBudget, type PageBudget } from './page-limits';
import type { StorageArea, StorageAreaWithRemove } from '../settings/storage-area';

export interface Deps {
  db: () => Promise<LedgerDb>;
  extensionId: string;
  session: StorageAreaWithRemove;
  /** Where observations wait when the ledger's storage is full (browser.storage.local). */
  local: StorageArea;
  /** Injects the in-page warning into the frame that asked (browser.scripting.executeScript). */
  injectWarning?: (tabId: number, frameId: number) => Promise<void>;
  now?: () => number;
  /** Called after the ledger changed, so the badge and reminders can follow. */
  onRecorded?: () => void;
  /** Observations per tab and kind (one for the background's life: see page-limits.ts). */
  budget?: PageBudget;
}

const defaultBudget = pageBudget();

export async function handleContentMessage(raw: unknown, sender: SenderInfo, deps: Deps): Promise<ContentReply> {
  const checked = checkContentMessage(raw, sender, deps.extensionId);
  if (!checked.ok) {
    await noteRefusal(deps.session, checked.error, sender.url, deps.now?.() ?? Date.now());
    return { ok: false, error: checked.error };
  }
  const { message, tabId, frameId, pageUrl } = checked;
  const path = new URL(pageUrl).pathname;
  const fresh: TabStatus = { surface: message.surface, path, seen: [], misses: [] };

  switch (message.type) {
    case 'page-visit':
      if (tabId !== undefined) {
        await updateTabStatus(deps.session, tabId, () => (message.watching ? { ...fresh, watching: message.watching } : fresh));
      }
      return { ok: true };
    case 'navigated':
      // The same visit on a new route: what was seen stays, what this route expects starts over.
      if (tabId !== undefined) {
        await updateTabStatus(deps.session, tabId, (s) => ({ ...(s ?? fresh), path, misses: [], watching: message.watching }));
      }
      return { ok: true };
    case 'account':
      if (tabId !== undefined) await updateTabStatus(deps.session, tabId, (s) => ({ ...(s ?? fresh), handle: message.handle }));
      return { ok: true };
    case 'load-warning':
      if (tabId === undefined || !deps.injectWarning) return { ok: false, error: 'no tab to show the warning in' };
      await deps.injectWarning(tabId, frameId ?? 0);
      return { ok: true };
    case 'warning-checklist': {
      const { events } = await loadSummaryInputs(await deps.db());
      return { ok: true, checklist: deletionChecklist(effectiveEvents(events)) };
    }
    case 'detector-miss':
      if (tabId !== undefined) {
        const language = message.language ? { unknownLanguage: message.language } : {};
        await updateTabStatus(deps.session, tabId, (s) => ({ ...(s ?? fresh), misses: message.rules, ...language }));
      }
      return { ok: true };
    case 'observation': {
      const obs = message.observation;
      const now = deps.now?.() ?? Date.now();
      if (!(deps.budget ?? defaultBudget).take(tabId ?? -1, obs.kind, now)) {
        const error = `too many ${obs.kind} observations from one tab (at most ${budgetOf(obs.kind)} in 10 minutes)`;
        await noteRefusal(deps.session, error, sender.url, now);
        return { ok: false, error };
      }
      // The evidence URL is the sender's page, never what the page claims; the time is the background's.
      const evidence = { ...obs.evidence, url: evidenceUrl(pageUrl) };
      const occurredAt = ownedTime(obs.occurredAt, now);
      const db = await deps.db();
      const outcome = await recordOrQueue(db, deps.local, { ...obs, occurredAt, evidence, source: 'page' } as never, now);
      // Kept, if not yet in the ledger: it waits in storage.local and the popup says so.
      if (outcome.status === 'queued') return { ok: true, status: 'queued' };
      // There was room for this one: whatever waited for room goes in now, in order.
      void flushPending(db, deps.local, now).catch(() => undefined);
      if (tabId !== undefined) {
        await updateTabStatus(deps.session, tabId, (s) => {
          const base = s ?? fresh;
          return base.seen.includes(outcome.event.id) ? base : { ...base, seen: [...base.seen, outcome.event.id].slice(-200) };
        });
      }
      if (outcome.status !== 'duplicate') deps.onRecorded?.();
      return { ok: true, status: outcome.status };
    }
  }
}

export const REFUSED_KEY = 'refused';
const MAX_REFUSALS = 50;

/** A refusal's trace: why, from which host, how many times, and when last. Never the message itself. */
export interface Refusal {
  at: number;
  error: string;
  host: string;
  count: number;
}

// Read, change, write: one refusal after the other, or a flood's counts would overwrite each other.
let lastNote: Promise<unknown> = Promise.resolve();

/**
 * Keeps the last refused messages (reason and host only) for this browser session: a forged or
 * misrouted message must leave a trace the user and the tests can see, never a ledger entry.
 * The same reason from the same host is one trace with a count, so a flood leaves one line.
 */
function noteRefusal(session: StorageAreaWithRemove, error: string, senderUrl: string | undefined, at: number): Promise<void> {
  let host = '';
  try {
    host = senderUrl ? new URL(senderUrl).hostname : '';
  } catch {
    // An unparsable sender URL is itself the reason; keep the host empty.
  }
  const note = async () => {
    const current = (await session.get(REFUSED_KEY))[REFUSED_KEY];
    const list = (Array.isArray(current) ? current : []) as Refusal[];
    const same = list.find((r) => r.error === error && r.host === host);
    const rest = list.filter((r) => r !== same);
    await session.set({ [REFUSED_KEY]: [...rest, { at, error, host, count: (same?.count ?? 0) + 1 }].slice(-MAX_REFUSALS) });
  };
  const noted = lastNote.then(note, note);
  lastNote = noted.catch(() => undefined);
  return noted;
}
