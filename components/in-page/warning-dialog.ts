/**
 * The in-page warning before an account deletion: a native modal <dialog> (showModal) in a closed
 * shadow root. The top layer puts it above anything the page draws, and the browser makes the page
 * behind inert, so a page's own focus trap (Radix's FocusScope on OpenAI's dialogs) cannot pull
 * focus back and a screen reader reads only the warning.
 * Plain DOM (no Preact): the background injects it on demand and it should stay small.
 *
 * Keyboard: focus starts on "Go back" (the safe choice), Tab and Shift+Tab cycle inside, Escape
 * (the dialog's `cancel`) means Go back. No key typed in it reaches the page.
 *
 * The page cannot restyle it: the host resets every property with `all: initial !important` (for
 * !important, the shadow root's `:host` wins over the page's rules, even inline ones), and the
 * colours are custom properties declared on the dialog itself, where no page selector reaches.
 *
 * Fail open: if the page removes, hides, makes inert or covers the warning, nobody can answer it;
 * the promise then rejects with WarningNotShown, and the guard lets the user's click through.
 */
import theme from '../theme.css?inline';
import { whenUnanswerable, type Unanswerable } from '@/lib/content/answerable';
import { keepKeysFromPage } from '@/lib/content/own-keys';
import { ACCOUNT_DELETION_IRREVERSIBLE, ACCOUNT_DELETION_TAKES, type Statement, type WarningLanguage } from '@/lib/facts/policies';
import type { WarningChoice, WarningOptions } from '@/lib/warning/choice';
import { WARNING_TEXT } from './warning-text';

/** The warning could not be answered (the page removed, hid or covered it): nothing to log as shown. */
export class WarningNotShown extends Error {
  constructor(readonly why: Unanswerable) {
    super(`the warning could not be answered: ${why}`);
  }
}

const STYLE = `
:host { all: initial !important; display: block !important; }
dialog { box-sizing: border-box; width: min(560px, calc(100vw - 32px)); max-width: none; max-height: calc(100vh - 32px); overflow: auto;
  margin: auto; background: var(--ll-bg); color: var(--ll-fg); border: 2px solid var(--ll-danger); border-radius: 12px; padding: 20px 22px;
  font: 15px/1.45 var(--ll-font); text-align: start; }
dialog::backdrop { background: rgb(0 0 0 / 0.55); }
h2 { margin: 0 0 8px; font-size: 1.2rem; color: var(--ll-danger); }
h3 { margin: 14px 0 6px; font-size: 0.95rem; }
ul { margin: 0; padding-left: 1.2em; }
li { margin: 3px 0; }
.source { display: block; font-size: 0.8rem; color: var(--ll-muted); }
.checklist li { background: var(--ll-warn-bg); color: var(--ll-warn-fg); border-radius: 6px; padding: 4px 8px; list-style: none; margin-left: -1.2em; }
/* The choices stay in view while the text scrolls: focus starts on Go back, and it must be seen. */
.actions { display: flex; gap: 10px; justify-content: flex-end; flex-wrap: wrap; position: sticky; bottom: -20px;
  margin: 18px -22px -20px; padding: 12px 22px 20px; background: var(--ll-bg); border-top: 1px solid var(--ll-muted); }
button { border-width: 2px; }
.footer { margin: 14px 0 0; font-size: 0.75rem; color: var(--ll-muted); }
@media (forced-colors: active) {
  dialog { border: 3px solid CanvasText; }
  dialog::backdrop { background: Canvas; opacity: 0.8; }
  h2 { color: CanvasText; }
  button { border: 2px solid ButtonText; }
  button.danger { border-style: double; border-width: 4px; }
  .checklist li { border: 1px solid CanvasText; }
  :focus-visible { outline: 3px solid Highlight; }
}
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

/**
 * Shows the warning; resolves with the user's choice and removes itself. Rejects with
 * WarningNotShown when the page takes it away before the user could answer.
 */
export function showDeletionWarning({ lang, checklist, parent = document.documentElement }: WarningOptions): Promise<WarningChoice> {
  const t = WARNING_TEXT[lang];
  const doc = parent.ownerDocument;
  const host = el('div');
  host.setAttribute('data-likeness-ledger', 'warning');
  const root = host.attachShadow({ mode: 'closed' });
  const goBack = el('button', { type: 'button', className: 'primary' }, t.goBack);
  const proceed = el('button', { type: 'button', className: 'danger' }, t.continueAnyway);
  const dialog = el(
    'dialog',
    { className: 'll-theme', lang, dir: 'ltr' },
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
    el('p', { className: 'footer' }, t.footer),
    el('div', { className: 'actions' }, proceed, goBack),
  );
  // An alert dialog: a screen reader announces its title and intro at once.
  dialog.setAttribute('role', 'alertdialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'll-title');
  dialog.setAttribute('aria-describedby', 'll-intro');
  root.append(el('style', {}, theme + STYLE), dialog);

  const previouslyFocused = doc.activeElement as HTMLElement | null;
  return new Promise<WarningChoice>((resolve, reject) => {
    let done = false;
    let stopWatching = () => {};
    let releaseKeys = () => {};
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      stopWatching();
      releaseKeys();
      // Removed, not closed first: closing would hand focus back while the host is still in the
      // page, and a page's focus trap would see it as focus moving around under the warning.
      host.remove();
      previouslyFocused?.focus?.({ preventScroll: true });
      settle();
    };
    const choose = (choice: WarningChoice) => finish(() => resolve(choice));

    /** Tab past the last button (or Shift+Tab before the first link) wraps around, as in any modal. */
    function keepFocusInside(e: KeyboardEvent) {
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

    // The page behind is inert, so focus has nowhere else to be: if a page's trick drops it (to
    // the body), it comes back to the safe choice, and the keyboard still reaches the warning.
    root.addEventListener('focusout', () =>
      setTimeout(() => {
        if (!done && !root.activeElement) goBack.focus({ preventScroll: true });
      }),
    );
    goBack.addEventListener('click', () => choose('go-back'));
    proceed.addEventListener('click', () => choose('continue'));
    // Escape: the browser asks to cancel the dialog. Go back, and keep the closing ours.
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      choose('go-back');
    });
    // Chromium may close a dialog without a cancel (a second Escape with no click between): the same.
    dialog.addEventListener('close', () => choose('go-back'));
    // Keys typed in the warning never reach the page; Tab wraps around inside.
    releaseKeys = keepKeysFromPage(host, (e) => {
      if (e.type === 'keydown' && e.key === 'Tab') keepFocusInside(e);
    });

    try {
      parent.append(host);
      dialog.showModal();
    } catch (error) {
      return finish(() => reject(error));
    }
    // Focus the safe choice without scrolling the title out of view.
    goBack.focus({ preventScroll: true });
    dialog.scrollTop = 0;
    stopWatching = whenUnanswerable(host, dialog, (why) => finish(() => reject(new WarningNotShown(why))), { onTop: true });
  });
}
