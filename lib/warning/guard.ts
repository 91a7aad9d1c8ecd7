/**
 * Holds back the one destructive confirmation of an account deletion until the user has seen the
 * warning and chosen. Fail open: if anything here breaks, the page's own flow goes on as if we
 * were not there.
 *
 * The guard listens for clicks in the capture phase on the document: a button activated with the
 * mouse, Enter, Space or a form's implicit submission all arrive as a click. On "Continue" the
 * guard clicks the button again itself and lets that click through; for a short while after, the
 * same step passes without a second warning (a re-render or a retry is the same attempt).
 *
 * Folder lib/warning/: the warning before an account deletion: the one destructive step of each
 * flow's guard that holds it back until the user chooses, the checklist built from the ledger, what
 * the warning and the guard agree on, and the warning's language (the dialog itself is drawn by
 * components/in-page/; the steps are rules, in lib/rules/).
 */
import type { SurfaceId } from '../facts/surfaces';
import type { ChecklistItem } from './checklist-types';
import { destructiveStepFor, type DestructiveStep } from '../rules/destructive-steps';
import type { WarningChoice, WarningOptions } from './choice';
import { warningLanguage } from './language';

/** An attempt the user chose to continue lasts this long: long enough to retype and retry. */
export const ATTEMPT_MS = 2 * 60 * 1000;

export interface GuardDeps {
  surface: SurfaceId;
  /** The checklist from the ledger, via the background; may fail (then the warning shows without it). */
  checklist: () => Promise<ChecklistItem[]>;
  /** The warning dialog; loaded on demand so the content script stays small. */
  show: (options: WarningOptions) => Promise<WarningChoice>;
  /** Logs the user's choice in the ledger. */
  logChoice: (step: DestructiveStep, choice: WarningChoice) => void;
  now?: () => number;
}

export function guardDeletions(deps: GuardDeps, doc: Document = document): () => void {
  const now = deps.now ?? Date.now;
  let passUntil = 0;
  let passing = false;
  let showing = false;

  const onClick = (event: MouseEvent) => {
    if (passing) return;
    let step: DestructiveStep | null = null;
    let button: HTMLElement | null = null;
    try {
      button = (event.target as Element | null)?.closest?.('button, [role="button"], input[type="submit"]') as HTMLElement | null;
      step = button ? destructiveStepFor(deps.surface, doc.location, button) : null;
    } catch {
      return; // Fail open.
    }
    if (!step || !button || now() < passUntil) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (showing) return;
    showing = true;
    const target = button;
    const chosen = step;
    void warn()
      .then((choice) => {
        deps.logChoice(chosen, choice);
        if (choice === 'continue') {
          passUntil = now() + ATTEMPT_MS;
          replay(target);
        }
      })
      .catch(() => replay(target)) // The warning broke: the user's click goes through after all.
      .finally(() => {
        showing = false;
      });
  };

  async function warn(): Promise<WarningChoice> {
    const checklist = await deps.checklist().catch(() => []);
    return deps.show({ lang: warningLanguage(doc.documentElement.lang), checklist });
  }

  function replay(button: HTMLElement) {
    passing = true;
    try {
      button.click();
    } finally {
      passing = false;
    }
  }

  doc.addEventListener('click', onClick, true);
  return () => doc.removeEventListener('click', onClick, true);
}
