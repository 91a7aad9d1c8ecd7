/**
 * The one destructive confirmation of each account deletion flow, as data: the button whose
 * activation really deletes. The warning holds back this step alone, and only until the user
 * chooses. Labels from ../shared/docs/openai-surfaces.md ("Account deletion: what the user is told").
 */
import type { Service } from '../events';
import type { SurfaceId } from '../surfaces';

export interface DestructiveStep {
  id: string;
  surface: SurfaceId;
  /** The account that would be deleted. */
  service: Service;
  /** Where the step can be: tested against the path and hash. */
  where: RegExp;
  /** The button's accessible name (aria-label, else its text), any capitalisation. */
  button: RegExp;
  /**
   * What the dialog or form around the button must say, where the button's name alone is too
   * generic ("Submit request" sends a deletion and an export request alike).
   */
  context?: RegExp;
}

export const DESTRUCTIVE_STEPS: DestructiveStep[] = [
  {
    // Settings → Account → Delete account → type email and DELETE → this button. [C 6378407]
    id: 'chatgpt.delete-account.confirm',
    surface: 'chatgpt',
    service: 'chatgpt',
    where: /./,
    button: /^permanently delete my account$/i,
  },
  {
    // "Make a Privacy Request" → "Delete my ChatGPT account" → submit. [C 6378407]
    id: 'privacy.delete-account.submit',
    surface: 'privacy',
    service: 'chatgpt',
    where: /./,
    button: /^submit( request)?$/i,
    context: /delete my chatgpt account/i,
  },
  {
    // Sora's settings are a dialog over any route; "Delete account" there opens the confirmation,
    // whose own "Delete account" is the step: it is the one that says what goes with it. [S Decrypt, launch]
    id: 'sora.delete-account.confirm',
    surface: 'sora',
    service: 'sora',
    where: /./,
    button: /^(permanently )?delete (my )?account$/i,
    context: /all your data|cannot reuse the same email/i,
  },
  {
    // API platform organization settings: deleting the account. [I]
    id: 'platform.delete-account.confirm',
    surface: 'platform',
    service: 'api-platform',
    where: /settings/i,
    button: /^(permanently )?delete (my )?account$/i,
  },
];

/** A button's accessible name as a person or screen reader gets it, trimmed and with spaces folded. */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label') ?? (el instanceof HTMLInputElement ? el.value : el.textContent) ?? '';
  return label.replace(/\s+/g, ' ').trim();
}

/** The text of the dialog, form or section the button belongs to (bounded: pages can be long). */
function contextText(button: Element): string {
  const container = button.closest('dialog, [role="dialog"], [role="alertdialog"], form, section') ?? button.parentElement;
  return (container?.textContent ?? '').slice(0, 4000);
}

export function destructiveStepFor(surface: SurfaceId, location: { pathname: string; hash: string }, button: Element): DestructiveStep | null {
  const name = accessibleName(button);
  return (
    DESTRUCTIVE_STEPS.find(
      (s) =>
        s.surface === surface &&
        s.where.test(location.pathname + location.hash) &&
        s.button.test(name) &&
        (!s.context || s.context.test(contextText(button))),
    ) ?? null
  );
}
