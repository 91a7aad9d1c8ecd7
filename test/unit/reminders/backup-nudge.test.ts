import { describe, expect, it } from 'vitest';
import { backupDue, LAST_BACKUP_KEY, readLastBackup, recordBackup } from '@/lib/reminders/backup-nudge';
import { defaultSettings, parseSettings } from '@/lib/settings/settings';

const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 3);
const base = { afterEntries: 20, afterDays: 30, now };

describe('backupDue', () => {
  it('is due after N new entries since the last backup, not before', () => {
    const last = { at: now - DAY, entryCount: 100 };
    expect(backupDue({ ...base, last, entryCount: 119, oldestAt: now - 90 * DAY })).toBeNull();
    expect(backupDue({ ...base, last, entryCount: 120, oldestAt: now - 90 * DAY })).toEqual({ reason: 'entries', entries: 20, last });
  });

  it('is due D days after the last backup when something new was recorded since', () => {
    const last = { at: now - 30 * DAY, entryCount: 10 };
    expect(backupDue({ ...base, last, entryCount: 11, oldestAt: now - 90 * DAY })).toEqual({ reason: 'days', days: 30, last });
    expect(backupDue({ ...base, last: { ...last, at: now - 29 * DAY }, entryCount: 11, oldestAt: now - 90 * DAY })).toBeNull();
    // Nothing new since: the backup is complete, however old.
    expect(backupDue({ ...base, last: { at: now - 400 * DAY, entryCount: 10 }, entryCount: 10, oldestAt: now - 900 * DAY })).toBeNull();
  });

  it('without any backup counts every entry and the days since the oldest', () => {
    expect(backupDue({ ...base, last: null, entryCount: 3, oldestAt: now - 31 * DAY })).toEqual({ reason: 'days', days: 31, last: null });
    expect(backupDue({ ...base, last: null, entryCount: 3, oldestAt: now - 2 * DAY })).toBeNull();
    expect(backupDue({ ...base, last: null, entryCount: 0, oldestAt: null })).toBeNull();
  });

  it('counts the whole ledger as new after an erase (fewer entries than at the backup)', () => {
    expect(backupDue({ ...base, last: { at: now, entryCount: 50 }, entryCount: 25, oldestAt: now })).toEqual({ reason: 'entries', entries: 25, last: { at: now, entryCount: 50 } });
  });

  it('0 turns either reminder off', () => {
    const input = { last: { at: now - 400 * DAY, entryCount: 0 }, entryCount: 500, oldestAt: now - 400 * DAY, now };
    expect(backupDue({ ...input, afterEntries: 0, afterDays: 0 })).toBeNull();
    expect(backupDue({ ...input, afterEntries: 0, afterDays: 30 })?.reason).toBe('days');
    expect(backupDue({ ...input, afterEntries: 20, afterDays: 0 })?.reason).toBe('entries');
  });
});

describe('the last backup in storage', () => {
  const area = (items: Record<string, unknown> = {}) => ({
    items,
    get: async (key: string) => (key in items ? { [key]: items[key] } : {}),
    set: async (next: Record<string, unknown>) => void Object.assign(items, next),
  });

  it('is written and read back', async () => {
    const local = area();
    await recordBackup(local, { at: now, entryCount: 7 });
    expect(await readLastBackup(local)).toEqual({ at: now, entryCount: 7 });
  });

  it('counts as none when the area holds something else (any page of the extension may write it)', async () => {
    for (const stored of ['yesterday', { at: now, entryCount: -1 }, { at: now, entryCount: 1, extra: 'x' }, null]) {
      expect(await readLastBackup(area({ [LAST_BACKUP_KEY]: stored }))).toBeNull();
    }
  });
});

describe('backup settings', () => {
  it('default to 20 entries and 30 days, and fall back to them when stored values are out of range', () => {
    expect(defaultSettings('UTC')).toMatchObject({ backupAfterEntries: 20, backupAfterDays: 30 });
    expect(parseSettings({ timeZone: 'UTC', backupAfterEntries: 0, backupAfterDays: 400 })).toMatchObject({ backupAfterEntries: 0, backupAfterDays: 30 });
  });
});
