/**
 * The background's reminders: the toolbar badge, the notifications and the one alarm.
 *
 * Every run reads the ledger afresh (due dates are never stored), so the alarm is only a
 * wake-up: it is rebuilt at install, update and browser start-up, after every ledger write and
 * settings change, and after it fires. A reminder missed while the browser was closed is simply
 * due at the next run.
 */
import { browser } from 'wxt/browser';
import { t, uiLocale } from '../i18n/i18n';
import { loadSummaryInputs, record, type LedgerDb } from '../ledger/ledger';
import { effectiveEvents } from '../ledger/relations';
import { oneAtATime } from './one-at-a-time';
import { loadLog, saveLog, snoozeWindow } from '../reminders/log';
import {
  actionsFor,
  entryPath,
  GROUP_NOTIFICATION_ID,
  GROUP_PATH,
  notificationsFor,
  parseNotificationId,
  reminderNotification,
  type ReminderAction,
} from '../reminders/notification';
import { planReminders } from '../reminders/plan';
import { badgeTitle } from '../reminders/text';
import { loadSettings, SETTINGS_KEY, type Settings } from '../settings/settings';
import { windowOptions } from '../deadlines/window-options';
import { computeWindows, windowsClosedUnverified, type DeadlineWindow } from '../deadlines/windows';

export const REMINDER_ALARM = 'next-reminder';
const BADGE_COLOR = '#b3261e';
/**
 * How long after a write its run comes; the writes in between join it. A run reads every summary
 * row and works out every window (after a crafted file, thousands): run after each write, it held
 * the next write behind its read and its computing (BENCHMARKS.md, "A write against the ledger's
 * size"). At most one run per interval whatever the rate of writes, and always one after the last.
 */
export const RUN_AFTER_WRITE_MS = 500;

export interface ReminderDeps {
  db: () => Promise<LedgerDb>;
  now?: () => number;
  /** Whether notifications can carry buttons: Chrome's can, Firefox's cannot. */
  buttons?: boolean;
}

export interface Reminders {
  /** Reads the ledger and settings again: badge, due reminders, next alarm. */
  refresh(): Promise<void>;
  /** After a ledger write: a refresh RUN_AFTER_WRITE_MS later, which every write until it starts joins. */
  afterWrite(): void;
  /** What a notification's button or a click asks for. */
  act(notificationId: string, action: ReminderAction | 'open'): Promise<void>;
}

