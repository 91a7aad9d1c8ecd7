/**
 * Wires the deletion guard into a content script: the checklist and the logged choice travel
 * to the background as messages; the dialog is the shadow-root warning.
 */
import { UNKNOWN_HANDLE } from '../unknown-handle';
import type { Send } from '../messages';
import type { SurfaceId } from '../surfaces';
import { showDeletionWarning } from './dialog';
import { guardDeletions } from './guard';

export function warnBeforeDeletion(surface: SurfaceId, send: Send, handle: () => string = () => UNKNOWN_HANDLE): () => void {
  return guardDeletions({
    surface,
    checklist: async () => {
      const reply = await send({ type: 'warning-checklist', surface });
      return reply?.ok ? (reply.checklist ?? []) : [];
    },
    show: showDeletionWarning,
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
