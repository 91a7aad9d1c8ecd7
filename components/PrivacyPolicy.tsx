/**
 * The privacy policy page: PRIVACY.md (or its translation) exactly as the repository has it, in
 * the language the UI shows, with `?lang=` to switch (the policies link to one another).
 */
import en from '@/PRIVACY.md?raw';
import de from '@/PRIVACY.de.md?raw';
import es from '@/PRIVACY.es.md?raw';
import fr from '@/PRIVACY.fr.md?raw';
import { parseMarkdown } from '@/lib/i18n/markdown';
import { MarkdownView } from './MarkdownView';

const POLICIES = { en, de, fr, es } as const;
type PolicyLanguage = keyof typeof POLICIES;
/** Each policy file's name, as the others link to it. */
const FILES: Record<string, PolicyLanguage> = { 'PRIVACY.md': 'en', 'PRIVACY.de.md': 'de', 'PRIVACY.fr.md': 'fr', 'PRIVACY.es.md': 'es' };

const isPolicyLanguage = (lang: string | null | undefined): lang is PolicyLanguage => !!lang && lang in POLICIES;

/** The language asked for in the address, else the UI's, else English. */
export function policyLanguage(search: string, uiLocale: string): PolicyLanguage {
  const asked = new URLSearchParams(search).get('lang');
  if (isPolicyLanguage(asked)) return asked;
  const ui = uiLocale.split('-')[0];
  return isPolicyLanguage(ui) ? ui : 'en';
}

/** Links to another policy file stay on this page; links out open as links; anything else is plain text. */
function resolveHref(href: string): string | null {
  if (href in FILES) return `?lang=${FILES[href]}`;
  return /^https:\/\//.test(href) ? href : null;
}

export function PrivacyPolicy({ lang }: { lang: PolicyLanguage }) {
  return (
    <main class="policy" lang={lang}>
      <MarkdownView blocks={parseMarkdown(POLICIES[lang])} resolveHref={resolveHref} />
    </main>
  );
}
