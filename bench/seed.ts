/**
 * Realistic synthetic ledgers, the same for the same size and seed: what years of use with a
 * popular cameo leave behind. The mix, per event drawn (the rest of each share goes to appearances):
 *
 * - appearance-seen, seen on the page: ~93% (drafts and posts by ~200 creators and by the people
 *   who have access; each with its own link, so none is a duplicate);
 * - access-granted / access-revoked: ~2% (a pool of 20 people per account; the more of them have
 *   access, the likelier a revocation), of which some are edited (a name corrected) or removed;
 * - notes 0.5%, deletion warnings shown 0.3%, audience changes 0.2%, restrictions changed 0.1%;
 * - a cameo deleted and made again: 0.08% (seen on the page, then confirmed by the network
 *   request a few seconds later, which supersedes the page event), verified purged 25–40 days on;
 * - data export requested 0.03% (received 1–3 days later, its link checked the next day);
 *   a privacy request 0.02% (a fifth of them extended first, all answered within 20–80 days);
 *   an account deletion on the third account 0.01%;
 * - retractions: 0.1% of draws dismiss an appearance seen on a page, 0.05% remove a note.
 * Windows opened in the last weeks are still open at the end, as they would be: the end state
 * (who has access, what is open) looks like a real user's, whatever the history's length.
 *
 * A ledger of n events spans max(30, n / 100) days from 1 Jan 2024, in the order recorded.
 */
import type { Account, LedgerEvent, NewEvent } from '../lib/ledger/events';
import { buildEvent } from '../lib/ledger/ledger';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

export const SEED_ACCOUNTS: Account[] = [
  { service: 'sora', handle: 'alice' },
  { service: 'chatgpt', handle: 'alice' },
  { service: 'api-platform', handle: 'alice-dev' },
];
const PEOPLE = Array.from({ length: 20 }, (_, i) => `friend${i}`);
const CREATORS = Array.from({ length: 200 }, (_, i) => `creator${i}`);

