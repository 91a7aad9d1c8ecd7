/**
 * What a language must supply to write the letters: the facts come in (dates as instants, text
 * from pages already neutralised), the words go out. Adding a language is one more object of
 * this type (a file like en.ts) and one entry in languages.ts; every table here is total over
 * its type, so a new kind of window or a new law fails the type check until each language has
 * its words for it.
 */
import type { Certainty } from '../ledger/events';
import type { Law } from '../facts/policies';
import type { DeadlineKind } from '../deadlines/windows';
import type { ErasureScope } from './kinds';

/** Text from a page or an import after `neutralText` (lib/letters/quote.ts): no line breaks, no controls. */
export type SafeText = string & { readonly __safe: unique symbol };

export type LawWithDeadline = Exclude<Law, 'none'>;

/** Windows whose letters go to OpenAI; a takedown's go to the platform (lib/letters/takedown.ts). */
export type OpenaiWindowKind = Exclude<DeadlineKind, 'takedown'>;

/** A request to OpenAI whose answer had a legal deadline: the user's own, or a letter drafted here. */
export interface RequestFacts {
  sentAt: number;
  /** When its answer was due under `law`. */
  dueAt: number;
  law: LawWithDeadline;
  /** The privacy request as the user logged it; absent for a request sent from a draft. */
  logged?: { request: 'erasure' | 'access' | 'other'; channel: 'privacy-portal' | 'email' | 'other'; reference?: SafeText };
}

/** One ledger entry, as a line of the letter's evidence. */
export interface EvidenceItem {
  at: number;
  what:
    | { kind: 'cameo-created' | 'cameo-deleted' | 'account-deletion-requested' | 'data-export-received' }
    | { kind: 'privacy-request-sent'; request: 'erasure' | 'access' | 'other'; law: Law; reference?: SafeText }
    | { kind: 'follow-up-sent'; to: 'openai-privacy' | 'authority' }
    | { kind: 'privacy-answer-received'; outcome: 'done' | 'refused' | 'extended' | 'other' };
  how: Certainty;
  shown?: SafeText;
  url?: SafeText;
}

/** What every letter about one window knows. */
export interface LetterFacts {
  now: number;
  timeZone: string;
  /** The service's name (a brand, the same in every language) and the handle as the page showed it. */
  account: { service: string; handle: SafeText };
  kind: OpenaiWindowKind;
  scope: ErasureScope;
  openedAt: number;
  dueAt: number;
  /** The statement the window's length rests on, and where it was said (quoted as said, in its own language). */
  statement: string;
  source: string;
  /** For a window that is a privacy request the user logged: that request. */
  request?: RequestFacts;
  evidence: EvidenceItem[];
}

/** The requests a complaint recounts. */
export interface ComplaintFacts {
  /** The first request: the user's own privacy request, or the first letter drafted here. */
  first: RequestFacts;
  /** When it was followed up, oldest first. */
  followedUpOn: number[];
  /** The request whose deadline passed or that was refused: the complaint goes under its law. */
  last: RequestFacts;
  refusedAt: number | null;
}

export interface Letter {
  subject: string;
  body: string;
}

export interface LetterTemplates {
  /** The language's own name, for the chooser. */
  name: string;
  /** Who an email to OpenAI's privacy team is addressed to, in words. */
  openaiPrivacy: string;
  /** Where a complaint goes, per law. */
  authority: Record<LawWithDeadline, string>;
  /** The sentence that says what happened, per kind of window. */
  about: Record<OpenaiWindowKind, (f: LetterFacts) => string>;
  /** The first request: confirm the erasure (and say what is still held) under `law`; `answerBy` null without a law. */
  request(f: LetterFacts, law: Law, answerBy: number | null): Letter;
  /** After the request's legal deadline passed unanswered: the reminder, before a complaint. */
  followUp(f: LetterFacts, lapsed: RequestFacts, answerBy: number): Letter;
  /** To the authority, once the requests went unanswered past their deadlines or were refused. */
  complaint(f: LetterFacts, c: ComplaintFacts): Letter;
  /** The last line of an email link whose letter was cut to fit (the full text is copied). */
  cutForEmail: string;
}

/** A date written out in full, so no reader misreads it: "3 October 2025", "3. Oktober 2025". */
export const longDate = (locale: string) => (instant: number, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
