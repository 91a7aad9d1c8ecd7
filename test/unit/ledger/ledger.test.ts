import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account, LedgerEvent, NewEvent } from '@/lib/ledger/events';
import { SAME_FACT_WITHIN_MS } from '@/lib/ledger/fact-key';
import { appendAll, buildEvent, editManual, eraseEverything, InvalidEventError, LedgerDb, loadSummaryInputs, NotEditableError, record, removeEntry } from '@/lib/ledger/ledger';
import { NEWEST_KEPT } from '@/lib/ledger/tables';
import { SUMMARY_KINDS } from '@/lib/ledger/summary-parts';
import { effectiveEvents, historyOf } from '@/lib/ledger/relations';
import { popupSummary } from '@/lib/ledger/summary';
import { expectedParts, expectedRows, storedParts, storedRows } from '../helpers/summary-parts';
import { mayWrite, WRITER_OF_SOURCE } from '@/lib/ledger/writers';

const freshDb = (factory = new IDBFactory()) => new LedgerDb('ledger-test', { indexedDB: factory, IDBKeyRange });

const T0 = Date.UTC(2026, 2, 1, 9);
const MINUTE = 60_000;
const DAY = 86_400_000;
const ALICE: Account = { service: 'sora', handle: 'alice' };
const BOB: Account = { service: 'chatgpt', handle: 'bob' };

/** A new event of any kind; manual unless said otherwise. */
const input = (kind: NewEvent['kind'], details: Record<string, unknown>, at: number, extra: Partial<NewEvent> = {}) =>
  ({ kind, details, occurredAt: at, account: ALICE, source: 'manual', evidence: {}, ...extra }) as NewEvent;

const deletedOnPage = (at: number) => input('cameo-deleted', {}, at, { source: 'page', evidence: { rule: 'sora.cameo-deleted.dialog' } });
const deletedOnNetwork = (at: number) => input('cameo-deleted', {}, at, { source: 'network' });

const ids = (events: readonly LedgerEvent[]) => events.map((e) => e.id).sort();

