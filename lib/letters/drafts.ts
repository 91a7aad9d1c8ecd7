/**
 * Follow-up letters, filled from the ledger: what to send when a purge window or a legal deadline
 * passes without word, to whom, with the dates and the evidence.
 *
 * The steps, for a window OpenAI should have purged by now (a deleted cameo, a deleted account):
 * 1. a request to OpenAI's privacy team to erase and confirm the erasure of the recording and
 *    everything derived from it, and to say what is still held, under the law chosen in the
 *    settings (GDPR Art. 15 + 17, the CCPA's right to know and delete, …);
 * 2. when that request's legal deadline passes unanswered, the follow-up;
 * 3. when the follow-up's deadline passes too, or OpenAI refuses, the complaint to the authority.
 * A privacy request the user logged themselves is step 1 already, under its own law.
 * Each letter sent is logged as `follow-up-sent` about the window (`followUpSentEvent`); one to
 * OpenAI opens its own legal deadline (lib/deadlines/windows.ts), which is what steps 2 and 3 wait for.
 *
 * The words are per language (lib/letters/); what a window's letters are about is per kind
 * (lib/letters/kinds.ts). Text from a page or an import is neutralised before any language sees
 * it (lib/letters/quote.ts): it is quoted as data and cannot add lines to a letter.
 *
 * Folder lib/letters/: the letters the user sends: follow-ups to OpenAI and the authorities when a
 * window passes without word (drafts.ts), takedown notices for copies elsewhere; one file per
 * language, every text from a page neutralised before it is quoted.
 */
import { addDuration, endOfLocalDay } from '../deadlines/calendar';
import { accountNames, shownHandle } from '../ledger/account-names';
import type { EventOf, LedgerEvent, NewEvent } from '../ledger/events';
import { LETTER_SCOPE } from './kinds';
import { LETTERS, type LetterLanguage } from './languages';
import { neutralText } from './quote';
import type { EvidenceItem, LawWithDeadline, Letter, LetterFacts, OpenaiWindowKind, RequestFacts, SafeText } from './template';
import { LEGAL_DEADLINES, OPENAI_PRIVACY_CHANNEL, type Law } from '../facts/policies';
import { SURFACES } from '../facts/surfaces';
import type { DeadlineWindow } from '../deadlines/windows';

export type DraftKind = 'erasure-request' | 'follow-up' | 'complaint';

export interface Draft {
  kind: DraftKind;
  /** The window the letter is about (what `follow-up-sent` names). */
  window: string;
  law: Law;
  language: LetterLanguage;
  to: 'openai-privacy' | 'authority';
  /** The email address, where one is known; a complaint goes through the authority's own form or address. */
  address: string | null;
  /** Who it is for, in words. */
  recipient: string;
  subject: string;
  body: string;
  /** For a follow-up or a complaint: when the answer to the last request was due. */
  answerWasDue: number | null;
  /** Opens the draft in the user's email program; `whole` false when the body had to be cut to fit. */
  mailto: { url: string; whole: boolean };
}

export type NextStep =
  | { step: 'draft'; draft: Draft }
  /** A letter was sent; its legal deadline has not passed yet. */
  | { step: 'waiting'; until: number; sent: LedgerEvent }
  | { step: 'none'; reason: 'verified' | 'not-due' | 'answered' | 'complained' | 'no-deadline' | 'not-a-deletion' };

export interface DraftOptions {
  now: number;
  timeZone: string;
  /** The law the user chose in the settings, for a purge window (a logged request carries its own). */
  jurisdiction: Law;
  language: LetterLanguage;
  /** Every effective event (lib/ledger/ledger.ts effectiveEvents): the evidence and the answers. */
  events: readonly LedgerEvent[];
  /** Every window (lib/deadlines/windows.ts computeWindows), for the deadlines of letters already sent. */
  windows: readonly DeadlineWindow[];
}

