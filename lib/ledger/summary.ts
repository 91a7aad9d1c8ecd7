/**
 * What the popup shows at a glance, derived from the ledger's summary inputs (never the whole log).
 * Computed in the background, so the popup itself needs neither the database nor the schemas.
 */
import { namings } from './account-names';
import type { Account, Audience, LedgerEvent } from './events';
import { accountsOf, audienceNow, peopleWithAccess } from './grants';
import { accountKey, effectiveEvents, sameAccount } from './relations';
import { computeWindows, countsFromMonth, windowsClosedUnverified, type DeadlineKind, type WindowOptions, type WindowStatus } from '../deadlines/windows';

export interface WindowAtAGlance {
  id: string;
  kind: DeadlineKind;
  status: WindowStatus;
  openedAt: number;
  dueAt: number;
  /** Counted from the last day of a month the user remembered (lib/deadlines/month-precision.ts). */
  fromMonth?: true;
}

export interface AccountAtAGlance {
  account: Account;
  /** The name the user gave an account whose pages show no handle, and the entry that says so (a new name supersedes it). */
  naming?: { id: string; name: string };
  audience: Audience | null;
  /** `sinceMonth`: the grant was remembered only to the month, so `since` means that month. */
  people: { person: string; since: number; sinceMonth?: true }[];
  /** Windows not yet verified, soonest first. */
  windows: WindowAtAGlance[];
}

export interface PopupSummary {
  accounts: AccountAtAGlance[];
  latest: LedgerEvent[];
  /** Windows closed without verification (the badge). */
  closedUnverified: number;
  /** Observations waiting for room because storage is full, and those the bounded queue lost. */
  waiting?: { count: number; dropped: number };
}

export function popupSummary(
  inputs: { events: LedgerEvent[]; latest: LedgerEvent[] },
  options: WindowOptions,
): PopupSummary {
  const events = effectiveEvents(inputs.events);
  const windows = computeWindows(events, options);
  const named = namings(events);
  const accounts = accountsOf([...events, ...inputs.latest]).map((account) => ({
    account,
    ...withNaming(named.get(accountKey(account))),
    audience: audienceNow(events, account),
    people: peopleWithAccess(events, account),
    windows: windows
      .filter((w) => w.status !== 'verified' && sameAccount(w.account, account))
      .map(({ id, kind, status, openedAt, dueAt, opener }) => ({ id, kind, status, openedAt, dueAt, ...(countsFromMonth(kind, opener) ? { fromMonth: true as const } : {}) })),
  }));
  return { accounts, latest: inputs.latest, closedUnverified: windowsClosedUnverified(windows).length };
}

const withNaming = (e: { id: string; details: { name: string } } | undefined) => (e ? { naming: { id: e.id, name: e.details.name } } : {});