describe('record: one fact, one event', () => {
  it('records a new fact and returns it', async () => {
    const db = freshDb();
    const outcome = await record(db, deletedOnPage(T0), T0 + 1);
    expect(outcome.status).toBe('created');
    expect(outcome.event).toMatchObject({ kind: 'cameo-deleted', certainty: 'seen-on-page', recordedAt: T0 + 1 });
    expect(await db.events.toArray()).toEqual([outcome.event]);
  });

  it('makes one event of the same fact reported again within the same-fact interval, two outside it', async () => {
    const db = freshDb();
    const first = await record(db, deletedOnPage(T0), T0);
    const again = await record(db, deletedOnPage(T0 + 5 * MINUTE), T0 + 5 * MINUTE);
    expect(again).toEqual({ status: 'duplicate', event: first.event });
    expect(await db.events.count()).toBe(1);
    const later = await record(db, deletedOnPage(T0 + SAME_FACT_WITHIN_MS + MINUTE), T0 + SAME_FACT_WITHIN_MS + MINUTE);
    expect(later.status).toBe('created');
    expect(await db.events.count()).toBe(2);
  });

  it('sees one appearance once, however much later it is seen again', async () => {
    const db = freshDb();
    const seen = (at: number) => input('appearance-seen', { by: 'Dan', where: 'draft', link: 'https://sora.chatgpt.com/d/abc' }, at, { source: 'page' });
    await record(db, seen(T0), T0);
    expect((await record(db, seen(T0 + 30 * DAY), T0 + 30 * DAY)).status).toBe('duplicate');
    expect(await db.events.count()).toBe(1);
  });

  it('keeps two identical manual entries: each is a statement of its own', async () => {
    const db = freshDb();
    const grant = input('access-granted', { person: 'Dan' }, T0);
    await record(db, grant, T0);
    expect((await record(db, grant, T0)).status).toBe('created');
    expect(await db.events.count()).toBe(2);
  });

  it('lets a network confirmation supersede what was only seen on the page', async () => {
    const db = freshDb();
    const page = await record(db, deletedOnPage(T0), T0);
    const network = await record(db, deletedOnNetwork(T0 + 2000), T0 + 2000);
    expect(network).toMatchObject({ status: 'confirmed', confirms: page.event.id, event: { certainty: 'confirmed', supersedes: page.event.id } });
    const all = await db.events.toArray();
    expect(all).toHaveLength(2);
    expect(effectiveEvents(all)).toEqual([network.event]);
    expect(ids(historyOf(all, page.event.id))).toEqual(ids(all));
    // Once confirmed, neither another page report nor another network report makes a new event.
    expect(await record(db, deletedOnPage(T0 + 3000), T0 + 3000)).toEqual({ status: 'duplicate', event: network.event });
    expect(await record(db, deletedOnNetwork(T0 + 4000), T0 + 4000)).toEqual({ status: 'duplicate', event: network.event });
    expect(await db.events.count()).toBe(2);
  });

  it('does not let a page report replace a confirmed fact', async () => {
    const db = freshDb();
    const network = await record(db, deletedOnNetwork(T0), T0);
    expect(await record(db, deletedOnPage(T0 + 1000), T0 + 1000)).toEqual({ status: 'duplicate', event: network.event });
  });

  it('answers a report with the nearest earlier report of the fact', async () => {
    const db = freshDb();
    const early = await record(db, deletedOnPage(T0), T0);
    const late = await record(db, deletedOnPage(T0 + SAME_FACT_WITHIN_MS + MINUTE), T0);
    expect(early.status).toBe('created');
    expect(late.status).toBe('created');
    // Within the same-fact interval of both; nearer the later one.
    const between = await record(db, deletedOnPage(T0 + SAME_FACT_WITHIN_MS - MINUTE), T0);
    expect(between).toEqual({ status: 'duplicate', event: late.event });
  });

  it('makes one event when two tabs report the same fact at the same moment', async () => {
    const db = freshDb();
    const outcomes = await Promise.all([record(db, deletedOnPage(T0), T0), record(db, deletedOnPage(T0 + 10), T0 + 10)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['created', 'duplicate']);
    expect(outcomes[0]!.event.id).toBe(outcomes[1]!.event.id);
    expect(await db.events.count()).toBe(1);
  });

  it('makes one effective event when a page and a network report race', async () => {
    const db = freshDb();
    const outcomes = await Promise.all([record(db, deletedOnPage(T0), T0), record(db, deletedOnNetwork(T0 + 10), T0 + 10), record(db, deletedOnPage(T0 + 20), T0 + 20)]);
    const effective = effectiveEvents(await db.events.toArray());
    expect(effective).toHaveLength(1);
    expect(effective[0]!.certainty).toBe('confirmed');
    expect(outcomes.filter((o) => o.status === 'created')).toHaveLength(1);
  });

  it('refuses an invalid event with the path of the problem, and writes nothing', async () => {
    const db = freshDb();
    const bad = input('access-granted', { person: '   ' }, T0);
    const error = await record(db, bad, T0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as InvalidEventError).issues.map((i) => i.path)).toEqual([['details', 'person']]);
    expect((error as Error).message).toMatch(/details\.person/);
    const leaky = input('cameo-deleted', {}, T0, { source: 'page', evidence: { url: 'https://sora.chatgpt.com/x?token=secret' } });
    expect(() => buildEvent(leaky, T0)).toThrow(InvalidEventError);
    expect(() => buildEvent({ ...input('cameo-deleted', {}, T0), cookie: 'x' } as unknown as NewEvent, T0)).toThrow(InvalidEventError);
    expect(() => buildEvent(input('cameo-deleted', {}, Date.UTC(1999, 0, 1)), T0)).toThrow(/occurredAt/);
    // Malformed input (no account to derive a key from) gets its issues, not a crash.
    expect(() => buildEvent({ kind: 'access-granted', source: 'page' } as unknown as NewEvent, T0)).toThrow(/account/);
    expect(await db.events.count()).toBe(0);
    expect(await db.summaryParts.count()).toBe(0);
  });
});

