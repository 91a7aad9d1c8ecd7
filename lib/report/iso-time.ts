/**
 * Instants as ISO 8601 with the offset of the user's zone (2025-10-01T14:03:00.000+02:00).
 * A report states times as its reader's wall clock, not UTC; the offset makes each one exact,
 * and Date.parse reads it back to the millisecond.
 */
import { localParts } from '../deadlines/calendar';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

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
  // An export writes two instants per event: the text is put together from cached parts.
  const dates = new Map<number, string>();
  const offsets = new Map<number, string>();
  return (ms) => {
    const d = dayOffsets(Math.floor(ms / DAY_MS));
    const offset = ms >= d.switchAt ? d.after : d.before;
    const local = ms + offset * MINUTE_MS;
    const day = Math.floor(local / DAY_MS);
    let date = dates.get(day);
    if (date === undefined) dates.set(day, (date = new Date(day * DAY_MS).toISOString().slice(0, 11)));
    let zone = offsets.get(offset);
    if (zone === undefined) {
      const abs = Math.abs(offset);
      offsets.set(offset, (zone = `${offset < 0 ? '-' : '+'}${TWO[Math.floor(abs / 60)]}:${TWO[abs % 60]}`));
    }
    const t = local - day * DAY_MS;
    return `${date}${TWO[Math.floor(t / 3_600_000)]}:${TWO[Math.floor(t / MINUTE_MS) % 60]}:${TWO[Math.floor(t / 1000) % 60]}.${THREE[t % 1000]}${zone}`;
  };
}
