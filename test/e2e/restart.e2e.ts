// A browser restart during an open window: the reminder and the badge come back (Chromium; a
// Firefox temporary add-on does not survive a restart, so there the rebuild is unit-tested).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { launch, type Harness } from './harness/browser';
import { eventually } from './harness/eventually';

const DAY = 86_400_000;
const badge = () => ext.action.getBadgeText({});
const notifications = () => ext.notifications.getAll().then((all) => Object.keys(all));

describe('restart [chromium]', () => {
  const profile = mkdtempSync(join(tmpdir(), 'll-profile-'));
  let h: Harness | undefined;
  afterAll(async () => h?.close());

  it('brings back the badge and the reminder of a window that closed', async () => {
    h = await launch('chromium', inject('fixturePort'), { userDataDir: profile });
    const reply = await h.inExtension(
      (occurredAt: number) =>
        ext.runtime.sendMessage({
          type: 'record',
          event: { kind: 'cameo-deleted', occurredAt, account: { service: 'sora', handle: 'alice' }, evidence: {}, details: {} },
        }),
      Date.now() - 31 * DAY,
    );
    expect(reply).toMatchObject({ ok: true, status: 'created' });
    await eventually(async () => expect(await h!.inExtension(badge)).toBe('1'));
    await eventually(async () => expect((await h!.inExtension(notifications)).length).toBeGreaterThan(0));
    // Wipe the badge the browser shows, so that only a rebuild from the ledger can bring it back
    // (the browser may keep badge text across a restart by itself).
    await h.inExtension(() => ext.action.setBadgeText({ text: '' }));
    await h.close();

    // The badge is the browser's memory, not ours: after the restart it is back only if the
    // extension rebuilt it from the ledger. (The notification is not repeated the same day.)
    h = await launch('chromium', inject('fixturePort'), { userDataDir: profile });
    await eventually(async () => expect(await h!.inExtension(badge)).toBe('1'), 15_000);
  });
});
