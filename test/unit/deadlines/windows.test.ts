import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '@/lib/ledger/events';
import { effectiveEvents } from '@/lib/ledger/relations';
import { LEGAL_DEADLINES, RETENTION_POLICIES } from '@/lib/facts/policies';
import { computeWindows, nextDueMoment, windowsClosedUnverified, type WindowOptions } from '@/lib/deadlines/windows';
import { ev } from '../helpers/events';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const at = Date.parse;
/** The last millisecond of a local day, given that day's offset. */
const endOf = (date: string, offset: string) => at(`${date}T23:59:59.999${offset}`);

function only(events: LedgerEvent[], options: WindowOptions) {
  const windows = computeWindows(events, options);
  expect(windows).toHaveLength(1);
  return windows[0]!;
}
const statusAt = (events: LedgerEvent[], now: number, options: Partial<WindowOptions> = {}) =>
  only(events, { now, timeZone: BERLIN, ...options }).status;

const request = (law: string, when: string, requestKind = 'erasure') =>
  ev('privacy-request-sent', { law, channel: 'email', request: requestKind }, when);

describe('a cameo deletion', () => {
  // Deleted on 3 Oct (day 0), in Berlin; the clocks go back on 26 Oct, inside the window.
  const deleted = ev('cameo-deleted', {}, '2025-10-03T10:00:00+02:00');

  it('opens a purge window due at the end of local day 30, with the policy behind it', () => {
    const w = only([deleted], { now: at('2025-10-04T00:00:00+02:00'), timeZone: BERLIN });
    const policy = RETENTION_POLICIES['cameo-purge'];
    expect(w).toMatchObject({
      id: deleted.id,
      kind: 'cameo-purge',
      opener: deleted,
      account: deleted.account,
      openedAt: deleted.occurredAt,
      dueAt: endOf('2025-11-02', '+01:00'),
      status: 'open',
      length: policy.length,
      statement: policy.statement,
      source: policy.source,
      followUps: [],
    });
    expect(w.law).toBeUndefined();
    expect(w.closedAt).toBeUndefined();
  });

  it.each([
    ['day 27, last minute', '2025-10-30T23:59:59.999+01:00', 'open'],
    ['day 28, first minute', '2025-10-31T00:00:00+01:00', 'due-soon'],
    ['day 29', '2025-11-01T12:00:00+01:00', 'due-soon'],
    ['day 30, first minute', '2025-11-02T00:00:00+01:00', 'due-soon'],
    ['day 30, last millisecond', '2025-11-02T23:59:59.999+01:00', 'due-soon'],
    ['day 31, first millisecond', '2025-11-03T00:00:00+01:00', 'closed-awaiting-verification'],
    ['day 37, last minute', '2025-11-09T23:59:59.999+01:00', 'closed-awaiting-verification'],
    ['day 38, first minute', '2025-11-10T00:00:00+01:00', 'overdue'],
    ['a year later', '2026-10-03T10:00:00+02:00', 'overdue'],
  ] as const)('on %s it is %s', (_, now, status) => {
    expect(statusAt([deleted], at(now))).toBe(status);
  });

  it('counts days on the calendar of the user, not of UTC', () => {
    // 20:00 in New York on 3 Oct is already 4 Oct in UTC and in Berlin.
    const evening = ev('cameo-deleted', {}, '2025-10-03T20:00:00-04:00');
    // New York changes its clocks on 2 Nov, the last day of this window.
    expect(only([evening], { now: evening.occurredAt, timeZone: NEW_YORK }).dueAt).toBe(endOf('2025-11-02', '-05:00'));
    expect(only([evening], { now: evening.occurredAt, timeZone: BERLIN }).dueAt).toBe(endOf('2025-11-03', '+01:00'));
    expect(statusAt([evening], at('2025-11-02T23:30:00-05:00'), { timeZone: NEW_YORK })).toBe('due-soon');
    expect(statusAt([evening], at('2025-11-03T00:00:00-05:00'), { timeZone: NEW_YORK })).toBe('closed-awaiting-verification');
  });

  it('runs over month ends: 31 Jan is due on 2 Mar, or 1 Mar in a leap year', () => {
    const due = (when: string) => only([ev('cameo-deleted', {}, when)], { now: at(when), timeZone: BERLIN }).dueAt;
    expect(due('2025-01-31T22:00:00+01:00')).toBe(endOf('2025-03-02', '+01:00'));
    expect(due('2028-01-31T22:00:00+01:00')).toBe(endOf('2028-03-01', '+01:00'));
    expect(due('2025-04-30T08:00:00+02:00')).toBe(endOf('2025-05-30', '+02:00'));
    expect(due('2025-12-31T08:00:00+01:00')).toBe(endOf('2026-01-30', '+01:00'));
  });

  it('counts the leap day as a day, across the spring DST change', () => {
    const leap = ev('cameo-deleted', {}, '2028-02-29T09:00:00+01:00');
    expect(only([leap], { now: leap.occurredAt, timeZone: BERLIN }).dueAt).toBe(endOf('2028-03-30', '+02:00'));
    expect(statusAt([leap], at('2028-03-30T23:59:00+02:00'))).toBe('due-soon');
    expect(statusAt([leap], at('2028-03-31T00:00:00+02:00'))).toBe('closed-awaiting-verification');
  });

  it('is verified by a purge verification that names it, and by nothing else', () => {
    const verified = ev('purge-verified', { window: deleted.id }, '2025-11-04T09:00:00+01:00');
    const later = ev('purge-verified', { window: deleted.id }, '2025-11-20T09:00:00+01:00');
    const elsewhere = ev('purge-verified', { window: 'some-other-window' }, '2025-11-04T09:00:00+01:00');
    const now = at('2025-12-01T00:00:00+01:00');
    expect(only([deleted, later, verified], { now, timeZone: BERLIN })).toMatchObject({ status: 'verified', closedAt: verified.occurredAt });
    expect(statusAt([deleted, elsewhere], now)).toBe('overdue');
    // An answer to a privacy request does not verify a purge.
    expect(statusAt([deleted, ev('privacy-answer-received', { request: deleted.id, outcome: 'done' }, '2025-11-04T09:00:00+01:00')], now)).toBe('overdue');
  });

  it('is gone when its deletion was removed from the ledger', () => {
    const removed = ev('entry-removed', { target: deleted.id }, '2025-10-05T09:00:00+02:00');
    expect(computeWindows(effectiveEvents([deleted, removed]), { now: deleted.occurredAt, timeZone: BERLIN })).toEqual([]);
  });
});

