/**
 * Reads an OpenAI page as assistive technology does: which elements have a rule's role, name and
 * text (accessible-name.ts computes the names), what a picker shows as chosen, the items of a list,
 * the handle the account menu shows. Stateless: page-engine.ts keeps what was seen and decides what fired.
 */
import { accessibleName, headingBefore, IMPLICIT, norm, roleOf } from './accessible-name';
import type { Role, Target } from './page-rules';

const rolesOf = (target: Target): readonly Role[] => (typeof target.role === 'string' ? [target.role] : target.role);
const selectors = new Map<string, string>();
/** The CSS selector of elements that may have one of these roles; built once per set of roles. */
function selectorOf(roles: readonly Role[]): string {
  const key = roles.join();
  let sel = selectors.get(key);
  if (sel === undefined) selectors.set(key, (sel = roles.map((r) => `[role="${r}"]${IMPLICIT[r] ? `,${IMPLICIT[r]}` : ''}`).join()));
  return sel;
}

export const textOf = (el: Element) => norm(el.textContent);
/** Roles of things that hold items: named by the heading before them when nothing else names them. */
const COLLECTIONS = new Set(['list', 'grid', 'region', 'listbox', 'menu', 'tablist', 'radiogroup', 'group']);

/** The accessible name (accessible-name.ts); a list or section without one takes the heading just before it. */
export function nameOf(el: Element): string {
  return accessibleName(el) || (COLLECTIONS.has(roleOf(el) ?? '') ? headingBefore(el) : '');
}

/** Hidden things are not shown; our own prompt is not the page's. */
const shown = (el: Element) => !el.closest('[hidden],[aria-hidden="true"],[data-likeness-ledger]');

export function matches(el: Element, target: Target): boolean {
  return (
    (rolesOf(target) as readonly string[]).includes(roleOf(el) ?? '') &&
    (!target.testid || el.getAttribute('data-testid') === target.testid) &&
    (!target.name || target.name.test(nameOf(el))) &&
    (!target.text || target.text.test(textOf(el))) &&
    (!target.href || target.href.test(pathOf(el)))
  );
}

/** The path of the element's own link, '' when it has none. */
function pathOf(el: Element): string {
  const href = el.getAttribute('href');
  if (href === null) return '';
  try {
    return new URL(href, el.ownerDocument.baseURI).pathname;
  } catch {
    return '';
  }
}

/** Elements matching the target inside the scope: the nodes themselves, their ancestors' nearest match, their descendants. */
export function findIn(scope: readonly Node[], target: Target): Element[] {
  return candidatesIn(scope, target).filter((el) => matches(el, target));
}

/** Shown elements with the target's role inside the scope, whatever their name and text. */
export function candidatesIn(scope: readonly Node[], target: Target): Element[] {
  const sel = selectorOf(rolesOf(target));
  const found = new Set<Element>();
  for (const node of scope) {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el) continue;
    const up = el.closest(sel);
    if (up) found.add(up);
    for (const d of el.querySelectorAll(sel)) found.add(d);
  }
  return [...found].filter(shown);
}

export function valueOf(el: Element): string {
  if (el.localName === 'select') {
    const select = el as HTMLSelectElement;
    return norm(select.options[select.selectedIndex]?.textContent);
  }
  if (el.localName === 'textarea' || el.localName === 'input') return (el as HTMLInputElement).value.trim();
  return textOf(el);
}

/** The options of a group, and which state says an option is the chosen one. */
const OPTIONS = selectorOf(['radio', 'menuitemradio', 'option', 'tab']);
const isChosen = (option: Element) =>
  option.getAttribute('aria-checked') === 'true' ||
  option.getAttribute('aria-selected') === 'true' ||
  (option as HTMLInputElement).checked === true ||
  option.getAttribute('data-state') === 'checked';

/**
 * What a picker shows as chosen: the name of a group's checked option (radio, menuitemradio, option,
 * tab); a switch's "on" or "off"; else the value a select, combobox or menu button shows.
 */
export function chosenIn(picker: Element): string | null {
  const role = roleOf(picker);
  if (role === 'switch' || role === 'checkbox') {
    return picker.getAttribute('aria-checked') === 'true' || (picker as HTMLInputElement).checked === true ? 'on' : 'off';
  }
  if (role === 'combobox' || role === 'button') return valueOf(picker) || null;
  for (const option of picker.querySelectorAll(OPTIONS)) if (isChosen(option)) return nameOf(option);
  return null;
}

/** Items of a list (its list items), of a grid (its rows), or of a titled section (its cards). */
export function itemsOf(list: Element): Element[] {
  const role = roleOf(list);
  if (role === 'list') {
    const listSel = selectorOf(['list']);
    return [...list.querySelectorAll(selectorOf(['listitem']))].filter(
      (li) => roleOf(li) === 'listitem' && li.parentElement?.closest(listSel) === list && shown(li),
    );
  }
  if (role === 'grid') return [...list.querySelectorAll('[role="row"]')].filter(shown);
  // A grid of cards: the children of the section, or of the wrappers it holds one inside another.
  // A lone child that holds unlike things (a video, a link, a name) is a card, not a wrapper.
  let cards: Element = list;
  for (let only = cards.firstElementChild; cards.childElementCount === 1 && only && (only.childElementCount === 1 || alike(only)); only = cards.firstElementChild) {
    cards = only;
  }
  return [...cards.children].filter(shown);
}

/** Two or more children, all of one kind: the cards of a grid. */
const alike = (el: Element) => el.childElementCount > 1 && [...el.children].every((c) => c.localName === el.firstElementChild!.localName);

/** The https URL of the item's first link, without query or fragment (they can carry tokens). */
export function linkIn(item: Element): string | undefined {
  const a = item.querySelector('a[href]') as HTMLAnchorElement | null;
  if (!a) return undefined;
  try {
    const url = new URL(a.href, item.ownerDocument.baseURI);
    return url.protocol === 'https:' ? `${url.origin}${url.pathname}` : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The signed-in handle an element shows: the first capture group of the target's href, else of its
 * name, else of its text (ChatGPT's profile button is named "Open profile menu" and shows the display
 * name); never an email address.
 */
export function handleOf(el: Element, target: Target): string | null {
  if (!matches(el, target)) return null;
  const handle =
    (target.href && pathOf(el).match(target.href)?.[1]) ?? (target.name && nameOf(el).match(target.name)?.[1]) ?? (target.text && textOf(el).match(target.text)?.[1]);
  const trimmed = handle?.trim();
  return trimmed && !/\S@\S+\.\S/.test(trimmed) ? trimmed : null;
}

/** The first element in the scope that shows the signed-in handle (the account menu), with the handle. */
export function handleShown(scope: readonly Node[], target: Target | null): { el: Element; handle: string } | null {
  if (!target?.name && !target?.href && !target?.text) return null;
  for (const el of findIn(scope, target)) {
    const handle = handleOf(el, target);
    if (handle) return { el, handle };
  }
  return null;
}
