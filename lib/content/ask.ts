/**
 * A small question in the page, for a signal the rules cannot read with certainty:
 * "Log this as a cameo deletion?" — better one click from the user than a wrong entry.
 *
 * A non-modal dialog in the page's own DOM (so assistive technology and the tests reach it),
 * focused when it opens, Escape for "Not now". Plain DOM: it ships in a content script.
 * Its few styles are set through the CSSOM, which a page's Content-Security-Policy does not block.
 * Only a real click or key press answers it: a page script's synthetic click is not the user.
 */
export interface AskOptions {
  doc?: Document;
  /** Whether an event came from the user; tests stand in for the browser here. */
  trusted?: (event: Event) => boolean;
}

let close: (() => void) | null = null;

/** Resolves true when the user says yes; false for no, Escape, or when the prompt is closed. */
export function askInPage(question: string, { doc = document, trusted = (e) => e.isTrusted }: AskOptions = {}): Promise<boolean> {
  // One question at a time: a second signal while one is open is the same moment.
  if (close) return Promise.resolve(false);
  return new Promise((resolve) => {
    // A native non-modal <dialog>: its role, and the browser's own look, come with it.
    const box = doc.createElement('dialog');
    box.setAttribute('data-likeness-ledger', 'ask');
    box.style.cssText = 'position:fixed;inset:auto 16px 16px auto;margin:0;z-index:2147483647;font:14px system-ui';
    const q = doc.createElement('p');
    q.id = `ll-ask-${Math.random().toString(36).slice(2)}`;
    q.textContent = `Likeness Ledger: ${question}`;
    box.setAttribute('aria-labelledby', q.id);
    const [yes, no] = ['Log it', 'Not now'].map((label) => {
      const button = doc.createElement('button');
      button.textContent = label;
      button.style.margin = '0 8px 0 0';
      return button;
    }) as [HTMLButtonElement, HTMLButtonElement];
    box.append(q, yes, no);

    const previous = doc.activeElement as HTMLElement | null;
    const finish = (answer: boolean) => {
      close = null;
      box.remove();
      previous?.focus?.();
      resolve(answer);
    };
    yes.onclick = (e) => trusted(e) && finish(true);
    no.onclick = (e) => trusted(e) && finish(false);
    box.onkeydown = (e) => e.key === 'Escape' && trusted(e) && finish(false);
    close = () => finish(false);
    doc.documentElement.append(box);
    box.show();
    yes.focus();
  });
}

/** Closes an open question (the content script is going away), answering no. */
export function closeQuestion(): void {
  close?.();
}