describe('the other retention windows', () => {
  it('an account deletion opens an account purge window of 30 days', () => {
    const requested = ev('account-deletion-requested', { linkedAccounts: ['chatgpt'] }, '2025-10-03T10:00:00+02:00');
    const w = only([requested], { now: requested.occurredAt, timeZone: BERLIN });
    expect(w).toMatchObject({ kind: 'account-purge', dueAt: endOf('2025-11-02', '+01:00'), statement: RETENTION_POLICIES['account-purge'].statement });
  });

  it('a received export opens the link window, due exactly 24 hours later, even over the DST night', () => {
    const received = ev('data-export-received', {}, '2025-10-25T12:00:00+02:00');
    const w = only([received], { now: received.occurredAt, timeZone: BERLIN });
    expect(w).toMatchObject({ kind: 'export-link', dueAt: received.occurredAt + 24 * 3_600_000, status: 'due-soon' });
    expect(statusAt([received], w.dueAt)).toBe('due-soon');
    expect(statusAt([received], w.dueAt + 1)).toBe('closed-awaiting-verification');
  });
});

describe('a legal deadline', () => {
  it('opens with a GDPR request and is due one calendar month later', () => {
    const sent = request('gdpr', '2025-10-15T10:00:00+02:00');
    const w = only([sent], { now: sent.occurredAt, timeZone: BERLIN });
    const gdpr = LEGAL_DEADLINES.gdpr;
    expect(w).toMatchObject({
      kind: 'legal-deadline',
      law: 'gdpr',
      dueAt: endOf('2025-11-15', '+01:00'),
      length: gdpr.respondWithin,
      statement: gdpr.statement,
      source: gdpr.source,
    });
  });

  it('one month from 31 Jan ends with February, 28 or 29 days long', () => {
    const due = (when: string) => only([request('gdpr', when)], { now: at(when), timeZone: BERLIN }).dueAt;
    expect(due('2025-01-31T10:00:00+01:00')).toBe(endOf('2025-02-28', '+01:00'));
    expect(due('2028-01-31T10:00:00+01:00')).toBe(endOf('2028-02-29', '+01:00'));
    expect(due('2028-02-29T10:00:00+01:00')).toBe(endOf('2028-03-29', '+02:00'));
  });

  it('is due 45 calendar days after a CCPA request', () => {
    const sent = request('ccpa', '2025-10-01T10:00:00-04:00', 'access');
    expect(only([sent], { now: sent.occurredAt, timeZone: NEW_YORK }).dueAt).toBe(endOf('2025-11-15', '-05:00'));
  });

  it('moves by the extension when the answer says so', () => {
    const ccpa = request('ccpa', '2025-10-01T10:00:00-04:00');
    const extendedCcpa = ev('privacy-answer-received', { request: ccpa.id, outcome: 'extended' }, '2025-11-01T10:00:00-04:00');
    const w = only([ccpa, extendedCcpa], { now: at('2025-11-20T10:00:00-05:00'), timeZone: NEW_YORK });
    expect(w).toMatchObject({ dueAt: endOf('2025-12-30', '-05:00'), length: { days: 90 }, status: 'open' });

    // GDPR: one month plus two further months, from the request: 31 Jan → 30 Apr.
    const gdpr = request('gdpr', '2025-01-31T10:00:00+01:00');
    const extendedGdpr = ev('privacy-answer-received', { request: gdpr.id, outcome: 'extended' }, '2025-02-20T10:00:00+01:00');
    expect(only([gdpr, extendedGdpr], { now: gdpr.occurredAt, timeZone: BERLIN }).dueAt).toBe(endOf('2025-04-30', '+02:00'));
  });

  it('is settled by an answer that is done or refused, not by another answer or a purge verification', () => {
    const sent = request('gdpr', '2025-10-15T10:00:00+02:00');
    const now = at('2025-12-31T10:00:00+01:00');
    const answer = (outcome: string) => ev('privacy-answer-received', { request: sent.id, outcome }, '2025-11-10T10:00:00+01:00');
    for (const outcome of ['done', 'refused']) {
      const settled = answer(outcome);
      expect(only([sent, settled], { now, timeZone: BERLIN })).toMatchObject({ status: 'verified', closedAt: settled.occurredAt });
    }
    expect(statusAt([sent, answer('other')], now)).toBe('overdue');
    expect(statusAt([sent, ev('purge-verified', { window: sent.id }, '2025-11-10T10:00:00+01:00')], now)).toBe('overdue');
  });

  it('is not opened by a request under no law', () => {
    expect(computeWindows([request('none', '2025-10-15T10:00:00+02:00')], { now: at('2025-10-15T10:00:00+02:00'), timeZone: BERLIN })).toEqual([]);
  });
});

