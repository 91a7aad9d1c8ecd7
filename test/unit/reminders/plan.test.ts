import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '@/lib/ledger/events';
import { effectiveEvents } from '@/lib/ledger/relations';
import { emptyLog, MAX_SNOOZE_MS, parseLog, reminderKey, shownReminders, snoozeWindow, type ReminderLog } from '@/lib/reminders/log';
import { planReminders, type ReminderPlan } from '@/lib/reminders/plan';
import { computeWindows } from '@/lib/deadlines/windows';
import { ev } from '../helpers/events';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const at = Date.parse;

interface Run {
  events: LedgerEvent[];
  log?: ReminderLog;
  timeZone?: string;
  leadDays?: number;
  remindersOn?: boolean;
}

/** One background run at `now`: windows from the ledger, then the plan. */
function runAt(now: string | number, { events, log = emptyLog(), timeZone = BERLIN, leadDays = 3, remindersOn = true }: Run): ReminderPlan {
  const moment = typeof now === 'string' ? at(now) : now;
  const windows = computeWindows(effectiveEvents(events), { now: moment, timeZone, leadDays });
  return planReminders(windows, log, moment, { remindersOn, timeZone });
}

const statuses = (plan: ReminderPlan) => plan.due.map((r) => `${r.window.id}:${r.status}`);

/** Runs at each moment in turn, carrying the log, and lists every reminder shown. */
function timeline(moments: string[], run: Run): { shown: string[]; log: ReminderLog; last: ReminderPlan } {
  let log = run.log ?? emptyLog();
  const shown: string[] = [];
  let last: ReminderPlan | undefined;
  for (const moment of moments) {
    last = runAt(moment, { ...run, log });
    shown.push(...last.due.map((r) => `${moment} ${r.status}`));
    log = last.log;
  }
  return { shown, log, last: last! };
}

describe('scheduling one cameo deletion (deleted 3 Oct, purged by 2 Nov, Berlin)', () => {
  const deleted = ev('cameo-deleted', {}, '2025-10-03T10:00:00+02:00');
  const events = [deleted];

  it('asks for no reminder before the lead time, and wakes up exactly when it starts', () => {
    const plan = runAt('2025-10-04T09:00:00+02:00', { events });
    expect(plan.due).toEqual([]);
    // Lead time 3 days: due soon from the start of 31 Oct, local time (CET after 26 Oct).
    expect(plan.wakeUpAt).toBe(at('2025-10-31T00:00:00+01:00'));
  });

  it('reminds once per status, each at the moment the status begins, and re-arms for the next one', () => {
    const { shown, last } = timeline(
      ['2025-10-31T00:00:00+01:00', '2025-11-01T12:00:00+01:00', '2025-11-03T00:00:00+01:00', '2025-11-05T08:00:00+01:00', '2025-11-10T00:00:00+01:00'],
      { events },
    );
    expect(shown).toEqual([
      '2025-10-31T00:00:00+01:00 due-soon',
      '2025-11-03T00:00:00+01:00 closed-awaiting-verification',
      '2025-11-10T00:00:00+01:00 overdue',
    ]);
    // Overdue is the last status: nothing more to wake up for.
    expect(last.wakeUpAt).toBeNull();
  });

  it('wakes up for each next status in turn', () => {
    const first = runAt('2025-10-31T00:00:00+01:00', { events });
    expect(first.wakeUpAt).toBe(at('2025-11-03T00:00:00+01:00'));
    const second = runAt(first.wakeUpAt!, { events, log: first.log });
    expect(statuses(second)).toEqual([`${deleted.id}:closed-awaiting-verification`]);
    expect(second.wakeUpAt).toBe(at('2025-11-10T00:00:00+01:00'));
  });

  it('does not repeat a reminder when run again with the same log (an alarm and a ledger write at once, a restart)', () => {
    const first = runAt('2025-11-03T09:00:00+01:00', { events });
    expect(first.due).toHaveLength(1);
    const again = runAt('2025-11-03T09:00:00+01:00', { events, log: first.log });
    expect(again.due).toEqual([]);
    const afterRestart = runAt('2025-11-04T10:00:00+01:00', { events, log: parseLog(JSON.parse(JSON.stringify(first.log))) });
    expect(afterRestart.due).toEqual([]);
  });

  it('brings a reminder missed while the browser was closed at the next run, once, at the current status', () => {
    // Last run on 30 Oct; the browser was closed over the lead time and the due date.
    const before = runAt('2025-10-30T18:00:00+01:00', { events });
    expect(before.due).toEqual([]);
    const next = runAt('2025-11-04T08:30:00+01:00', { events, log: before.log });
    expect(statuses(next)).toEqual([`${deleted.id}:closed-awaiting-verification`]);
  });

  it('stops reminding when the purge is verified, and forgets the window in the log', () => {
    const shown = runAt('2025-11-03T09:00:00+01:00', { events });
    const verified = ev('purge-verified', { window: deleted.id }, '2025-11-04T10:00:00+01:00');
    const later = runAt('2025-11-10T09:00:00+01:00', { events: [deleted, verified], log: shown.log });
    expect(later.due).toEqual([]);
    expect(later.wakeUpAt).toBeNull();
    expect(later.log).toEqual(emptyLog());
  });

  it('shows nothing and sets no alarm while reminders are off, and catches up once they are on', () => {
    const off = runAt('2025-11-03T09:00:00+01:00', { events, remindersOn: false });
    expect(off).toMatchObject({ due: [], wakeUpAt: null });
    const on = runAt('2025-11-04T09:00:00+01:00', { events, log: off.log });
    expect(statuses(on)).toEqual([`${deleted.id}:closed-awaiting-verification`]);
  });

  it('follows the lead time setting', () => {
    expect(runAt('2025-10-04T09:00:00+02:00', { events, leadDays: 7 }).wakeUpAt).toBe(at('2025-10-27T00:00:00+01:00'));
    // No lead time: the first reminder is when the window has closed.
    expect(runAt('2025-10-04T09:00:00+02:00', { events, leadDays: 0 }).wakeUpAt).toBe(at('2025-11-03T00:00:00+01:00'));
  });
});