const safe = (text: string) => neutralText(text) as SafeText;
const serviceName = (window: DeadlineWindow) => Object.values(SURFACES).find((s) => s.service === window.account.service)?.label ?? window.account.service;

/** The ledger entries behind a window, oldest first: its opener, the letters about it and the answers to them. */
function evidenceOf(window: DeadlineWindow, events: readonly LedgerEvent[]): LedgerEvent[] {
  const about = new Set([window.id]);
  for (const e of events) if (e.kind === 'follow-up-sent' && e.details.window === window.id) about.add(e.id);
  if (window.opener.kind === 'follow-up-sent') about.add(window.opener.details.window);
  const related = events.filter(
    (e) =>
      about.has(e.id) ||
      (e.kind === 'follow-up-sent' && about.has(e.details.window)) ||
      (e.kind === 'privacy-answer-received' && about.has(e.details.request)),
  );
  return [...new Set(related)].sort((a, b) => a.occurredAt - b.occurredAt);
}

function evidenceItem(e: LedgerEvent): EvidenceItem | null {
  const what = ((): EvidenceItem['what'] | null => {
    switch (e.kind) {
      case 'cameo-created':
      case 'cameo-deleted':
      case 'account-deletion-requested':
      case 'data-export-received':
        return { kind: e.kind };
      case 'privacy-request-sent':
        return { kind: e.kind, request: e.details.request, law: e.details.law, ...(e.details.reference ? { reference: safe(e.details.reference) } : {}) };
      case 'follow-up-sent':
        return { kind: e.kind, to: e.details.to };
      case 'privacy-answer-received':
        return { kind: e.kind, outcome: e.details.outcome };
      default:
        return null;
    }
  })();
  if (!what) return null;
  return {
    at: e.occurredAt,
    what,
    how: e.certainty,
    ...(e.evidence.shownText ? { shown: safe(e.evidence.shownText) } : {}),
    ...(e.evidence.url ? { url: safe(e.evidence.url) } : {}),
  };
}

/** A request with a legal deadline, as the letters tell it. */
function requestFacts(deadline: DeadlineWindow): RequestFacts {
  const opener = deadline.opener;
  return {
    sentAt: deadline.openedAt,
    dueAt: deadline.dueAt,
    law: deadline.law as LawWithDeadline,
    ...(opener.kind === 'privacy-request-sent'
      ? {
          logged: {
            request: opener.details.request,
            channel: opener.details.channel,
            ...(opener.details.reference ? { reference: safe(opener.details.reference) } : {}),
          },
        }
      : {}),
  };
}

function factsOf(about: DeadlineWindow, evidenceFrom: readonly DeadlineWindow[], options: DraftOptions): LetterFacts {
  const entries = new Map(evidenceFrom.flatMap((w) => evidenceOf(w, options.events)).map((e) => [e.id, e]));
  return {
    now: options.now,
    timeZone: options.timeZone,
    // An account whose pages show no handle is named as the user named it (lib/ledger/account-names.ts), not "unknown".
    account: { service: serviceName(about), handle: safe(shownHandle(about.account, accountNames(options.events))) },
    // Only windows that `canDraft` get here, and a takedown cannot (lib/letters/kinds.ts).
    kind: about.kind as OpenaiWindowKind,
    scope: LETTER_SCOPE[about.kind]!,
    openedAt: about.openedAt,
    dueAt: about.dueAt,
    statement: about.statement,
    source: about.source.title,
    ...(about.kind === 'legal-deadline' && about.law && about.law !== 'none' ? { request: requestFacts(about) } : {}),
    evidence: [...entries.values()].sort((a, b) => a.occurredAt - b.occurredAt).flatMap((e) => evidenceItem(e) ?? []),
  };
}

/**
 * The longest mailto: URL we hand over whole. Browsers take far longer ones, but the programs
 * they pass it to do not: Windows' URL handlers and Outlook cut around 2,048 characters (the old
 * Internet Explorer limit of 2,083 that mail programs kept). Above it the body is cut at a line
 * and says so, and the page copies the full text for pasting.
 */
