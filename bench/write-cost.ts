/**
 * What one write costs, in real Chromium, as the ledger grows and as an attacker's file would make
 * it grow (issue 18). A user's write (a grant, through the background's checked path, as the popup
 * sends it) is timed from the message to the reply:
 * - in a realistic ledger (bench/seed.ts) of 10 and of 100k events, imported through the dashboard,
 *   each in a browser of its own, written to in turn;
 * - after importing a crafted file: many events for one account (every one a grant, a revocation,
 *   a deletion and its verification: the kinds the popup's summary is derived from), so that the
 *   summary of that account is as costly as a file can make it.
 * `LL_BENCH_WRITE_SIZES` and `LL_BENCH_CRAFTED` make a quick run while editing this file;
 * `LL_BENCH_SETTLE_MS` changes the pause between the import and the writes (BENCHMARKS.md says why it matters).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { LedgerEvent } from '../lib/ledger/events';
import { buildEvent } from '../lib/ledger/ledger';
import { buildReport } from '../lib/report/build';
import { reportText } from '../lib/report/export';
import { startFixtureServer } from '../test/e2e/fixture-server';
import { removeProfile } from '../test/e2e/harness/browser';
import { importFile, launch, openDashboard, timeUntil } from './ledger-scale';
import { SEED_ACCOUNTS, seedLedger } from './seed';
import { median, ratioInterval, type Figure } from './stats';

// Two sizes: the small, then the large.
const SIZES = (process.env.LL_BENCH_WRITE_SIZES ?? '10,100000').split(',').map(Number);
const CRAFTED = Number(process.env.LL_BENCH_CRAFTED ?? 12_000);
const RUNS = 31;
/** Between two writes: the popup's writes come one at a time, a user's far apart. */
const PAUSE_MS = 100;
const SETTLE_MS = Number(process.env.LL_BENCH_SETTLE_MS ?? 10_000);
const DAY = 86_400_000;

/** One account, `size` events of the summary's kinds: people granted and revoked, cameos deleted and verified. */
function craftedLedger(size: number): LedgerEvent[] {
  const account = { service: 'sora', handle: 'target' } as const;
  const start = Date.now() - 400 * DAY;
  const events: LedgerEvent[] = [];
  for (let i = 0; events.length < size; i++) {
    const at = start + i * 60_000;
    const made = (input: object) => buildEvent({ account, source: 'manual', evidence: {}, occurredAt: at, ...input } as never, at);
    events.push(made({ kind: 'access-granted', details: { person: `p${i}` } }));
    if (i % 2) events.push(made({ kind: 'access-revoked', details: { person: `p${i}` } }));
    const deletion = made({ kind: 'cameo-deleted', details: {} });
    events.push(deletion);
    if (i % 3) events.push(made({ kind: 'purge-verified', details: { window: deletion.id } }));
  }
  return events.slice(0, size);
}

async function reportFile(events: LedgerEvent[], name: string): Promise<string> {
  const report = await buildReport(events, { scope: { kind: 'all' }, redact: false, extensionVersion: 'bench', now: Date.now(), timeZone: 'Europe/Berlin' });
  const file = join(mkdtempSync(join(tmpdir(), 'll-bench-')), `${name}.json`);
  writeFileSync(file, await reportText(report));
  return file;
}

/** A browser holding the file's events (imported through the dashboard, as a user does), with a page of the extension to write from. */
async function ledgerIn(file: string, account: { service: string; handle: string }, port: number) {
  const profile = mkdtempSync(join(tmpdir(), 'll-bench-profile-'));
  const { context, origin } = await launch(profile, port);
  const importer = await openDashboard(context, origin, 'import-export');
  await timeUntil(importer, '[data-testid="import-done"]', () => importFile(importer, file));
  await importer.locator('main[aria-busy="false"]').waitFor({ timeout: 600_000 });
  await importer.close();
  rmSync(dirname(file), { recursive: true, force: true });
  // The dashboard the install opened stays open, following the ledger, as a user's would.
  const page = await context.newPage();
  await page.goto(`${origin}/popup.html`);
  let written = 0;
  return {
    /** One grant through the background, as the popup sends it: ms from the message to the reply. */
    write: () =>
      page.evaluate(
        async ({ account, person }) => {
          const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome;
          const event = { kind: 'access-granted', occurredAt: Date.now(), account, evidence: {}, details: { person } };
          const start = performance.now();
          const reply = await api.runtime.sendMessage({ type: 'record', event });
          if (!reply.ok) throw new Error(reply.error);
          return performance.now() - start;
        },
        { account, person: `newcomer${written++}` },
      ),
    async close() {
      await context.close();
      removeProfile(profile);
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function writeCost(): Promise<Figure[]> {
  const server = await startFixtureServer();
  const figures: Figure[] = [];
  try {
    // Both ledgers at once, in two browsers, written to in turn: the machine's moments (its load,
    // its caches) fall on both alike, and the ratio compares writes, not two sessions. Timed one
    // at a time, a size's median moved by a third from one session to the next.
    const [small, large] = SIZES;
    const browsers = [];
    for (const size of [small!, large!]) browsers.push(await ledgerIn(await reportFile(seedLedger(size), `ledger-${size}`), SEED_ACCOUNTS[0]!, server.port));
    // The browser settles its database after a large import (as the popup figures in ledger-scale.ts wait for).
    await sleep(SETTLE_MS);
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < RUNS; i++) {
      for (const [at, browser] of browsers.entries()) {
        times[at]!.push(await browser.write());
        await sleep(PAUSE_MS);
      }
    }
    for (const browser of browsers) await browser.close();
    const [atSmall, atLarge] = times;
    figures.push({ name: `record one grant at ${small} events (median of ${RUNS}, message to reply)`, value: median(atSmall), unit: 'ms', goal: 'reported', met: true });
    figures.push({ name: `record one grant at ${large} events (median of ${RUNS}, in turn with the above)`, value: median(atLarge), unit: 'ms', goal: 'reported', met: true });
    const ratio = median(atLarge) / median(atSmall);
    const [low, high] = ratioInterval(atLarge, atSmall);
    figures.push({ name: `a write at ${large} events vs ${small} (95% interval ${low.toFixed(2)}–${high.toFixed(2)})`, value: ratio, unit: '×', goal: '≤ 1.3×', met: ratio <= 1.3 });

    const crafted = await ledgerIn(await reportFile(craftedLedger(CRAFTED), `crafted-${CRAFTED}`), { service: 'sora', handle: 'target' }, server.port);
    await sleep(SETTLE_MS);
    const afterCrafted: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      afterCrafted.push(await crafted.write());
      await sleep(PAUSE_MS);
    }
    await crafted.close();
    const value = median(afterCrafted);
    figures.push({ name: `one write for the account of a crafted file of ${CRAFTED} events (median of ${RUNS})`, value, unit: 'ms', goal: '≤ 50 ms', met: value <= 50 });
  } finally {
    await server.close();
  }
  return figures;
}
