// One source of window options: the popup, the dashboard, the reminders and the reports all count
// with the settings' zone and lead days.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { handleUiRequest } from '@/lib/background/ui-requests';
import { LedgerDb, record } from '@/lib/ledger/ledger';
import { defaultSettings, SETTING_LIMITS, SETTINGS_KEY } from '@/lib/settings/settings';
import { reportTiming, WINDOW_DEFAULTS, windowOptions } from '@/lib/deadlines/window-options';
import { computeWindows } from '@/lib/deadlines/windows';

const NOW = Date.parse('2026-12-03T09:00:00Z');

function memoryArea(initial: Record<string, unknown> = {}) {
  const data = structuredClone(initial);
  return {
    get: async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
  };
}

describe('windowOptions', () => {
  it('takes the zone and lead days from the settings, and the grace days from the one set of defaults', () => {
    const settings = { ...defaultSettings('Asia/Tokyo'), leadDays: 7 };
    expect(windowOptions(settings, NOW)).toEqual({ now: NOW, timeZone: 'Asia/Tokyo', leadDays: 7, graceDays: WINDOW_DEFAULTS.graceDays });
    expect(reportTiming(settings, NOW)).toEqual({ now: NOW, timeZone: 'Asia/Tokyo', windows: { leadDays: 7, graceDays: WINDOW_DEFAULTS.graceDays } });
  });

  it('is where the settings default lead days come from', () => {
    expect(SETTING_LIMITS.leadDays.default).toBe(WINDOW_DEFAULTS.leadDays);
    expect(defaultSettings('UTC').leadDays).toBe(WINDOW_DEFAULTS.leadDays);
  });
});

describe("the popup's summary", () => {
  it('counts with the stored settings: a 7-day lead time shows a window due soon that 3 days would not', async () => {
    const db = new LedgerDb('options', { indexedDB: new IDBFactory(), IDBKeyRange });
    // Deleted on 10 Nov in Tokyo: due at the end of 10 Dec there, 7 days after NOW.
    await record(db, { kind: 'cameo-deleted', details: {}, occurredAt: Date.parse('2026-11-10T12:00:00+09:00'), account: { service: 'chatgpt', handle: 'alice' }, source: 'manual', evidence: {} }, NOW);
    const statusWith = async (leadDays: number) => {
      const local = memoryArea({ [SETTINGS_KEY]: { ...defaultSettings('Asia/Tokyo'), leadDays } });
      const reply = await handleUiRequest({ type: 'popup-summary' }, { db: async () => db, local, extensionId: 'x', extensionBase: 'x', now: () => NOW });
      if (!('summary' in reply)) throw new Error('no summary');
      return reply.summary.accounts[0]!.windows[0]!.status;
    };
    expect(await statusWith(3)).toBe('open');
    expect(await statusWith(8)).toBe('due-soon');
    // The dashboard, counting through the same function, agrees.
    const events = await db.events.toArray();
    expect(computeWindows(events, windowOptions({ timeZone: 'Asia/Tokyo', leadDays: 8 }, NOW))[0]!.status).toBe('due-soon');
    db.close();
  });
});