describe('follow-ups', () => {
  const deleted = ev('cameo-deleted', {}, '2025-10-03T10:00:00+02:00');
  const toAuthority = ev('follow-up-sent', { window: deleted.id, law: 'gdpr', to: 'authority' }, '2025-11-20T10:00:00+01:00');
  const toOpenAi = ev('follow-up-sent', { window: deleted.id, law: 'gdpr', to: 'openai-privacy' }, '2025-11-12T10:00:00+01:00');
  const now = at('2025-11-25T10:00:00+01:00');

  it('are listed with the window they name, oldest first', () => {
    const purge = computeWindows([deleted, toAuthority, toOpenAi], { now, timeZone: BERLIN }).find((w) => w.id === deleted.id);
    expect(purge?.followUps.map((f) => f.id)).toEqual([toOpenAi.id, toAuthority.id]);
  });

  it('to OpenAI privacy is itself a request and opens a legal deadline under its law; to an authority, not', () => {
    const windows = computeWindows([deleted, toAuthority, toOpenAi], { now, timeZone: BERLIN });
    expect(windows.map((w) => [w.kind, w.id])).toEqual([
      ['cameo-purge', deleted.id],
      ['legal-deadline', toOpenAi.id],
    ]);
    expect(windows[1]).toMatchObject({ law: 'gdpr', dueAt: endOf('2025-12-12', '+01:00'), status: 'open' });
  });
});

