/**
 * The evidence report's sources: how a source is cited on paper (title, confidence, date, printed
 * address), Sora's closure as the extension knows it, and the closing "Rules and sources" section:
 * every retention period and legal deadline the report's deadlines were computed from.
 */
import { t } from '@/lib/i18n/i18n';
import { counted } from '@/lib/i18n/plural';
import { formatLength } from '@/lib/i18n/format';
import type { Statement } from '@/lib/facts/policies';
import { lawLabel } from '@/lib/facts/law-names';
import { LETTERS, letterLanguageFor } from '@/lib/letters/languages';
import type { ReportWindow } from '@/lib/report/lateness';
import type { Report } from '@/lib/report/schema';
import { CONFIDENCE_MESSAGE, SourceTitle } from '../SourceTitle';
import { factLanguage } from '../SoraClosure';
import { windowLabel } from '../text';

type Source = ReportWindow['source'];

export function SourceCite({ source }: { source: Source }) {
  return (
    <>
      <SourceTitle source={source} newTab={false} />
      <span class="muted">
        {' '}
        ({t(CONFIDENCE_MESSAGE[source.confidence])}; {t('asOf', source.asOf)})
      </span>
      {/* On paper a link is only as good as its printed address. */}
      {source.url && <span class="print-url"> {source.url}</span>}
    </>
  );
}

/** Sora's closure, as the extension knows it today (lib/facts/policies.ts), in the report's language. */
export function ClosureFacts({ items, locale }: { items: Statement[]; locale: string }) {
  const lang = factLanguage(locale);
  return (
    <ul>
      {items.map((s) => (
        <li key={s.id}>
          {s.text[lang]} <SourceCite source={s.source} />
        </li>
      ))}
    </ul>
  );
}

/**
 * Where complaints go, in the report's language: the letters' own words for the authority (one
 * source per language); the report's English only for a law no letter knows (an unknown or 'none').
 */
function authorityName(d: Report['policies']['legalDeadlines'][number], locale: string): string {
  const authorities: Record<string, string> = LETTERS[letterLanguageFor(locale)].authority;
  return authorities[d.law] ?? d.authority;
}

/** The rules behind every deadline: retention periods, legal deadlines, and when a status changes. */
export function ReportSources({ report, locale }: { report: Report; locale: string }) {
  return (
    <>
      <h3>{t('reportRetentionTitle')}</h3>
      <ul>
        {report.policies.retention.map((p) => (
          <li key={p.id}>
            <strong>{windowLabel(p.id)}</strong> — {formatLength(p.length, locale)}
            {p.lengthUsed && ` (${t('reportLengthUsed', formatLength(p.lengthUsed, locale))})`}: “{p.statement}” <SourceCite source={p.source} />
          </li>
        ))}
      </ul>
      <h3>{t('reportLegalTitle')}</h3>
      <ul>
        {report.policies.legalDeadlines.map((d) => (
          <li key={d.law}>
            <strong>{lawLabel(d.law)}</strong> —{' '}
            {d.extension.months || d.extension.days
              ? t('reportRespondWithin', formatLength(d.respondWithin, locale), formatLength(d.extension, locale))
              : t('reportRespondWithinNoExtension', formatLength(d.respondWithin, locale))}{' '}
            {t('reportAuthority', authorityName(d, locale))}{' '}
            <SourceCite source={d.source} />
          </li>
        ))}
      </ul>
      <p class="muted">{t('reportStatusRules', counted('days', report.policies.leadDays), counted('days', report.policies.graceDays))}</p>
    </>
  );
}
