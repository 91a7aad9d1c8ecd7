/** The letters in English: the legal citations are the facts module's own (lib/facts/policies.ts). */
import { ACCESS_RIGHTS, ERASURE_RIGHTS, LEGAL_DEADLINES, OPENAI_PRIVACY_CHANNEL, type Law } from '../facts/policies';
import type { ErasureScope } from './kinds';
import { quoteData } from './quote';
import { longDate, type EvidenceItem, type LawWithDeadline, type LetterFacts, type LetterTemplates, type OpenaiWindowKind, type RequestFacts } from './template';

const date = longDate('en-GB');
const q = (text: string) => quoteData(text, ['“', '”']);
const on = (instant: number, f: LetterFacts) => date(instant, f.timeZone);
const account = (f: LetterFacts) => `my ${f.account.service} account ${q(f.account.handle)}`;

/** What the letter asks to be erased, in full. */
const SCOPE: Record<ErasureScope, string> = {
  cameo:
    'my cameo (the video and voice recording of my face and voice) and everything derived from it: face and voice data, including any biometric templates; embeddings and any other representations computed from it; and the videos and drafts made with it',
  account:
    'the personal data of this account, including any cameo (the video and voice recording of my face and voice) and everything derived from it: face and voice data, embeddings and other representations computed from it, and the videos and drafts made with it',
  request: 'the personal data my request was about',
};

/** The same, in a subject line. */
const TOPIC: Record<ErasureScope, string> = { cameo: 'my cameo', account: 'my account data', request: 'my personal data' };

const SHORT_LAW: Record<LawWithDeadline, string> = {
  gdpr: 'Art. 15 and 17 GDPR',
  'uk-gdpr': 'Art. 15 and 17 UK GDPR',
  ccpa: 'CCPA/CPRA right to know and delete',
  'us-state': 'state privacy law: access and deletion',
  lgpd: 'LGPD Art. 18',
  pipeda: 'PIPEDA',
};

const REQUEST: Record<NonNullable<RequestFacts['logged']>['request'], string> = {
  erasure: 'an erasure request',
  access: 'an access request',
  other: 'a privacy request',
};

const channel = (logged: NonNullable<RequestFacts['logged']>) =>
  logged.channel === 'privacy-portal' ? ` through its Privacy Portal (${OPENAI_PRIVACY_CHANNEL.portal.url})` : logged.channel === 'email' ? ' by email' : '';

const ABOUT: Record<OpenaiWindowKind, (f: LetterFacts) => string> = {
  'cameo-purge': (f) => `On ${on(f.openedAt, f)} I deleted my cameo from ${account(f)}.`,
  'account-purge': (f) => `On ${on(f.openedAt, f)} I deleted ${account(f)}.`,
  'export-link': (f) => `On ${on(f.openedAt, f)} I received a data export for ${account(f)}.`,
  'sora-closure': (f) =>
    `On ${on(f.openedAt, f)} OpenAI closed Sora. My cameo in ${account(f)} had not been deleted before then, and OpenAI has not said what became of the recordings.`,
  'legal-deadline': (f) => {
    const logged = f.request?.logged;
    if (!logged) return `On ${on(f.openedAt, f)} I asked OpenAI's privacy team (${OPENAI_PRIVACY_CHANNEL.email.address}) to confirm the erasure of data of ${account(f)}.`;
    const reference = logged.reference ? ` (reference ${q(logged.reference)})` : '';
    return `On ${on(f.openedAt, f)} I made ${REQUEST[logged.request]} about ${account(f)} to OpenAI${channel(logged)}${reference}.`;
  },
};

/** The period OpenAI stated, or the law's, and that it has ended. */
function promised(f: LetterFacts): string {
  if (f.request) return `Under ${LEGAL_DEADLINES[f.request.law].name} an answer was due by ${on(f.request.dueAt, f)}.`;
  return `OpenAI states: "${f.statement}" (${f.source}). That period ended on ${on(f.dueAt, f)}.`;
}

const HOW: Record<EvidenceItem['how'], string> = {
  confirmed: "confirmed by the service's own response at the time",
  'seen-on-page': 'seen on the page',
  'stated-by-user': 'my own record',
};

function what(item: EvidenceItem['what']): string {
  switch (item.kind) {
    case 'cameo-created':
      return 'cameo created';
    case 'cameo-deleted':
      return 'cameo deleted';
    case 'account-deletion-requested':
      return 'account deletion requested';
    case 'data-export-received':
      return 'data export received';
    case 'privacy-request-sent':
      return `${item.request} request sent${item.law === 'none' ? '' : ` under ${LEGAL_DEADLINES[item.law].name}`}${item.reference ? `, reference ${q(item.reference)}` : ''}`;
    case 'follow-up-sent':
      return item.to === 'authority' ? 'complaint sent to the authority' : "letter sent to OpenAI's privacy team";
    case 'privacy-answer-received':
      return `answer received: ${{ done: 'done', refused: 'refused', extended: 'deadline extended', other: 'other' }[item.outcome]}`;
  }
}

function evidence(f: LetterFacts): string[] {
  return f.evidence.map((e) => {
    const detail = [HOW[e.how], e.shown ? `showing ${q(e.shown)}` : '', e.url ? `at ${e.url}` : ''].filter(Boolean).join(', ');
    return `- ${on(e.at, f)}: ${what(e.what)} (${detail})`;
  });
}

