// Faults from docs/security.md that need a real browser: the background stopped in the middle of
// a burst of observations, and two tabs reporting the same things at the same moment.
import { expect, it } from 'vitest';
import { LedgerEvent } from '@/lib/ledger/events';
import { effectiveEvents } from '@/lib/ledger/relations';
import type { TabStatus } from '@/lib/background/tab-status';
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
}, { soraGranted: true });

inEachBrowser('two tabs', (h) => {
  it('two tabs reporting the same drafts at the same moment make one event each', async () => {
    // Both pages loaded first, each in a window of its own (a tab behind another runs its timers
    // throttled in Firefox), then told together to show their drafts: pages that load one after
    // the other would report a few hundred ms apart, and a check for the same fact made outside
    // the write's transaction would go unnoticed. How close the two reports come is up to the
    // browser, so three rounds, each with drafts of its own.
    for (const round of [0, 1, 2]) {
      const prefix = `tabs${round}`;
      const url = fixtureUrl(SORA, `/drafts/burst?count=24&batch=24&every=50&start=wait&prefix=${prefix}`);
      const [a, b] = await Promise.all([h().newPage(url, { window: true }), h().newPage(url, { window: true })]);
      await Promise.all([a, b].map((p) => p.evaluate(() => (window as unknown as { __start(): void }).__start())));
      await a.waitFor('#drafts-of-me li:nth-child(24)');
      await b.waitFor('#drafts-of-me li:nth-child(24)');
      const ofRound = async () => appearances(await h().ledger()).filter((e) => e.details.link?.includes(`/d/${prefix}_`));
      const found = await eventually(async () => {
        const list = await ofRound();
        expect(list.length).toBeGreaterThanOrEqual(24);
        return list;
      }, 20_000);
      await new Promise((r) => setTimeout(r, 2000));
      expect(await ofRound(), `round ${round}`).toHaveLength(24);
      expect(found.length).toBe(24);
      await a.close();
      await b.close();
    }
  });
}, { soraGranted: true });
