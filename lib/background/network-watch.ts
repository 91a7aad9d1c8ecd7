/**
 * The background's network signal: webRequest, observe-only (no blocking, nothing altered).
 * The browser reports only the rules' endpoints (lib/rules/network-rules.ts); the request body
 * only for those whose rules list body fields, and of it only those fields are kept, in memory,
 * until the request completes. Headers, cookies, tokens and responses are never asked for.
 *
 * Network events come from the browser, not from a page, but a request can be made by anyone: by
 * a tab of another site, or by no tab at all (another extension, a service worker). A request
 * confirms an action only when a tab that is on the rule's surface made it, from a document of
 * that surface: anything else is not recorded. They carry the handle the tab's page showed (tab
 * status), so that they meet the page's report of the same action under one idempotency key.
 */
import { record, type LedgerDb } from '../ledger/ledger';
import { SURFACES, surfaceOfUrl, type SurfaceId } from '../facts/surfaces';
import { readTabStatus, updateTabStatus } from './tab-status';
import { UNKNOWN_HANDLE } from '../ledger/unknown-handle';
import { bodyFieldsFor, matchRequest, pickBodyFields, requestFilters } from '../rules/network-engine';
import { NETWORK_RULES, type NetworkRule } from '../rules/network-rules';
import type { StorageAreaWithRemove } from '../settings/storage-area';

interface RequestDetails {
  requestId: string;
  method: string;
  url: string;
  tabId: number;
  /** The requesting document's origin (Chromium) … */
  initiator?: string;
  /**
   * …or its URL (Firefox, which declined `initiator`: https://bugzilla.mozilla.org/show_bug.cgi?id=1442874;
   * Chromium's: https://developer.chrome.com/docs/extensions/reference/webRequest).
   */
  documentUrl?: string;
}
type Listener<D> = (details: D) => void;
interface WebRequestEvent<D> {
  addListener(callback: Listener<D>, filter: { urls: string[]; types?: string[] }, extraInfoSpec?: string[]): void;
}
/** The part of the webRequest API this uses (browser.webRequest in the background). */
export interface WebRequestApi {
  onBeforeRequest: WebRequestEvent<RequestDetails & { requestBody?: { raw?: { bytes?: ArrayBuffer }[] } | null }>;
  onCompleted: WebRequestEvent<RequestDetails & { statusCode: number }>;
  onErrorOccurred: WebRequestEvent<RequestDetails>;
}

export interface NetworkDeps {
  db: () => Promise<LedgerDb>;
  session: StorageAreaWithRemove;
  /** The URL a tab shows now (browser.tabs.get; the host permissions make it known on the surfaces), undefined if none or unknown. */
  tabUrl: (tabId: number) => Promise<string | undefined>;
  now?: () => number;
  onRecorded?: () => void;
  rules?: readonly NetworkRule[];
}

/** Bodies waiting for their request to complete; a request that never completes must not pile up. */
const MAX_PENDING = 64;
// A page's fetch() is an 'xmlhttprequest' to webRequest in Chromium and Firefox alike.
const TYPES = ['xmlhttprequest'];

export function watchNetwork(api: WebRequestApi, deps: NetworkDeps): void {
  const rules = deps.rules ?? NETWORK_RULES;
  const { all, withBody } = requestFilters(rules);
  const bodies = new Map<string, Record<string, string>>();

  if (withBody.length > 0) {
    api.onBeforeRequest.addListener(
      (details) => {
        const fields = bodyFieldsFor(details.method, details.url, rules);
        const picked = pickBodyFields(details.requestBody?.raw, fields);
        if (!picked) return;
        bodies.set(details.requestId, picked);
        if (bodies.size > MAX_PENDING) bodies.delete(bodies.keys().next().value!);
      },
      { urls: withBody, types: TYPES },
      ['requestBody'],
    );
    api.onErrorOccurred.addListener((details) => void bodies.delete(details.requestId), { urls: withBody, types: TYPES });
  }

  api.onCompleted.addListener(
    (details) => {
      const body = bodies.get(details.requestId);
      bodies.delete(details.requestId);
      const from = details.documentUrl ?? details.initiator;
      void recordCompleted({ ...details, body, ...(from ? { from } : {}) }, deps, rules);
    },
    { urls: all, types: TYPES },
  );
}

/** Records what a completed request means, if anything. Exported for the tests. */
export async function recordCompleted(
  request: { method: string; url: string; statusCode: number; tabId: number; body?: Record<string, string>; from?: string },
  deps: NetworkDeps,
  rules: readonly NetworkRule[] = NETWORK_RULES,
): Promise<void> {
  const findings = matchRequest(request, rules);
  if (findings.length === 0) return;
  // A request from no tab (-1) is nobody's action on the page.
  if (request.tabId < 0) return;
  const onSurface = await surfaceOfTab(request.tabId, deps);
  // A document of another site in a surface's tab (a frame) is not the surface either.
  const fromSurface = request.from === undefined || surfaceOfUrl(originUrl(request.from)) === onSurface;
  const tab = await readTabStatus(deps.session, request.tabId);
  const url = new URL(request.url);
  for (const { rule, details } of findings) {
    if (onSurface !== rule.surface || !fromSurface) continue;
    const service = SURFACES[rule.surface].service;
    // The tab's handle counts only if the tab shows the same service (not a request across sites).
    const handle = tab?.handle && SURFACES[tab.surface].service === service ? tab.handle : UNKNOWN_HANDLE;
    const now = deps.now?.() ?? Date.now();
    try {
      const outcome = await record(
        await deps.db(),
        {
          kind: rule.kind,
          occurredAt: now,
          account: { service, handle },
          source: 'network',
          evidence: { url: `${url.origin}${url.pathname}`, rule: rule.id },
          details,
        } as never,
        now,
      );
      if (outcome.status !== 'duplicate') deps.onRecorded?.();
      if (tab) {
        await updateTabStatus(deps.session, request.tabId, (s) =>
          s && !s.seen.includes(outcome.event.id) ? { ...s, seen: [...s.seen, outcome.event.id].slice(-200) } : (s ?? tab),
        );
      }
    } catch {
      // An event the schemas refuse (an id too long, say) is not recorded; the page signal may still be.
    }
  }
}

async function surfaceOfTab(tabId: number, deps: NetworkDeps): Promise<SurfaceId | null> {
  const url = await deps.tabUrl(tabId).catch(() => undefined);
  return url ? surfaceOfUrl(url) : null;
}

/** Chromium's initiator is an origin without a path; either form is a URL to `surfaceOfUrl`. */
const originUrl = (from: string) => (from.endsWith('/') ? from : `${from}/`);