export const MAILTO_MAX_LENGTH = 2000;

/** Follows RFC 6068: each part percent-encoded (UTF-8), line breaks as CRLF. */
export function mailtoUrl(address: string | null, subject: string, body: string, cutNote = ''): { url: string; whole: boolean } {
  const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
  const head = `mailto:${address ? encodeURIComponent(address).replace('%40', '@') : ''}?subject=${encode(subject)}&body=`;
  const full = head + encode(body);
  if (full.length <= MAILTO_MAX_LENGTH) return { url: full, whole: true };
  // Whole lines only, so no line (and no percent-escape) is cut in half.
  const lines = body.split('\n');
  const tail = encode(`\n${cutNote}`);
  let kept = '';
  for (const line of lines) {
    const next = kept ? `${kept}\n${line}` : line;
    if ((head + encode(next) + tail).length > MAILTO_MAX_LENGTH) break;
    kept = next;
  }
  return { url: head + encode(kept) + tail, whole: false };
}

function finish(kind: DraftKind, about: DeadlineWindow, law: Law, to: Draft['to'], letter: Letter, options: DraftOptions, answerWasDue: number | null = null): Draft {
  const words = LETTERS[options.language];
  const address = to === 'openai-privacy' ? OPENAI_PRIVACY_CHANNEL.email.address : null;
  const recipient = to === 'openai-privacy' ? words.openaiPrivacy : words.authority[law as LawWithDeadline];
  return {
    kind,
    window: about.id,
    law,
    language: options.language,
    to,
    address,
    recipient,
    ...letter,
    answerWasDue,
    mailto: mailtoUrl(address, letter.subject, letter.body, words.cutForEmail),
  };
}

/** The day an answer to a request sent `now` is due under `law`. */
export const answerDue = (law: LawWithDeadline, { now, timeZone }: Pick<DraftOptions, 'now' | 'timeZone'>) =>
  endOfLocalDay(addDuration(now, LEGAL_DEADLINES[law].respondWithin, timeZone), timeZone);

/** The request to OpenAI's privacy team to erase and confirm, under `law`. */
function erasureRequestDraft(about: DeadlineWindow, law: Law, options: DraftOptions): Draft {
  const letter = LETTERS[options.language].request(factsOf(about, [about], options), law, law === 'none' ? null : answerDue(law, options));
  return finish('erasure-request', about, law, 'openai-privacy', letter, options);
}

/** The reminder to OpenAI once a request's deadline passed unanswered. */
function followUpDraft(about: DeadlineWindow, lapsed: DeadlineWindow, options: DraftOptions): Draft {
  const facts = requestFacts(lapsed);
  const letter = LETTERS[options.language].followUp(factsOf(about, [about, lapsed], options), facts, answerDue(facts.law, options));
  return finish('follow-up', about, facts.law, 'openai-privacy', letter, options, facts.dueAt);
}

/** The complaint to the authority of the last request's law. */
function complaintDraft(about: DeadlineWindow, requests: readonly DeadlineWindow[], options: DraftOptions, refusal?: LedgerEvent): Draft {
  const [first, ...later] = requests.map(requestFacts) as [RequestFacts, ...RequestFacts[]];
  const last = later.at(-1) ?? first;
  const complaint = { first, followedUpOn: later.map((r) => r.sentAt), last, refusedAt: refusal?.occurredAt ?? null };
  const letter = LETTERS[options.language].complaint(factsOf(about, [about, ...requests], options), complaint);
  return finish('complaint', about, last.law, 'authority', letter, options, last.dueAt);
}

/** The final answer to a request: done or refused ('extended' and 'other' leave the clock running). */
const answerTo = (requestId: string, events: readonly LedgerEvent[]) =>
  events
    .filter((e): e is EventOf<'privacy-answer-received'> => e.kind === 'privacy-answer-received' && e.details.request === requestId)
    .find((e) => e.details.outcome === 'done' || e.details.outcome === 'refused');

