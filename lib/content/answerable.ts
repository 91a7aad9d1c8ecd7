/**
 * Whether something we show in a page (the deletion warning, the "Log this?" question) can still
 * be answered by the user. The page owns its DOM: it can remove our element, hide it, make it
 * inert or cover it with a dialog of its own. Then nobody can answer, and whatever waits for the
 * answer must not wait for ever (the deletion click would be swallowed, later questions refused):
 * the caller is told once, and settles as "not shown".
 *
 * Removal is seen at once (a MutationObserver on the element's parent); the rest is looked at a
 * few times a second while it is open, which costs nothing when nothing is open.
 */
export type Unanswerable = 'removed' | 'closed' | 'hidden' | 'inert' | 'covered';

export interface AnswerableOptions {
  /** Also count it as unanswerable when something else is drawn over its middle (for a modal that must be on top). */
  onTop?: boolean;
  /** How often to look for hiding, in ms. */
  every?: number;
}

const SEEN = { opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true } as const;

/** Why `box` (inside `host`, or `host` itself) cannot be answered right now; null while it can. */
export function unanswerable(host: Element, box: Element, { onTop = false }: AnswerableOptions = {}): Unanswerable | null {
  if (!host.isConnected || !box.isConnected) return 'removed';
  if (box.localName === 'dialog' && !(box as HTMLDialogElement).open) return 'closed';
  // checkVisibility looks at display, content-visibility, visibility and opacity up the tree.
  if ((host.checkVisibility && !host.checkVisibility(SEEN)) || (box.checkVisibility && !box.checkVisibility(SEEN))) return 'hidden';
  if (host.closest('[inert]') || box.closest('[inert]')) return 'inert';
  if (onTop) {
    const r = box.getBoundingClientRect();
    // From outside a closed shadow root the hit is the host itself; anything else is on top of us.
    const hit = r.width && r.height ? host.ownerDocument.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) : null;
    if (hit && !host.contains(hit)) return 'covered';
  }
  return null;
}

/**
 * Calls `gone` once, with the reason, when `box` stops being answerable. Returns a stop function
 * (call it when the user has answered).
 */
export function whenUnanswerable(host: Element, box: Element, gone: (why: Unanswerable) => void, options: AnswerableOptions = {}): () => void {
  let stopped = false;
  const look = () => {
    if (stopped) return;
    const why = unanswerable(host, box, options);
    if (why) {
      stop();
      gone(why);
    }
  };
  // A removal is cheap to see at once; the full look (which needs styles) waits for the timer.
  const observer = new MutationObserver(() => {
    if (!host.isConnected) look();
  });
  if (host.parentNode) observer.observe(host.parentNode, { childList: true });
  const timer = setInterval(look, options.every ?? 250);
  function stop() {
    stopped = true;
    observer.disconnect();
    clearInterval(timer);
  }
  return stop;
}
