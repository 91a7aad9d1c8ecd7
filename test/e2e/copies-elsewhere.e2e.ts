/**
 * Copies elsewhere, in the built extension, in Chromium and Firefox: a copy of the user's likeness
 * logged from the context menu, its takedown requested along the TAKE IT DOWN route (48 hours, so
 * due soon at once: the reminder fires), the notice copied, the calendar file holding its deadline,
 * "I checked: it is gone" closing it, and the evidence report (plain and pseudonymised) showing it.
 *
 * The context menu: in Chromium the test calls the menu's click listener in the service worker as
 * the browser does (`chrome.contextMenus.onClicked.dispatch` with the OnClickData a right-click on
 * the page gives) and finds the dashboard tab it opened. Firefox's background is an event page that
 * WebDriver BiDi cannot reach, so there the test opens the path the same handler computes for that
 * click (`copyMenuPath`, lib/background/copy-menu.ts); the listener's wiring is the unit tests'.
 * The popup's link to the form is followed in both. The reminder is read from the background's
 * reminder log in both, and as a shown notification in Chromium (Firefox's headless build lists none).
 */
import ICAL from 'ical.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { COPY_MENU_ID, copyMenuPath } from '@/lib/background/copy-menu';
import { axeViolations } from './harness/axe';
import type { Page } from './harness/browser';
import { eventually } from './harness/eventually';
import { SCREENSHOTS } from './harness/paths';
import { inEachBrowser } from './harness/suite';

const SEEN_AT = 'https://www.tiktok.com/@copycat/video/7?is_from_webapp=1#comments';
const KEPT = 'https://www.tiktok.com/@copycat/video/7';
const CLICK = { menuItemId: COPY_MENU_ID, pageUrl: SEEN_AT, editable: false };

