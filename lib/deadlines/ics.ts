/**
 * A calendar file (iCalendar, RFC 5545) of every window and deadline not yet settled, each an
 * all-day event on its due date in the user's time zone, with an alarm when its lead time starts.
 * All-day dates need no VTIMEZONE: the date itself is what the user's calendar shows.
 */
import { localDateParts, type LocalDate } from './calendar';
import type { DeadlineWindow } from './windows';
import { calendarTitle, windowSentence, type TextOptions } from '../reminders/text';

export const CALENDAR_FILE = { name: 'likeness-ledger-deadlines.ics', type: 'text/calendar;charset=utf-8' } as const;

export interface CalendarOptions extends TextOptions {
  /** Days before the due date the alarm rings (the settings' lead time). */
  leadDays: number;
}

/** The hour of the day the alarm rings, on the first day of the lead time. */
const ALARM_HOUR = 9;

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Lines longer than 75 octets go on over lines that start with a space, never inside a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; each continuation holds 74 after its leading space.
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dateValue = ({ year, month, day }: LocalDate) => `${pad(year, 4)}${pad(month)}${pad(day)}`;
const nextDay = ({ year, month, day }: LocalDate): LocalDate => {
  const d = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};
const utcStamp = (instant: number) => new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** The alarm's offset from the start of the due date: ALARM_HOUR on the first day of the lead time. */
export function alarmTrigger(leadDays: number): string {
  const minutes = ALARM_HOUR * 60 - (Math.max(leadDays, 1) - 1) * 24 * 60;
  const sign = minutes < 0 ? '-' : '';
  const abs = Math.abs(minutes);
  const days = Math.floor(abs / 1440);
  const hours = Math.floor((abs % 1440) / 60);
  const mins = abs % 60;
  const time = hours || mins ? `T${hours ? `${hours}H` : ''}${mins ? `${mins}M` : ''}` : days ? '' : 'T0S';
  return `${sign}P${days ? `${days}D` : ''}${time}`;
}

/**
 * Each file is a newer revision of the same events: calendars that weigh revisions (Outlook,
 * Apple Calendar) take a re-imported event with a higher SEQUENCE as an update of the one they
 * hold. Minutes since 2020 grow with every export and fit SEQUENCE's integer.
 */
const revision = (now: number) => Math.max(0, Math.floor((now - Date.UTC(2020, 0, 1)) / 60_000));

function eventLines(window: DeadlineWindow, options: CalendarOptions, stamp: string): string[] {
  const due = localDateParts(window.dueAt, options.timeZone);
  const sentence = windowSentence(window, options);
  return [
    'BEGIN:VEVENT',
    // Stable per window: importing the file again updates the events instead of doubling them.
    `UID:${window.id}@likeness-ledger`,
    `DTSTAMP:${stamp}`,
    `SEQUENCE:${revision(options.now)}`,
    `DTSTART;VALUE=DATE:${dateValue(due)}`,
    `DTEND;VALUE=DATE:${dateValue(nextDay(due))}`,
    `SUMMARY:${escapeText(calendarTitle(window, options))}`,
    `DESCRIPTION:${escapeText(`${sentence}\n\n${window.statement} (${window.source.title})`)}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(sentence)}`,
    `TRIGGER:${alarmTrigger(options.leadDays)}`,
    'END:VALARM',
    'END:VEVENT',
  ];
}

/** The calendar of the windows not yet verified or answered, soonest first. */
export function calendarOf(windows: readonly DeadlineWindow[], options: CalendarOptions): string {
  const stamp = utcStamp(options.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Likeness Ledger//Deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-TIMEZONE:${options.timeZone}`,
    ...[...windows]
      .filter((w) => w.status !== 'verified')
      .sort((a, b) => a.dueAt - b.dueAt)
      .flatMap((w) => eventLines(w, options, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
