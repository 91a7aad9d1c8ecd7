import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  defaultSettings,
  guessJurisdiction,
  InvalidSettingsError,
  loadSettings,
  parseSettings,
  saveSettings,
  SETTINGS_KEY,
} from '@/lib/settings/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults: reminders on, three days ahead, the system time zone (Berlin in tests) and a law guessed from it', async () => {
    expect(await loadSettings(fakeBrowser.storage.local)).toEqual({
      remindersOn: true,
      leadDays: 3,
      jurisdiction: 'gdpr',
      timeZone: 'Europe/Berlin',
      backupAfterEntries: 20,
      backupAfterDays: 30,
    });
  });

  it('guesses the law only where the zone says it plainly', () => {
    expect(guessJurisdiction('Europe/Dublin')).toBe('gdpr');
    expect(guessJurisdiction('Europe/London')).toBe('uk-gdpr');
    expect(guessJurisdiction('Europe/Moscow')).toBe('none');
    expect(guessJurisdiction('America/Los_Angeles')).toBe('none');
    expect(defaultSettings('Europe/London').jurisdiction).toBe('uk-gdpr');
  });

  it('saves valid changes and reads them back', async () => {
    await saveSettings(fakeBrowser.storage.local, { leadDays: 7, jurisdiction: 'ccpa', timeZone: 'America/Los_Angeles' });
    await saveSettings(fakeBrowser.storage.local, { remindersOn: false });
    expect(await loadSettings(fakeBrowser.storage.local)).toEqual({
      remindersOn: false,
      leadDays: 7,
      jurisdiction: 'ccpa',
      timeZone: 'America/Los_Angeles',
      backupAfterEntries: 20,
      backupAfterDays: 30,
    });
  });

  it.each([
    [{ leadDays: -1 }, /leadDays/],
    [{ leadDays: 31 }, /leadDays/],
    [{ leadDays: 2.5 }, /leadDays/],
    [{ jurisdiction: 'mars' as never }, /jurisdiction/],
    [{ timeZone: 'Europe/Atlantis' }, /timeZone: not a time zone/],
    [{ backupAfterEntries: -1 }, /backupAfterEntries/],
    [{ backupAfterDays: 366 }, /backupAfterDays/],
  ])('refuses %j and saves nothing', async (change, message) => {
    await expect(saveSettings(fakeBrowser.storage.local, change)).rejects.toThrow(message);
    await expect(saveSettings(fakeBrowser.storage.local, change)).rejects.toBeInstanceOf(InvalidSettingsError);
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toBeUndefined();
  });

  it('reads a damaged or older record field by field, keeping what is still valid', () => {
    expect(parseSettings({ remindersOn: false, leadDays: 'soon', jurisdiction: 'gdpr', timeZone: 'Nowhere/Gone', extra: 1 })).toEqual({
      remindersOn: false,
      leadDays: 3,
      jurisdiction: 'gdpr',
      timeZone: 'Europe/Berlin',
      backupAfterEntries: 20,
      backupAfterDays: 30,
    });
    expect(parseSettings('garbage')).toEqual(defaultSettings());
    // The law is guessed from the stored zone when no law was stored.
    expect(parseSettings({ timeZone: 'Europe/London' }).jurisdiction).toBe('uk-gdpr');
  });
});
