/**
 * Dates remembered to the month ("October 2025"): a manual entry may carry a month instead of a
 * day (`occurredPrecision: 'month'` on the event). Such an entry is stored at noon UTC on the
 * month's first day, an instant that falls in that month in every time zone (UTC−12 to UTC+14),
 * so it reads back as the same month wherever the ledger is opened. Windows counted from it start
 * on the latest day the month could mean: a deadline is then never earlier than the real one.
 */
import { fromLocal } from './calendar';
import type { LedgerEvent } from '../ledger/events';

export type Precision = 'day' | 'month';

export interface YearMonth {
  year: number;
  /** 1–12. */
  month: number;
}

/** The instant a month-precision entry is stored at. */
export const monthInstant = ({ year, month }: YearMonth): number => Date.UTC(year, month - 1, 1, 12);

/** The month a month-precision entry means. */
export function monthOf(instant: number): YearMonth {
  const d = new Date(instant);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
}

const lastDayOf = ({ year, month }: YearMonth) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The start of the month's last day, in the user's zone: where a window counted from it starts. */
export const latestDayOf = (instant: number, timeZone: string): number =>
  fromLocal({ ...monthOf(instant), day: lastDayOf(monthOf(instant)), hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);

export const isMonthOnly = (e: Pick<LedgerEvent, 'occurredPrecision'>): boolean => e.occurredPrecision === 'month';

/** The moment a window counts from: the event's own, or for a month, the latest day it could mean. */
export const countedFrom = (e: Pick<LedgerEvent, 'occurredAt' | 'occurredPrecision'>, timeZone: string): number =>
  isMonthOnly(e) ? latestDayOf(e.occurredAt, timeZone) : e.occurredAt;

/** "2025-10", the value of the month fields of a form. */
export const monthValue = ({ year, month }: YearMonth) => `${year}-${String(month).padStart(2, '0')}`;

/** Reads "2025-10"; null for anything else. */
export function parseMonthValue(value: string): YearMonth | null {
  const m = /^(\d{4})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year, month } : null;
}
