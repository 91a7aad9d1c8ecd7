// A hostile report through the dashboard, as a user would import it, in Chromium and Firefox: the
// user's own entries first; then a file (chosen with the file chooser) whose events remove a
// cameo deletion and replace a grant. The preview lists both by name and date; the default import
// keeps them; only the ticked box applies them. The ledger's fingerprint is shown, checked on
// opening, and a change made behind the extension's back is shown as a break.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { LedgerEvent, NewEvent } from '@/lib/ledger/events';
import { chainLinks, recordingOrder } from '@/lib/ledger/fingerprint';
import { buildEvent } from '@/lib/ledger/ledger';
import { effectiveEvents } from '@/lib/ledger/relations';
import { buildReport } from '@/lib/report/build';
import { reportText } from '@/lib/report/export';
import type { Page } from './harness/browser';
import { eventually } from './harness/eventually';
import { inEachBrowser } from './harness/suite';

const section = '#import-export';
const ME = { service: 'sora', handle: 'me.e2e' } as const;
const DAY = 86_400_000;
const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);

/** Records an entry as the dashboard's own forms do: through the background. */
const recordMine = (page: Page, event: Record<string, unknown>) =>
  page.evaluate(async (e) => {
    type Api = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Api; chrome?: Api };
    const reply = (await (g.browser ?? g.chrome)!.runtime.sendMessage({ type: 'record', event: e })) as { ok: boolean; error?: string };
    if (!reply.ok) throw new Error(reply.error);
  }, event);

/** The attacker's file: events aimed at the user's entries, "confirmed by the network", with a chain of their own. */
async function hostileFile(deletion: LedgerEvent, grant: LedgerEvent): Promise<string> {
  const at = Date.now() - DAY;
  const common = { account: ME, evidence: { url: 'https://sora.chatgpt.com/attacker' }, occurredAt: at } as const;
  const events = [
    buildEvent({ ...common, kind: 'entry-removed', source: 'network', details: { target: deletion.id } } as NewEvent, at, 'hostile-removal-1'),
    buildEvent({ ...common, kind: 'access-granted', source: 'network', supersedes: grant.id, details: { person: 'mallory' } } as NewEvent, at, 'hostile-edit-0001'),
    buildEvent({ ...common, kind: 'note', source: 'manual', details: { text: 'an ordinary note' } } as NewEvent, at, 'hostile-note-0001'),
  ];
  const chain = await chainLinks(undefined, [...events].sort(recordingOrder));
  const text = await reportText(await buildReport(events, { scope: { kind: 'all' }, redact: false, extensionVersion: 'e2e', now: Date.now(), timeZone: 'Europe/Berlin', chain }));
  const path = join(mkdtempSync(join(tmpdir(), 'll-import-')), 'shared-with-me.json');
  writeFileSync(path, text);
  return path;
}

