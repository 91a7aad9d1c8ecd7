/**
 * The reminder to save a backup. Uninstalling the extension deletes the ledger, and the JSON report
 * (the dashboard's export of the whole ledger) is the user's only copy. A backup is due after
 * `backupAfterEntries` new entries or `backupAfterDays` days since the last one (0 turns either
 * off), and never while nothing new has been recorded since it.
 */
import * as z from 'zod/mini';
import type { StorageArea } from '../settings/storage-area';

/** In browser.storage.local: when the whole ledger was last exported, and how many entries it had then. */
export const LAST_BACKUP_KEY = 'lastBackup';

export const LastBackup = z.strictObject({
  at: z.number().check(z.gte(0)),
  entryCount: z.int().check(z.gte(0)),
});
export type LastBackup = z.infer<typeof LastBackup>;

export type BackupDue = { reason: 'entries'; entries: number; last: LastBackup | null } | { reason: 'days'; days: number; last: LastBackup | null };

const DAY = 86_400_000;

export function backupDue(input: {
  afterEntries: number;
  afterDays: number;
  last: LastBackup | null;
  entryCount: number;
  /** When the oldest entry was recorded: without a backup, the days count from there. */
  oldestAt: number | null;
  now: number;
}): BackupDue | null {
  const { afterEntries, afterDays, last, entryCount, oldestAt, now } = input;
  // Fewer entries than at the backup: the ledger was erased since, and all of it is new.
  const entries = last && entryCount >= last.entryCount ? entryCount - last.entryCount : entryCount;
  if (entries === 0) return null;
  if (afterEntries > 0 && entries >= afterEntries) return { reason: 'entries', entries, last };
  const since = last?.at ?? oldestAt;
  const days = since === null ? 0 : Math.floor((now - since) / DAY);
  if (afterDays > 0 && days >= afterDays) return { reason: 'days', days, last };
  return null;
}

/** The last backup as stored; anything else there (another page may write the area) counts as none. */
export async function readLastBackup(area: StorageArea): Promise<LastBackup | null> {
  const parsed = LastBackup.safeParse((await area.get(LAST_BACKUP_KEY))[LAST_BACKUP_KEY]);
  return parsed.success ? parsed.data : null;
}

export async function recordBackup(area: StorageArea, backup: LastBackup): Promise<void> {
  await area.set({ [LAST_BACKUP_KEY]: LastBackup.parse(backup) });
}
