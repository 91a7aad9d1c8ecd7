/**
 * Windows: from a deletion or a privacy request to the day it should be done.
 * Status is computed from the ledger and the clock at every read, never stored.
 *
 * When a window closes: a purge window of N days opened on local day D is due at the end of the
 * local day D + N ("deleted on 3 Oct, purged by 2 Nov"): day 30 is the last day of a 30-day window,
 * day 31 is past it. A legal deadline is counted the same way from the day the request was sent.
 */
import { addDuration, endOfLocalDay } from './calendar';
import type { Account, LedgerEvent } from './events';
import { LEGAL_DEADLINES, RETENTION_POLICIES, type Duration, type Law, type Source, type WindowKind } from './policies';

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

export type DeadlineKind = WindowKind | 'legal-deadline';

export interface DeadlineWindow {
  /** The id of the event that opened the window. */
  id: string;
  kind: DeadlineKind;
  opener: LedgerEvent;
  account: Account;
  openedAt: number;
  dueAt: number;
  status: WindowStatus;
  /** For a legal deadline: which law. */
  law?: Law;
  length: Duration;
  statement: string;
  source: Source;
  /** When the user verified the purge or the answer came. */
  closedAt?: number;
  /** Follow-ups sent about this window, oldest first. */
  followUps: LedgerEvent[];
}

export interface WindowOptions {
  now: number;
  /** IANA zone of the user, e.g. 'Europe/Berlin'. Calendar arithmetic happens in it. */
  timeZone: string;
  /** Days before dueAt when a window counts as due soon. Default 3. */
  leadDays?: number;
  /** Days after dueAt in which a closed window awaits verification before it is overdue. Default 7. */
  graceDays?: number;
  /** The user's own window lengths, overriding a policy's. */
  overrides?: Partial<Record<WindowKind, Duration>>;
}

/** Adds two durations, for a legal deadline and its extension. */
const plus = (a: Duration, b: Duration): Duration => ({ months: (a.months ?? 0) + (b.months ?? 0), days: (a.days ?? 0) + (b.days ?? 0) });

interface Opening {
  opener: LedgerEvent;
  kind: DeadlineKind;
  law?: Law;
  length: Duration;
  statement: string;
  source: Source;
}

function openingOf(e: LedgerEvent, overrides: WindowOptions['overrides'], extended: Set<string>): Opening | null {
  const retention = Object.values(RETENTION_POLICIES).find((p) => p.opensOn === e.kind);
  if (retention) {
    const length = overrides?.[retention.id] ?? retention.length;
    return { opener: e, kind: retention.id, length, statement: retention.statement, source: retention.source };
  }
  const law = e.kind === 'privacy-request-sent' ? e.details.law : e.kind === 'follow-up-sent' && e.details.to === 'openai-privacy' ? e.details.law : null;
  if (!law || law === 'none') return null;
  const deadline = LEGAL_DEADLINES[law];
  return {
    opener: e,
    kind: 'legal-deadline',
    law,
    length: extended.has(e.id) ? plus(deadline.respondWithin, deadline.extension) : deadline.respondWithin,
    statement: `${deadline.name}: an answer is due within ${describe(deadline.respondWithin)}${extended.has(e.id) ? `, extended by ${describe(deadline.extension)}` : ''}.`,
    source: deadline.source,
  };
}

const describe = (d: Duration) =>
  [d.months ? `${d.months} month${d.months === 1 ? '' : 's'}` : '', d.days ? `${d.days} days` : ''].filter(Boolean).join(' and ') || 'no time';

/**
 * Every window the ledger opens, with its due moment and status now. `events` are the effective
 * events (lib/ledger.ts `effectiveEvents`): edits and removals already applied.
 */
export function computeWindows(events: readonly LedgerEvent[], options: WindowOptions): DeadlineWindow[] {
  const { now, timeZone, leadDays = 3, graceDays = 7, overrides } = options;
  const closedAt = new Map<string, number>();
  const extended = new Set<string>();
  const followUps = new Map<string, LedgerEvent[]>();
  for (const e of events) {
    if (e.kind === 'purge-verified') closedAt.set(e.details.window, Math.min(closedAt.get(e.details.window) ?? Infinity, e.occurredAt));
    if (e.kind === 'privacy-answer-received') {
      if (e.details.outcome === 'extended') extended.add(e.details.request);
      else closedAt.set(e.details.request, Math.min(closedAt.get(e.details.request) ?? Infinity, e.occurredAt));
    }
    if (e.kind === 'follow-up-sent') followUps.set(e.details.window, [...(followUps.get(e.details.window) ?? []), e]);
  }
  const windows: DeadlineWindow[] = [];
  for (const e of events) {
    const opening = openingOf(e, overrides, extended);
    if (!opening) continue;
    const dueAt = endOfLocalDay(addDuration(e.occurredAt, opening.length, timeZone), timeZone);
    const closed = closedAt.get(e.id);
    windows.push({
      id: e.id,
      kind: opening.kind,
      opener: e,
      account: e.account,
      openedAt: e.occurredAt,
      dueAt,
      status: statusOf(dueAt, closed, now, timeZone, leadDays, graceDays),
      ...(opening.law ? { law: opening.law } : {}),
      length: opening.length,
      statement: opening.statement,
      source: opening.source,
      ...(closed !== undefined ? { closedAt: closed } : {}),
      followUps: (followUps.get(e.id) ?? []).sort((a, b) => a.occurredAt - b.occurredAt),
    });
  }
  return windows.sort((a, b) => a.dueAt - b.dueAt);
}

/** The moments at which a window's status changes: lead time starts, due, grace ends. */
function transitions(dueAt: number, timeZone: string, leadDays: number, graceDays: number) {
  return {
    dueSoonFrom: addDuration(dueAt + 1, { days: -leadDays }, timeZone),
    overdueFrom: addDuration(dueAt + 1, { days: graceDays }, timeZone),
  };
}

function statusOf(dueAt: number, closed: number | undefined, now: number, timeZone: string, leadDays: number, graceDays: number): WindowStatus {
  if (closed !== undefined) return 'verified';
  const { dueSoonFrom, overdueFrom } = transitions(dueAt, timeZone, leadDays, graceDays);
  if (now < dueSoonFrom) return 'open';
  if (now <= dueAt) return 'due-soon';
  if (now < overdueFrom) return 'closed-awaiting-verification';
  return 'overdue';
}

/** Windows past their due moment and not verified: the toolbar badge counts these. */
export function windowsClosedUnverified(windows: readonly DeadlineWindow[]): DeadlineWindow[] {
  return windows.filter((w) => w.status === 'closed-awaiting-verification' || w.status === 'overdue');
}

/** The earliest moment after `now` at which any open window's status changes; null if none will. */
export function nextDueMoment(windows: readonly DeadlineWindow[], now: number, options: Pick<WindowOptions, 'timeZone' | 'leadDays' | 'graceDays'>): number | null {
  const { timeZone, leadDays = 3, graceDays = 7 } = options;
  let next: number | null = null;
  for (const w of windows) {
    if (w.status === 'verified') continue;
    const { dueSoonFrom, overdueFrom } = transitions(w.dueAt, timeZone, leadDays, graceDays);
    for (const t of [dueSoonFrom, w.dueAt + 1, overdueFrom]) {
      if (t > now && (next === null || t < next)) next = t;
    }
  }
  return next;
}