describe('edits and removals', () => {
  it('edits a manual entry as a new version and keeps the old one in its history', async () => {
    const db = freshDb();
    const { event: grant } = await record(db, input('access-granted', { person: 'Dan' }, T0), T0);
    const edited = await editManual(db, grant.id, { details: { person: 'Daniel' }, occurredAt: T0 - DAY }, T0 + 1000);
    expect(edited).toMatchObject({ supersedes: grant.id, details: { person: 'Daniel' }, occurredAt: T0 - DAY, recordedAt: T0 + 1000, key: grant.key });
    const all = await db.events.toArray();
    expect(effectiveEvents(all)).toEqual([edited]);
    expect(historyOf(all, grant.id)).toEqual([grant, edited]);
    expect(historyOf(all, edited.id)).toEqual([grant, edited]);
    // Only the latest version can be edited again.
    await expect(editManual(db, grant.id, { occurredAt: T0 })).rejects.toThrow(NotEditableError);
    const again = await editManual(db, edited.id, { occurredAt: T0 }, T0 + 2000);
    expect(historyOf(await db.events.toArray(), grant.id).map((e) => e.id)).toEqual([grant.id, edited.id, again.id]);
  });

  it('refuses to edit what the user did not write, what is missing, or what was removed', async () => {
    const db = freshDb();
    const { event: seen } = await record(db, deletedOnPage(T0), T0);
    await expect(editManual(db, seen.id, { occurredAt: T0 - DAY })).rejects.toThrow(/by hand/);
    await expect(editManual(db, 'no-such-entry', { occurredAt: T0 })).rejects.toThrow(NotEditableError);
    const { event: note } = await record(db, input('note', { text: 'called support' }, T0), T0);
    await removeEntry(db, note.id, T0 + 1);
    await expect(editManual(db, note.id, { details: { text: 'changed' } })).rejects.toThrow(/removed/);
    const removal = (await db.events.filter((e) => e.kind === 'entry-removed').first())!;
    await expect(editManual(db, removal.id, { occurredAt: T0 })).rejects.toThrow(NotEditableError);
    expect(await db.events.count()).toBe(3);
  });

  it('writes nothing when an edit is invalid', async () => {
    const db = freshDb();
    const { event: grant } = await record(db, input('access-granted', { person: 'Dan' }, T0), T0);
    await expect(editManual(db, grant.id, { details: { person: '' } })).rejects.toThrow(InvalidEventError);
    expect(await db.events.toArray()).toEqual([grant]);
  });

  it('removes an entry from every view, keeps it in its history, and removes it once', async () => {
    const db = freshDb();
    const { event: grant } = await record(db, input('access-granted', { person: 'Dan' }, T0), T0);
    const removal = await removeEntry(db, grant.id, T0 + 1000, 'typed by mistake');
    expect(removal).toMatchObject({ kind: 'entry-removed', details: { target: grant.id, reason: 'typed by mistake' }, account: ALICE });
    const all = await db.events.toArray();
    expect(effectiveEvents(all)).toEqual([]);
    expect(historyOf(all, grant.id)).toEqual([grant, removal]);
    expect(await removeEntry(db, grant.id, T0 + 2000)).toEqual(removal);
    expect(await db.events.count()).toBe(2);
    await expect(removeEntry(db, removal.id)).rejects.toThrow(NotEditableError);
    await expect(removeEntry(db, 'no-such-entry')).rejects.toThrow(NotEditableError);
  });

  it('removes the latest version when an older version of an edited entry is removed', async () => {
    const db = freshDb();
    const { event: grant } = await record(db, input('access-granted', { person: 'Dan' }, T0), T0);
    const edited = await editManual(db, grant.id, { details: { person: 'Daniel' } }, T0 + 1);
    const removal = await removeEntry(db, grant.id, T0 + 2);
    expect(removal.details).toEqual({ target: edited.id });
    expect(effectiveEvents(await db.events.toArray())).toEqual([]);
  });

  it('erases everything: a new connection to the same browser finds nothing', async () => {
    const factory = new IDBFactory();
    const db = freshDb(factory);
    await record(db, input('access-granted', { person: 'Dan' }, T0), T0);
    await record(db, deletedOnPage(T0), T0);
    await eraseEverything(db);
    expect(await db.events.count()).toBe(0);
    db.close();
    const reopened = freshDb(factory);
    expect(await reopened.events.count()).toBe(0);
    expect(await reopened.summaryParts.count()).toBe(0);
    expect(await reopened.summaryMembers.count()).toBe(0);
    expect(await reopened.references.count()).toBe(0);
    expect((await loadSummaryInputs(reopened)).events).toEqual([]);
  });
});

