// @vitest-environment happy-dom
// Dates remembered to the month: entered in quick add, stored so they read back as that month in
// every zone, and shown as a month wherever an entry's date is shown.
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { When } from '@/components/When';
import { formatMonth } from '@/lib/i18n/format';
import { buildEvent } from '@/lib/ledger/ledger';
import { latestDayOf, monthInstant, monthOf, parseMonthValue } from '@/lib/deadlines/month-precision';
import { defaultValues, quickAddEvent, valuesOf } from '@/lib/ledger/quick-add';

const NOW = Date.parse('2026-12-03T09:00:00Z');
const me = { service: 'sora', handle: '@me' } as const;

describe('a month as a date', () => {
  it('is stored at an instant that is in that month in every zone from UTC−12 to UTC+14', () => {
    const at = monthInstant({ year: 2025, month: 10 });
    for (const zone of ['Etc/GMT+12', 'America/Los_Angeles', 'UTC', 'Asia/Tokyo', 'Pacific/Kiritimati']) {
      const month = new Intl.DateTimeFormat('en-US', { timeZone: zone, month: 'numeric', year: 'numeric' }).format(at);
      expect(month, zone).toBe('10/2025');
    }
    expect(monthOf(at)).toEqual({ year: 2025, month: 10 });
  });

  it('counts windows from the last day of the month, February included', () => {
    expect(latestDayOf(monthInstant({ year: 2028, month: 2 }), 'Europe/Berlin')).toBe(Date.parse('2028-02-29T00:00:00+01:00'));
    expect(latestDayOf(monthInstant({ year: 2026, month: 2 }), 'America/New_York')).toBe(Date.parse('2026-02-28T00:00:00-05:00'));
  });

  it('reads only "YYYY-MM" with a real month', () => {
    expect(parseMonthValue('2025-10')).toEqual({ year: 2025, month: 10 });
    for (const bad of ['2025-13', '2025-00', '2025-1', 'October 2025', '']) expect(parseMonthValue(bad), bad).toBeNull();
  });

  it('is shown as the month, in English and German, and never as a day', () => {
    const at = monthInstant({ year: 2025, month: 10 });
    expect(formatMonth(at, 'en')).toBe('October 2025');
    expect(formatMonth(at, 'de')).toBe('Oktober 2025');
    const root = document.createElement('div');
    render(<When at={at} now={NOW} relative precision="month" />, root);
    expect(root.textContent).toBe('October 2025');
    expect(root.querySelector('time')!.getAttribute('datetime')).toBe('2025-10');
    render(<When at={at} />, root);
    expect(root.textContent).not.toBe('October 2025');
  });
});

describe('quick add with a month', () => {
  it('records the month, marked as such, and reads it back for editing', () => {
    const values = { ...defaultValues('cameo-deleted', me, NOW, 'gdpr'), precision: 'month' as const, month: '2025-10' };
    const outcome = quickAddEvent(values, NOW);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.event).toMatchObject({ occurredAt: monthInstant({ year: 2025, month: 10 }), occurredPrecision: 'month' });
    const event = buildEvent(outcome.event, NOW);
    expect(valuesOf(event)).toMatchObject({ precision: 'month', month: '2025-10' });
  });

  it('accepts this month and refuses a later one; an exact date carries no precision', () => {
    const base = defaultValues('cameo-deleted', me, NOW, 'gdpr');
    expect(quickAddEvent({ ...base, precision: 'month', month: '2026-12' }, NOW).ok).toBe(true);
    expect(quickAddEvent({ ...base, precision: 'month', month: '2027-01' }, NOW)).toEqual({ ok: false, errors: { when: 'errorDateFuture' } });
    expect(quickAddEvent({ ...base, precision: 'month', month: 'soon' }, NOW)).toEqual({ ok: false, errors: { when: 'errorDateInvalid' } });
    const exact = quickAddEvent(base, NOW);
    expect(exact.ok && 'occurredPrecision' in exact.event).toBe(false);
  });
});
