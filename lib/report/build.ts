/**
 * From ledger events to a report: which events a scope takes, what is derived from them, and
 * each instant written in the user's zone. Pure apart from yielding between chunks.
 */
import type { Account, LedgerEvent } from '../ledger/events';
import { GENESIS, type ChainLink } from '../ledger/fingerprint';
import { accountsOf, audienceNow, grantHistory, peopleWithAccess, usedAfterRevocation } from '../ledger/grants';
import { chronological, correctedBy, effectiveEvents, sameAccount } from '../ledger/relations';
import { LEGAL_DEADLINES, RETENTION_POLICIES } from '../facts/policies';
import { WINDOW_DEFAULTS } from '../deadlines/window-options';
import { computeWindows, type WindowOptions } from '../deadlines/windows';
import { toReportEvent } from './event-form';
import { isoFormatter } from './iso-time';
import { CHUNK, nextTask, type OnProgress } from './progress';
import { pseudonymsFor } from './redact';
import { REPORT_FORMAT, REPORT_VERSION, type Report, type ReportEvent } from './schema';

export type ReportScope =
  | { kind: 'all' }
  /** From `from` (inclusive) to `to` (exclusive), epoch ms. */
  | { kind: 'date-range'; from: number; to: number }
  | { kind: 'account'; account: Account };

export interface ReportOptions {
  scope: ReportScope;
  /** Replace other people's handles by pseudonyms, for sharing. */
  redact: boolean;
  /** The extension's version, from its manifest. */
  extensionVersion: string;
  now: number;
  /** IANA zone: the report's times are written in it and deadlines counted in it. */
  timeZone: string;
  /** The user's window settings, as the rest of the extension uses them. */
  windows?: Pick<WindowOptions, 'leadDays' | 'graceDays' | 'overrides'>;
  /** The ledger's fingerprint chain (lib/ledger/ledger-fingerprint.ts readChain), every link in order; without it the report has none. */
  chain?: readonly ChainLink[];
}

/**
 * The events a scope takes: those it selects, and every event that corrects one of them (an edit,
 * an edit of that edit, a removal), so that the part exported reads as the ledger does.
 */
export function eventsInScope(events: readonly LedgerEvent[], scope: ReportScope): LedgerEvent[] {
  if (scope.kind === 'all') return [...events];
  const selects = (e: LedgerEvent) =>
    scope.kind === 'account' ? sameAccount(e.account, scope.account) : e.occurredAt >= scope.from && e.occurredAt < scope.to;
  const corrections = new Map<string, LedgerEvent[]>();
  for (const e of events) {
    const target = correctedBy(e);
    if (target) corrections.set(target, [...(corrections.get(target) ?? []), e]);
  }
  const taken = new Set<string>();
  const queue = events.filter(selects);
  for (let e = queue.pop(); e; e = queue.pop()) {
    if (taken.has(e.id)) continue;
    taken.add(e.id);
    queue.push(...(corrections.get(e.id) ?? []));
  }
  return events.filter((e) => taken.has(e.id));
}

/**
 * The report's chain: the head, and the link of each event in scope with the hash before it, so
 * that each can be checked on its own. A redacted report keeps only the head: a link names an
 * original id, and with its hash a guessed handle could be checked.
 */
function reportChain(chain: readonly ChainLink[], events: readonly LedgerEvent[], ids: ReadonlySet<string>, redact: boolean, iso: (ms: number) => string): Report['chain'] {
  // The events may have been read a moment before the chain: the chain is cut where they end.
  const byId = new Map(events.map((e) => [e.id, e]));
  const known = chain.findIndex((l) => !byId.has(l.id));
  const links = known === -1 ? chain : chain.slice(0, known);
  const head = links.at(-1);
  if (!head) return null;
  return {
    algorithm: 'sha-256-chain-1',
    head: { seq: head.seq, hash: head.hash, recordedAt: iso(byId.get(head.id)!.recordedAt) },
    links: redact ? [] : links.flatMap((l, i) => (ids.has(l.id) ? [{ ...l, prev: i === 0 ? GENESIS : links[i - 1]!.hash }] : [])),
  };
}

/**
 * A report whose events are still ledger events, with the function that puts one in the report's
 * form. An export writes each event's line straight from it, so 100k report-form copies are never
 * kept alive together (they would outlive the young generation and cost full collections).
 */
export interface ReportDraft {
  report: Omit<Report, 'events'> & { events: readonly LedgerEvent[] };
  formOf: (e: LedgerEvent) => ReportEvent;
}

/**
 * The report of `events` (the whole ledger): the scope's events, oldest first, and the state
 * derived from the whole ledger for what is in scope (a window's answer may lie outside a date range).
 */
