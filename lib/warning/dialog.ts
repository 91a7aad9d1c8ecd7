/**
 * The in-page warning before an account deletion: an accessible alert dialog in a closed shadow
 * root, so the page's styles cannot break it and its styles do not leak into the page.
 * Plain DOM (no Preact): it ships inside the content scripts, which have a size budget.
 *
 * Keyboard: focus starts on "Go back" (the safe choice), Tab and Shift+Tab stay inside,
 * Escape means Go back. Screen readers announce it as an alert dialog with its title and intro.
 */
import theme from '../../components/theme.css?inline';
import { ACCOUNT_DELETION_IRREVERSIBLE, ACCOUNT_DELETION_TAKES, type Statement, type WarningLanguage } from '../policies';
import type { ChecklistItem } from './checklist-types';
import { WARNING_TEXT } from './text';

export type WarningChoice = 'go-back' | 'continue';

const STYLE = `
.backdrop { position: fixed; inset: 0; z-index: 2147483647; display: grid; place-items: center;
  background: rgb(0 0 0 / 0.55); font: 15px/1.45 var(--ll-font); }
.dialog { box-sizing: border-box; width: min(560px, calc(100vw - 32px)); max-height: calc(100vh - 32px); overflow: auto;
  background: var(--ll-bg); color: var(--ll-fg); border: 2px solid var(--ll-danger); border-radius: 12px; padding: 20px 22px; }
h2 { margin: 0 0 8px; font-size: 1.2rem; color: var(--ll-danger); }
h3 { margin: 14px 0 6px; font-size: 0.95rem; }
ul { margin: 0; padding-left: 1.2em; }
li { margin: 3px 0; }
.source { display: block; font-size: 0.8rem; color: var(--ll-muted); }
.checklist li { background: var(--ll-warn-bg); color: var(--ll-warn-fg); border-radius: 6px; padding: 4px 8px; list-style: none; margin-left: -1.2em; }
.actions { display: flex; gap: 10px; justify-content: flex-end; margin-top: 18px; flex-wrap: wrap; }
.footer { margin-top: 10px; font-size: 0.75rem; color: var(--ll-muted); }
`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function statementList(statements: Statement[], lang: WarningLanguage) {
  const t = WARNING_TEXT[lang];
  return el(
    'ul',
    {},
    ...statements.map((s) =>
      el('li', {}, s.text[lang], el('span', { className: 'source' }, s.source.url ? el('a', { href: s.source.url, target: '_blank', rel: 'noreferrer' }, t.source(s.source.title, s.source.asOf)) : t.source(s.source.title, s.source.asOf))),
    ),
  );
}

export interface WarningOptions {
  lang: WarningLanguage;
  checklist: ChecklistItem[];
  /** Where to attach the dialog's host; the document element by default. */
  parent?: Element;
}

/** Shows the warning; resolves with the user's choice and removes itself. */
export function showDeletionWarning({ lang, checklist, parent = document.documentElement }: WarningOptions): Promise<WarningChoice> {
  const t = WARNING_TEXT[lang];
  const host = el('div');
  host.setAttribute('data-likeness-ledger', 'warning');
  const root = host.attachShadow({ mode: 'closed' });
  const goBack = el('button', { type: 'button', className: 'primary' }, t.goBack);
  const proceed = el('button', { type: 'button', className: 'danger' }, t.continueAnyway);
  const dialog = el(
    'div',
    { className: 'dialog' },
    el('h2', { id: 'll-title' }, t.title),
    el('p', { id: 'll-intro' }, t.intro),
    el('h3', {}, t.takesHeading),
    statementList(ACCOUNT_DELETION_TAKES, lang),
    el('h3', {}, t.irreversibleHeading),
    statementList(ACCOUNT_DELETION_IRREVERSIBLE, lang),
    el('h3', {}, t.checklistHeading),
    checklist.length
      ? el('ul', { className: 'checklist' }, ...checklist.map((item) => el('li', {}, t.item(item))))
      : el('p', {}, t.checklistEmpty),
    el('div', { className: 'actions' }, proceed, goBack),
    el('p', { className: 'footer' }, t.footer),
  );
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'll-title');
  dialog.setAttribute('aria-describedby', 'll-intro');
  dialog.lang = lang;
  root.append(el('style', {}, theme + STYLE), el('div', { className: 'backdrop' }, dialog));
  parent.append(host);

  const previouslyFocused = document.activeElement as HTMLElement | null;
  // Focus the safe choice without scrolling the title out of view.
  goBack.focus({ preventScroll: true });

  return new Promise((resolve) => {
    const finish = (choice: WarningChoice) => {
      host.remove();
      previouslyFocused?.focus?.();
      resolve(choice);
    };
    goBack.addEventListener('click', () => finish('go-back'));
    proceed.addEventListener('click', () => finish('continue'));
    root.addEventListener('keydown', (event) => {
      const e = event as KeyboardEvent;
      if (e.key === 'Escape') {
        e.preventDefault();
        finish('go-back');
      } else if (e.key === 'Tab') {
        // Keep focus inside the dialog: it is modal.
        const focusable = [...dialog.querySelectorAll<HTMLElement>('a[href], button')];
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        const active = root.activeElement;
        if (e.shiftKey && active === first) {
          e.preventDefault();
          last?.focus();
        } else if (!e.shiftKey && active === last) {
          e.preventDefault();
          first?.focus();
        }
      }
      // The page must not see keys typed into the warning (its shortcuts could act behind it).
      e.stopPropagation();
    });
  });
}
