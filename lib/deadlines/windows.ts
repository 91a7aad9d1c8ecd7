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
 * Sora's closure (policies.ts SORA_CLOSURE) opens a window of its own, 'sora-closure', for every
 * Sora account whose cameo was not deleted before it: OpenAI never said what became of cameos, and
 * the user is asked to verify, as for a deletion. See `soraClosureOpener` for who gets one.
 *
 * Folder lib/deadlines/: deadlines: when a purge window or a legal deadline falls due, counted in
 * calendar days and months of the user's zone (windows.ts); the options every reader takes them
 * with; dates known only to the month; the calendar file.
 */
import { clockLength, ROUTES, type TakedownRouteId } from '../copies/routes';
import { addDuration, endOfLocalDay, fromLocal, startOfLocalDay } from './calendar';
import type { Account, EventKind, LedgerEvent } from '../ledger/events';
import { countedFrom } from './month-precision';
import { handleKey } from '../ledger/relations';
import {
  LEGAL_DEADLINES,
  RETENTION_POLICIES,
  SORA_CLOSURE,
  SORA_CLOSURE_WINDOW,
  type Duration,
  type Law,
  type RetentionPolicy,
  type Source,
  type WindowKind,
} from '../facts/policies';
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

const RETENTION_BY_OPENER = new Map<EventKind, RetentionPolicy>(Object.values(RETENTION_POLICIES).map((p) => [p.opensOn, p]));

/** A legal deadline and its extension, as one length from the request. */
const plus = (a: Duration, b: Duration): Duration => ({ months: (a.months ?? 0) + (b.months ?? 0), days: (a.days ?? 0) + (b.days ?? 0) });

