// The popup and the dashboard in real browsers: a user records each manual kind with quick add,
// sees it in both, edits and removes one, filters the timeline; axe finds no serious or critical
// violation in either theme; the Chromium run writes the README's screenshots.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './harness/axe';
import { launch, type Harness, type Page, waitForSoraScript } from './harness/browser';
import { eventually } from './harness/eventually';
import { SCREENSHOTS } from './harness/paths';
import { seedSampleLedger, shoot } from './harness/screenshots';
import { useScheme } from './harness/scheme';
import { fixtureUrl, inEachBrowser } from './harness/suite';

const ME = { service: 'sora', handle: '@maya' } as const;
const QUICK_KINDS = ['access-granted', 'access-revoked', 'cameo-deleted', 'account-deletion-requested', 'privacy-request-sent'];

const rows = '[data-testid="timeline-row"]';
const form = '[data-testid="quick-add-form"]';

/** Sets a control's value the way typing or choosing would, for inputs the harness cannot fill. */
const setValue = (page: Page, selector: string, value: string) =>
  page.evaluate(
    ([sel, v]) => {
      const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(sel)!;
      el.value = v;
      el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
    },
    [selector, value] as const,
  );

const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);

async function quickAdd(popup: Page, kind: string, fill: () => Promise<void> = async () => {}) {
  await popup.click(`[data-testid="quick-${kind}"]`);
  await popup.waitFor(form);
  await fill();
  await popup.click('[data-testid="quick-add-save"]');
  await eventually(async () => expect(await textOf(popup, '[data-testid="quick-status"]')).toMatch(/^Recorded:/));
  await eventually(async () => expect(await popup.count(form)).toBe(0));
}

