/**
 * Follow-up drafts, filled from the ledger: what to send when a purge window or a legal
 * deadline passes without word, to whom, with the dates and the evidence.
 *
 * The steps, for a purge window: first a request to OpenAI's privacy team to confirm the
 * erasure, citing the chosen law's right and deadline. Sending it is logged (`followUpSentEvent`)
 * and opens its own legal deadline (lib/windows.ts). When that deadline passes unanswered, or
 * the answer is a refusal, the next draft is a complaint to the data protection authority,
 * with the evidence report attached. A privacy request whose deadline passed goes straight to
 * the complaint. Letters are in English, the language OpenAI's privacy team and the authorities
 * named in lib/policies.ts all accept; dates are written out in full so no reader misreads them.
 */
import { addDuration, endOfLocalDay } from './calendar';
import type { EventOf, LedgerEvent, NewEvent, Service } from './events';
import { ERASURE_RIGHTS, LEGAL_DEADLINES, OPENAI_PRIVACY_CHANNEL, type Law } from './policies';
import { SURFACES } from './surfaces';
import type { DeadlineWindow } from './windows';

export type DraftKind = 'erasure-confirmation' | 'complaint';

export interface Draft {
  kind: DraftKind;
  /** The window the follow-up is about (what `follow-up-sent` names). */
  window: string;
  law: Law;
  to: 'openai-privacy' | 'authority';
  /** The email address, where one is known; a complaint goes through the authority's own form or address. */
  address: string | null;
  /** Who it is for, in words. */
  recipient: string;
  subject: string;
  body: string;
  /** Opens the draft in the user's email program. */
  mailto: string;
}

export type NextStep =
  | { step: 'draft'; draft: Draft }
  /** A follow-up was sent; its legal deadline has not passed yet. */
  | { step: 'waiting'; until: number; sent: LedgerEvent }
  | { step: 'none'; reason: 'verified' | 'not-due' | 'answered' | 'complained' | 'no-deadline' | 'not-a-deletion' };

export interface DraftOptions {
  now: number;
  timeZone: string;
  /** The law the user chose in the settings, for a purge window (a request carries its own). */
  jurisdiction: Law;
  /** Every effective event (lib/ledger.ts effectiveEvents): the evidence and the answers. */
  events: readonly LedgerEvent[];
  /** Every window (lib/windows.ts computeWindows), for the deadlines of follow-ups already sent. */
  windows: readonly DeadlineWindow[];
}

const longDate = (instant: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(instant);

const serviceLabel = (service: Service) => Object.values(SURFACES).find((s) => s.service === service)?.label ?? service;

const accountLabel = ({ account }: Pick<DeadlineWindow, 'account'>) =>
  `my ${serviceLabel(account.service)} account "${account.handle}"`;

/** What the window is about, as the letter names it. */
function subjectMatter(window: DeadlineWindow, timeZone: string): string {
  const on = longDate(window.openedAt, timeZone);
  switch (window.kind) {
    case 'cameo-purge':
      return `On ${on} I deleted my cameo (the video and voice recording of my likeness) from ${accountLabel(window)}.`;
    case 'account-purge':
      return `On ${on} I deleted ${accountLabel(window)}.`;
    case 'export-link':
      return `On ${on} I received a data export for ${accountLabel(window)}.`;
    case 'sora-closure':
      return `On ${on} OpenAI closed Sora. My cameo (the video and voice recording of my likeness) in ${accountLabel(window)} was not deleted before then, and OpenAI has not said what became of it.`;
    case 'legal-deadline': {
      const opener = window.opener;
      if (opener.kind !== 'privacy-request-sent') {
        return `On ${on} I asked OpenAI's privacy team (${OPENAI_PRIVACY_CHANNEL.email.address}) to confirm the erasure of data of ${accountLabel(window)}.`;
      }
      const reference = opener.details.reference ? ` (reference ${opener.details.reference})` : '';
      const made = `On ${on} I made ${REQUEST_NAMES[opener.details.request]} about ${accountLabel(window)} to OpenAI`;
      return `${[made, channelLabel(opener.details.channel)].filter(Boolean).join(' ')}${reference}.`;
    }
  }
}

const REQUEST_NAMES: Record<EventOf<'privacy-request-sent'>['details']['request'], string> = {
  erasure: 'an erasure request',
  access: 'an access request',
  other: 'a privacy request',
};

const channelLabel = (channel: EventOf<'privacy-request-sent'>['details']['channel']) =>
  channel === 'privacy-portal' ? `through its Privacy Portal (${OPENAI_PRIVACY_CHANNEL.portal.url})` : channel === 'email' ? 'by email' : '';

const HOW: Record<LedgerEvent['certainty'], string> = {
  confirmed: "confirmed by the service's own response at the time",
  'seen-on-page': 'seen on the page',
  'stated-by-user': 'my own record',
};

function describeEvent(e: LedgerEvent): string | null {
  switch (e.kind) {
    case 'cameo-deleted':
      return 'cameo deleted';
    case 'account-deletion-requested':
      return 'account deletion requested';
    case 'privacy-request-sent':
      return `${e.details.request} request sent${e.details.law === 'none' ? '' : ` under ${LEGAL_DEADLINES[e.details.law].name}`}${e.details.reference ? `, reference ${e.details.reference}` : ''}`;
    case 'follow-up-sent':
      return e.details.to === 'authority' ? 'complaint sent to the authority' : "follow-up sent to OpenAI's privacy team";
    case 'privacy-answer-received':
      return `answer received: ${{ done: 'done', refused: 'refused', extended: 'deadline extended', other: 'other' }[e.details.outcome]}`;
    case 'data-export-received':
      return 'data export received';
    default:
      return null;
  }
}

/** The ledger entries behind a window, oldest first: its opener, the follow-ups about it and the answers to them. */
export function evidenceOf(window: DeadlineWindow, events: readonly LedgerEvent[]): LedgerEvent[] {
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

function evidenceLines(entries: readonly LedgerEvent[], timeZone: string): string[] {
  return entries.flatMap((e) => {
    const what = describeEvent(e);
    if (!what) return [];
    const detail = [HOW[e.certainty], e.evidence.shownText ? `showing "${e.evidence.shownText}"` : '', e.evidence.url ? `at ${e.evidence.url}` : '']
      .filter(Boolean)
      .join(', ');
    return [`- ${longDate(e.occurredAt, timeZone)}: ${what} (${detail})`];
  });
}

/** Follows RFC 6068: each part percent-encoded, line breaks as CRLF. */
export function mailtoUrl(address: string | null, subject: string, body: string): string {
  const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));
  return `mailto:${address ? encodeURIComponent(address).replace('%40', '@') : ''}?subject=${encode(subject)}&body=${encode(body)}`;
}