describe('effective events and history (pure)', () => {
  const at = (n: number) => T0 + n * MINUTE;
  const a = buildEvent(input('access-granted', { person: 'Dan' }, at(1)), at(1), 'event-a-0001');
  const b = buildEvent({ ...input('access-granted', { person: 'Daniel' }, at(1)), supersedes: a.id } as NewEvent, at(2), 'event-b-0002');
  const page = buildEvent(deletedOnPage(at(3)), at(3), 'event-page-03');
  const dismissed = buildEvent(input('observation-reviewed', { target: page.id, verdict: 'dismissed' }, at(4)), at(4), 'event-rev-004');
  const other = buildEvent(deletedOnPage(at(5)), at(5), 'event-page-05');
  const confirmed = buildEvent(input('observation-reviewed', { target: other.id, verdict: 'confirmed' }, at(6)), at(6), 'event-rev-006');

  it('drops superseded versions, dismissed observations and the retractions themselves; keeps confirmed ones', () => {
    expect(effectiveEvents([a, b, page, dismissed, other, confirmed])).toEqual([b, other]);
  });

  it('gives the same answer applied twice', () => {
    const once = effectiveEvents([a, b, page, dismissed, other, confirmed]);
    expect(effectiveEvents(once)).toEqual(once);
  });

  it('follows a history back and forward, reviews included, and survives a circle of versions', () => {
    expect(historyOf([a, b, page, dismissed], b.id)).toEqual([a, b]);
    expect(historyOf([a, b, page, dismissed], page.id)).toEqual([page, dismissed]);
    expect(historyOf([a], 'missing-0001')).toEqual([]);
    const x = { ...a, id: 'circle-x-01', supersedes: 'circle-y-01' } as LedgerEvent;
    const y = { ...b, id: 'circle-y-01', supersedes: 'circle-x-01' } as LedgerEvent;
    expect(ids(historyOf([x, y], x.id))).toEqual(ids([x, y]));
  });
});

describe('appendAll', () => {
  const batch = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) =>
      buildEvent(input('access-granted', { person: `p${from + i}` }, T0 + (from + i) * MINUTE, { source: 'import' }), T0, `import-${String(from + i).padStart(6, '0')}`),
    );

  it('writes every event of a batch', async () => {
    const db = freshDb();
    expect(await appendAll(db, batch(50))).toBe(50);
    expect(await db.events.count()).toBe(50);
    expect(await storedRows(db)).toEqual(expectedRows(await db.events.toArray()));
  });

  it('writes nothing when one event is invalid, and says which', async () => {
    const db = freshDb();
    const events: unknown[] = batch(10);
    events[7] = { ...(events[7] as LedgerEvent), occurredAt: 'yesterday' };
    const error = await appendAll(db, events).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidEventError);
    expect((error as InvalidEventError).issues[0]!.path).toEqual([7, 'occurredAt']);
    expect(await db.events.count()).toBe(0);
    expect(await db.summaryMembers.count()).toBe(0);
  });

  it('writes nothing when one id is already taken', async () => {
    const db = freshDb();
    await appendAll(db, batch(3));
    const before = await storedRows(db);
    await expect(appendAll(db, [...batch(5, 3), batch(1)[0]])).rejects.toThrow();
    expect(await db.events.count()).toBe(3);
    expect(await db.summaryMembers.count()).toBe(3);
    expect(await storedRows(db)).toEqual(before);
  });
});