describe('remind me later', () => {
  const deleted = ev('cameo-deleted', {}, '2025-10-03T10:00:00+02:00');
  const events = [deleted];

  it('brings the same reminder back a day later, and not before', () => {
    const shown = runAt('2025-11-03T09:00:00+01:00', { events });
    const snoozed = snoozeWindow(shown.log, deleted.id, at('2025-11-03T09:05:00+01:00'), BERLIN);
    const meanwhile = runAt('2025-11-03T21:00:00+01:00', { events, log: snoozed });
    expect(meanwhile.due).toEqual([]);
    expect(meanwhile.wakeUpAt).toBe(at('2025-11-04T09:05:00+01:00'));
    const back = runAt(meanwhile.wakeUpAt!, { events, log: meanwhile.log });
    expect(back.due).toMatchObject([{ status: 'closed-awaiting-verification', snoozed: true }]);
    // Shown again: the snooze is used up.
    expect(back.log.snoozed).toEqual({});
    expect(runAt('2025-11-04T12:00:00+01:00', { events, log: back.log }).due).toEqual([]);
  });

  it('keeps a day of local time across the night the clocks go back', () => {
    const snoozed = snoozeWindow(emptyLog(), deleted.id, at('2025-10-25T20:00:00+02:00'), BERLIN);
    expect(snoozed.snoozed[deleted.id]!.until).toBe(at('2025-10-26T20:00:00+01:00'));
  });
});

