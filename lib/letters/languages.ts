/**
 * The languages the letters are written in. Adding one is a file like en.ts and one entry here;
 * `letterLanguageFor` then offers it to users of that UI language.
 */
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import type { LetterTemplates } from './template';
import { primarySubtag } from '../i18n/language-tag';

export const LETTERS = { en, de, fr, es } satisfies Record<string, LetterTemplates>;
export type LetterLanguage = keyof typeof LETTERS;
export const LETTER_LANGUAGES = Object.keys(LETTERS) as LetterLanguage[];

/** The letter's language for a UI locale ("de-AT" → de); English where there is no letter in it. */
export function letterLanguageFor(locale: string): LetterLanguage {
  const language = primarySubtag(locale);
  return (LETTER_LANGUAGES as string[]).includes(language) ? (language as LetterLanguage) : 'en';
}