describe('the popup summary', () => {
  const TZ = 'Europe/Berlin';
  /** Sora closed on 26 April 2026 (T0 is before): a cameo not deleted by then gets a window, due 26 May in Berlin. */
  const closureWindow = (id: string) => ({
    id,
    kind: 'sora-closure',
    status: 'open',
    openedAt: Date.UTC(2026, 3, 25, 22),
    dueAt: Date.UTC(2026, 4, 26, 22) - 1,
  });

  it('reads the events it derives from, not the appearances, and the newest effective events', async () => {
    const db = freshDb();
    const appearances = Array.from({ length: 300 }, (_, i) =>
      buildEvent(input('appearance-seen', { by: `fan${i}`, where: 'post' }, T0 + i * MINUTE, { source: 'page' }), T0, `seen-${String(i).padStart(5, '0')}`),
    );
    await appendAll(db, appearances);
    const { event: grant } = await record(db, input('access-granted', { person: 'Dan' }, T0 - DAY), T0);
    const { event: audience } = await record(db, input('audience-changed', { after: 'people-i-approve' }, T0 - DAY + 1), T0);
    const { event: note } = await record(db, input('note', { text: 'newest' }, T0 + 1000 * MINUTE), T0);
    // An edit that moves the note back in time: its old version must not show among the latest.
    const movedNote = await editManual(db, note.id, { occurredAt: T0 - 2 * DAY }, T0 + 1);
    const newestAppearance = appearances.at(-1)!;
    await removeEntry(db, newestAppearance.id, T0 + 2);

    const inputs = await loadSummaryInputs(db, 5);
    expect(ids(inputs.events)).toEqual(ids([grant, audience]));
    expect(inputs.latest.map((e) => e.id)).toEqual(appearances.slice(-6, -1).reverse().map((e) => e.id));
    expect(inputs.latest.map((e) => e.id)).not.toContain(note.id);
    const summary = popupSummary(inputs, { now: T0, timeZone: TZ });
    expect(summary.accounts).toEqual([
      // Sora closed with this cameo undeleted: its window hangs on the account's first sign of a cameo.
      { account: ALICE, audience: 'people-i-approve', people: [{ person: 'Dan', since: T0 - DAY }], windows: [closureWindow(grant.id)] },
    ]);
    expect(movedNote.occurredAt).toBe(T0 - 2 * DAY);
  });

  it('keeps an unverified window, drops it once verified, and brings it back when the verification is removed', async () => {
    const db = freshDb();
    await record(db, input('cameo-created', {}, T0 - DAY), T0);
    const { event: deletion } = await record(db, deletedOnNetwork(T0), T0);
    const windowIds = async () => popupSummary(await loadSummaryInputs(db), { now: T0 + 40 * DAY, timeZone: TZ }).accounts.flatMap((a) => a.windows.map((w) => w.id));
    expect(await windowIds()).toEqual([deletion.id]);
    const { event: verified } = await record(db, input('purge-verified', { window: deletion.id }, T0 + 35 * DAY), T0 + 35 * DAY);
    expect(await windowIds()).toEqual([]);
    // The deletion stays in the summary only as what decides that Sora's closure opened no window.
    expect(popupSummary(await loadSummaryInputs(db), { now: T0 + 40 * DAY, timeZone: TZ }).closedUnverified).toBe(0);
    await removeEntry(db, verified.id, T0 + 36 * DAY);
    expect(await windowIds()).toEqual([deletion.id]);
  });

  it('closes a window by a verification filed under another account', async () => {
    const db = freshDb();
    await record(db, input('cameo-created', {}, T0 - DAY), T0);
    await record(db, { ...input('cameo-created', {}, T0 - DAY), account: BOB }, T0);
    const { event: deletion } = await record(db, deletedOnNetwork(T0), T0);
    await record(db, { ...input('purge-verified', { window: deletion.id }, T0 + 31 * DAY), account: BOB }, T0 + 31 * DAY);
    const summary = popupSummary(await loadSummaryInputs(db), { now: T0 + 40 * DAY, timeZone: TZ });
    expect(summary.closedUnverified).toBe(0);
    expect(summary.accounts.flatMap((a) => a.windows)).toEqual([]);
  });

  it("keeps with an account's first event what ended it: a revocation, a verification", async () => {
    const db = freshDb();
    const { event: grant } = await record(db, input('access-granted', { person: 'Dan' }, T0), T0);
    await record(db, input('access-revoked', { person: 'Dan' }, T0 + DAY), T0);
    const { event: deletion } = await record(db, { ...deletedOnNetwork(T0 - DAY), account: BOB }, T0);
    await record(db, { ...input('purge-verified', { window: deletion.id }, T0 + 20 * DAY), account: BOB }, T0);
    const inputs = await loadSummaryInputs(db);
    expect(ids(inputs.events)).toEqual(expect.arrayContaining([grant.id, deletion.id]));
    expect(popupSummary(inputs, { now: T0 + 40 * DAY, timeZone: TZ }).accounts).toEqual([
      { account: BOB, audience: null, people: [], windows: [] },
      { account: ALICE, audience: null, people: [], windows: [closureWindow(grant.id)] },
    ]);
  });

  it('forgets a person whose access was revoked, and keeps the account listed', async () => {
    const db = freshDb();
    const { event: created } = await record(db, input('cameo-created', {}, T0), T0);
    for (let i = 0; i < 20; i++) {
      await record(db, input('access-granted', { person: 'Dan' }, T0 + (2 * i + 1) * DAY), T0);
      await record(db, input('access-revoked', { person: 'dan' }, T0 + (2 * i + 2) * DAY), T0);
    }
    const inputs = await loadSummaryInputs(db);
    expect(inputs.events.map((e) => e.kind)).toEqual(['cameo-created']);
    expect(popupSummary(inputs, { now: T0 + 50 * DAY, timeZone: TZ }).accounts).toEqual([{ account: ALICE, audience: null, people: [], windows: [closureWindow(created.id)] }]);
    await record(db, input('access-granted', { person: 'DAN' }, T0 + 45 * DAY), T0);
    const people = popupSummary(await loadSummaryInputs(db), { now: T0 + 50 * DAY, timeZone: TZ }).accounts[0]!.people;
    expect(people).toEqual([{ person: 'Dan', since: T0 + 45 * DAY }]);
  });
});

