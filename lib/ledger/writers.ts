/**
 * Who may write each kind of event (lib/ledger/event-kinds.ts, the `writers` facet), which every write is
 * checked against (lib/ledger/ledger.ts `buildEvent`, the content-script channel, the pending queue, the
 * network watcher). The table is total over the kinds: a new kind does not compile until it says
 * who may write it, so it cannot become page-reportable by omission.
 *
 * No zod here (only a type import): content scripts import it within their size budget.
 */
import { KINDS, type Writer } from './event-kinds';
import type { EventKind, EventSource } from './events';

export type { Writer };

/** Who may write each kind: the table's `writers` facet, by kind. */
export const WRITERS = Object.fromEntries(Object.entries(KINDS).map(([kind, facets]) => [kind, facets.writers])) as {
  [K in EventKind]: (typeof KINDS)[K]['writers'];
};

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
