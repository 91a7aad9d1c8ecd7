/**
 * Page rules: what an OpenAI page shows when the user has just done something, as data.
 * A rule names its surface, the pages it applies to, what on them means the action happened
 * (by ARIA role, accessible name and visible text, never by generated class names), the event
 * kind it produces and where each field of the event comes from. The engine is page-engine.ts,
 * reading the page through page-reader.ts.
 *
 * Texts and routes: ../shared/docs/openai-surfaces.md; each rule says which fact it rests on, and
 * how sure that fact is, in its `basis`. Every text matches any capitalisation, and "cameo" and
 * "character" alike (the product renamed Cameos to Characters). Each rule has samples that fire it
 * and near misses that must not (test/fixtures/rules/<surface>.ts, checked by
 * test/unit/rules/tables.test.ts): a rule change is one edit in lib/rules/<surface>.ts plus its samples.
 *
 * This module ships in the content scripts: keep it plain data, with no schema library.
 */
import type { WarningLanguage } from '../facts/policies';
import type { EventKind } from '../ledger/events';
import type { SurfaceId } from '../facts/surfaces';

/**
 * How sure a fact is, as in openai-surfaces.md: [C] confirmed by an official page or a primary
 * legal text; [S] secondary (press, guides, public client or automation code); [I] inferred.
 */
export type Confidence = 'C' | 'S' | 'I';

/**
 * What a rule, anchor or destructive step rests on: the fact in ../shared/docs/openai-surfaces.md, in a
 * sentence with its source, and how sure it is, as data a test can read.
 */
export interface Basis {
  fact: string;
  confidence: Confidence;
}

export type Role =
  | 'alert'
  | 'alertdialog'
  | 'button'
  | 'checkbox'
  | 'combobox'
  | 'dialog'
  | 'grid'
  | 'group'
  | 'heading'
  | 'link'
  | 'list'
  | 'listbox'
  | 'listitem'
  | 'menu'
  | 'menuitem'
  | 'menuitemradio'
  | 'option'
  | 'radio'
  | 'radiogroup'
  | 'region'
  | 'row'
  | 'status'
  | 'switch'
  | 'tab'
  | 'tablist'
  | 'textbox';

/** An element as assistive technology sees it: its role, its accessible name, its text. */
export interface Target {
  role: Role | readonly Role[];
  name?: RegExp;
  text?: RegExp;
  /** The path its link goes to (a profile link, say); the first capture group is what it gives. */
  href?: RegExp;
  /** The app's own test hook (`data-testid`), stable across languages and renders where the app has one. */
  testid?: string;
}

/** Page wording to a value, first match wins. */
export type Mapping = readonly (readonly [RegExp, string])[];

export type Field = (
  | { const: unknown }
  /** The first capture group of this pattern in the trigger's text (the message shown, or the list item). */
  | { text: RegExp }
  /** The trigger item's first link, as an https URL without query or fragment. */
  | { link: true }
  /** What a form field on the page holds (the restrictions box, a select), mapped if `map` is given. */
  | { field: Target; map?: Mapping }
  /** The radio group's option before or after the change, mapped. */
  | { choice: 'before' | 'after'; map: Mapping }
) & {
  /** Used when the page does not give the field. */
  fallback?: string;
  /** The event is still complete without this field. */
  optional?: true;
};

export type Trigger =
  /** An element with this role and text appears (a confirmation, a toast): once per element. */
  | { shown: Target }
  /**
   * The chosen option of this picker changes after the page settled: the checked radio,
   * menuitemradio, selected option or tab of a group; or, for a select, a combobox or a menu's
   * button, the value it shows; or a switch's on/off.
   */
  | { choice: Target }
  /**
   * An item joins this list after the page settled. A list is a `list` (its items), a `grid` (its
   * rows) or a `region` (its cards: the children of what follows a heading); named by
   * aria-labelledby, aria-label or, failing those, the heading just before it.
   */
  | { added: Target }
  /** An item leaves this list after the page settled. */
  | { removed: Target }
  /** Each item of this list, once per visit (what the user was shown). */
  | { listed: Target };

export interface PageRule {
  id: string;
  surface: SurfaceId;
  /** The pages it applies to, tested against path and hash (never the query). */
  where: RegExp;
  when: Trigger;
  kind: EventKind;
  details: Readonly<Record<string, Field>>;
  /** The signal is ambiguous: ask in the page, with this question (in each language the page may speak), before logging it. */
  ask?: Question;
  /** On its pages this is present within a few seconds; when it is not, detection may be out of date. */
  expect?: Target;
  /** The fact the rule rests on and its confidence (openai-surfaces.md). */
  basis: Basis;
}

/**
 * Something a watched route always shows (the settings dialog, the portal's request form): when it
 * is missing a few seconds in, the page has changed under the rules and the popup says so.
 */
export interface Anchor {
  id: string;
  where: RegExp;
  expect: Target;
  /** Only on pages in these languages: the anchor names a text recorded in them alone. */
  lang?: readonly string[];
  basis: Basis;
}

/** A page's `<html lang>` as its primary subtag ("de-DE" → "de"), or null when it states none we can read. */
function primaryLanguage(lang: string | null | undefined): string | null {
  const primary = (lang ?? '').trim().toLowerCase().split('-')[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/** The anchors that hold on a page in this language (no language stated: English, as the apps default). */
export function anchorsFor(anchors: readonly Anchor[], lang: string | null | undefined): Anchor[] {
  const primary = primaryLanguage(lang) ?? 'en';
  return anchors.filter((a) => !a.lang || a.lang.includes(primary));
}

/**
 * One surface's rules, in a module of their own (lib/rules/<surface>.ts), so that each content
 * script carries only its own. Each rule's comment says where its texts and routes come from,
 * with their confidence ([C], [S], [I] as in openai-surfaces.md).
 */
export interface SurfaceRules {
  surface: SurfaceId;
  /** Where the page shows whose account is signed in; the handle is the first capture group of its `href`, else of its name, else of its text. */
  account: Target | null;
  rules: readonly PageRule[];
  /** What each watched route must show; a route with anchors is watched even where no rule fires. */
  anchors?: readonly Anchor[];
  /**
   * The page languages (`<html lang>`, primary subtag) whose texts the rules and steps know. On a page
   * in any other language detection rests on structure alone, and detector health says so.
   * Not given: English only.
   */
  languages?: readonly string[];
}

/** The page's language when the rules do not know it ("nl" on a Dutch page), else null. */
export function unknownLanguage(watched: Pick<SurfaceRules, 'languages'>, lang: string | null | undefined): string | null {
  const primary = primaryLanguage(lang);
  // No language stated: nothing to say.
  return primary === null || (watched.languages ?? ['en']).includes(primary) ? null : primary;
}

/**
 * The account menu button, labelled "Account: @alice". The real apps show the signed-in user in an
 * account or profile menu; this exact label is the model our fixtures follow. [I]
 */
export const ACCOUNT_MENU: Target = { role: 'button', name: /^account:\s*@?(.+)$/i };
export const CONFIRMATION: Role[] = ['status', 'alert', 'heading'];
export const TOAST: Role[] = ['status', 'alert'];

/** The rules (or anchors) that apply to a page, by its path and hash. */
export function rulesFor<T extends { where: RegExp }>(rules: readonly T[], route: string): T[] {
  return rules.filter((r) => r.where.test(route));
}

/** A question asked in the page, in each language the in-page texts speak (lib/content/ask.ts). */
export type Question = Record<WarningLanguage, string>;
