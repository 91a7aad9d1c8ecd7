/**
 * Counts shown with a word ("1 entry", "3 Einträge", "0 entrée") through Intl.PluralRules, so each
 * language picks its own form: French counts 0 as singular, English and German do not.
 *
 * A counted message is a pair of keys, …One for the rules' "one" category and …Other for every
 * other category, and both keep the count as $1 (in French "one" is also 0, so even the singular
 * shows the number). Our four languages know no more categories than these for the counts we show;
 * a language that needs "few" or "many" (Polish, Arabic) would add keys here, not another helper.
 */
import { t, uiLocale, type MessageKey } from './i18n';

export type PluralPair = readonly [one: MessageKey, other: MessageKey];

/** Counted nouns that sentences take as a substitution ("Showing 3 of $2" with "5 entries"). */
export const COUNTED = {
  entries: ['countEntriesOne', 'countEntriesOther'],
  accounts: ['countAccountsOne', 'countAccountsOther'],
  deadlines: ['countDeadlinesOne', 'countDeadlinesOther'],
  days: ['countDaysOne', 'countDaysOther'],
  history: ['countHistoryOne', 'countHistoryOther'],
} as const satisfies Record<string, PluralPair>;

/** The key of the pair whose form the language uses for this count. */
export function pluralKey(pair: PluralPair, count: number, locale: string = uiLocale()): MessageKey {
  return new Intl.PluralRules(locale).select(count) === 'one' ? pair[0] : pair[1];
}

/** The pair's message for this count, the count formatted in the UI's language as $1, then the rest. */
export function plural(pair: PluralPair, count: number, ...rest: (string | number)[]): string {
  const locale = uiLocale();
  return t(pluralKey(pair, count, locale), count.toLocaleString(locale), ...rest);
}

/** "1 entry", "3 entries": a counted noun in the UI's language. */
export const counted = (noun: keyof typeof COUNTED, count: number): string => plural(COUNTED[noun], count);
