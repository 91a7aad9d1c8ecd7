import { expect, it } from 'vitest';
import { isOptional, SURFACES, SURFACE_IDS } from '@/lib/facts/surfaces';
import { OTHER_HOSTS } from './hosts';
import { eventually } from './harness/eventually';
import { fixtureUrl, inEachBrowser } from './harness/suite';

const tabStatusOf = (tabId: number) =>
  ext.storage.session.get(`tab:${tabId}`).then((all) => all[`tab:${tabId}`] as { surface: string } | undefined);
const sessionState = () => ext.storage.session.get(null);

inEachBrowser('foundation', (h) => {
  // Sora's hosts are optional (it closed): its script runs only once granted, tested in watch-sora.e2e.ts.
  for (const surface of SURFACE_IDS.filter((id) => !isOptional(id))) {
    for (const host of SURFACES[surface].hosts) {
      it(`the ${surface} content script runs on ${host} and reaches the background`, async () => {
        const url = fixtureUrl(host, '/');
        const page = await h().newPage(url);
        const tabId = await h().tabIdOf(url);
        const status = await eventually(async () => {
          const s = await h().inExtension(tabStatusOf, tabId);
          expect(s).toBeDefined();
          return s;
        });
        expect(status?.surface).toBe(surface);
        await page.close();
      });
    }
  }

  it('runs no content script on pages it does not watch', async () => {
    const before = await h().inExtension(sessionState);
    const pages = [];
    for (const host of OTHER_HOSTS) pages.push(await h().newPage(fixtureUrl(host, '/')));
    // A watched page opened afterwards: once its visit is recorded, the earlier pages had their chance.
    const watched = fixtureUrl('chatgpt.com', '/');
    pages.push(await h().newPage(watched));
    const watchedId = await h().tabIdOf(watched);
    await eventually(async () => expect(await h().inExtension(tabStatusOf, watchedId)).toBeDefined());
    const after = await h().inExtension(sessionState);
    const added = Object.keys(after).filter((k) => !(k in before));
    // Only the watched tab announced itself; no script on the other pages sent anything, refused or not.
    expect(added).toEqual([`tab:${watchedId}`]);
    for (const page of pages) await page.close();
  });

  it('opens the popup with an honest empty state', async () => {
    const popup = await h().extensionPage('popup.html');
    await popup.waitFor('[data-testid="empty-state"]');
    expect(await popup.text('[data-testid="empty-state"]')).toMatch(/Nothing recorded yet/);
    await popup.close();
  });
});
