/**
 * What a page cannot choose (issue 18): who writes each kind (lib/ledger/writers.ts, checked at the
 * ledger's door), when an observation happened (the background's clock), and how many it makes
 * (a budget per tab and kind, leaving one trace per reason with a count).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { handleContentMessage, REFUSED_KEY, type Refusal } from '@/lib/background/content-messages';
import { BUDGET_PER_SPAN, BUDGET_SPAN_MS, CLAIM_FUTURE_MS, CLAIM_PAST_MS, ownedTime, pageBudget } from '@/lib/background/page-limits';
import { EVENT_KINDS, type NewEvent } from '@/lib/ledger/events';
import { handleUiRequest, isExtensionPage, UiRequest } from '@/lib/background/ui-requests';
import { InvalidEventError, LedgerDb, record } from '@/lib/ledger/ledger';
import { effectiveEvents } from '@/lib/ledger/relations';
import { PAGE_REPORTABLE_KINDS } from '@/lib/background/messages';
import { PENDING_KEY } from '@/lib/ledger/pending-queue';
import { kindsOf, mayWrite, WRITERS } from '@/lib/ledger/writers';
import { memoryArea } from '../helpers/memory-area';

const EXT = 'ext-id';
const NOW = Date.UTC(2026, 5, 1, 12);
const PAGE = 'https://sora.chatgpt.com/profile/cameo';

let db: LedgerDb;
let session: ReturnType<typeof memoryArea>;
beforeEach(async () => {
  db = new LedgerDb('t', { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  session = memoryArea();
});

const account = { service: 'sora', handle: 'alice' } as const;
const observation = (kind: string, details: object, occurredAt = NOW) => ({
  type: 'observation',
  surface: 'sora',
  observation: { kind, occurredAt, account, evidence: { rule: 'test' }, details },
});

describe('who may write each kind', () => {
  it('names writers for every kind, and a page none of the kinds that remove, verify, settle or judge', () => {
    expect(Object.keys(WRITERS).sort()).toEqual([...EVENT_KINDS].sort());
    for (const kind of [
      'entry-removed',
      'observation-reviewed',
      'purge-verified',
      'privacy-answer-received',
      'follow-up-sent',
      'note',
      'sighting-logged',
      'takedown-requested',
      'takedown-outcome',
    ] as const) {
      expect(mayWrite('page', kind), kind).toBe(false);
      expect(mayWrite('network', kind), kind).toBe(false);
      expect(mayWrite('user', kind), kind).toBe(true);
    }
    expect(PAGE_REPORTABLE_KINDS).toEqual(kindsOf('page'));
    expect(mayWrite('page', 'constructor' as never)).toBe(false);
  });

  it('refuses, at the ledger, a page observation of a user-only kind (whatever path it took there)', async () => {
    const removal = { kind: 'entry-removed', occurredAt: NOW, account, source: 'page', evidence: {}, details: { target: 'abcdefgh' } } as NewEvent;
    await expect(record(db, removal, NOW)).rejects.toThrow(InvalidEventError);
    await expect(record(db, removal, NOW)).rejects.toThrow(/entry-removed cannot be written by a page observation/);
    const verified = { kind: 'purge-verified', occurredAt: NOW, account, source: 'network', evidence: {}, details: { window: 'abcdefgh' } } as NewEvent;
    await expect(record(db, verified, NOW)).rejects.toThrow(/purge-verified cannot be written by a network observation/);
    const appearance = { kind: 'appearance-seen', occurredAt: NOW, account, source: 'network', evidence: {}, details: { by: 'bob', where: 'post' } } as NewEvent;
    await expect(record(db, appearance, NOW)).rejects.toThrow(/appearance-seen cannot be written by a network observation/);
    expect(await db.events.count()).toBe(0);
    // …and the user may.
    await record(db, { ...removal, source: 'manual' } as NewEvent, NOW);
    expect(await db.events.count()).toBe(1);
  });
});

describe('copies elsewhere are the user’s alone', () => {
  it('a page cannot log a sighting, request a takedown or close one through the content channel', async () => {
    const deps = { db: async () => db, session, local: memoryArea(), now: () => NOW, extensionId: EXT, budget: pageBudget() };
    const forged = [
      observation('sighting-logged', { address: 'https://example.com/v', platform: 'other', shows: 'face', madeWith: 'sora' }),
      observation('takedown-requested', { sighting: 'abcdefgh', route: 'eu-dsa' }),
      observation('takedown-outcome', { request: 'abcdefgh', outcome: 'gone-verified' }),
    ];
    for (const message of forged) {
      const reply = await handleContentMessage(message, { id: EXT, url: PAGE, tab: { id: 1 } }, deps);
      expect(reply).toMatchObject({ ok: false });
    }
    expect(await db.events.count()).toBe(0);
  });
});

describe('the background owns time', () => {
  it('keeps a claim within a few minutes of now, and clamps any other', () => {
    expect(ownedTime(NOW - 1000, NOW)).toBe(NOW - 1000);
    expect(ownedTime(Date.UTC(2000, 0, 1), NOW)).toBe(NOW - CLAIM_PAST_MS);
    expect(ownedTime(Date.UTC(2199, 0, 1), NOW)).toBe(NOW + CLAIM_FUTURE_MS);
    expect(CLAIM_PAST_MS).toBeLessThanOrEqual(10 * 60_000);
  });

  it('a deletion a page dates 2000 is recorded now, and opens no overdue window', async () => {
    const deps = { db: async () => db, session, local: memoryArea(), now: () => NOW, extensionId: EXT, budget: pageBudget() };
    const reply = await handleContentMessage(observation('cameo-deleted', {}, Date.UTC(2000, 0, 1)), { id: EXT, url: PAGE, tab: { id: 1 } }, deps);
    expect(reply).toMatchObject({ ok: true, status: 'created' });
    const [event] = await db.events.toArray();
    expect(event!.occurredAt).toBe(NOW - CLAIM_PAST_MS);
  });
});

describe('a budget per tab and kind', () => {
  it('takes exactly the budget in one span, per tab and kind, and again in the next span', () => {
    const budget = pageBudget();
    const limit = BUDGET_PER_SPAN.other;
    const taken = Array.from({ length: limit + 50 }, () => budget.take(1, 'cameo-deleted', NOW)).filter(Boolean).length;
    expect(taken).toBe(limit);
    expect(budget.take(2, 'cameo-deleted', NOW)).toBe(true);
    expect(budget.take(1, 'cameo-created', NOW)).toBe(true);
    expect(budget.take(1, 'cameo-deleted', NOW + BUDGET_SPAN_MS)).toBe(true);
    // A clock gone back does not keep a tab refused for good.
    budget.forget(1);
    expect(budget.take(1, 'cameo-deleted', NOW - 1)).toBe(true);
  });

  it('3,000 flooded observations from one tab become at most the budget, and one trace with the exact count', async () => {
    const deps = { db: async () => db, session, local: memoryArea(), now: () => NOW, extensionId: EXT, budget: pageBudget() };
    const limit = BUDGET_PER_SPAN['appearance-seen']!;
    const flood = Array.from({ length: 3000 }, (_, i) => observation('appearance-seen', { by: `creator${i}`, where: 'draft', link: `https://sora.chatgpt.com/d/gen_${i}` }));
    // In bursts, as a page would send them: the refusal count must not lose any to interleaving.
    for (let start = 0; start < flood.length; start += 500) {
      await Promise.all(flood.slice(start, start + 500).map((m) => handleContentMessage(m, { id: EXT, url: PAGE, tab: { id: 3 } }, deps)));
    }
    expect(await db.events.count()).toBe(limit);
    const traces = session.data[REFUSED_KEY] as Refusal[];
    expect(traces).toHaveLength(1);
    expect(traces[0]).toEqual({ at: NOW, host: 'sora.chatgpt.com', count: 3000 - limit, error: expect.stringMatching(/too many appearance-seen observations/) });
    // Only schema-named fields: no page content.
    expect(Object.keys(traces[0]!).sort()).toEqual(['at', 'count', 'error', 'host']);
  });
});

describe('the popup writes through the background', () => {
  const pageDeps = () => ({ db: async () => db, local: memoryArea(), extensionId: EXT, extensionBase: 'chrome-extension://ext-id/', now: () => NOW });

  it('records what the user may write, refuses an event of the wrong shape, and undoes through a removal', async () => {
    const grant = { kind: 'access-granted', occurredAt: NOW, account, evidence: {}, details: { person: 'bob' } };
    const made = await handleUiRequest({ type: 'record', event: grant }, pageDeps());
    expect(made).toMatchObject({ ok: true, status: 'created' });
    // The background sets the source itself: a popup cannot claim the network's certainty.
    const claimed = await handleUiRequest({ type: 'record', event: { ...grant, details: { person: 'carol' }, source: 'network' } }, pageDeps());
    expect((await db.events.get((claimed as { id: string }).id))?.source).toBe('manual');
    await expect(handleUiRequest({ type: 'record', event: { ...grant, kind: 'appearance-seen' } }, pageDeps())).rejects.toThrow(/Invalid event/);
    const undone = await handleUiRequest({ type: 'remove', id: (made as { id: string }).id }, pageDeps());
    expect(undone).toMatchObject({ ok: true, status: 'removed' });
    expect(effectiveEvents(await db.events.toArray()).map((e) => e.kind === 'access-granted' && e.details.person)).toEqual(['carol']);
  });
});

describe('the dashboard writes through the background', () => {
  const local = memoryArea();
  const pageDeps = () => ({ db: async () => db, local, extensionId: EXT, extensionBase: 'chrome-extension://ext-id/', now: () => NOW });

  it('takes requests only from the extension\'s own pages, each parsed before it runs', () => {
    expect(isExtensionPage({ id: EXT, url: 'chrome-extension://ext-id/options.html' }, pageDeps())).toBe(true);
    // A content script's sender has the extension's id and the web page's address.
    expect(isExtensionPage({ id: EXT, url: PAGE }, pageDeps())).toBe(false);
    expect(UiRequest.safeParse({ type: 'edit', id: 'x', changes: { source: 'network' } }).success).toBe(false);
    expect(UiRequest.safeParse({ type: 'import', text: '{}', fileName: 'f', keepOwn: [], applyChanges: true, acceptUnverified: false, preview: true }).success).toBe(false);
  });

  it('edits only what the user wrote, and erases the ledger with the observations waiting for room', async () => {
    const seen = await record(db, { kind: 'cameo-deleted', occurredAt: NOW, account, source: 'network', evidence: {}, details: {} } as NewEvent, NOW);
    await expect(handleUiRequest({ type: 'edit', id: seen.event.id, changes: { occurredAt: NOW - 1000 } }, pageDeps())).rejects.toThrow(/Only entries you made by hand/);
    const made = (await handleUiRequest({ type: 'record', event: { kind: 'note', occurredAt: NOW, account, evidence: {}, details: { text: 'a' } } }, pageDeps())) as { id: string };
    const edited = await handleUiRequest({ type: 'edit', id: made.id, changes: { details: { text: 'b' } } }, pageDeps());
    expect(edited).toMatchObject({ ok: true, status: 'edited' });
    expect((await db.events.get((edited as { id: string }).id))).toMatchObject({ supersedes: made.id, source: 'manual', details: { text: 'b' } });
    local.data[PENDING_KEY] = { items: [{ observation: {} }], dropped: 3 };
    expect(await handleUiRequest({ type: 'erase' }, pageDeps())).toEqual({ ok: true });
    expect(await db.events.count()).toBe(0);
    expect(local.data[PENDING_KEY]).toEqual({ items: [], dropped: 0 });
  });
});
