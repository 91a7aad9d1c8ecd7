/**
 * Wires the deletion guard into a content script: the checklist and the logged choice travel
 * to the background as messages; the dialog is the shadow-root warning.
 */
import { UNKNOWN_HANDLE } from '../ledger/unknown-handle';
import type { Send } from '../background/messages';
import type { SurfaceId } from '../facts/surfaces';
import type { WarningChoice, WarningOptions } from './choice';
import { guardDeletions } from './guard';
import { WARNING_GLOBAL } from './in-page-global';

type Show = (options: WarningOptions) => Promise<WarningChoice>;

/**
 * How long the background may take to hand over the warning, and the checklist. The user's click
 * waits for the warning, never for a background that does not answer: past this, the checklist is
 * left out, and without the warning itself the click goes through (fail open).
 */
export const LOAD_WITHIN_MS = 10_000;
export const CHECKLIST_WITHIN_MS = 5_000;

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * The dialog is not bundled with the content script (which runs on every watched page and has a
 * size budget): the background injects it the first time it is needed. If that fails, the guard
 * fails open and the page's deletion goes on.
 */
async function loadWarning(send: Send, surface: SurfaceId): Promise<Show> {
  const scope = globalThis as Record<string, unknown>;
  if (!scope[WARNING_GLOBAL]) {
    const reply = await send({ type: 'load-warning', surface });
    if (!reply?.ok) throw new Error(reply?.error ?? 'the warning could not be loaded');
  }
  const show = scope[WARNING_GLOBAL];
  if (typeof show !== 'function') throw new Error('the warning did not load');
  return show as Show;
}

export function warnBeforeDeletion(surface: SurfaceId, send: Send, handle: () => string = () => UNKNOWN_HANDLE): () => void {
  return guardDeletions({
    surface,
    checklist: async () => {
      const reply = await within(CHECKLIST_WITHIN_MS, send({ type: 'warning-checklist', surface }));
      return reply?.ok ? (reply.checklist ?? []) : [];
    },
    show: async (options) => (await within(LOAD_WITHIN_MS, loadWarning(send, surface)))(options),
    logChoice: (step, choice) =>
      void send({
        type: 'observation',
        surface,
        observation: {
          kind: 'deletion-warning-shown',
          occurredAt: Date.now(),
          account: { service: step.service, handle: handle() },
          evidence: { rule: step.id },
          details: { choice },
        },
      }).catch(() => {
        // The choice is a record, not a gate: the page's flow never waits for it.
      }),
  });
}
