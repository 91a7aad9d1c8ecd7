import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { localDateKey } from '@/lib/deadlines/calendar';
import type { LedgerEvent } from '@/lib/ledger/events';
import { alarmTrigger, calendarOf, escapeText, foldLine } from '@/lib/deadlines/ics';
import { computeWindows } from '@/lib/deadlines/windows';
import { ev } from '../helpers/events';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const at = Date.parse;

const cameo = ev('cameo-deleted', {}, '2025-10-03T10:00:00+02:00');
const account = ev('account-deletion-requested', { linkedAccounts: ['chatgpt', 'api-platform'] }, '2026-01-31T22:30:00+01:00');
const request = ev('privacy-request-sent', { law: 'gdpr', channel: 'email', request: 'erasure' }, '2026-01-31T09:00:00+01:00');
const exported = ev('data-export-received', {}, '2026-03-28T23:30:00+01:00');
const settled = ev('cameo-deleted', {}, '2025-09-01T10:00:00+02:00');
const verified = ev('purge-verified', { window: settled.id }, '2025-10-05T10:00:00+02:00');
const EVENTS = [cameo, account, request, exported, settled, verified];

function calendar(events: LedgerEvent[], timeZone = BERLIN, leadDays = 3, now = at('2025-10-10T12:00:00+02:00')) {
  const windows = computeWindows(events, { now, timeZone, leadDays });
  const text = calendarOf(windows, { now, timeZone, locale: 'en-GB', leadDays });
  const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
  return { text, windows, vevents };
}

