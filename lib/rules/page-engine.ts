/**
 * Runs page rules against a document, with state: what each rule already reported, the readings of
 * its pickers and lists, whether they have settled, and which fired with the fields they extract.
 * Finding what a rule names (role, accessible name, text) is page-reader.ts. No timers, no
 * messages: lib/content/watch-page.ts decides when to scan and what to send.
 *
 * A scan looks only inside its scope (the subtrees a mutation touched), or the whole document
 * when the caller says so: the cost of one scan follows the size of the change, not of the page.
 */
import { candidatesIn, chosenIn, findIn, itemsOf, linkIn, matches, nameOf, textOf, valueOf } from './page-reader';
import type { PageRule, Target } from './page-rules';

/** Lists and radio groups settle this long after they first appear (data loading in). */
export const SETTLE_MS = 1000;

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
