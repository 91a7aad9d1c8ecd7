// A ledger of any size for the report tests and the benchmark: every kind, two accounts,
// edits, removals and reviews, spread over two years (so across DST changes), deterministic.
// Mostly appearances, as a long ledger is (every draft and post seen); grants next; deletions,
// requests and audience changes are the rare events they are.
import { LedgerDb, buildEvent } from '../../../lib/ledger/ledger';
import type { Account, LedgerEvent, NewEvent } from '../../../lib/ledger/events';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';

export const ME_SORA: Account = { service: 'sora', handle: 'me.myself' };
export const ME_CHATGPT: Account = { service: 'chatgpt', handle: 'Me Myself' };

/** A fresh fake IndexedDB per call: tests never share a database. */
export const freshDb = () => new LedgerDb('report-test', { indexedDB: new IDBFactory(), IDBKeyRange });

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = Date.UTC(2024, 0, 1);
const SPAN = 2 * 365 * 86_400_000;

export function sampleLedger(size: number, seed = 1): LedgerEvent[] {
  const rnd = random(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const people = Array.from({ length: Math.max(4, Math.ceil(size / 50)) }, (_, i) => `friend_${i}`);
  const events: LedgerEvent[] = [];
  const add = (input: NewEvent, at: number) => {
    const e = buildEvent(input, at + Math.floor(rnd() * 5000), `ev-${seed}-${String(events.length).padStart(7, '0')}`);
    events.push(e);
    return e;
  };
  for (let i = 0; events.length < size; i++) {
    const at = START + Math.floor((i / size) * SPAN) + Math.floor(rnd() * 3_600_000);
    const account = rnd() < 0.8 ? ME_SORA : ME_CHATGPT;
    const base = { occurredAt: at, account, evidence: {} } as const;
    const roll = rnd();
    const earlier = events.length ? events[Math.floor(rnd() * events.length)]! : undefined;
    if (roll < 0.7) {
      add({ ...base, kind: 'appearance-seen', source: 'page', evidence: { url: `https://sora.chatgpt.com/p/s_${i}`, rule: 'sora-draft', shownText: `${pick(people)} used your cameo` }, details: { by: pick(people), where: pick(['draft', 'post'] as const), link: `https://sora.chatgpt.com/p/s_${i}` } }, at);
    } else if (roll < 0.8) {
      add({ ...base, kind: pick(['access-granted', 'access-revoked'] as const), source: pick(['page', 'network', 'manual'] as const), details: { person: pick(people) } }, at);
    } else if (roll < 0.805) {
      add({ ...base, kind: 'audience-changed', source: 'network', details: { before: 'only-me', after: pick(['people-i-approve', 'mutuals', 'everyone'] as const) } }, at);
    } else if (roll < 0.83) {
      add({ ...base, kind: 'note', source: 'manual', details: { text: `Asked ${pick(people)} to take the draft down. Ümlaut, "quotes", emoji 🙂` } }, at);
    } else if (roll < 0.84) {
      add({ ...base, kind: 'cameo-deleted', source: 'network', details: { cameoId: `cameo_${i}` } }, at);
    } else if (roll < 0.845) {
      add({ ...base, kind: 'account-deletion-requested', source: 'page', details: { linkedAccounts: ['chatgpt', 'api-platform'] } }, at);
    } else if (roll < 0.86) {
      const request = add({ ...base, kind: 'privacy-request-sent', source: 'manual', details: { law: pick(['gdpr', 'ccpa', 'lgpd'] as const), channel: 'email', request: 'erasure', reference: `REF-${i}` } }, at);
      if (rnd() < 0.5) add({ ...base, occurredAt: at + 20 * 86_400_000, kind: 'privacy-answer-received', source: 'manual', details: { request: request.id, outcome: pick(['done', 'refused', 'extended'] as const) } }, at + 20 * 86_400_000);
    } else if (roll < 0.87 && earlier) {
      add({ ...base, kind: 'purge-verified', source: 'manual', details: { window: earlier.id } }, at);
    } else if (roll < 0.875 && earlier) {
      add({ ...base, kind: 'follow-up-sent', source: 'manual', details: { window: earlier.id, law: 'gdpr', to: 'openai-privacy' } }, at);
    } else if (roll < 0.9 && earlier) {
      add({ ...base, kind: 'entry-removed', source: 'manual', details: { target: earlier.id, reason: 'entered twice' } }, at);
    } else if (roll < 0.93 && earlier) {
      add({ ...base, kind: 'observation-reviewed', source: 'manual', details: { target: earlier.id, verdict: pick(['confirmed', 'dismissed'] as const) } }, at);
    } else if (roll < 0.96 && earlier) {
      // An edit: the same kind and details, a corrected date.
      add({ ...earlier, occurredAt: Math.max(START, earlier.occurredAt - 3_600_000), source: 'manual', supersedes: earlier.id } as NewEvent, at);
    } else if (roll < 0.98) {
      add({ ...base, kind: 'deletion-warning-shown', source: 'page', details: { choice: pick(['go-back', 'continue'] as const) } }, at);
    } else {
      add({ ...base, kind: pick(['data-export-requested', 'data-export-received', 'cameo-created'] as const), source: 'manual', details: {} }, at);
    }
  }
  return events.slice(0, size);
}

/**
 * The ledger's content in a form two ledgers compare by: sorted by id, absent fields left out.
 * Import marks each event with the file it came from; `withoutImportMarks` compares what the events say.
 */
export async function ledgerContent(db: LedgerDb, withoutImportMarks = false): Promise<string> {
  const events = await db.events.toArray();
  return JSON.stringify(events.sort((a, b) => (a.id < b.id ? -1 : 1)).map((e) => (withoutImportMarks ? { ...e, imported: undefined } : e)));
}
