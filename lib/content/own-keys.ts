/**
 * Keys typed in something we show in a page (the deletion warning, the "Log this?" question) are
 * for it alone: the page's shortcuts must not act on them behind it, and a page's own Escape
 * handler must not close its dialog under ours.
 *
 * They are caught on the window in the capture phase, the first stop of every key event, and
 * stopped there: keydown, keypress and keyup alike. Only a page listener added to the window's
 * capture phase before ours still sees them; nothing can run earlier. Stopping an event does not
 * stop the browser's own actions: Enter and Space still click, Escape still cancels a dialog.
 */
const KEY_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

/** Stops keys typed inside `host` from reaching the page; `onKey` sees them first. Returns the undo. */
export function keepKeysFromPage(host: Element, onKey: (event: KeyboardEvent) => void = () => {}): () => void {
  const view = host.ownerDocument.defaultView ?? window;
  const listener = (event: Event) => {
    // From outside a closed shadow root, the event's path ends at its host: still ours.
    if (!event.composedPath().includes(host)) return;
    event.stopImmediatePropagation();
    onKey(event as KeyboardEvent);
  };
  for (const type of KEY_EVENTS) view.addEventListener(type, listener, true);
  return () => {
    for (const type of KEY_EVENTS) view.removeEventListener(type, listener, true);
  };
}
