/**
 * The copies of the user's likeness they logged, each with its takedowns and where it stands now,
 * derived from the ledger and the windows at every read (never stored). A copy seen again after it
 * was gone is a new sighting of the same address, with takedowns of its own.
 *
 * Folder lib/copies/: copies of the user's likeness elsewhere: the address made safe to keep, the
 * takedown routes with their sources, and where each copy stands.
 */
import type { EventOf, LedgerEvent } from '../ledger/events';
import type { DeadlineWindow } from '../deadlines/windows';

/** Where a copy stands: its latest takedown's window, in the user's words. */
export type CopyState = 'no-takedown' | 'running' | 'due-soon' | 'overdue' | 'gone' | 'refused';

export interface Takedown {
  request: EventOf<'takedown-requested'>;
  /** Absent only while the windows are not computed yet. */
  window?: DeadlineWindow;
}

export interface Copy {
  sighting: EventOf<'sighting-logged'>;
  /** Oldest first. */
  takedowns: Takedown[];
  state: CopyState;
}

export function takedownState(window: DeadlineWindow | undefined): CopyState {
  if (!window) return 'running';
  switch (window.status) {
    case 'open':
      return 'running';
    case 'due-soon':
      return 'due-soon';
    case 'closed-awaiting-verification':
    case 'overdue':
      return 'overdue';
    case 'verified':
      return window.refused ? 'refused' : 'gone';
  }
}

/** `events` are the effective events (edits and removals applied); newest sighting first. */
export function copiesOf(events: readonly LedgerEvent[], windows: readonly DeadlineWindow[]): Copy[] {
  const windowOf = new Map(windows.filter((w) => w.kind === 'takedown').map((w) => [w.id, w]));
  const requests = new Map<string, Takedown[]>();
  for (const e of events) {
    if (e.kind !== 'takedown-requested') continue;
    const list = requests.get(e.details.sighting) ?? [];
    const window = windowOf.get(e.id);
    list.push({ request: e, ...(window ? { window } : {}) });
    requests.set(e.details.sighting, list);
  }
  const copies: Copy[] = [];
  for (const e of events) {
    if (e.kind !== 'sighting-logged') continue;
    const takedowns = (requests.get(e.id) ?? []).sort((a, b) => a.request.occurredAt - b.request.occurredAt);
    const latest = takedowns.at(-1);
    copies.push({ sighting: e, takedowns, state: latest ? takedownState(latest.window) : 'no-takedown' });
  }
  return copies.sort((a, b) => b.sighting.occurredAt - a.sighting.occurredAt || a.sighting.id.localeCompare(b.sighting.id));
}

/** The list's filters: everything, what still needs something done, what is past its clock, what is settled. */
export const COPY_FILTERS = ['all', 'open', 'overdue', 'settled'] as const;
export type CopyFilter = (typeof COPY_FILTERS)[number];

const IN_FILTER: Record<CopyFilter, ReadonlySet<CopyState> | null> = {
  all: null,
  open: new Set(['no-takedown', 'running', 'due-soon', 'overdue']),
  overdue: new Set(['overdue']),
  settled: new Set(['gone', 'refused']),
};

export const inFilter = (copy: Copy, filter: CopyFilter) => IN_FILTER[filter]?.has(copy.state) ?? true;