interface Opening {
  kind: DeadlineKind;
  law?: Exclude<Law, 'none'>;
  route?: TakedownRouteId;
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
  if (e.kind === 'takedown-requested') {
    const route = ROUTES[e.details.route];
    const { length, counted } = clockLength(route, e.details.remindInDays);
    return { kind: 'takedown', route: route.id, length, counted, statement: route.clock.statement, source: route.source };
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

/** A window as the ledger's events open and settle it, before any calendar arithmetic. */
interface Opened {
  opener: LedgerEvent;
  opening: Opening;
  /** When its verification or final answer came, if it did. */
  closedAt: number | undefined;
  followUps: LedgerEvent[];
  /** A window of Sora's closure: it counts from the closure day, not from its opener. */
  closure: boolean;
  /** A takedown the platform refused (closed, but not gone). */
  refused: boolean;
}

/** Which events open a window and what settled each: one pass, no dates worked out. */
function openedBy(events: readonly LedgerEvent[], overrides: WindowOptions['overrides']): Opened[] {
  const extended = new Set<string>();
  const verified: [string, number][] = [];
  const answered: [string, number][] = [];
  const followUps = new Map<string, LedgerEvent[]>();
  const takedownEnds: [string, number][] = [];
  const refused = new Set<string>();
  for (const e of events) {
    if (e.kind === 'takedown-outcome') {
      takedownEnds.push([e.details.request, e.occurredAt]);
      if (e.details.outcome === 'refused') refused.add(e.details.request);
    }
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
  const takedownEndedAt = earliestByTarget(takedownEnds);
  const closers: Record<DeadlineKind, Map<string, number>> = {
    'cameo-purge': purgeVerifiedAt,
    'account-purge': purgeVerifiedAt,
    'export-link': purgeVerifiedAt,
    'sora-closure': purgeVerifiedAt,
    'legal-deadline': answeredAt,
    takedown: takedownEndedAt,
  };
  const opened = (opener: LedgerEvent, opening: Opening, closure: boolean): Opened => ({
    opener,
    opening,
    closedAt: closers[opening.kind].get(opener.id),
    followUps: followUps.get(opener.id) ?? [],
    closure,
    refused: refused.has(opener.id),
  });
  const found: Opened[] = [];
  for (const e of events) {
    const opening = openingOf(e, overrides, extended);
    if (opening) found.push(opened(e, opening, false));
  }
  const { length, statement, source } = SORA_CLOSURE_WINDOW;
  const closure: Opening = { kind: SORA_CLOSURE_WINDOW.id, length, counted: 'days', statement, source };
  for (const opener of soraClosureOpeners(events)) found.push(opened(opener, closure, true));
  return found;
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

// ---------------------------------------------------------------------------
// Sora's closure.

const [CLOSURE_YEAR, CLOSURE_MONTH, CLOSURE_DAY] = SORA_CLOSURE.apps.date.split('-').map(Number) as [number, number, number];

/** The closure day is a date: its window counts from that day of the user's own calendar. */
const closureDayStart = (timeZone: string) =>
  fromLocal({ year: CLOSURE_YEAR, month: CLOSURE_MONTH, day: CLOSURE_DAY, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);

/**
 * What counts as done before the closure: anything that happened up to the end of the closure day
 * anywhere on Earth (UTC−12), since after the apps closed nothing could be done in them. One instant
 * for every zone, so that which accounts get a window does not depend on the zone they are read in
 * (the popup's summary keeps the deciding entries, lib/ledger/ledger.ts), and a month-precision entry of
 * April 2026 (1 April) counts as before.
 */
export const SORA_CLOSED_AFTER = Date.UTC(CLOSURE_YEAR, CLOSURE_MONTH - 1, CLOSURE_DAY + 1, 12);

/** Entries that show a Sora account had a cameo; restrictions and appearances always come with one of these. */
const CAMEO_SIGNS: ReadonlySet<EventKind> = new Set(['cameo-created', 'audience-changed', 'access-granted', 'access-revoked']);
/**
 * What deletes a cameo: deleting it, or deleting the Sora account, which took the profile and the
 * cameo with it (policies.ts ACCOUNT_DELETION_TAKES). Either opened its own 30-day window, which
 * stays the one to verify. A deletion recorded on ChatGPT is not tied to a Sora handle and counts
 * for none; the guided history flow records it on the Sora account.
 */
const CAMEO_ENDS: ReadonlySet<EventKind> = new Set(['cameo-deleted', 'account-deletion-requested']);

interface ClosureDeciders {
  /** The account's first sign of a cameo, and its latest creation, and latest deletion, before the closure. */
  firstSign?: LedgerEvent;
  lastCreated?: LedgerEvent;
  lastEnd?: LedgerEvent;
}

function closureDecidersByAccount(events: readonly LedgerEvent[]): Map<string, ClosureDeciders> {
  const byAccount = new Map<string, ClosureDeciders>();
  for (const e of events) {
    if (e.account.service !== 'sora' || e.occurredAt >= SORA_CLOSED_AFTER) continue;
    const sign = CAMEO_SIGNS.has(e.kind);
    const end = CAMEO_ENDS.has(e.kind);
    if (!sign && !end) continue;
    const key = handleKey(e.account.handle);
    const d = byAccount.get(key) ?? {};
    byAccount.set(key, d);
    const later = (than?: LedgerEvent) => !than || e.occurredAt > than.occurredAt || (e.occurredAt === than.occurredAt && e.id > than.id);
    if (sign && (!d.firstSign || !later(d.firstSign))) d.firstSign = e;
    if (e.kind === 'cameo-created' && later(d.lastCreated)) d.lastCreated = e;
    if (end && later(d.lastEnd)) d.lastEnd = e;
  }
  return byAccount;
}

/**
 * The entry each Sora account's closure window hangs on, for every account that had a cameo and
 * did not delete it before the closure: its latest creation, else its first sign. A deletion ends
 * the cameo unless a creation came after it; a grant after a deletion makes no new cameo.
 */
function soraClosureOpeners(events: readonly LedgerEvent[]): LedgerEvent[] {
  const openers: LedgerEvent[] = [];
  for (const { firstSign, lastCreated, lastEnd } of closureDecidersByAccount(events).values()) {
    if (!firstSign) continue;
    if (lastEnd && (!lastCreated || lastCreated.occurredAt <= lastEnd.occurredAt)) continue;
    openers.push(lastCreated ?? firstSign);
  }
  return openers;
}

/** The entries that decide the closure windows, for summaries that keep only some entries (lib/ledger/ledger.ts). */
export function soraClosureDeciders(events: readonly LedgerEvent[]): LedgerEvent[] {
  return [...closureDecidersByAccount(events).values()].flatMap((d) => [d.firstSign, d.lastCreated, d.lastEnd].filter((e) => e !== undefined));
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
