/**
 * Export and import times at 1k, 10k and 100k events, in fake-indexeddb (Node). The goal
 * (100k exported in under 2 s) is for real Chromium, whose figure the lead adds; each figure here
 * is printed against it all the same, and all go to bench/results/report.json.
 * fake-indexeddb keeps its indexes in sorted arrays, so writing 100k events takes it minutes:
 * the import figures say more about it than about a browser.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { afterAll, expect, it } from 'vitest';
import { appendAll, eraseEverything } from '../lib/ledger/ledger';
import { exportReport } from '../lib/report/export';
import { MAX_REPORT_BYTES } from '../lib/report/file-check';
import { importReport } from '../lib/report/import';
import { freshDb } from '../test/unit/helpers/report-fixtures';
import { seedLedger } from './seed';
import { median, printFigures, type Figure } from './stats';

const TITLE = 'Reports: export and import (Node, fake-indexeddb)';
const EXPORT_GOAL_MS: Record<number, number> = { 100_000: 2000 };
/** Runs per size: one at 100k, where a run takes minutes. */
const RUNS: Record<number, number> = { 1_000: 5, 10_000: 3, 100_000: 1 };
const figures: Figure[] = [];

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

for (const size of [1_000, 10_000, 100_000]) {
  it(`exports and imports ${size.toLocaleString('en')} events`, { timeout: 60 * 60_000 }, async () => {
    const runs = RUNS[size]!;
    const db = freshDb();
    // The mix every benchmark uses (seed.ts).
    await appendAll(db, seedLedger(size));
    const options = { scope: { kind: 'all' }, redact: false, extensionVersion: 'bench', timeZone: 'Europe/Berlin' } as const;

    const exports: number[] = [];
    let text = '';
    for (let run = 0; run < runs; run++) {
      const { ms, value } = await timed(() => exportReport(db, options));
      expect(value.eventCount).toBe(size);
      exports.push(ms);
      text = await value.file.text();
    }
    // A report over the import's limit is refused before anything is read: there is no import to time.
    const bytes = new TextEncoder().encode(text).length;
    const fits = bytes <= MAX_REPORT_BYTES;
    const imports: number[] = [];
    for (let run = 0; fits && run < runs; run++) {
      await eraseEverything(db);
      const { ms, value } = await timed(() => importReport(db, text));
      expect(value).toMatchObject({ ok: true, added: size });
      imports.push(ms);
    }
    db.close();

    const label = size.toLocaleString('en');
    const exportMs = median(exports);
    const goal = EXPORT_GOAL_MS[size];
    const added: Figure[] = [
      { name: `export ${label} events (median of ${runs})`, value: exportMs, unit: 'ms', goal: goal ? `< ${goal} ms in real Chromium` : 'reported', met: goal ? exportMs < goal : true },
      ...(fits ? [{ name: `import ${label} events into an empty ledger (median of ${runs})`, value: median(imports), unit: 'ms', goal: 'reported', met: true }] : []),
      { name: `report file at ${label} events (with its fingerprint chain)`, value: bytes / 2 ** 20, unit: 'MiB', goal: '≤ 50 MiB (the import limit)', met: fits },
    ];
    printFigures(`${TITLE}, ${label} events`, added);
    figures.push(...added);
  });
}

afterAll(() => {
  printFigures(TITLE, figures);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/report.json',
    `${JSON.stringify({ at: new Date().toISOString(), machine: `${cpus().length}× ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB`, results: { [TITLE]: figures } }, null, 2)}\n`,
  );
});
