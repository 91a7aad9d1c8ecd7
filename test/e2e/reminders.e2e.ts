/**
 * Reminders in the built extension, in Chromium: a ledger holding a cameo deleted 31 days ago
 * shows the badge and a notification, and marking it verified clears both. Chromium only: its
 * notifications carry the buttons, and a test can list them with chrome.notifications.getAll.
 */
import { expect, it } from 'vitest';
import { eventually } from './harness/eventually';
import { onlyIn } from './harness/suite';

const DAY = 86_400_000;

/** Sent from an extension page: the background accepts `record` only from there. */
const recordEntry = (event: Record<string, unknown>) => ext.runtime.sendMessage({ type: 'record', event }) as Promise<{ ok: boolean; id?: string; error?: string }>;
const badgeText = () => ext.action.getBadgeText({});
const shownNotifications = () =>
  new Promise<Record<string, unknown>>((resolve) => (globalThis as unknown as { chrome: { notifications: { getAll(cb: (all: Record<string, unknown>) => void): void } } }).chrome.notifications.getAll(resolve));
const reminderAlarm = () => ext.alarms.get('next-reminder');

onlyIn('chromium', 'reminders', (h) => {
  let deletionId = '';

  it('starts with no badge, no notification and no alarm', async () => {
    expect(await h().inExtension(badgeText)).toBe('');
    expect(await h().inExtension(shownNotifications)).toEqual({});
    expect(await h().inExtension(reminderAlarm)).toBeUndefined();
  });

  it('a cameo deleted 31 days ago: badge "1" and a notification saying when it should have been purged', async () => {
    const reply = await h().inExtension(recordEntry, {
      kind: 'cameo-deleted',
      occurredAt: Date.now() - 31 * DAY,
      account: { service: 'sora', handle: 'alice' },
      evidence: {},
      details: {},
    });
    expect(reply).toMatchObject({ ok: true, status: 'created' });
    deletionId = reply.id!;

    await eventually(async () => expect(await h().inExtension(badgeText)).toBe('1'));
    const shown = await eventually(async () => {
      const all = await h().inExtension(shownNotifications);
      expect(Object.keys(all)).toEqual([`reminder:cameo-purge:closed-awaiting-verification:${deletionId}`]);
      return all;
    });
    expect(Object.keys(shown)).toHaveLength(1);
    // One alarm, for the moment the window turns overdue.
    const alarm = await h().inExtension(reminderAlarm);
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now());
    expect(await h().inExtension(() => ext.alarms.getAll().then((all) => all.length))).toBe(1);
  });

  it('the ledger holds the entry, and the built messages give the reminder its dates', async () => {
    const ledger = await h().ledger();
    expect(ledger.filter((e) => e.kind === 'cameo-deleted').map((e) => e.id)).toEqual([deletionId]);
    // chrome.notifications.getAll lists ids only; the background's text is checked in the unit tests.
    expect(await h().inExtension(() => ext.i18n.getMessage('reminderCameoPurgePast', ['3 Oct', '2 Nov']))).toBe(
      'Your cameo deleted on 3 Oct should have been purged by 2 Nov.',
    );
  });

  it('marking it verified clears the badge and the notification', async () => {
    const reply = await h().inExtension(recordEntry, {
      kind: 'purge-verified',
      occurredAt: Date.now(),
      account: { service: 'sora', handle: 'alice' },
      evidence: {},
      details: { window: deletionId },
    });
    expect(reply).toMatchObject({ ok: true, status: 'created' });
    await eventually(async () => expect(await h().inExtension(badgeText)).toBe(''));
    await eventually(async () => expect(await h().inExtension(shownNotifications)).toEqual({}));
    expect(await h().inExtension(reminderAlarm)).toBeUndefined();
  });
});
