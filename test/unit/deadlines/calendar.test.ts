import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDuration,
  daysBetween,
  endOfLocalDay,
  fromLocal,
  localDateKey,
  localDateParts,
  localParts,
  startOfLocalDay,
} from '@/lib/deadlines/calendar';

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const at = Date.parse;

describe('reading an instant in a zone', () => {
  it('gives the wall clock of that zone, not of the machine', () => {
    const instant = at('2025-10-03T23:30:00.250Z');
    expect(localParts(instant, BERLIN)).toEqual({ year: 2025, month: 10, day: 4, hour: 1, minute: 30, second: 0, millisecond: 250 });
    expect(localParts(instant, NEW_YORK)).toEqual({ year: 2025, month: 10, day: 3, hour: 19, minute: 30, second: 0, millisecond: 250 });
    expect(localDateParts(instant, 'Asia/Tokyo')).toEqual({ year: 2025, month: 10, day: 4 });
    expect(localDateKey(at('2025-03-05T12:00:00Z'), BERLIN)).toBe('2025-03-05');
  });

  it('reads midnight as hour 0', () => {
    expect(localParts(at('2025-10-02T22:00:00Z'), BERLIN)).toMatchObject({ day: 3, hour: 0 });
  });
});

describe('a local wall-clock time as an instant', () => {
  const wall = (year: number, month: number, day: number, hour: number, minute = 0) => ({ year, month, day, hour, minute, second: 0, millisecond: 0 });

  it('is exact on an ordinary day', () => {
    expect(fromLocal(wall(2025, 7, 1, 9), BERLIN)).toBe(at('2025-07-01T09:00:00+02:00'));
    expect(fromLocal(wall(2025, 12, 1, 9), NEW_YORK)).toBe(at('2025-12-01T09:00:00-05:00'));
  });

  it('moves a time in the skipped hour forward by the gap', () => {
    expect(fromLocal(wall(2025, 3, 30, 2, 30), BERLIN)).toBe(at('2025-03-30T03:30:00+02:00'));
    expect(fromLocal(wall(2025, 3, 9, 2, 30), NEW_YORK)).toBe(at('2025-03-09T03:30:00-04:00'));
    // Lord Howe Island moves its clocks by half an hour.
    expect(fromLocal(wall(2025, 10, 5, 2, 10), 'Australia/Lord_Howe')).toBe(at('2025-10-05T02:40:00+11:00'));
  });

  it('takes the first of a time that happens twice', () => {
    expect(fromLocal(wall(2025, 10, 26, 2, 30), BERLIN)).toBe(at('2025-10-26T02:30:00+02:00'));
    expect(fromLocal(wall(2025, 11, 2, 1, 30), NEW_YORK)).toBe(at('2025-11-02T01:30:00-04:00'));
  });
});

describe('adding days', () => {
  it('keeps the wall-clock time across the autumn DST change', () => {
    expect(addDuration(at('2025-10-10T14:00:00+02:00'), { days: 30 }, BERLIN)).toBe(at('2025-11-09T14:00:00+01:00'));
    expect(addDuration(at('2025-10-10T14:00:00-04:00'), { days: 30 }, NEW_YORK)).toBe(at('2025-11-09T14:00:00-05:00'));
  });

  it('keeps the wall-clock time across the spring DST change', () => {
    expect(addDuration(at('2025-03-10T09:00:00+01:00'), { days: 30 }, BERLIN)).toBe(at('2025-04-09T09:00:00+02:00'));
    expect(addDuration(at('2025-03-01T09:00:00-05:00'), { days: 30 }, NEW_YORK)).toBe(at('2025-03-31T09:00:00-04:00'));
  });

  it('lands past the gap when the wall time does not exist on the target day', () => {
    expect(addDuration(at('2025-02-28T02:30:00+01:00'), { days: 30 }, BERLIN)).toBe(at('2025-03-30T03:30:00+02:00'));
    expect(addDuration(at('2025-02-07T02:30:00-05:00'), { days: 30 }, NEW_YORK)).toBe(at('2025-03-09T03:30:00-04:00'));
  });

  it('lands on the first of two equal wall times', () => {
    expect(addDuration(at('2025-09-26T02:30:00+02:00'), { days: 30 }, BERLIN)).toBe(at('2025-10-26T02:30:00+02:00'));
  });

  it('crosses month ends, year ends and the leap day', () => {
    expect(addDuration(at('2025-01-31T10:00:00+01:00'), { days: 30 }, BERLIN)).toBe(at('2025-03-02T10:00:00+01:00'));
    expect(addDuration(at('2028-01-31T10:00:00+01:00'), { days: 30 }, BERLIN)).toBe(at('2028-03-01T10:00:00+01:00'));
    expect(addDuration(at('2028-02-29T10:00:00+01:00'), { days: 30 }, BERLIN)).toBe(at('2028-03-30T10:00:00+02:00'));
    expect(addDuration(at('2025-12-20T10:00:00+01:00'), { days: 30 }, BERLIN)).toBe(at('2026-01-19T10:00:00+01:00'));
  });

  it('counts back with negative days', () => {
    expect(addDuration(at('2028-03-01T10:00:00+01:00'), { days: -1 }, BERLIN)).toBe(at('2028-02-29T10:00:00+01:00'));
    expect(addDuration(at('2025-11-09T14:00:00+01:00'), { days: -30 }, BERLIN)).toBe(at('2025-10-10T14:00:00+02:00'));
  });

  it('returns the instant itself when nothing is added, even in the repeated hour', () => {
    const secondTime = at('2025-10-26T02:30:00+01:00');
    expect(addDuration(secondTime, {}, BERLIN)).toBe(secondTime);
    expect(addDuration(secondTime, { days: 0, months: 0 }, BERLIN)).toBe(secondTime);
  });
});

