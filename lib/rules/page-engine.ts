/**
 * Reads page rules against a document: finds what the rules name by role, accessible name and
 * text, and reports which rules fired with the fields they extract. No timers, no messages:
 * lib/content/watch-page.ts decides when to scan and what to send.
 *
 * A scan looks only inside its scope (the subtrees a mutation touched), or the whole document
 * when the caller says so: the cost of one scan follows the size of the change, not of the page.
 */
import { accessibleName, headingBefore, IMPLICIT, norm, roleOf } from './accessible-name';
import type { PageRule, Role, Target } from './page-rules';

export { norm, roleOf } from './accessible-name';

/** Lists and radio groups settle this long after they first appear (data loading in). */
export const SETTLE_MS = 1000;

const rolesOf = (target: Target): readonly Role[] => (typeof target.role === 'string' ? [target.role] : target.role);
const selectors = new Map<string, string>();
/** The CSS selector of elements that may have one of these roles; built once per set of roles. */
function selectorOf(roles: readonly Role[]): string {
  const key = roles.join();
  let sel = selectors.get(key);
  if (sel === undefined) selectors.set(key, (sel = roles.map((r) => `[role="${r}"]${IMPLICIT[r] ? `,${IMPLICIT[r]}` : ''}`).join()));
  return sel;
}

const textOf = (el: Element) => norm(el.textContent);
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

/**
 * What a scan has to look at after a batch of changes: the changed nodes still on the page, each
 * once. A node taken off the page is not shown any more, and a node inside another changed node is
 * already covered by it — a feed that replaces its list twenty times is one subtree, not twenty.
 */
export function narrowScope(changed: Iterable<Node>): Node[] {
  const elements = new Set<Node>();
  for (const node of changed) {
    const el = node.nodeType === 1 ? node : node.parentElement;
    if (el?.isConnected) elements.add(el);
  }
  return [...elements].filter((el) => {
    for (let up = el.parentNode; up; up = up.parentNode) if (elements.has(up)) return false;
    return true;
  });
}

/** Elements matching the target inside the scope: the nodes themselves, their ancestors' nearest match, their descendants. */
export function findIn(scope: readonly Node[], target: Target): Element[] {
  return candidatesIn(scope, target).filter((el) => matches(el, target));
}

