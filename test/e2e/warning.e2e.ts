// The in-page warning before an account deletion, on every deletion fixture, in both browsers:
// it appears before the confirmation takes effect; Go back sends no request; Continue lets the
// page's request go out, and the ledger then holds the deletion and its window.
import { expect, it } from 'vitest';
import { effectiveEvents } from '@/lib/ledger';
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
  /** The destructive step's id in lib/warning/destructive-steps.ts. */
  step: string;
  /** The account the deletion is logged for. */
  service: 'chatgpt' | 'sora' | 'api-platform';
}

const FLOWS: DeletionFlow[] = [
  {
    name: 'ChatGPT Settings → Account → Delete account',
    url: fixtureUrl('chatgpt.com', '/#settings/Account'),
    reach: async (page) => {
      await page.click('#delete-account');
      await page.waitFor('#confirm-email');
      await page.fill('#confirm-email', 'alice@example.org');
      await page.fill('#confirm-word', 'DELETE');
    },
    confirm: '#permanently-delete',
    request: '/backend-api/accounts/deactivate',
    step: 'chatgpt.delete-account.confirm',
    service: 'chatgpt',
  },
  {
    name: 'privacy portal: Delete my ChatGPT account',
    url: fixtureUrl('privacy.openai.com', '/'),
    reach: async (page) => {
      await page.click('#make-request');
      await page.click('#consumer');
      await page.click('#choose-delete');
      await page.waitFor('#email');
      await page.fill('#email', 'alice@example.org');
    },
    confirm: '#submit',
    request: '/api/privacy-requests',
    step: 'privacy.delete-account.submit',
    service: 'chatgpt',
  },
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
  },
  {
    name: 'API platform organization settings: Delete account',
    url: fixtureUrl('platform.openai.com', '/settings/organization/general'),
    reach: async (page) => {
      await page.click('#delete-account');
      await page.waitFor('#confirm-delete');
    },
    confirm: '#confirm-delete',
    request: '/api/account/delete',
    step: 'platform.delete-account.confirm',
    service: 'api-platform',
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
      if (h().name === 'chromium' && flow.confirm === '#permanently-delete') {
        for (const scheme of ['light', 'dark'] as const) {
          await page.setColorScheme(scheme);
          await page.screenshot(`${SCREENSHOTS}/warning-${scheme}.png`);
        }
      }
      await page.press('Shift+Tab');
      await page.press('Enter');
      await eventually(async () => expect(await sent(flow.request)).toBe(before + 1));
      await eventually(async () => {
        // ChatGPT's settings and the privacy portal delete the same account: one fact, logged once.
        const deletions = effectiveEvents(await h().ledger()).filter((e) => e.kind === 'account-deletion-requested' && e.account.service === flow.service);
        expect(deletions).toHaveLength(1);
      });
      await page.close();
    });
  }
}, { soraGranted: true });
