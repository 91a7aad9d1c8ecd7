/**
 * What one write costs, in real Chromium, as the ledger grows and as an attacker's file would make
 * it grow (issue 18). A user's write (a grant, through the background's checked path, as the popup
 * sends it) is timed from the message to the reply:
 * - in a realistic ledger (bench/seed.ts) of 10 and of 100k events, imported through the dashboard;
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
import { importFile, launch, openDashboard, timeUntil } from './ledger-scale';
import { SEED_ACCOUNTS, seedLedger } from './seed';
import { median, type Figure } from './stats';

const SIZES = (process.env.LL_BENCH_WRITE_SIZES ?? '10,100000').split(',').map(Number);
const CRAFTED = Number(process.env.LL_BENCH_CRAFTED ?? 12_000);
const RUNS = 15;
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

/** Imports the file into a fresh profile, then times RUNS grants for `account` from an extension page. */
async function writeAfterImport(file: string, account: { service: string; handle: string }, port: number): Promise<number> {
  const profile = mkdtempSync(join(tmpdir(), 'll-bench-profile-'));
  const { context, origin } = await launch(profile, port);
  try {
    const importer = await openDashboard(context, origin, 'import-export');
    await timeUntil(importer, '[data-testid="import-done"]', () => importFile(importer, file));
    await importer.locator('main[aria-busy="false"]').waitFor({ timeout: 600_000 });
    await importer.close();
    // The browser settles its database after a large import (as the popup figures in ledger-scale.ts wait for).
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const page = await context.newPage();
    await page.goto(`${origin}/popup.html`);
    const runs = await page.evaluate(
      async ({ account, runs }) => {
        const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome;
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          const event = { kind: 'access-granted', occurredAt: Date.now(), account, evidence: {}, details: { person: `newcomer${i}` } };
          const start = performance.now();
          const reply = await api.runtime.sendMessage({ type: 'record', event });
          times.push(performance.now() - start);
          if (!reply.ok) throw new Error(reply.error);
          await new Promise((r) => setTimeout(r, 100));
        }
        return times;
      },
      { account, runs: RUNS },
    );
    await page.close();
    return median(runs);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dirname(file), { recursive: true, force: true });
  }
}

export async function writeCost(): Promise<Figure[]> {
  const server = await startFixtureServer();
  const figures: Figure[] = [];
  try {
    const bySize: Record<number, number> = {};
    for (const size of SIZES) {
      bySize[size] = await writeAfterImport(await reportFile(seedLedger(size), `ledger-${size}`), SEED_ACCOUNTS[0]!, server.port);
      figures.push({ name: `record one grant at ${size} events (median of ${RUNS}, message to reply)`, value: bySize[size]!, unit: 'ms', goal: 'reported', met: true });
    }
    const [small, large] = [Math.min(...SIZES), Math.max(...SIZES)];
    if (small !== large) {
      const ratio = bySize[large]! / bySize[small]!;
      figures.push({ name: `a write at ${large} events vs ${small}`, value: ratio, unit: '×', goal: '≤ 1.3×', met: ratio <= 1.3 });
    }
    const crafted = await writeAfterImport(await reportFile(craftedLedger(CRAFTED), `crafted-${CRAFTED}`), { service: 'sora', handle: 'target' }, server.port);
    figures.push({ name: `one write for the account of a crafted file of ${CRAFTED} events`, value: crafted, unit: 'ms', goal: '≤ 50 ms', met: crafted <= 50 });
  } finally {
    await server.close();
  }
  return figures;
}
