// What a store reviewer and a careful user check before installing: the privacy policy inside the
// extension, reached from the welcome page and the settings, in English and German.
import { expect, it } from 'vitest';
import { eventually } from './harness/eventually';
import { inEachBrowser } from './harness/suite';
import { WATCHED_HOSTS } from './hosts';

const textOf = (page: { evaluate: <T, A>(fn: (a: A) => T, a: A) => Promise<T> }, selector: string) =>
  page.evaluate((s: string) => document.querySelector(s)?.textContent ?? '', selector);

inEachBrowser('privacy policy', (h) => {
  it('is linked from the welcome page and the settings, and names every host it may read', async () => {
    const dash = await h().extensionPage('options.html#welcome');
    await dash.waitFor('[data-testid="welcome-privacy"] a');
    expect(await textOf(dash, '[data-testid="welcome-privacy"]')).toMatch(/not affiliated with or endorsed by OpenAI/);
    const links = await dash.evaluate(() =>
      ['[data-testid="welcome-privacy"] a', '[data-testid="settings-privacy"]'].map((s) => (document.querySelector(s) as HTMLAnchorElement | null)?.href),
    );
    expect(links).toEqual([`${h().origin}/privacy-policy.html`, `${h().origin}/privacy-policy.html`]);
    await dash.close();

    const policy = await h().extensionPage('privacy-policy.html');
    await policy.waitFor('main.policy h1');
    expect(await textOf(policy, 'h1')).toBe('Privacy policy');
    const hosts = await policy.evaluate(() => [...document.querySelector('main table')!.querySelectorAll('td:nth-child(2) code')].map((c) => c.textContent));
    expect(hosts.sort()).toEqual([...WATCHED_HOSTS].sort());
    // The German text is one link away, on the same page.
    await policy.click('a[href="?lang=de"]');
    await eventually(async () => expect(await textOf(policy, 'h1')).toBe('Datenschutzerklärung'));
    expect(await policy.evaluate(() => document.documentElement.lang)).toBe('de');
    await policy.close();
  });
});
