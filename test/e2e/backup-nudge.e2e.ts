// The backup reminder in real browsers: with the sample ledger (10 entries) and the default of 20,
// nothing is due; once the user sets 5 in the settings the dashboard says no backup was saved yet,
// its link goes to the export, and exporting the whole ledger records the backup and ends the
// reminder; one new entry past a setting of 1 brings it back, counted from the backup.
import { expect, it } from 'vitest';
import type { Page } from './harness/browser';
import { eventually } from './harness/eventually';
import { SAMPLE_ACCOUNT, seedSampleLedger } from './harness/screenshots';
import { inEachBrowser } from './harness/suite';

const nudge = '[data-testid="backup-nudge"]';
const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', selector);

async function setBackupAfterEntries(dash: Page, entries: number) {
  await dash.fill('#s-backup-entries', String(entries));
  await dash.click('#settings form.settings button[type="submit"]');
  await eventually(async () => expect(await textOf(dash, '#settings form.settings [role="status"]')).toBe('Settings saved.'));
}

inEachBrowser('backup nudge', (h) => {
  it('reminds after N new entries, leads to the export, and the export ends it', async () => {
    await seedSampleLedger(h());
    const dash = await h().extensionPage('options.html');
    await dash.waitFor('main[aria-busy="false"] #s-backup-entries', 60_000);
    expect(await dash.count(nudge)).toBe(0);

    await setBackupAfterEntries(dash, 5);
    await dash.waitFor(nudge);
    expect(await textOf(dash, nudge)).toMatch(/^You have not saved a backup of your ledger yet\. Uninstalling the extension deletes the ledger/);

    await dash.click('[data-testid="backup-nudge-go"]');
    await eventually(async () => expect(await dash.evaluate(() => location.hash)).toBe('#import-export'));
    await dash.click('#import-export [data-testid="export"]');
    await dash.waitFor('#import-export [data-testid="download"]', 60_000);
    await eventually(async () => expect(await dash.count(nudge)).toBe(0));
    const stored = await h().inExtension(() => ext.storage.local.get('lastBackup'));
    expect(stored.lastBackup).toMatchObject({ entryCount: (await h().ledger()).length });

    // One entry later, with the reminder at 1: due again, counted from the backup.
    await setBackupAfterEntries(dash, 1);
    expect(await dash.count(nudge)).toBe(0);
    const reply = await h().inExtension(
      (account) => ext.runtime.sendMessage({ type: 'record', event: { kind: 'cameo-deleted', account, details: {}, evidence: {}, occurredAt: Date.now() } }) as Promise<{ ok: boolean }>,
      SAMPLE_ACCOUNT,
    );
    expect(reply.ok).toBe(true);
    await eventually(async () => expect(await textOf(dash, nudge)).toMatch(/^New entries since your last backup: 1\./), 30_000);

    // 0 turns it off.
    await setBackupAfterEntries(dash, 0);
    await eventually(async () => expect(await dash.count(nudge)).toBe(0));
    await dash.close();
  });
});
