/**
 * Import: a report file back into the ledger, without ever losing or half-writing anything.
 *
 * Everything is checked before anything is written: the size before the file is read, the
 * syntax, the version, then every field of every event. The write is one transaction: all of
 * the report's new events, or none. Events merge by id: one the ledger already holds, identical,
 * is skipped (importing a report twice adds nothing); one it holds in a different version is a
 * conflict, shown to the user and never settled silently. The ledger never changes an event in
 * place, so a conflict is settled only by keeping the ledger's version, once the user has seen it.
 *
 * A file can also hold events that act on entries already in the ledger: an edit that replaces
 * one, a removal, a verification that closes a window (every id is in every report, so a file can
 * aim at anyone's entries). Those are listed (`changes`) and written only when the user, having
 * seen the list, asks for them (`applyChanges`); by default they are left out and the ledger's
 * entries stay as they are. Every event written is marked with the file it came from, and its key
 * must be the one the ledger would derive (a forged key would swallow later real observations).
 * The file's fingerprint chain is checked; a broken one is refused unless the user keeps the
 * events as unverified.
 */
import { errorMessage } from '../i18n/error-message';
import type { Imported, LedgerEvent, NewEvent } from '../ledger/events';
import { factKey } from '../ledger/fact-key';
import { canonicalJson } from '../ledger/fingerprint';
import { userTimeZone } from '../i18n/format';
import { appendChecked, type LedgerDb } from '../ledger/ledger';
import { checkReportChain } from './chain-check';
import { fromReportEvent, toReportEvent } from './event-form';
import { isoFormatter } from './iso-time';
import { t } from '../i18n/i18n';
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
  /** The file's fingerprint chain does not hold: its events were changed after its ledger recorded them. */
  | { kind: 'chain-broken'; issues: ReportIssue[]; more: number }
  /** Anything else that went wrong: said, never thrown at the page. */
  | { kind: 'failed'; message: string }
  /** The browser refused the write (out of space, say): the transaction was undone, nothing was written. */
  | { kind: 'write-failed'; message: string };

/** What an event in the file would do to an entry already in the ledger. */
export type ChangeHow = 'replaces' | 'removes' | 'reviews' | 'closes' | 'answers' | 'follows-up' | 'notes';

export interface ChangeToExisting {
  /** The file's event. */
  event: LedgerEvent;
  how: ChangeHow;
  /** The ledger's entry it acts on. */
  target: LedgerEvent;
}

export type ImportResult =
  | {
      ok: true;
      /** Whether anything was written: false for a preview. */
      written: boolean;
      /** Events new to the ledger, written (or, in a preview, to be written) without those in `changes` unless applied. */
      added: number;
      /** Events the ledger already held, identical. */
      unchanged: number;
      /** Conflicts the user settled by keeping the ledger's version. */
      keptOwn: number;
      /** The file's events that act on entries already in the ledger. */
      changes: ChangeToExisting[];
      /** Whether `changes` were written (the user confirmed them) or left out. */
      changesApplied: boolean;
      /** The file's fingerprint: checked, broken but kept on the user's word, or absent (an older file). */
      fingerprint: Imported['fingerprint'];
      /** The file's version, when it was older and upgraded. */
      upgradedFrom?: number;
    }
  | { ok: false; problem: ImportProblem };

export interface ImportOptions {
  /** Ids of conflicts the user has seen and settled: the ledger keeps its version of these. */
  keepOwn?: ReadonlySet<string>;
  /** Write the events that act on entries already in the ledger too: only once the user has seen them listed. */
  applyChanges?: boolean;
  /** Import a file whose fingerprint chain is broken, its events marked unverified. */
  acceptUnverified?: boolean;
  /** Check and compare only, write nothing: what the import would do. */
  preview?: boolean;
  /** The file's name, kept in each imported event's mark. */
  fileName?: string;
  /** The import's time (the mark's), and for upgrading a version 0 file. */
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

/** Two versions of an event compare as canonical text; which file brought an event does not make it another. */
const comparable = (e: LedgerEvent) => canonicalJson({ ...e, imported: undefined });

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

/**
 * Whether an event's key is one the ledger would have given it: derived from the fact
 * (lib/ledger/fact-key.ts), or, for an entry typed by hand, `manual|` and an entry's id (an edit keeps the
 * key of what it edits). Any other key could make a later real observation count as a duplicate.
 */
function keyProblem(e: LedgerEvent): string | null {
  const derived = factKey(e as NewEvent);
  if (e.key === derived) return null;
  if (e.source === 'manual' && /^manual\|[A-Za-z0-9_-]{8,64}$/.test(e.key)) return null;
  return t('issueKeyMismatch', JSON.stringify(derived));
}

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
      if (earlier !== undefined) issues.add([{ path: `events[${i}].id`, message: t('issueDuplicateId', e.id, `events[${earlier}]`) }]);
      else firstAt.set(e.id, i);
      const event = fromReportEvent(e);
      const key = keyProblem(event);
      if (key) issues.add([{ path: `events[${i}].key`, message: key }]);
      events.push(event);
    }
    onProgress?.({ phase: 'checking', done: end, total: items.length });
    await nextTask();
  }
  return issues.empty ? { events } : { issues };
}

