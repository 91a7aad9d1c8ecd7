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
 *
 * Here: what an import answers, and the write itself. The checks a file passes before anything is
 * written are in file-check.ts; the comparison with the ledger (what is new, held, in conflict, or
 * acting on its entries) is in merge-plan.ts.
 */
import { errorMessage } from '../i18n/error-message';
import type { Imported, LedgerEvent } from '../ledger/events';
import { userTimeZone } from '../i18n/format';
import { appendChecked, type LedgerDb } from '../ledger/ledger';
import { checkReportChain } from './chain-check';
import { checkEvents, MAX_REPORT_BYTES, sizeOf } from './file-check';
import { isoFormatter } from './iso-time';
import { t } from '../i18n/i18n';
import { IssueList, issuesFrom, type ReportIssue } from './issues';
import { plan } from './merge-plan';
import type { OnProgress } from './progress';
import { REPORT_VERSION, ReportEnvelope } from './schema';
import { upgrade, versionOf } from './upgrade';

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

const refuse = (problem: ImportProblem): ImportResult => ({ ok: false, problem });

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
