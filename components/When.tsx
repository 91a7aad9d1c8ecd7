import { formatDate, formatDateTime, formatRelative, isoOf } from '@/lib/format';
import { uiLocale } from '@/lib/i18n';

/** An instant, as "3 hours ago" (relative), "3 Oct 2025" (dateOnly) or "3 Oct 2025, 14:02"; the exact moment is always in the markup. */
export function When({ at, now, relative = false, dateOnly = false }: { at: number; now?: number; relative?: boolean; dateOnly?: boolean }) {
  const locale = uiLocale();
  const exact = formatDateTime(at, locale);
  return (
    <time dateTime={isoOf(at)} title={relative || dateOnly ? exact : undefined}>
      {relative && now !== undefined ? formatRelative(at, now, locale) : dateOnly ? formatDate(at, locale) : exact}
    </time>
  );
}
