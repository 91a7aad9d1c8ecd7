/**
 * The user's settings, in browser.storage.local, checked with zod on every read and write.
 * The dashboard renders its settings form from `SETTING_LIMITS` and `Settings`; the background
 * reads them at every reminder run, so a change takes effect at once.
 *
 * Folder lib/settings/: what the extension keeps in browser storage outside the ledger: the user's
 * settings in storage.local, checked on every read and write (the dashboard's form is rendered from
 * their limits), and the one shape of a storage area every reader takes.
 */
import * as z from 'zod/mini';
import { LAWS, type Law } from '../facts/policies';
import { WINDOW_DEFAULTS } from '../deadlines/window-options';
import { schemaSays, type SchemaReason } from '../i18n/schema-says';
import type { StorageArea } from './storage-area';

export const SETTINGS_KEY = 'settings';

export const SETTING_LIMITS = {
  /** Lead time in days: 0 means "only when the window has closed". */
  leadDays: { min: 0, max: 30, default: WINDOW_DEFAULTS.leadDays },
  /** The backup reminder (lib/reminders/backup-nudge.ts): after this many new entries; 0 turns it off. */
  backupAfterEntries: { min: 0, max: 1000, default: 20 },
  /** …or after this many days since the last backup; 0 turns it off. */
  backupAfterDays: { min: 0, max: 365, default: 30 },
} as const;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const Settings = z.strictObject({
  /** Notifications for windows due soon and closed; the badge shows either way. */
  remindersOn: z.boolean(),
  leadDays: z.int().check(z.gte(SETTING_LIMITS.leadDays.min), z.lte(SETTING_LIMITS.leadDays.max)),
  /** Which law's deadlines and rights the follow-up drafts cite; 'none' cites only OpenAI's own statements. */
  jurisdiction: z.enum(LAWS),
  /** IANA zone in which days are counted. */
  timeZone: z.string().check(z.maxLength(64), z.refine(isTimeZone, 'issueUnknownTimeZone' satisfies SchemaReason)),
  backupAfterEntries: z.int().check(z.gte(SETTING_LIMITS.backupAfterEntries.min), z.lte(SETTING_LIMITS.backupAfterEntries.max)),
  backupAfterDays: z.int().check(z.gte(SETTING_LIMITS.backupAfterDays.min), z.lte(SETTING_LIMITS.backupAfterDays.max)),
});
export type Settings = z.infer<typeof Settings>;

const systemTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

// Where the GDPR applies (EU and EEA). Only a first guess for the form, which the user can change.
const EEA_ZONES = new Set([
  'Europe/Amsterdam', 'Europe/Athens', 'Europe/Berlin', 'Europe/Bratislava', 'Europe/Brussels', 'Europe/Bucharest',
  'Europe/Budapest', 'Europe/Busingen', 'Europe/Copenhagen', 'Europe/Dublin', 'Europe/Helsinki', 'Europe/Lisbon',
  'Europe/Ljubljana', 'Europe/Luxembourg', 'Europe/Madrid', 'Europe/Malta', 'Europe/Mariehamn', 'Europe/Nicosia',
  'Europe/Oslo', 'Europe/Paris', 'Europe/Prague', 'Europe/Riga', 'Europe/Rome', 'Europe/Sofia', 'Europe/Stockholm',
  'Europe/Tallinn', 'Europe/Vaduz', 'Europe/Vienna', 'Europe/Vilnius', 'Europe/Warsaw', 'Europe/Zagreb',
  'Atlantic/Azores', 'Atlantic/Canary', 'Atlantic/Madeira', 'Atlantic/Reykjavik', 'Africa/Ceuta', 'Asia/Famagusta', 'Asia/Nicosia',
]);
const UK_ZONES = new Set(['Europe/London', 'Europe/Belfast']);

/** A first guess from the time zone; anything not clearly EEA or UK is left to the user. */
export function guessJurisdiction(timeZone: string): Law {
  if (UK_ZONES.has(timeZone)) return 'uk-gdpr';
  if (EEA_ZONES.has(timeZone)) return 'gdpr';
  return 'none';
}

export function defaultSettings(timeZone = systemTimeZone()): Settings {
  return {
    remindersOn: true,
    leadDays: SETTING_LIMITS.leadDays.default,
    jurisdiction: guessJurisdiction(timeZone),
    timeZone,
    backupAfterEntries: SETTING_LIMITS.backupAfterEntries.default,
    backupAfterDays: SETTING_LIMITS.backupAfterDays.default,
  };
}

/**
 * Reads stored settings leniently: a field that is missing or no longer valid (a zone the browser
 * dropped, a law renamed) falls back to its default, and the others are kept.
 */
export function parseSettings(raw: unknown): Settings {
  const stored = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const zone = Settings.shape.timeZone.safeParse(stored.timeZone);
  const result = defaultSettings(zone.success ? zone.data : undefined);
  for (const key of Object.keys(Settings.shape) as (keyof Settings)[]) {
    const field = Settings.shape[key].safeParse(stored[key]);
    if (field.success) (result as Record<keyof Settings, unknown>)[key] = field.data;
  }
  return result;
}

export async function loadSettings(area: StorageArea): Promise<Settings> {
  return parseSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

export class InvalidSettingsError extends Error {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(`Invalid settings: ${issues.map((i) => `${i.path.join('.')}: ${schemaSays(i.message)}`).join('; ')}`);
    this.name = 'InvalidSettingsError';
  }
}

/** Saves changes to some settings; refuses (and saves nothing) when any value is invalid. */
export async function saveSettings(area: StorageArea, changes: Partial<Settings>): Promise<Settings> {
  const parsed = Settings.safeParse({ ...(await loadSettings(area)), ...changes });
  if (!parsed.success) throw new InvalidSettingsError(parsed.error.issues);
  await area.set({ [SETTINGS_KEY]: parsed.data });
  return parsed.data;
}
