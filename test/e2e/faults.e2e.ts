// Faults from docs/security.md that need a real browser: the background stopped in the middle of
// a burst of observations, and two tabs reporting the same things at the same moment.
import { expect, it } from 'vitest';
import { LedgerEvent } from '@/lib/events';
import { effectiveEvents } from '@/lib/ledger';
import type { TabStatus } from '@/lib/tab-status';
import { eventually } from './harness/eventually';
import { fixtureUrl, inEachBrowser, onlyIn } from './harness/suite';

const SORA = 'sora.chatgpt.com';
const appearances = (events: LedgerEvent[]) => effectiveEvents(events).filter((e) => e.kind === 'appearance-seen');
const tabStatusOf = (tabId: number) => ext.storage.session.get(`tab:${tabId}`).then((all) => all[`tab:${tabId}`] as TabStatus | undefined);

onlyIn('chromium', 'faults', (h) => {
  it('the background stopped in the middle of a burst: no partial event, nothing acknowledged lost', async () => {
    const url = fixtureUrl(SORA, '/drafts/burst?count=60&batch=3&every=80');
    const page = await h().newPage(url);
    const tabId = await h().tabIdOf(url);
    // Stop the service worker twice while the drafts keep arriving.
    for (const wait of [500, 700]) {
      await new Promise((r) => setTimeout(r, wait));
      await h().stopBackground!();
    }
    await page.waitFor('#drafts-of-me li:nth-child(60)');
    const stored = await eventually(async () => {
      const found = appearances(await h().ledger());
      expect(found).toHaveLength(60);
      return found;
    }, 30_000);
    // Every event whole and valid, each draft once.
    for (const e of await h().ledger()) expect(LedgerEvent.safeParse(e).success).toBe(true);
    expect(new Set(stored.map((e) => e.details.link)).size).toBe(60);
    // What the background acknowledged to the tab is all in the ledger.
    const seen = (await h().inExtension(tabStatusOf, tabId))?.seen ?? [];
    const ids = new Set((await h().ledger()).map((e) => e.id));
    for (const id of seen) expect(ids.has(id)).toBe(true);
    await page.close();
  });
});

inEachBrowser('two tabs', (h) => {
  it('two tabs reporting the same drafts at the same moment make one event each', async () => {
    const url = fixtureUrl(SORA, '/drafts/burst?count=8&batch=8&every=400');
    const [a, b] = await Promise.all([h().newPage(url), h().newPage(url)]);
    await a.waitFor('#drafts-of-me li:nth-child(8)');
    await b.waitFor('#drafts-of-me li:nth-child(8)');
    const found = await eventually(async () => {
      const list = appearances(await h().ledger()).filter((e) => e.details.link?.includes('/d/burst_'));
      expect(list.length).toBeGreaterThanOrEqual(8);
      return list;
    }, 20_000);
    await new Promise((r) => setTimeout(r, 2000));
    const after = appearances(await h().ledger()).filter((e) => e.details.link?.includes('/d/burst_'));
    expect(after).toHaveLength(8);
    expect(found.length).toBe(8);
    await a.close();
    await b.close();
  });
});