inEachBrowser('hostile import', (h) => {
  it('lists what the file would change, keeps the user\'s entries by default, applies them only when ticked', async () => {
    const dash = await h().extensionPage(`options.html${section}`);
    await dash.waitFor(`${section} [data-testid="import-file"]`);
    await recordMine(dash, { kind: 'cameo-deleted', account: ME, occurredAt: Date.UTC(2026, 0, 5, 10), evidence: {}, details: {} });
    await recordMine(dash, { kind: 'access-granted', account: ME, occurredAt: Date.UTC(2026, 0, 6, 10), evidence: {}, details: { person: 'dan' } });
    const mine = await h().ledger();
    const deletion = mine.find((e) => e.kind === 'cameo-deleted')!;
    const grant = mine.find((e) => e.kind === 'access-granted')!;
    const path = await hostileFile(deletion, grant);

    await dash.chooseFile(`${section} [data-testid="import-file"]`, path);
    await dash.waitFor('[data-testid="import-preview"]', 30_000);
    const changes = await dash.evaluate(() => [...document.querySelectorAll('[data-testid="import-changes"] li')].map((li) => li.textContent));
    expect(changes.sort()).toEqual([expect.stringMatching(/^Removes: Cameo deleted of Jan 5, 2026, Sora · me\.e2e$/), expect.stringMatching(/^Replaces: Access granted to dan of Jan 6, 2026, /)]);
    expect(await dash.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="import-apply-changes"]')!.checked)).toBe(false);
    // Nothing is written by the preview.
    expect(await h().ledger()).toHaveLength(2);

    await dash.click('[data-testid="import-confirm"]');
    await eventually(async () => expect(await textOf(dash, '[data-testid="import-done"]')).toContain('Left out, so your entries stay as they were: 2.'), 30_000);
    let ledger = await h().ledger();
    expect(ledger).toHaveLength(3);
    expect(ledger.filter((e) => e.id === deletion.id || e.id === grant.id)).toEqual([deletion, grant].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(effectiveEvents(ledger).map((e) => e.id)).toEqual(expect.arrayContaining([deletion.id, grant.id]));
    expect(ledger.find((e) => e.id === 'hostile-note-0001')?.imported).toMatchObject({ file: 'shared-with-me.json', fingerprint: 'verified' });

    // The same file again, the box ticked: now the changes are written, each marked as imported.
    await dash.chooseFile(`${section} [data-testid="import-file"]`, path);
    await dash.waitFor('[data-testid="import-apply-changes"]', 30_000);
    await dash.click('[data-testid="import-apply-changes"]');
    await eventually(async () => expect(await textOf(dash, '[data-testid="import-confirm"]')).toBe('Import and change my entries'));
    await dash.click('[data-testid="import-confirm"]');
    await eventually(async () => expect(await textOf(dash, '[data-testid="import-done"]')).toContain('Changes to your entries applied: 2.'), 30_000);
    ledger = await h().ledger();
    expect(effectiveEvents(ledger).map((e) => e.id)).not.toContain(deletion.id);
    expect(ledger.filter((e) => e.id.startsWith('hostile-')).every((e) => e.imported?.file === 'shared-with-me.json')).toBe(true);
    await dash.close();
  });

  it('shows the ledger\'s fingerprint, the same in the printable report, and a change behind the extension\'s back as a break', async () => {
    const count = (await h().ledger()).length;
    let dash = await h().extensionPage(`options.html${section}`);
    await dash.waitFor('[data-testid="fingerprint-check"]', 60_000);
    expect(await dash.evaluate(() => document.querySelector('[data-testid="fingerprint-check"]')!.getAttribute('data-ok'))).toBe('true');
    const hash = await textOf(dash, '[data-testid="fingerprint-hash"]');
    expect(hash).toMatch(/^([0-9a-f]{8} ){7}[0-9a-f]{8}$/);
    expect(await textOf(dash, '[data-testid="ledger-fingerprint"]')).toContain(`after ${count} entries`);

    const report = await h().extensionPage('report.html?scope=all');
    await report.waitFor('[data-testid="print"]', 60_000);
    expect(await textOf(report, '[data-testid="report-fingerprint"]')).toContain(hash);
    expect(await textOf(report, '[data-testid="imported-from"]')).toMatch(/^Imported from “shared-with-me\.json” on /);
    await report.close();

    // Someone with access to the profile edits an entry in IndexedDB directly.
    await dash.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('likeness-ledger');
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('events', 'readwrite');
            const store = tx.objectStore('events');
            const cursor = store.openCursor();
            cursor.onsuccess = () => {
              const c = cursor.result!;
              c.update({ ...c.value, occurredAt: c.value.occurredAt - 1 });
            };
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      undefined,
    );
    await dash.close();
    dash = await h().extensionPage(`options.html${section}`);
    await dash.waitFor('[data-testid="fingerprint-check"][data-ok="false"]', 60_000);
    expect(await textOf(dash, '[data-testid="fingerprint-check"]')).toMatch(/does not check out at entry \d+ of the chain/);
    await dash.close();
  });
});
