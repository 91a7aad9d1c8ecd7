// The in-page warning before an account deletion, on the deletion fixtures, in both browsers.
import { expect, it } from 'vitest';
import { effectiveEvents } from '@/lib/ledger';
import { eventually } from './harness/eventually';
import { fixtureRequests } from './harness/fixture-log';
import { fixtureUrl, inEachBrowser } from './harness/suite';
import { SCREENSHOTS } from './harness/paths';

const DEACTIVATE = '/backend-api/accounts/deactivate';
const deactivations = async () => (await fixtureRequests()).filter((r) => r.path === DEACTIVATE).length;

/** The warning lives in a closed shadow root: tests read what the page cannot, through the accessibility-relevant host. */
const warningShown = () => document.querySelector('[data-likeness-ledger="warning"]') !== null;

inEachBrowser('deletion warning', (h) => {
  async function reachLastStep() {
    const page = await h().newPage(fixtureUrl('chatgpt.com', '/delete-account.html'));
    await page.waitFor('#email');
    await page.fill('#email', 'alice@example.org');
    await page.fill('#word', 'DELETE');
    return page;
  }

  it('appears before the confirmation takes effect; Go back sends no request', async () => {
    const before = await deactivations();
    const page = await reachLastStep();
    await page.click('#delete');
    await eventually(async () => expect(await page.evaluate(warningShown)).toBe(true));
    expect(await deactivations()).toBe(before);
    // Keyboard: focus is on Go back, and Enter chooses it.
    await page.press('Enter');
    await eventually(async () => expect(await page.evaluate(warningShown)).toBe(false));
    await new Promise((r) => setTimeout(r, 500));
    expect(await deactivations()).toBe(before);
    expect(await page.text('#status')).toBe('');
    const choices = await eventually(async () => {
      const logged = effectiveEvents(await h().ledger()).filter((e) => e.kind === 'deletion-warning-shown');
      expect(logged.length).toBeGreaterThan(0);
      return logged;
    });
    expect(choices.at(-1)).toMatchObject({ details: { choice: 'go-back' }, source: 'page', evidence: { rule: 'chatgpt.delete-account.confirm' } });
    await page.close();
  });

  it("Continue lets the page's request go out", async () => {
    const before = await deactivations();
    const page = await reachLastStep();
    await page.click('#delete');
    await eventually(async () => expect(await page.evaluate(warningShown)).toBe(true));
    if (h().name === 'chromium') {
      for (const scheme of ['light', 'dark'] as const) {
        await page.setColorScheme(scheme);
        await page.screenshot(`${SCREENSHOTS}/warning-${scheme}.png`);
      }
    }
    // Shift+Tab from Go back reaches Continue; Enter chooses it.
    await page.press('Shift+Tab');
    await page.press('Enter');
    await eventually(async () => expect(await page.text('#status')).toBe('Your account has been deleted.'));
    expect(await deactivations()).toBe(before + 1);
    await eventually(async () => {
      const logged = effectiveEvents(await h().ledger()).filter((e) => e.kind === 'deletion-warning-shown' && e.details.choice === 'continue');
      expect(logged).toHaveLength(1);
    });
    await page.close();
  });
});
