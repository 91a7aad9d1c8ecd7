// @vitest-environment happy-dom
// The privacy policy (PRIVACY.md and its translations): true to the code, and shown as written.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { policyLanguage, PrivacyPolicy } from '@/components/PrivacyPolicy';
import { parseInline, parseMarkdown, type Block, type Inline } from '@/lib/i18n/markdown';
import { SURFACES } from '@/lib/facts/surfaces';

const ROOT = resolve(import.meta.dirname, '../../..');
const POLICIES = { en: 'PRIVACY.md', de: 'PRIVACY.de.md', fr: 'PRIVACY.fr.md', es: 'PRIVACY.es.md' } as const;
const read = (file: string) => readFileSync(resolve(ROOT, file), 'utf8');
const plain = (content: Inline[]) => content.map((i) => i.text).join('');

describe('markdown for the policy page', () => {
  it('reads headings, paragraphs over several lines, lists with continued items, and tables', () => {
    const blocks = parseMarkdown(
      ['# Title', '', 'one', 'two', '', '- first', '  continued', '- second', '<!-- a note -->', '| a | b |', '| --- | --- |', '| `x` | y |'].join('\n'),
    );
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'table']);
    expect(blocks[1]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'one two' }] });
    expect((blocks[2] as Extract<Block, { type: 'list' }>).items.map(plain)).toEqual(['first continued', 'second']);
    const table = blocks[3] as Extract<Block, { type: 'table' }>;
    expect(table.head.map(plain)).toEqual(['a', 'b']);
    expect(table.rows).toEqual([[[{ type: 'code', text: 'x' }], [{ type: 'text', text: 'y' }]]]);
  });

  it('reads code, bold, emphasis and links inside a line', () => {
    expect(parseInline('a `c` **b** *e* [l](PRIVACY.de.md).')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'code', text: 'c' },
      { type: 'text', text: ' ' },
      { type: 'strong', text: 'b' },
      { type: 'text', text: ' ' },
      { type: 'em', text: 'e' },
      { type: 'text', text: ' ' },
      { type: 'link', text: 'l', href: 'PRIVACY.de.md' },
      { type: 'text', text: '.' },
    ]);
  });
});

for (const [lang, file] of Object.entries(POLICIES)) {
  describe(`privacy policy (${lang})`, () => {
    const blocks = parseMarkdown(read(file));
    const tables = blocks.filter((b): b is Extract<Block, { type: 'table' }> => b.type === 'table');

    it('names in its site table exactly the hosts the extension may read', () => {
      const hostTable = tables[0]!;
      const named = hostTable.rows.flatMap((row) => row[1]!.filter((i) => i.type === 'code').map((i) => i.text));
      const hosts = Object.values(SURFACES).flatMap((s) => [...s.hosts]);
      expect(named.sort()).toEqual(hosts.sort());
    });

    it('says where each storage area is used and that uninstalling deletes the ledger', () => {
      const text = read(file);
      for (const area of ['IndexedDB', 'storage.local', 'storage.session']) expect(text).toContain(area);
      const says = {
        en: [/Uninstalling the extension deletes/, /not made by, affiliated with or endorsed by OpenAI/],
        de: [/deinstallierst, wird (es|alles) gelöscht/, /nicht mit OpenAI verbunden/],
        fr: [/Désinstaller l’extension (le )?supprime/, /ni affilié à OpenAI/],
        es: [/Desinstalar la extensión (lo )?elimina/, /no está vinculado a OpenAI/],
      }[lang as keyof typeof POLICIES];
      for (const pattern of says) expect(text).toMatch(pattern);
    });

    it('points to the schemas that bound what is kept (their strictness is tested in events.test.ts)', () => {
      expect(read(file)).toContain('`lib/ledger/events.ts`');
    });
  });
}

describe('the privacy page', () => {
  it('shows the policy in the UI language, unless the address asks for the other', () => {
    expect(policyLanguage('', 'de-DE')).toBe('de');
    expect(policyLanguage('', 'fr')).toBe('fr');
    expect(policyLanguage('', 'es-MX')).toBe('es');
    expect(policyLanguage('', 'it')).toBe('en');
    expect(policyLanguage('?lang=en', 'de')).toBe('en');
    expect(policyLanguage('?lang=xx', 'de')).toBe('de');
  });

  it('renders the file as elements: its headings, its host table, and a link to the translation that stays on the page', () => {
    const root = document.createElement('div');
    render(<PrivacyPolicy lang="de" />, root);
    expect(root.querySelector('main')!.lang).toBe('de');
    expect(root.querySelector('h1')!.textContent).toBe('Datenschutzerklärung');
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toContain('Wie du sie löschst');
    expect(root.querySelector('table td code')!.textContent).toBe('sora.chatgpt.com');
    expect(root.querySelector('a')!.getAttribute('href')).toBe('?lang=en');
    expect(root.innerHTML).not.toContain('<!--');
  });
});

describe('every UI language has its policy', () => {
  it('a PRIVACY file for each locale folder, shown in the extension and linked from the others', () => {
    const locales = readdirSync(resolve(ROOT, 'public/_locales'));
    const english = read('PRIVACY.md');
    for (const lang of locales.filter((l) => l !== 'en')) {
      expect(Object.keys(POLICIES)).toContain(lang);
      expect(english).toContain(`(PRIVACY.${lang}.md)`);
      const root = document.createElement('div');
      render(<PrivacyPolicy lang={lang as keyof typeof POLICIES} />, root);
      expect(root.querySelector('main')!.lang).toBe(lang);
      expect(root.querySelector('a[href="?lang=en"]')).not.toBeNull();
    }
  });
});
