/**
 * Idempotency keys: one fact, one key, however it was reported (two tabs, a reload,
 * a page signal and a network signal for the same action). The key names the fact,
 * not the report: kind, account and the thing acted on, never the time or the source.
 * Time is handled by the ledger: the same key within SAME_FACT_WITHIN_MS is the same fact. (Not called
 * a "window": here a window is a deadline, lib/deadlines/windows.ts.)
 */
import type { EventKind, NewEvent } from './events';
import { handleKey } from './relations';

/** Reports of one action arrive within seconds of each other; ten minutes leaves room for slow networks. */
export const SAME_FACT_WITHIN_MS = 10 * 60 * 1000;

/** Kinds whose fact does not happen again: seeing the same draft twice is one appearance. */
const ONCE_EVER: ReadonlySet<EventKind> = new Set(['appearance-seen']);

/** How far apart two reports with the same key may be and still be one fact. */
export function sameFactWithinMs(kind: EventKind): number {
  return ONCE_EVER.has(kind) ? Number.POSITIVE_INFINITY : SAME_FACT_WITHIN_MS;
}

/** A short, stable digest for long free text (restrictions), so keys stay small. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

function subject(e: NewEvent): string {
  switch (e.kind) {
    case 'audience-changed':
      return e.details.after;
    case 'access-granted':
    case 'access-revoked':
      return handleKey(e.details.person);
    case 'restrictions-changed':
      return digest(e.details.restrictions.trim().toLowerCase());
    case 'appearance-seen':
      return `${handleKey(e.details.by)}|${e.details.where}|${e.details.link ?? ''}`;
    case 'account-deletion-requested':
    case 'cameo-created':
    case 'cameo-deleted':
    case 'data-export-requested':
    case 'data-export-received':
      // A page rarely shows the cameo id that the network request carries; the account is the subject.
      return '';
    case 'deletion-warning-shown':
      // Warnings before different deletion steps (ChatGPT's settings, the privacy portal) are different facts.
      return `${e.details.choice}|${e.evidence.rule ?? ''}`;
    case 'privacy-request-sent':
      return `${e.details.law}|${e.details.request}`;
    case 'privacy-answer-received':
      return e.details.request;
    case 'purge-verified':
      return e.details.window;
    case 'follow-up-sent':
      return `${e.details.window}|${e.details.to}`;
    case 'sighting-logged':
      // The same address seen again later is a new sighting (the ten minutes of SAME_FACT_WITHIN_MS still fold a double click).
      return e.details.address;
    case 'takedown-requested':
      return `${e.details.sighting}|${e.details.route}`;
    case 'takedown-outcome':
      return e.details.request;
    case 'note':
      return digest(e.details.text);
    case 'account-named':
      // Each different name is a new version; the same name saved twice is one.
      return digest(e.details.name.toLowerCase());
    case 'entry-removed':
    case 'observation-reviewed':
      return e.details.target;
  }
}

export function factKey(e: NewEvent): string {
  return [e.kind, e.account.service, handleKey(e.account.handle), subject(e)].join('|');
}