describe('adding months', () => {
  it('ends on the last day of a shorter month: one month from 31 Jan is 28 Feb, or 29 in a leap year', () => {
    expect(addDuration(at('2025-01-31T10:00:00+01:00'), { months: 1 }, BERLIN)).toBe(at('2025-02-28T10:00:00+01:00'));
    expect(addDuration(at('2028-01-31T10:00:00+01:00'), { months: 1 }, BERLIN)).toBe(at('2028-02-29T10:00:00+01:00'));
    expect(addDuration(at('2025-03-31T10:00:00+02:00'), { months: 1 }, BERLIN)).toBe(at('2025-04-30T10:00:00+02:00'));
    expect(addDuration(at('2028-02-29T10:00:00+01:00'), { months: 12 }, BERLIN)).toBe(at('2029-02-28T10:00:00+01:00'));
  });

  it('keeps the date when the month has it, across year ends', () => {
    expect(addDuration(at('2025-01-15T10:00:00+01:00'), { months: 1 }, BERLIN)).toBe(at('2025-02-15T10:00:00+01:00'));
    expect(addDuration(at('2025-11-30T10:00:00+01:00'), { months: 3 }, BERLIN)).toBe(at('2026-02-28T10:00:00+01:00'));
  });

  it('counts back with negative months, across a year end', () => {
    expect(addDuration(at('2025-03-31T10:00:00+02:00'), { months: -1 }, BERLIN)).toBe(at('2025-02-28T10:00:00+01:00'));
    expect(addDuration(at('2025-01-10T10:00:00+01:00'), { months: -2 }, BERLIN)).toBe(at('2024-11-10T10:00:00+01:00'));
  });

  it('adds months before days', () => {
    // 30 Jan + 1 month = 28 Feb, + 1 day = 1 Mar; days first would give 31 Jan + 1 month = 28 Feb.
    expect(addDuration(at('2025-01-30T10:00:00+01:00'), { months: 1, days: 1 }, BERLIN)).toBe(at('2025-03-01T10:00:00+01:00'));
  });
});

