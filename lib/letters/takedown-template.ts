/** What a language supplies for the takedown letters (takedown.ts), and the facts they are written from. */
import type { Platform } from '../copies/address';
import { ROUTES, type Escalation, type NoticeElement, type TakedownRouteId } from '../copies/routes';
import type { DetailsOf } from '../ledger/events';
import type { Letter, SafeText } from './template';

export interface TakedownFacts {
  now: number;
  timeZone: string;
  address: SafeText;
  platform: Platform;
  shows: DetailsOf<'sighting-logged'>['shows'];
  madeWith: DetailsOf<'sighting-logged'>['madeWith'];
  seenAt: number;
  screenshotSha256?: string;
  route: TakedownRouteId;
  /** Once the notice was sent: when, its reference, when its clock ran out, and whether it was refused. */
  sent?: { at: number; dueAt: number; reference?: SafeText; refused: boolean };
}

export interface TakedownLetters {
  /** The notice along a route: its subject names the route's basis, its lines each element the route asks for. */
  notice(f: TakedownFacts): Letter;
  /** After the clock ran out or a refusal. */
  escalation(f: TakedownFacts, to: Escalation): Letter;
  /** Each element's line, exported for the checklist test. */
  element: Record<NoticeElement, (f: TakedownFacts) => string>;
}

/** Platforms by their brand names, the same in every language; "other" is each language's own words. */
export const PLATFORM_NAME: Record<Exclude<Platform, 'other'>, string> = {
  youtube: 'YouTube',
  tiktok: 'TikTok',
  instagram: 'Instagram',
  facebook: 'Facebook',
  x: 'X',
  snapchat: 'Snapchat',
  threads: 'Threads',
  reddit: 'Reddit',
};

/** The notice's lines, in the order the route lists what it must contain. */
export const noticeLines = (letters: TakedownLetters, f: TakedownFacts) => ROUTES[f.route].contains.map((e) => letters.element[e](f));
