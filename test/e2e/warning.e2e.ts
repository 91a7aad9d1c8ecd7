// The in-page warning before an account deletion, on every deletion fixture, in both browsers:
// it appears before the confirmation takes effect; Go back sends no request; Continue lets the
// page's request go out, and the ledger then holds the deletion and its window.
import { expect, it } from 'vitest';
import { effectiveEvents } from '@/lib/ledger/relations';
import type { Harness, Page } from './harness/browser';
import { eventually } from './harness/eventually';
import { fixtureRequests } from './harness/fixture-log';
import { fixtureUrl, inEachBrowser } from './harness/suite';
import { SCREENSHOTS } from './harness/paths';

interface DeletionFlow {
  name: string;
  url: string;
  /** What a user does up to the last, destructive step. */
  reach: (page: Page) => Promise<void>;
  /** The button of the last step. */
  confirm: string;
  /** The request that really deletes. */
  request: string;
  /** The destructive step's id in lib/rules/destructive-steps.ts. */
  step: string;
  /** The account the deletion is logged for. */
  service: 'chatgpt' | 'sora';
  /** How the page names that account ('unknown' where it shows none). */
  handle: string;
}

/**
 * ChatGPT's deletion dialog in a language: the button reached, unlocked by the email and the word.
 * The older layout had Delete account under Data controls.
 */
const chatgptFlow = (lang: 'en' | 'de' | 'fr' | 'es' | 'nl', word: string, older = false): DeletionFlow => ({
  name: older ? `ChatGPT (${lang}, older layout) Settings → Data controls → Delete account` : `ChatGPT (${lang}) Settings → Account → Delete account`,
  url: fixtureUrl('chatgpt.com', older ? `/?lang=${lang}&layout=2023#settings/DataControls` : `/c/6789-abc?lang=${lang}#settings/Account`),
  reach: async (page) => {
    await page.click('[data-fixture="delete-account"]');
    await page.fill('[data-fixture="confirm-email"]', 'alice@example.org');
    await page.fill('[data-fixture="confirm-word"]', word);
  },
  confirm: '[data-fixture="permanently-delete"]',
  request: '/backend-api/accounts/deactivate',
  step: 'chatgpt.delete-account.confirm',
  service: 'chatgpt',
  handle: 'Alice Example',
});

/** The portal's deletion request, to the review after the emailed login link. */
const portalFlow = (path: '/' | '/jan-2024'): DeletionFlow => ({
  name: `privacy portal${path === '/' ? '' : ' (Jan 2024 wording)'}: delete the account`,
  url: fixtureUrl('privacy.openai.com', path),
  reach: async (page) => {
    await page.click('[data-fixture="make-request"]');
    if (path === '/') await page.click('[data-fixture="consumer"]');
    await page.click('[data-fixture="choose-erasure"]');
    await page.fill('[data-fixture="email"]', 'alice@example.org');
    await page.click('[data-fixture="send-link"]');
    await page.waitFor('[role="status"]');
    await page.goto(fixtureUrl('privacy.openai.com', `${path}?login=fixture-login-token`));
    await page.waitFor('[data-fixture="submit"]');
  },
  confirm: '[data-fixture="submit"]',
  request: '/api/privacy-requests',
  step: 'privacy.delete-account.submit',
  service: 'chatgpt',
  handle: 'unknown',
});

const FLOWS: DeletionFlow[] = [
  chatgptFlow('en', 'DELETE'),
  chatgptFlow('de', 'DELETE'),
  chatgptFlow('fr', 'SUPPRIMER'),
  chatgptFlow('es', 'ELIMINAR'),
  // Dutch: no text of it is known; the dialog's structure alone finds the step.
  chatgptFlow('nl', 'VERWIJDEREN'),
  chatgptFlow('en', 'DELETE', true),
  portalFlow('/'),
  portalFlow('/jan-2024'),
  {
    // Settings is a dialog over whatever route is open (no /settings route).
    name: 'Sora settings: Delete account',
    url: fixtureUrl('sora.chatgpt.com', '/profile/alice'),
    reach: async (page) => {
      await page.click('[data-test="settings"]');
      await page.click('[data-test="settings-item"]');
      await page.click('[data-test="settings-account"]');
      await page.click('[data-test="delete-account"]');
      await page.waitFor('[data-test="confirm-delete-account"]');
    },
    confirm: '[data-test="confirm-delete-account"]',
    request: '/backend/project_y/account/delete',
    step: 'sora.delete-account.confirm',
    service: 'sora',
    handle: 'alice',
  },
];

