import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatLength, formatRelative, fromLocalInput, toLocalDateInput, toLocalInput } from '@/lib/i18n/format';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('durations', () => {
  it('say one unit when it is enough, two below two days', () => {
    expect(formatDuration(12 * DAY + 5 * HOUR, 'en')).toBe('12 days');
    expect(formatDuration(DAY + 4 * HOUR, 'en')).toBe('1 day, 4 hours');
    expect(formatDuration(DAY + 10 * 60_000, 'en')).toBe('1 day');
    expect(formatDuration(5 * HOUR + 20 * 60_000, 'en')).toBe('5 hours');
    expect(formatDuration(35 * 60_000, 'en')).toBe('35 minutes');
    expect(formatDuration(10_000, 'en')).toBe('1 minute');
  });
  it('are the same span either side of now', () => {
    expect(formatDuration(-3 * DAY, 'en')).toBe(formatDuration(3 * DAY, 'en'));
  });
  it('speak German', () => {
    expect(formatDuration(12 * DAY, 'de')).toBe('12 Tage');
    expect(formatDuration(DAY + 4 * HOUR, 'de')).toBe('1 Tag, 4 Stunden');
  });
});

describe('policy lengths', () => {
  it('name months and days', () => {
    expect(formatLength({ days: 30 }, 'en')).toBe('30 days');
    expect(formatLength({ months: 1 }, 'en')).toBe('1 month');
    expect(formatLength({ months: 3, days: 15 }, 'de')).toBe('3 Monate, 15 Tage');
    expect(formatLength({}, 'en')).toBe('0 days');
  });
});

describe('relative times', () => {
  const now = Date.UTC(2025, 9, 20, 12);
  it('pick the unit by distance', () => {
    expect(formatRelative(now - 20_000, now, 'en')).toBe('now');
    expect(formatRelative(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago');
    expect(formatRelative(now + 3 * HOUR, now, 'en')).toBe('in 3 hours');
    expect(formatRelative(now - DAY, now, 'en')).toBe('yesterday');
    expect(formatRelative(now + 12 * DAY, now, 'de')).toBe('in 12 Tagen');
  });
});

describe('dates in the user’s locale', () => {
  it('follow the locale (TZ Europe/Berlin)', () => {
    const at = Date.UTC(2025, 9, 3, 12, 2);
    expect(formatDate(at, 'en-GB')).toBe('3 Oct 2025');
    expect(formatDate(at, 'de')).toBe('03.10.2025');
  });
});

describe('date inputs', () => {
  it('show an instant as local time', () => {
    expect(toLocalInput(Date.UTC(2025, 9, 3, 12, 2))).toBe('2025-10-03T14:02');
    expect(toLocalDateInput(Date.UTC(2025, 11, 31, 23, 30))).toBe('2026-01-01');
  });
  it('read what they show (round trip to the minute)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2199, 0, 1) / 60_000 }), (minutes) => {
        const at = minutes * 60_000;
        // The hour that DST repeats in autumn is shown twice; either reading is that wall time.
        expect(toLocalInput(fromLocalInput(toLocalInput(at))!)).toBe(toLocalInput(at));
      }),
    );
  });
  it('read a date alone as the start of that day', () => {
    expect(fromLocalInput('2025-10-03')).toBe(Date.UTC(2025, 9, 2, 22));
  });
  it('refuse what is not a date', () => {
    for (const value of ['', 'yesterday', '2025-02-29T10:00', '2025-13-01', '2025-10-03 14:02', '2025-10-03T14:02Z']) {
      expect(fromLocalInput(value), value).toBeNull();
    }
  });
});
