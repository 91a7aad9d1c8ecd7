/** The takedown letters in English (takedown.ts). Not legal advice: the dashboard says so next to them. */
import type { Platform } from '../copies/address';
import type { Escalation, TakedownRouteId } from '../copies/routes';
import { quoteData } from './quote';
import { noticeLines, PLATFORM_NAME, type TakedownFacts, type TakedownLetters } from './takedown-template';
import { longDate, type Letter } from './template';

const date = longDate('en-GB');
const q = (text: string) => quoteData(text, ['“', '”']);
const on = (instant: number, f: TakedownFacts) => date(instant, f.timeZone);

const PLATFORM: Record<Platform, string> = { ...PLATFORM_NAME, other: 'your service' };
const SHOWS: Record<TakedownFacts['shows'], string> = { face: 'face', voice: 'voice', both: 'face and voice' };
const MADE_WITH: Record<TakedownFacts['madeWith'], string> = {
  sora: 'It appears to have been made with OpenAI’s Sora from a recording of me, and re-uploaded without its watermark.',
  other: 'It appears to have been made with an AI tool.',
  unknown: 'It appears to have been made or altered with an AI tool.',
};

const SUBJECT: Record<TakedownRouteId, string> = {
  'youtube-privacy': 'Privacy complaint: AI-altered content showing my likeness',
  'x-take-it-down': 'Removal request under the US TAKE IT DOWN Act',
  'tiktok-report': 'Report: content that impersonates me with my likeness',
  'meta-report': 'Report: content showing my likeness without my consent',
  'snapchat-report': 'Report: content showing my likeness without my consent',
  'take-it-down-act': 'Removal request under the US TAKE IT DOWN Act',
  'eu-dsa': 'Notice of illegal content under Art. 16 of the Digital Services Act',
  'gdpr-erasure': 'Request for erasure under Art. 17 GDPR',
  other: 'Request to remove content showing my likeness',
};

/** What the route's clock asks of the platform, as a last paragraph. */
const ASK: Record<TakedownRouteId, string> = {
  'youtube-privacy': 'Please ask the uploader to remove it within 48 hours, and remove it if they do not.',
  'x-take-it-down': 'Please remove it, and any identical copies, as soon as possible and no later than 48 hours after this request, and tell me the outcome.',
  'tiktok-report': 'Please remove it and tell me the outcome.',
  'meta-report': 'Please remove it and tell me the outcome.',
  'snapchat-report': 'Please remove it and tell me the outcome.',
  'take-it-down-act':
    'Under Section 3 of the TAKE IT DOWN Act, please remove it, and make reasonable efforts to remove known identical copies, as soon as possible and no later than 48 hours after receiving this request.',
  'eu-dsa': 'Please confirm receipt of this notice and tell me your decision without undue delay, with the possibilities of redress (Art. 16(4)–(5) DSA).',
  'gdpr-erasure': 'Please answer without undue delay and at the latest within one month of receiving this request (Art. 12(3) GDPR).',
  other: 'Please remove it and tell me the outcome.',
};

const ESCALATION: Record<Escalation, { subject: string; to: string; ask: string }> = {
  'platform-appeal': {
    subject: 'Appeal against the decision on my report',
    to: 'To the platform’s appeals or review team,',
    ask: 'I ask you to review the decision and remove the content.',
  },
  ftc: {
    subject: 'Complaint: a covered platform did not remove a non-consensual intimate depiction within 48 hours',
    to: 'To the Federal Trade Commission,',
    ask: 'The platform did not remove the depiction within the 48 hours the TAKE IT DOWN Act allows. I ask the Commission to act on this failure.',
  },
  'dsa-complaint': {
    subject: 'Complaint against the decision on my notice (Art. 20 DSA)',
    to: 'To the platform’s internal complaint-handling system,',
    ask: 'Under Art. 20 of the Digital Services Act I complain against the decision on my notice, or the lack of one, and ask you to reverse it and remove the content.',
  },
  'dsa-out-of-court': {
    subject: 'Request for out-of-court dispute settlement (Art. 21 DSA)',
    to: 'To the certified out-of-court dispute settlement body,',
    ask: 'Under Art. 21 of the Digital Services Act I ask you to settle the dispute about the platform’s decision on my notice.',
  },
  'data-protection-authority': {
    subject: 'Complaint under Art. 77 GDPR: erasure request not answered or refused',
    to: 'To the data protection authority,',
    ask: 'Under Art. 77 GDPR I lodge a complaint: the controller did not erase my personal data as Art. 17 requires, nor answer within the time Art. 12(3) allows.',
  },
};

const element: TakedownLetters['element'] = {
  locate: (f) => `The content is at ${q(f.address)} (${PLATFORM[f.platform]}); I saw it on ${on(f.seenAt, f)}.`,
  signature: () => 'Signature: [your full name, as your electronic signature]',
  'good-faith-non-consensual': (f) =>
    `I state in good faith that this depiction of my ${SHOWS[f.shows]} was published without my consent. ${MADE_WITH[f.madeWith]}`,
  contact: () => 'Contact: [your email address or phone number]',
  'explanation-illegal': (f) =>
    `Why it is illegal: it is a realistic, AI-made depiction of my ${SHOWS[f.shows]}, published without my consent, in breach of [the law that protects your image or voice where you live]. ${MADE_WITH[f.madeWith]}`,
  'name-email': () => 'Name: [your full name]. Email: [your email address].',
  'accurate-complete': () => 'I confirm in good faith that the information and allegations in this notice are accurate and complete.',
  'identity-proof': () => 'Proof of identity: [attach the identification the form asks for].',
  'first-party': () => 'I am the person shown in it.',
  'synthetic-likeness': (f) => `It shows a realistic, AI-made or altered version of my ${SHOWS[f.shows]}, made without my consent. ${MADE_WITH[f.madeWith]}`,
  'erasure-grounds': () =>
    'I did not consent to this processing of my personal data, or withdraw any consent, and object to it (Art. 21 GDPR). Please erase it without undue delay (Art. 17(1) GDPR) and, as you made it public, inform other controllers that copied it (Art. 17(2)).',
};

const screenshot = (f: TakedownFacts) => (f.screenshotSha256 ? [`I kept a screenshot of it (SHA-256 ${f.screenshotSha256}).`] : []);

function notice(f: TakedownFacts): Letter {
  const lines = ['Hello,', '', `I am writing to ask you to remove content that shows my likeness.`, '', ...noticeLines(takedownEn, f), ...screenshot(f), '', ASK[f.route], '', 'Kind regards,', '[your name]'];
  return { subject: SUBJECT[f.route], body: lines.join('\n') };
}

function escalation(f: TakedownFacts, to: Escalation): Letter {
  const { subject, to: greeting, ask } = ESCALATION[to];
  const sent = f.sent;
  const reference = sent?.reference ? ` (reference ${q(sent.reference)})` : '';
  const history = sent
    ? sent.refused
      ? `On ${on(sent.at, f)} I asked for its removal${reference}. The request was refused.`
      : `On ${on(sent.at, f)} I asked for its removal${reference}; it was due by ${on(sent.dueAt, f)}. It is still online.`
    : '';
  const lines = [greeting, '', element.locate(f), history, ...screenshot(f), '', ask, '', 'Kind regards,', '[your name]', 'Contact: [your email address]'];
  return { subject: `${subject}: ${SUBJECT[f.route]}`, body: lines.join('\n') };
}

export const takedownEn: TakedownLetters = { notice, escalation, element };