function finish(draft: Omit<Draft, 'mailto'>): Draft {
  return { ...draft, mailto: mailtoUrl(draft.address, draft.subject, draft.body) };
}

function promisedPeriod(window: DeadlineWindow, timeZone: string): string {
  if (window.kind === 'legal-deadline') {
    return `Under ${window.law && window.law !== 'none' ? LEGAL_DEADLINES[window.law].name : 'the law'} an answer was due by ${longDate(window.dueAt, timeZone)}.`;
  }
  return `OpenAI states: "${window.statement}" (${window.source.title}). That period ended on ${longDate(window.dueAt, timeZone)}.`;
}

/** The request to OpenAI's privacy team to confirm the erasure, with the law's right and deadline. */
export function erasureConfirmationDraft(window: DeadlineWindow, options: Omit<DraftOptions, 'windows'>): Draft {
  const { now, timeZone, jurisdiction: law, events } = options;
  const isCcpa = law === 'ccpa' || law === 'us-state';
  const what = window.kind === 'cameo-purge' ? 'my cameo' : window.kind === 'account-purge' ? 'my account data' : 'my personal data';
  const lines = [
    'Dear OpenAI privacy team,',
    '',
    `${subjectMatter(window, timeZone)} ${promisedPeriod(window, timeZone)} I have had no confirmation that the data has been erased.`,
    '',
  ];
  if (law === 'none') {
    lines.push(`I ask you to confirm that ${what}, and any copies or data derived from it, has been deleted, or to tell me which of it you keep and why.`);
  } else {
    const deadline = LEGAL_DEADLINES[law];
    const answerBy = endOfLocalDay(addDuration(now, deadline.respondWithin, timeZone), timeZone);
    lines.push(
      isCcpa
        ? `Under ${ERASURE_RIGHTS[law].right} I ask you to verify that ${what}, and any copies or data derived from it, has been deleted from your records and that your service providers were told to delete it, or to tell me which of it you keep and on what ground.`
        : `Under ${ERASURE_RIGHTS[law].right} I ask you to confirm that ${what}, and any copies or data derived from it, has been erased, or to tell me which of it you keep and on what legal basis.`,
      '',
      `${deadline.name}: ${deadline.statement} Counting from today, ${longDate(now, timeZone)}, your answer is due by ${longDate(answerBy, timeZone)}.`,
    );
  }
  lines.push('', 'What my records show:', ...evidenceLines(evidenceOf(window, events), timeZone), '', 'Kind regards,', '');
  const topic = window.kind === 'cameo-purge' ? 'my cameo' : window.kind === 'account-purge' ? 'my account' : 'my data';
  const subject =
    law === 'none'
      ? `Please confirm the deletion of ${topic} (${serviceLabel(window.account.service)}, "${window.account.handle}")`
      : isCcpa
        ? `Request to verify deletion of ${topic} (${law === 'ccpa' ? 'CCPA' : 'state privacy law'}) – ${serviceLabel(window.account.service)}, "${window.account.handle}"`
        : `Request to confirm erasure of ${topic} (${ERASURE_RIGHTS[law].right.replace(/ \(.*\)$/, '')}) – ${serviceLabel(window.account.service)}, "${window.account.handle}"`;
  return finish({
    kind: 'erasure-confirmation',
    window: window.id,
    law,
    to: 'openai-privacy',
    address: OPENAI_PRIVACY_CHANNEL.email.address,
    recipient: "OpenAI's privacy team",
    subject,
    body: lines.join('\n'),
  });
}

