// Site access withdrawn, in real browsers: the user takes the extension's access to chatgpt.com
// away; the popup on that site's tab says why the page is not watched and offers to ask again.
// Firefox (MV3 host permissions are the user's to revoke): withdrawn with permissions.remove from
// an extension page, as the add-on manager's switch does, and granted again from the popup's
// button without a prompt (extensions.webextOptionalPermissionPrompts is false in the harness).
// Chromium: its API refuses to remove a required permission, so the profile starts with site
// access "on click" (every host withheld); its prompt is native and no test can answer it
// (microsoft/playwright#32755), so there the test ends at the offer.
import { expect, it } from 'vitest';
import type { Harness, Page } from './harness/browser';
import { eventually } from './harness/eventually';
import { fixtureUrl, onlyIn } from './harness/suite';

const CHATGPT = 'https://chatgpt.com/*';
const notice = '[data-testid="site-access-withdrawn"]';
const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);
const holds = (origin: string) => ext.permissions.contains({ origins: [origin] });

/**
 * The one web page open (chatgpt.com's). Found as the tab that is no extension page: without the
 * site's access, the extension cannot read the tab's address (there is no `tabs` permission).
 */
const webPageTab = (h: Harness) =>
  h.inExtension(async (origin) => (await ext.tabs.query({})).find((t) => !t.url?.startsWith(origin))?.id, h.origin);

/** The popup for the chatgpt.com tab, once it has said what it says about the tab. */
async function popupOnChatGpt(h: Harness) {
  const tab = await webPageTab(h);
  expect(tab).toBeTypeOf('number');
  const popup = await h.extensionPage(`popup.html?tab=${tab}`);
  await popup.waitFor('[data-testid="tab-status"]');
  return popup;
}

async function expectOffer(popup: Page) {
  await popup.waitFor(notice);
  expect(await textOf(popup, `${notice} p`)).toMatch(/^This page is not watched: the extension's access to chatgpt\.com(, privacy\.openai\.com)? was withdrawn in the browser's extension settings\.$/);
  expect(await textOf(popup, '[data-testid="site-access-grant"]')).toBe('Allow access again');
  expect(await textOf(popup, '[data-testid="tab-status"]')).toBe('Not an OpenAI page this extension watches.');
}

onlyIn('firefox', 'site access withdrawn', (h) => {
  it('the popup on that site says why the page is not watched, and its button grants the access again', async () => {
    const page = await h().newPage(fixtureUrl('chatgpt.com', '/'));
    // With the access held, nothing is said about it.
    let popup = await popupOnChatGpt(h());
    expect(await popup.count(notice)).toBe(0);
    await popup.close();

    expect(await h().inExtension((origin) => ext.permissions.remove({ origins: [origin] }), CHATGPT)).toBe(true);
    expect(await h().inExtension(holds, CHATGPT)).toBe(false);
    await page.goto(fixtureUrl('chatgpt.com', '/'));
    popup = await popupOnChatGpt(h());
    await expectOffer(popup);

    await popup.click('[data-testid="site-access-grant"]');
    await eventually(async () => expect(await popup.count(notice)).toBe(0));
    expect(await h().inExtension(holds, CHATGPT)).toBe(true);
    await popup.close();
    await page.close();
  });
});

onlyIn(
  'chromium',
  'site access "on click"',
  (h) => {
    it('the popup on that site says why the page is not watched and offers to ask for the access', async () => {
      expect(await h().inExtension(holds, CHATGPT)).toBe(false);
      const page = await h().newPage(fixtureUrl('chatgpt.com', '/'));
      const popup = await popupOnChatGpt(h());
      await expectOffer(popup);
      await popup.close();
      await page.close();
    });
  },
  { sitesWithheld: true },
);