/** The local datetime-local value of an instant in the browsers' zone (the tests run them in TZ=Europe/Berlin). */
const localInput = (ms: number) => {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

inEachBrowser('popup and dashboard', (h) => {
  it('a user records each manual kind with quick add and sees it in the popup', async () => {
    const popup = await h().extensionPage('popup.html');
    await popup.waitFor('[data-testid="empty-state"]');

    await quickAdd(popup, 'access-granted', async () => {
      // No account is known yet: the form asks for one.
      await popup.fill(`${form} [data-field="handle"]`, ME.handle);
      await popup.fill(`${form} [data-field="person"]`, '@jonas');
    });
    // The only person with access is filled in already.
    await quickAdd(popup, 'access-revoked');
    // Backdated: the cameo was deleted on the phone five days ago.
    const fiveDaysAgo = Date.now() - 5 * 86_400_000;
    await quickAdd(popup, 'cameo-deleted', () => setValue(popup, `${form} [data-field="when"]`, localInput(fiveDaysAgo)));
    await quickAdd(popup, 'account-deletion-requested');
    await quickAdd(popup, 'privacy-request-sent', () => popup.fill(`${form} [data-field="reference"]`, 'REQ-1'));

    const manual = (await h().ledger()).filter((e) => e.source === 'manual');
    expect(manual.map((e) => e.kind).sort()).toEqual([...QUICK_KINDS].sort());
    for (const e of manual) expect(e.account).toEqual(ME);
    const deleted = manual.find((e) => e.kind === 'cameo-deleted')!;
    expect(Math.abs(deleted.occurredAt - fiveDaysAgo)).toBeLessThan(60_000);
    expect(manual.find((e) => e.kind === 'privacy-request-sent')!.details).toMatchObject({ reference: 'REQ-1', request: 'erasure' });

    await eventually(async () => expect(await popup.count('[data-testid="latest-events"] li')).toBe(5));
    const latest = await popup.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-testid="latest-events"] li')].map((li) => li.dataset.kind));
    expect([...latest].sort()).toEqual([...QUICK_KINDS].sort());
    const account = await textOf(popup, '[data-testid="account"]');
    expect(account).toMatch(/Sora · @maya/);
    expect(account).toMatch(/Nobody you approved/);
    // Due at the end of the local day 25 days from now: 25 to 26 days away, by the time of day.
    expect(await textOf(popup, '[data-testid="open-windows"]')).toMatch(/Cameo purge.*(25|26) days left/);
    await popup.close();
  });

  it('the dashboard shows them; one is edited, one removed; the timeline filters', async () => {
    const dash = await h().extensionPage('options.html#timeline');
    await eventually(async () => expect(await dash.count(rows)).toBe(5));

    // Edit the grant: a typo in the person's name.
    await dash.click(`${rows}[data-kind="access-granted"]`);
    await dash.click('[data-testid="edit-entry"]');
    await dash.fill(`[data-testid="entry-details"] ${form} [data-field="person"]`, '@jonas.b');
    await dash.click(`[data-testid="entry-details"] [data-testid="quick-add-save"]`);
    const grant = await eventually(async () => {
      const edit = (await h().ledger()).find((e) => e.kind === 'access-granted' && e.supersedes);
      expect(edit?.details).toEqual({ person: '@jonas.b' });
      return edit!;
    });
    await eventually(async () => expect(await textOf(dash, `${rows}[data-kind="access-granted"]`)).toMatch(/@jonas\.b/));
    await eventually(async () => expect(await dash.count('[data-testid="details-history"] li')).toBe(2));

    // Remove the cameo deletion, after the confirmation.
    await dash.click(`${rows}[data-kind="cameo-deleted"]`);
    await dash.click('[data-testid="remove-entry"]');
    await dash.click('[data-testid="remove-dialog"] [data-testid="confirm"]');
    await eventually(async () => expect(await dash.count(rows)).toBe(4));
    const ledger = await h().ledger();
    const deleted = ledger.find((e) => e.kind === 'cameo-deleted')!;
    expect(ledger.some((e) => e.kind === 'entry-removed' && e.details.target === deleted.id)).toBe(true);

    // Filters: kind, search, date range, and back.
    await setValue(dash, '[data-testid="filter-kind"]', 'access-revoked');
    await eventually(async () => expect(await dash.count(rows)).toBe(1));
    await setValue(dash, '[data-testid="filter-kind"]', '');
    await dash.fill('[data-testid="filter-query"]', 'req-1');
    await eventually(async () => expect(await dash.count(rows)).toBe(1));
    expect(await textOf(dash, rows)).toMatch(/Privacy request sent/);
    await dash.fill('[data-testid="filter-query"]', '');
    await setValue(dash, '[data-testid="filter-from"]', localInput(Date.now() + 86_400_000).slice(0, 10));
    await eventually(async () => expect(await dash.count('[data-testid="timeline-empty"]')).toBe(1));
    await dash.click('.filter-actions button');
    await eventually(async () => expect(await dash.count(rows)).toBe(4));
    await eventually(async () => expect(await textOf(dash, '[data-testid="timeline-count"]')).toBe('Showing 4 of 4 entries'));

    // The popup follows: the edit shows, the removed entry is gone.
    const popup = await h().extensionPage('popup.html');
    await popup.waitFor('[data-testid="latest-events"]');
    const latest = await textOf(popup, '[data-testid="latest-events"]');
    expect(latest).toMatch(/@jonas\.b/);
    expect(latest).not.toMatch(/Cameo deleted/);
    expect(grant.source).toBe('manual');
    await popup.close();
    await dash.close();
  });

  it('opens at an entry from a deep link, with its details', async () => {
    const target = (await h().ledger()).find((e) => e.kind === 'privacy-request-sent')!;
    const dash = await h().extensionPage(`options.html#entry=${target.id}`);
    await dash.waitFor('[data-testid="entry-details"]');
    expect(await textOf(dash, '#details-title')).toBe('Privacy request sent');
    await eventually(async () => expect(await dash.evaluate(() => document.activeElement?.id)).toBe('details-title'));
    expect(await textOf(dash, '[data-testid="details-window"]')).toMatch(/Answer due/);
    await dash.close();
  });

  it('on a page whose layout the rules do not know, says detection may be out of date and copies a redacted description', async () => {
    // The fixture's redesigned profile (?layout=unknown): the appearances rule expects the profile's feed tabs there.
    const url = fixtureUrl('sora.chatgpt.com', '/profile/alice?layout=unknown');
    const page = await h().newPage(url);
    const tabId = await h().tabIdOf(url);
    await eventually(
      async () => {
        const status = await h().inExtension((id) => ext.storage.session.get(`tab:${id}`).then((all) => all[`tab:${id}`] as { misses: string[] } | undefined), tabId);
        expect(status?.misses.length).toBeGreaterThan(0);
      },
      15_000,
    );
    const popup = await h().extensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor('[data-testid="tab-misses"]');
    expect(await textOf(popup, '[data-testid="tab-misses"]')).toMatch(/Detection may be out of date on this page/);
    // The clipboard is the browser's; the test keeps what would be written.
    await popup.evaluate(() => {
      navigator.clipboard.writeText = async (text: string) => void ((globalThis as unknown as { copied: string }).copied = text);
    });
    await popup.click('[data-testid="tab-misses"] button');
    await eventually(async () => expect(await textOf(popup, '[data-testid="tab-misses"] [role="status"]')).toMatch(/^Copied/));
    const copied = await popup.evaluate(() => (globalThis as unknown as { copied: string }).copied);
    expect(copied).toMatch(/detection may be out of date/);
    expect(copied).toMatch(/Page: \/profile\/:id/);
    expect(copied).toMatch(/sora\.appearance\.post/);
    // Redacted: the signed-in user's name appears nowhere.
    expect(copied).not.toMatch(/alice/i);
    await popup.close();
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds no serious or critical violation in the popup and the dashboard (${scheme})`, async () => {
      const popup = await h().extensionPage('popup.html');
      await popup.waitFor('[data-testid="latest-events"]');
      await useScheme(h(), popup, scheme);
      expect(await axeViolations(popup)).toEqual([]);
      // With a form open, too.
      await popup.click('[data-testid="quick-privacy-request-sent"]');
      await popup.waitFor(form);
      expect(await axeViolations(popup)).toEqual([]);
      await popup.close();

      const dash = await h().extensionPage('options.html#welcome');
      await dash.waitFor(rows);
      await useScheme(h(), dash, scheme);
      await dash.click(`${rows}[data-kind="access-granted"]`);
      await dash.waitFor('[data-testid="entry-details"]');
      expect(await axeViolations(dash)).toEqual([]);
      await dash.close();
    });
  }

  it('erases everything after the confirmation says what goes, and records again afterwards', async () => {
    const dash = await h().extensionPage('options.html#erase');
    await dash.waitFor(rows);
    await dash.click('[data-testid="erase"]');
    await dash.waitFor('[data-testid="erase-dialog"]');
    expect(await textOf(dash, '[data-testid="erase-dialog"]')).toMatch(/4 entries \(4 entered by you\) across 1 account(?!s).*cannot be undone/s);
    // The modal dialog passes axe too.
    expect(await axeViolations(dash)).toEqual([]);
    await dash.click('[data-testid="erase-dialog"] [data-testid="confirm"]');
    await dash.waitFor('[data-testid="timeline-empty"]');
    expect(await h().ledger()).toEqual([]);

    const popup = await h().extensionPage('popup.html');
    await popup.waitFor('[data-testid="empty-state"]');
    await quickAdd(popup, 'cameo-deleted', () => popup.fill(`${form} [data-field="handle"]`, ME.handle));
    expect((await h().ledger()).map((e) => e.kind)).toEqual(['cameo-deleted']);
    // Back to the dashboard's tab: behind the popup's, it held what came (Firefox says it is hidden).
    await dash.bringToFront();
    await eventually(async () => expect(await dash.count(rows)).toBe(1));
    await popup.close();
    await dash.close();
  });
  it('works by keyboard alone: quick add in the popup, moving through the timeline and opening an entry', async () => {
    const popup = await h().extensionPage('popup.html');
    await popup.waitFor('[data-testid="latest-events"]');
    const focused = () => popup.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? document.activeElement?.tagName);
    const tabTo = async (page: Page, target: () => Promise<string | undefined>, want: string) => {
      for (let i = 0; i < 40 && (await target()) !== want; i++) await page.press('Tab');
      expect(await target()).toBe(want);
    };
    await tabTo(popup, focused, 'quick-account-deletion-requested');
    await popup.press('Enter');
    await popup.waitFor(form);
    // Focus moved into the form.
    expect(await popup.evaluate(() => !!document.activeElement?.closest('[data-testid="quick-add-form"]'))).toBe(true);
    await tabTo(popup, focused, 'quick-add-save');
    await popup.press('Enter');
    await eventually(async () => expect(await textOf(popup, '[data-testid="quick-status"]')).toMatch(/^Recorded: Account deletion requested/));
    await eventually(async () => expect((await h().ledger()).map((e) => e.kind).sort()).toEqual(['account-deletion-requested', 'cameo-deleted']));
    await popup.close();

    const dash = await h().extensionPage('options.html#timeline');
    await eventually(async () => expect(await dash.count(rows)).toBe(2));
    const row = () => dash.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.kind);
    await tabTo(dash, () => dash.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid), 'timeline-row');
    const first = await row();
    await dash.press('ArrowDown');
    const second = await row();
    expect(second).not.toBe(first);
    await dash.press('Enter');
    await dash.waitFor('[data-testid="entry-details"]');
    expect(await dash.evaluate(() => document.querySelector('[aria-current="true"][data-testid="timeline-row"]')?.getAttribute('data-kind'))).toBe(second);
    await dash.close();
  });
}, { soraGranted: true });

// The README's screenshots come from Chromium, which can emulate both colour schemes.
describe('screenshots [chromium]', () => {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await launch('chromium', inject('fixturePort'), { soraGranted: true });
    await waitForSoraScript(harness);
  });
  afterAll(async () => {
    await harness?.close();
  });
  const h = () => harness!;

  it('of the popup and the dashboard, light and dark, for the README', async () => {
    const dash = await h().extensionPage('options.html#timeline');
    await dash.waitFor('[data-testid="timeline-empty"]');
    await seedSampleLedger(h());
    const site = fixtureUrl('sora.chatgpt.com', '/profile/alice');
    const tab = await h().newPage(site);
    const tabId = await h().tabIdOf(site);
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await h().extensionPage(`popup.html?tab=${tabId}`);
      await popup.setColorScheme(scheme);
      await popup.waitFor('[data-testid="account"]');
      await eventually(async () => expect(await textOf(popup, '[data-testid="tab-status"]')).toMatch(/Watching: Sora/));
      await shoot(popup, `popup-${scheme}.png`, '.popup');
      await popup.close();

      await dash.setColorScheme(scheme);
      await dash.click(`${rows}[data-kind="cameo-deleted"]`);
      await dash.waitFor('[data-testid="details-window"]');
      await eventually(async () => expect(await textOf(dash, '[data-testid="timeline-count"]')).toMatch(/^Showing \d+ of \d+ entries$/));
      await dash.evaluate(() => scrollTo(0, 0));
      await shoot(dash, `dashboard-${scheme}.png`, '#timeline', { fromTop: true });
      if (scheme === 'light') await shoot(dash, 'dashboard-access-deadlines.png', '#access, #deadlines');
    }
    await dash.close();
    await tab.close();
  });
});