const setSettings = (settings: Record<string, unknown>) => ext.storage.local.set({ settings });
const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);
const valueOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector<HTMLInputElement | HTMLTextAreaElement>(s)?.value ?? '', selector);
/** Chooses an option as the user does: the value, then the change event Preact listens for. */
const choose = (page: Page, selector: string, value: string) =>
  page.evaluate(
    ([s, v]) => {
      const select = document.querySelector<HTMLSelectElement>(s)!;
      select.value = v;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [selector, value] as const,
  );
/** The notifications shown, by id (Chromium). */
const shownNotifications = () =>
  new Promise<string[]>((resolve) =>
    (globalThis as unknown as { chrome: { notifications: { getAll(cb: (all: object) => void): void } } }).chrome.notifications.getAll((all) => resolve(Object.keys(all))),
  );
const reminderLog = () => ext.storage.local.get('reminder-log').then((r) => ((r['reminder-log'] as { notified?: object } | undefined)?.notified ?? {}));
const openTabs = () => ext.tabs.query({}).then((tabs) => tabs.map((t) => t.url ?? ''));

inEachBrowser('copies elsewhere', (h) => {
  let page: Page;
  let requestId = '';

  it('the context menu opens the dashboard’s add form with the address, trimmed of its fragment and tracking; saving logs the copy', async () => {
    await h().inExtension(setSettings, { remindersOn: true, leadDays: 3, jurisdiction: 'gdpr', timeZone: 'Europe/Berlin' });
    const path = copyMenuPath(CLICK);
    expect(path).toBe(`/options.html#copies&add=${encodeURIComponent(KEPT)}`);
    if (h().inBackground) {
      await h().inBackground!(
        (click) => (globalThis as unknown as { chrome: { contextMenus: { onClicked: { dispatch(info: object, tab: object): void } } } }).chrome.contextMenus.onClicked.dispatch(click, { id: -1, url: click.pageUrl }),
        CLICK,
      );
      await eventually(async () => expect(await h().inExtension(openTabs)).toContain(`${h().origin}${path}`));
    }
    page = await h().extensionPage(path.slice(1));
    await page.waitFor('[data-testid="copy-add-form"]', 60_000);
    expect(await valueOf(page, '[data-testid="copy-address"]')).toBe(KEPT);
    await page.click('[data-testid="copy-save"]');
    await page.waitFor('[data-testid="copy"]', 30_000);
    const logged = (await h().ledger()).filter((e) => e.kind === 'sighting-logged');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ source: 'manual', details: { address: KEPT, platform: 'tiktok' } });
    expect(await textOf(page, '[data-testid="copy-state"]')).toBe('No takedown requested');
  });

  it('a link that brings a script is refused with the reason, and the form stays empty', async () => {
    const hostile = await h().extensionPage(`options.html#copies&add=${encodeURIComponent('javascript:alert(document.domain)')}`);
    await hostile.waitFor('[data-testid="copy-link-refused"]', 60_000);
    expect(await textOf(hostile, '[data-testid="copy-link-refused"]')).toMatch(/^Only web pages \(http or https addresses\)/);
    expect(await valueOf(hostile, '[data-testid="copy-address"]')).toBe('');
    await hostile.close();
  });

  it('requesting the takedown under TAKE IT DOWN starts its 48-hour clock; the reminder fires at once (due soon)', async () => {
    await page.click('[data-testid="copy-request-takedown"]');
    await page.waitFor('[data-testid="takedown-route"]');
    await choose(page, '[data-testid="takedown-route"]', 'take-it-down-act');
    await eventually(async () => expect(await page.evaluate(() => document.querySelector('[data-testid="takedown-notice"]')?.getAttribute('data-route'))).toBe('take-it-down-act'));
    expect(await textOf(page, '[data-testid="route-clock"]')).toBe('2 days, set by law');
    await page.click('[data-testid="takedown-request"]');
    await eventually(async () => expect(await textOf(page, '[data-testid="copy-state"]')).toBe('Takedown due soon'));
    const request = (await h().ledger()).find((e) => e.kind === 'takedown-requested');
    expect(request).toMatchObject({ details: { route: 'take-it-down-act' } });
    requestId = request!.id;
    // The background logs every reminder it shows (lib/reminders/log.ts), in both browsers.
    await eventually(async () => expect(Object.keys(await h().inExtension(reminderLog))).toEqual([expect.stringMatching(new RegExp(`^${requestId}\\|due-soon\\|`))]));
    // Chromium lists the notification itself; Firefox's headless build shows none to list.
    if (h().name === 'chromium') await eventually(async () => expect(await h().inExtension(shownNotifications)).toEqual([`reminder:takedown:due-soon:${requestId}`]));
  });

  it('the notice names the copy and what the law asks for, and Copy puts it on the clipboard', async () => {
    const letter = await valueOf(page, '[data-testid="takedown-letter"]');
    expect(letter).toMatch(/^Removal request under the US TAKE IT DOWN Act\n\nHello,/);
    expect(letter).toContain(`\u2068${KEPT}\u2069`);
    expect(letter).toContain('no later than 48 hours');
    await page.click('[data-testid="takedown-copy"]');
    await eventually(async () => expect(await textOf(page, '[data-testid="announcer"]')).toBe('The letter is on the clipboard.'));
    // Chromium's test profile may read the clipboard back; Firefox's pages may not.
    if (h().name === 'chromium') expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(letter);
  });

  it('the section passes axe, light and dark (Chromium emulates the dark scheme; Firefox over BiDi cannot)', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot(join(SCREENSHOTS, `copies-${h().name}-light.png`), { selector: '#copies' });
    expect(await axeViolations(page)).toEqual([]);
    if (h().name === 'chromium') {
      await page.setColorScheme('dark');
      await page.screenshot(join(SCREENSHOTS, `copies-${h().name}-dark.png`), { selector: '#copies' });
      expect(await axeViolations(page)).toEqual([]);
      await page.setColorScheme('light');
    }
  });

  it('the calendar file holds the takedown’s deadline', async () => {
    await page.click('[data-testid="calendar-all"]');
    const file = await eventually(async () => {
      const found = (await h().downloads()).find((d) => d.name === 'likeness-ledger-deadlines.ics');
      expect(found).toBeDefined();
      return found!;
    });
    const summaries = new ICAL.Component(ICAL.parse(file.text)).getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('summary')));
    expect(summaries.some((s) => s.startsWith('Check the copy of your likeness is gone'))).toBe(true);
  });

  it('"I checked: it is gone" closes it, and the reminder goes', async () => {
    await page.click('[data-testid="copy-gone"]');
    await eventually(async () => expect(await textOf(page, '[data-testid="copy-state"]')).toBe('Removed, and you checked'));
    expect((await h().ledger()).find((e) => e.kind === 'takedown-outcome')).toMatchObject({ details: { request: requestId, outcome: 'gone-verified' } });
    if (h().name === 'chromium') await eventually(async () => expect(await h().inExtension(shownNotifications)).toEqual([]));
  });

  it('the evidence report shows the copy and its takedown; the pseudonymised one replaces the uploader’s handle', async () => {
    const report = await h().extensionPage('report.html?scope=all');
    await report.waitFor('[data-testid="report-copies"]', 60_000);
    const text = await textOf(report, '[data-testid="report-copies"]');
    expect(text).toContain(KEPT);
    expect(text).toContain('US TAKE IT DOWN Act notice');
    expect(text).toContain('Verified');
    await report.close();
    const redacted = await h().extensionPage('report.html?scope=all&redact=1');
    await redacted.waitFor('[data-testid="report-copies"]', 60_000);
    const shared = await textOf(redacted, '[data-testid="report-copies"]');
    expect(shared).toContain('https://www.tiktok.com/@person-1/video/7');
    expect(await textOf(redacted, 'body')).not.toContain('copycat');
    await redacted.close();
    await page.close();
  });

  it('the popup links to the same form (last: the tab it opens comes to the front)', async () => {
    const popup = await h().extensionPage('popup.html');
    await popup.waitFor('[data-testid="popup-log-copy"]', 30_000);
    await popup.click('[data-testid="popup-log-copy"]');
    await eventually(async () => expect(await h().inExtension(openTabs)).toContain(`${h().origin}/options.html#copies&add=`));
  });
});
