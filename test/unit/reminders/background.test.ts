import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { NewEvent } from '@/lib/ledger/events';
import { LedgerDb, record } from '@/lib/ledger/ledger';
import { effectiveEvents } from '@/lib/ledger/relations';
import { REMINDER_ALARM, RUN_AFTER_WRITE_MS, startReminders, type Reminders } from '@/lib/background/reminders';
import { REMINDER_LOG_KEY } from '@/lib/reminders/log';
import { GROUP_NOTIFICATION_ID, MAX_SEPARATE_NOTIFICATIONS } from '@/lib/reminders/notification';
import { saveSettings } from '@/lib/settings/settings';

const at = Date.parse;
const ALICE = { service: 'sora', handle: 'alice' } as const;

let db: LedgerDb;

function deletion(when: string): NewEvent {
  return { kind: 'cameo-deleted', occurredAt: at(when), account: ALICE, source: 'page', evidence: {}, details: {} };
}

async function start(options: { buttons?: boolean } = {}): Promise<Reminders> {
  return startReminders({ db: async () => db, buttons: options.buttons ?? true });
}

const badge = () => fakeBrowser.action.getBadgeText({});
const buttonTitle = () => fakeBrowser.action.getTitle({});
const notifications = async () => Object.entries(await fakeBrowser.notifications.getAll()) as [string, { title: string; message: string; buttons?: { title: string }[] }][];
/** The one notification showing; fails when there is none or more. */
async function theNotification() {
  const all = await notifications();
  expect(all).toHaveLength(1);
  return all[0]!;
}
const alarmTime = async () => (await fakeBrowser.alarms.get(REMINDER_ALARM))?.scheduledTime;
const fireAlarm = async () => {
  const when = await alarmTime();
  if (when === undefined) throw new Error('no alarm armed');
  vi.setSystemTime(when);
  await fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: when });
};

/** The browser closes: the extension's listeners, alarms and notifications go; storage and the ledger stay. */
function browserRestarts() {
  fakeBrowser.alarms.resetState();
  fakeBrowser.notifications.resetState();
  fakeBrowser.runtime.resetState();
}

