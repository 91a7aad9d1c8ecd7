/**
 * What refers to what, in the store: the references an event makes (it replaces, retracts or
 * settles another), read by target, and which events they take out of every view.
 */
import type { LedgerEvent } from './events';
import { isRetraction, retracts, settledBy } from './relations';
import type { Reference, Tables } from './tables';

export const present = <T>(items: readonly (T | undefined)[]): T[] => items.filter((i): i is T => i !== undefined);

export function referencesOf(e: LedgerEvent): Reference[] {
  const references: Reference[] = [];
  if (e.supersedes) references.push({ id: e.id, relation: 'replaces', target: e.supersedes });
  if (retracts(e)) references.push({ id: e.id, relation: 'retracts', target: e.details.target });
  const settled = settledBy(e);
  if (settled !== undefined) references.push({ id: e.id, relation: 'settles', target: settled });
  return references;
}

/** A new version or a retraction takes its target out of every view; settling a window does not. */
export const takesAway = (r: Reference) => r.relation !== 'settles';

export async function referencesTo(t: Tables, ids: readonly string[], relation: Reference['relation']): Promise<Reference[]> {
  if (ids.length === 0) return [];
  return (await t.references.where('target').anyOf(ids).toArray()).filter((r) => r.relation === relation);
}

/** Of the given ids, those superseded by another version, removed or dismissed. */
export async function goneAmong(t: Tables, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await t.references.where('target').anyOf(ids).toArray()).filter(takesAway).map((r) => r.target));
}

export async function effectiveAmong(t: Tables, events: readonly LedgerEvent[]): Promise<LedgerEvent[]> {
  const gone = await goneAmong(t, events.map((e) => e.id));
  return events.filter((e) => !gone.has(e.id) && !isRetraction(e));
}