// ------------------------------------------------------------------------------------------
// The maintained summary against a full recomputation, on random ledgers.

const ACCOUNTS: Account[] = [ALICE, { service: 'sora', handle: 'Alice' }, BOB, { service: 'sora', handle: 'carol' }];
const PEOPLE = ['Dan', 'dan', 'Eve', 'frank'];
const KINDS = [
  'access-granted',
  'access-revoked',
  'audience-changed',
  'cameo-created',
  'cameo-deleted',
  'account-deletion-requested',
  'data-export-requested',
  'data-export-received',
  'privacy-request-sent',
  'privacy-answer-received',
  'purge-verified',
  'follow-up-sent',
  'appearance-seen',
  'note',
] as const;

const fact = fc.record({
  kind: fc.constantFrom(...KINDS),
  account: fc.nat(ACCOUNTS.length - 1),
  source: fc.constantFrom('page', 'network', 'manual'),
  person: fc.nat(PEOPLE.length - 1),
  /** In seconds: small values put reports within the same-fact interval of each other. */
  at: fc.nat(5_000_000),
  variant: fc.nat(2),
  /** Which earlier event it refers to (a window, a request), by position. */
  ref: fc.nat(),
});
type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;
type Fact = Of<typeof fact>;

const operation = fc.oneof(
  { weight: 6, arbitrary: fact.map((f) => ({ op: 'record' as const, f })) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('edit' as const), ref: fc.nat(), at: fc.option(fc.nat(5_000_000)), account: fc.option(fc.nat(ACCOUNTS.length - 1)) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), ref: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('review' as const), ref: fc.nat(), dismissed: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('import' as const),
      // `ahead`: its references name events a later import brings (a file's order is anyone's).
      items: fc.array(fc.record({ f: fact, supersedes: fc.option(fc.nat()), retract: fc.boolean(), ahead: fc.boolean() }), { minLength: 1, maxLength: 5 }),
    }),
  },
);

