/**
 * The ledger store in fake-indexeddb (`npx vitest run --config bench/vitest.config.ts`): what the
 * popup's summary costs as the ledger grows, and what a bulk append of 100k events costs.
 * Ledgers from bench/seed.ts. Goals: the summary at 100k events within 1.5× its time at 1k;
 * 100k events appended in one `appendAll` within 5 s. Not a timed test: a missed goal is printed,
 * not failed; what fails is a summary that differs from a full recomputation.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect, it } from 'vitest';
import { appendAll, effectiveEvents, LedgerDb, loadSummaryInputs, record, SUMMARY_KINDS } from '../lib/ledger';
import { popupSummary } from '../lib/summary';
import { seedLedger, SEED_ACCOUNTS } from './seed';
import { median, printFigures, type Figure } from './stats';

const SIZES = [1_000, 10_000, 100_000];
const RUNS = Number(process.env.LL_BENCH_RUNS ?? 21);
const TZ = 'Europe/Berlin';

const elapsed = async (fn: () => Promise<unknown>) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};
/** This process's CPU time, which other load on the machine disturbs far less than the clock. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

it('ledger store: popup summary and bulk append', async () => {
  const figures: Figure[] = [];
  const summaryMs = new Map<number, number>();
  const details: Record<string, unknown>[] = [];

  for (const size of SIZES) {
    const events = seedLedger(size);
    const now = events.at(-1)!.recordedAt;
    const db = new LedgerDb(`bench-${size}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    const cpuBefore = cpuMs();
    const appendMs = await elapsed(() => appendAll(db, events));
    const appendCpuMs = cpuMs() - cpuBefore;
    if (size === 100_000) {
      figures.push({ name: 'appendAll of 100k events', value: appendMs, unit: 'ms', goal: '≤ 5000 ms', met: appendMs <= 5000 });
      figures.push({ name: 'appendAll of 100k events, CPU time', value: appendCpuMs, unit: 'ms', goal: 'reported', met: true });
    }

    const summary = async () => popupSummary(await loadSummaryInputs(db), { now, timeZone: TZ });
    for (let i = 0; i < 3; i++) await summary();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await elapsed(summary));
    summaryMs.set(size, median(times));
    figures.push({ name: `summary (load + derive) at ${size / 1000}k events, median of ${RUNS}`, value: median(times), unit: 'ms', goal: 'reported', met: true });

    // What the popup read, against what a full recomputation reads: it must show the same.
    const inputs = await loadSummaryInputs(db);
    const live = effectiveEvents(await db.events.toArray());
    const full = { events: live.filter((e) => SUMMARY_KINDS.includes(e.kind)), latest: [...live].sort((a, b) => b.occurredAt - a.occurredAt).slice(0, 10) };
    expect(popupSummary(inputs, { now, timeZone: TZ })).toEqual(popupSummary(full, { now, timeZone: TZ }));
    figures.push({ name: `events the summary reads at ${size / 1000}k (of ${full.events.length} of its kinds)`, value: inputs.events.length, unit: 'events', goal: 'reported', met: true });

    // One grant recorded by hand: its account's row is rebuilt from that account's summary-kind events.
    const recordTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      recordTimes.push(
        await elapsed(() =>
          record(db, { kind: 'access-granted', details: { person: `newcomer${i}` }, occurredAt: now + i, account: SEED_ACCOUNTS[0]!, source: 'manual', evidence: {} }, now + i),
        ),
      );
    }
    figures.push({ name: `record one grant at ${size / 1000}k, median of 7`, value: median(recordTimes), unit: 'ms', goal: 'reported', met: true });
    details.push({ size, appendMs, appendCpuMs, summaryRuns: times, summaryEvents: inputs.events.length, summaryKindEvents: full.events.length, recordRuns: recordTimes });
    db.close();
  }

  const ratio = summaryMs.get(100_000)! / summaryMs.get(1_000)!;
  figures.push({ name: 'summary at 100k ÷ summary at 1k', value: ratio, unit: '×', goal: '≤ 1.5×', met: ratio <= 1.5 });
  printFigures(`Ledger store (fake-indexeddb in Node; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`, figures);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/ledger-fake-idb.json',
    JSON.stringify(
      { at: new Date().toISOString(), machine: `${cpus().length}× ${cpus()[0]?.model}, ${Math.round(totalmem() / 2 ** 30)} GiB`, loadAverage: loadavg(), node: process.version, figures, details },
      null,
      2,
    ),
  );
});
