// After Sora, in real browsers. The real date is after the closure (26 April 2026), so no clock is
// set: a person who never had the extension records, through the guided flow, a cameo made in
// "October 2025"; the entries are the ones it listed, the month shows as a month, and the popup's
// Sora card then says that Sora closed and that the cameo's deletion is closed, not verified.
// Screenshots of the flow and the card go to test-results/screenshots (ignored), to be looked at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from './harness/browser';
import { eventually } from './harness/eventually';
import { inEachBrowser } from './harness/suite';
import { SCREENSHOTS } from './harness/paths';

const OUT = SCREENSHOTS;
const HANDLE = 'maya.cameo';
const flow = '[data-testid="history"]';

const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);
const stepOf = (page: Page) => page.evaluate((s) => document.querySelector<HTMLElement>(s)?.dataset.step ?? '', flow);

async function answer(page: Page, step: string, button: 'next' | 'skip', fill: () => Promise<void> = async () => {}) {
  await eventually(async () => expect(await stepOf(page)).toBe(step));
  // Each question takes the focus, so a keyboard or screen reader user starts on it.
  await eventually(async () => expect(await page.evaluate(() => document.activeElement?.id)).toBe('history-question'));
  await fill();
  await page.click(`[data-testid="history-${button}"]`);
}

inEachBrowser('after Sora', (h) => {
  it('the popup, empty, offers the guided history; the dashboard says Sora closed', async () => {
    const popup = await h().extensionPage('popup.html');
    await popup.waitFor('[data-testid="empty-state"]');
    expect(await textOf(popup, '[data-testid="record-sora-history"]')).toMatch(/Record your Sora history/);
    await popup.close();

    const dash = await h().extensionPage('options.html#after-sora');
    await dash.waitFor('#after-sora [data-testid="sora-closure"]');
    const closure = await textOf(dash, '#after-sora [data-testid="sora-closure"]');
    expect(closure).toMatch(/Sora has closed/);
    expect(closure).toMatch(/has not said what became of cameo recordings/);
    expect(closure).toMatch(/as of 2026-12-01/);
    await dash.close();
  });

  it('the guided flow writes the entries it lists, a cameo made "October 2025" shown as a month', async () => {
    const dash = await h().extensionPage('options.html#after-sora');
    await dash.click('[data-testid="history-start"]');
    await answer(dash, 'account', 'next', () => dash.fill('#history-handle', HANDLE));
    // October 2025 is offered first (Sora 2's launch); the month and year are chosen, not typed.
    await eventually(async () => expect(await stepOf(dash)).toBe('cameo'));
    expect(await dash.evaluate(() => [(document.querySelector('#history-cameoMonth') as HTMLSelectElement).value, (document.querySelector('#history-cameoMonth-year') as HTMLSelectElement).value])).toEqual(['10', '2025']);
    if (h().name === 'chromium') {
      mkdirSync(OUT, { recursive: true });
      await dash.screenshot(join(OUT, 'after-sora-flow.png'));
    }
    await answer(dash, 'cameo', 'next');
    await answer(dash, 'audience', 'next', () => dash.click('input[data-choice="people-i-approve"]'));
    await answer(dash, 'approved', 'next', () => dash.fill('#history-approved', '@lena'));
    await answer(dash, 'revoked', 'skip');
    await answer(dash, 'deleted', 'next');
    await answer(dash, 'request', 'skip');

    await eventually(async () => expect(await stepOf(dash)).toBe('review'));
    const listed = await dash.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-testid="history-entries"] li')].map((li) => [li.dataset.kind, li.textContent]));
    expect(listed.map(([kind]) => kind)).toEqual(['cameo-created', 'audience-changed', 'access-granted']);
    expect(listed[0]![1]).toMatch(/October 2025/);
    if (h().name === 'chromium') await dash.screenshot(join(OUT, 'after-sora-review.png'));
    await dash.click('[data-testid="history-save"]');
    await eventually(async () => expect(await textOf(dash, '[data-testid="history-done"] h3')).toBe('3 entries recorded.'));

    const written = (await h().ledger()).filter((e) => e.account.handle === HANDLE);
    expect(written.map((e) => e.kind).sort()).toEqual(['access-granted', 'audience-changed', 'cameo-created']);
    for (const e of written) {
      expect(e).toMatchObject({ source: 'manual', certainty: 'stated-by-user', occurredPrecision: 'month', account: { service: 'sora', handle: HANDLE } });
      expect(e.occurredAt).toBe(Date.UTC(2025, 9, 1, 12));
    }
    expect(written.find((e) => e.kind === 'access-granted')!.details).toEqual({ person: '@lena' });

    await eventually(async () => expect(await textOf(dash, '[data-testid="timeline-row"][data-kind="cameo-created"] .row-when')).toBe('October 2025'));
    await dash.close();
  });

  it('the popup’s Sora card says Sora closed, and the cameo’s deletion is closed, not verified, with the next step', async () => {
    const popup = await h().extensionPage('popup.html');
    await popup.waitFor('[data-testid="account"]');
    const card = await textOf(popup, '[data-testid="account"]');
    expect(card).toMatch(new RegExp(`Sora · ${HANDLE.replace('.', '\\.')}`));
    expect(card).toMatch(/Sora has closed\./);
    expect(card).toMatch(/OpenAI closed the Sora apps on .*2026 and switched the Sora API off on .*2026/);
    const late = await textOf(popup, '[data-testid="late-windows"]');
    expect(late).toMatch(/Sora closed: cameo not verified deleted/);
    // Due 26 May 2026, grace 7 days: overdue since early June.
    expect(late).toMatch(/Overdue/);
    expect(late).toMatch(/Closed, not verified\./);
    expect(late).toMatch(/our inference/);
    expect(await textOf(popup, '[data-testid="late-windows"] [data-testid="draft-follow-up"]')).toMatch(/Next step: ask OpenAI to confirm it is deleted/);
    // The badge counts it too: the popup and the background count with the same options.
    await eventually(async () => expect(await h().inExtension(() => ext.action.getBadgeText({}))).toBe('1'));
    if (h().name === 'chromium') {
      mkdirSync(OUT, { recursive: true });
      await popup.evaluate(() => document.querySelector('[data-testid="account"] details')?.setAttribute('open', ''));
      await popup.screenshot(join(OUT, 'after-sora-popup-card.png'), { selector: '[data-testid="account"]' });
    }
    await popup.close();
  });
});