/** mulberry32: small, fast and the same everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Scheduled {
  at: number;
  make: (at: number) => NewEvent | null;
}

export function seedLedger(size: number, seed = 1): LedgerEvent[] {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const span = Math.max(30, size / 100) * DAY;
  const events: LedgerEvent[] = [];
  const granted = SEED_ACCOUNTS.map(() => new Set<string>());
  const pageAppearances: string[] = [];
  const notes: string[] = [];
  const manualGrants: LedgerEvent[] = [];
  let scheduled: Scheduled[] = [];
  let now = START;

  const add = (input: NewEvent, at: number): LedgerEvent => {
    const event = buildEvent(input, at, `ev-${String(events.length).padStart(8, '0')}`);
    events.push(event);
    return event;
  };
  const base = (account: Account, at: number, source: NewEvent['source'] = 'manual') => ({ account, occurredAt: at, source, evidence: {} });
  const later = (from: number, minDays: number, maxDays: number, make: Scheduled['make']) =>
    scheduled.push({ at: Math.round(from + (minDays + rand() * (maxDays - minDays)) * DAY), make });

  while (events.length < size) {
    now = Math.round(now - Math.log(1 - rand()) * (span / size));
    // What was due by now happens first (a verification, an answer), unless it would fall after the end.
    const due = scheduled.filter((s) => s.at <= now);
    scheduled = scheduled.filter((s) => s.at > now);
    for (const s of due.sort((a, b) => a.at - b.at)) {
      if (events.length >= size) break;
      const input = s.make(s.at);
      if (input) add(input, s.at);
    }
    if (events.length >= size) break;

    const a = Math.floor(rand() * SEED_ACCOUNTS.length);
    const account = SEED_ACCOUNTS[a]!;
    const r = rand();
    if (r < 0.02) {
      const revoke = granted[a]!.size > 0 && rand() < granted[a]!.size / PEOPLE.length;
      const person = revoke ? pick([...granted[a]!]) : pick(PEOPLE);
      if (revoke) granted[a]!.delete(person);
      else granted[a]!.add(person);
      const e = add({ ...base(account, now), kind: revoke ? 'access-revoked' : 'access-granted', details: { person } } as NewEvent, now);
      if (!revoke) manualGrants.push(e);
    } else if (r < 0.025) {
      notes.push(add({ ...base(account, now), kind: 'note', details: { text: `Asked ${pick(CREATORS)} to take a draft down.` } }, now).id);
    } else if (r < 0.028) {
      add({ ...base(account, now, 'page'), kind: 'deletion-warning-shown', details: { choice: rand() < 0.8 ? 'go-back' : 'continue' } }, now);
    } else if (r < 0.03) {
      add({ ...base(account, now), kind: 'audience-changed', details: { after: pick(['only-me', 'people-i-approve', 'mutuals'] as const) } }, now);
    } else if (r < 0.031) {
      add({ ...base(account, now), kind: 'restrictions-changed', details: { restrictions: `No ${pick(['politics', 'ads', 'horror'])}.` } }, now);
    } else if (r < 0.0318) {
      const seen = add({ ...base(account, now, 'page'), kind: 'cameo-deleted', details: {} }, now);
      const confirmed = add({ ...base(account, now + 3000, 'network'), kind: 'cameo-deleted', details: { cameoId: `cameo${events.length}` }, supersedes: seen.id }, now + 3000);
      later(now, 25, 40, (at) => ({ ...base(account, at), kind: 'purge-verified', details: { window: confirmed.id } }));
      later(now, 0.5, 3, (at) => ({ ...base(account, at, 'page'), kind: 'cameo-created', details: {} }));
    } else if (r < 0.0321) {
      later(now, 1, 3, (at) => {
        const received = add({ ...base(account, at), kind: 'data-export-received', details: {} }, at);
        later(at, 0.2, 1, (when) => ({ ...base(account, when), kind: 'purge-verified', details: { window: received.id } }));
        return null;
      });
      add({ ...base(account, now), kind: 'data-export-requested', details: {} }, now);
    } else if (r < 0.0323) {
      const request = add(
        { ...base(account, now), kind: 'privacy-request-sent', details: { law: 'gdpr', channel: 'privacy-portal', request: 'erasure' } },
        now,
      );
      const extended = rand() < 0.2;
      if (extended) later(now, 20, 28, (at) => ({ ...base(account, at), kind: 'privacy-answer-received', details: { request: request.id, outcome: 'extended' } }));
      later(now, extended ? 40 : 20, extended ? 80 : 30, (at) => ({ ...base(account, at), kind: 'privacy-answer-received', details: { request: request.id, outcome: 'done' } }));
    } else if (r < 0.0324 && a === 2) {
      const request = add({ ...base(account, now), kind: 'account-deletion-requested', details: { linkedAccounts: [] } }, now);
      later(now, 30, 45, (at) => ({ ...base(account, at), kind: 'purge-verified', details: { window: request.id } }));
    } else if (r < 0.0334 && pageAppearances.length > 0) {
      add({ ...base(account, now), kind: 'observation-reviewed', details: { target: pick(pageAppearances), verdict: 'dismissed' } }, now);
    } else if (r < 0.0339 && notes.length > 0) {
      add({ ...base(account, now), kind: 'entry-removed', details: { target: notes.splice(Math.floor(rand() * notes.length), 1)[0]! } }, now);
    } else if (r < 0.0342 && manualGrants.length > 0) {
      // A name corrected: the edit supersedes the grant and keeps its key (lib/ledger/ledger.ts editManual).
      const grant = manualGrants.splice(Math.floor(rand() * manualGrants.length), 1)[0]! as Extract<LedgerEvent, { kind: 'access-granted' }>;
      add({ ...grant, details: { person: grant.details.person.toUpperCase() }, supersedes: grant.id } as NewEvent, now);
    } else {
      const by = rand() < 0.1 && granted[a]!.size > 0 ? pick([...granted[a]!]) : pick(CREATORS);
      const e = add(
        {
          ...base(account, now, 'page'),
          kind: 'appearance-seen',
          details: { by, where: rand() < 0.3 ? 'draft' : 'post', link: `https://sora.chatgpt.com/p/s_${events.length.toString(36)}` },
          evidence: { rule: 'sora.appearance.feed' },
        },
        now,
      );
      if (pageAppearances.length < 5000) pageAppearances.push(e.id);
    }
  }
  return events;
}
