// Counted words take each language's plural form: the pair's key is chosen by Intl.PluralRules of
// the language whose messages are shown, and every pair in every locale keeps the count.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '@/lib/i18n/i18n';
import { COUNTED, counted, plural, pluralKey } from '@/lib/i18n/plural';

const LOCALES = join(resolve(import.meta.dirname, '../../..'), 'public/_locales');
const languages = readdirSync(LOCALES).filter((d) => statSync(join(LOCALES, d)).isDirectory());
const read = (lang: string): Record<string, { message: string }> => JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8'));

/** A counted noun as a language shows it, read from its own file (the unit tests have no browser i18n). */
const entries = (lang: string, n: number) => read(lang)[pluralKey(COUNTED.entries, n, lang)]!.message.replace('$1', String(n));

describe('counted entries, per language', () => {
  // The forms a speaker expects; a wrong rule (French 0 as plural, German 1 as plural) fails here.
  const expected: Record<string, [number, string][]> = {
    en: [[0, '0 entries'], [1, '1 entry'], [2, '2 entries']],
    de: [[0, '0 Einträge'], [1, '1 Eintrag'], [2, '2 Einträge']],
    fr: [[0, '0 entrée'], [1, '1 entrée'], [2, '2 entrées']],
    es: [[0, '0 entradas'], [1, '1 entrada'], [2, '2 entradas']],
  };
  for (const [lang, cases] of Object.entries(expected)) {
    it(lang, () => {
      expect(languages).toContain(lang);
      for (const [n, text] of cases) expect(entries(lang, n)).toBe(text);
    });
  }
});

describe('plural pairs', () => {
  const en = read('en');
  const pairs = Object.keys(en)
    .filter((k) => k.endsWith('One') && `${k.slice(0, -3)}Other` in en)
    .map((k) => [k, `${k.slice(0, -3)}Other`] as const);

  it('are found (the scan works)', () => {
    expect(pairs.map(([one]) => one)).toEqual(expect.arrayContaining(['countEntriesOne', 'badgeTitleOne']));
  });

  for (const lang of languages) {
    it(`show the count in both forms in ${lang} (French says "0 entrée": the singular needs the number too)`, () => {
      const messages = read(lang);
      for (const pair of pairs) for (const key of pair) expect(messages[key]!.message, `${lang} ${key}`).toContain('$1');
    });
  }
});

describe('the helpers (English in unit tests)', () => {
  it('pick the form by the count', () => {
    expect(counted('entries', 1)).toBe('1 entry');
    expect(counted('accounts', 3)).toBe('3 accounts');
    expect(plural(['reminderGroupMessageOne', 'reminderGroupMessageOther'], 1)).toMatch(/^And 1 more deadline needs/);
  });

  it('fill sentences with counted nouns: no "across 1 accounts"', () => {
    expect(t('eraseWhatEntries', counted('entries', 1), '0', counted('accounts', 1))).toBe('1 entry (0 entered by you) across 1 account');
    expect(t('eraseWhatEntries', counted('entries', 3), '2', counted('accounts', 2))).toBe('3 entries (2 entered by you) across 2 accounts');
  });

  it('format the count in the language shown', () => {
    expect(counted('entries', 1234)).toBe('1,234 entries');
  });
});
