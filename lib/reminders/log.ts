/**
 * What the user was reminded of and when, and what they asked to hear about later.
 * Kept in browser.storage.local so that a restart, an update or a clock change neither repeats
 * nor drops a reminder. Due dates are never stored here: they come from the ledger at every run.
 */
import * as z from 'zod/mini';
import { addDuration } from '../deadlines/calendar';
import type { Duration } from '../facts/policies';
import type { DeadlineWindow, WindowStatus } from '../deadlines/windows';
import type { StorageArea } from '../settings/storage-area';

export const REMINDER_LOG_KEY = 'reminder-log';

/** The statuses a reminder is about, in the order a window goes through them. */
export const REMINDED_STATUSES = ['due-soon', 'closed-awaiting-verification', 'overdue'] as const satisfies readonly WindowStatus[];
export type RemindedStatus = (typeof REMINDED_STATUSES)[number];

export const isReminded = (status: WindowStatus): status is RemindedStatus => (REMINDED_STATUSES as readonly string[]).includes(status);

/** How far along a window a status is: a reminder at one status makes those before it moot. */
export const stageOf = (status: RemindedStatus) => REMINDED_STATUSES.indexOf(status);

const WindowId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));
const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const Moment = z.number().check(z.nonnegative());

const Snooze = z.strictObject({ at: Moment, until: Moment });

export const ReminderLog = z.strictObject({
  /** `reminderKey(window, status, local day)` → the moment the reminder was shown. */
  notified: z.record(z.string().check(z.maxLength(120)), Moment),
  /** Window id → "remind me later". */
  snoozed: z.record(WindowId, Snooze),
});
export type ReminderLog = z.infer<typeof ReminderLog>;

/** The longest "remind me later" the log keeps: the button asks for a day; a week leaves room for any calendar's day. */
export const MAX_SNOOZE_MS = 7 * 86_400_000;

export const emptyLog = (): ReminderLog => ({ notified: {}, snoozed: {} });

export const reminderKey = (window: string, status: RemindedStatus, day: string) => `${window}|${status}|${day}`;

export interface Shown {
  window: string;
  status: RemindedStatus;
  day: string;
  at: number;
}

/** The log's reminders, read back from their keys; keys that do not parse are ignored. */
export function shownReminders(log: ReminderLog): Shown[] {
  const shown: Shown[] = [];
  for (const [key, at] of Object.entries(log.notified)) {
    const [window, status, day, extra] = key.split('|');
    if (extra !== undefined || !WindowId.safeParse(window).success || !Day.safeParse(day).success) continue;
    if (!status || !isReminded(status as WindowStatus)) continue;
    shown.push({ window: window!, status: status as RemindedStatus, day: day!, at });
  }
  return shown;
}

/** A log that cannot be read starts empty: at worst a reminder is shown once more. */
export function parseLog(raw: unknown): ReminderLog {
  const parsed = ReminderLog.safeParse(raw);
  return parsed.success ? parsed.data : emptyLog();
}

/**
 * Brings the log up to date with the ledger and the clock:
 * - an edited deletion or request is a new event that supersedes the old one, so its window has a
 *   new id: what was shown about the old version carries over to the new one;
 * - entries of windows that are gone or verified are dropped, so the log stays small;
 * - moments later than now mean the clock went back: they are moved to now, so that a
 *   "remind me later" keeps its length and today's limit still holds, however far it went.
 */
export function reconcileLog(log: ReminderLog, windows: readonly DeadlineWindow[], now: number): ReminderLog {
  const live = new Set(windows.filter((w) => w.status !== 'verified').map((w) => w.id));
  const successor = new Map(windows.flatMap((w) => (w.opener.supersedes ? [[w.opener.supersedes, w.id] as const] : [])));
  const current = (window: string) => (live.has(window) ? window : successor.get(window));

  const notified: ReminderLog['notified'] = {};
  for (const shown of shownReminders(log)) {
    const window = current(shown.window);
    if (!window || !live.has(window)) continue;
    const key = reminderKey(window, shown.status, shown.day);
    notified[key] = Math.min(notified[key] ?? Infinity, shown.at, now);
  }
  const snoozed: ReminderLog['snoozed'] = {};
  for (const [old, snooze] of Object.entries(log.snoozed)) {
    const window = current(old);
    if (!window || !live.has(window)) continue;
    // storage.local can be written by content scripts (Firefox): a "later" of years would silence a window for good.
    const { at, until } = { at: snooze.at, until: Math.min(snooze.until, snooze.at + MAX_SNOOZE_MS) };
    snoozed[window] = at > now ? { at: now, until: now + Math.max(0, until - at) } : { at, until };
  }
  return { notified, snoozed };
}

/** "Remind me later": the window's next reminder comes after `length` (a day, by default: the daily limit allows no sooner). */
export function snoozeWindow(log: ReminderLog, window: string, now: number, timeZone: string, length: Duration = { days: 1 }): ReminderLog {
  return { ...log, snoozed: { ...log.snoozed, [window]: { at: now, until: addDuration(now, length, timeZone) } } };
}

export async function loadLog(area: StorageArea): Promise<ReminderLog> {
  return parseLog((await area.get(REMINDER_LOG_KEY))[REMINDER_LOG_KEY]);
}

export async function saveLog(area: StorageArea, log: ReminderLog): Promise<void> {
  await area.set({ [REMINDER_LOG_KEY]: log });
}