const running = (w: DeadlineWindow) => w.status === 'open' || w.status === 'due-soon';

/** The window a letter is about: a letter's own legal deadline belongs to the window it followed up. */
export function windowAbout(window: DeadlineWindow, windows: readonly DeadlineWindow[]): DeadlineWindow {
  const opener = window.opener;
  return opener.kind === 'follow-up-sent' ? (windows.find((w) => w.id === opener.details.window) ?? window) : window;
}

/** The next letter for a window: a draft, a wait for a deadline, or nothing to send. */
export function nextFollowUp(window: DeadlineWindow, options: DraftOptions): NextStep {
  const { events, windows, jurisdiction } = options;
  const about = windowAbout(window, windows);
  if (LETTER_SCOPE[about.kind] === null) return { step: 'none', reason: 'not-a-deletion' };
  const sent = events
    .filter((e): e is EventOf<'follow-up-sent'> => e.kind === 'follow-up-sent' && e.details.window === about.id)
    .sort((a, b) => a.occurredAt - b.occurredAt);
  if (sent.some((e) => e.details.to === 'authority')) return { step: 'none', reason: 'complained' };
  // A legal deadline is settled by its answer (below), a purge by the user's verification.
  if (about.kind !== 'legal-deadline' && about.status === 'verified') return { step: 'none', reason: 'verified' };

  // Every request to OpenAI about it, oldest first, each with its legal deadline where it has one.
  const requests = [
    ...(about.kind === 'legal-deadline' ? [{ event: about.opener, deadline: about as DeadlineWindow | undefined }] : []),
    ...sent.filter((e) => e.details.to === 'openai-privacy').map((e) => ({ event: e as LedgerEvent, deadline: windows.find((w) => w.id === e.id) })),
  ];
  const last = requests.at(-1);
  if (!last) return running(about) ? { step: 'none', reason: 'not-due' } : { step: 'draft', draft: erasureRequestDraft(about, jurisdiction, options) };
  // Sent without a law: no deadline to wait for and no authority to turn to. A request under the
  // law now chosen has both; without one, there is nothing further to draft.
  if (!last.deadline) {
    return jurisdiction === 'none' ? { step: 'none', reason: 'no-deadline' } : { step: 'draft', draft: erasureRequestDraft(about, jurisdiction, options) };
  }
  const answer = answerTo(last.deadline.id, events);
  if (answer?.details.outcome === 'done') return { step: 'none', reason: 'answered' };
  if (!answer && running(last.deadline)) return { step: 'waiting', until: last.deadline.dueAt, sent: last.event };
  const deadlines = requests.flatMap((r) => r.deadline ?? []);
  if (answer || requests.length > 1) return { step: 'draft', draft: complaintDraft(about, deadlines, options, answer) };
  return { step: 'draft', draft: followUpDraft(about, last.deadline, options) };
}

/** What to record when the user sends a draft: the letter, which (to OpenAI) starts its own legal deadline. */
export function followUpSentEvent(draft: Draft, window: DeadlineWindow, now: number): NewEvent {
  return {
    kind: 'follow-up-sent',
    occurredAt: now,
    account: window.account,
    source: 'manual',
    evidence: {},
    details: { window: draft.window, law: draft.law, to: draft.to },
  };
}

/** The letter as one text, for the clipboard and the saved file: who it is for, the subject, the body. */
export function letterText(draft: Draft): string {
  const to = draft.address ? `${draft.recipient} <${draft.address}>` : draft.recipient;
  return `${to}\n${draft.subject}\n\n${draft.body}`;
}

/** A file name that says what the letter is and when it was drafted: likeness-ledger-complaint-2026-12-03.txt */
export const letterFileName = (draft: Draft, dateKey: string) => `likeness-ledger-${draft.kind}-${dateKey}.txt`;
