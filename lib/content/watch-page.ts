/**
 * What every content script does: tell the background this tab is watched, follow the page
 * through its single-page navigations, and run the page rules (lib/rules) as the page changes.
 *
 * Cost: the URL decides first. On a route no rule watches there is no observer at all, only the
 * navigation listeners. Elsewhere one MutationObserver, debounced; each scan looks only at what
 * changed, and a burst too large to walk node by node becomes one rescan of the page.
 * Everything stops when WXT invalidates the content script (an update, a reload of the extension).
 *
 * Folder lib/content/: what runs inside OpenAI's pages (the content scripts' logic): watching the
 * page with its rules, and keeping what we show there answerable (the
 * question and the warning themselves are drawn by components/in-page/).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ContentMessage, Observation, Send } from '../background/messages';
import { narrowScope, PageState, rememberFields, scan, stillMissing, type Finding, type ScanContext } from '../rules/page-engine';
import { findIn, handleOf, handleShown } from '../rules/page-reader';
import { anchorsFor, rulesFor, unknownLanguage, type Anchor, type PageRule, type Question, type SurfaceRules } from '../rules/page-rules';
import { SURFACES } from '../facts/surfaces';
import { UNKNOWN_HANDLE } from '../ledger/unknown-handle';

/** Quiet time before a scan: a render is many mutations in a row. */

/** Waits between attempts to reach a background that did not answer (it may be restarting). */
const RETRY_DELAYS_MS = [200, 500, 1000, 2000, 4000];
export const DEBOUNCE_MS = 150;
/** A page that never stops changing is still scanned this often. */
export const MAX_WAIT_MS = 1000;
/** Past this many changed nodes, one rescan of the page costs less than walking each. */
export const BURST_NODES = 400;
/** How long a watched page has to show what its rules expect before detection counts as out of date. */
export const EXPECT_MS = 4000;

const OBSERVE: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  // The states the rules read (Sora's handle is in its Profile link's href); a class name is never one of them.
  attributeFilter: ['aria-checked', 'aria-selected', 'aria-busy', 'aria-hidden', 'hidden', 'open', 'role', 'aria-label', 'href'],
};

export interface WatchOptions {
  doc?: Document;
  now?: () => number;
  /**
   * Asks the user about an ambiguous signal (components/in-page/ask.ts). Only the surfaces with such rules
   * pass it, so the others do not carry the prompt; without it an ambiguous signal is never logged.
   */
  ask?: (question: Question) => Promise<boolean>;
}

export interface PageWatch {
  /** The signed-in handle the page shows, for other page features (the deletion warning). */
  handle(): string;
  /** Scans so far, whole-page and partial: the tests hold the cost to account with these. */
  readonly stats: { full: number; partial: number };
}

