/**
 * The takedown letters: the notice for each route (lib/copies/routes.ts) and the escalations after
 * it (the platform's appeal, the FTC, the DSA complaint and out-of-court body, the data protection
 * authority). Like the letters to OpenAI (template.ts), a language is one object of the type below,
 * total over routes, notice elements and escalations, so a new route fails the type check until
 * every language has its words; text from the ledger comes in neutralised (quote.ts).
 *
 * What the user must fill in (their name, signature, contact) is left as a [bracketed] blank: we
 * never hold it.
 */
import type { TakedownRouteId } from '../copies/routes';
import type { LedgerEvent } from '../ledger/events';
import { neutralText } from './quote';
import { takedownDe } from './takedown-de';
import { takedownEn } from './takedown-en';
import { takedownEs } from './takedown-es';
import { takedownFr } from './takedown-fr';
import type { TakedownFacts, TakedownLetters } from './takedown-template';
import type { SafeText } from './template';
import { primarySubtag } from '../i18n/language-tag';

export const TAKEDOWN_LETTERS = { en: takedownEn, de: takedownDe, fr: takedownFr, es: takedownEs } satisfies Record<string, TakedownLetters>;
export type TakedownLanguage = keyof typeof TAKEDOWN_LETTERS;
export const TAKEDOWN_LANGUAGES = Object.keys(TAKEDOWN_LETTERS) as TakedownLanguage[];

/** The letter's language for the UI's ("fr-CA" → fr); English where there is no takedown letter in it. */
export function takedownLanguageFor(locale: string): TakedownLanguage {
  const language = primarySubtag(locale);
  return (TAKEDOWN_LANGUAGES as string[]).includes(language) ? (language as TakedownLanguage) : 'en';
}

/** The facts of a copy and its latest request, with every text from the ledger neutralised. */
export function takedownFacts(
  sighting: Extract<LedgerEvent, { kind: 'sighting-logged' }>,
  route: TakedownRouteId,
  options: { now: number; timeZone: string },
  sent?: { request: Extract<LedgerEvent, { kind: 'takedown-requested' }>; dueAt: number; refused: boolean },
): TakedownFacts {
  const { address, platform, shows, madeWith, screenshotSha256 } = sighting.details;
  const reference = sent?.request.details.reference;
  return {
    ...options,
    address: neutralText(address) as SafeText,
    platform,
    shows,
    madeWith,
    seenAt: sighting.occurredAt,
    ...(screenshotSha256 ? { screenshotSha256 } : {}),
    route,
    ...(sent ? { sent: { at: sent.request.occurredAt, dueAt: sent.dueAt, refused: sent.refused, ...(reference ? { reference: neutralText(reference) as SafeText } : {}) } } : {}),
  };
}