const details = (f: Fact, pick: (n: number) => string): Record<string, unknown> => {
  const person = PEOPLE[f.person]!;
  switch (f.kind) {
    case 'access-granted':
    case 'access-revoked':
      return { person };
    case 'audience-changed':
      return { after: (['only-me', 'people-i-approve', 'everyone'] as const)[f.variant] };
    case 'account-deletion-requested':
      return { linkedAccounts: [] };
    case 'privacy-request-sent':
      return { law: (['gdpr', 'ccpa', 'none'] as const)[f.variant], channel: 'email', request: 'erasure' };
    case 'privacy-answer-received':
      return { request: pick(f.ref), outcome: (['done', 'extended', 'other'] as const)[f.variant] };
    case 'purge-verified':
      return { window: pick(f.ref) };
    case 'follow-up-sent':
      return { window: pick(f.ref), law: 'gdpr', to: f.variant === 0 ? 'authority' : 'openai-privacy' };
    case 'appearance-seen':
      return { by: person, where: f.variant === 0 ? 'draft' : 'post' };
    case 'note':
      return { text: `note ${f.variant}` };
    default:
      return {};
  }
};

/** Runs random operations through the store's own writes; returns nothing, the store is compared after. */
async function play(db: LedgerDb, ops: Of<typeof operation>[]) {
  const made: string[] = [];
  const pick = (n: number) => made[n % made.length] ?? 'missing-event-id';
  // Every occurrence distinct, so that no derivation has to settle a tie.
  let seq = 0;
  let imported = 0;
  const importId = (n: number) => `imported-${n}`;
  const when = (seconds: number) => T0 + seconds * 1000 + ++seq;
  const newFact = (f: Fact, source: NewEvent['source']) =>
    ({ kind: f.kind, details: details(f, pick), occurredAt: when(f.at), account: ACCOUNTS[f.account]!, source, evidence: {} }) as NewEvent;
  for (const [i, o] of ops.entries()) {
    const now = T0 + 100 * DAY + i;
    try {
      if (o.op === 'record') {
        const kind = o.f.kind;
        // Only a writer the kind allows (lib/ledger/writers.ts): any other is refused before the store is reached.
        const allowed = (s: 'manual' | 'page' | 'network') => mayWrite(WRITER_OF_SOURCE[s], kind);
        const source = allowed(o.f.source) ? o.f.source : (['manual', 'page', 'network'] as const).find(allowed)!;
        const outcome = await record(db, newFact(o.f, source), now);
        made.push(outcome.event.id);
      } else if (o.op === 'edit') {
        const edited = await editManual(
          db,
          pick(o.ref),
          { ...(o.at !== null ? { occurredAt: when(o.at) } : {}), ...(o.account !== null ? { account: ACCOUNTS[o.account]! } : {}) },
          now,
        );
        made.push(edited.id);
      } else if (o.op === 'remove') {
        await removeEntry(db, pick(o.ref), now);
      } else if (o.op === 'review') {
        const verdict = o.dismissed ? 'dismissed' : 'confirmed';
        await record(db, input('observation-reviewed', { target: pick(o.ref), verdict }, when(0)), now);
      } else {
        const events = o.items.map((item) => {
          const id = importId(imported++);
          const refer = (n: number) => (item.ahead ? importId(imported + (n % 6)) : pick(n));
          const base = { ...newFact(item.f, 'import'), details: details(item.f, refer) };
          const event = item.retract
            ? { ...base, kind: 'entry-removed', details: { target: refer(item.f.ref) } }
            : { ...base, ...(item.supersedes !== null ? { supersedes: refer(item.supersedes) } : {}) };
          return buildEvent(event as NewEvent, now, id);
        });
        await appendAll(db, events);
        made.push(...events.map((e) => e.id));
      }
    } catch (error) {
      // Refusals are part of the game (editing a page event, removing a removal); nothing else is.
      if (!(error instanceof NotEditableError)) throw error;
    }
  }
}

