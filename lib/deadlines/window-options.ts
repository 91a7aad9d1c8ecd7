/**
 * The one place the popup, the dashboard, the reminders and the reports get their window options
 * from: the user's time zone and lead days (settings), and the grace days. Computing them anywhere
 * else let the popup count in the system zone without the lead time while the dashboard used the
 * settings, so one window could show two statuses.
 */
import type { Settings } from '../settings/settings';

/** The defaults, once: settings.ts offers leadDays as its default, windows.ts falls back to both. */
export const WINDOW_DEFAULTS = {
  /** Days before the due day when a window counts as due soon. */
  leadDays: 3,
  /** Days after the due day in which a closed window awaits verification before it is overdue. */
  graceDays: 7,
} as const;

export interface SettledWindowOptions {
  now: number;
  timeZone: string;
  leadDays: number;
  graceDays: number;
}

export function windowOptions(settings: Pick<Settings, 'timeZone' | 'leadDays'>, now: number): SettledWindowOptions {
  return { now, timeZone: settings.timeZone, leadDays: settings.leadDays, graceDays: WINDOW_DEFAULTS.graceDays };
}

/** The same options in the shape report building takes (lib/report/build.ts ReportOptions). */
export function reportTiming(settings: Pick<Settings, 'timeZone' | 'leadDays'>, now: number) {
  const { timeZone, leadDays, graceDays } = windowOptions(settings, now);
  return { now, timeZone, windows: { leadDays, graceDays } };
}
