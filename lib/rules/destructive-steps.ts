/**
 * The one destructive confirmation of each account deletion flow, as data (each surface's in its
 * module, lib/rules/<surface>.ts), and how a clicked button is found to be one: the button whose
 * activation really deletes. The warning holds back this step alone, and only until the user
 * chooses. Facts: ../shared/docs/openai-surfaces.md ("Account deletion: what the user is told",
 * "The privacy portal", "Languages"), each step's confidence in its `basis`.
 *
 * A step is found by structure first, so that it holds in every language ChatGPT speaks, and by
 * the button names the facts file records. Names are read the one way the page rules read them
 * (page-reader `nameOf`: aria-labelledby, aria-label, label, content), so a button labelled by
 * another element is found like any other.
 */
import type { Service } from '../ledger/events';
import { roleOf } from './accessible-name';
import { CHATGPT_DESTRUCTIVE_STEPS } from './chatgpt';
import { nameOf } from './page-reader';
import type { Basis } from './page-rules';
import { PRIVACY_DESTRUCTIVE_STEPS } from './privacy';
import { SORA_DESTRUCTIVE_STEPS } from './sora';
import type { SurfaceId } from '../facts/surfaces';

/**
 * The dialog that asks for the account's email and a typed confirmation word ("DELETE"), whose
 * last button deletes. Confirmation dialogs put their action last, after "Cancel" [I]; the dialog's
 * own close control (ChatGPT's `data-testid="close-button"` [S]) is never the step.
 */
export type Structure = 'email-and-word-dialog';

export interface DestructiveStep {
  id: string;
  surface: SurfaceId;
  /** The account that would be deleted. */
  service: Service;
  /** Where the step can be: tested against the path and hash. */
  where: RegExp;
  /** The button's recorded accessible names, any capitalisation. */
  button: RegExp;
  /** The step's shape, whatever the page's language: a button in it is the step even when its name is unknown. */
  structure?: Structure;
  /**
   * What the dialog or form around the button must say, where the button's name alone is too
   * generic ("Submit request" sends a deletion and an export request alike).
   */
  context?: RegExp;
  basis: Basis;
}

/** Every surface's destructive steps, each in its surface's module (lib/rules/<surface>.ts). */
export const DESTRUCTIVE_STEPS: readonly DestructiveStep[] = [...CHATGPT_DESTRUCTIVE_STEPS, ...PRIVACY_DESTRUCTIVE_STEPS, ...SORA_DESTRUCTIVE_STEPS];

const DIALOG = 'dialog, [role="dialog"], [role="alertdialog"]';
const BUTTON = 'button, [role="button"], input[type="submit"], input[type="button"]';
/** Fields a person types a line into: the email, the confirmation word. */
const TYPED = 'input:not([type]), input[type="text"], input[type="email"], input[type="search"], [role="textbox"]';
const EMAIL_ADDRESS = /\S@\S+\.\S/;

/** Whether a field asks for an email address: its type, its autofill hint, or what labels or fills it. */
function asksForEmail(field: Element): boolean {
  if (field.getAttribute('type') === 'email' || /\b(email|username)\b/i.test(field.getAttribute('autocomplete') ?? '')) return true;
  const hints = [field.getAttribute('placeholder'), field.getAttribute('name'), nameOf(field)].join(' ');
  return EMAIL_ADDRESS.test(hints) || /e-?mail|courriel|correo/i.test(hints);
}

/** The button is the last one of a dialog that asks for an email address and a second typed word. */
function inEmailAndWordDialog(button: Element): boolean {
  const dialog = button.closest(DIALOG);
  if (!dialog) return false;
  const fields = [...dialog.querySelectorAll(TYPED)].slice(0, 20);
  if (fields.length < 2 || !fields.some(asksForEmail)) return false;
  const buttons = [...dialog.querySelectorAll(BUTTON)].filter((b) => b.getAttribute('data-testid') !== 'close-button');
  return buttons.at(-1) === button;
}

/** The text of the dialog, form or section the button belongs to (bounded: pages can be long). */
function contextText(button: Element): string {
  const container = button.closest(`${DIALOG}, form, section`) ?? button.parentElement;
  return (container?.textContent ?? '').slice(0, 4000);
}

export function destructiveStepFor(surface: SurfaceId, location: { pathname: string; hash: string }, button: Element): DestructiveStep | null {
  // A link that names the step (a help article) is not the step.
  if (roleOf(button) !== 'button') return null;
  const name = nameOf(button);
  return (
    DESTRUCTIVE_STEPS.find(
      (s) =>
        s.surface === surface &&
        s.where.test(location.pathname + location.hash) &&
        (s.button.test(name) || (s.structure === 'email-and-word-dialog' && inEmailAndWordDialog(button))) &&
        (!s.context || s.context.test(contextText(button))),
    ) ?? null
  );
}
