/**
 * Planning the merge of a report file's events against the ledger: which are new, which the ledger
 * already holds (identical), which it holds in another version (a conflict, with the fields that
 * differ), and which act on entries already in it (an edit, a removal, a closed window…).
 * Nothing is written here: lib/report/import.ts writes the plan, in the same transaction.
 */
import type { LedgerEvent } from '../ledger/events';
import { canonicalJson } from '../ledger/fingerprint';
import type { LedgerDb } from '../ledger/ledger';
import { toReportEvent } from './event-form';
import type { ChangeHow, ChangeToExisting, Conflict, FieldDifference } from './import';
import { CHUNK, type OnProgress } from './progress';

/** Two versions of an event compare as canonical text; which file brought an event does not make it another. */
const comparable = (e: LedgerEvent) => canonicalJson({ ...e, imported: undefined });

function leaves(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (v !== undefined) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, typeof value === 'string' ? value : JSON.stringify(value));
  return out;
}

/** The fields in which two versions of an event differ, instants shown in the user's zone. */
function differences(own: LedgerEvent, theirs: LedgerEvent, iso: (ms: number) => string): FieldDifference[] {
  const shown = (e: LedgerEvent) => leaves(toReportEvent(e, iso));
  const a = shown(own);
  const b = shown(theirs);
  const fields = [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
  return fields.map((field) => ({
    field,
    ...(a.has(field) ? { inLedger: a.get(field) } : {}),
    ...(b.has(field) ? { inReport: b.get(field) } : {}),
  }));
}

/** The entries an event refers to, and what it does to each. */
function targetsOf(e: LedgerEvent): { id: string; how: ChangeHow }[] {
  const targets: { id: string; how: ChangeHow }[] = e.supersedes ? [{ id: e.supersedes, how: 'replaces' }] : [];
  switch (e.kind) {
    case 'entry-removed':
      return [...targets, { id: e.details.target, how: 'removes' }];
    case 'observation-reviewed':
      return [...targets, { id: e.details.target, how: 'reviews' }];
    case 'purge-verified':
      return [...targets, { id: e.details.window, how: 'closes' }];
    case 'privacy-answer-received':
      return [...targets, { id: e.details.request, how: 'answers' }];
    case 'follow-up-sent':
      return [...targets, { id: e.details.window, how: 'follows-up' }];
    case 'takedown-outcome':
      // "Gone" or "refused" closes a takedown's window: a file may not do that to one of ours unasked.
      return [...targets, { id: e.details.request, how: 'closes' }];
    case 'note':
      return e.details.about ? [...targets, { id: e.details.about, how: 'notes' }] : targets;
    default:
      return targets;
  }
}

interface Plan {
  fresh: LedgerEvent[];
  unchanged: number;
  keptOwn: number;
  conflicts: Conflict[];
  changes: ChangeToExisting[];
}

/** Compares the file's events with the ledger: which are new, which the ledger holds, which differ, and which act on its entries. */
export async function plan(db: LedgerDb, events: readonly LedgerEvent[], keepOwn: ReadonlySet<string>, iso: (ms: number) => string, onProgress?: OnProgress): Promise<Plan> {
  const found: Plan = { fresh: [], unchanged: 0, keptOwn: 0, conflicts: [], changes: [] };
  for (let start = 0; start < events.length; start += CHUNK) {
    const chunk = events.slice(start, start + CHUNK);
    // One cursor over the ids rather than a request per id: into a ledger that holds none of
    // them (the usual import), it finds nothing at once.
    const held = new Map((await db.events.where(':id').anyOf(chunk.map((e) => e.id)).toArray()).map((e) => [e.id, e]));
    chunk.forEach((e) => {
      const own = held.get(e.id);
      if (!own) found.fresh.push(e);
      else if (comparable(own) === comparable(e)) found.unchanged++;
      else if (keepOwn.has(e.id)) found.keptOwn++;
      else found.conflicts.push({ id: e.id, kind: own.kind, differences: differences(own, e, iso) });
    });
    onProgress?.({ phase: 'comparing', done: start + chunk.length, total: events.length });
  }
  const aims = found.fresh.flatMap((event) => targetsOf(event).map((t) => ({ event, ...t })));
  const targets = new Map((await db.events.where(':id').anyOf([...new Set(aims.map((a) => a.id))]).toArray()).map((e) => [e.id, e]));
  for (const { event, how, id } of aims) {
    const target = targets.get(id);
    if (target) found.changes.push({ event, how, target });
  }
  return found;
}