/** The complaint to the authority, once OpenAI let the legal deadline pass or refused. */
export function complaintDraft(
  about: DeadlineWindow,
  request: DeadlineWindow,
  law: Exclude<Law, 'none'>,
  options: Pick<DraftOptions, 'timeZone' | 'events'>,
  refusal?: LedgerEvent,
): Draft {
  const { timeZone, events } = options;
  const deadline = LEGAL_DEADLINES[law];
  const asked =
    request.id === about.id
      ? subjectMatter(request, timeZone)
      : `On ${longDate(request.openedAt, timeZone)} I asked OpenAI's privacy team (${OPENAI_PRIVACY_CHANNEL.email.address}) to confirm the erasure under ${ERASURE_RIGHTS[law].right}.`;
  const outcome = refusal
    ? `On ${longDate(refusal.occurredAt, timeZone)} OpenAI refused.`
    : `Under ${deadline.name} an answer was due by ${longDate(request.dueAt, timeZone)}. I have received none.`;
  const evidence = [...new Map([...evidenceOf(about, events), ...evidenceOf(request, events)].map((e) => [e.id, e])).values()].sort(
    (a, b) => a.occurredAt - b.occurredAt,
  );
  const lines = [
    `To ${deadline.authority},`,
    '',
    `I wish to lodge a complaint against OpenAI about the erasure of my personal data (${accountLabel(about)}).`,
    '',
    ...(request.id === about.id ? [] : [`${subjectMatter(about, timeZone)} ${promisedPeriod(about, timeZone)}`, '']),
    `${asked} ${outcome}`,
    '',
    'I attach the evidence report exported from my own records (Likeness Ledger), which lists each of these entries with its date and how it was recorded:',
    ...evidenceLines(evidence, timeZone),
    '',
    'I ask you to examine this complaint and to require OpenAI to confirm the erasure or to state which data it keeps and why.',
    '',
    'Kind regards,',
    '',
  ];
  return finish({
    kind: 'complaint',
    window: about.id,
    law,
    to: 'authority',
    address: null,
    recipient: deadline.authority,
    subject: `Complaint: OpenAI has not ${refusal ? 'complied with' : 'answered'} my erasure request (${deadline.name})`,
    body: lines.join('\n'),
  });
}

const answerTo = (requestId: string, events: readonly LedgerEvent[]) =>
  events.filter((e): e is EventOf<'privacy-answer-received'> => e.kind === 'privacy-answer-received' && e.details.request === requestId && e.details.outcome !== 'extended' && e.details.outcome !== 'other')[0];

/** The next follow-up for a window: a draft, a wait for a deadline, or nothing to send. */
export function nextFollowUp(window: DeadlineWindow, options: DraftOptions): NextStep {
  const { events, windows } = options;
  if (window.kind === 'export-link') return { step: 'none', reason: 'not-a-deletion' };
  // A follow-up's own deadline is part of the purge window it is about.
  const about = window.opener.kind === 'follow-up-sent' ? (windows.find((w) => w.id === (window.opener as EventOf<'follow-up-sent'>).details.window) ?? window) : window;
  const sent = events
    .filter((e): e is EventOf<'follow-up-sent'> => e.kind === 'follow-up-sent' && e.details.window === about.id)
    .sort((a, b) => a.occurredAt - b.occurredAt);
  if (sent.some((e) => e.details.to === 'authority')) return { step: 'none', reason: 'complained' };

  if (about.kind === 'legal-deadline') {
    const answer = answerTo(about.id, events);
    if (answer?.details.outcome === 'done') return { step: 'none', reason: 'answered' };
    if (!answer && (about.status === 'open' || about.status === 'due-soon')) return { step: 'none', reason: 'not-due' };
    if (!about.law || about.law === 'none') return { step: 'none', reason: 'no-deadline' };
    return { step: 'draft', draft: complaintDraft(about, about, about.law, options, answer) };
  }

  if (about.status === 'verified') return { step: 'none', reason: 'verified' };
  const lastToOpenAi = sent.filter((e) => e.details.to === 'openai-privacy').at(-1);
  if (!lastToOpenAi) {
    if (about.status === 'open' || about.status === 'due-soon') return { step: 'none', reason: 'not-due' };
    return { step: 'draft', draft: erasureConfirmationDraft(about, options) };
  }
  const request = windows.find((w) => w.id === lastToOpenAi.id);
  // Sent without a law: no deadline to wait for and no authority to turn to; another request is all there is.
  if (!request || lastToOpenAi.details.law === 'none') return { step: 'draft', draft: erasureConfirmationDraft(about, { ...options, jurisdiction: 'none' }) };
  const answer = answerTo(request.id, events);
  if (answer?.details.outcome === 'done') return { step: 'none', reason: 'answered' };
  if (!answer && (request.status === 'open' || request.status === 'due-soon')) return { step: 'waiting', until: request.dueAt, sent: lastToOpenAi };
  return { step: 'draft', draft: complaintDraft(about, request, lastToOpenAi.details.law, options, answer) };
}

/** What to record when the user sends a draft: the follow-up, which starts its own legal deadline. */
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
