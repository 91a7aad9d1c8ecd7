/**
 * The watchers end to end, in Chromium and Firefox: each action, done on its fixture page as a
 * user would, becomes exactly one effective ledger event with the right fields; pages where
 * nothing happens write nothing; a page showing impossible text writes nothing; a page whose
 * layout the rules do not know is reported; and after each run, everything stored is checked
 * against the schemas (no email address, token, cookie or HTML anywhere).
 *
 * Each block runs in a fresh browser (a fresh ledger): an action's idempotency key holds for ten
 * minutes, so two deletions of "the" cameo in one ledger would rightly be one fact.
 */
import { expect, it } from 'vitest';
import { effectiveEvents } from '@/lib/ledger/relations';
import { describeForBugReport } from '@/lib/rules/bug-report';
import type { Harness, Page } from './harness/browser';
import { eventually } from './harness/eventually';
import { fixtureUrl, inEachBrowser, onlyIn } from './harness/suite';
import { continuePastWarning, expectNew, expectOnlySchemaData, open, sleep, tabStatusOf } from './harness/watch';

// Sora's watchers are in watch-sora.e2e.ts: its hosts are watched only when the user asks.

/** A <select> has no typing in the harness; the user's choice is the value and the change event. */
const choose = (page: Page, selector: string, label: string) =>
  page.evaluate(([s, l]) => {
    const select = document.querySelector(s) as HTMLSelectElement;
    select.value = l;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, [selector, label] as [string, string]);

const CHATGPT = 'chatgpt.com';
const PORTAL = 'privacy.openai.com';
/** What ChatGPT's profile button shows (the fixture's /backend-api/me `name`): the account's name in the ledger. */
const DISPLAY_NAME = 'Alice Example';
const CHATGPT_ACCOUNT = { service: 'chatgpt', handle: DISPLAY_NAME };
const CHATGPT_LINKED = { linkedAccounts: ['sora', 'api-platform'] };
/** The word the fixture's deletion dialog asks for, by language. */
const TYPED_WORD = { en: 'DELETE', de: 'DELETE', fr: 'SUPPRIMER', es: 'ELIMINAR' } as const;

for (const lang of ['en', 'de', 'fr', 'es'] as const) {
  inEachBrowser(`watchers: ChatGPT in ${lang}`, (h) => {
    it('requesting a data export: profile menu → Settings → Data controls → Export → Confirm export, one event', async () => {
      const url = fixtureUrl(CHATGPT, `/c/6789-abc?lang=${lang}`);
      const page = await h().newPage(url);
      const tabId = await h().tabIdOf(url);
      await expectNew(
        h,
        async () => {
          // The settings dialog opens over the conversation, as the real one does.
          await page.click('[data-testid="accounts-profile-button"]');
          await page.click('[data-testid="settings-menu-item"]');
          await eventually(async () => expect((await h().inExtension(tabStatusOf, tabId))?.handle).toBe(DISPLAY_NAME));
          await page.click('[data-fixture="tab-DataControls"]');
          await page.click('[data-fixture="export"]');
          await page.click('[data-fixture="confirm-export"]');
          await page.waitFor('[role="status"] .toast');
        },
        { kind: 'data-export-requested', source: 'network', certainty: 'confirmed', account: CHATGPT_ACCOUNT, details: {} },
      );
      await page.close();
    });

    it('deleting the account: email and the word typed, the button reached by keyboard, warned, confirmed by the network', async () => {
      // A login older than ten minutes first: "Refresh login", then the deletion itself.
      const { page } = await open(h, CHATGPT, `/?lang=${lang}&stale=1#settings/Account`, DISPLAY_NAME);
      await page.click('[data-fixture="delete-account"]');
      await page.click('[data-fixture="refresh-login"]');
      await page.waitFor('[data-fixture="delete-account"]');
      await expectNew(
        h,
        async () => {
          await page.click('[data-fixture="delete-account"]');
          await page.fill('[data-fixture="confirm-email"]', 'alice@example.org');
          await page.fill('[data-fixture="confirm-word"]', TYPED_WORD[lang]);
          // Tab past "Cancel" to the unlocked button, and press Enter on it.
          await page.press('Tab');
          await page.press('Tab');
          await page.press('Enter');
          await continuePastWarning(page);
        },
        { kind: 'account-deletion-requested', source: 'network', certainty: 'confirmed', account: CHATGPT_ACCOUNT, details: CHATGPT_LINKED },
      );
      await page.close();
    });

    it('switching the training toggle, deleting all chats, cancelling an export: nothing', async () => {
      const { page } = await open(h, CHATGPT, `/?lang=${lang}#settings/DataControls`, DISPLAY_NAME);
      await expectNew(h, async () => {
        await page.click('[data-testid="improve-model-toggle"]');
        await page.click('[data-fixture="delete-all"]');
        await page.click('[data-fixture="confirm-delete-all"]');
        await page.click('[data-fixture="export"]');
        await page.waitFor('[data-fixture="confirm-export"]');
        await page.press('Escape');
      });
      await page.close();
    });

    it('stores nothing beyond what the schemas name', () => expectOnlySchemaData(h));
  });
}

/**
 * The privacy portal as a Transcend Privacy Center: the data subject, the action, the email, the
 * login link from the email (followed as the user would), the review, the request submitted.
 */
async function portalRequest(h: () => Harness, path: '/' | '/jan-2024', action: 'erasure' | 'access', region?: string): Promise<Page> {
  const { page } = await open(h, PORTAL, path, null);
  await page.click('[data-fixture="make-request"]');
  if (path === '/') await page.click('[data-fixture="consumer"]');
  await page.click(`[data-fixture="choose-${action}"]`);
  await page.fill('[data-fixture="email"]', 'alice@example.org');
  // The form sent with Enter from the email field.
  await page.press('Enter');
  await page.waitFor('[role="status"]');
  await page.goto(fixtureUrl(PORTAL, `${path}?login=fixture-login-token`));
  await page.waitFor('[data-fixture="region"]');
  if (region) await choose(page, '[data-fixture="region"]', region);
  await page.click('[data-fixture="submit"]');
  await continuePastWarning(page);
  await page.waitFor('[role="status"]');
  return page;
}

inEachBrowser('watchers: the privacy portal', (h) => {
  it('requesting account deletion: logged once, under no handle (the portal shows only the email)', async () => {
    let page: Page | undefined;
    await expectNew(h, async () => void (page = await portalRequest(h, '/', 'erasure')), {
      kind: 'account-deletion-requested',
      source: 'page',
      account: { service: 'chatgpt', handle: 'unknown' },
      details: CHATGPT_LINKED,
    });
    await page!.close();
  });

  it('requesting a copy of the data: the law from where the user lives, the reference, no email', async () => {
    let page: Page | undefined;
    const [event] = await expectNew(h, async () => void (page = await portalRequest(h, '/', 'access', 'European Union')), {
      kind: 'privacy-request-sent',
      details: { law: 'gdpr', channel: 'privacy-portal', request: 'access', reference: 'PR-48213' },
    });
    expect(event!.evidence.url).toBe(fixtureUrl(PORTAL, '/'));
    await page!.close();
  });

  it('stores nothing beyond what the schemas name', () => expectOnlySchemaData(h));
});

/** The popup's question and the name given, in the UI's language (Firefox speaks only English here: see a11y-audit.e2e.ts). */
const NAMING = {
  en: { ask: 'This ChatGPT account shows no handle on its pages: name it', name: 'Work' },
  de: { ask: 'Dieses ChatGPT-Konto zeigt auf seinen Seiten keinen Benutzernamen: Geben Sie ihm einen Namen', name: 'Arbeit' },
} as const;

/**
 * After a deletion request on the portal (which shows no handle), the user names that account in
 * the popup, by keyboard: its entries, the earlier one too, show the name; nothing is rewritten.
 */
function namesTheAccountWithoutHandle(h: () => Harness, language: keyof typeof NAMING) {
  it(`the account without a handle: the popup asks once to name it, the user does by keyboard, its entries show the name (${language})`, async () => {
    const { ask, name } = NAMING[language];
    let page: Page | undefined;
    await expectNew(h, async () => void (page = await portalRequest(h, '/', 'erasure')), { kind: 'account-deletion-requested', account: { service: 'chatgpt', handle: 'unknown' } });
    await page!.close();
    const popup = await h().extensionPage('popup.html');
    await popup.waitFor('[data-testid="name-account"]');
    expect(await popup.text('[data-testid="name-account"]')).toContain(ask);
    const focused = () => popup.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid);
    for (let i = 0; i < 40 && (await focused()) !== 'account-name'; i++) await popup.press('Tab');
    expect(await focused()).toBe('account-name');
    await popup.fill('[data-testid="account-name"]', name);
    await popup.press('Enter');
    await eventually(async () => expect(await popup.count('[data-testid="name-account"]')).toBe(0));
    await eventually(async () => expect(await popup.text('[data-testid="account"] h3 bdi')).toBe(name));
    expect(await popup.text('[data-testid="latest-events"]')).toContain(`ChatGPT · ${name}`);
    expect(await popup.text('[data-testid="latest-events"]')).not.toContain('unknown');
    await popup.close();

    // The name is the user's entry; the deletion request stays filed under the account as seen.
    const ledger = effectiveEvents(await h().ledger());
    expect(ledger.filter((e) => e.kind === 'account-named')).toEqual([
      expect.objectContaining({ source: 'manual', account: { service: 'chatgpt', handle: 'unknown' }, details: { name } }),
    ]);
    expect(ledger.find((e) => e.kind === 'account-deletion-requested')?.account).toEqual({ service: 'chatgpt', handle: 'unknown' });

    const dash = await h().extensionPage('options.html#timeline');
    await dash.waitFor('[data-kind="account-deletion-requested"] .row-account bdi');
    expect(await dash.text('[data-kind="account-deletion-requested"] .row-account bdi')).toBe(name);
    // Named once: the dashboard does not ask again.
    expect(await dash.count('[data-testid="name-account"]')).toBe(0);
    await dash.close();
  });
}

