// @vitest-environment happy-dom
/**
 * Accessible names, computed one way for the page rules and the deletion warning
 * (lib/rules/accessible-name.ts), and the roles real pages use, read by the engine: menus with
 * menuitemradio, listboxes with options, tabs, switches, combobox buttons, lists and sections
 * named by the heading before them, grids of cards.
 */
import { describe, expect, it } from 'vitest';
import { accessibleName, roleOf } from '@/lib/rules/accessible-name';
import { PageState, scan, SETTLE_MS, type ScanContext } from '@/lib/rules/page-engine';
import { findIn, nameOf } from '@/lib/rules/page-reader';
import type { PageRule, Target } from '@/lib/rules/page-rules';

const el = (html: string, selector = '[data-x]') => {
  document.body.innerHTML = html;
  return document.querySelector(selector)!;
};

describe('accessible names', () => {
  it('follow the order: aria-labelledby, aria-label, label, content, title', () => {
    expect(accessibleName(el('<h2 id="a">Delete</h2><h3 id="b">account</h3><button data-x aria-labelledby="a b" aria-label="Close">X</button>'))).toBe('Delete account');
    expect(accessibleName(el('<button data-x aria-labelledby="missing" aria-label="Close">X</button>'))).toBe('Close');
    expect(accessibleName(el('<label>Email <input data-x></label>'))).toBe('Email');
    expect(accessibleName(el('<label for="e">Email address</label><input id="e" data-x>'))).toBe('Email address');
    expect(accessibleName(el('<button data-x> Permanently   delete\n my account </button>'))).toBe('Permanently delete my account');
    expect(accessibleName(el('<input data-x type="submit" value="Submit request">'))).toBe('Submit request');
    expect(accessibleName(el('<button data-x title="Delete"><svg></svg></button>'))).toBe('Delete');
    expect(accessibleName(el('<div data-x role="menuitemradio">Everyone</div>'))).toBe('Everyone');
  });

  it('are not the content of things named only by others (a list, a text box)', () => {
    expect(accessibleName(el('<ul data-x><li>@bob</li></ul>'))).toBe('');
    expect(accessibleName(el('<textarea data-x>secret</textarea>'))).toBe('');
  });

  it('give a list or section without a name the heading just before it', () => {
    expect(nameOf(el('<h2>Drafts with me</h2><div data-x><div>a</div></div>'))).toBe('Drafts with me');
    expect(nameOf(el('<h3>Approved people</h3><ul data-x></ul>'))).toBe('Approved people');
    expect(nameOf(el('<h3>Approved people</h3><p>Only they can use it.</p><ul data-x></ul>'))).toBe('Approved people');
    // A wrapper around the list alone: the heading before the wrapper.
    expect(nameOf(el('<h2>Appearances</h2><div><ul data-x></ul></div>'))).toBe('Appearances');
    // Its own name wins; a button is never named by a heading.
    expect(nameOf(el('<h2>Drafts</h2><ul data-x aria-label="Mine"></ul>'))).toBe('Mine');
    expect(nameOf(el('<h2>Danger</h2><button data-x></button>'))).toBe('');
  });

  it('know roles by attribute and by tag, and a titled section as a region', () => {
    expect(roleOf(el('<div data-x role="switch tab"></div>'))).toBe('switch');
    expect(roleOf(el('<select data-x></select>'))).toBe('combobox');
    expect(roleOf(el('<h2>Drafts</h2><div data-x></div>'))).toBe('region');
    expect(roleOf(el('<h2>Drafts</h2><ul data-x></ul>'))).toBe('list');
    expect(roleOf(el('<p>Drafts</p><div data-x></div>'))).toBeUndefined();
  });
});

/** One rule with a choice trigger, its before and after read raw. */
const choiceRule = (target: Target): PageRule => ({
  id: 'test.choice',
  surface: 'sora',
  where: /./,
  when: { choice: target },
  kind: 'audience-changed',
  details: { before: { choice: 'before', map: [[/./, 'x']], optional: true }, after: { choice: 'after', map: [[/^(.*)$/, 'seen']] } },
  basis: { fact: 'a rule made up for the engine tests', confidence: 'I' },
});

function choiceOf(target: Target, html: string, change: (doc: Document) => void) {
  document.body.innerHTML = html;
  const state = new PageState();
  const ctx = (now: number): ScanContext => ({ doc: document, rules: [choiceRule(target)], state, now });
  scan([document.documentElement], ctx(0));
  change(document);
  return scan([document.documentElement], ctx(SETTLE_MS)).map((f) => f.shownText);
}
const check = (selector: string, attr: string) => (doc: Document) => {
  for (const o of doc.querySelectorAll('[data-o]')) o.setAttribute(attr, 'false');
  doc.querySelector(selector)!.setAttribute(attr, 'true');
};