/** The entries an event refers to, and what it does to each. */
function targetsOf(e: LedgerEvent): { id: string; how: ChangeHow }[] {
  const targets: { id: string; how: ChangeHow }[] = e.supersedes ? [{ id: e.supersedes, how: 'replaces' }] : [];
  switch (e.kind) {
    case 'entry-removed':
      return [...targets, { id: e.details.target, how: 'removes' }];
    case 'observation-reviewed':
      return [...targets, { id: e.details.target, how: 'reviews' }];
    case 'purge-verified':
      return [...targets, { id: e.details.window, how: 'closes' }];
    case 'privacy-answer-received':
      return [...targets, { id: e.details.request, how: 'answers' }];
    case 'follow-up-sent':
      return [...targets, { id: e.details.window, how: 'follows-up' }];
    case 'takedown-outcome':
      // "Gone" or "refused" closes a takedown's window: a file may not do that to one of ours unasked.
      return [...targets, { id: e.details.request, how: 'closes' }];
    case 'note':
      return e.details.about ? [...targets, { id: e.details.about, how: 'notes' }] : targets;
    default:
      return targets;
  }
}

interface Plan {
  fresh: LedgerEvent[];
  unchanged: number;
  keptOwn: number;
  conflicts: Conflict[];
  changes: ChangeToExisting[];
}

/** Compares the file's events with the ledger: which are new, which the ledger holds, which differ, and which act on its entries. */
async function plan(db: LedgerDb, events: readonly LedgerEvent[], keepOwn: ReadonlySet<string>, iso: (ms: number) => string, onProgress?: OnProgress): Promise<Plan> {
  const found: Plan = { fresh: [], unchanged: 0, keptOwn: 0, conflicts: [], changes: [] };
  for (let start = 0; start < events.length; start += CHUNK) {
    const chunk = events.slice(start, start + CHUNK);
    // One cursor over the ids rather than a request per id: into a ledger that holds none of
    // them (the usual import), it finds nothing at once.
    const held = new Map((await db.events.where(':id').anyOf(chunk.map((e) => e.id)).toArray()).map((e) => [e.id, e]));
    chunk.forEach((e) => {
      const own = held.get(e.id);
      if (!own) found.fresh.push(e);
      else if (comparable(own) === comparable(e)) found.unchanged++;
      else if (keepOwn.has(e.id)) found.keptOwn++;
      else found.conflicts.push({ id: e.id, kind: own.kind, differences: differences(own, e, iso) });
    });
    onProgress?.({ phase: 'comparing', done: start + chunk.length, total: events.length });
  }
  const aims = found.fresh.flatMap((event) => targetsOf(event).map((t) => ({ event, ...t })));
  const targets = new Map((await db.events.where(':id').anyOf([...new Set(aims.map((a) => a.id))]).toArray()).map((e) => [e.id, e]));
  for (const { event, how, id } of aims) {
    const target = targets.get(id);
    if (target) found.changes.push({ event, how, target });
  }
  return found;
}

type WriteOutcome = { ok: true; added: number; unchanged: number; keptOwn: number; changes: ChangeToExisting[] } | { ok: false; conflicts: Conflict[] };

/** Events per call to the ledger's `appendChecked`: each call brings the popup's summary up to date once. */
const WRITE_CHUNK = 10_000;

interface MergeOptions {
  keepOwn: ReadonlySet<string>;
  applyChanges: boolean;
  preview: boolean;
  mark: Imported;
  iso: (ms: number) => string;
}

