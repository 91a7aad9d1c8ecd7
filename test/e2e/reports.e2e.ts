// Reports in real browsers, through the dashboard's "Import and export" section: a round trip
// (export, erase everything, import) gives an identical ledger; a bad file is refused with where
// and what, and nothing is written; the printable report shows every entry, deadlines and sources.
import { expect, it } from 'vitest';
import type { LedgerEvent } from '@/lib/ledger/events';
import { buildReport } from '@/lib/report/build';
import { reportText } from '@/lib/report/export';
import { sampleLedger } from '../unit/helpers/report-fixtures';
import type { Page } from './harness/browser';
import { eventually } from './harness/eventually';
import { inEachBrowser } from './harness/suite';

/** Past the import's chunk size (2000), so checking and writing run in several steps. */
const SIZE = 3000;
const section = '#import-export';

async function seedText(): Promise<string> {
  const report = await buildReport(sampleLedger(SIZE, 42), {
    scope: { kind: 'all' },
    redact: false,
    extensionVersion: 'e2e',
    now: Date.now(),
    timeZone: 'Europe/Berlin',
  });
  return reportText(report);
}

/** Chooses a file in the section's file input, as the file picker would. */
const upload = (page: Page, text: string) =>
  page.evaluate(
    ([content, selector]) => {
      const input = document.querySelector<HTMLInputElement>(selector)!;
      const files = new DataTransfer();
      files.items.add(new File([content], 'report.json', { type: 'application/json' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [text, `${section} [data-testid="import-file"]`] as const,
  );

const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);

/** The import first says what it would do; nothing is written until its button. */
async function confirmPreview(page: Page) {
  await page.waitFor('[data-testid="import-preview"]', 60_000);
  await page.click('[data-testid="import-confirm"]');
}

/** What the events say, without the mark of the file each was imported from. */
const withoutMarks = (events: LedgerEvent[]) => events.map((e) => ({ ...e, imported: undefined }) as LedgerEvent);

/** The ledger as a comparable text: sorted by id, absent fields left out. */
const content = (events: LedgerEvent[]) => JSON.stringify([...events].sort((a, b) => (a.id < b.id ? -1 : 1)));

inEachBrowser('reports', (h) => {
  it('export, erase everything, import: the ledger is identical', async () => {
    let dash = await h().extensionPage(`options.html${section}`);
    await dash.waitFor(`${section} [data-testid="import-file"]`);
    await upload(dash, await seedText());
    await confirmPreview(dash);
    await eventually(async () => expect(await textOf(dash, '[data-testid="import-done"]')).toBe(`Imported new entries: ${SIZE.toLocaleString('en')}. Already in your ledger: 0.`), 60_000);
    const before = await h().ledger();
    expect(before).toHaveLength(SIZE);

    await dash.click(`${section} [data-testid="export"]`);
    await dash.waitFor(`${section} [data-testid="download"]`, 60_000);
    // The file the browser downloads, read back from its blob: URL (no network involved).
    const exported = await dash.evaluate(async (s) => (await fetch(document.querySelector<HTMLAnchorElement>(s)!.href)).text(), `${section} [data-testid="download"]`);
    const report = JSON.parse(exported);
    expect(report).toMatchObject({ format: 'likeness-ledger-report', version: 2, redacted: false });
    expect(report.chain.links).toHaveLength(SIZE);
    expect(report.events).toHaveLength(SIZE);

    await dash.click('[data-testid="erase"]');
    await dash.click('[data-testid="erase-dialog"] [data-testid="confirm"]');
    // The dashboard says the ledger is empty once erasing is done (reading the store earlier
    // would race the erase: the harness's reader can open the database while it is being deleted).
    await eventually(async () => expect(await dash.evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="erase"]')?.disabled)).toBe(true), 30_000);
    expect(await h().ledger()).toHaveLength(0);
    await dash.close();

    // A fresh dashboard, as after moving to another browser.
    dash = await h().extensionPage(`options.html${section}`);
    await dash.waitFor(`${section} [data-testid="import-file"]`);
    await upload(dash, exported);
    await confirmPreview(dash);
    await eventually(async () => expect(await textOf(dash, '[data-testid="import-done"]')).toMatch(new RegExp(`^Imported new entries: ${SIZE.toLocaleString('en')}\\.`)), 60_000);
    expect(content(withoutMarks(await h().ledger()))).toBe(content(withoutMarks(before)));

    // Importing it again adds nothing.
    await upload(dash, exported);
    await confirmPreview(dash);
    await eventually(async () => expect(await textOf(dash, '[data-testid="import-done"]')).toBe(`Imported new entries: 0. Already in your ledger: ${SIZE.toLocaleString('en')}.`), 60_000);
    expect(content(withoutMarks(await h().ledger()))).toBe(content(withoutMarks(before)));
    await dash.close();
  });

  it('refuses a bad file, saying where and what, and writes nothing', async () => {
    const before = content(await h().ledger());
    const doc = JSON.parse(await seedText());
    doc.events[7].occurredAt = 'last Tuesday';
    const dash = await h().extensionPage(`options.html${section}`);
    await dash.waitFor(`${section} [data-testid="import-file"]`);
    await upload(dash, JSON.stringify(doc));
    await dash.waitFor('[data-testid="import-problem"]', 30_000);
    expect(await textOf(dash, '[data-testid="import-issues"]')).toBe(
      'events[7].occurredAt: expected a date and time with offset, like 2025-10-03T14:02:00.000+02:00, found the text "last Tuesday"',
    );
    expect(content(await h().ledger())).toBe(before);
    await dash.close();
  });

  it('the printable report shows every entry in order, the deadlines and their sources', async () => {
    const events = await h().ledger();
    const page = await h().extensionPage('report.html?scope=all');
    await page.waitFor('[data-testid="print"]', 60_000);
    expect(await page.count('[data-testid="chronology"] tbody tr')).toBe(events.length);
    expect(await textOf(page, '[data-testid="deadline-summary"]')).toMatch(/^\d+ deadlines; \d+ of them missed or met late/);
    expect(await page.count('a[href="https://eur-lex.europa.eu/eli/reg/2016/679/oj"]')).toBeGreaterThan(0);
    const first = await page.evaluate(() => document.querySelector('[data-testid="chronology"] tbody tr time')?.getAttribute('datetime'));
    const earliest = Math.min(...events.map((e) => e.occurredAt));
    expect(Date.parse(first!)).toBe(earliest);
    await page.close();
  });

  it('the redacted printable report names no one else', async () => {
    const people = new Set(
      (await h().ledger()).flatMap((e) => (e.kind === 'access-granted' || e.kind === 'access-revoked' ? [e.details.person] : e.kind === 'appearance-seen' ? [e.details.by] : [])),
    );
    expect(people.size).toBeGreaterThan(0);
    const page = await h().extensionPage('report.html?scope=all&redact=1');
    await page.waitFor('[data-testid="print"]', 60_000);
    const text = await textOf(page, 'body');
    expect(text).toContain('person-1');
    for (const person of people) expect(text).not.toMatch(new RegExp(`${person}(?![0-9])`));
    await page.close();
  });
});