describe('no more than one reminder per window per day', () => {
  it('holds a reminder until the next local day when one was shown today (an edit keeps what was shown)', () => {
    const deleted = ev('cameo-deleted', {}, '2025-10-03T10:00:00+02:00');
    const shown = runAt('2025-11-03T09:00:00+01:00', { events: [deleted] });
    // The user corrects the date: the cameo was deleted three weeks earlier, so the window is overdue now.
    const corrected = ev('cameo-deleted', {}, '2025-09-12T10:00:00+02:00', { supersedes: deleted.id });
    const sameDay = runAt('2025-11-03T15:00:00+01:00', { events: [deleted, corrected], log: shown.log });
    expect(sameDay.due).toEqual([]);
    expect(sameDay.wakeUpAt).toBe(at('2025-11-04T00:00:00+01:00'));
  });

  it('does not remind again of a status already shown when the entry is edited', () => {
    const deleted = ev('cameo-deleted', {}, '2025-10-03T10:00:00+02:00');
    const shown = runAt('2025-11-03T09:00:00+01:00', { events: [deleted] });
    const corrected = ev('cameo-deleted', {}, '2025-10-02T18:00:00+02:00', { supersedes: deleted.id });
    const later = runAt('2025-11-05T09:00:00+01:00', { events: [deleted, corrected], log: shown.log });
    expect(later.due).toEqual([]);
    expect(shownReminders(later.log).map((s) => s.window)).toEqual([corrected.id]);
  });

  it('counts each window on its own', () => {
    const cameo = ev('cameo-deleted', {}, '2025-10-03T10:00:00+02:00');
    const account = ev('account-deletion-requested', { linkedAccounts: [] }, '2025-10-03T11:00:00+02:00');
    const plan = runAt('2025-11-03T09:00:00+01:00', { events: [cameo, account] });
    expect(plan.due.map((r) => r.window.kind).sort()).toEqual(['account-purge', 'cameo-purge']);
  });

  it('keys the log by window, status and local day', () => {
    const deleted = ev('cameo-deleted', {}, '2025-10-03T10:00:00+02:00');
    const plan = runAt('2025-11-03T00:30:00+01:00', { events: [deleted] });
    expect(plan.log.notified).toEqual({ [reminderKey(deleted.id, 'closed-awaiting-verification', '2025-11-03')]: at('2025-11-03T00:30:00+01:00') });
    // The same moment is another local day in New York.
    const ny = runAt('2025-11-03T00:30:00+01:00', { events: [deleted], timeZone: NEW_YORK });
    expect(shownReminders(ny.log).map((s) => s.day)).toEqual(['2025-11-02']);
  });
});

describe('the clock moving', () => {
  const deleted = ev('cameo-deleted', {}, '2025-10-03T10:00:00+02:00');
  const events = [deleted];

  it('backwards: repeats nothing, and what is left comes when its time comes', () => {
    const { shown, log } = timeline(
      [
        '2025-11-03T09:00:00+01:00', // closed: reminded
        '2025-11-01T12:00:00+01:00', // clock set back two days: due soon again, but already past that
        '2025-11-02T12:00:00+01:00',
        '2025-11-03T10:00:00+01:00', // back where it was
        '2025-11-10T00:00:00+01:00', // overdue: the next reminder
      ],
      { events },
    );
    expect(shown).toEqual(['2025-11-03T09:00:00+01:00 closed-awaiting-verification', '2025-11-10T00:00:00+01:00 overdue']);
    expect(Object.values(log.notified).every((t) => t <= at('2025-11-10T00:00:00+01:00'))).toBe(true);
  });

  it('backwards: a moment from the future in the log holds only today, and is moved to now', () => {
    const shown = runAt('2025-11-03T09:00:00+01:00', { events });
    // Set back by a year: the entry from "the future" must not block that window for a year.
    const yearBack = at('2024-11-03T09:00:00+01:00');
    const back = runAt(yearBack, { events, log: shown.log });
    expect(Object.values(back.log.notified)).toEqual([yearBack]);
  });

  it('backwards: "remind me later" keeps its length from now instead of waiting for the old clock', () => {
    const snoozed = snoozeWindow(runAt('2025-11-03T09:00:00+01:00', { events }).log, deleted.id, at('2025-11-03T09:00:00+01:00'), BERLIN);
    const back = runAt('2025-11-01T09:00:00+01:00', { events, log: snoozed });
    expect(back.due).toEqual([]);
    expect(back.log.snoozed[deleted.id]).toEqual({ at: at('2025-11-01T09:00:00+01:00'), until: at('2025-11-02T09:00:00+01:00') });
    expect(back.wakeUpAt).toBe(at('2025-11-02T09:00:00+01:00'));
    expect(runAt(back.wakeUpAt!, { events, log: back.log }).due).toMatchObject([{ snoozed: true }]);
  });

  it('forwards: a jump past several statuses gives one reminder, at the status reached, and none when it comes back', () => {
    const { shown } = timeline(
      [
        '2025-10-31T08:00:00+01:00', // due soon: reminded
        '2025-11-20T08:00:00+01:00', // clock jumps ahead: overdue
        '2025-11-04T08:00:00+01:00', // and is corrected: closed, but the user heard of a later status
        '2025-11-20T09:00:00+01:00',
      ],
      { events },
    );
    expect(shown).toEqual(['2025-10-31T08:00:00+01:00 due-soon', '2025-11-20T08:00:00+01:00 overdue']);
  });
});

