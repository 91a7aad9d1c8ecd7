/**
 * Takedown routes: where a user goes to have a copy of their likeness removed, what the notice
 * must contain, and the clock that starts when it is sent — as data, each with its source and the
 * day it was checked. Facts from ../shared/docs/likeness-beyond-openai.md (as of 2026-12-01), which
 * cites the primary texts; this is not legal advice, and the dashboard says so where it shows a route.
 *
 * No schemas and no text in a language here: the words are message keys (components) and letters
 * (lib/letters/takedown-*.ts), so the background can read the clocks within its budget.
 */
import type { Duration, Source } from '../facts/policies';
import type { Platform } from './address';

export const TAKEDOWN_ROUTES = [
  'youtube-privacy',
  'x-take-it-down',
  'tiktok-report',
  'meta-report',
  'snapchat-report',
  'take-it-down-act',
  'eu-dsa',
  'gdpr-erasure',
  'other',
] as const;
export type TakedownRouteId = (typeof TAKEDOWN_ROUTES)[number];

/**
 * The clock a route starts. 'fixed': the platform's own stated time; 'legal': a law's; 'user':
 * none is stated, so the user chooses when to be reminded (`defaultDays` is offered).
 */
export type TakedownClock =
  | { type: 'fixed' | 'legal'; length: Duration; counted: 'days' | 'elapsed'; statement: string }
  | { type: 'user'; defaultDays: number; statement: string };

/** What a notice must contain; each is a line of the checklist and of the drafted notice. */
export const NOTICE_ELEMENTS = [
  'locate',
  'signature',
  'good-faith-non-consensual',
  'contact',
  'explanation-illegal',
  'name-email',
  'accurate-complete',
  'identity-proof',
  'first-party',
  'synthetic-likeness',
  'erasure-grounds',
] as const;
export type NoticeElement = (typeof NOTICE_ELEMENTS)[number];

/** Where to turn when the route's clock runs out or the request is refused. */
export type Escalation = 'platform-appeal' | 'ftc' | 'dsa-complaint' | 'dsa-out-of-court' | 'data-protection-authority';

export interface TakedownRoute {
  id: TakedownRouteId;
  /** The platforms it is offered for; absent: any. */
  platforms?: readonly Exclude<Platform, 'other'>[];
  /** Where to go: the official address, where there is one. */
  url?: string;
  /** Only for intimate depictions (digital forgeries included): the dashboard says so. */
  intimateOnly?: boolean;
  contains: readonly NoticeElement[];
  clock: TakedownClock;
  escalation: readonly Escalation[];
  source: Source;
}

const AS_OF = '2026-12-01';
const USER_DEFAULT_DAYS = 14;

