/**
 * Import: a report file back into the ledger, without ever losing or half-writing anything.
 *
 * Everything is checked before anything is written: the size before the file is read, the
 * syntax, the version, then every field of every event. The write is one transaction: all of
 * the report's new events, or none. Events merge by id: one the ledger already holds, identical,
 * is skipped (importing a report twice adds nothing); one it holds in a different version is a
 * conflict, shown to the user and never settled silently. The ledger never changes an event in
 * place, so a conflict is settled only by keeping the ledger's version, once the user has seen it.
 */
import type { LedgerEvent } from '../events';
import { userTimeZone } from '../format';
import { appendChecked, type LedgerDb } from '../ledger';
import { fromReportEvent, toReportEvent } from './event-form';
import { isoFormatter } from './iso-time';
import { IssueList, issuesFrom, type ReportIssue } from './issues';
import { CHUNK, nextTask, type OnProgress } from './progress';
import { REPORT_VERSION, ReportEnvelope, ReportEvent } from './schema';
import { upgrade, versionOf } from './upgrade';

/** Far above a ledger of 100k events (about 40 MB); a larger file is refused before it is read. */
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

export interface FieldDifference {
  /** The field, as a path in the event: details.person */
  field: string;
  inLedger?: string;
  inReport?: string;
}

export interface Conflict {
  id: string;
  kind: LedgerEvent['kind'];
  differences: FieldDifference[];
}

export type ImportProblem =
  | { kind: 'too-large'; bytes: number; limit: number }
  | { kind: 'not-json'; message: string }
  | { kind: 'not-a-report' }
  | { kind: 'newer-version'; version: number; supported: number; madeBy?: string }
  | { kind: 'invalid'; issues: ReportIssue[]; more: number }
  | { kind: 'redacted' }
  | { kind: 'conflicts'; conflicts: Conflict[] }
  /** The browser refused the write (out of space, say): the transaction was undone, nothing was written. */
  | { kind: 'write-failed'; message: string };

export type ImportResult =
  | {
      ok: true;
      /** Events new to the ledger, now written. */
      added: number;
      /** Events the ledger already held, identical. */
      unchanged: number;
      /** Conflicts the user settled by keeping the ledger's version. */
      keptOwn: number;
      /** The file's version, when it was older and upgraded. */
      upgradedFrom?: number;
    }
  | { ok: false; problem: ImportProblem };

export interface ImportOptions {
  /** Ids of conflicts the user has seen and settled: the ledger keeps its version of these. */
  keepOwn?: ReadonlySet<string>;
  /** For upgrading a version 0 file. */
  now?: number;
  timeZone?: string;
}

/** UTF-8 size of a text without encoding it. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function sizeOf(input: string | Blob): number {
  if (typeof input !== 'string') return input.size;
  // Every UTF-16 unit is at least one byte: a text this long is too large without counting.
  return input.length > MAX_REPORT_BYTES ? input.length : utf8Bytes(input);
}

/** JSON with keys in order and absent fields left out: two versions of an event compare as text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function leaves(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (v !== undefined) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, typeof value === 'string' ? value : JSON.stringify(value));
  return out;
}

/** The fields in which two versions of an event differ, instants shown in the user's zone. */
function differences(own: LedgerEvent, theirs: LedgerEvent, iso: (ms: number) => string): FieldDifference[] {
  const shown = (e: LedgerEvent) => leaves(toReportEvent(e, iso));
  const a = shown(own);
  const b = shown(theirs);
  const fields = [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
  return fields.map((field) => ({
    field,
    ...(a.has(field) ? { inLedger: a.get(field) } : {}),
    ...(b.has(field) ? { inReport: b.get(field) } : {}),
  }));
}

const refuse = (problem: ImportProblem): ImportResult => ({ ok: false, problem });

/** Checks the report's events one chunk at a time; returns them as ledger events, or what is wrong. */
async function checkEvents(items: readonly unknown[], onProgress?: OnProgress): Promise<{ events: LedgerEvent[] } | { issues: IssueList }> {
  const issues = new IssueList();
  const events: LedgerEvent[] = [];
  const firstAt = new Map<string, number>();
  for (let start = 0; start < items.length; start += CHUNK) {
    const end = Math.min(items.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const parsed = ReportEvent.safeParse(items[i]);
      if (!parsed.success) {
        issues.add(issuesFrom(parsed.error, items[i], ['events', i]));
        continue;
      }
      const e = parsed.data;
      const earlier = firstAt.get(e.id);
      if (earlier !== undefined) issues.add([{ path: `events[${i}].id`, message: `the id ${e.id} is also used by events[${earlier}]: each event appears once` }]);
      else firstAt.set(e.id, i);
      events.push(fromReportEvent(e));
    }
    onProgress?.({ phase: 'checking', done: end, total: items.length });
    await nextTask();
  }
  return issues.empty ? { events } : { issues };
}

type WriteOutcome = { ok: true; added: number; unchanged: number; keptOwn: number } | { ok: false; conflicts: Conflict[] };

/** Events per call to the ledger's `appendChecked`: each call brings the popup's summary up to date once. */
const WRITE_CHUNK = 10_000;

/** Compares with the ledger and writes what is new, in one transaction. */
function merge(db: LedgerDb, events: readonly LedgerEvent[], keepOwn: ReadonlySet<string>, iso: (ms: number) => string, onProgress?: OnProgress): Promise<WriteOutcome> {
  // One transaction over every table the ledger keeps: the comparison and all writes stand or
  // fall together, and the ledger's own appendChecked (which keeps its summary current) joins it.
  // No yielding inside: an IndexedDB transaction ends once a task passes without a request.
  // The requests themselves hand the event loop back, so the page still renders between chunks.
  return db.transaction('rw', db.tables, async (): Promise<WriteOutcome> => {
    const fresh: LedgerEvent[] = [];
    const conflicts: Conflict[] = [];
    let unchanged = 0;
    let keptOwn = 0;
    for (let start = 0; start < events.length; start += CHUNK) {
      const chunk = events.slice(start, start + CHUNK);
      // One cursor over the ids rather than a request per id: into a ledger that holds none of
      // them (the usual import), it finds nothing at once.
      const held = new Map((await db.events.where(':id').anyOf(chunk.map((e) => e.id)).toArray()).map((e) => [e.id, e]));
      chunk.forEach((e) => {
        const own = held.get(e.id);
        if (!own) fresh.push(e);
        else if (canonical(own) === canonical(e)) unchanged++;
        else if (keepOwn.has(e.id)) keptOwn++;
        else conflicts.push({ id: e.id, kind: own.kind, differences: differences(own, e, iso) });
      });
      onProgress?.({ phase: 'comparing', done: start + chunk.length, total: events.length });
    }
    if (conflicts.length) return { ok: false, conflicts };
    for (let start = 0; start < fresh.length; start += WRITE_CHUNK) {
      await appendChecked(db, fresh.slice(start, start + WRITE_CHUNK));
      onProgress?.({ phase: 'writing-ledger', done: Math.min(fresh.length, start + WRITE_CHUNK), total: fresh.length });
    }
    return { ok: true, added: fresh.length, unchanged, keptOwn };
  });
}

// Dexie appends the inner error's text on further lines; the first line says it.
const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error));

