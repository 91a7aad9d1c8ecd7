/**
 * Sora has closed: the dates, what OpenAI said and what it did not, each with its source and the
 * day it was checked (lib/facts/policies.ts). Shown wherever Sora is: the popup's Sora card, the welcome
 * page, the dashboard; the evidence report prints the same facts.
 */
import { formatDate } from '@/lib/i18n/format';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { warningLanguage } from '@/lib/warning/language';
import { CONFIDENCE_MESSAGE, SourceTitle } from './SourceTitle';
import { SORA_CLOSURE, SORA_CLOSURE_NOT_SAID, SORA_CLOSURE_SAID, type Source, type Statement, type WarningLanguage } from '@/lib/facts/policies';

/** The facts are written in English and German; every other UI language reads them in English. */
export const factLanguage = (locale = uiLocale()): WarningLanguage => warningLanguage(locale);

/** The evidence report's words for how sure a source is. */
/** A date of the closure as the user's language writes it, without moving it by a time zone. */
export const closureDate = (date: string, locale = uiLocale()) => formatDate(Date.parse(`${date}T12:00:00Z`), locale);

export function closureSummary(locale = uiLocale()): string {
  return t('closureSummary', closureDate(SORA_CLOSURE.apps.date, locale), closureDate(SORA_CLOSURE.api.date, locale));
}

function Cite({ source }: { source: Source }) {
  return (
    <span class="source muted">
      {' '}
      (
      <SourceTitle source={source} />; {t(CONFIDENCE_MESSAGE[source.confidence])}; {t('asOf', source.asOf)})
    </span>
  );
}

function Facts({ items, lang }: { items: Statement[]; lang: WarningLanguage }) {
  return (
    <ul class="closure-facts">
      {items.map((s) => (
        <li key={s.id} data-fact={s.id}>
          {s.text[lang]}
          <Cite source={s.source} />
        </li>
      ))}
    </ul>
  );
}

/** The whole account: a heading, the summary, and what was said and not said. */
export function SoraClosure({ headingLevel = 3, headingId }: { headingLevel?: 2 | 3 | 4; headingId: string }) {
  const Heading = `h${headingLevel}` as 'h3';
  const Sub = `h${Math.min(headingLevel + 1, 6)}` as 'h4';
  const lang = factLanguage();
  // Not a landmark of its own: it is shown both in the welcome and in "After Sora", and two
  // regions with one name are two stops a screen reader cannot tell apart (axe: landmark-unique).
  // Its heading is what one navigates by.
  return (
    <div class="closure" data-testid="sora-closure">
      <Heading id={headingId}>{t('closureTitle')}</Heading>
      <p>{closureSummary()}</p>
      <Sub>{t('closureSaid')}</Sub>
      <Facts items={SORA_CLOSURE_SAID} lang={lang} />
      <Sub>{t('closureNotSaid')}</Sub>
      <Facts items={SORA_CLOSURE_NOT_SAID} lang={lang} />
    </div>
  );
}

/** The short form for a Sora account card: the summary, and the facts a click away. */
export function SoraClosureNote() {
  const lang = factLanguage();
  return (
    <div class="closure-note" role="note" data-testid="sora-closure-note">
      <p>
        <strong>{t('closureTitle')}</strong> {closureSummary()}
      </p>
      <details>
        <summary>{t('closureWhatWasSaid')}</summary>
        <Facts items={[...SORA_CLOSURE_SAID, ...SORA_CLOSURE_NOT_SAID]} lang={lang} />
      </details>
    </div>
  );
}
