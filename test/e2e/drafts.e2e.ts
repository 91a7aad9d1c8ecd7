// The next step, in the built extension, in Chromium and Firefox: a cameo deleted 40 days ago and
// never verified; the reminder's "Draft a follow-up" link opens the dashboard at its draft (a
// request under the law chosen in the settings); Copy puts the letter on the clipboard (Chromium,
// whose test profile may read it back), Save downloads it as a text file, "I sent it" records the
// letter and its legal deadline runs; the deadlines download as a calendar file that ical.js reads;
// a privacy request left unanswered leads to the follow-up, and that to the complaint.
// Screenshots of the draft go to test-results/screenshots (ignored), to be looked at; axe checks it in both themes.
import ICAL from 'ical.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { entryPath } from '@/lib/reminders/notification';
import { axeViolations } from './harness/axe';
import type { Page } from './harness/browser';
import { eventually } from './harness/eventually';
import { inEachBrowser } from './harness/suite';
import { SCREENSHOTS } from './harness/paths';

const DAY = 86_400_000;
const SHOTS = SCREENSHOTS;
const ME = { service: 'sora', handle: 'maya' } as const;

/** Sent from an extension page: the background accepts `record` only from there. */
const recordEntry = (event: Record<string, unknown>) => ext.runtime.sendMessage({ type: 'record', event }) as Promise<{ ok: boolean; id?: string }>;
const setSettings = (settings: Record<string, unknown>) => ext.storage.local.set({ settings });

const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);
const valueOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector<HTMLTextAreaElement>(s)?.value ?? '', selector);
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** The letter as Copy and Save give it: who it is for, the subject, the body (lib/letters/drafts.ts letterText). */
async function shownLetter(page: Page) {
  const [to, subject, body] = await Promise.all([textOf(page, '[data-testid="draft-to"]'), textOf(page, '[data-testid="draft-subject"]'), valueOf(page, '[data-testid="draft-body"]')]);
  return { to, subject, body, text: `${to}\n${subject}\n\n${body}` };
}

function vevents(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
}