export const ROUTES: Record<TakedownRouteId, TakedownRoute> = {
  'youtube-privacy': {
    id: 'youtube-privacy',
    platforms: ['youtube'],
    url: 'https://www.youtube.com/howyoutubeworks/ai',
    contains: ['locate', 'first-party', 'synthetic-likeness', 'contact'],
    clock: {
      type: 'fixed',
      length: { days: 2 },
      counted: 'elapsed',
      statement: 'The uploader gets 48 hours to remove or edit the content; otherwise YouTube reviews the complaint (no time stated for the review).',
    },
    escalation: ['platform-appeal', 'dsa-complaint'],
    source: { title: 'YouTube privacy complaint for AI-altered likeness (storyboard18.com 2024-07-04; the-decoder.com; neowin.net)', asOf: AS_OF, confidence: 'secondary' },
  },
  'x-take-it-down': {
    id: 'x-take-it-down',
    platforms: ['x'],
    url: 'https://help.x.com/forms/safety-and-sensitive-content/take-it-down',
    intimateOnly: true,
    contains: ['locate', 'signature', 'good-faith-non-consensual', 'contact'],
    clock: { type: 'legal', length: { days: 2 }, counted: 'elapsed', statement: 'X removes the content no later than 48 hours after a valid request and notifies the outcome.' },
    escalation: ['ftc'],
    source: { url: 'https://help.x.com/en/rules-and-policies/us-tida', title: 'X Help: US Take It Down Act', asOf: AS_OF, confidence: 'confirmed' },
  },
  'tiktok-report': {
    id: 'tiktok-report',
    platforms: ['tiktok'],
    url: 'https://support.tiktok.com/en/safety-hc/report-a-problem/report-an-impersonation-account',
    contains: ['locate', 'identity-proof', 'signature'],
    clock: { type: 'user', defaultDays: USER_DEFAULT_DAYS, statement: 'TikTok states no time for its answer.' },
    escalation: ['platform-appeal', 'dsa-complaint'],
    source: {
      url: 'https://support.tiktok.com/en/safety-hc/report-a-problem/report-an-impersonation-account',
      title: 'TikTok Support: Report an impersonation account',
      asOf: AS_OF,
      confidence: 'confirmed',
    },
  },
  'meta-report': {
    id: 'meta-report',
    platforms: ['facebook', 'instagram', 'threads'],
    url: 'https://www.facebook.com/safety/notwithoutmyconsent',
    contains: ['locate', 'first-party', 'identity-proof'],
    clock: { type: 'user', defaultDays: USER_DEFAULT_DAYS, statement: 'Meta states no time for its answer.' },
    escalation: ['platform-appeal', 'dsa-complaint'],
    source: { url: 'https://www.facebook.com/safety/notwithoutmyconsent', title: 'Meta: Not Without My Consent', asOf: AS_OF, confidence: 'confirmed' },
  },
  'snapchat-report': {
    id: 'snapchat-report',
    platforms: ['snapchat'],
    url: 'https://values.snap.com/news/take-it-down-act',
    contains: ['locate', 'first-party'],
    clock: { type: 'user', defaultDays: USER_DEFAULT_DAYS, statement: 'Snap states no time for its answer.' },
    escalation: ['platform-appeal', 'dsa-complaint'],
    source: { url: 'https://values.snap.com/news/take-it-down-act', title: 'Snap: Take It Down Act', asOf: AS_OF, confidence: 'confirmed' },
  },
  'take-it-down-act': {
    id: 'take-it-down-act',
    intimateOnly: true,
    contains: ['signature', 'locate', 'good-faith-non-consensual', 'contact'],
    clock: {
      type: 'legal',
      length: { days: 2 },
      counted: 'elapsed',
      statement: 'A covered platform removes the depiction as soon as possible and no later than 48 hours after a valid request (TAKE IT DOWN Act, Sec. 3; in force for platforms since 2026-05-19).',
    },
    escalation: ['ftc'],
    source: {
      url: 'https://www.congress.gov/119/bills/s146/BILLS-119s146enr.htm',
      title: 'TAKE IT DOWN Act (Pub. L. 119-12), Sec. 3',
      asOf: AS_OF,
      confidence: 'confirmed',
    },
  },
  'eu-dsa': {
    id: 'eu-dsa',
    contains: ['explanation-illegal', 'locate', 'name-email', 'accurate-complete'],
    clock: {
      type: 'user',
      defaultDays: USER_DEFAULT_DAYS,
      statement: 'No fixed deadline: receipt is confirmed and the decision notified "without undue delay" (DSA Art. 16(4)–(6)).',
    },
    escalation: ['dsa-complaint', 'dsa-out-of-court'],
    source: {
      url: 'https://eur-lex.europa.eu/eli/reg/2022/2065/oj',
      title: 'Regulation (EU) 2022/2065 (Digital Services Act), Art. 16, 20, 21',
      asOf: AS_OF,
      confidence: 'confirmed',
    },
  },
  'gdpr-erasure': {
    id: 'gdpr-erasure',
    contains: ['locate', 'erasure-grounds', 'name-email'],
    clock: {
      type: 'legal',
      length: { months: 1 },
      counted: 'days',
      statement: 'The controller answers within one month, extendable by two with notice and reasons within the first (GDPR Art. 12(3), Art. 17).',
    },
    escalation: ['data-protection-authority'],
    source: { url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj', title: 'Regulation (EU) 2016/679 (GDPR), Art. 12(3) and 17', asOf: AS_OF, confidence: 'confirmed' },
  },
  other: {
    id: 'other',
    contains: ['locate', 'contact'],
    clock: { type: 'user', defaultDays: USER_DEFAULT_DAYS, statement: 'No time stated: you choose when to be reminded.' },
    escalation: [],
    source: { title: 'Likeness Ledger: a route of your own', asOf: AS_OF, confidence: 'inferred' },
  },
};

/** The routes to offer for a copy on this platform: its own first, then the laws, then "other". */
export function routesFor(platform: Platform): TakedownRoute[] {
  const own = TAKEDOWN_ROUTES.map((id) => ROUTES[id]).filter((r) => r.platforms?.includes(platform as Exclude<Platform, 'other'>));
  const general = TAKEDOWN_ROUTES.map((id) => ROUTES[id]).filter((r) => !r.platforms);
  return [...own, ...general];
}

/** The clock's length for a request: the route's, or the days the user chose for a route without one. */
export function clockLength(route: TakedownRoute, remindInDays: number | undefined): { length: Duration; counted: 'days' | 'elapsed' } {
  const { clock } = route;
  if (clock.type === 'user') return { length: { days: remindInDays ?? clock.defaultDays }, counted: 'days' };
  return { length: clock.length, counted: clock.counted };
}
