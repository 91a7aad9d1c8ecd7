/**
 * `npm run bench`: every benchmark, each figure printed against its goal, results in bench/results/.
 * Run on an otherwise idle machine; BENCHMARKS.md records the numbers with the machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { bundleSizes } from '../test/e2e/harness/bundles';
import { EXTENSION_DIRS } from '../test/e2e/harness/paths';
import { detectionLatency } from './detection-latency';
import { ledgerScale } from './ledger-scale';
import { pageOverhead } from './page-overhead';
import { writeCost } from './write-cost';
import { printFigures, type Figure } from './stats';

const results: Record<string, Figure[]> = {};
const section = async (title: string, run: () => Promise<Figure[]>) => {
  results[title] = await run();
  printFigures(title, results[title]!);
};

// The ledger and report benchmarks in Node (fake-indexeddb) print their own figures and goals.
console.log('Ledger and reports in fake-indexeddb (Node)');
execFileSync('npx', ['vitest', 'run', '--config', 'bench/vitest.config.ts', '--reporter', 'dot'], { stdio: 'inherit' });

await section('Bundle sizes (gzip, Chrome build; the Firefox build is the same code)', async () =>
  bundleSizes(EXTENSION_DIRS.chromium).map((b) => ({ name: b.name, value: b.kb, unit: 'KB', goal: `≤ ${b.budgetKb} KB`, met: b.kb <= b.budgetKb })),
);
await section('Detection latency (real Chromium)', () => detectionLatency());
await section('Ledger at scale (real Chromium)', () => ledgerScale());
await section('A write against the ledger\'s size and a crafted file (real Chromium)', () => writeCost());
await section('Page overhead (real Chromium, with vs without the extension)', () => pageOverhead());

mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/browser.json',
  JSON.stringify({ at: new Date().toISOString(), machine: `${cpus().length}× ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB`, results }, null, 2),
);
const missed = Object.values(results).flat().filter((f) => !f.met);
console.log(missed.length === 0 ? '\nEvery goal met.' : `\n${missed.length} goal(s) missed.`);
