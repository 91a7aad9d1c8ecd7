import { formatDate, formatDateTime, formatMonth, formatRelative, isoMonthOf, isoOf } from '@/lib/i18n/format';
import { t, uiLocale } from '@/lib/i18n/i18n';
import type { Precision } from '@/lib/deadlines/month-precision';

/**
 * An instant, as "3 hours ago" (relative), "3 Oct 2025" (dateOnly) or "3 Oct 2025, 14:02"; the exact
 * moment is always in the markup. An entry remembered only to the month shows as "October 2025",
 * however it is asked for: a day or a "3 days ago" would claim more than the user knows.
 */
export function When({ at, now, relative = false, dateOnly = false, precision }: { at: number; now?: number; relative?: boolean; dateOnly?: boolean; precision?: Precision }) {
  const locale = uiLocale();
  if (precision === 'month') {
    return (
      <time dateTime={isoMonthOf(at)} title={t('monthOnlyTitle')} data-precision="month">
        {formatMonth(at, locale)}
      </time>
    );
  }
  const exact = formatDateTime(at, locale);
  return (
    <time dateTime={isoOf(at)} title={relative || dateOnly ? exact : undefined}>
      {relative && now !== undefined ? formatRelative(at, now, locale) : dateOnly ? formatDate(at, locale) : exact}
    </time>
  );
}