const sent = async (path: string) => (await fixtureRequests()).filter((r) => r.path === path && r.method === 'POST').length;
/** The warning's host element; its content is in a closed shadow root the page cannot read. */
const warningShown = () => document.querySelector('[data-likeness-ledger="warning"]') !== null;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function choices(h: () => Harness) {
  return effectiveEvents(await h().ledger()).filter((e) => e.kind === 'deletion-warning-shown');
}

inEachBrowser('deletion warning', (h) => {
  for (const flow of FLOWS) {
    it(`${flow.name}: warns first; Go back sends nothing; Continue lets the deletion go and logs it`, async () => {
      const before = await sent(flow.request);
      const page = await h().newPage(flow.url);
      await flow.reach(page);

      await page.click(flow.confirm);
      await eventually(async () => expect(await page.evaluate(warningShown)).toBe(true));
      await sleep(300);
      expect(await sent(flow.request)).toBe(before);
      // Keyboard alone: focus starts on Go back, Enter chooses it.
      await page.press('Enter');
      await eventually(async () => expect(await page.evaluate(warningShown)).toBe(false));
      await sleep(500);
      expect(await sent(flow.request)).toBe(before);
      await eventually(async () => expect((await choices(h)).filter((e) => e.details.choice === 'go-back' && e.evidence.rule === flow.step)).toHaveLength(1));

      // A new attempt warns again; this time Continue (Shift+Tab from Go back, then Enter).
      await page.click(flow.confirm);
      await eventually(async () => expect(await page.evaluate(warningShown)).toBe(true));
      if (h().name === 'chromium' && flow.name.startsWith('ChatGPT (en)')) {
        for (const scheme of ['light', 'dark'] as const) {
          await page.setColorScheme(scheme);
          await page.screenshot(`${SCREENSHOTS}/warning-${scheme}.png`);
        }
      }
      await page.press('Shift+Tab');
      await page.press('Enter');
      await eventually(async () => expect(await sent(flow.request)).toBe(before + 1));
      await eventually(async () => {
        // One account deleted in three languages (or twice from the portal) is one fact, logged once.
        const deletions = effectiveEvents(await h().ledger()).filter(
          (e) => e.kind === 'account-deletion-requested' && e.account.service === flow.service && e.account.handle === flow.handle,
        );
        expect(deletions).toHaveLength(1);
      });
      await page.close();
    });
  }

  it('stays quiet on the steps that do not delete the account: Delete all chats, Export, Refresh login', async () => {
    const page = await h().newPage(fixtureUrl('chatgpt.com', '/?lang=de&stale=1#settings/DataControls'));
    await page.click('[data-fixture="delete-all"]');
    await page.click('[data-fixture="confirm-delete-all"]');
    await eventually(async () => expect((await fixtureRequests()).some((r) => r.path === '/backend-api/conversations' && r.method === 'PATCH')).toBe(true));
    await page.click('[data-fixture="export"]');
    await page.click('[data-fixture="confirm-export"]');
    await page.waitFor('[role="status"] .toast');
    await page.click('[data-fixture="tab-Account"]');
    await page.click('[data-fixture="delete-account"]');
    await page.waitFor('[data-fixture="refresh-login"]');
    await sleep(500);
    expect(await page.evaluate(warningShown)).toBe(false);
    await page.close();
  });
}, { soraGranted: true });
