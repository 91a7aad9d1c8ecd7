/** What every dashboard section is given: the ledger, what is derived from it, and ways to act. */
import type { Account, LedgerEvent } from '@/lib/ledger/events';
import type { LedgerDb } from '@/lib/ledger/ledger';
import type { LedgerWrites } from '@/lib/ledger/ui-writes';
import type { Settings } from '@/lib/settings/settings';
import type { DeadlineWindow } from '@/lib/deadlines/windows';
import type { DeepLink } from './deep-link';

export interface DashboardContext {
  /** The ledger, to read: the page never writes to it itself. */
  db: LedgerDb;
  /** Every write, through the background (badge and reminders follow there). */
  writes: LedgerWrites;
  /** Every event as stored: edits, removals and reviews included. */
  all: LedgerEvent[];
  /**
   * False while only the ledger's newest page is read (`all` and `events` are that page, `windows`
   * empty): only sections marked `firstPage` are shown then.
   */
  complete: boolean;
  /** The events that count (`effectiveEvents(all)`): every view starts from these. */
  events: LedgerEvent[];
  accounts: Account[];
  /** Every window with its status now. */
  windows: DeadlineWindow[];
  now: number;
  settings: Settings;
  /** Saves changed settings; rejects, saving nothing, when a value is invalid. */
  saveSettings(changes: Partial<Settings>): Promise<void>;
  /** The link the dashboard was opened with, or last followed (its `params` are for sections). */
  link: DeepLink;
  /** The entry whose details are open in the timeline. */
  entry: string | null;
  /** Opens an entry's details where the timeline is (a click on its row). */
  select(id: string | null): void;
  /** Goes to an entry: scrolls to the timeline, shows it and its details, and moves focus there (`draft`: to its draft). */
  showEntry(id: string, draft?: boolean): void;
  /** Counts calls of showEntry, so the timeline knows when to move focus. */
  revealed: number;
  /** Reads the ledger afresh (after it was erased). */
  reload(): void;
  /** Says something to screen readers (and shows it): the outcome of an action. */
  announce(text: string): void;
  /** The whole ledger, `entryCount` entries, was just exported unredacted: a backup (lib/reminders/backup-nudge.ts). */
  backedUp(entryCount: number): Promise<void>;
}