const dateOf = (vevent: ICAL.Component) => (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toString();

describe('the calendar file', () => {
  it('parses, and holds every window not yet settled on its due date in the user’s zone, each with an alarm', () => {
    const { windows, vevents } = calendar(EVENTS);
    const open = windows.filter((w) => w.status !== 'verified');
    expect(open).toHaveLength(4);
    expect(vevents.map((v) => v.getFirstPropertyValue('uid'))).toEqual(open.map((w) => `${w.id}@likeness-ledger`));
    for (const [i, w] of open.entries()) {
      const vevent = vevents[i]!;
      expect(dateOf(vevent)).toBe(localDateKey(w.dueAt, BERLIN));
      expect((vevent.getFirstPropertyValue('dtstart') as ICAL.Time).isDate).toBe(true);
      const alarms = vevent.getAllSubcomponents('valarm');
      expect(alarms).toHaveLength(1);
      expect(alarms[0]!.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(alarms[0]!.getFirstPropertyValue('trigger')).toBeInstanceOf(ICAL.Duration);
    }
  });

  it('puts each window on the right day: month ends, a legal month, the DST change', () => {
    const { vevents } = calendar(EVENTS);
    const byUid = new Map(vevents.map((v) => [v.getFirstPropertyValue('uid'), dateOf(v)]));
    expect(byUid.get(`${cameo.id}@likeness-ledger`)).toBe('2025-11-02');
    // Deleted late on 31 Jan: 30 days on is 2 Mar (February has 28 days).
    expect(byUid.get(`${account.id}@likeness-ledger`)).toBe('2026-03-02');
    // A month from 31 Jan ends on the last day of February.
    expect(byUid.get(`${request.id}@likeness-ledger`)).toBe('2026-02-28');
    // 24 hours after 23:30 on 28 Mar, across the night the clocks go forward: 00:30 on 30 Mar.
    expect(byUid.get(`${exported.id}@likeness-ledger`)).toBe('2026-03-30');
  });

  it('dates the same windows in another zone by that zone’s calendar', () => {
    // 22:30 on 31 Jan in Berlin is 16:30 in New York: the same day, but the export at 23:30 Berlin is 17:30 on 28 Mar there.
    const { vevents } = calendar(EVENTS, NEW_YORK);
    const byUid = new Map(vevents.map((v) => [v.getFirstPropertyValue('uid'), dateOf(v)]));
    expect(byUid.get(`${exported.id}@likeness-ledger`)).toBe('2026-03-29');
    const late = ev('cameo-deleted', {}, '2025-10-04T01:00:00+02:00'); // still 3 Oct in New York
    expect(dateOf(calendar([late], NEW_YORK).vevents[0]!)).toBe('2025-11-02');
    expect(dateOf(calendar([late], BERLIN).vevents[0]!)).toBe('2025-11-03');
  });

  it('rings on the first day of the lead time at 09:00', () => {
    const { vevents } = calendar([cameo]);
    const vevent = vevents[0]!;
    const ring = (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).clone();
    // An all-day start is midnight for the alarm's offset.
    ring.isDate = false;
    ring.addDuration(vevent.getFirstSubcomponent('valarm')!.getFirstPropertyValue('trigger') as ICAL.Duration);
    expect(ring.toString()).toBe('2025-10-31T09:00:00');
    expect(alarmTrigger(3)).toBe('-P1DT15H');
    expect(alarmTrigger(1)).toBe('PT9H');
    expect(alarmTrigger(0)).toBe('PT9H');
    expect(alarmTrigger(30)).toBe('-P28DT15H');
  });

  it('says what is due in words, and the statement behind it with its source, escaped and read back intact', () => {
    const { vevents, windows } = calendar([account]);
    const w = windows[0]!;
    expect(vevents[0]!.getFirstPropertyValue('summary')).toBe('Account purge due (deleted 31 Jan 2026)');
    expect(vevents[0]!.getFirstPropertyValue('description')).toBe(
      `Your account deleted on 31 Jan 2026 should be purged by 2 Mar 2026.\n\n${w.statement} (${w.source.title})`,
    );
    // The statement has commas; the parser gives them back only if they were escaped.
    expect(w.statement).toContain(',');
  });

  it('follows RFC 5545 lines: CRLF endings, no line over 75 octets', () => {
    const { text } = calendar(EVENTS);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('is empty of events when nothing is open', () => {
    const { vevents, text } = calendar([settled, verified]);
    expect(vevents).toEqual([]);
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
  });
});

describe('text and line folding', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets without splitting a character, and unfolds to the original', () => {
    const line = `DESCRIPTION:${'Löschung 🗑️ überprüft, '.repeat(12)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(' ')).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });
});

describe('importing again updates, never doubles', () => {
  const uids = (vevents: ICAL.Component[]) => vevents.map((v) => String(v.getFirstPropertyValue('uid')));
  const sent = ev('follow-up-sent', { window: cameo.id, law: 'gdpr', to: 'openai-privacy' }, '2025-11-12T10:00:00+01:00');

  it('a later file keeps each window’s UID, adds the new deadline under its own, and is stamped later', () => {
    const first = calendar(EVENTS);
    const later = calendar([...EVENTS, sent], BERLIN, 3, at('2025-11-13T12:00:00+01:00'));
    expect(new Set(uids(later.vevents)).size).toBe(later.vevents.length);
    expect(uids(later.vevents).sort()).toEqual([...uids(first.vevents), `${sent.id}@likeness-ledger`].sort());
    const stamp = (v: ICAL.Component) => (v.getFirstPropertyValue('dtstamp') as ICAL.Time).toUnixTime();
    expect(stamp(later.vevents[0]!)).toBeGreaterThan(stamp(first.vevents[0]!));
    // A higher SEQUENCE: the calendar takes the later file's event as a revision of the one it holds.
    const sequence = (v: ICAL.Component) => Number(v.getFirstPropertyValue('sequence'));
    const same = later.vevents.find((v) => v.getFirstPropertyValue('uid') === first.vevents[0]!.getFirstPropertyValue('uid'))!;
    expect(sequence(same)).toBeGreaterThan(sequence(first.vevents[0]!));
  });

  it('one window’s own file holds the same event as the file of all, under the same UID', () => {
    const now = at('2025-11-13T12:00:00+01:00');
    const { windows, vevents } = calendar([...EVENTS, sent], BERLIN, 3, now);
    const own = new ICAL.Component(ICAL.parse(calendarOf([windows.find((w) => w.id === sent.id)!], { now, timeZone: BERLIN, locale: 'en-GB', leadDays: 3 }))).getAllSubcomponents('vevent');
    expect(uids(own)).toEqual([`${sent.id}@likeness-ledger`]);
    const same = vevents.find((v) => v.getFirstPropertyValue('uid') === `${sent.id}@likeness-ledger`)!;
    for (const property of ['dtstart', 'dtend', 'summary', 'description']) expect(String(own[0]!.getFirstPropertyValue(property))).toBe(String(same.getFirstPropertyValue(property)));
    expect(dateOf(same)).toBe('2025-12-12');
  });
});
