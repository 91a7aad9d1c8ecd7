/**
 * UI text through the browser's i18n (public/_locales). Keys are checked: a test makes every
 * key exist in every locale.
 */
import en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
  getUILanguage(): string;
}
// Read through globalThis so that unit tests and the in-page warning can run without an extension API.
const i18n = (): I18nApi | undefined => (globalThis as { browser?: { i18n?: I18nApi } }).browser?.i18n;

/** Looks a message up in the browser's locale; falls back to English outside an extension (tests). */
export function t(key: MessageKey, ...substitutions: string[]): string {
  const fromBrowser = i18n()?.getMessage(key, substitutions);
  if (fromBrowser) return fromBrowser;
  let text: string = en[key].message;
  substitutions.forEach((s, i) => (text = text.replaceAll(`$${i + 1}`, s)));
  return text;
}

/** The UI language for Intl date formatting: the browser's UI language, else the platform's. */
export function uiLocale(): string {
  return i18n()?.getUILanguage() || navigator.language || 'en';
}