describe('options', () => {
  const deleted = ev('cameo-deleted', {}, '2025-10-03T10:00:00+02:00');

  it('an override changes the length of its own kind only', () => {
    const requested = ev('account-deletion-requested', { linkedAccounts: [] }, '2025-10-03T10:00:00+02:00');
    const windows = computeWindows([deleted, requested], { now: deleted.occurredAt, timeZone: BERLIN, overrides: { 'cameo-purge': { days: 45 } } });
    expect(windows.find((w) => w.kind === 'cameo-purge')).toMatchObject({ length: { days: 45 }, dueAt: endOf('2025-11-17', '+01:00') });
    expect(windows.find((w) => w.kind === 'account-purge')).toMatchObject({ length: { days: 30 }, dueAt: endOf('2025-11-02', '+01:00') });
    const monthly = only([deleted], { now: deleted.occurredAt, timeZone: BERLIN, overrides: { 'cameo-purge': { months: 2 } } });
    expect(monthly.dueAt).toBe(endOf('2025-12-03', '+01:00'));
  });

  it('lead and grace days move the edges by whole local days', () => {
    expect(statusAt([deleted], at('2025-10-27T00:00:00+01:00'), { leadDays: 7 })).toBe('due-soon');
    expect(statusAt([deleted], at('2025-10-26T23:59:00+01:00'), { leadDays: 7 })).toBe('open');
    expect(statusAt([deleted], at('2025-11-02T23:59:00+01:00'), { leadDays: 0 })).toBe('open');
    expect(statusAt([deleted], at('2025-11-03T00:00:00+01:00'), { graceDays: 0 })).toBe('overdue');
    expect(statusAt([deleted], at('2025-11-03T23:59:00+01:00'), { graceDays: 1 })).toBe('closed-awaiting-verification');
    expect(statusAt([deleted], at('2025-11-04T00:00:00+01:00'), { graceDays: 1 })).toBe('overdue');
  });
});

describe('windows together', () => {
  const cameo = ev('cameo-deleted', {}, '2025-10-03T10:00:00+02:00');
  const gdpr = request('gdpr', '2025-09-20T10:00:00+02:00');
  const account = ev('account-deletion-requested', { linkedAccounts: [] }, '2025-10-10T10:00:00+02:00');
  const exportReceived = ev('data-export-received', {}, '2025-10-01T10:00:00+02:00');
  const verified = ev('purge-verified', { window: exportReceived.id }, '2025-10-01T18:00:00+02:00');
  const events = [cameo, gdpr, account, exportReceived, verified];

  it('come soonest due first', () => {
    const windows = computeWindows(events, { now: at('2025-10-11T00:00:00+02:00'), timeZone: BERLIN });
    expect(windows.map((w) => w.id)).toEqual([exportReceived.id, gdpr.id, cameo.id, account.id]);
  });

  it('past due and unverified are the ones the badge counts', () => {
    // 7 Nov: the GDPR deadline (20 Oct) is overdue, the cameo window (2 Nov) closed, the account window (9 Nov) due soon.
    const windows = computeWindows(events, { now: at('2025-11-07T12:00:00+01:00'), timeZone: BERLIN });
    expect(windows.map((w) => w.status)).toEqual(['verified', 'overdue', 'closed-awaiting-verification', 'due-soon']);
    expect(windowsClosedUnverified(windows).map((w) => w.id)).toEqual([gdpr.id, cameo.id]);
  });

  it('the next due moment is the next change of status, and nothing after the last', () => {
    const options = { timeZone: BERLIN };
    const windows = (now: number) => computeWindows([cameo], { now, ...options });
    const start = cameo.occurredAt;
    const first = nextDueMoment(windows(start), start);
    expect(first).toBe(at('2025-10-31T00:00:00+01:00'));
    const second = nextDueMoment(windows(first!), first!);
    expect(second).toBe(at('2025-11-03T00:00:00+01:00'));
    const third = nextDueMoment(windows(second!), second!);
    expect(third).toBe(at('2025-11-10T00:00:00+01:00'));
    expect(nextDueMoment(windows(third!), third!)).toBeNull();
    expect(nextDueMoment([], start)).toBeNull();
  });

  it('at every next due moment the status changes, and just before it it has not yet', () => {
    let now = at('2025-09-01T00:00:00+02:00');
    const statuses = (t: number) => computeWindows(events, { now: t, timeZone: BERLIN }).map((w) => w.status);
    for (let next = nextDueMoment(computeWindows(events, { now, timeZone: BERLIN }), now); next !== null; ) {
      expect(statuses(next - 1)).toEqual(statuses(now));
      expect(statuses(next)).not.toEqual(statuses(next - 1));
      now = next;
      next = nextDueMoment(computeWindows(events, { now, timeZone: BERLIN }), now);
    }
    expect(statuses(now)).toEqual(['verified', 'overdue', 'overdue', 'overdue']);
  });

  it('a verified window sets no alarm', () => {
    const now = at('2025-10-02T00:00:00+02:00');
    expect(nextDueMoment(computeWindows([exportReceived, verified], { now, timeZone: BERLIN }), now)).toBeNull();
  });
});