describe('the maintained summary equals a full recomputation', () => {
  it('after an import brings a request whose answer, filed under another account, came in an earlier import', async () => {
    const db = freshDb();
    const event = (id: string, kind: NewEvent['kind'], details: Record<string, unknown>, account: Account, minutes: number) =>
      buildEvent(input(kind, details, T0 + minutes * MINUTE, { account, source: 'import' }), T0, id);
    await appendAll(db, [event('the-answer', 'privacy-answer-received', { request: 'the-request', outcome: 'done' }, BOB, 1)]);
    await record(db, input('access-granted', { person: 'Dan' }, T0 + 2 * MINUTE), T0);
    await appendAll(db, [event('the-request', 'privacy-request-sent', { law: 'gdpr', channel: 'email', request: 'erasure' }, ALICE, 3)]);
    const all = await db.events.toArray();
    expect(await storedParts(db)).toEqual(expectedParts(all));
    expect((await storedRows(db))['sora|alice']).not.toContain('the-request');
  });

  it('after a write that drops the opener of a settled window from a person (a deletion, a revocation)', async () => {
    for (const last of ['cameo-deleted', 'access-revoked'] as const) {
      const db = freshDb();
      const at = (n: number) => T0 + n * MINUTE;
      const write = (kind: NewEvent['kind'], details: Record<string, unknown>, n: number) => record(db, input(kind, details, at(n), { account: BOB }), at(n));
      await write('access-granted', { person: 'Bob' }, 1);
      await write('access-granted', { person: 'Ann' }, 2);
      const deletion = await write('cameo-deleted', {}, 3);
      await write('purge-verified', { window: deletion.event.id }, 4);
      // Granted again, spelled otherwise: the deletion that ended their first access is kept with each, and its settled window with it.
      await write('access-granted', { person: 'bob' }, 5);
      await write('access-granted', { person: 'ann' }, 6);
      expect((await storedRows(db))['chatgpt|bob']).toContain(deletion.event.id);
      // Bob's access ends again (and, with a deletion, Ann's): Ann still keeps the first deletion after a revocation, nobody after a deletion.
      await write(last, last === 'access-revoked' ? { person: 'bob' } : {}, 7);
      const all = await db.events.toArray();
      expect(await storedParts(db)).toEqual(expectedParts(all));
      expect((await storedRows(db))['chatgpt|bob']!.includes(deletion.event.id)).toBe(last === 'access-revoked');
      db.close();
    }
  });

  it('on random ledgers built by records, edits, removals, reviews and imports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 40, size: 'max' }), async (ops) => {
        const db = freshDb();
        await play(db, ops);
        const all = await db.events.toArray();
        expect(await storedRows(db)).toEqual(expectedRows(all));
        expect(await storedParts(db)).toEqual(expectedParts(all));

        const live = effectiveEvents(all);
        const newest = [...live].sort((a, b) => b.occurredAt - a.occurredAt);
        const full = { events: live.filter((e) => SUMMARY_KINDS.includes(e.kind)), latest: newest.slice(0, 10) };
        const inputs = await loadSummaryInputs(db);
        expect(inputs.latest).toEqual(full.latest);
        expect((await loadSummaryInputs(db, NEWEST_KEPT)).latest).toEqual(newest.slice(0, NEWEST_KEPT));
        expect((await loadSummaryInputs(db, NEWEST_KEPT + 5)).latest).toEqual(newest.slice(0, NEWEST_KEPT + 5));
        for (const now of [T0, T0 + 40 * DAY, T0 + 200 * DAY]) {
          expect(popupSummary(inputs, { now, timeZone: 'Europe/Berlin' })).toEqual(popupSummary(full, { now, timeZone: 'Europe/Berlin' }));
        }
        db.close();
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