/** Compares with the ledger and writes what is new (in a preview, nothing), in one transaction. */
function merge(db: LedgerDb, events: readonly LedgerEvent[], options: MergeOptions, onProgress?: OnProgress): Promise<WriteOutcome> {
  // One transaction over every table the ledger keeps: the comparison and all writes stand or
  // fall together, and the ledger's own appendChecked (which keeps its summary current) joins it.
  // No yielding inside: an IndexedDB transaction ends once a task passes without a request.
  // The requests themselves hand the event loop back, so the page still renders between chunks.
  const scope = options.preview ? [db.events] : db.tables;
  return db.transaction(options.preview ? 'r' : 'rw', scope, async (): Promise<WriteOutcome> => {
    const { fresh, unchanged, keptOwn, conflicts, changes } = await plan(db, events, options.keepOwn, options.iso, onProgress);
    if (conflicts.length) return { ok: false, conflicts };
    const changing = new Set(changes.map((c) => c.event.id));
    const toWrite = options.applyChanges ? fresh : fresh.filter((e) => !changing.has(e.id));
    if (!options.preview) {
      for (let start = 0; start < toWrite.length; start += WRITE_CHUNK) {
        await appendChecked(db, toWrite.slice(start, start + WRITE_CHUNK).map((e) => ({ ...e, imported: options.mark }) as LedgerEvent));
        onProgress?.({ phase: 'writing-ledger', done: Math.min(toWrite.length, start + WRITE_CHUNK), total: toWrite.length });
      }
    }
    return { ok: true, added: toWrite.length, unchanged, keptOwn, changes };
  });
}

// Dexie appends the inner error's text on further lines; the first line says it.
const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error));

/**
 * Imports a report file (its text, or the file itself). Whatever the input, the ledger is either
 * unchanged or has every new event; nothing is thrown, every failure is a problem to show.
 * With `preview`, says what an import with the same options would write, and writes nothing.
 */
export async function importReport(db: LedgerDb, input: string | Blob, onProgress?: OnProgress, options: ImportOptions = {}): Promise<ImportResult> {
  try {
    return await importChecked(db, input, onProgress, options);
  } catch (error) {
    return refuse({ kind: 'failed', message: errorText(error) });
  }
}

/**
 * What importing the file with these options would do, writing nothing: the dashboard shows it
 * from its own (read-only) view of the ledger; the write itself is the background's.
 */
export function previewImport(db: LedgerDb, input: string | Blob, onProgress?: OnProgress, options: Omit<ImportOptions, 'preview'> = {}): Promise<ImportResult> {
  return importReport(db, input, onProgress, { ...options, preview: true });
}

async function importChecked(db: LedgerDb, input: string | Blob, onProgress: OnProgress | undefined, options: ImportOptions): Promise<ImportResult> {
  const bytes = sizeOf(input);
  if (bytes > MAX_REPORT_BYTES) return refuse({ kind: 'too-large', bytes, limit: MAX_REPORT_BYTES });

  let json: unknown;
  try {
    json = JSON.parse(typeof input === 'string' ? input : await input.text());
  } catch (error) {
    return refuse({ kind: 'not-json', message: errorMessage(error) });
  }

  const version = versionOf(json);
  if (version.kind === 'not-a-report') return refuse({ kind: 'not-a-report' });
  if (version.kind === 'unreadable') {
    return refuse({ kind: 'invalid', issues: [{ path: 'version', message: t('issueVersionNotNumber') }], more: 0 });
  }
  if (version.version > REPORT_VERSION) {
    const madeBy = (json as { createdBy?: { version?: unknown } }).createdBy?.version;
    return refuse({ kind: 'newer-version', version: version.version, supported: REPORT_VERSION, ...(typeof madeBy === 'string' ? { madeBy } : {}) });
  }

  const now = options.now ?? Date.now();
  const timeZone = options.timeZone ?? userTimeZone();
  const upgraded = await upgrade(json, version.version, { now, timeZone, ...(onProgress ? { onProgress } : {}) });
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

  const chain = await checkReportChain(envelope.data.chain, checked.events);
  if (chain.fingerprint === 'broken' && !options.acceptUnverified) return refuse({ kind: 'chain-broken', issues: chain.issues.items, more: chain.issues.more });
  const fingerprint = chain.fingerprint === 'broken' ? 'unverified' : chain.fingerprint;
  const mark: Imported = { file: (options.fileName ?? '').slice(0, 255) || 'report file', at: now, fingerprint };

  const applyChanges = options.applyChanges ?? false;
  const preview = options.preview ?? false;
  try {
    const outcome = await merge(db, checked.events, { keepOwn: options.keepOwn ?? new Set(), applyChanges, preview, mark, iso: isoFormatter(timeZone) }, onProgress);
    if (!outcome.ok) return refuse({ kind: 'conflicts', conflicts: outcome.conflicts });
    return { ...outcome, written: !preview, changesApplied: applyChanges && !preview, fingerprint, ...(version.version < REPORT_VERSION ? { upgradedFrom: version.version } : {}) };
  } catch (error) {
    return refuse({ kind: 'write-failed', message: errorText(error) });
  }
}
