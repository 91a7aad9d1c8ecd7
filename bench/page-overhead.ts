/**
 * What the extension costs the pages it watches: the same single-page-app workload (a feed
 * rendering and replacing thousands of nodes, dialogs opening and closing) in real Chromium with
 * the extension and without it, alternating runs in one process, per surface and on a page of
 * another host. Goals: ≤ 1.05× on watched pages, ≤ 1.01× elsewhere.
 */
import { chromium, type BrowserContext } from 'playwright-core';
import { startFixtureServer } from '../test/e2e/fixture-server';
import { chromiumArgs } from '../test/e2e/harness/browser';
import { BROWSER_BINARIES, EXTENSION_DIRS } from '../test/e2e/harness/paths';
import { median, type Figure } from './stats';

const HOSTS = [
  { host: 'sora.chatgpt.com', watched: true },
  { host: 'chatgpt.com', watched: true },
  { host: 'privacy.openai.com', watched: true },
  { host: 'platform.openai.com', watched: true },
  { host: 'example.org', watched: false },
];

interface Run {
  elapsed: number;
  longTasks: number;
  longTaskTime: number;
}

async function runWorkload(context: BrowserContext, url: string): Promise<Run> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'done', undefined, { timeout: 120_000 });
  const result = (await page.evaluate(() => (window as unknown as { __workload: Run }).__workload)) as Run;
  await page.close();
  return result;
}

export async function pageOverhead(runs = Number(process.env.LL_BENCH_RUNS ?? 7)): Promise<Figure[]> {
  const server = await startFixtureServer();
  const launch = (extensionDir?: string) =>
    chromium.launchPersistentContext('', { executablePath: BROWSER_BINARIES.chromium, headless: true, args: chromiumArgs(server.port, extensionDir) });
  const withExt = await launch(EXTENSION_DIRS.chromium);
  const without = await launch();
  const figures: Figure[] = [];
  try {
    for (const { host, watched } of HOSTS) {
      const url = `https://${host}/__shared/workload.html`;
      // One warm-up each, then alternate so that drift in the machine's load hits both sides alike.
      await runWorkload(withExt, url);
      await runWorkload(without, url);
      const a: Run[] = [];
      const b: Run[] = [];
      for (let i = 0; i < runs; i++) {
        a.push(await runWorkload(withExt, url));
        b.push(await runWorkload(without, url));
      }
      const ratio = median(a.map((r) => r.elapsed)) / median(b.map((r) => r.elapsed));
      const goal = watched ? 1.05 : 1.01;
      figures.push({ name: `page overhead ${host}${watched ? '' : ' (not watched)'}`, value: ratio, unit: '×', goal: `≤ ${goal}×`, met: ratio <= goal });
      const longA = median(a.map((r) => r.longTasks));
      const longB = median(b.map((r) => r.longTasks));
      figures.push({ name: `main-thread long tasks ${host}, with the extension (without: ${longB})`, value: longA, unit: 'long tasks', goal: 'reported', met: true });
    }
  } finally {
    await withExt.close();
    await without.close();
    await server.close();
  }
  return figures;
}
