/**
 * Detection latency in real Chromium: from the moment a draft that uses my cameo appears on the
 * page (a DOM change) to the moment its event is stored in the ledger (recordedAt).
 * Goal: p95 under 250 ms.
 */
import { chromium } from 'playwright-core';
import { startFixtureServer } from '../test/e2e/fixture-server';
import { chromiumArgs } from '../test/e2e/harness/browser';
import { BROWSER_BINARIES, EXTENSION_DIRS } from '../test/e2e/harness/paths';
import type { LedgerEvent } from '../lib/events';
import { median, quantile, type Figure } from './stats';

const PAGES = 3;
const PER_PAGE = 20;

export async function detectionLatency(): Promise<Figure[]> {
  const server = await startFixtureServer();
  const context = await chromium.launchPersistentContext('', { executablePath: BROWSER_BINARIES.chromium, headless: true, args: chromiumArgs(server.port, EXTENSION_DIRS.chromium) });
  const latencies: number[] = [];
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const origin = `chrome-extension://${new URL(worker.url()).host}`;
    const reader = await context.newPage();
    await reader.goto(`${origin}/options.html`);
    for (let run = 0; run < PAGES; run++) {
      const page = await context.newPage();
      // One draft at a time, a third of a second apart: each latency is measured on its own.
      await page.goto(`https://sora.chatgpt.com/drafts/burst?count=${PER_PAGE}&batch=1&every=300&prefix=latency${run}`);
      await page.waitForFunction(() => document.title === 'all drafts shown', undefined, { timeout: 60_000 });
      await page.waitForTimeout(1500);
      const shownAt = (await page.evaluate(() => (window as unknown as { __shownAt: Record<string, number> }).__shownAt)) as Record<string, number>;
      const events = (await reader.evaluate(
        () =>
          new Promise((resolve) => {
            const open = indexedDB.open('likeness-ledger');
            open.onsuccess = () => {
              const req = open.result.transaction('events').objectStore('events').getAll();
              req.onsuccess = () => resolve(req.result);
            };
          }),
      )) as LedgerEvent[];
      for (const e of events) {
        if (e.kind !== 'appearance-seen' || !e.details.link) continue;
        const shown = shownAt[e.details.link];
        if (shown !== undefined) latencies.push(e.recordedAt - shown);
      }
      await page.close();
    }
  } finally {
    await context.close();
    await server.close();
  }
  const p95 = quantile(latencies, 0.95);
  return [
    { name: `appearances detected (of ${PAGES * PER_PAGE} shown)`, value: latencies.length, unit: 'events', goal: `${PAGES * PER_PAGE}`, met: latencies.length === PAGES * PER_PAGE },
    { name: 'detection latency, DOM change to event stored, median', value: median(latencies), unit: 'ms', goal: 'reported', met: true },
    { name: 'detection latency, DOM change to event stored, p95', value: p95, unit: 'ms', goal: '< 250 ms', met: p95 < 250 },
  ];
}
