/**
 * Which reminders are due now, and when to wake up next. Pure: the background feeds it the
 * windows (computed from the ledger with the user's lead time), the settings, the clock and the log, shows what it returns and
 * saves the log it returns. One alarm is enough: the next wake-up is a single moment.
 *
 * A window is reminded of once per status it reaches (due soon, closed, overdue), again when a
 * "remind me later" runs out, and never more than once per local day.
 *
 * Folder lib/reminders/: reminders: which are due and when to wake next (plan.ts), what they say,
 * the notification and its buttons, the log of what was shown, and the reminder to save a backup.
 */
import { endOfLocalDay, localDateKey } from '../deadlines/calendar';
import type { Settings } from '../settings/settings';
import { nextDueMoment, type DeadlineWindow } from '../deadlines/windows';
import { isReminded, reconcileLog, reminderKey, shownReminders, stageOf, type ReminderLog, type RemindedStatus } from './log';

export interface Reminder {
  window: DeadlineWindow;
  status: RemindedStatus;
  /** True when it comes back after "remind me later". */
  snoozed: boolean;
}

export interface ReminderPlan {
  /** Show these now. */
  due: Reminder[];
  /** The log with `due` recorded as shown: save it. */
  log: ReminderLog;
  /** When to run again; null when nothing will ever be due without a change to the ledger or settings. */
  wakeUpAt: number | null;
}

export function planReminders(
  windows: readonly DeadlineWindow[],
  previous: ReminderLog,
  now: number,
  settings: Pick<Settings, 'remindersOn' | 'timeZone'>,
): ReminderPlan {
  const { timeZone } = settings;
  const log = reconcileLog(previous, windows, now);
  if (!settings.remindersOn) return { due: [], log, wakeUpAt: null };

  const today = localDateKey(now, timeZone);
  const allShown = shownReminders(log);
  const due: Reminder[] = [];
  const wakeUps: number[] = [];
  for (const window of windows) {
    const status = window.status;
    if (!isReminded(status)) continue;
    const shown = allShown.filter((s) => s.window === window.id);
    const snooze = log.snoozed[window.id];
    if (snooze && snooze.until > now) {
      wakeUps.push(snooze.until);
      continue;
    }
    // Without a snooze, a status the user already heard about (or went past) is not repeated.
    if (!snooze && shown.some((s) => stageOf(s.status) >= stageOf(status))) continue;
    if (shown.some((s) => localDateKey(s.at, timeZone) === today)) {
      wakeUps.push(endOfLocalDay(now, timeZone) + 1);
      continue;
    }
    due.push({ window, status, snoozed: !!snooze });
  }

  const notified = { ...log.notified };
  const snoozed = { ...log.snoozed };
  for (const { window, status } of due) {
    notified[reminderKey(window.id, status, today)] = now;
    delete snoozed[window.id];
  }
  const transition = nextDueMoment(windows, now);
  if (transition !== null) wakeUps.push(transition);
  return { due, log: { notified, snoozed }, wakeUpAt: wakeUps.length ? Math.min(...wakeUps) : null };
}
