/**
 * Roles and accessible names, computed one way for everything that reads OpenAI's pages: the page
 * rules (page-reader.ts) and the deletion warning's guard. A deletion button the page labels with
 * aria-labelledby must be the same button to both, or one of them misses it.
 *
 * A subset of the W3C accessible-name computation, in its order: aria-labelledby, aria-label, the
 * <label> (or a fieldset's <legend>), the content for roles named by their content, the title.
 * No imports but types: this ships in every content script, which must stay small.
 */
import type { Role } from './page-rules';

/** Text longer than this is not a label, a message or a list item: only its start is read. */
const MAX_TEXT = 600;

export const norm = (s: string | null | undefined) => (s ?? '').slice(0, MAX_TEXT).replace(/\s+/g, ' ').trim();

const HEADINGS = 'h1,h2,h3,h4,h5,h6,[role="heading"]';

/**
 * The elements that have a role without saying so, by role. A `region` is also what a sighted
 * person reads as a titled section: whatever comes right after a heading (Sora's drafts were a
 * grid of cards under a heading, with no list role at all).
 */
export const IMPLICIT: Partial<Record<Role, string>> = {
  button: 'button,input[type=button],input[type=submit]',
  checkbox: 'input[type=checkbox]',
  combobox: 'select',
  dialog: 'dialog',
  heading: 'h1,h2,h3,h4,h5,h6',
  link: 'a[href]',
  list: 'ul,ol',
  listitem: 'li',
  radio: 'input[type=radio]',
  status: 'output',
  textbox: 'textarea,input:not([type]),input[type=text],input[type=email]',
  region: `section[aria-label],section[aria-labelledby],:is(${HEADINGS})+:not(${HEADINGS})`,
};

/** Roles whose accessible name is their content when nothing labels them. */
const NAMED_BY_CONTENT: ReadonlySet<string> = new Set([
  'alert',
  'button',
  'checkbox',
  'gridcell',
  'heading',
  'link',
  'listitem',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'radio',
  'row',
  'status',
  'switch',
  'tab',
]);

/** The element's role: its first `role` token, else the role its tag implies. */
export function roleOf(el: Element): string | undefined {
  return el.getAttribute('role')?.trim().split(' ')[0] || (Object.keys(IMPLICIT) as Role[]).find((r) => el.matches(IMPLICIT[r]!));
}

/**
 * The <label> of a form control: around it, or pointing at its id. Not `el.labels`, which walks the
 * whole document on each call: a page of a thousand buttons made every scan quadratic.
 */
function labelOf(el: Element): Element | null {
  if (!('labels' in el)) return null;
  const around = el.closest('label');
  if (around || !el.id) return around;
  return el.ownerDocument.querySelector(`label[for="${CSS.escape(el.id)}"]`);
}

/** The accessible name of an element, spaces folded, at most MAX_TEXT characters read. */
export function accessibleName(el: Element): string {
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    const doc = el.ownerDocument;
    const named = norm(by.split(/\s+/).map((id) => doc.getElementById(id)?.textContent).join(' '));
    if (named) return named;
  }
  const label = norm(el.getAttribute('aria-label'));
  if (label) return label;
  const labelling = labelOf(el) ?? el.querySelector(':scope>legend');
  if (labelling) return norm(labelling.textContent);
  if (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'button')) return norm(el.value);
  const role = roleOf(el);
  const content = role && NAMED_BY_CONTENT.has(role) ? norm(el.textContent) : '';
  return content || norm(el.getAttribute('title'));
}

/**
 * The heading just before a list or section that has no name of its own ("Drafts" over a grid):
 * among its previous siblings, or its parent's when it is wrapped alone. A few steps only.
 */
export function headingBefore(el: Element): string {
  for (let at: Element | null = el, depth = 0; at && depth < 2; at = at.parentElement, depth++) {
    let sibling = at.previousElementSibling;
    for (let step = 0; sibling && step < 3; sibling = sibling.previousElementSibling, step++) {
      if (sibling.matches(HEADINGS)) return norm(sibling.textContent);
    }
    if (at.parentElement && at.parentElement.childElementCount > 1) break;
  }
  return '';
}
