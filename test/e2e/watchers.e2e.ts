/**
 * The watchers end to end, in Chromium and Firefox: each action, done on its fixture page as a
 * user would, becomes exactly one effective ledger event with the right fields; pages where
 * nothing happens write nothing; and after each run, everything stored is checked against the
 * schemas (no email address, token, cookie or HTML anywhere). Sora's: watch-sora.e2e.ts.
 *
 * Each block runs in a fresh browser (a fresh ledger): an action's idempotency key holds for ten
 * minutes, so two deletions of "the" cameo in one ledger would rightly be one fact.
 */
import { expect, it } from 'vitest';
import type { Page } from './harness/browser';
import { fixtureUrl, inEachBrowser } from './harness/suite';
import { continuePastWarning, expectNew, expectOnlySchemaData, open, sleep } from './harness/watch';

/** A <select> has no typing in the harness; the user's choice is the value and the change event. */
const choose = (page: Page, selector: string, label: string) =>
  page.evaluate(([s, l]) => {
    const select = document.querySelector(s) as HTMLSelectElement;
    select.value = l;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, [selector, label] as [string, string]);

inEachBrowser('watchers: ChatGPT, the privacy portal, the API platform', (h) => {
  it('requesting a data export', async () => {
    const { page } = await open(h, 'chatgpt.com', '/#settings/DataControls');
    await expectNew(
      h,
      async () => {
        await page.click('#export');
        await page.click('#confirm-export');
      },
      { kind: 'data-export-requested', source: 'page', account: { service: 'chatgpt', handle: 'alice' }, details: {} },
    );
    await page.close();
  });

  it('deleting the ChatGPT account: email and DELETE typed, confirmed by the network', async () => {
    const { page } = await open(h, 'chatgpt.com', '/#settings/Account');
    await expectNew(
      h,
      async () => {
        await page.click('#delete-account');
        await page.fill('#confirm-email', 'alice@example.org');
        await page.fill('#confirm-word', 'DELETE');
        await page.click('#permanently-delete');
        await continuePastWarning(page);
      },
      { kind: 'account-deletion-requested', certainty: 'confirmed', account: { service: 'chatgpt', handle: 'alice' }, details: { linkedAccounts: ['sora', 'api-platform'] } },
    );
    await page.close();
  });

  async function portalRequest(choice: 'delete' | 'download', region?: string) {
    const { page } = await open(h, 'privacy.openai.com', '/', null);
    await page.click('#make-request');
    await page.click('#consumer');
    await page.click(`#choose-${choice}`);
    await continuePastWarning(page);
    await page.fill('#email', 'alice@example.org');
    if (region) await choose(page, '#region', region);
    await page.click('#submit');
    await continuePastWarning(page);
    await page.waitFor('[role="status"]');
    return page;
  }

  it('requesting account deletion in the privacy portal', async () => {
    let page: Page | undefined;
    await expectNew(h, async () => void (page = await portalRequest('delete')), {
      kind: 'account-deletion-requested',
      source: 'page',
      account: { service: 'chatgpt', handle: 'unknown' },
      details: { linkedAccounts: ['sora', 'api-platform'] },
    });
    await page!.close();
  });

  it('sending a privacy request: the law from where the user lives, the reference, no email', async () => {
    let page: Page | undefined;
    const [event] = await expectNew(h, async () => void (page = await portalRequest('download', 'European Union')), {
      kind: 'privacy-request-sent',
      details: { law: 'gdpr', channel: 'privacy-portal', request: 'access', reference: 'PR-48213' },
    });
    // The page said where it wrote to; the ledger keeps the message without the address.
    expect(event!.evidence.shownText).toContain('[email]');
    await page!.close();
  });

  it('deleting the API platform account', async () => {
    const { page } = await open(h, 'platform.openai.com', '/settings/organization/general');
    await expectNew(
      h,
      async () => {
        await page.click('#delete-account');
        await page.click('#confirm-delete');
        await continuePastWarning(page);
      },
      { kind: 'account-deletion-requested', source: 'page', account: { service: 'api-platform', handle: 'alice' }, details: { linkedAccounts: ['chatgpt', 'sora'] } },
    );
    await page.close();
  });

  it('stores nothing beyond what the schemas name', () => expectOnlySchemaData(h));
});

inEachBrowser('watchers: quiet pages', (h) => {
  it('unrelated OpenAI pages and other sites produce no event', async () => {
    await expectNew(h, async () => {
      const pages: Page[] = [];
      for (const [host, path] of [
        ['chatgpt.com', '/'],
        ['chatgpt.com', '/#settings/General'],
        ['privacy.openai.com', '/'],
        ['platform.openai.com', '/usage'],
        ['help.openai.com', '/en/articles/6378407-how-to-delete-your-account'],
        ['example.org', '/'],
      ] as const) {
        pages.push(await h().newPage(fixtureUrl(host, path)));
      }
      await sleep(3000);
      for (const page of pages) await page.close();
    });
    expect(await h().ledger()).toEqual([]);
  });
});
