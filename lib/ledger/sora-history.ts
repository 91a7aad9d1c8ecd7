/**
 * "Record your Sora history": most people never had the extension while Sora was live. The guided
 * flow (components/dashboard/SoraHistory.tsx) asks one question at a time, each skippable, and this
 * module turns the answers into ordinary manual entries, each dated to the month the user remembers
 * (lib/deadlines/month-precision.ts). Pure: the flow writes what this returns through the ledger's usual path.
 */
import { Handle, type Audience, type NewEvent } from './events';
import { monthInstant, parseMonthValue } from '../deadlines/month-precision';
import { LINKED_DELETIONS, type Law } from '../facts/policies';
import { UNKNOWN_HANDLE } from './unknown-handle';
import { handleKey } from './relations';

/** The questions, in the order asked. */
export const HISTORY_STEPS = ['account', 'cameo', 'audience', 'approved', 'revoked', 'deleted', 'request'] as const;
export type HistoryStep = (typeof HISTORY_STEPS)[number];

/** What the user answered; a skipped question is absent. Months are "2025-10". */
export interface HistoryAnswers {
  handle?: string;
  cameo?: { month: string };
  audience?: { audience: Audience; month: string };
  approved?: { people: string[]; month: string };
  revoked?: { people: string[]; month: string };
  deleted?: { what: 'cameo' | 'account'; month: string };
  request?: { law: Law; request: 'erasure' | 'access' | 'other'; month: string };
}

/** Names typed one per line or separated by commas, each a valid handle, once each. */
export function peopleFrom(text: string): string[] {
  const seen = new Set<string>();
  const people: string[] = [];
  for (const raw of text.split(/[\n,]/)) {
    const parsed = Handle.safeParse(raw);
    if (!parsed.success || seen.has(handleKey(parsed.data))) continue;
    seen.add(handleKey(parsed.data));
    people.push(parsed.data);
  }
  return people;
}

/** The Sora account the entries are about: the name given, else the one for pages that did not show it. */
export function historyAccount(handle: string | undefined) {
  const parsed = Handle.safeParse(handle ?? '');
  return { service: 'sora' as const, handle: parsed.success ? parsed.data : UNKNOWN_HANDLE };
}

/** The entries the answers make, oldest question first. A month that cannot be read makes none. */
export function historyEntries(answers: HistoryAnswers): NewEvent[] {
  const account = historyAccount(answers.handle);
  const entries: NewEvent[] = [];
  const dated = (month: string) => {
    const parsed = parseMonthValue(month);
    return parsed && { occurredAt: monthInstant(parsed), occurredPrecision: 'month' as const, account, source: 'manual' as const, evidence: {} };
  };
  const add = (month: string, entry: (common: NonNullable<ReturnType<typeof dated>>) => NewEvent | NewEvent[]) => {
    const common = dated(month);
    if (common) entries.push(...[entry(common)].flat());
  };
  const { cameo, audience, approved, revoked, deleted, request } = answers;
  if (cameo) add(cameo.month, (c) => ({ ...c, kind: 'cameo-created', details: {} }));
  if (audience) add(audience.month, (c) => ({ ...c, kind: 'audience-changed', details: { after: audience.audience } }));
  if (approved) add(approved.month, (c) => approved.people.map((person) => ({ ...c, kind: 'access-granted' as const, details: { person } })));
  if (revoked) add(revoked.month, (c) => revoked.people.map((person) => ({ ...c, kind: 'access-revoked' as const, details: { person } })));
  if (deleted) {
    add(deleted.month, (c): NewEvent =>
      deleted.what === 'cameo'
        ? { ...c, kind: 'cameo-deleted', details: {} }
        : // Deleting the Sora account deleted ChatGPT and API access with it (policies.ts).
          { ...c, kind: 'account-deletion-requested', details: { linkedAccounts: LINKED_DELETIONS.sora } },
    );
  }
  // The channel is not asked: one question fewer, and 'other' claims nothing.
  if (request) add(request.month, (c) => ({ ...c, kind: 'privacy-request-sent', details: { law: request.law, channel: 'other', request: request.request } }));
  return entries;
}
