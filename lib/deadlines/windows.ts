/**
 * Windows: from a deletion or a privacy request to the day it should be done.
 * Status is computed from the ledger and the clock at every read, never stored.
 *
 * When a window is due. A promise in days ("within 30 days", "within one month") is read as the
 * user and the law read it (Regulation 1182/71, Art. 3): the day of the deletion or request is
 * day 0 and not counted, and a window of N days is due at the end of local day N. Deleted on
 * 3 Oct: 2 Nov is day 30, the last day; 3 Nov, day 31, is past it. A month runs to the same date
 * of the next month, or to that month's last day (a request on 31 Jan is due at the end of 28/29 Feb).
 * A length counted as elapsed time (the export link's 24 hours) is due at that very moment.
 *
 * When the status changes, with the defaults (leadDays 3, graceDays 7), for a 30-day window:
 * open up to day 27; due soon from the start of day 28 (the last leadDays local days);
 * closed and awaiting verification from the moment after it is due, days 31 to 37 (graceDays
 * local days); overdue from the start of day 38.
 *
 * An entry remembered only to the month (lib/deadlines/month-precision.ts) is counted from the last day of
 * that month: the deadline shown is then never earlier than the real one.
 *
 * A takedown request (lib/copies/routes.ts) opens a 'takedown' window: the route's clock (48 hours,
 * a month) or, where the route states none, the days the user chose. It has no grace days: past
 * its clock it is overdue at once (the platform, not the user, had something to do). The user's
 * "I checked: it is gone" or a refusal closes it.
 *
 * Sora's closure opens a window of its own, 'sora-closure' (sora-closure.ts says for whom). Which
 * entries open a window, for how long, and which settle it is openings.ts; here, when it falls due.
 *
 * Folder lib/deadlines/: deadlines: when a purge window or a legal deadline falls due, counted in
 * calendar days and months of the user's zone (windows.ts); which entries open and settle a window
 * (openings.ts); Sora's closure's own window; the options every reader takes them with; dates known
 * only to the month; the calendar file.
 */
import type { TakedownRouteId } from '../copies/routes';
import { addDuration, endOfLocalDay, startOfLocalDay } from './calendar';
import type { Account, LedgerEvent } from '../ledger/events';
import { countedFrom } from './month-precision';
import { SORA_CLOSURE_WINDOW, type Duration, type Law, type Source, type WindowKind } from '../facts/policies';
import { openedBy, type Opening } from './openings';
import { closureDayStart } from './sora-closure';
import { WINDOW_DEFAULTS } from './window-options';

export type WindowStatus =
  /** Not yet due, and not within the lead time. */
  | 'open'
  /** Due within the lead time (default 3 days). */
  | 'due-soon'
  /** Past due, within the grace days in which the user is asked to verify. */
  | 'closed-awaiting-verification'
  /** Past due and past grace without verification: a follow-up is suggested. */
  | 'overdue'
  /** Purge verified, or the privacy request answered. */
  | 'verified';

export type DeadlineKind = WindowKind | 'legal-deadline' | typeof SORA_CLOSURE_WINDOW.id | 'takedown';

export interface DeadlineWindow {
  /**
   * The id of the event that opened the window; for Sora's closure, of the account's cameo entry
   * (its creation, else its first sign) that the closure left undeleted.
   */
  id: string;
  kind: DeadlineKind;
  opener: LedgerEvent;
  account: Account;
  openedAt: number;
  dueAt: number;
  status: WindowStatus;
  /** For a legal deadline: which law. */
  law?: Law;
  /** For a takedown: its route, and whether the platform refused (the window is then closed, not verified gone). */
  route?: TakedownRouteId;
  refused?: true;
  length: Duration;
  statement: string;
  source: Source;
  /** When the user verified the purge or the answer came. */
  closedAt?: number;
  /** Follow-ups sent about this window, oldest first. */
  followUps: LedgerEvent[];
  /** From this moment an unverified window is due soon (the start of its last leadDays local days). */
  dueSoonFrom: number;
  /** From this moment an unverified window is overdue (the start of the local day after the grace days). */
  overdueFrom: number;
}

export interface WindowOptions {
  now: number;
  /** IANA zone of the user, e.g. 'Europe/Berlin'. Calendar arithmetic happens in it. */
  timeZone: string;
  /** Days before dueAt when a window counts as due soon. Default WINDOW_DEFAULTS (window-options.ts). */
  leadDays?: number;
  /** Days after dueAt in which a closed window awaits verification before it is overdue. Default WINDOW_DEFAULTS. */
  graceDays?: number;
  /** The user's own window lengths, overriding a policy's. */
  overrides?: Partial<Record<WindowKind, Duration>>;
}

