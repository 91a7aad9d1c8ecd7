// Sora's closure opens a window for every Sora account whose cameo was not deleted before it.
import { describe, expect, it } from 'vitest';
import { SORA_CLOSURE, SORA_CLOSURE_NOT_SAID, SORA_CLOSURE_SAID, SORA_CLOSURE_WINDOW } from '@/lib/facts/policies';
import { computeWindows, type DeadlineWindow } from '@/lib/deadlines/windows';
import { monthInstant } from '@/lib/deadlines/month-precision';
import { notificationId, parseNotificationId } from '@/lib/reminders/notification';
import { ev } from '../helpers/events';

const BERLIN = 'Europe/Berlin';
const LOS_ANGELES = 'America/Los_Angeles';
const AUCKLAND = 'Pacific/Auckland';
/** The real date these tests were written on, long after the closure. */
const NOW = Date.parse('2026-12-03T09:00:00Z');
const BOB = { service: 'sora', handle: 'bob' } as const;

const closureWindows = (events: Parameters<typeof computeWindows>[0], timeZone = BERLIN, now = NOW) =>
  computeWindows(events, { now, timeZone }).filter((w) => w.kind === 'sora-closure');
const kinds = (windows: DeadlineWindow[]) => windows.map((w) => w.kind).sort();

