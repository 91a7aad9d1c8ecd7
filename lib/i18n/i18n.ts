/**
 * UI text through the browser's i18n (public/_locales). Keys are typed from the English
 * messages, and test/unit/i18n/i18n.test.ts makes every key exist in every locale.
 *
 * Folder lib/i18n/: words, numbers and dates in the user's language: message keys, plurals, dates
 * and durations, bidi isolation of text others wrote, our schemas' refusal reasons, and the privacy
 * policy's Markdown.
 */
import en from '../../public/_locales/en/messages.json';
import { primarySubtag } from './language-tag';

export type MessageKey = keyof typeof en;

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
  getUILanguage(): string;
}
// Read through globalThis so that unit tests can run without an extension API. Chrome names the
// API `chrome` (older versions have no `browser`), Firefox `browser`; getMessage is synchronous in both
// (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/Chrome_incompatibilities).
const i18n = (): I18nApi | undefined => {
  const g = globalThis as { browser?: { i18n?: I18nApi }; chrome?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n;
};

// Unit tests run without the browser's i18n and read English from the file. Only they: in a build
// the comparison is a constant, so the messages file is left out of the popup's bundle.
const fallback: typeof en | undefined = import.meta.env.MODE === 'test' ? en : undefined;

function fromBrowser(key: MessageKey, substitutions: string[]): string {
  try {
    return i18n()?.getMessage(key, substitutions) ?? '';
  } catch {
    // WXT's fake browser throws "not implemented" for i18n in unit tests.
    return '';
  }
}

/** Looks a message up in the browser's locale; outside an extension (unit tests), in English. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  const text = fromBrowser(key, subs);
  if (text) return text;
  const message = fallback?.[key].message;
  if (message === undefined) return key;
  return subs.reduce((s, sub, i) => s.replaceAll(`$${i + 1}`, sub), message);
}

function browserLocale(): string {
  try {
    return i18n()?.getUILanguage() || globalThis.navigator?.language || 'en';
  } catch {
    return globalThis.navigator?.language || 'en';
  }
}

/**
 * The language the UI actually shows, for `lang` attributes, Intl formats and plural rules. Each
 * messages file names its own language (`languageShown`), so a browser in Italian, whose text falls
 * back to English, gets "en" and English dates; a browser in de-AT that shows the German file keeps
 * its region ("de-AT") for dates and numbers.
 */
export function uiLocale(): string {
  const shown = t('languageShown');
  const browser = browserLocale();
  return primarySubtag(browser) === shown ? browser.replace('_', '-') : shown;
}