describe('local days', () => {
  it('start at midnight and end a millisecond before the next', () => {
    const noon = at('2025-07-01T12:00:00+02:00');
    expect(startOfLocalDay(noon, BERLIN)).toBe(at('2025-07-01T00:00:00+02:00'));
    expect(endOfLocalDay(noon, BERLIN)).toBe(at('2025-07-02T00:00:00+02:00') - 1);
  });

  it('last 23 hours when clocks go forward and 25 when they go back', () => {
    const spring = at('2025-03-30T12:00:00+02:00');
    expect(endOfLocalDay(spring, BERLIN) + 1 - startOfLocalDay(spring, BERLIN)).toBe(23 * 3_600_000);
    const autumn = at('2025-10-26T12:00:00+01:00');
    expect(endOfLocalDay(autumn, BERLIN) + 1 - startOfLocalDay(autumn, BERLIN)).toBe(25 * 3_600_000);
    const nyAutumn = at('2025-11-02T12:00:00-05:00');
    expect(endOfLocalDay(nyAutumn, NEW_YORK)).toBe(at('2025-11-03T00:00:00-05:00') - 1);
  });

  it('start at 01:00 where a zone skips midnight', () => {
    // Brazil moved its clocks at midnight until 2019: 4 Nov 2018 began at 01:00.
    expect(startOfLocalDay(at('2018-11-04T12:00:00-02:00'), 'America/Sao_Paulo')).toBe(at('2018-11-04T01:00:00-02:00'));
    expect(endOfLocalDay(at('2018-11-03T12:00:00-03:00'), 'America/Sao_Paulo')).toBe(at('2018-11-04T01:00:00-02:00') - 1);
  });

  it('are counted on the calendar of the zone', () => {
    expect(daysBetween(at('2025-10-03T10:00:00+02:00'), at('2025-11-02T23:59:00+01:00'), BERLIN)).toBe(30);
    expect(daysBetween(at('2025-11-02T23:59:00+01:00'), at('2025-10-03T10:00:00+02:00'), BERLIN)).toBe(-30);
    // 23:30 and 00:30 are one hour apart but on two days; 00:30 and 23:30 the same day.
    expect(daysBetween(at('2025-10-03T23:30:00+02:00'), at('2025-10-04T00:30:00+02:00'), BERLIN)).toBe(1);
    expect(daysBetween(at('2025-10-04T00:30:00+02:00'), at('2025-10-04T23:30:00+02:00'), BERLIN)).toBe(0);
    // The same two instants, one day apart in Berlin, are on one day in New York.
    expect(daysBetween(at('2025-10-03T23:30:00+02:00'), at('2025-10-04T00:30:00+02:00'), NEW_YORK)).toBe(0);
  });
});

describe('calendar arithmetic, for any instant in many zones', () => {
  const ZONES = [
    'UTC',
    BERLIN,
    NEW_YORK,
    'Europe/London',
    'America/Los_Angeles',
    'America/Sao_Paulo',
    'America/Santiago',
    'America/St_Johns',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Asia/Kolkata',
    'Asia/Tokyo',
    'Africa/Casablanca',
  ];
  const zone = fc.constantFrom(...ZONES);
  const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });
  const days = fc.integer({ min: -800, max: 800 });
  const timeOfDay = (t: number, tz: string) => {
    const p = localParts(t, tz);
    return ((p.hour * 60 + p.minute) * 60 + p.second) * 1000 + p.millisecond;
  };

  it('adding n days moves the local date by exactly n days and never gives NaN', () => {
    fc.assert(
      fc.property(instant, days, zone, (t, n, tz) => {
        const result = addDuration(t, { days: n }, tz);
        expect(Number.isFinite(result)).toBe(true);
        expect(daysBetween(t, result, tz)).toBe(n);
      }),
    );
  });

  it('adding more days gives a later instant', () => {
    fc.assert(
      fc.property(instant, days, days, zone, (t, a, b, tz) => {
        fc.pre(a !== b);
        const [fewer, more] = a < b ? [a, b] : [b, a];
        expect(addDuration(t, { days: fewer }, tz)).toBeLessThan(addDuration(t, { days: more }, tz));
      }),
    );
  });

  it('keeps the time of day, or moves it forward past a gap by at most an hour', () => {
    fc.assert(
      fc.property(instant, days, zone, (t, n, tz) => {
        const shift = timeOfDay(addDuration(t, { days: n }, tz), tz) - timeOfDay(t, tz);
        expect(shift).toBeGreaterThanOrEqual(0);
        expect(shift).toBeLessThanOrEqual(3_600_000);
      }),
    );
  });

  it('adding months lands on the same date, or the last day of a shorter month', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -36, max: 36 }), zone, (t, m, tz) => {
        const from = localDateParts(t, tz);
        const to = localDateParts(addDuration(t, { months: m }, tz), tz);
        expect(to.year * 12 + to.month - (from.year * 12 + from.month)).toBe(m);
        const lastDay = new Date(Date.UTC(to.year, to.month, 0)).getUTCDate();
        expect(to.day).toBe(Math.min(from.day, lastDay));
      }),
    );
  });

  it('a local day holds its instant, and the next day starts right after it ends', () => {
    fc.assert(
      fc.property(instant, zone, (t, tz) => {
        const start = startOfLocalDay(t, tz);
        const end = endOfLocalDay(t, tz);
        expect(start).toBeLessThanOrEqual(t);
        expect(end).toBeGreaterThanOrEqual(t);
        expect(daysBetween(t, start, tz)).toBe(0);
        expect(daysBetween(t, end, tz)).toBe(0);
        expect(daysBetween(t, end + 1, tz)).toBe(1);
      }),
    );
  });
});