beforeEach(() => {
  fakeBrowser.reset();
  // Only the clock is faked: IndexedDB (fake-indexeddb) needs real timers to run.
  vi.useFakeTimers({ toFake: ['Date'] });
  db = new LedgerDb('t', { indexedDB: new IDBFactory(), IDBKeyRange });
  // Dates in the texts follow the UI language; Node before 21 has no navigator at all.
  vi.stubGlobal('navigator', { language: 'en-GB' });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('reminders in the background', () => {
  it('a cameo deleted 31 days ago: badge "1", one notification saying when it should have been purged, with its buttons', async () => {
    vi.setSystemTime(at('2025-11-03T10:00:00+01:00'));
    await record(db, deletion('2025-10-03T10:00:00+02:00'));
    const reminders = await start();
    await reminders.refresh();

    expect(await badge()).toBe('1');
    const shown = await notifications();
    expect(shown).toHaveLength(1);
    const [id, options] = shown[0]!;
    expect(id).toMatch(/^reminder:cameo-purge:closed-awaiting-verification:/);
    expect(options.message).toBe('Your cameo deleted on 3 Oct should have been purged by 2 Nov.');
    expect(options.buttons?.map((b) => b.title)).toEqual(['Mark as verified', 'Remind me later']);
    // The next alarm: when the window turns overdue (the start of 10 Nov, local time).
    expect(await alarmTime()).toBe(at('2025-11-10T00:00:00+01:00'));
  });

  it("the toolbar button's title says in words what its badge counts, singular and plural", async () => {
    vi.setSystemTime(at('2025-11-20T10:00:00+01:00'));
    await record(db, deletion('2025-10-03T10:00:00+02:00'));
    const reminders = await start();
    await reminders.refresh();
    expect(await badge()).toBe('1');
    expect(await buttonTitle()).toBe('Likeness Ledger: 1 deadline has passed and waits for you to check it');

    await record(db, { ...deletion('2025-10-04T10:00:00+02:00'), account: { service: 'sora', handle: 'bob' } });
    await reminders.refresh();
    expect(await badge()).toBe('2');
    expect(await buttonTitle()).toBe('Likeness Ledger: 2 deadlines have passed and wait for you to check them');
  });

  it('shows no badge at zero and arms one alarm for the next due moment, not one per window', async () => {
    vi.setSystemTime(at('2025-10-05T10:00:00+02:00'));
    await record(db, deletion('2025-10-03T10:00:00+02:00'));
    await record(db, { ...deletion('2025-10-04T10:00:00+02:00'), account: { service: 'sora', handle: 'bob' } });
    const reminders = await start();
    await reminders.refresh();
    expect(await badge()).toBe('');
    expect(await buttonTitle()).toBe('Likeness Ledger');
    expect(await notifications()).toEqual([]);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);
    expect(await alarmTime()).toBe(at('2025-10-31T00:00:00+01:00'));
  });

  it('re-arms the alarm after it fires, through every status', async () => {
    vi.setSystemTime(at('2025-10-05T10:00:00+02:00'));
    await record(db, deletion('2025-10-03T10:00:00+02:00'));
    await (await start()).refresh();

    await fireAlarm();
    expect((await notifications()).map(([id]) => id.split(':')[2])).toEqual(['due-soon']);
    expect(await badge()).toBe('');
    expect(await alarmTime()).toBe(at('2025-11-03T00:00:00+01:00'));

    await fireAlarm();
    // The newer reminder replaces the older one.
    expect((await notifications()).map(([id]) => id.split(':')[2])).toEqual(['closed-awaiting-verification']);
    expect(await badge()).toBe('1');
    expect(await alarmTime()).toBe(at('2025-11-10T00:00:00+01:00'));

    await fireAlarm();
    const [id, options] = await theNotification();
    expect(id.split(':')[2]).toBe('overdue');
    expect(options.buttons?.map((b) => b.title)).toEqual(['Mark as verified', 'Draft a follow-up']);
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
  });

  it('rebuilds the alarm from the ledger at browser start-up, and repeats nothing already shown', async () => {
    vi.setSystemTime(at('2025-11-03T10:00:00+01:00'));
    await record(db, deletion('2025-10-03T10:00:00+02:00'));
    await (await start()).refresh();
    expect(await notifications()).toHaveLength(1);

    browserRestarts();
    vi.setSystemTime(at('2025-11-04T09:00:00+01:00'));
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await start();
    await fakeBrowser.runtime.onStartup.trigger();
    expect(create).not.toHaveBeenCalled();
    expect(await alarmTime()).toBe(at('2025-11-10T00:00:00+01:00'));
    expect(await badge()).toBe('1');
  });

  it('rebuilds at install and update too', async () => {
    vi.setSystemTime(at('2025-10-05T10:00:00+02:00'));
    await record(db, deletion('2025-10-03T10:00:00+02:00'));
    await start();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' } as never);
    expect(await alarmTime()).toBe(at('2025-10-31T00:00:00+01:00'));
  });

  it('brings a reminder missed while the browser was closed at the next start', async () => {
    vi.setSystemTime(at('2025-10-05T10:00:00+02:00'));
    await record(db, deletion('2025-10-03T10:00:00+02:00'));
    await (await start()).refresh();
    expect(await notifications()).toEqual([]);

    browserRestarts(); // closed from 5 Oct to 4 Nov: the alarm never fired
    vi.setSystemTime(at('2025-11-04T08:00:00+01:00'));
    await start();
    await fakeBrowser.runtime.onStartup.trigger();
    expect((await notifications()).map(([id]) => id.split(':')[2])).toEqual(['closed-awaiting-verification']);
  });

  it('reminds once when an alarm and a ledger write ask at the same moment', async () => {
    vi.setSystemTime(at('2025-11-03T10:00:00+01:00'));
    await record(db, deletion('2025-10-03T10:00:00+02:00'));
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    // Storage writes take their time, as they do in a browser: long enough for two runs to overlap.
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await set(items);
    });
    const reminders = await start();
    await Promise.all([reminders.refresh(), fakeBrowser.alarms.onAlarm.trigger({ name: REMINDER_ALARM, scheduledTime: Date.now() }), reminders.refresh()]);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('writes in a row get one run after them, not one each (the run stays out of the next write\'s way), and a write during a run gets its own', async () => {
    vi.setSystemTime(at('2025-11-03T10:00:00+01:00'));
    const reminders = await start();
    const setBadge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const runs = () => setBadge.mock.calls.length;
    for (const day of ['2025-10-01', '2025-10-02', '2025-10-03']) {
      await record(db, { ...deletion(`${day}T10:00:00+02:00`), account: { service: 'sora', handle: `h${day}` } });
      reminders.afterWrite();
    }
    // Nothing runs at once: the writes are answered first.
    expect(runs()).toBe(0);
    await vi.waitFor(() => expect(runs()).toBe(1), { timeout: RUN_AFTER_WRITE_MS * 10 });
    await vi.waitFor(async () => expect(await badge()).toBe('3'));
    // The one run came after the last write: it saw all three.
    await new Promise((resolve) => setTimeout(resolve, RUN_AFTER_WRITE_MS * 2));
    expect(runs()).toBe(1);

    await record(db, { ...deletion('2025-09-30T10:00:00+02:00'), account: { service: 'sora', handle: 'late' } });
    reminders.afterWrite();
    await vi.waitFor(async () => expect(await badge()).toBe('4'), { timeout: RUN_AFTER_WRITE_MS * 10 });
    expect(runs()).toBe(2);
  });

  it('"Mark as verified" records the verification in the ledger and clears the badge, the notification and the alarm', async () => {
    vi.setSystemTime(at('2025-11-03T10:00:00+01:00'));
    const { event } = await record(db, deletion('2025-10-03T10:00:00+02:00'));
    await (await start()).refresh();
    const [id] = await theNotification();

    await fakeBrowser.notifications.onButtonClicked.trigger(id, 0);
    const verified = effectiveEvents(await db.events.toArray()).filter((e) => e.kind === 'purge-verified');
    expect(verified).toMatchObject([{ details: { window: event.id }, source: 'manual', occurredAt: at('2025-11-03T10:00:00+01:00') }]);
    expect(await badge()).toBe('');
    expect(await notifications()).toEqual([]);
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
  });

  it('"Remind me later" takes the notification away and brings it back a day later', async () => {
    vi.setSystemTime(at('2025-11-03T10:00:00+01:00'));
    await record(db, deletion('2025-10-03T10:00:00+02:00'));
    await (await start()).refresh();
    const [id] = await theNotification();

    await fakeBrowser.notifications.onButtonClicked.trigger(id, 1);
    expect(await notifications()).toEqual([]);
    expect(await badge()).toBe('1');
    expect(await alarmTime()).toBe(at('2025-11-04T10:00:00+01:00'));
    const stored = (await fakeBrowser.storage.local.get(REMINDER_LOG_KEY))[REMINDER_LOG_KEY] as { snoozed: object };
    expect(Object.keys(stored.snoozed)).toHaveLength(1);

    await fireAlarm();
    expect((await notifications()).map(([n]) => n)).toEqual([id]);
  });

  it('"Draft a follow-up" opens the dashboard at the entry, on its draft', async () => {
    vi.setSystemTime(at('2025-11-12T10:00:00+01:00'));
    const { event } = await record(db, deletion('2025-10-03T10:00:00+02:00'));
    await (await start()).refresh();
    const [id] = await theNotification();
    expect(id.split(':')[2]).toBe('overdue');

    await fakeBrowser.notifications.onButtonClicked.trigger(id, 1);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(`chrome-extension://test-extension-id/options.html#entry=${event.id}&draft=follow-up`);
    expect(await notifications()).toEqual([]);
  });

  it('a legal deadline offers a draft and "later", never "verified": only the answer settles it', async () => {
    vi.setSystemTime(at('2025-11-05T10:00:00+01:00'));
    await record(db, {
      kind: 'privacy-request-sent',
      occurredAt: at('2025-10-03T10:00:00+02:00'),
      account: ALICE,
      source: 'manual',
      evidence: {},
      details: { law: 'gdpr', channel: 'privacy-portal', request: 'erasure' },
    });
    await (await start()).refresh();
    const [id, options] = await theNotification();
    expect(id).toMatch(/^reminder:legal-deadline:closed-awaiting-verification:/);
    expect(options.message).toMatch(/should have been answered by .* — GDPR \(EU and EEA\)\.$/);
    expect(options.buttons?.map((b) => b.title)).toEqual(['Draft a follow-up', 'Remind me later']);
  });

  it('without notification buttons (Firefox), a click opens the dashboard at the entry', async () => {
    vi.setSystemTime(at('2025-11-03T10:00:00+01:00'));
    const { event } = await record(db, deletion('2025-10-03T10:00:00+02:00'));
    await (await start({ buttons: false })).refresh();
    const [id, options] = await theNotification();
    expect(options.buttons).toBeUndefined();

    await fakeBrowser.notifications.onClicked.trigger(id);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(`chrome-extension://test-extension-id/options.html#entry=${event.id}`);
    expect(await notifications()).toEqual([]);
  });

  it('follows the settings at once: reminders off clears notifications and the alarm, the badge stays', async () => {
    vi.setSystemTime(at('2025-11-03T10:00:00+01:00'));
    await record(db, deletion('2025-10-03T10:00:00+02:00'));
    await (await start()).refresh();
    expect(await notifications()).toHaveLength(1);

    await saveSettings(fakeBrowser.storage.local, { remindersOn: false });
    expect(await notifications()).toEqual([]);
    expect(await fakeBrowser.alarms.get(REMINDER_ALARM)).toBeUndefined();
    expect(await badge()).toBe('1');
  });

  it('counts in the user’s time zone: the same moment can still be the last day elsewhere', async () => {
    // 3 Nov 05:00 in Berlin is 2 Nov 23:00 in New York: still day 30 there.
    vi.setSystemTime(at('2025-11-03T05:00:00+01:00'));
    await saveSettings(fakeBrowser.storage.local, { timeZone: 'America/New_York' });
    await record(db, deletion('2025-10-03T10:00:00-04:00'));
    await (await start()).refresh();
    expect(await badge()).toBe('');
    expect(await alarmTime()).toBe(at('2025-11-03T00:00:00-05:00'));
  });
});

describe('many reminders at once (issue 18: 40 overdue windows gave 40 notifications)', () => {
  it('shows the first few on their own and the rest as one notification with their count, which opens the deadlines', async () => {
    vi.setSystemTime(at('2025-12-20T10:00:00+01:00'));
    // 40 deletions a month and more ago, each of another cameo (another account), all overdue now.
    for (let i = 0; i < 40; i++) {
      await record(db, { ...deletion(`2025-10-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00+02:00`), account: { service: 'sora', handle: `cameo${i}` } });
    }
    const reminders = await start();
    await reminders.refresh();
    expect(await badge()).toBe('40');
    const shown = await notifications();
    expect(shown).toHaveLength(MAX_SEPARATE_NOTIFICATIONS);
    const group = shown.find(([id]) => id === GROUP_NOTIFICATION_ID);
    expect(group?.[1].message).toBe(`And ${40 - (MAX_SEPARATE_NOTIFICATIONS - 1)} more deadlines need your attention. Open the dashboard to see them.`);
    await fakeBrowser.notifications.onClicked.trigger(GROUP_NOTIFICATION_ID);
    await vi.waitFor(async () => expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContainEqual(expect.stringMatching(/options\.html#deadlines$/)));
    // The next run repeats nothing: every one of the 40 counts as shown.
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    await reminders.refresh();
    expect(create).not.toHaveBeenCalled();
  });
});

