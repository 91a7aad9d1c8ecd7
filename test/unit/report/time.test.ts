import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localParts } from '@/lib/deadlines/calendar';
import { isoFormatter } from '@/lib/report/iso-time';

const ZONES = ['Europe/Berlin', 'America/New_York', 'America/St_Johns', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'Asia/Tokyo', 'UTC'];
const MIN = Date.UTC(2000, 0, 1);
const MAX = Date.UTC(2200, 0, 1);

/** The slow, obvious way: ask Intl about this very instant. */
function expected(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  const offset = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond) - ms) / 60_000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(p.millisecond, 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

describe('ISO 8601 with the user\'s offset', () => {
  it('writes the wall clock and offset of the zone', () => {
    const berlin = isoFormatter('Europe/Berlin');
    expect(berlin(Date.UTC(2025, 9, 3, 12, 2))).toBe('2025-10-03T14:02:00.000+02:00');
    expect(berlin(Date.UTC(2025, 11, 24, 23, 30, 5, 7))).toBe('2025-12-25T00:30:05.007+01:00');
    expect(isoFormatter('America/St_Johns')(Date.UTC(2025, 0, 1))).toBe('2024-12-31T20:30:00.000-03:30');
    expect(isoFormatter('Asia/Kathmandu')(Date.UTC(2025, 0, 1))).toBe('2025-01-01T05:45:00.000+05:45');
    expect(isoFormatter('UTC')(Date.UTC(2025, 0, 1))).toBe('2025-01-01T00:00:00.000+00:00');
  });

  it('switches offset at the exact minute of a DST change, both ways', () => {
    const berlin = isoFormatter('Europe/Berlin');
    const spring = Date.UTC(2025, 2, 30, 1); // 02:00 CET becomes 03:00 CEST
    expect(berlin(spring - 1)).toBe('2025-03-30T01:59:59.999+01:00');
    expect(berlin(spring)).toBe('2025-03-30T03:00:00.000+02:00');
    const autumn = Date.UTC(2025, 9, 26, 1); // 03:00 CEST becomes 02:00 CET
    expect(berlin(autumn - 1)).toBe('2025-10-26T02:59:59.999+02:00');
    expect(berlin(autumn)).toBe('2025-10-26T02:00:00.000+01:00');
    // Both readings of the hour that happens twice name their own instant.
    expect(Date.parse('2025-10-26T02:30:00.000+02:00')).toBe(autumn - 30 * 60_000);
    expect(Date.parse('2025-10-26T02:30:00.000+01:00')).toBe(autumn + 30 * 60_000);
  });

  it('agrees with asking Intl about every instant, and reads back to the same millisecond', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.array(fc.integer({ min: MIN, max: MAX }), { minLength: 1, maxLength: 50 }), (zone, instants) => {
        // One formatter for many instants, as an export uses it: its per-day cache must not leak between them.
        const iso = isoFormatter(zone);
        for (const ms of instants) {
          expect(iso(ms)).toBe(expected(ms, zone));
          expect(Date.parse(iso(ms))).toBe(ms);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is right through every day with a DST change, in every zone', () => {
    let days = 0;
    for (const zone of ZONES) {
      const iso = isoFormatter(zone);
      for (const year of [2001, 2025, 2037]) {
        for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += 86_400_000) {
          // Probe the day only where its offset changes, then every 15 minutes through it.
          if (expected(ms, zone).slice(-6) === expected(ms + 86_400_000, zone).slice(-6)) continue;
          days += 1;
          for (let m = ms; m <= ms + 86_400_000; m += 15 * 60_000) expect(iso(m)).toBe(expected(m, zone));
        }
      }
    }
    // Berlin, New York, St John's, Lord Howe and Chatham change twice a year in each of three years.
    expect(days).toBe(5 * 2 * 3);
  });
});