/** Imports a report file (its text, or the file itself). Whatever the input, the ledger is either unchanged or has every new event. */
export async function importReport(db: LedgerDb, input: string | Blob, onProgress?: OnProgress, options: ImportOptions = {}): Promise<ImportResult> {
  const bytes = sizeOf(input);
  if (bytes > MAX_REPORT_BYTES) return refuse({ kind: 'too-large', bytes, limit: MAX_REPORT_BYTES });

  let json: unknown;
  try {
    json = JSON.parse(typeof input === 'string' ? input : await input.text());
  } catch (error) {
    return refuse({ kind: 'not-json', message: error instanceof Error ? error.message : String(error) });
  }

  const version = versionOf(json);
  if (version.kind === 'not-a-report') return refuse({ kind: 'not-a-report' });
  if (version.kind === 'unreadable') {
    return refuse({ kind: 'invalid', issues: [{ path: 'version', message: 'expected the report format version, a whole number' }], more: 0 });
  }
  if (version.version > REPORT_VERSION) {
    const madeBy = (json as { createdBy?: { version?: unknown } }).createdBy?.version;
    return refuse({ kind: 'newer-version', version: version.version, supported: REPORT_VERSION, ...(typeof madeBy === 'string' ? { madeBy } : {}) });
  }

  const timeZone = options.timeZone ?? userTimeZone();
  const upgraded = await upgrade(json, version.version, { now: options.now ?? Date.now(), timeZone, ...(onProgress ? { onProgress } : {}) });
  if (!upgraded.ok) return refuse({ kind: 'invalid', issues: upgraded.issues, more: upgraded.more });

  const envelope = ReportEnvelope.safeParse(upgraded.doc);
  if (!envelope.success) {
    const issues = new IssueList();
    issues.add(issuesFrom(envelope.error, upgraded.doc));
    return refuse({ kind: 'invalid', issues: issues.items, more: issues.more });
  }
  if (envelope.data.redacted) return refuse({ kind: 'redacted' });

  const checked = await checkEvents(envelope.data.events, onProgress);
  if ('issues' in checked) return refuse({ kind: 'invalid', issues: checked.issues.items, more: checked.issues.more });

  try {
    const outcome = await merge(db, checked.events, options.keepOwn ?? new Set(), isoFormatter(timeZone), onProgress);
    if (!outcome.ok) return refuse({ kind: 'conflicts', conflicts: outcome.conflicts });
    return { ...outcome, ...(version.version < REPORT_VERSION ? { upgradedFrom: version.version } : {}) };
  } catch (error) {
    return refuse({ kind: 'write-failed', message: errorText(error) });
  }
}