/** Registers the listeners (at the top level of the background, as MV3 requires) and returns the hooks. */
export function startReminders(deps: ReminderDeps): Reminders {
  const now = deps.now ?? Date.now;
  const buttons = deps.buttons ?? !import.meta.env.FIREFOX;
  const local = browser.storage.local;

  // One run at a time: two runs reading the log before either writes it would remind twice.
  const serially = oneAtATime();

  async function windowsAt(settings: Settings, at: number): Promise<DeadlineWindow[]> {
    // The summary inputs hold every window not yet verified, without reading the whole log.
    const { events } = await loadSummaryInputs(await deps.db(), 0);
    return computeWindows(effectiveEvents(events), windowOptions(settings, at));
  }

  async function run(): Promise<void> {
    const at = now();
    const settings = await loadSettings(local);
    const windows = await windowsAt(settings, at);
    const closed = windowsClosedUnverified(windows).length;
    await browser.action.setBadgeText({ text: closed > 0 ? String(closed) : '' });
    await browser.action.setTitle({ title: closed > 0 ? badgeTitle(closed, uiLocale()) : t('extName') });
    await browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR });

    const plan = planReminders(windows, await loadLog(local), at, settings);
    await saveLog(local, plan.log);
    await clearStale(windows, settings, plan.due.map((r) => r.window.id));
    const text = { now: at, timeZone: settings.timeZone, locale: uiLocale(), buttons };
    for (const { id, ...content } of notificationsFor(plan.due, ({ window, status }) => reminderNotification(window, status, text))) {
      await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), ...content });
    }
    if (plan.wakeUpAt === null) await browser.alarms.clear(REMINDER_ALARM);
    else await browser.alarms.create(REMINDER_ALARM, { when: plan.wakeUpAt });
  }

  /** Takes away notifications about windows now settled, and those about to be replaced by a newer reminder. */
  async function clearStale(windows: DeadlineWindow[], settings: Settings, replaced: string[]) {
    const pending = new Set(windows.filter((w) => w.status !== 'verified' && w.status !== 'open').map((w) => w.id));
    for (const id of Object.keys(await browser.notifications.getAll())) {
      // A group stands for several windows: it goes when none is waiting any more (a newer group replaces it).
      if (id === GROUP_NOTIFICATION_ID && (!settings.remindersOn || pending.size === 0)) await browser.notifications.clear(id);
      const parsed = parseNotificationId(id);
      if (!parsed) continue;
      if (!settings.remindersOn || !pending.has(parsed.window) || replaced.includes(parsed.window)) await browser.notifications.clear(id);
    }
  }

  const openEntry = (windowId: string, draft: boolean) => browser.tabs.create({ url: browser.runtime.getURL(entryPath(windowId, draft) as '/options.html') });

  async function act(notificationId: string, action: ReminderAction | 'open'): Promise<void> {
    if (notificationId === GROUP_NOTIFICATION_ID) {
      await browser.notifications.clear(notificationId);
      await browser.tabs.create({ url: browser.runtime.getURL(GROUP_PATH as '/options.html') });
      return;
    }
    const parsed = parseNotificationId(notificationId);
    if (!parsed) return;
    await browser.notifications.clear(notificationId);
    if (action === 'open' || action === 'draft-follow-up') {
      await openEntry(parsed.window, action === 'draft-follow-up');
      return;
    }
    const at = now();
    const settings = await loadSettings(local);
    if (action === 'remind-later') {
      await saveLog(local, snoozeWindow(await loadLog(local), parsed.window, at, settings.timeZone));
    } else {
      const window = (await windowsAt(settings, at)).find((w) => w.id === parsed.window);
      // Only a purge is the user's to verify; a legal deadline waits for the answer (see actionsFor).
      if (window && window.status !== 'verified' && window.kind !== 'legal-deadline') {
        await record(
          await deps.db(),
          { kind: 'purge-verified', occurredAt: at, account: window.account, source: 'manual', evidence: {}, details: { window: window.id } },
          at,
        );
      }
    }
    await run();
  }

  // A failed run leaves the last alarm in place; the next write, start or alarm tries again.
  const guarded = (task: () => Promise<void>) =>
    serially(task).catch((error: unknown) => console.error('Likeness Ledger: reminders could not run', error));
  const refresh = () => guarded(run);
  let waiting = false;
  const afterWrite = () => {
    if (waiting) return;
    waiting = true;
    setTimeout(() => {
      // Cleared before the run reads the ledger: a write during the run gets a run of its own.
      waiting = false;
      void refresh();
    }, RUN_AFTER_WRITE_MS);
  };

  // Listeners return their run, so whoever fires the event (a test, the browser) can wait for it.
  browser.runtime.onInstalled.addListener(() => refresh());
  browser.runtime.onStartup.addListener(() => refresh());
  browser.alarms.onAlarm.addListener((alarm) => (alarm.name === REMINDER_ALARM ? refresh() : undefined));
  browser.storage.onChanged.addListener((changes, area) => (area === 'local' && SETTINGS_KEY in changes ? refresh() : undefined));
  browser.notifications.onClicked.addListener((id) => guarded(() => act(id, 'open')));
  // Firefox knows the event but never fires it: its notifications have no buttons
  // (https://github.com/mdn/browser-compat-data/issues/7).
  browser.notifications.onButtonClicked?.addListener((id, index) => {
    const ref = parseNotificationId(id);
    return ref ? guarded(() => act(id, actionsFor(ref, ref.status)[index] ?? 'open')) : undefined;
  });

  return { refresh, afterWrite, act: (id, action) => guarded(() => act(id, action)) };
}
