/**
 * Which language the in-page texts (the deletion warning, the "Log this?" question) speak: the
 * page's (<html lang>), not the browser's, so that the user reads one language on the page.
 */
import type { WarningLanguage } from '../facts/policies';
import { primarySubtag } from '../i18n/language-tag';

// A Record, so that a language added to WarningLanguage fails the type check until it is listed here.
const SPOKEN: Record<WarningLanguage, true> = { en: true, de: true, fr: true, es: true };

/** A language's primary subtag ("fr-CA" → "fr") if we speak it, else English. */
export function warningLanguage(pageLang: string | null | undefined): WarningLanguage {
  const primary = primarySubtag(pageLang);
  return Object.keys(SPOKEN).includes(primary) ? (primary as WarningLanguage) : 'en';
}
