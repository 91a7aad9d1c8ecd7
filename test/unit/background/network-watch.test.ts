/**
 * The background's two signals meeting in the ledger: network events recorded under the handle
 * the tab's page showed, a page report and a network report of one action making one entry,
 * confirmed; and what the webRequest listeners ask the browser for.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handleContentMessage } from '@/lib/background/content-messages';
import { recordCompleted, watchNetwork, type WebRequestApi } from '@/lib/background/network-watch';
import { LedgerDb } from '@/lib/ledger/ledger';
import { effectiveEvents } from '@/lib/ledger/relations';
import { readTabStatus } from '@/lib/background/tab-status';
import { memoryArea as memorySession } from '../helpers/memory-area';

const EXT = 'ext-id';
const NOW = Date.UTC(2026, 5, 1, 12);
const TAB = 7;
const PAGE = 'https://sora.chatgpt.com/profile/cameo';

let db: LedgerDb;
let session: ReturnType<typeof memorySession>;
// storage.local is where observations wait when the disk is full; a second memory area stands in.
// The URL each tab shows (browser.tabs.get in the background): the network signal counts only from a tab on the rule's surface.
let tabUrls: Record<number, string>;
const deps = () => ({ db: async () => db, session, local: memorySession(), now: () => NOW, extensionId: EXT, tabUrl: async (id: number) => tabUrls[id] });
const fromPage = (message: unknown, url = PAGE) => handleContentMessage(message, { id: EXT, url, tab: { id: TAB } }, deps());
const deleted = { kind: 'cameo-deleted', occurredAt: NOW - 1000, account: { service: 'sora', handle: 'alice' }, evidence: { rule: 'sora.cameo-deleted', shownText: 'Cameo deleted' }, details: {} };
const DELETE = { method: 'DELETE', url: 'https://sora.chatgpt.com/backend/project_y/characters/ch_42', statusCode: 204, tabId: TAB };

beforeEach(async () => {
  db = new LedgerDb('t', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  session = memorySession();
  tabUrls = { [TAB]: PAGE };
});

describe('network events', () => {
  it('are recorded as confirmed, under the handle the tab showed, with the endpoint as evidence', async () => {
    await fromPage({ type: 'page-visit', surface: 'sora', watching: ['sora.cameo-deleted'] });
    await fromPage({ type: 'account', surface: 'sora', handle: 'alice' });
    await recordCompleted(DELETE, deps());
    const [event] = await db.events.toArray();
    expect(event).toMatchObject({
      kind: 'cameo-deleted',
      source: 'network',
      certainty: 'confirmed',
      account: { service: 'sora', handle: 'alice' },
      evidence: { url: 'https://sora.chatgpt.com/backend/project_y/characters/ch_42', rule: 'sora.net.cameo-deleted' },
      details: { cameoId: 'ch_42' },
    });
    expect((await readTabStatus(session, TAB))?.seen).toEqual([event!.id]);
  });

  it('fall back to the unknown handle for a surface tab that showed none', async () => {
    await recordCompleted(DELETE, deps());
    expect((await db.events.toArray()).map((e) => e.account.handle)).toEqual(['unknown']);
  });

  it('count only from a tab on the rule\'s surface: not from no tab, another site, another surface or a foreign frame', async () => {
    await recordCompleted({ ...DELETE, tabId: -1 }, deps());
    tabUrls[TAB] = 'https://evil.example/sora.chatgpt.com/';
    await recordCompleted(DELETE, deps());
    // A ChatGPT tab (another surface of OpenAI's) asking Sora's endpoint is not the Sora page either.
    tabUrls[TAB] = 'https://chatgpt.com/';
    await fromPage({ type: 'page-visit', surface: 'chatgpt' }, 'https://chatgpt.com/');
    await recordCompleted({ method: 'POST', url: 'https://sora.chatgpt.com/backend/characters/finalize', statusCode: 200, tabId: TAB }, deps());
    // The tab is Sora's, but the document that asked is another site's frame in it.
    tabUrls[TAB] = PAGE;
    await recordCompleted({ ...DELETE, from: 'https://evil.example' }, deps());
    // A tab whose URL the browser does not give (no host permission there) is not on the surface.
    tabUrls = {};
    await recordCompleted(DELETE, deps());
    expect(await db.events.count()).toBe(0);
    // …and from the Sora page itself, it counts (Chromium names the origin, Firefox the document).
    tabUrls[TAB] = PAGE;
    await recordCompleted({ ...DELETE, from: 'https://sora.chatgpt.com' }, deps());
    expect(await db.events.count()).toBe(1);
  });

  it('record nothing for a failed request', async () => {
    await recordCompleted({ ...DELETE, statusCode: 500 }, deps());
    expect(await db.events.count()).toBe(0);
  });
});

describe('one action seen on the page and in the network', () => {
  beforeEach(async () => {
    await fromPage({ type: 'page-visit', surface: 'sora' });
    await fromPage({ type: 'account', surface: 'sora', handle: 'alice' });
  });

  it('page first: the network event confirms it, and one entry counts', async () => {
    expect(await fromPage({ type: 'observation', surface: 'sora', observation: deleted })).toMatchObject({ status: 'created' });
    await recordCompleted(DELETE, deps());
    const all = await db.events.toArray();
    expect(all).toHaveLength(2);
    const page = all.find((e) => e.source === 'page')!;
    expect(effectiveEvents(all)).toMatchObject([{ source: 'network', certainty: 'confirmed', supersedes: page.id }]);
  });

  it('network first: the page report is the same fact, and nothing is added', async () => {
    await recordCompleted(DELETE, deps());
    expect(await fromPage({ type: 'observation', surface: 'sora', observation: deleted })).toMatchObject({ status: 'duplicate' });
    expect(effectiveEvents(await db.events.toArray())).toMatchObject([{ source: 'network', details: { cameoId: 'ch_42' } }]);
  });
});

describe('the tab status', () => {
  it('keeps what was seen and the handle across a single-page navigation, and starts over on a new visit', async () => {
    await fromPage({ type: 'page-visit', surface: 'sora', watching: ['sora.cameo-deleted'] });
    await fromPage({ type: 'account', surface: 'sora', handle: 'alice' });
    await fromPage({ type: 'observation', surface: 'sora', observation: deleted });
    await fromPage({ type: 'detector-miss', surface: 'sora', rules: ['sora.audience-changed'] });
    await fromPage({ type: 'navigated', surface: 'sora', watching: ['sora.appearance.draft'] }, 'https://sora.chatgpt.com/drafts');
    const status = await readTabStatus(session, TAB);
    expect(status).toMatchObject({ path: '/drafts', handle: 'alice', misses: [], watching: ['sora.appearance.draft'] });
    expect(status?.seen).toHaveLength(1);
    await fromPage({ type: 'page-visit', surface: 'sora', watching: [] });
    expect(await readTabStatus(session, TAB)).toEqual({ surface: 'sora', path: '/profile/cameo', seen: [], misses: [], watching: [] });
  });

  it('takes changes to one tab in order, even when they arrive together', async () => {
    await Promise.all([
      fromPage({ type: 'page-visit', surface: 'sora' }),
      fromPage({ type: 'account', surface: 'sora', handle: 'alice' }),
      fromPage({ type: 'detector-miss', surface: 'sora', rules: ['sora.audience-changed'] }),
    ]);
    expect(await readTabStatus(session, TAB)).toMatchObject({ handle: 'alice', misses: ['sora.audience-changed'] });
  });

  it('refuses a handle no account has (500 characters), and records nothing under it', async () => {
    const long = 'a'.repeat(500);
    expect(await fromPage({ type: 'account', surface: 'sora', handle: long })).toMatchObject({ ok: false });
    expect(await fromPage({ type: 'observation', surface: 'sora', observation: { ...deleted, account: { service: 'sora', handle: long } } })).toMatchObject({ ok: false });
    expect(await db.events.count()).toBe(0);
    expect(session.data.refused).toHaveLength(2);
  });
});

describe('the webRequest listeners', () => {
  function fakeWebRequest() {
    const added: Record<string, { filter: { urls: string[]; types?: string[] }; extra?: string[]; callback: (d: never) => void }[]> = {};
    const event = (name: string) => ({
      addListener: (callback: (d: never) => void, filter: { urls: string[]; types?: string[] }, extra?: string[]) =>
        void (added[name] ??= []).push({ callback, filter, extra }),
    });
    const api = { onBeforeRequest: event('before'), onCompleted: event('completed'), onErrorOccurred: event('error') } as unknown as WebRequestApi;
    return { api, added };
  }

  it('ask for request bodies only on the endpoints with listed fields, and never for headers', () => {
    const { api, added } = fakeWebRequest();
    watchNetwork(api, deps());
    const all = Object.values(added).flat();
    expect(all.flatMap((l) => l.extra ?? [])).toEqual(['requestBody']);
    const [before] = added.before!;
    expect(before!.filter.urls.every((u) => u.includes('/update_v2') || u.includes('/by_id/') || u.includes('/finalize'))).toBe(true);
    for (const l of all) expect(l.filter.urls.every((u) => /^https:\/\/(sora\.chatgpt\.com|sora\.com|chatgpt\.com)\//.test(u))).toBe(true);
  });

  it('carry the listed body fields from the request to its completion', async () => {
    const { api, added } = fakeWebRequest();
    watchNetwork(api, deps());
    await fromPage({ type: 'page-visit', surface: 'sora' });
    await fromPage({ type: 'account', surface: 'sora', handle: 'alice' });
    const url = 'https://sora.chatgpt.com/backend/project_y/cameos/by_id/c1/update_v2';
    const body = new TextEncoder().encode(JSON.stringify({ instruction_set: 'No ads', token: 'secret' })).buffer;
    added.before![0]!.callback({ requestId: 'r1', method: 'POST', url, tabId: TAB, requestBody: { raw: [{ bytes: body }] } } as never);
    added.completed![0]!.callback({ requestId: 'r1', method: 'POST', url, tabId: TAB, statusCode: 200 } as never);
    await expect.poll(() => db.events.count()).toBe(1);
    const [event] = await db.events.toArray();
    expect(event).toMatchObject({ kind: 'restrictions-changed', details: { restrictions: 'No ads' }, account: { handle: 'alice' } });
    expect(JSON.stringify(event)).not.toContain('secret');
  });
});
