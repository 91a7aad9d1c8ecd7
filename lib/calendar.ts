/**
 * Calendar arithmetic in the user's time zone, with Intl alone.
 * Windows and deadlines are counted in calendar days and months of the user's zone:
 * "deleted on 3 Oct, purged by 2 Nov" must hold across month ends, leap days and DST.
 */
import type { Duration } from './policies';

export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

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

export function localParts(instant: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
    millisecond: ((instant % 1000) + 1000) % 1000,
  };
}

const asUtc = (p: LocalParts) => Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  return asUtc(localParts(instant, timeZone)) - instant;
}

/**
 * The instant of a local wall-clock time. In a DST gap (a time that does not exist) it moves
 * forward by the gap; in an overlap (a time that happens twice) it takes the earlier one.
 */
export function fromLocal(parts: LocalParts, timeZone: string): number {
  const wall = asUtc(parts);
  const before = wall - offsetAt(wall - 86_400_000, timeZone);
  const after = wall - offsetAt(wall + 86_400_000, timeZone);
  const candidates = [before, after].filter((t) => asUtc(localParts(t, timeZone)) === wall).sort((a, b) => a - b);
  // No candidate maps back: the wall time falls in a gap; the later reading lands just past it.
  return candidates[0] ?? Math.max(before, after);
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Adds calendar months, then days, to the local date, keeping the local wall-clock time.
 * A month added to the 31st ends on the month's last day (31 Jan + 1 month = 28 or 29 Feb),
 * the rule for periods in months (Regulation 1182/71, Art. 3(2)(c)).
 */
export function addDuration(instant: number, duration: Duration, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const monthIndex = p.year * 12 + (p.month - 1) + (duration.months ?? 0);
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(p.day, daysInMonth(year, month));
  const shifted = new Date(Date.UTC(year, month - 1, day + (duration.days ?? 0)));
  return fromLocal(
    { ...p, year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() },
    timeZone,
  );
}

export function startOfLocalDay(instant: number, timeZone: string): number {
  return fromLocal({ ...localParts(instant, timeZone), hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

/** The last millisecond of the local day the instant falls on. */
export function endOfLocalDay(instant: number, timeZone: string): number {
  return startOfLocalDay(addDuration(startOfLocalDay(instant, timeZone), { days: 1 }, timeZone), timeZone) - 1;
}

/** Whole calendar days from the local date of `from` to that of `to` (negative when `to` is earlier). */
export function daysBetween(from: number, to: number, timeZone: string): number {
  const a = localParts(from, timeZone);
  const b = localParts(to, timeZone);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** The local date as YYYY-MM-DD: a key for "one reminder per window per day". */
export function localDateKey(instant: number, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}
