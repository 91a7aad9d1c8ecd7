/**
 * The warning's checklist, built from the ledger: what the user may want to do before an account
 * deletion takes everything with it. Pure; the background sends the result to the page.
 */
import type { LedgerEvent } from '../ledger/events';
import { accountsOf, peopleWithAccess } from '../ledger/grants';
import type { ChecklistItem } from './checklist-types';

const latest = (events: readonly LedgerEvent[], kind: LedgerEvent['kind']) =>
  events.filter((e) => e.kind === kind).reduce<LedgerEvent | null>((a, e) => (!a || e.occurredAt > a.occurredAt ? e : a), null);

/**
 * `events` are the effective events of the user's ledger. An account deletion takes the linked
 * accounts too, so the checklist looks at every account the ledger knows.
 */
export function deletionChecklist(events: readonly LedgerEvent[]): ChecklistItem[] {
  const items: ChecklistItem[] = [];

  const people = accountsOf(events).flatMap((account) => peopleWithAccess(events, account).map((p) => p.person));
  if (people.length > 0) items.push({ id: 'people-with-access', people: [...new Set(people)] });

  const created = latest(events, 'cameo-created');
  const deleted = latest(events, 'cameo-deleted');
  if (created && (!deleted || deleted.occurredAt < created.occurredAt)) items.push({ id: 'cameo-not-deleted' });

  const requested = latest(events, 'data-export-requested');
  const received = latest(events, 'data-export-received');
  if (!requested && !received) items.push({ id: 'export-missing', state: 'never-requested' });
  else if (requested && (!received || received.occurredAt < requested.occurredAt)) items.push({ id: 'export-missing', state: 'requested-not-received' });

  const answered = new Set(events.flatMap((e) => (e.kind === 'privacy-answer-received' && e.details.outcome !== 'extended' ? [e.details.request] : [])));
  const open = events.filter((e) => e.kind === 'privacy-request-sent' && !answered.has(e.id)).length;
  if (open > 0) items.push({ id: 'open-privacy-requests', count: open });

  return items;
}