export function watchPage(ctx: ContentScriptContext, send: Send, watched: SurfaceRules, options: WatchOptions = {}): PageWatch {
  const { surface, account } = watched;
  const doc = options.doc ?? document;
  const now = options.now ?? Date.now;
  const ask = options.ask;
  const state = new PageState();
  const stats = { full: 0, partial: 0 };
  let route = '';
  let generation = 0;
  let rules: PageRule[] = [];
  /** What this route must show (lib/rules/page-rules.ts, Anchor); a route with anchors is watched. */
  let anchors: Anchor[] = [];
  let handle: string | null = null;
  /** The element that showed the handle: read again first, so the page is not searched for it on every scan. */
  let handleEl: Element | null = null;
  let pending = new Set<Node>();
  let everything = false;
  let timer: number | undefined;
  /** When the first change the pending timer waits for came, and when the last. */
  let waitingSince = 0;
  let lastChange = 0;

  /**
   * Sends until the background answers. A stopped service worker is started again by the next
   * message, but one sent while it stops gets no answer: send it again, a little later. The ledger
   * records one fact once (its idempotency key), so a message that did arrive twice is one event.
   */
  const post = (message: ContentMessage, attempt = 0) => {
    if (!ctx.isValid) return;
    const again = () => {
      if (attempt < RETRY_DELAYS_MS.length) setTimeout(() => post(message, attempt + 1), RETRY_DELAYS_MS[attempt]);
    };
    void send(message).then((reply) => (reply === undefined ? again() : undefined), again);
  };
  const routeOf = () => doc.location.pathname + doc.location.hash;
  const scanContext = (): ScanContext => ({ doc, rules, state, now: now() });

  const observer = new MutationObserver((records) => {
    if (records.length > BURST_NODES) everything = true;
    else for (const r of records) {
      pending.add(r.target);
      r.addedNodes.forEach((n) => pending.add(n));
    }
    schedule();
  });

  /**
   * Debounce without a timer per mutation: a render calls the observer many times, so a change only
   * notes its time, and the one pending timer looks again when it fires. (WXT's ctx.setTimeout would
   * also add an abort listener per call, kept until the page unloads; `onInvalidated` clears ours.)
   */
  function schedule() {
    if (pending.size > BURST_NODES) everything = true;
    lastChange = now();
    if (timer !== undefined) return;
    waitingSince = lastChange;
    timer = window.setTimeout(settle, DEBOUNCE_MS);
  }

  function settle() {
    const t = now();
    const quietFor = t - lastChange;
    if (quietFor >= DEBOUNCE_MS || t - waitingSince >= MAX_WAIT_MS) return flush();
    timer = window.setTimeout(settle, Math.min(DEBOUNCE_MS - quietFor, MAX_WAIT_MS - (t - waitingSince)));
  }

  function enter(first: boolean) {
    route = routeOf();
    const entered = ++generation;
    rules = rulesFor(watched.rules, route);
    anchors = rulesFor(watched.anchors ?? [], route);
    state.newRoute();
    const watching = [...rules, ...anchors].map((r) => r.id);
    post(first ? { type: 'page-visit', surface, watching } : { type: 'navigated', surface, watching });
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = new Set();
    if (watching.length === 0) return;
    observer.observe(doc.documentElement, OBSERVE);
    everything = true;
    flush();
    ctx.setTimeout(() => {
      if (entered === generation) checkHealth();
    }, EXPECT_MS);
  }

  /**
   * Detector health, a few seconds into a route: the rules' expected elements and the route's anchors
   * that are not on the page, and the page's language when the rules do not know it (detection then
   * rests on structure alone). Said once per route, and only when there is something to say.
   */
  function checkHealth() {
    const root = [doc.documentElement];
    const lang = doc.documentElement.lang;
    const missing = [...stillMissing(scanContext()), ...anchorsFor(anchors, lang).filter((a) => findIn(root, a.expect).length === 0).map((a) => a.id)];
    const language = unknownLanguage(watched, lang);
    if (missing.length > 0 || language) post({ type: 'detector-miss', surface, rules: missing, ...(language ? { language } : {}) });
  }

  function flush() {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!ctx.isValid) return;
    // Single-page apps often navigate with pushState, which a content script cannot hear: the DOM changes tell.
    if (routeOf() !== route) return enter(false);
    if (rules.length === 0 && anchors.length === 0) return;
    const scope = everything ? [doc.documentElement] : narrowScope(pending);
    stats[everything ? 'full' : 'partial']++;
    everything = false;
    pending = new Set();
    if (scope.length === 0) return;
    noteHandle(scope);
    const sc = scanContext();
    rememberFields(sc, scope);
    for (const finding of scan(scope, sc)) report(finding);
  }

  /** A new or changed account menu is a change on the page, so it is in the scope; the known one is read again. */
  function noteHandle(scope: readonly Node[]) {
    const stillShown = handleEl?.isConnected && account ? handleOf(handleEl, account) : null;
    const shown = stillShown ? { el: handleEl!, handle: stillShown } : handleShown(scope, account);
    if (!shown) return;
    handleEl = shown.el;
    if (shown.handle !== handle) {
      handle = shown.handle;
      post({ type: 'account', surface, handle });
    }
  }

  function report(finding: Finding) {
    const observation = {
      kind: finding.rule.kind,
      occurredAt: now(),
      account: { service: SURFACES[surface].service, handle: handle ?? UNKNOWN_HANDLE },
      // The page's URL is added by the background, from the sender: a page cannot claim another.
      evidence: { rule: finding.rule.id, shownText: finding.shownText },
      details: finding.details,
    } as Observation;
    const message: ContentMessage = { type: 'observation', surface, observation };
    if (!finding.rule.ask) return post(message);
    void ask?.(finding.rule.ask).then((yes) => yes && post(message));
  }

  const followNavigation = () =>
    void ctx.setTimeout(() => {
      // Navigation events can fire before the URL changes: look once the task is done.
      if (routeOf() !== route) enter(false);
    }, 0);
  const win = doc.defaultView ?? window;
  for (const type of ['popstate', 'hashchange', 'wxt:locationchange'] as const) ctx.addEventListener(win, type, followNavigation);
  // A choice in a form changes a property, not the DOM: the observer does not see it.
  ctx.addEventListener(
    doc,
    'change',
    (event) => {
      if (rules.length === 0 || !event.target) return;
      // Read now: a confirmation may replace the form before the next scan.
      rememberFields(scanContext());
      pending.add(event.target as Node);
      schedule();
    },
    { capture: true },
  );
  ctx.onInvalidated(() => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  });

  enter(true);
  return { handle: () => handle ?? UNKNOWN_HANDLE, stats };
}
