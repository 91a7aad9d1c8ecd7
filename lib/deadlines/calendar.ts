/**
 * Calendar arithmetic in the user's time zone, with Intl alone.
 * Windows and deadlines are counted in calendar days and months of the user's zone:
 * "deleted on 3 Oct, purged by 2 Nov" must hold across month ends, leap days and DST.
 */
import type { Duration } from '../facts/policies';

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface LocalParts extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const DAY_MS = 86_400_000;

// Building a DateTimeFormat costs far more than using one; a zone's is built once.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in a zone. */
export function localParts(instant: number, timeZone: string): LocalParts {
  // format() is a third of formatToParts()'s cost, and windows read the clock often. en-US with
  // h23 gives "10/3/2025, 14:05:09": its numbers in that order, whatever the separators.
  const [month, day, year, hour, minute, second] = (formatter(timeZone).format(instant).match(/\d+/g) ?? []).map(Number);
  return {
    year: year!,
    month: month!,
    day: day!,
    hour: hour!,
    minute: minute!,
    second: second!,
    // Offsets since 2000 are whole minutes, so the milliseconds are the instant's own.
    millisecond: ((instant % 1000) + 1000) % 1000,
  };
}

/** The local calendar date of an instant in a zone. */
export function localDateParts(instant: number, timeZone: string): LocalDate {
  const { year, month, day } = localParts(instant, timeZone);
  return { year, month, day };
}

const asUtc = (p: LocalParts) => Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
const dayNumber = (d: LocalDate) => Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  return asUtc(localParts(instant, timeZone)) - instant;
}

/**
 * The instant of a local wall-clock time, resolved like Temporal's 'compatible' disambiguation:
 * a time that does not exist (the hour skipped when clocks go forward) moves forward by the gap,
 * 02:30 becoming 03:30; a time that happens twice (clocks go back) is taken the first time.
 */
export function fromLocal(parts: LocalParts, timeZone: string): number {
  const wall = asUtc(parts);
  // The offsets a day either side cover both sides of any transition near this time;
  // when they agree there is none (no zone changes twice within two days), and the reading is exact.
  const before = wall - offsetAt(wall - DAY_MS, timeZone);
  const after = wall - offsetAt(wall + DAY_MS, timeZone);
  if (before === after) return before;
  const candidates = [before, after].filter((t) => asUtc(localParts(t, timeZone)) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: reading the time with the offset from before the gap lands as far past it.
  return Math.max(before, after);
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The date `days` after a date, on the calendar alone. */
function plusDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const MIDNIGHT = { hour: 0, minute: 0, second: 0, millisecond: 0 };

/**
 * Adds calendar months, then days, to the local date, keeping the local wall-clock time.
 * A month added to a day the target month lacks ends on that month's last day
 * (31 Jan + 1 month = 28 or 29 Feb), the rule for periods in months (Regulation 1182/71, Art. 3(2)(c)).
 * Negative amounts count back.
 */
export function addDuration(instant: number, duration: Duration, timeZone: string): number {
  // Nothing to add: the instant itself, not its wall time read back (which, in the hour that
  // happens twice, would be the first time).
  if (!duration.months && !duration.days) return instant;
  const p = localParts(instant, timeZone);
  const monthIndex = p.year * 12 + (p.month - 1) + (duration.months ?? 0);
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(p.day, daysInMonth(year, month));
  return fromLocal({ ...p, ...plusDays({ year, month, day }, duration.days ?? 0) }, timeZone);
}

/** The first instant of the local day (01:00 where a zone skips midnight). */
export function startOfLocalDay(instant: number, timeZone: string): number {
  return fromLocal({ ...localDateParts(instant, timeZone), ...MIDNIGHT }, timeZone);
}

/** The last millisecond of the local day the instant falls on (a day can last 23 or 25 hours). */
export function endOfLocalDay(instant: number, timeZone: string): number {
  return fromLocal({ ...plusDays(localDateParts(instant, timeZone), 1), ...MIDNIGHT }, timeZone) - 1;
}

/** Whole calendar days from the local date of `from` to that of `to` (negative when `to` is earlier). */
export function daysBetween(from: number, to: number, timeZone: string): number {
  return dayNumber(localDateParts(to, timeZone)) - dayNumber(localDateParts(from, timeZone));
}

/** The local date as YYYY-MM-DD: a key for "one reminder per window per day". */
export function localDateKey(instant: number, timeZone: string): string {
  const { year, month, day } = localDateParts(instant, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
