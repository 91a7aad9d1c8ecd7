/**
 * A small question in the page, for a signal the rules cannot read with certainty:
 * "Log this as a cameo deletion?" — better one click from the user than a wrong entry.
 *
 * A non-modal dialog in the page's own DOM (so assistive technology and the tests reach it),
 * focused when it opens, Escape for "Not now". Plain DOM: it ships in a content script.
 * It speaks the page's language (<html lang>), as the deletion warning does.
 * Only a real click or key press answers it: a page script's synthetic click is not the user.
 *
 * The page cannot restyle it: every element resets the page's rules with inline `all … !important`
 * (inline !important beats any stylesheet), set through the CSSOM, which a page's
 * Content-Security-Policy does not block. Keys typed in it do not reach the page.
 * If the page removes or hides it, nobody can answer: it settles as "no" (nothing logged), and
 * the next unclear signal is asked about again.
 */
import { whenUnanswerable } from '@/lib/content/answerable';
import { keepKeysFromPage } from '@/lib/content/own-keys';
import type { WarningLanguage } from '@/lib/facts/policies';
import type { Question } from '@/lib/rules/page-rules';
import { warningLanguage } from '@/lib/warning/language';

export interface AskOptions {
  doc?: Document;
  /** Whether an event came from the user; tests stand in for the browser here. */
  trusted?: (event: Event) => boolean;
}

const ANSWERS: Record<WarningLanguage, { yes: string; no: string }> = {
  en: { yes: 'Log it', no: 'Not now' },
  de: { yes: 'Eintragen', no: 'Jetzt nicht' },
  fr: { yes: 'L’enregistrer', no: 'Pas maintenant' },
  es: { yes: 'Registrarlo', no: 'Ahora no' },
};

/** Inline styles that no page rule can override: `all` first, then ours, each !important. */
function isolate(node: HTMLElement, reset: 'initial' | 'revert', css: Record<string, string> = {}) {
  node.style.setProperty('all', reset, 'important');
  for (const [name, value] of Object.entries(css)) node.style.setProperty(name, value, 'important');
}

let close: (() => void) | null = null;

/** Resolves true when the user says yes; false for no, Escape, when the prompt is closed, or when the page takes it away. */
export function askInPage(question: Question, { doc = document, trusted = (e) => e.isTrusted }: AskOptions = {}): Promise<boolean> {
  // One question at a time: a second signal while one is open is the same moment.
  if (close) return Promise.resolve(false);
  const lang = warningLanguage(doc.documentElement.lang);
  return new Promise((resolve) => {
    // A native non-modal <dialog>: its role comes with it.
    const box = doc.createElement('dialog');
    box.setAttribute('data-likeness-ledger', 'ask');
    box.lang = lang;
    box.dir = 'ltr';
    // `initial`, not `revert`: the page's inherited colour and font must not come through either.
    isolate(box, 'initial', {
      display: 'block',
      position: 'fixed',
      inset: 'auto 16px 16px auto',
      'z-index': '2147483647',
      'max-width': 'min(420px, calc(100vw - 32px))',
      'box-sizing': 'border-box',
      padding: '12px 14px',
      border: '2px solid CanvasText',
      'border-radius': '8px',
      background: 'Canvas',
      color: 'CanvasText',
      'color-scheme': 'light dark',
      font: '14px/1.4 system-ui, sans-serif',
    });
    const q = doc.createElement('p');
    isolate(q, 'revert', { margin: '0 0 8px' });
    q.id = `ll-ask-${Math.random().toString(36).slice(2)}`;
    q.textContent = `Likeness Ledger: ${question[lang]}`;
    box.setAttribute('aria-labelledby', q.id);
    const [yes, no] = [ANSWERS[lang].yes, ANSWERS[lang].no].map((label) => {
      const button = doc.createElement('button');
      button.type = 'button';
      button.textContent = label;
      // `revert`: the browser's own button look (and its forced-colours rendering), not the page's.
      isolate(button, 'revert', { margin: '0 8px 0 0', font: 'inherit' });
      return button;
    }) as [HTMLButtonElement, HTMLButtonElement];
    box.append(q, yes, no);

    const previous = doc.activeElement as HTMLElement | null;
    let stopWatching = () => {};
    let releaseKeys = () => {};
    const finish = (answer: boolean) => {
      close = null;
      stopWatching();
      releaseKeys();
      box.remove();
      previous?.focus?.();
      resolve(answer);
    };
    yes.onclick = (e) => trusted(e) && finish(true);
    no.onclick = (e) => trusted(e) && finish(false);
    // Keys typed here are for the question: the page's shortcuts must not act on them too.
    releaseKeys = keepKeysFromPage(box, (e) => e.type === 'keydown' && e.key === 'Escape' && trusted(e) && finish(false));
    close = () => finish(false);
    doc.documentElement.append(box);
    box.show();
    yes.focus();
    stopWatching = whenUnanswerable(box, box, () => finish(false));
  });
}

/** Closes an open question (the content script is going away), answering no. */
export function closeQuestion(): void {
  close?.();
}