describe("Sora's closure as facts", () => {
  it('dates the apps and the API, with sources, and says what OpenAI did not say, in English and German', () => {
    expect(SORA_CLOSURE.apps.date).toBe('2026-04-26');
    expect(SORA_CLOSURE.api.date).toBe('2026-09-24');
    for (const s of [...SORA_CLOSURE_SAID, ...SORA_CLOSURE_NOT_SAID]) {
      expect(s.text.en.length, s.id).toBeGreaterThan(10);
      expect(s.text.de.length, s.id).toBeGreaterThan(10);
      expect(s.source.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(SORA_CLOSURE_NOT_SAID.map((s) => s.source.confidence)).toEqual(['inferred', 'inferred']);
    // The window's length is OpenAI's figure for deleted uploads, applied to the closure: an inference.
    expect(SORA_CLOSURE_WINDOW.source.confidence).toBe('inferred');
    expect(SORA_CLOSURE_WINDOW.statement).toMatch(/inference/);
  });
});

describe('the closure window', () => {
  it('opens for a cameo never deleted, counted from 26 April in the user’s calendar, 30 days, and is overdue unverified', () => {
    const created = ev('cameo-created', {}, '2025-10-12T18:00:00+02:00');
    const [w] = closureWindows([created]);
    expect(w).toMatchObject({
      id: created.id,
      kind: 'sora-closure',
      opener: created,
      openedAt: Date.parse('2026-04-26T00:00:00+02:00'),
      dueAt: Date.parse('2026-05-26T23:59:59.999+02:00'),
      status: 'overdue',
      length: { days: 30 },
      source: { confidence: 'inferred' },
    });
  });

  it('has reminders whose buttons work: its notification id reads back', () => {
    const ref = { window: 'created-in-october', kind: 'sora-closure' as const, status: 'overdue' as const };
    expect(parseNotificationId(notificationId(ref))).toEqual(ref);
  });

  it('is verified by a purge verification that names it', () => {
    const created = ev('cameo-created', {}, '2025-10-12T18:00:00+02:00');
    const verified = ev('purge-verified', { window: created.id }, '2026-06-01T10:00:00+02:00');
    expect(closureWindows([created, verified])[0]).toMatchObject({ status: 'verified', closedAt: verified.occurredAt });
  });

  it('opens from a grant alone (a cameo was there to be shared), hung on the first sign', () => {
    const grant = ev('access-granted', { person: 'dan' }, '2025-11-02T10:00:00Z');
    const audience = ev('audience-changed', { after: 'everyone' }, '2025-11-03T10:00:00Z');
    expect(closureWindows([audience, grant]).map((w) => w.id)).toEqual([grant.id]);
  });

  it('does not open for a cameo deleted before the closure, which keeps its own 30-day window', () => {
    const created = ev('cameo-created', {}, '2025-10-12T18:00:00+02:00');
    const deleted = ev('cameo-deleted', {}, '2026-02-01T10:00:00+01:00');
    const windows = computeWindows([created, deleted], { now: NOW, timeZone: BERLIN });
    expect(kinds(windows)).toEqual(['cameo-purge']);
    expect(windows[0]!.dueAt).toBe(Date.parse('2026-03-03T23:59:59.999+01:00'));
  });

  it('opens again for a cameo made after the deletion, from that creation', () => {
    const deleted = ev('cameo-deleted', {}, '2025-12-01T10:00:00Z');
    const created = ev('cameo-created', {}, '2026-01-05T10:00:00Z');
    expect(closureWindows([ev('cameo-created', {}, '2025-10-01T10:00:00Z'), deleted, created]).map((w) => w.id)).toEqual([created.id]);
  });

  it('does not open when the Sora account was deleted before the closure: the account purge window covers the cameo', () => {
    const created = ev('cameo-created', {}, '2025-10-12T18:00:00+02:00');
    const accountDeleted = ev('account-deletion-requested', { linkedAccounts: ['chatgpt', 'api-platform'] }, '2026-03-10T10:00:00+01:00');
    expect(kinds(computeWindows([created, accountDeleted], { now: NOW, timeZone: BERLIN }))).toEqual(['account-purge']);
  });

  it('still opens when the deletion came after the closure, beside that deletion’s own window', () => {
    const created = ev('cameo-created', {}, '2025-10-12T18:00:00+02:00');
    const lateDeletion = ev('cameo-deleted', {}, '2026-06-10T10:00:00+02:00');
    expect(kinds(computeWindows([created, lateDeletion], { now: NOW, timeZone: BERLIN }))).toEqual(['cameo-purge', 'sora-closure']);
  });

  it('is one per Sora account, and none for ChatGPT accounts', () => {
    const events = [
      ev('cameo-created', {}, '2025-10-12T18:00:00Z'),
      ev('cameo-created', {}, '2025-10-20T18:00:00Z'),
      ev('access-granted', { person: 'x' }, '2025-10-21T18:00:00Z', { account: BOB }),
      ev('access-granted', { person: 'x' }, '2025-10-21T18:00:00Z', { account: { service: 'chatgpt', handle: 'carol' } }),
    ];
    expect(closureWindows(events).map((w) => w.account.handle).sort()).toEqual(['alice', 'bob']);
  });

  it('counts nothing done after the closure as before it', () => {
    expect(closureWindows([ev('cameo-created', {}, '2026-06-01T10:00:00Z')])).toEqual([]);
  });

  it('treats a deletion on the closure day itself as before it, in any zone', () => {
    const created = ev('cameo-created', {}, '2025-10-12T18:00:00Z');
    // 26 April, late evening in Los Angeles: 27 April in UTC.
    const deleted = ev('cameo-deleted', {}, '2026-04-26T22:00:00-07:00');
    for (const zone of [LOS_ANGELES, BERLIN, AUCKLAND]) expect(closureWindows([created, deleted], zone), zone).toEqual([]);
  });

  it('is due at the end of 26 May in each user’s own zone', () => {
    const created = ev('cameo-created', {}, '2025-10-12T18:00:00Z');
    expect(closureWindows([created], LOS_ANGELES)[0]!.dueAt).toBe(Date.parse('2026-05-26T23:59:59.999-07:00'));
    expect(closureWindows([created], AUCKLAND)[0]!.dueAt).toBe(Date.parse('2026-05-26T23:59:59.999+12:00'));
    // Due soon from the start of 24 May (3 lead days), in Auckland while it is still 23 May in Los Angeles.
    const justAfterMidnightAuckland = Date.parse('2026-05-24T00:30:00+12:00');
    expect(closureWindows([created], AUCKLAND, justAfterMidnightAuckland)[0]!.status).toBe('due-soon');
    expect(closureWindows([created], LOS_ANGELES, justAfterMidnightAuckland)[0]!.status).toBe('open');
  });
});

describe('month-precision entries', () => {
  /** An entry of the given kind remembered only to the month. */
  const inMonth = (kind: Parameters<typeof ev>[0], details: Record<string, unknown>, year: number, m: number) =>
    ev(kind, details, monthInstant({ year, month: m }), { occurredPrecision: 'month' });

  it('a cameo made in "October 2025" and never deleted gets the closure window', () => {
    const created = inMonth('cameo-created', {}, 2025, 10);
    expect(closureWindows([created]).map((w) => w.id)).toEqual([created.id]);
  });

  it('a deletion in "April 2026" was before the closure (nothing could be deleted after it), and its window counts from 30 April', () => {
    const created = inMonth('cameo-created', {}, 2025, 10);
    const deleted = inMonth('cameo-deleted', {}, 2026, 4);
    const windows = computeWindows([created, deleted], { now: NOW, timeZone: BERLIN });
    expect(kinds(windows)).toEqual(['cameo-purge']);
    expect(windows[0]).toMatchObject({ openedAt: Date.parse('2026-04-30T00:00:00+02:00'), dueAt: Date.parse('2026-05-30T23:59:59.999+02:00') });
  });

  it('count from the latest day of the month in every zone, across the year end', () => {
    const requested = inMonth('privacy-request-sent', { law: 'gdpr', channel: 'email', request: 'erasure' }, 2025, 12);
    for (const [zone, offset] of [[LOS_ANGELES, '-08:00'], [AUCKLAND, '+13:00'], ['UTC', 'Z']] as const) {
      const [w] = computeWindows([requested], { now: NOW, timeZone: zone });
      expect(w!.openedAt, zone).toBe(Date.parse(`2025-12-31T00:00:00${offset}`));
      expect(w!.dueAt, zone).toBe(Date.parse(`2026-01-31T23:59:59.999${offset}`));
    }
  });
});