export async function buildReport(events: readonly LedgerEvent[], options: ReportOptions, onProgress?: OnProgress): Promise<Report> {
  const { report, formOf } = await draftReport(events, options);
  const reportEvents: ReportEvent[] = [];
  for (let start = 0; start < report.events.length; start += CHUNK) {
    for (const e of report.events.slice(start, start + CHUNK)) reportEvents.push(formOf(e));
    onProgress?.({ phase: 'writing-report', done: Math.min(report.events.length, start + CHUNK), total: report.events.length });
    await nextTask();
  }
  return { ...report, events: reportEvents };
}

/** `buildReport` without putting the events in the report's form. */
export async function draftReport(events: readonly LedgerEvent[], options: ReportOptions): Promise<ReportDraft> {
  const { scope, now, timeZone } = options;
  const leadDays = options.windows?.leadDays ?? WINDOW_DEFAULTS.leadDays;
  const graceDays = options.windows?.graceDays ?? WINDOW_DEFAULTS.graceDays;
  const iso = isoFormatter(timeZone);
  const ordered = [...events].sort(chronological);
  const inScope = eventsInScope(ordered, scope);
  const ids = new Set(inScope.map((e) => e.id));
  const pseudonyms = options.redact ? pseudonymsFor(ordered) : null;
  const person = (handle: string) => pseudonyms?.of(handle) ?? handle;
  const entry = (id: string) => pseudonyms?.id(id) ?? id;
  const formOf = (e: LedgerEvent) => toReportEvent(pseudonyms ? pseudonyms.inEvent(e) : e, iso);

  // Each derivation is a few hundred milliseconds at 100k events: the page gets a turn between them.
  const live = effectiveEvents(ordered);
  const accounts = accountsOf(inScope);
  await nextTask();
  const flagged = usedAfterRevocation(live);
  await nextTask();
  const windows = computeWindows(live, { now, timeZone, leadDays, graceDays, ...(options.windows?.overrides ? { overrides: options.windows.overrides } : {}) });
  await nextTask();

  const report: ReportDraft['report'] = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    createdAt: iso(now),
    createdBy: { name: 'Likeness Ledger', version: options.extensionVersion },
    timeZone,
    scope:
      scope.kind === 'date-range'
        ? { kind: 'date-range', from: iso(scope.from), to: iso(scope.to) }
        : scope.kind === 'account'
          ? { kind: 'account', account: scope.account }
          : { kind: 'all' },
    redacted: options.redact,
    accounts,
    events: inScope,
    chain: reportChain(options.chain ?? [], events, ids, options.redact, iso),
    derived: {
      asOf: iso(now),
      grants: accounts.map((account) => ({
        account,
        audience: audienceNow(live, account),
        peopleWithAccess: peopleWithAccess(live, account).map((p) => ({ person: person(p.person), since: iso(p.since) })),
        history: grantHistory(live, account).map((h) => ({
          person: person(h.person),
          intervals: h.intervals.map((i) => ({ from: iso(i.from), ...(i.to !== undefined ? { to: iso(i.to) } : {}) })),
        })),
        usedAfterRevocation: flagged.filter((e) => ids.has(e.id) && sameAccount(e.account, account)).map((e) => entry(e.id)),
      })),
      windows: windows
        .filter((w) => ids.has(w.id))
        .map((w) => ({
          id: entry(w.id),
          kind: w.kind,
          account: w.account,
          openedAt: iso(w.openedAt),
          dueAt: iso(w.dueAt),
          status: w.status,
          ...(w.law ? { law: w.law } : {}),
          ...(w.route ? { route: w.route } : {}),
          ...(w.refused ? { refused: w.refused } : {}),
          length: w.length,
          statement: w.statement,
          source: w.source,
          ...(w.closedAt !== undefined ? { closedAt: iso(w.closedAt) } : {}),
          followUps: w.followUps.map((f) => entry(f.id)),
        })),
    },
    policies: {
      retention: Object.values(RETENTION_POLICIES).map((p) => {
        const own = options.windows?.overrides?.[p.id];
        return { id: p.id, opensOn: p.opensOn, length: p.length, ...(own ? { lengthUsed: own } : {}), statement: p.statement, source: p.source };
      }),
      legalDeadlines: Object.values(LEGAL_DEADLINES).map((d) => ({
        law: d.law,
        name: d.name,
        respondWithin: d.respondWithin,
        extension: d.extension,
        authority: d.authority,
        source: d.source,
      })),
      leadDays,
      graceDays,
    },
  };
  return { report, formOf };
}