const DAY_MS = 86_400_000;

function dueMoment(openedAt: number, { length, counted }: Opening, timeZone: string): number {
  if (counted === 'elapsed') return addDuration(openedAt, { months: length.months ?? 0 }, timeZone) + (length.days ?? 0) * DAY_MS;
  return endOfLocalDay(addDuration(openedAt, length, timeZone), timeZone);
}

/**
 * Every window's opener and whether it is settled, without its dates: what the popup's summary
 * keeps depends on nothing else (lib/ledger/ledger.ts), and working out each window's dates in the
 * user's calendar was most of a write's cost after a file of thousands of windows.
 */
export function windowOpeners(events: readonly LedgerEvent[]): { id: string; opener: LedgerEvent; verified: boolean }[] {
  return openedBy(events, undefined).map(({ opener, closedAt }) => ({ id: opener.id, opener, verified: closedAt !== undefined }));
}

/**
 * Every window the ledger opens, with its due moment and status now, soonest due first.
 * `events` are the effective events (lib/ledger/relations.ts `effectiveEvents`): edits and removals applied.
 */
export function computeWindows(events: readonly LedgerEvent[], options: WindowOptions): DeadlineWindow[] {
  const { now, timeZone, leadDays = WINDOW_DEFAULTS.leadDays, graceDays = WINDOW_DEFAULTS.graceDays, overrides } = options;
  const windows = openedBy(events, overrides).map(({ opener, opening, closedAt, followUps, closure, refused }): DeadlineWindow => {
    const openedAt = closure ? closureDayStart(timeZone) : countedFrom(opener, timeZone);
    const dueAt = dueMoment(openedAt, opening, timeZone);
    const dueSoonFrom = startOfLocalDay(addDuration(dueAt, { days: 1 - leadDays }, timeZone), timeZone);
    // A takedown's clock has no grace days: past it, the platform is late at once.
    const overdueFrom = opening.kind === 'takedown' ? dueAt + 1 : endOfLocalDay(addDuration(dueAt, { days: graceDays }, timeZone), timeZone) + 1;
    return {
      id: opener.id,
      kind: opening.kind,
      opener,
      account: opener.account,
      openedAt,
      dueAt,
      status: closedAt !== undefined ? 'verified' : statusAt(now, { dueAt, dueSoonFrom, overdueFrom }),
      ...(opening.law ? { law: opening.law } : {}),
      ...(opening.route ? { route: opening.route } : {}),
      ...(closedAt !== undefined && refused ? { refused: true as const } : {}),
      length: opening.length,
      statement: opening.statement,
      source: opening.source,
      ...(closedAt !== undefined ? { closedAt } : {}),
      followUps: followUps.sort((a, b) => a.occurredAt - b.occurredAt),
      dueSoonFrom,
      overdueFrom,
    };
  });
  return windows.sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id));
}

type Moments = Pick<DeadlineWindow, 'dueAt' | 'dueSoonFrom' | 'overdueFrom'>;

function statusAt(now: number, { dueAt, dueSoonFrom, overdueFrom }: Moments): WindowStatus {
  if (now < dueSoonFrom) return 'open';
  if (now <= dueAt) return 'due-soon';
  if (now < overdueFrom) return 'closed-awaiting-verification';
  return 'overdue';
}

/** Whether a window's start was moved to the end of a remembered month (the closure window counts from the closure). */
export const countsFromMonth = (kind: DeadlineKind, opener: LedgerEvent): boolean => kind !== SORA_CLOSURE_WINDOW.id && opener.occurredPrecision === 'month';

/** Windows past their due moment and not verified: the toolbar badge counts these. */
export function windowsClosedUnverified(windows: readonly DeadlineWindow[]): DeadlineWindow[] {
  return windows.filter((w) => w.status === 'closed-awaiting-verification' || w.status === 'overdue');
}

/**
 * The earliest moment after `now` at which an unverified window's status changes (it turns due
 * soon, closes, or turns overdue), for the reminder alarm; null when none will.
 */
export function nextDueMoment(windows: readonly DeadlineWindow[], now: number): number | null {
  let next: number | null = null;
  for (const w of windows) {
    if (w.status === 'verified') continue;
    for (const t of [w.dueSoonFrom, w.dueAt + 1, w.overdueFrom]) {
      if (t > now && (next === null || t < next)) next = t;
    }
  }
  return next;
}