inEachBrowser('watchers: the portal\'s account, named by the user', (h) => namesTheAccountWithoutHandle(h, 'en'));
onlyIn('chromium', 'watchers: the portal\'s account, named by the user, in German', (h) => namesTheAccountWithoutHandle(h, 'de'), { language: 'de' });

inEachBrowser('watchers: the privacy portal in its Jan 2024 wording', (h) => {
  it('"Delete my OpenAI account": logged once', async () => {
    let page: Page | undefined;
    await expectNew(h, async () => void (page = await portalRequest(h, '/jan-2024', 'erasure')), {
      kind: 'account-deletion-requested',
      account: { service: 'chatgpt', handle: 'unknown' },
      evidence: { url: fixtureUrl(PORTAL, '/jan-2024'), rule: 'privacy.account-deletion', shownText: 'Your request to delete your OpenAI account has been submitted. Reference: PR-48213.' },
    });
    await page!.close();
  });
});

inEachBrowser('watchers: quiet pages, impossible pages, pages the rules no longer fit', (h) => {
  it('unrelated OpenAI pages and other sites produce no event', async () => {
    await expectNew(h, async () => {
      const pages: Page[] = [];
      for (const [host, path] of [
        ['chatgpt.com', '/'],
        ['chatgpt.com', '/#settings/General'],
        ['chatgpt.com', '/?lang=de#settings/Account'],
        ['privacy.openai.com', '/'],
        ['privacy.openai.com', '/jan-2024?modal=take-control'],
        // No longer watched: nothing there deletes an account.
        ['platform.openai.com', '/settings/organization/general'],
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

  it('a ChatGPT page in a language the rules know no text of says so; its settings anchors are found', async () => {
    const { page, tabId } = await open(h, 'chatgpt.com', '/?lang=nl#settings/Account', 'Alice Example');
    const status = await eventually(async () => {
      const s = await h().inExtension(tabStatusOf, tabId);
      expect(s?.unknownLanguage).toBe('nl');
      return s!;
    }, 10_000);
    expect(status.misses).toEqual([]);
    expect(describeForBugReport(status, '0.1.0')).toContain('Page language without known texts: nl');
    await page.close();
  });

  it('a ChatGPT settings dialog the rules do not know is reported, redacted', async () => {
    const { page, tabId } = await open(h, 'chatgpt.com', '/c/6789-abc?layout=redesign#settings/Account', 'Alice Example');
    const status = await eventually(async () => {
      const s = await h().inExtension(tabStatusOf, tabId);
      expect(s?.misses).toEqual(['chatgpt.settings-dialog']);
      return s!;
    }, 10_000);
    expect(status.unknownLanguage).toBeUndefined();
    const report = describeForBugReport(status, '0.1.0');
    expect(report).toContain('Rules that found nothing: chatgpt.settings-dialog');
    expect(report).not.toMatch(/alice|6789/i);
    await page.close();
  });
});