describe('pickers', () => {
  it('a menu of menuitemradio', () => {
    const html = '<div role="menu" aria-label="Character access"><div role="menuitemradio" data-o aria-checked="true">Only me</div><div role="menuitemradio" data-o id="e" aria-checked="false">Everyone</div></div>';
    expect(choiceOf({ role: 'menu', name: /character access/i }, html, check('#e', 'aria-checked'))).toEqual(['Character access: Everyone']);
  });

  it('a listbox of options', () => {
    const html = '<div role="listbox" aria-label="Language"><div role="option" data-o aria-selected="true">English</div><div role="option" data-o id="d" aria-selected="false">Deutsch</div></div>';
    expect(choiceOf({ role: 'listbox', name: /language/i }, html, check('#d', 'aria-selected'))).toEqual(['Language: Deutsch']);
  });

  it('a tablist', () => {
    const html = '<div role="tablist" aria-label="Settings"><button role="tab" data-o aria-selected="true">General</button><button role="tab" data-o id="a" aria-selected="false">Account</button></div>';
    expect(choiceOf({ role: 'tablist', name: /settings/i }, html, check('#a', 'aria-selected'))).toEqual(['Settings: Account']);
  });

  it('a switch, on and off', () => {
    const html = '<button role="switch" aria-checked="true">Improve the model for everyone</button>';
    expect(choiceOf({ role: 'switch', name: /improve the model/i }, html, (d) => d.querySelector('button')!.setAttribute('aria-checked', 'false'))).toEqual([
      'Improve the model for everyone: off',
    ]);
  });

  it("a combobox button (Radix Select) or a menu's button: the value it shows", () => {
    const html = '<h3 id="radix-:r1:">Character access</h3><button role="combobox" aria-labelledby="radix-:r1:">Only me</button>';
    expect(choiceOf({ role: 'combobox', name: /character access/i }, html, (d) => void (d.querySelector('button')!.textContent = 'Mutuals'))).toEqual(['Character access: Mutuals']);
  });
});

describe('lists', () => {
  const listed = (html: string) => {
    document.body.innerHTML = html;
    const rule: PageRule = {
      id: 'test.list',
      surface: 'sora',
      where: /./,
      when: { listed: { role: ['list', 'grid', 'region'], name: /^drafts with me$/i } },
      kind: 'appearance-seen',
      details: { by: { text: /@([a-z.]+)/ }, where: { const: 'draft' } },
      basis: { fact: 'a rule made up for the engine tests', confidence: 'I' },
    };
    return scan([document.documentElement], { doc: document, rules: [rule], state: new PageState(), now: 0 }).map((f) => f.details.by);
  };

  it('reads the cards of a grid under a heading, through wrappers, one per card', () => {
    expect(listed('<h2>Drafts with me</h2><div class="grid"><div><video></video><a href="/d/1">Open</a> @bob</div><div><video></video><a href="/d/2">Open</a> @carol</div></div>')).toEqual(['bob', 'carol']);
    expect(listed('<h2>Drafts with me</h2><div><div class="grid"><div><a href="/d/1">Open</a> <span>@bob</span></div><div><a href="/d/2">Open</a> <span>@carol</span></div></div></div>')).toEqual(['bob', 'carol']);
    // One card alone is a card, not a wrapper to look into.
    expect(listed('<h2>Drafts with me</h2><div class="grid"><div><video></video><a href="/d/1">Open</a> <span>@bob</span></div></div>')).toEqual(['bob']);
  });

  it('reads the rows of a grid and the items of a list named by aria-labelledby', () => {
    expect(listed('<div role="grid" aria-label="Drafts with me"><div role="row">@bob</div><div role="row">@carol</div></div>')).toEqual(['bob', 'carol']);
    expect(listed('<span id="t">Drafts with me</span><ul aria-labelledby="t"><li>@dave</li></ul>')).toEqual(['dave']);
  });

  it('ignores a grid under another heading', () => {
    expect(listed('<h2>My drafts</h2><div class="grid"><div>@alice</div><div>@alice2</div></div>')).toEqual([]);
  });

  it('finds a titled section by the change inside it', () => {
    document.body.innerHTML = '<h2>Drafts with me</h2><div class="grid"><div id="card">@bob</div></div>';
    expect(findIn([document.getElementById('card')!], { role: 'region', name: /drafts with me/i }).length).toBe(1);
  });
});