describe('calendar edges', () => {
  it('a window closing at a month end closes on the right day', () => {
    // 31 Jan 2026 + 30 days = 2 Mar 2026 (February has 28 days): closed from the start of 3 Mar.
    const deleted = ev('cameo-deleted', {}, '2026-01-31T22:30:00+01:00');
    const plan = runAt('2026-03-02T12:00:00+01:00', { events: [deleted] });
    expect(plan.due.map((r) => r.status)).toEqual(['due-soon']);
    expect(plan.wakeUpAt).toBe(at('2026-03-03T00:00:00+01:00'));
  });

  it('a GDPR request sent on 31 Jan is due at the end of 28 Feb', () => {
    const request = ev('privacy-request-sent', { law: 'gdpr', channel: 'email', request: 'erasure' }, '2026-01-31T09:00:00+01:00');
    const plan = runAt('2026-02-27T09:00:00+01:00', { events: [request] });
    expect(plan.due.map((r) => r.status)).toEqual(['due-soon']);
    expect(plan.wakeUpAt).toBe(at('2026-03-01T00:00:00+01:00'));
  });

  it('across the spring DST change, the lead time starts at local midnight', () => {
    // Berlin moves to CEST on 29 Mar 2026. Deleted 5 Mar: due at the end of 4 Apr; due soon from 2 Apr 00:00 CEST.
    const deleted = ev('cameo-deleted', {}, '2026-03-05T12:00:00+01:00');
    expect(runAt('2026-03-20T12:00:00+01:00', { events: [deleted] }).wakeUpAt).toBe(at('2026-04-02T00:00:00+02:00'));
  });

  it('across the autumn DST change in New York, in the user’s own zone', () => {
    // New York leaves DST on 1 Nov 2026. Deleted 10 Oct: due at the end of 9 Nov, closed from 10 Nov 00:00 EST.
    const deleted = ev('cameo-deleted', {}, '2026-10-10T12:00:00-04:00');
    const plan = runAt('2026-11-08T12:00:00-05:00', { events: [deleted], timeZone: NEW_YORK });
    expect(plan.due.map((r) => r.status)).toEqual(['due-soon']);
    expect(plan.wakeUpAt).toBe(at('2026-11-10T00:00:00-05:00'));
  });
});

describe('the log in storage', () => {
  it('starts empty when what is stored cannot be read', () => {
    expect(parseLog(undefined)).toEqual(emptyLog());
    expect(parseLog({ notified: { x: 'yesterday' }, snoozed: {} })).toEqual(emptyLog());
  });

  it('keeps a "remind me later" a page wrote into storage.local to a week at most: a window is not silenced for good', () => {
    const deleted = ev('cameo-deleted', {}, '2025-10-03T10:00:00+02:00');
    const now = at('2025-11-03T10:00:00+01:00');
    const hostile = { notified: {}, snoozed: { [deleted.id]: { at: now, until: Date.UTC(2199, 0, 1) } } };
    expect(runAt(now, { events: [deleted], log: parseLog(hostile) }).due).toEqual([]);
    const plan = runAt(now + MAX_SNOOZE_MS + 1, { events: [deleted], log: parseLog(hostile) });
    expect(plan.due.map((r) => r.window.id)).toEqual([deleted.id]);
  });

  it('ignores keys it cannot read back', () => {
    const log = { notified: { 'abcdefgh|closed-awaiting-verification|2025-11-03': 1, 'nonsense': 2, 'abcdefgh|open|2025-11-03': 3 }, snoozed: {} };
    expect(shownReminders(parseLog(log))).toEqual([{ window: 'abcdefgh', status: 'closed-awaiting-verification', day: '2025-11-03', at: 1 }]);
  });
});
