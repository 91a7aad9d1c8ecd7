/**
 * Who may write each kind of event: one table, next to the kinds, that every write is checked
 * against (lib/ledger.ts `buildEvent`, the content-script channel, the pending queue, the network
 * watcher). A `Record` over every kind: a new kind does not compile until it says who may write
 * it, so it cannot become page-reportable by omission.
 *
 * No zod here (only a type import): content scripts import it within their size budget.
 */
import type { EventKind, EventSource } from './events';

/**
 * - `page`: a content script's observation of what a page showed (untrusted: a page can fake it);
 * - `network`: the background's webRequest watcher, on a request a tab of that surface made;
 * - `user`: the user, in the extension's own pages (popup, dashboard, a notification's button).
 */
export type Writer = 'page' | 'network' | 'user';

const PAGE_NETWORK_USER = ['page', 'network', 'user'] as const;

export const WRITERS = {
  'cameo-created': PAGE_NETWORK_USER,
  'audience-changed': PAGE_NETWORK_USER,
  'access-granted': PAGE_NETWORK_USER,
  'access-revoked': PAGE_NETWORK_USER,
  'restrictions-changed': PAGE_NETWORK_USER,
  // What the user saw elsewhere (the phone app) is theirs to state; the network shows no appearance.
  'appearance-seen': ['page', 'user'],
  'cameo-deleted': PAGE_NETWORK_USER,
  'account-deletion-requested': PAGE_NETWORK_USER,
  // The in-page warning reports the user's choice through its content script.
  'deletion-warning-shown': ['page', 'user'],
  'data-export-requested': PAGE_NETWORK_USER,
  'data-export-received': ['page', 'user'],
  'privacy-request-sent': PAGE_NETWORK_USER,
  // What settles, edits, removes or judges another entry is the user's alone: a page or a
  // request it makes could otherwise close a window or make evidence vanish.
  'privacy-answer-received': ['user'],
  'purge-verified': ['user'],
  'follow-up-sent': ['user'],
  // Copies elsewhere are the user's to log: we read nothing from those pages (only a context-menu
  // click hands over an address), and a page that could log or close takedowns could bury evidence.
  'sighting-logged': ['user'],
  'takedown-requested': ['user'],
  'takedown-outcome': ['user'],
  note: ['user'],
  'entry-removed': ['user'],
  'observation-reviewed': ['user'],
  // A page could otherwise relabel an account, and with it whose entries they seem to be.
  'account-named': ['user'],
} as const satisfies Record<EventKind, readonly Writer[]>;

/** The writer behind an event's source; an import is checked by the import itself (lib/report/import.ts). */
export const WRITER_OF_SOURCE: Record<Exclude<EventSource, 'import'>, Writer> = { page: 'page', network: 'network', manual: 'user' };

export function mayWrite(writer: Writer, kind: EventKind): boolean {
  // Own keys only: a kind named `constructor` in a forged message is no kind.
  return Object.hasOwn(WRITERS, kind) && (WRITERS[kind] as readonly Writer[]).includes(writer);
}

/** Kinds a writer may write, typed: `KindsOf<'page'>` is what a content script may report. */
export type KindsOf<W extends Writer> = { [K in EventKind]: W extends (typeof WRITERS)[K][number] ? K : never }[EventKind];

export const kindsOf = <W extends Writer>(writer: W): KindsOf<W>[] =>
  (Object.keys(WRITERS) as EventKind[]).filter((k): k is KindsOf<W> => mayWrite(writer, k));