const deadlineLine = (law: LawWithDeadline, f: LetterFacts, answerBy: number) =>
  `${LEGAL_DEADLINES[law].name}: ${LEGAL_DEADLINES[law].statement} Counting from today, ${on(f.now, f)}, your answer is due by ${on(answerBy, f)}.`;

/** What the request asks, under each law: to erase, and to say what is still held. */
function asking(law: Law, f: LetterFacts): string {
  const scope = SCOPE[f.scope];
  if (law === 'none') return `I ask you to confirm that ${scope} has been deleted, or to tell me which of it you keep and why.`;
  if (law === 'ccpa' || law === 'us-state') {
    return `Under ${ACCESS_RIGHTS[law].right} and ${ERASURE_RIGHTS[law].right} I ask you to tell me which personal information about me you still hold, and to delete ${scope} from your records, to direct your service providers and contractors to delete it, and to confirm that this has been done.`;
  }
  return `Under ${ERASURE_RIGHTS[law].right} I ask you to erase ${scope}, and to confirm that you have done so. Under ${ACCESS_RIGHTS[law].right} I ask you to tell me which of this data you still hold, for what purposes, and to whom it was disclosed, so that I can see the erasure is complete.`;
}

const closing = (f: LetterFacts) => ['', 'What my records show:', ...evidence(f), '', 'Kind regards,', ''];
const heading = (f: LetterFacts) => `${TOPIC[f.scope]} – ${f.account.service} account ${q(f.account.handle)}`;

export const en: LetterTemplates = {
  name: 'English',
  openaiPrivacy: "OpenAI's privacy team",
  authority: Object.fromEntries(Object.entries(LEGAL_DEADLINES).map(([law, d]) => [law, d.authority])) as Record<LawWithDeadline, string>,
  about: ABOUT,
  cutForEmail: '[The letter goes on: paste the full text, which Likeness Ledger copied for you.]',

  request(f, law, answerBy) {
    const lines = ['Dear OpenAI privacy team,', '', `${ABOUT[f.kind](f)} ${promised(f)} I have had no confirmation that the data has been erased.`, '', asking(law, f)];
    if (law !== 'none' && answerBy !== null) lines.push('', deadlineLine(law, f, answerBy));
    lines.push(...closing(f));
    const subject =
      law === 'none' ? `Please confirm the erasure of ${heading(f)}` : `Request to confirm erasure and access (${SHORT_LAW[law]}) – ${heading(f)}`;
    return { subject, body: lines.join('\n') };
  },

  followUp(f, lapsed, answerBy) {
    const asked = lapsed.logged
      ? ABOUT['legal-deadline']({ ...f, openedAt: lapsed.sentAt, request: lapsed })
      : `On ${on(lapsed.sentAt, f)} I asked you, under ${ERASURE_RIGHTS[lapsed.law].right}, to erase ${TOPIC[f.scope]} and everything derived from it, and to confirm the erasure.`;
    const lines = [
      'Dear OpenAI privacy team,',
      '',
      ...(lapsed.logged ? [] : [`${ABOUT[f.kind](f)}`, '']),
      `${asked} Under ${LEGAL_DEADLINES[lapsed.law].name} your answer was due by ${on(lapsed.dueAt, f)}. I have received none.`,
      '',
      `I repeat my request: ${asking(lapsed.law, f)}`,
      '',
      `If I have no answer by ${on(answerBy, f)}, I will lodge a complaint with ${LEGAL_DEADLINES[lapsed.law].authority}.`,
      ...closing(f),
    ];
    return { subject: `Follow-up: my request of ${on(lapsed.sentAt, f)} is unanswered (${SHORT_LAW[lapsed.law]}) – ${heading(f)}`, body: lines.join('\n') };
  },

  complaint(f, { first, followedUpOn, last, refusedAt }) {
    const deadline = LEGAL_DEADLINES[last.law];
    const asked = first.logged
      ? ABOUT['legal-deadline']({ ...f, openedAt: first.sentAt, request: first })
      : `On ${on(first.sentAt, f)} I asked OpenAI's privacy team (${OPENAI_PRIVACY_CHANNEL.email.address}) to confirm the erasure under ${ERASURE_RIGHTS[first.law].right}.`;
    const followed = followedUpOn.length > 0 ? ` I followed it up on ${followedUpOn.map((at) => on(at, f)).join(', ')}.` : '';
    const outcome =
      refusedAt !== null ? `On ${on(refusedAt, f)} OpenAI refused.` : `Under ${deadline.name} an answer was due by ${on(last.dueAt, f)}. I have received none.`;
    const lines = [
      `To ${deadline.authority},`,
      '',
      `I wish to lodge a complaint against OpenAI about the erasure of my personal data (${account(f)}): ${SCOPE[f.scope]}.`,
      '',
      ...(first.logged ? [] : [`${ABOUT[f.kind](f)} ${promised(f)}`, '']),
      `${asked}${followed} ${outcome}`,
      '',
      'I attach the evidence report exported from my own records (Likeness Ledger), which lists each of these entries with its date and how it was recorded:',
      ...evidence(f),
      '',
      'I ask you to examine this complaint and to require OpenAI to confirm the erasure or to state which data it keeps and why.',
      '',
      'Kind regards,',
      '',
    ];
    return { subject: `Complaint: OpenAI has not ${refusedAt !== null ? 'complied with' : 'answered'} my erasure request (${deadline.name})`, body: lines.join('\n') };
  },
};
