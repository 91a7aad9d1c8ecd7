/**
 * How the dashboard shows what writes bring. Showing the ledger anew derives every section again:
 * about half a second at 100k events, and up to a second after a crafted file. Done after every
 * write, an open dashboard took a core for itself while the writes came, and the writes (the
 * background's, and the popup's, which shares the pages' thread in Chromium) waited for it
 * (BENCHMARKS.md, "A write against the ledger's size"). So:
 * - the first ledger is shown at once;
 * - in a tab behind others, what comes waits until the tab is in front again;
 * - otherwise a showing comes at least PACE times its predecessor's cost after it, so an open
 *   dashboard takes at most a fifth of a core while writes stream in. At the size of most
 *   ledgers a showing costs milliseconds, and so does the wait.
 * Only the newest ledger is kept while waiting: each one holds everything before it.
 */
export const PACE = 4;

export interface PacedShowing<T> {
  /** A newer value to show. */
  offer(value: T): void;
  /** The page came to the front (or went behind): what waits is shown if it may be. */
  visibilityChanged(): void;
  stop(): void;
}

export function pacedShowing<T>(display: (value: T) => void, hidden: () => boolean, now = () => performance.now()): PacedShowing<T> {
  let shownOnce = false;
  let waiting: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let nextAt = 0;
  let stopped = false;

  const showNow = (value: T) => {
    shownOnce = true;
    waiting = null;
    const start = now();
    display(value);
    // Preact renders in a microtask, before this timer fires: the time until then is the showing's cost.
    nextAt = Number.POSITIVE_INFINITY;
    setTimeout(() => {
      const end = now();
      nextAt = end + PACE * (end - start);
      if (waiting) schedule();
    }, 0);
  };
  const flush = () => {
    timer = undefined;
    if (stopped || !waiting || hidden()) return;
    if (now() < nextAt) return schedule();
    showNow(waiting.value);
  };
  function schedule() {
    if (timer !== undefined || stopped || hidden() || nextAt === Number.POSITIVE_INFINITY) return;
    timer = setTimeout(flush, Math.max(0, nextAt - now()));
  }

  return {
    offer(value) {
      if (stopped) return;
      if (!shownOnce) return showNow(value);
      waiting = { value };
      schedule();
    },
    visibilityChanged: () => schedule(),
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