inEachBrowser('drafts', (h) => {
  let cameo = '';
  let page: Page;
  let letter: Awaited<ReturnType<typeof shownLetter>>;

  it('the reminder’s "Draft a follow-up" link opens the request to erase and confirm, under the law chosen, with focus on it', async () => {
    await h().inExtension(setSettings, { remindersOn: false, leadDays: 3, jurisdiction: 'gdpr', timeZone: 'Europe/Berlin' });
    const reply = await h().inExtension(recordEntry, { kind: 'cameo-deleted', occurredAt: Date.now() - 40 * DAY, account: ME, evidence: {}, details: {} });
    expect(reply.ok).toBe(true);
    cameo = reply.id!;

    page = await h().extensionPage(entryPath(cameo, true));
    await page.waitFor('[data-testid="draft-panel"] [data-testid="draft-body"]', 30_000);
    await eventually(async () => expect(await focused(page)).toBe(`draft-title-${cameo}`));
    letter = await shownLetter(page);
    expect(letter.to).toBe("OpenAI's privacy team <dsar@openai.com>");
    expect(letter.subject).toBe('Request to confirm erasure and access (Art. 15 and 17 GDPR) – my cameo – Sora account “\u2068maya\u2069”');
    expect(letter.body).toMatch(/^Dear OpenAI privacy team,\n\nOn \d+ \w+ \d{4} I deleted my cameo from my Sora account “\u2068maya\u2069”\./);
    expect(letter.body).toContain('face and voice data');
    expect(letter.body).toContain('Under Article 17 GDPR (right to erasure)');

    // The email link carries the same subject and (whole, or cut at a line and saying so) body.
    const href = await page.evaluate(() => document.querySelector<HTMLAnchorElement>('[data-testid="draft-mailto"]')!.href);
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('dsar@openai.com');
    expect(url.searchParams.get('subject')).toBe(letter.subject);
    const mailBody = url.searchParams.get('body')!.replace(/\r\n/g, '\n');
    const cut = (await page.count('[data-testid="draft-email-cut"]')) > 0;
    if (cut) expect(letter.body.startsWith(mailBody.slice(0, mailBody.lastIndexOf('\n')))).toBe(true);
    else expect(mailBody).toBe(letter.body);
    expect(href.length).toBeLessThanOrEqual(2000);

    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot(join(SHOTS, `draft-${h().name}-light.png`), { selector: '[data-testid="entry-details"]' });
    expect(await axeViolations(page)).toEqual([]);
    // Only Chromium emulates a colour scheme (puppeteer's Firefox over BiDi cannot).
    if (h().name === 'chromium') {
      await page.setColorScheme('dark');
      await page.screenshot(join(SHOTS, `draft-${h().name}-dark.png`), { selector: '[data-testid="entry-details"]' });
      expect(await axeViolations(page)).toEqual([]);
      await page.setColorScheme('light');
    }
  });

  it('Copy puts the letter on the clipboard (Chromium), Save downloads it as a text file (both)', async () => {
    if (h().name === 'chromium') {
      await page.click('[data-testid="draft-copy"]');
      await eventually(async () => expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(letter.text));
    }
    await page.click('[data-testid="draft-save"]');
    const file = await eventually(async () => {
      const saved = (await h().downloads()).filter((d) => d.name.endsWith('.txt'));
      expect(saved).toHaveLength(1);
      return saved[0]!;
    }, 30_000);
    expect(file.name).toMatch(/^likeness-ledger-erasure-request-\d{4}-\d{2}-\d{2}\.txt$/);
    expect(file.text).toBe(letter.text);
  });

  it('the deadlines table leads to the same draft, and the popup’s overdue line offers it', async () => {
    await page.click('nav a[href="#deadlines"]');
    await page.click(`[data-testid="deadlines"] tr[data-window="${cameo}"] [data-testid="deadline-draft"]`);
    await eventually(async () => expect(await focused(page)).toBe(`draft-title-${cameo}`));
    expect(await valueOf(page, '[data-testid="draft-body"]')).toBe(letter.body);

    const popup = await h().extensionPage('popup.html');
    await popup.waitFor('[data-testid="late-windows"] [data-testid="draft-follow-up"]', 30_000);
    expect(await textOf(popup, '[data-testid="late-windows"] [data-testid="draft-follow-up"]')).toBe('Draft a follow-up');
    await popup.close();
  });

  let request = '';
  it('"I sent it" records the letter, and its legal deadline runs', async () => {
    await page.click('[data-testid="draft-sent"]');
    const sent = await eventually(async () => {
      const found = (await h().ledger()).filter((e) => e.kind === 'follow-up-sent');
      expect(found).toHaveLength(1);
      return found[0]!;
    });
    expect(sent).toMatchObject({ kind: 'follow-up-sent', account: ME, source: 'manual', details: { window: cameo, law: 'gdpr', to: 'openai-privacy' } });
    request = sent.id;
    await eventually(async () => expect(await textOf(page, '[data-testid="announcer"]')).toMatch(/^Recorded as sent\. The answer is due by /));
    await page.waitFor('[data-testid="draft-waiting"]', 30_000);
    expect(await textOf(page, '[data-testid="draft-waiting"]')).toMatch(/^Sent on .+\. OpenAI's answer is due by /);
    const row = `[data-testid="deadlines"] tr[data-window="${request}"]`;
    await page.waitFor(row, 30_000);
    expect(await page.evaluate((s) => document.querySelector(s)?.getAttribute('data-status'), row)).toBe('open');
    expect(await textOf(page, `${row} th`)).toMatch(/^Answer due \(GDPR.*\)1 month$/);
    expect(await textOf(page, `${row} td.progress`)).toMatch(/^Running\d+ days left/);
  });

  it('"Add to calendar (.ics)" downloads every open window and deadline, with stable UIDs and alarms, read back by ical.js', async () => {
    await page.click('[data-testid="calendar-all"]');
    const all = await eventually(async () => {
      const file = (await h().downloads()).find((d) => d.name === 'likeness-ledger-deadlines.ics');
      expect(file).toBeDefined();
      return file!;
    }, 30_000);
    const events = vevents(all.text);
    expect(events.map((v) => v.getFirstPropertyValue('uid')).sort()).toEqual([`${cameo}@likeness-ledger`, `${request}@likeness-ledger`].sort());
    for (const v of events) {
      expect((v.getFirstPropertyValue('dtstart') as ICAL.Time).isDate).toBe(true);
      expect(String(v.getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger'))).toBe('-P1DT15H');
    }

    // One deadline's own file: the same event, the same UID, so importing both updates one event.
    await page.click(`[data-testid="deadlines"] tr[data-window="${request}"] [data-testid="deadline-calendar"]`);
    const one = await eventually(async () => {
      const file = (await h().downloads()).find((d) => d.name === `likeness-ledger-deadlines-${request}.ics`);
      expect(file).toBeDefined();
      return file!;
    }, 30_000);
    const [single] = vevents(one.text);
    const same = events.find((v) => v.getFirstPropertyValue('uid') === `${request}@likeness-ledger`)!;
    expect(vevents(one.text)).toHaveLength(1);
    for (const property of ['uid', 'dtstart', 'summary', 'description']) expect(String(single!.getFirstPropertyValue(property))).toBe(String(same.getFirstPropertyValue(property)));
    await page.close();
  });

  it('a privacy request left unanswered: first the follow-up under its own law, then the complaint to the authority', async () => {
    const asked = await h().inExtension(recordEntry, {
      kind: 'privacy-request-sent',
      occurredAt: Date.now() - 80 * DAY,
      account: ME,
      evidence: {},
      details: { law: 'ccpa', channel: 'privacy-portal', request: 'erasure', reference: 'DSR-77' },
    });
    expect(asked.ok).toBe(true);
    let dash = await h().extensionPage(entryPath(asked.id!, true));
    await dash.waitFor('[data-testid="draft-body"]', 30_000);
    expect(await textOf(dash, `#draft-title-${asked.id}`)).toBe('Next step: Follow-up: the deadline passed unanswered');
    expect(await valueOf(dash, '[data-testid="draft-body"]')).toContain('through its Privacy Portal (https://privacy.openai.com/) (reference “\u2068DSR-77\u2069”)');
    await dash.close();

    // The follow-up went out 50 days ago: its own 45 days under the CCPA have run out too.
    const followedUp = await h().inExtension(recordEntry, {
      kind: 'follow-up-sent',
      occurredAt: Date.now() - 50 * DAY,
      account: ME,
      evidence: {},
      details: { window: asked.id, law: 'ccpa', to: 'openai-privacy' },
    });
    expect(followedUp.ok).toBe(true);
    dash = await h().extensionPage(entryPath(asked.id!, true));
    await dash.waitFor('[data-testid="draft-body"]', 30_000);
    expect(await textOf(dash, `#draft-title-${asked.id}`)).toBe('Next step: Complaint to the authority');
    expect(await textOf(dash, '[data-testid="draft-to"]')).toBe('the California Privacy Protection Agency');
    expect(await valueOf(dash, '[data-testid="draft-body"]')).toMatch(/^To the California Privacy Protection Agency,\n/);
    const href = await dash.evaluate(() => document.querySelector<HTMLAnchorElement>('[data-testid="draft-mailto"]')!.href);
    expect(href).toMatch(/^mailto:\?subject=Complaint%3A%20OpenAI%20has%20not%20answered/);
    await dash.click('[data-testid="draft-sent"]');
    await dash.waitFor('[data-testid="draft-none"][data-reason="complained"]', 30_000);
    const complaint = (await h().ledger()).find((e) => e.kind === 'follow-up-sent' && e.details.to === 'authority');
    expect(complaint?.kind === 'follow-up-sent' && complaint.details).toEqual({ window: asked.id, law: 'ccpa', to: 'authority' });
    await dash.close();
  });
});
