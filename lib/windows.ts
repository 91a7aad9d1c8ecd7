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
 */
import { addDuration, endOfLocalDay, startOfLocalDay } from './calendar';
import type { Account, EventKind, LedgerEvent } from './events';
import {
  LEGAL_DEADLINES,
  RETENTION_POLICIES,
  type Duration,
  type Law,
  type RetentionPolicy,
  type Source,
  type WindowKind,
} from './policies';

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
  /** From this moment an unverified window is due soon (the start of its last leadDays local days). */
  dueSoonFrom: number;
  /** From this moment an unverified window is overdue (the start of the local day after the grace days). */
  overdueFrom: number;
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

const DAY_MS = 86_400_000;

const RETENTION_BY_OPENER = new Map<EventKind, RetentionPolicy>(Object.values(RETENTION_POLICIES).map((p) => [p.opensOn, p]));

/** A legal deadline and its extension, as one length from the request. */
const plus = (a: Duration, b: Duration): Duration => ({ months: (a.months ?? 0) + (b.months ?? 0), days: (a.days ?? 0) + (b.days ?? 0) });

interface Opening {
  kind: DeadlineKind;
  law?: Exclude<Law, 'none'>;
  length: Duration;
  counted: RetentionPolicy['counted'];
  statement: string;
  source: Source;
}

/** A privacy request opens a legal deadline; so does a follow-up to OpenAI's privacy team, itself a request. */
function requestLaw(e: LedgerEvent): Exclude<Law, 'none'> | null {
  const law = e.kind === 'privacy-request-sent' || (e.kind === 'follow-up-sent' && e.details.to === 'openai-privacy') ? e.details.law : 'none';
  return law === 'none' ? null : law;
}

function openingOf(e: LedgerEvent, overrides: WindowOptions['overrides'], extended: ReadonlySet<string>): Opening | null {
  const retention = RETENTION_BY_OPENER.get(e.kind);
  if (retention) {
    const { id: kind, counted, statement, source } = retention;
    return { kind, length: overrides?.[kind] ?? retention.length, counted, statement, source };
  }
  const law = requestLaw(e);
  if (!law) return null;
  const { respondWithin, extension, statement, source } = LEGAL_DEADLINES[law];
  const length = extended.has(e.id) ? plus(respondWithin, extension) : respondWithin;
  return { kind: 'legal-deadline', law, length, counted: 'days', statement, source };
}

function dueMoment(openedAt: number, { length, counted }: Opening, timeZone: string): number {
  if (counted === 'elapsed') return addDuration(openedAt, { months: length.months ?? 0 }, timeZone) + (length.days ?? 0) * DAY_MS;
  return endOfLocalDay(addDuration(openedAt, length, timeZone), timeZone);
}

/** Settling events by the window they name, earliest first wins. */
function earliestByTarget(entries: [string, number][]): Map<string, number> {
  const earliest = new Map<string, number>();
  for (const [target, at] of entries) earliest.set(target, Math.min(earliest.get(target) ?? Infinity, at));
  return earliest;
}

/**
 * Every window the ledger opens, with its due moment and status now, soonest due first.
 * `events` are the effective events (lib/ledger.ts `effectiveEvents`): edits and removals applied.
 */
export function computeWindows(events: readonly LedgerEvent[], options: WindowOptions): DeadlineWindow[] {
  const { now, timeZone, leadDays = 3, graceDays = 7, overrides } = options;
  const extended = new Set<string>();
  const verified: [string, number][] = [];
  const answered: [string, number][] = [];
  const followUps = new Map<string, LedgerEvent[]>();
  for (const e of events) {
    if (e.kind === 'purge-verified') verified.push([e.details.window, e.occurredAt]);
    if (e.kind === 'privacy-answer-received') {
      if (e.details.outcome === 'extended') extended.add(e.details.request);
      // 'other' is an answer that settles nothing (a question back, a receipt): the clock runs on.
      if (e.details.outcome === 'done' || e.details.outcome === 'refused') answered.push([e.details.request, e.occurredAt]);
    }
    if (e.kind === 'follow-up-sent') {
      // Added to in place: a copy of the list per follow-up was quadratic in an imported file's follow-ups.
      const list = followUps.get(e.details.window);
      if (list) list.push(e);
      else followUps.set(e.details.window, [e]);
    }
  }
  // A purge is settled by its verification, a legal deadline by a final answer; never the other way round.
  const purgeVerifiedAt = earliestByTarget(verified);
  const answeredAt = earliestByTarget(answered);

  const windows: DeadlineWindow[] = [];
  for (const e of events) {
    const opening = openingOf(e, overrides, extended);
    if (!opening) continue;
    const dueAt = dueMoment(e.occurredAt, opening, timeZone);
    const dueSoonFrom = startOfLocalDay(addDuration(dueAt, { days: 1 - leadDays }, timeZone), timeZone);
    const overdueFrom = endOfLocalDay(addDuration(dueAt, { days: graceDays }, timeZone), timeZone) + 1;
    const closedAt = (opening.kind === 'legal-deadline' ? answeredAt : purgeVerifiedAt).get(e.id);
    windows.push({
      id: e.id,
      kind: opening.kind,
      opener: e,
      account: e.account,
      openedAt: e.occurredAt,
      dueAt,
      status: closedAt !== undefined ? 'verified' : statusAt(now, { dueAt, dueSoonFrom, overdueFrom }),
      ...(opening.law ? { law: opening.law } : {}),
      length: opening.length,
      statement: opening.statement,
      source: opening.source,
      ...(closedAt !== undefined ? { closedAt } : {}),
      followUps: (followUps.get(e.id) ?? []).sort((a, b) => a.occurredAt - b.occurredAt),
      dueSoonFrom,
      overdueFrom,
    });
  }
  return windows.sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id));
}

type Moments = Pick<DeadlineWindow, 'dueAt' | 'dueSoonFrom' | 'overdueFrom'>;

function statusAt(now: number, { dueAt, dueSoonFrom, overdueFrom }: Moments): WindowStatus {
  if (now < dueSoonFrom) return 'open';
  if (now <= dueAt) return 'due-soon';
  if (now < overdueFrom) return 'closed-awaiting-verification';
  return 'overdue';
}

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
