/**
 * Export: the ledger, read in chunks, as one JSON report. The text is laid out for people as
 * well as programs: the envelope indented, one event per line.
 */
import type { LedgerEvent } from '../ledger/events';
import { userTimeZone } from '../i18n/format';
import type { LedgerDb } from '../ledger/ledger';
import { chainEnd, readChain } from '../ledger/ledger-fingerprint';
import { draftReport, type ReportOptions } from './build';
import { CHUNK, nextTask, type OnProgress } from './progress';
import type { Report } from './schema';

/** Events read per transaction. */
const READ_CHUNK = 5000;

/**
 * Every event, read a chunk at a time in order of id, yielding between chunks. The ledger is
 * append-only, so an event recorded meanwhile is either in the export or not, never half.
 */
export async function readLedger(db: LedgerDb, onProgress?: OnProgress): Promise<LedgerEvent[]> {
  const total = (await chainEnd(db)).seq;
  const events: LedgerEvent[] = [];
  let last: string | undefined;
  for (;;) {
    const chunk = await (last === undefined ? db.events.orderBy(':id') : db.events.where(':id').above(last)).limit(READ_CHUNK).toArray();
    events.push(...chunk);
    onProgress?.({ phase: 'reading-ledger', done: events.length, total: Math.max(total, events.length) });
    if (chunk.length < READ_CHUNK) return events;
    last = chunk[chunk.length - 1]!.id;
    await nextTask();
  }
}

/** The report as text: JSON with the envelope indented and each event on a line of its own. */
export async function reportText(report: Report, onProgress?: OnProgress): Promise<string> {
  return (await writeReport(report, (e) => JSON.stringify(e), onProgress)).join('');
}

/**
 * Writes a report whose events are each written by `line`, as the pieces of its text in order.
 * Lines are joined a chunk at a time, so what stays alive across the yields is a few long strings
 * rather than one per event. The pieces are not joined into one: a Blob takes them as they are,
 * and one 45 MB string would be copied once more to be flattened, at twice the size if a single
 * character of the envelope (the "…" in a law's name) is outside Latin-1.
 */
async function writeReport<T>(report: Omit<Report, 'events'> & { events: readonly T[] }, line: (e: T) => string, onProgress?: OnProgress): Promise<string[]> {
  const chunks: string[] = [];
  const { events } = report;
  for (let start = 0; start < events.length; start += CHUNK) {
    chunks.push(events.slice(start, start + CHUNK).map(line).join(EVENT_SEPARATOR));
    onProgress?.({ phase: 'writing-report', done: Math.min(events.length, start + CHUNK), total: events.length });
    await nextTask();
  }
  const pieces = ['{\n'];
  Object.entries(report).forEach(([key, value], i) => {
    pieces.push(`${i ? ',\n' : ''}  ${JSON.stringify(key)}: `);
    if (key !== 'events') pieces.push(JSON.stringify(value, null, 2).replaceAll('\n', '\n  '));
    else if (!chunks.length) pieces.push('[]');
    else pieces.push('[\n    ', ...chunks.flatMap((chunk, k) => (k ? [EVENT_SEPARATOR, chunk] : [chunk])), '\n  ]');
  });
  pieces.push('\n}\n');
  return pieces;
}

const EVENT_SEPARATOR = ',\n    ';

export interface ExportedReport {
  /** A name for the download: likeness-ledger-report-2025-10-03.json */
  fileName: string;
  /** The report's JSON text, as a file. */
  file: Blob;
  eventCount: number;
}

export type ExportOptions = Omit<ReportOptions, 'now' | 'timeZone'> & Partial<Pick<ReportOptions, 'now' | 'timeZone'>>;

/** The report of events already read (the dashboard holds the whole ledger), as a file. */
export async function exportEvents(events: readonly LedgerEvent[], options: ExportOptions, onProgress?: OnProgress): Promise<ExportedReport> {
  const { report, formOf } = await draftReport(events, { ...options, now: options.now ?? Date.now(), timeZone: options.timeZone ?? userTimeZone() });
  // Each event is put in the report's form and written at once: the copy is garbage straight away.
  const pieces = await writeReport(report, (e) => JSON.stringify(formOf(e)), onProgress);
  const day = report.createdAt.slice(0, 10);
  return {
    fileName: `likeness-ledger-report-${day}${report.redacted ? '-redacted' : ''}.json`,
    file: new Blob(pieces, { type: 'application/json' }),
    eventCount: report.events.length,
  };
}

export async function exportReport(db: LedgerDb, options: ExportOptions, onProgress?: OnProgress): Promise<ExportedReport> {
  const events = await readLedger(db, onProgress);
  // Read after the events: links of events recorded meanwhile are cut off by the report (build.ts).
  return exportEvents(events, { ...options, chain: options.chain ?? (await readChain(db)) }, onProgress);
}
