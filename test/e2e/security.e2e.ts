// Threats from docs/security.md that need a real browser: hostile pages, and the extension's own traffic.
import { expect, it } from 'vitest';
import { ALL_HOSTS, WATCHED_HOSTS } from './hosts';
import { eventually } from './harness/eventually';
import { fixtureRequests } from './harness/fixture-log';
import { fixtureUrl, inEachBrowser } from './harness/suite';

/** Hosts the browsers themselves call, whatever extension is loaded. */
const BROWSER_OWN_HOSTS = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|mozilla\.com|mozilla\.net|mozilla\.org)$/;

inEachBrowser('security', (h) => {
  it('a hostile page cannot write to the ledger by any channel it has', async () => {
    const before = await h().ledger();
    const extId = h().origin.split('://')[1]!;
    const page = await h().newPage(fixtureUrl('chatgpt.com', `/forge.html?ext=${extId}`));
    await eventually(async () => expect(await page.text('#result')).toContain('posted'));
    expect(await page.text('#result')).toMatch(/runtime-(absent|threw)/);
    // Give any message that did get through time to be written, then look.
    const tabId = await h().tabIdOf(fixtureUrl('chatgpt.com', `/forge.html?ext=${extId}`));
    await eventually(async () => {
      const status = await h().inExtension((id: number) => ext.storage.session.get(`tab:${id}`), tabId);
      expect(Object.keys(status)).toHaveLength(1);
    });
    expect(await h().ledger()).toEqual(before);
    await page.close();
  });

  // The log holds every request of this whole run, from every browser's start: whatever flows ran
  // before this test (watchers, popup, dashboard …) are checked too, and the ones below for sure.
  it('the extension makes no network requests of its own', async () => {
    const pages = [];
    for (const host of WATCHED_HOSTS) pages.push(await h().newPage(fixtureUrl(host, '/')));
    pages.push(await h().extensionPage('popup.html'));
    pages.push(await h().extensionPage('options.html'));
    // Let the background and pages settle; a request made late would still be caught below.
    await new Promise((r) => setTimeout(r, 1500));
    for (const page of pages) await page.close();
    const log = await fixtureRequests();
    // The pages' own loads arrived (the log works)…
    expect(log.filter((r) => r.path === '/').length).toBeGreaterThanOrEqual(WATCHED_HOSTS.length);
    // …and nothing came from the extension's origin.
    const fromExtension = log.filter((r) => /^(chrome|moz)-extension:/.test(r.origin ?? '') || /^(chrome|moz)-extension:/.test(r.referer ?? ''));
    expect(fromExtension).toEqual([]);
    // Everything else that arrived is the browsers' own housekeeping (Google sign-in, Chromium's
    // spell-check dictionaries from gvt1.com, Mozilla remote settings), which the closed network would drop anyway; anything beyond that is a failure.
    const unexpected = log.filter((r) => !ALL_HOSTS.includes(r.host) && !BROWSER_OWN_HOSTS.test(r.host));
    expect(unexpected).toEqual([]);
  });
});