/** Shown elements with the target's role inside the scope, whatever their name and text. */
function candidatesIn(scope: readonly Node[], target: Target): Element[] {
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

function valueOf(el: Element): string {
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
function chosenIn(picker: Element): string | null {
  const role = roleOf(picker);
  if (role === 'switch' || role === 'checkbox') {
    return picker.getAttribute('aria-checked') === 'true' || (picker as HTMLInputElement).checked === true ? 'on' : 'off';
  }
  if (role === 'combobox' || role === 'button') return valueOf(picker) || null;
  for (const option of picker.querySelectorAll(OPTIONS)) if (isChosen(option)) return nameOf(option);
  return null;
}

/** Items of a list (its list items), of a grid (its rows), or of a titled section (its cards). */
function itemsOf(list: Element): Element[] {
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
function linkIn(item: Element): string | undefined {
  const a = item.querySelector('a[href]') as HTMLAnchorElement | null;
  if (!a) return undefined;
  try {
    const url = new URL(a.href, item.ownerDocument.baseURI);
    return url.protocol === 'https:' ? `${url.origin}${url.pathname}` : undefined;
  } catch {
    return undefined;
  }
}

/** Email addresses never leave the page, not even inside a message the page showed. */
export const withoutEmails = (text: string) => text.replace(/[^\s@<>()"']+@[^\s@<>()"']+\.[a-z]{2,}/gi, '[email]');

export interface Finding {
  rule: PageRule;
  details: Record<string, unknown>;
  /** What the user was shown, short and without email addresses. */
  shownText: string;
}

export class PageState {
  /** Per shown-rule, the text each element had when it was reported (a reused live region can report again). */
  readonly reported = new Map<string, WeakMap<Element, string>>();
  /** Per rule, the last reading of its radio group (the checked label) or list (its items). */
  readonly readings = new Map<string, string | null | Items>();
  /** When each rule's group or list was first seen on this route. */
  readonly firstSeen = new Map<string, number>();
  /** Items a listed-rule already reported on this visit. */
  readonly listed = new Set<string>();
  /** Last known values of form fields, by rule and field: a confirmation may replace the form. */
  readonly fields = new Map<string, string>();

  /** A new route: readings start over (a different page's list is not a change of this one). */
  newRoute() {
    for (const m of [this.readings, this.firstSeen, this.fields]) m.clear();
  }
}

/** A list's items by their extracted fields: the fields and the item's text. */
type Items = Map<string, [Record<string, unknown>, string]>;

export interface ScanContext {
  doc: Document;
  rules: readonly PageRule[];
  state: PageState;
  now: number;
}

const onPage = (ctx: ScanContext, target: Target) => findIn([ctx.doc.documentElement], target)[0];

/**
 * The fields of one firing. `source` is the element whose text the rule read (the message, the
 * list item); null when a required field is missing, so nothing half-known is reported.
 */
function extract(rule: PageRule, source: Element, ctx: ScanContext, choice?: Record<'before' | 'after', string | null>) {
  const details: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(rule.details)) {
    let value: unknown;
    if ('const' in field) value = field.const;
    else if ('text' in field) value = textOf(source).match(field.text)?.[1];
    else if ('link' in field) value = linkIn(source);
    else {
      const el = 'field' in field && onPage(ctx, field.field);
      const raw = 'choice' in field ? choice?.[field.choice] : el ? valueOf(el) : ctx.state.fields.get(`${rule.id}.${name}`);
      value = raw == null ? undefined : field.map ? field.map.find(([pattern]) => pattern.test(raw))?.[1] : raw;
    }
    value ??= field.fallback;
    if (value === undefined) {
      if (field.optional) continue;
      return null;
    }
    details[name] = value;
  }
  return details;
}

/**
 * Remembers the form fields the rules read, so a confirmation that replaces the form still has them.
 * A scope limits the look to what changed (a field that appeared); a choice the user makes in a
 * field is a `change` event, after which the caller looks at the whole page.
 */
export function rememberFields(ctx: ScanContext, scope: readonly Node[] = [ctx.doc.documentElement]): void {
  for (const rule of ctx.rules) {
    for (const [name, field] of Object.entries(rule.details)) {
      const el = 'field' in field && findIn(scope, field.field)[0];
      if (el) ctx.state.fields.set(`${rule.id}.${name}`, valueOf(el));
    }
  }
}

/** Runs the rules over the scope; returns what fired. Mutates `ctx.state` (what was reported, readings). */
export function scan(scope: readonly Node[], ctx: ScanContext): Finding[] {
  const { state } = ctx;
  const findings: Finding[] = [];
  const fire = (rule: PageRule, details: Record<string, unknown> | null, text: string) =>
    details && findings.push({ rule, details, shownText: withoutEmails(text).slice(0, 200) });

  for (const rule of ctx.rules) {
    const when = rule.when;
    if ('shown' in when) {
      let done = state.reported.get(rule.id);
      if (!done) state.reported.set(rule.id, (done = new WeakMap()));
      for (const el of candidatesIn(scope, when.shown)) {
        const text = textOf(el);
        if (!matches(el, when.shown)) done.delete(el);
        else if (done.get(el) !== text) {
          done.set(el, text);
          fire(rule, extract(rule, el, ctx), text);
        }
      }
      continue;
    }
    const target = 'choice' in when ? when.choice : 'added' in when ? when.added : 'removed' in when ? when.removed : when.listed;
    const el = findIn(scope, target)[0];
    if (!el || el.getAttribute('aria-busy') === 'true') continue;
    const label = nameOf(el);
    // Until the group or list has been on the page for SETTLE_MS, a reading is only the baseline.
    const first = state.firstSeen.get(rule.id) ?? ctx.now;
    state.firstSeen.set(rule.id, first);
    const settled = ctx.now - first >= SETTLE_MS;
    const before = state.readings.get(rule.id);

    if ('choice' in when) {
      const after = chosenIn(el);
      state.readings.set(rule.id, after);
      if (settled && after !== null && after !== before) {
        fire(rule, extract(rule, el, ctx, { before: typeof before === 'string' ? before : null, after }), `${label}: ${after}`);
      }
      continue;
    }
    const items: Items = new Map();
    for (const item of itemsOf(el)) {
      const details = extract(rule, item, ctx);
      if (details) items.set(JSON.stringify(details), [details, textOf(item)]);
    }
    if ('listed' in when) {
      for (const [key, [details, text]] of items) {
        if (!state.listed.has(rule.id + key)) fire(rule, details, `${label}: ${text}`);
        state.listed.add(rule.id + key);
      }
      continue;
    }
    state.readings.set(rule.id, items);
    if (!settled || !(before instanceof Map)) continue;
    const [from, to] = 'added' in when ? [before, items] : [items, before];
    for (const [key, [details, text]] of to) if (!from.has(key)) fire(rule, details, `${label}: ${text}`);
  }
  return findings;
}

/** Rules whose expected element is not on the page (a whole-page look: once per route, a few seconds in). */
export function stillMissing(ctx: ScanContext): string[] {
  return ctx.rules.filter((r) => r.expect && !onPage(ctx, r.expect)).map((r) => r.id);
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
