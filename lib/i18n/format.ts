/**
 * Dates, times and durations in the user's locale, with Intl. Formatters are costly to build and
 * the timeline formats thousands of rows, so each is built once per locale and options.
 */
import type { Duration } from '../facts/policies';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const cache = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));

/** "3 Oct 2025" / "03.10.2025". */
export const formatDate = (ms: number, locale: string) => dateFormat(locale, { dateStyle: 'medium' }).format(ms);

/**
 * "October 2025", for an entry remembered only to the month. Such entries are stored at noon UTC
 * on the first (lib/deadlines/month-precision.ts), so the month is read in UTC, whatever the user's zone.
 */
export const formatMonth = (ms: number, locale: string) => dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(ms);

/** "2025-10", a month for <time datetime>. */
export const isoMonthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);

/** "3 Oct 2025, 14:02". */
export const formatDateTime = (ms: number, locale: string) =>
  dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);

/** "14:02" / "2:02 PM". */
export const formatTime = (ms: number, locale: string) => dateFormat(locale, { timeStyle: 'short' }).format(ms);

/** The same instant for a machine: ISO 8601, for <time datetime>. */
export const isoOf = (ms: number) => new Date(ms).toISOString();

/** The user's IANA time zone; window arithmetic happens in it. */
export const userTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

const unitFormat = (locale: string, unit: 'day' | 'hour' | 'minute' | 'month') =>
  cached(`u|${locale}|${unit}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }));
const unitList = (locale: string) => cached(`l|${locale}`, () => new Intl.ListFormat(locale, { style: 'long', type: 'unit' }));

/**
 * A span of time as a person says it: "12 days", "1 day, 4 hours", "35 minutes".
 * Two units below two days, where the second one still matters; one above.
 */
export function formatDuration(ms: number, locale: string): string {
  const span = Math.abs(ms);
  if (span < HOUR) return unitFormat(locale, 'minute').format(Math.max(1, Math.round(span / MINUTE)));
  if (span < DAY) return unitFormat(locale, 'hour').format(Math.round(span / HOUR));
  const days = Math.floor(span / DAY);
  if (days >= 2) return unitFormat(locale, 'day').format(Math.round(span / DAY));
  const hours = Math.round((span - days * DAY) / HOUR);
  const parts = [unitFormat(locale, 'day').format(days)];
  if (hours > 0) parts.push(unitFormat(locale, 'hour').format(hours));
  return unitList(locale).format(parts);
}

/** A policy's length in calendar units: "1 month", "30 days", "1 month, 15 days". */
export function formatLength(length: Duration, locale: string): string {
  const parts: string[] = [];
  if (length.months) parts.push(unitFormat(locale, 'month').format(length.months));
  if (length.days || parts.length === 0) parts.push(unitFormat(locale, 'day').format(length.days ?? 0));
  return unitList(locale).format(parts);
}

const relativeFormat = (locale: string) => cached(`r|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));

/** "in 12 days", "3 hours ago", "yesterday", "now": when something is, seen from now. */
export function formatRelative(ms: number, now: number, locale: string): string {
  const diff = ms - now;
  const span = Math.abs(diff);
  const rtf = relativeFormat(locale);
  if (span < MINUTE) return rtf.format(0, 'second');
  if (span < HOUR) return rtf.format(Math.round(diff / MINUTE), 'minute');
  if (span < DAY) return rtf.format(Math.round(diff / HOUR), 'hour');
  return rtf.format(Math.round(diff / DAY), 'day');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The value an <input type="datetime-local"> shows for an instant, in the local zone: "2025-10-03T14:02". */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A file's size in megabytes, one decimal at most: "2.5" (the message says "MB"). */
export const formatMegabytes = (bytes: number, locale: string) => (bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 });

/** The value an <input type="date"> shows for an instant, in the local zone: "2025-10-03". */
export const toLocalDateInput = (ms: number) => toLocalInput(ms).slice(0, 10);

/**
 * Reads a datetime-local or date value as local time. Null for anything else: the input's
 * value is what the user typed, and a browser without the picker passes free text through.
 */
export function fromLocalInput(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1);
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  // new Date rolls 31 Feb over into March; a date that moved was not a date.
  if (date.getMonth() !== Number(mo) - 1 || date.getDate() !== Number(d)) return null;
  return date.getTime();
}
