/**
 * How a deadline in a report ran, said for the report's reader: closed in time or late (by how
 * much), past due (by how much), or still running (how long is left), as of the report's date.
 * Pure: the report's windows and its "as of" in, a verdict and its sentence out.
 */
import { formatDuration } from '../i18n/format';
import { t } from '../i18n/i18n';
import type { Report } from './schema';

export type ReportWindow = Report['derived']['windows'][number];

export function lateness(w: ReportWindow, asOf: number, locale: string): { late: boolean; text: string } {
  const due = Date.parse(w.dueAt);
  if (w.closedAt !== undefined) {
    const closed = Date.parse(w.closedAt);
    return closed > due ? { late: true, text: t('reportClosedLate', formatDuration(closed - due, locale)) } : { late: false, text: t('reportClosedInTime') };
  }
  if (w.status === 'overdue' || w.status === 'closed-awaiting-verification') return { late: true, text: t('reportPastDue', formatDuration(asOf - due, locale)) };
  return { late: false, text: t('reportRunning', formatDuration(due - asOf, locale)) };
}
