/**
 * The ledger's IndexedDB tables: the schema history, what each row holds, and the tables by name
 * (`tablesOf`), so the same code runs in a write's transaction and in an upgrade's. Types and data
 * only: the database itself is `LedgerDb` (ledger.ts), the write path append.ts.
 */
import type { Table } from 'dexie';
import type { LedgerEvent } from './events';
import type { ChainLink } from './fingerprint';

export const DB_NAME = 'likeness-ledger';

/**
 * Schema history. Every version stays listed: Dexie upgrades a database of any earlier
 * version by running the steps after it in order. A new version adds a line and, if data
 * must change shape, an upgrade function with its test in test/unit/ledger/upgrade.test.ts.
 */
export const DB_VERSIONS = {
  1: { events: 'id, key, kind, occurredAt, [kind+occurredAt], supersedes' },
  /**
   * The popup's summary. `summary`: per account, the events its summary derives from.
   * `summaryMembers`: each summary-kind event with its account and whether it is gone, to rebuild
   * one account's row from one read.
   * `references`: what an event replaces, retracts or settles, so that what makes an event gone
   * or a window closed is found without a scan. In a table of their own rather than as indexes
   * on `events`: one event in a hundred refers to another, and an index that most rows lack
   * costs every write (in fake-indexeddb, an exception per row). `kind` and `[kind+occurredAt]`
   * go: nothing reads through them, and every index is paid for by every write.
   * `newest`: one row, the newest effective events, so the popup's "latest" needs no query either.
   */
  2: {
    events: 'id, key, occurredAt',
    references: '[id+relation], target',
    summaryMembers: 'id, account',
    summary: 'account',
    newest: 'id',
  },
  /**
   * The fingerprint chain (lib/ledger/fingerprint.ts): one link per event, by the order this ledger
   * recorded them. A table of its own: the events stay as they were recorded.
   */
  3: { chain: 'seq, &id' },
  /**
   * The popup's summary in parts (`SummaryPart`): an account's head, one part per person, one per
   * window, so that a write puts a few small values whatever the ledger's size or a file's. One
   * row per account grew with what a file put in it (4,100 events, 434 KB, rewritten by every write
   * after a crafted 12,000-event import; Chromium keeps a value over 64 KB as a file of its own).
   */
  4: { summary: null, summaryParts: '[account+part]' },
} as const;

/** The newest effective events, newest first (copies), at most NEWEST_KEPT. */
export interface NewestEvents {
  id: typeof NEWEST;
  events: LedgerEvent[];
}
export const NEWEST = 'newest';
/** More than the popup shows; a caller asking for more is answered from the log. */
export const NEWEST_KEPT = 30;

/** A summary-kind event (a copy: events never change), with its account (see `accountKey`). */
export interface SummaryMember {
  id: string;
  account: string;
  /** Superseded, removed or dismissed; for good, since a new version or a retraction is never taken back. */
  gone: boolean;
  event: LedgerEvent;
}

/**
 * One part of an account's summary (`summaryParts`): the events that part needs (copies: events
 * never change). `part` is `HEAD_PART`, `personPart(name)` or `windowPart(id)`.
 */
export interface SummaryPart {
  account: string;
  part: string;
  events: LedgerEvent[];
  /** The head's: the latest of every member the account ever had, in `chronological` order (for `quickRefresh`). */
  latest?: Pick<LedgerEvent, 'occurredAt' | 'recordedAt' | 'id'>;
  /**
   * A person's: how their first effective grant or revocation spells the name. A person's part
   * stays, with no events, once their access is gone: a later grant spelled otherwise needs to know.
   */
  spelling?: string;
}

/**
 * One event's reference to another: it `replaces` it (supersedes), `retracts` it (a removal, or a
 * review that dismisses it) or `settles` the window it opened (a verification, an answer).
 */
export interface Reference {
  id: string;
  relation: 'replaces' | 'retracts' | 'settles';
  target: string;
}

export interface Tables {
  events: Table<LedgerEvent, string>;
  references: Table<Reference, [string, string]>;
  members: Table<SummaryMember, string>;
  parts: Table<SummaryPart, [string, string]>;
  newest: Table<NewestEvents, string>;
  chain: Table<ChainLink, number>;
}

// By name, so the same code runs in an upgrade's transaction, where the database is not open yet.
export const tablesOf = (source: { table(name: string): Table }): Tables => ({
  events: source.table('events'),
  references: source.table('references'),
  members: source.table('summaryMembers'),
  newest: source.table('newest'),
  // Looked up when used: an upgrade to an earlier version runs before these tables exist.
  get parts() {
    return source.table('summaryParts');
  },
  get chain() {
    return source.table('chain');
  },
});
