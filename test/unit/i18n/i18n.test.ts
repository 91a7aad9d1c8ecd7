// The UI's messages: every key in every locale, with the same substitutions; every key the code
// names exists; every key that exists is used.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '@/lib/i18n/i18n';

const ROOT = resolve(import.meta.dirname, '../../..');
const LOCALES = join(ROOT, 'public/_locales');

type Messages = Record<string, { message: string; description?: string }>;
const read = (lang: string): Messages => JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8'));
const languages = readdirSync(LOCALES).filter((d) => statSync(join(LOCALES, d)).isDirectory());
const en = read('en');
const keys = Object.keys(en).sort();

/** $1 … $9 and named $placeholders$: what a translation must keep. */
const substitutions = (message: string) => [...message.matchAll(/\$(\d|[A-Za-z_]+\$)/g)].map((m) => m[0]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(tsx?|html)$/.test(name) ? [path] : [];
  });
}
const sources = [...['components', 'entrypoints', 'lib'].flatMap((d) => sourceFiles(join(ROOT, d))), join(ROOT, 'wxt.config.ts')].map(
  (path) => ({ path, text: readFileSync(path, 'utf8') }),
);

/**
 * Keys as the code names them: t('key'), getMessage('key'), __MSG_key__, and in files that
 * handle message keys (they name the MessageKey type), camelCase strings given as values.
 */
function keysNamedIn({ text }: { text: string }): string[] {
  const named = [
    ...text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g),
    ...text.matchAll(/getMessage\(\s*'([A-Za-z0-9_]+)'/g),
    ...text.matchAll(/__MSG_([A-Za-z0-9_]+)__/g),
  ].map((m) => m[1]!);
  if (/\bMessageKey\b/.test(text)) named.push(...[...text.matchAll(/:\s*'([a-z]+[A-Z][A-Za-z0-9]*)'/g)].map((m) => m[1]!));
  return named;
}

describe('locales', () => {
  it('include English and German', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'de']));
  });

  for (const lang of languages) {
    describe(lang, () => {
      const messages = read(lang);
      it('has every key, and no other', () => {
        expect(Object.keys(messages).sort()).toEqual(keys);
      });
      it('keeps each message’s substitutions', () => {
        for (const key of keys) expect(substitutions(messages[key]?.message ?? ''), key).toEqual(substitutions(en[key]!.message));
      });
      it('has no empty message', () => {
        for (const key of keys) expect(messages[key]?.message.trim(), key).not.toBe('');
      });
    });
  }

  it('include French and Spanish', () => {
    expect(languages).toEqual(expect.arrayContaining(['fr', 'es']));
  });

  for (const lang of languages.filter((l) => l !== 'en')) {
    it(`${lang} is a translation, not a copy of English`, () => {
      const messages = read(lang);
      // Names (Sora, "Likeness Ledger — Dashboard") and patterns ("$1 · $2") may be the same in both; sentences may not.
      const sentences = keys.filter((k) => (en[k]!.message.match(/\p{L}{2,}/gu)?.length ?? 0) >= 4);
      const copied = sentences.filter((k) => messages[k]!.message === en[k]!.message);
      expect(copied).toEqual([]);
    });

    it(`${lang} names its own language (languageShown), which lang attributes and dates follow`, () => {
      expect(read(lang).languageShown?.message).toBe(lang);
    });
  }
});

describe('keys in the code', () => {
  it('finds the keys the code names (the scan works)', () => {
    const named = new Set(sources.flatMap(keysNamedIn));
    expect(named).toContain('popupEmpty');
    expect(named).toContain('extName');
    expect(named).toContain('kindCameoDeleted');
  });

  it('every key the code names exists in English', () => {
    const missing = sources.flatMap((s) => keysNamedIn(s).filter((k) => !(k in en)).map((k) => `${k} (${s.path.slice(ROOT.length + 1)})`));
    expect(missing).toEqual([]);
  });

  it('every key is used somewhere', () => {
    const all = sources.map((s) => s.text).join('\n');
    const unused = keys.filter((k) => !all.includes(`'${k}'`) && !all.includes(`__MSG_${k}__`));
    expect(unused).toEqual([]);
  });
});

describe('t', () => {
  it('fills in substitutions', () => {
    expect(t('popupLoadFailed', 'disk full')).toBe('Could not read the ledger: disk full');
    expect(t('reportImported', 3, 2)).toBe('Imported new entries: 3. Already in your ledger: 2.');
  });
});
