/**
 * Instants as ISO 8601 with the offset of the user's zone (2025-10-01T14:03:00.000+02:00).
 * A report states times as its reader's wall clock, not UTC; the offset makes each one exact,
 * and Date.parse reads it back to the millisecond.
 */
import { localParts } from '../calendar';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Offset from UTC in minutes at an instant (whole minutes: every zone since 2000 keeps to them). */
function offsetMinutes(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond) - ms) / MINUTE_MS);
}

interface DayOffsets {
  before: number;
  after: number;
  /** The first minute of the day (UTC) at which `after` applies. */
  switchAt: number;
}

/**
 * Formats instants in one zone. Asking Intl for every instant costs seconds at 100k events, so
 * offsets are read once per UTC day: a day whose first and last minute share an offset has no
 * transition in between (zones change at most twice a year, never twice in a day); a day that
 * has one is searched for its minute.
 */
export function isoFormatter(timeZone: string): (ms: number) => string {
  const offsetAt = (ms: number) => offsetMinutes(ms, timeZone);
  const days = new Map<number, DayOffsets>();
  const dayOffsets = (day: number): DayOffsets => {
    let known = days.get(day);
    if (known) return known;
    const start = day * DAY_MS;
    const before = offsetAt(start);
    const after = offsetAt(start + DAY_MS - MINUTE_MS);
    let lo = 0;
    let hi = before === after ? 0 : DAY_MS / MINUTE_MS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsetAt(start + mid * MINUTE_MS) === after) hi = mid;
      else lo = mid + 1;
    }
    known = { before, after, switchAt: start + lo * MINUTE_MS };
    days.set(day, known);
    return known;
  };
  return (ms) => {
    const d = dayOffsets(Math.floor(ms / DAY_MS));
    const offset = ms >= d.switchAt ? d.after : d.before;
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    return `${new Date(ms + offset * MINUTE_MS).toISOString().slice(0, 23)}${sign}${hhmm}`;
  };
}
