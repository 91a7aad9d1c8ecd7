/**
 * The kinds' table (lib/ledger/event-kinds.ts) against the schemas and against itself: the type check
 * makes it total; these say its facets agree with what the kinds hold and with each other.
 */
import { describe, expect, it } from 'vitest';
import { isManualKind, KINDS, kindsWhere, QUICK_KINDS } from '@/lib/ledger/event-kinds';
import { DETAILS, EVENT_KINDS, type EventKind, type LedgerEvent } from '@/lib/ledger/events';
import { accountsOf } from '@/lib/ledger/grants';
import { accountKey, chronological, personKey } from '@/lib/ledger/relations';
import { mayWrite } from '@/lib/ledger/writers';

const fieldsOf = (kind: EventKind) => Object.keys((DETAILS[kind] as unknown as { def: { shape: object } }).def.shape);

describe('the kinds table', () => {
  it('has one row per kind the schema knows, in the same order', () => {
    expect(Object.keys(KINDS)).toEqual(EVENT_KINDS);
  });

  it('names as the reference of a kind a field its details have', () => {
    for (const kind of kindsWhere('refersBy')) expect(fieldsOf(kind), kind).toContain(KINDS[kind].refersBy);
    expect(kindsWhere('refersBy')).toContain('entry-removed');
  });

  it('offers in quick add only what the user may enter by hand and write', () => {
    expect(QUICK_KINDS.length).toBeGreaterThan(0);
    for (const kind of QUICK_KINDS) expect(isManualKind(kind), kind).toBe(true);
    for (const kind of kindsWhere('manual')) expect(mayWrite('user', kind), kind).toBe(true);
    expect(isManualKind('constructor' as EventKind)).toBe(false);
  });

  it('leaves out of the timeline only what corrects another entry', () => {
    const unlisted = EVENT_KINDS.filter((k) => !KINDS[k].listed);
    expect(unlisted).toEqual(['entry-removed', 'observation-reviewed']);
    for (const kind of unlisted) expect(KINDS[kind].refersBy).toBe('target');
  });
});

describe('identity and order', () => {
  const at = Date.UTC(2026, 0, 5, 12);
  const event = (id: string, handle: string): LedgerEvent => ({
    id,
    key: `k-${id}`,
    kind: 'cameo-created',
    occurredAt: at,
    recordedAt: at,
    account: { service: 'sora', handle },
    source: 'manual',
    certainty: 'stated-by-user',
    evidence: {},
    details: {},
  });

  it('makes accounts and people one without case', () => {
    expect(accountKey({ service: 'sora', handle: 'Alice' })).toBe(accountKey({ service: 'sora', handle: 'alice' }));
    expect(accountKey({ service: 'sora', handle: 'alice' })).not.toBe(accountKey({ service: 'chatgpt', handle: 'alice' }));
    expect(personKey({ service: 'sora', handle: 'alice' }, 'Bob')).toBe(personKey({ service: 'sora', handle: 'ALICE' }, 'bob'));
  });

  it('orders exact ties by id, whatever order they are read in, so every reader finds the same first account', () => {
    const a = event('event-aaaa', 'first');
    const b = event('event-bbbb', 'second');
    expect([b, a].sort(chronological)).toEqual([a, b]);
    expect(accountsOf([b, a]).map((x) => x.handle)).toEqual(['first', 'second']);
    expect(accountsOf([a, b]).map((x) => x.handle)).toEqual(['first', 'second']);
  });
});
