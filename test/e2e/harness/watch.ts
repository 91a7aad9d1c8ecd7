/**
 * What the watcher end-to-end tests share (watchers.e2e.ts, watch-sora.e2e.ts): opening a watched
 * page, expecting exactly the new events an action makes, passing the deletion warning, and
 * checking that everything stored is what the schemas name.
 */
import { expect } from 'vitest';
import * as z from 'zod/mini';
import { LedgerEvent } from '@/lib/ledger/events';
import { effectiveEvents } from '@/lib/ledger/relations';
import { REFUSED_KEY } from '@/lib/background/content-messages';
import { FINGERPRINT_CHECK_KEY } from '@/lib/background/fingerprint-check';
import { REMINDER_LOG_KEY, ReminderLog } from '@/lib/reminders/log';
import { PENDING_KEY, PendingStore } from '@/lib/ledger/pending-queue';
import { SETTINGS_KEY, Settings } from '@/lib/settings/settings';
import { TabStatus } from '@/lib/background/tab-status';
import type { Harness, Page } from './browser';
import { eventually } from './eventually';
import { fixtureUrl } from './suite';

/** Lists and radio groups settle for a second after they appear (lib/rules/page-engine.ts), as a person takes a moment to act. */
export const SETTLE = 1200;
/** Long enough for a late duplicate (a page signal after its network twin) to have arrived. */
export const QUIET = 1500;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const tabStatusOf = (tabId: number) => ext.storage.session.get(`tab:${tabId}`).then((all) => all[`tab:${tabId}`] as TabStatus | undefined);

/** Opens a page and waits until its content script is watching it (and has read the signed-in handle). */
export async function open(h: () => Harness, host: string, path: string, handle: string | null = 'alice'): Promise<{ page: Page; tabId: number }> {
  const url = fixtureUrl(host, path);
  const page = await h().newPage(url);
  const tabId = await h().tabIdOf(url);
  await eventually(async () => {
    const status = await h().inExtension(tabStatusOf, tabId);
    expect(status?.watching?.length).toBeGreaterThan(0);
    if (handle) expect(status?.handle).toBe(handle);
  });
  await sleep(SETTLE);
  return { page, tabId };
}

export const countable = (e: LedgerEvent) => e.kind !== 'deletion-warning-shown';
export const effectiveIds = async (h: () => Harness) => new Set(effectiveEvents(await h().ledger()).map((e) => e.id));

/** Runs an action; expects exactly the given new effective events (in any order), and nothing more after a while. */
export async function expectNew(h: () => Harness, action: () => Promise<void>, ...expected: Record<string, unknown>[]): Promise<LedgerEvent[]> {
  const before = await effectiveIds(h);
  await action();
  const fresh = async () => effectiveEvents(await h().ledger()).filter((e) => !before.has(e.id) && countable(e));
  const check = async () => {
    const found = await fresh();
    expect(found).toHaveLength(expected.length);
    for (const e of expected) expect(found).toContainEqual(expect.objectContaining(e));
    return found;
  };
  await eventually(check, 15_000);
  await sleep(QUIET);
  return check();
}

/**
 * The in-page deletion warning (lib/warning) holds the final step of an account deletion until the
 * user chooses. When it shows, choose "Continue with deletion" by keyboard, as its own test does.
 */
export async function continuePastWarning(page: Page) {
  const shown = () => document.querySelector('[data-likeness-ledger="warning"]') !== null;
  try {
    await eventually(async () => expect(await page.evaluate(shown)).toBe(true), 2500);
  } catch {
    return;
  }
  await page.press('Shift+Tab');
  await page.press('Enter');
  await eventually(async () => expect(await page.evaluate(shown)).toBe(false));
}

const EMAIL = /[^\s@"<>]+@[^\s@"<>]+\.[a-z]{2,}/i;
/** The ledger's fingerprint check of this session (lib/background/fingerprint-check.ts), written out here as the other shapes are. */
const FingerprintCheck = z.strictObject({ ok: z.boolean(), checkedAt: z.number(), seq: z.optional(z.int()) });
const Refusals = z.array(z.strictObject({ at: z.number(), error: z.string(), host: z.string(), count: z.int() }));

/** Everything the extension stored, checked against its schemas; nothing that looks like an email, a token, a cookie or HTML. */
const EVENT_FIELDS = ['id', 'key', 'kind', 'occurredAt', 'recordedAt', 'account', 'source', 'certainty', 'evidence', 'details', 'supersedes'];
const EVIDENCE_FIELDS = ['url', 'rule', 'shownText'];

export async function expectOnlySchemaData(h: () => Harness) {
  const events = await h().ledger();
  expect(events.length).toBeGreaterThan(0);
  for (const e of events) expect(LedgerEvent.safeParse(e).error?.issues).toBeUndefined();
  // The same, written out here: a schema loosened in lib/ledger/events.ts must not loosen its own check.
  for (const e of events) {
    expect(Object.keys(e).filter((k) => !EVENT_FIELDS.includes(k)), `fields of a ${e.kind} event`).toEqual([]);
    expect(Object.keys(e.account).sort(), `account of a ${e.kind} event`).toEqual(['handle', 'service']);
    expect(Object.keys(e.evidence).filter((k) => !EVIDENCE_FIELDS.includes(k)), `evidence of a ${e.kind} event`).toEqual([]);
    if (e.evidence.url !== undefined) expect(e.evidence.url, `evidence URL of a ${e.kind} event`).toMatch(/^https:\/\/[^?#]+$/);
  }
  const [local, session] = await Promise.all([
    h().inExtension(() => ext.storage.local.get(null)),
    h().inExtension(() => ext.storage.session.get(null)),
  ]);
  const LOCAL: Record<string, z.ZodMiniType> = { [SETTINGS_KEY]: Settings, [REMINDER_LOG_KEY]: ReminderLog, [PENDING_KEY]: PendingStore };
  for (const [key, value] of Object.entries(local)) {
    expect(LOCAL[key], `storage.local "${key}" has a schema`).toBeDefined();
    expect(LOCAL[key]!.safeParse(value).success, `storage.local "${key}"`).toBe(true);
  }
  for (const [key, value] of Object.entries(session)) {
    const schema = key.startsWith('tab:') ? TabStatus : key === REFUSED_KEY ? Refusals : key === FINGERPRINT_CHECK_KEY ? FingerprintCheck : undefined;
    expect(schema, `storage.session "${key}" has a schema`).toBeDefined();
    expect(schema!.safeParse(value).success, `storage.session "${key}"`).toBe(true);
  }
  const everything = JSON.stringify({ events, local, session });
  expect(everything).not.toMatch(EMAIL);
  expect(everything).not.toMatch(/token|cookie|bearer|authorization|session_id/i);
  expect(everything).not.toMatch(/<\/?[a-z][^>]*>/i);
}

