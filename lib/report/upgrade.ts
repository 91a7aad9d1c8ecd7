/**
 * Older report versions, brought up to the current one before import.
 *
 * Each version that came before has one step to the next; import runs the steps from the file's
 * version up. A step checks the file in its own version's shape (so an error names a path in the
 * file as it is) and returns the next version's document, which the next step, or import's own
 * check of the current version, checks again.
 *
 * Version 0 is the ledger as stored, with no envelope: a JSON array of events with epoch
 * millisecond dates, as a dump of the extension's IndexedDB store (devtools, the test harness's
 * `ledger()`) gives it. Version 1 is this extension's report before fingerprints; version 2 adds
 * the ledger's fingerprint chain (schema.ts), which an older file cannot have: its chain is null.
 */
import { LedgerEvent } from '../ledger/events';
import { buildReport } from './build';
import { t } from '../i18n/i18n';
import { IssueList, issuesFrom, type ReportIssue } from './issues';
import { CHUNK, nextTask, type OnProgress } from './progress';
import { REPORT_FORMAT, REPORT_VERSION } from './schema';

export interface UpgradeContext {
  now: number;
  timeZone: string;
  onProgress?: OnProgress;
}

export type StepResult = { ok: true; doc: unknown } | { ok: false; issues: ReportIssue[]; more: number };

async function fromVersion0(doc: unknown, context: UpgradeContext): Promise<StepResult> {
  // Only a bare list is a version 0 file; a report that says "version": 0 is not one.
  if (!Array.isArray(doc)) return { ok: false, issues: [{ path: 'version', message: t('issueVersionZeroNotList') }], more: 0 };
  const items: unknown[] = doc;
  const events: LedgerEvent[] = [];
  const issues = new IssueList();
  for (let start = 0; start < items.length; start += CHUNK) {
    items.slice(start, start + CHUNK).forEach((item, offset) => {
      const parsed = LedgerEvent.safeParse(item);
      if (parsed.success) events.push(parsed.data as LedgerEvent);
      else issues.add(issuesFrom(parsed.error, item, [start + offset]));
    });
    context.onProgress?.({ phase: 'checking', done: Math.min(items.length, start + CHUNK), total: items.length });
    await nextTask();
  }
  if (!issues.empty) return { ok: false, issues: issues.items, more: issues.more };
  // The builder writes the current version; what a version 1 report lacked is taken out again, so the later steps run as for any version 1 file.
  const { chain: _none, ...doc1 } = await buildReport(events, {
    scope: { kind: 'all' },
    redact: false,
    extensionVersion: 'unknown',
    now: context.now,
    timeZone: context.timeZone,
  });
  return { ok: true, doc: { ...doc1, version: 1 } };
}

/** A version 1 report had no fingerprint: its chain is null. */
async function fromVersion1(doc: unknown): Promise<StepResult> {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { ok: false, issues: [{ path: '(file)', message: t('issueExpectedReport') }], more: 0 };
  if ('chain' in doc) return { ok: false, issues: [{ path: 'chain', message: t('issueVersionOneChain') }], more: 0 };
  return { ok: true, doc: { ...doc, version: 2, chain: null } };
}

/** The step from each older version to the next. */
export const UPGRADES: Record<number, (doc: unknown, context: UpgradeContext) => Promise<StepResult>> = {
  0: fromVersion0,
  1: fromVersion1,
};

export type Version =
  | { kind: 'known'; version: number }
  | { kind: 'not-a-report' }
  /** The format is ours but the version is not a number. */
  | { kind: 'unreadable' };

/** Which version a parsed file is in. */
export function versionOf(json: unknown): Version {
  // A list is a version 0 dump only if it holds something shaped like an event: any other list is no report.
  if (Array.isArray(json)) return json.some(looksLikeEvent) ? { kind: 'known', version: 0 } : { kind: 'not-a-report' };
  if (json === null || typeof json !== 'object' || (json as { format?: unknown }).format !== REPORT_FORMAT) return { kind: 'not-a-report' };
  const { version } = json as { version?: unknown };
  return Number.isInteger(version) ? { kind: 'known', version: version as number } : { kind: 'unreadable' };
}

const looksLikeEvent = (item: unknown) => item !== null && typeof item === 'object' && 'id' in item && 'kind' in item;

/** Runs the steps from `version` to the current one. */
export async function upgrade(doc: unknown, version: number, context: UpgradeContext): Promise<StepResult> {
  let current = doc;
  for (let v = version; v < REPORT_VERSION; v++) {
    const step = UPGRADES[v];
    if (!step) return { ok: false, issues: [{ path: 'version', message: t('issueVersionUnknown', String(v)) }], more: 0 };
    const result = await step(current, context);
    if (!result.ok) return result;
    current = result.doc;
  }
  return { ok: true, doc: current };
}
