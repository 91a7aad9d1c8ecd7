/**
 * Openings: which entries of the ledger open a deadline window, for how long and counted how (a
 * retention policy, a takedown route's clock, a law's deadline and its extension), and which
 * entries settle each window (a verification, a final answer, a takedown's outcome). No dates are
 * worked out here: when a window falls due is windows.ts.
 */
import { clockLength, ROUTES, type TakedownRouteId } from '../copies/routes';
import type { EventKind, LedgerEvent } from '../ledger/events';
import {
  LEGAL_DEADLINES,
  RETENTION_POLICIES,
  SORA_CLOSURE_WINDOW,
  type Duration,
  type Law,
  type RetentionPolicy,
  type Source,
} from '../facts/policies';
import { soraClosureOpeners } from './sora-closure';
import type { DeadlineKind, WindowOptions } from './windows';

const RETENTION_BY_OPENER = new Map<EventKind, RetentionPolicy>(Object.values(RETENTION_POLICIES).map((p) => [p.opensOn, p]));

/** A legal deadline and its extension, as one length from the request. */
const plus = (a: Duration, b: Duration): Duration => ({ months: (a.months ?? 0) + (b.months ?? 0), days: (a.days ?? 0) + (b.days ?? 0) });

export interface Opening {
  kind: DeadlineKind;
  law?: Exclude<Law, 'none'>;
  route?: TakedownRouteId;
  length: Duration;
  counted: RetentionPolicy['counted'];
  statement: string;
  source: Source;
}

/** A privacy request opens a legal deadline; so does a follow-up to OpenAI's privacy team, itself a request. */
function requestLaw(e: LedgerEvent): Exclude<Law, 'none'> | null {
  const law = e.kind === 'privacy-request-sent' || (e.kind === 'follow-up-sent' && e.details.to === 'openai-privacy') ? e.details.law : 'none';
  return law === 'none' ? null : law;
}

function openingOf(e: LedgerEvent, overrides: WindowOptions['overrides'], extended: ReadonlySet<string>): Opening | null {
  const retention = RETENTION_BY_OPENER.get(e.kind);
  if (retention) {
    const { id: kind, counted, statement, source } = retention;
    return { kind, length: overrides?.[kind] ?? retention.length, counted, statement, source };
  }
  if (e.kind === 'takedown-requested') {
    const route = ROUTES[e.details.route];
    const { length, counted } = clockLength(route, e.details.remindInDays);
    return { kind: 'takedown', route: route.id, length, counted, statement: route.clock.statement, source: route.source };
  }
  const law = requestLaw(e);
  if (!law) return null;
  const { respondWithin, extension, statement, source } = LEGAL_DEADLINES[law];
  const length = extended.has(e.id) ? plus(respondWithin, extension) : respondWithin;
  return { kind: 'legal-deadline', law, length, counted: 'days', statement, source };
}

/** Settling events by the window they name, earliest first wins. */
function earliestByTarget(entries: [string, number][]): Map<string, number> {
  const earliest = new Map<string, number>();
  for (const [target, at] of entries) earliest.set(target, Math.min(earliest.get(target) ?? Infinity, at));
  return earliest;
}

/** A window as the ledger's events open and settle it, before any calendar arithmetic. */
interface Opened {
  opener: LedgerEvent;
  opening: Opening;
  /** When its verification or final answer came, if it did. */
  closedAt: number | undefined;
  followUps: LedgerEvent[];
  /** A window of Sora's closure: it counts from the closure day, not from its opener. */
  closure: boolean;
  /** A takedown the platform refused (closed, but not gone). */
  refused: boolean;
}

/** Which events open a window and what settled each: one pass, no dates worked out. */
export function openedBy(events: readonly LedgerEvent[], overrides: WindowOptions['overrides']): Opened[] {
  const extended = new Set<string>();
  const verified: [string, number][] = [];
  const answered: [string, number][] = [];
  const followUps = new Map<string, LedgerEvent[]>();
  const takedownEnds: [string, number][] = [];
  const refused = new Set<string>();
  for (const e of events) {
    if (e.kind === 'takedown-outcome') {
      takedownEnds.push([e.details.request, e.occurredAt]);
      if (e.details.outcome === 'refused') refused.add(e.details.request);
    }
    if (e.kind === 'purge-verified') verified.push([e.details.window, e.occurredAt]);
    if (e.kind === 'privacy-answer-received') {
      if (e.details.outcome === 'extended') extended.add(e.details.request);
      // 'other' is an answer that settles nothing (a question back, a receipt): the clock runs on.
      if (e.details.outcome === 'done' || e.details.outcome === 'refused') answered.push([e.details.request, e.occurredAt]);
    }
    if (e.kind === 'follow-up-sent') {
      // Added to in place: a copy of the list per follow-up was quadratic in an imported file's follow-ups.
      const list = followUps.get(e.details.window);
      if (list) list.push(e);
      else followUps.set(e.details.window, [e]);
    }
  }
  // A purge is settled by its verification, a legal deadline by a final answer; never the other way round.
  const purgeVerifiedAt = earliestByTarget(verified);
  const answeredAt = earliestByTarget(answered);
  const takedownEndedAt = earliestByTarget(takedownEnds);
  const closers: Record<DeadlineKind, Map<string, number>> = {
    'cameo-purge': purgeVerifiedAt,
    'account-purge': purgeVerifiedAt,
    'export-link': purgeVerifiedAt,
    'sora-closure': purgeVerifiedAt,
    'legal-deadline': answeredAt,
    takedown: takedownEndedAt,
  };
  const opened = (opener: LedgerEvent, opening: Opening, closure: boolean): Opened => ({
    opener,
    opening,
    closedAt: closers[opening.kind].get(opener.id),
    followUps: followUps.get(opener.id) ?? [],
    closure,
    refused: refused.has(opener.id),
  });
  const found: Opened[] = [];
  for (const e of events) {
    const opening = openingOf(e, overrides, extended);
    if (opening) found.push(opened(e, opening, false));
  }
  const { length, statement, source } = SORA_CLOSURE_WINDOW;
  const closure: Opening = { kind: SORA_CLOSURE_WINDOW.id, length, counted: 'days', statement, source };
  for (const opener of soraClosureOpeners(events)) found.push(opened(opener, closure, true));
  return found;
}
