/**
 * Windows: from a deletion or a privacy request to the day it should be done.
 * Status is computed from the ledger and the clock at every read, never stored.
 * CONTRACT (implemented by the derivations work): signatures here are what the popup,
 * reminders and reports rely on.
 */
import type { Account, LedgerEvent } from './events';
import type { Duration, Law, Source, WindowKind } from './policies';

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

export function computeWindows(_events: readonly LedgerEvent[], _options: WindowOptions): DeadlineWindow[] {
  throw new Error('computeWindows: not implemented yet');
}
