// The UI in each language, as the browser would show it: a stand-in for the browser's i18n reads
// the locale's own messages.json (with English for keys it lacks, as Chrome falls back to the
// default locale). Law names, plural forms, dates and `lang` must follow the language shown.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { uiLocale } from '@/lib/i18n/i18n';
import { Handle } from '@/lib/ledger/events';
import { issuesFrom } from '@/lib/report/issues';
import { IsoInstant } from '@/lib/report/schema';
import { counted } from '@/lib/i18n/plural';
import { calendarTitle, windowSentence } from '@/lib/reminders/text';
import type { DeadlineWindow } from '@/lib/deadlines/windows';

const LOCALES = join(resolve(import.meta.dirname, '../../..'), 'public/_locales');
type Messages = Record<string, { message: string }>;
const read = (lang: string): Messages => {
  try {
    return JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8'));
  } catch {
    return {};
  }
};

/** Installs a browser i18n that speaks `browserLocale` (messages from its folder, else English). */
function browserIn(browserLocale: string) {
  const own = read(browserLocale.split('-')[0]!);
  const en = read('en');
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue(browserLocale);
  vi.spyOn(browser.i18n, 'getMessage').mockImplementation((key: string, subs?: string | string[]) =>
    [subs ?? []].flat().reduce((s, sub, i) => s.replaceAll(`$${i + 1}`, sub), (own[key] ?? en[key])?.message ?? ''),
  );
}
afterEach(() => {
  vi.restoreAllMocks();
});

const DAY = 86_400_000;
const legal = { kind: 'legal-deadline', law: 'gdpr', openedAt: Date.UTC(2026, 0, 5, 12), dueAt: Date.UTC(2026, 1, 5, 12) } as DeadlineWindow;
const options = { now: Date.UTC(2026, 0, 20), timeZone: 'UTC', locale: 'en' };

describe('the language shown, not only the browser’s', () => {
  it('a browser in fr-CA shows French and keeps its region for dates', () => {
    browserIn('fr-CA');
    expect(uiLocale()).toBe('fr-CA');
  });

  it('a browser in Italian, whose text falls back to English, gets English dates and lang too', () => {
    browserIn('it');
    expect(uiLocale()).toBe('en');
  });
});

describe('law names in reminders and calendar titles', () => {
  const cases = { en: 'GDPR (EU and EEA)', de: 'DSGVO (EU und EWR)', fr: 'RGPD (UE et EEE)', es: 'RGPD (UE y EEE)' };
  for (const [lang, law] of Object.entries(cases)) {
    it(`${lang}: ${law}`, () => {
      browserIn(lang);
      const locale = uiLocale();
      expect(windowSentence(legal, { ...options, locale })).toContain(law);
      expect(calendarTitle(legal, { ...options, locale })).toContain(law);
      expect(windowSentence(legal, { ...options, locale, now: legal.dueAt + DAY })).toContain(law);
    });
  }
});

describe('plural forms in the language shown', () => {
  const cases: Record<string, [number, string][]> = {
    en: [[1, '1 account'], [0, '0 accounts']],
    de: [[1, '1 Konto'], [0, '0 Konten']],
    fr: [[0, '0 compte'], [1, '1 compte'], [2, '2 comptes'], [1000, '1 000 comptes']],
    es: [[0, '0 cuentas'], [1, '1 cuenta'], [1000, '1000 cuentas']],
  };
  for (const [lang, expected] of Object.entries(cases)) {
    it(lang, () => {
      browserIn(lang);
      for (const [n, text] of expected) expect(counted('accounts', n).replace(/\s/g, ' ')).toBe(text);
    });
  }
});

describe('what is wrong with an imported file, in the language shown', () => {
  const schema = z.strictObject({ count: z.number(), service: z.enum(['sora', 'chatgpt']) });
  const problems = () => {
    const parsed = schema.safeParse({ count: 'x', service: 'myspace', extra: 1 });
    return issuesFrom(parsed.error!, { count: 'x', service: 'myspace', extra: 1 }).map((i) => i.message);
  };
  const cases = {
    en: ['expected a number, found the text "x"', 'expected "sora" or "chatgpt", found the text "myspace"', '1 unknown field: extra'],
    de: ['erwartet: eine Zahl, gefunden: der Text "x"', 'erwartet: "sora" oder "chatgpt", gefunden: der Text "myspace"', '1 unbekanntes Feld: extra'],
    fr: ['attendu\u202f: un nombre, trouvé\u202f: le texte "x"', 'attendu\u202f: "sora" ou "chatgpt", trouvé\u202f: le texte "myspace"', '1 champ inconnu\u202f: extra'],
    es: ['se esperaba un número; se encontró el texto "x"', 'se esperaba "sora" o "chatgpt"; se encontró el texto "myspace"', '1 campo desconocido: extra'],
  };
  for (const [lang, expected] of Object.entries(cases)) {
    it(lang, () => {
      browserIn(lang);
      expect(problems().sort()).toEqual([...expected].sort());
    });
  }
});

describe('the reasons our own schemas give, in the language shown', () => {
  // A handle with a right-to-left override, and a report date out of range: reasons the schemas
  // themselves give (not zod's generic ones), which were English in every language before.
  const problems = () => {
    const events = Handle.safeParse('\u202Ealice');
    const dated = IsoInstant.safeParse('1999-01-01T00:00:00Z');
    return [...issuesFrom(events.error!, '\u202Ealice'), ...issuesFrom(dated.error!, '1999-01-01T00:00:00Z')].map((i) => i.message);
  };
  for (const lang of readdirSync(LOCALES)) {
    it(lang, () => {
      browserIn(lang);
      const own = read(lang);
      expect(problems()).toEqual(expect.arrayContaining([own.issueHandleBidi!.message, own.issueDateRange!.message]));
      if (lang !== 'en') expect(problems()).not.toContain(read('en').issueHandleBidi!.message);
    });
  }
});
