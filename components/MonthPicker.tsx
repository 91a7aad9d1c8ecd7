/**
 * A month as a person remembers it ("October 2025"): two selects, month and year, which work the
 * same in Chrome and Firefox (Firefox has no <input type="month">) and from the keyboard.
 * Its value is "2025-10" (lib/deadlines/month-precision.ts).
 */
import { t, uiLocale } from '@/lib/i18n/i18n';
import { monthOf, monthValue, parseMonthValue } from '@/lib/deadlines/month-precision';

/** Sora launched cameos in 2025; ChatGPT accounts go back to 2022. */
const FIRST_YEAR = 2022;

/** `id` names the month select: the caller's label points at it. */
export function MonthPicker({ id, value, onChange, now, describedBy }: { id: string; value: string; onChange: (value: string) => void; now: number; describedBy?: string }) {
  const locale = uiLocale();
  const current = monthOf(now);
  const chosen = parseMonthValue(value) ?? current;
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const years = Array.from({ length: current.year - FIRST_YEAR + 1 }, (_, i) => current.year - i);
  return (
    <span class="month-picker">
      {/* The month select is labelled by the form's own label for `id` ("When"). */}
      <select id={id} aria-describedby={describedBy} value={String(chosen.month)} onChange={(e) => onChange(monthValue({ ...chosen, month: Number(e.currentTarget.value) }))} data-field="month">
        {Array.from({ length: 12 }, (_, i) => (
          <option key={i} value={String(i + 1)}>
            {monthName.format(Date.UTC(2000, i, 15))}
          </option>
        ))}
      </select>
      <label class="visually-hidden" for={`${id}-year`}>
        {t('fieldYear')}
      </label>
      <select id={`${id}-year`} aria-describedby={describedBy} value={String(chosen.year)} onChange={(e) => onChange(monthValue({ ...chosen, year: Number(e.currentTarget.value) }))} data-field="year">
        {years.map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </select>
    </span>
  );
}
