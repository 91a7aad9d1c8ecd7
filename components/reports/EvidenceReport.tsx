/**
 * The printable evidence report: a report (lib/report) as a document for someone who has never
 * seen the extension: a lawyer, a data protection authority, OpenAI's privacy team. It says what
 * the record is, which deadlines ran and which were missed, who had access, every entry in order
 * of time with how it is known, and the rules and sources behind every deadline. This file holds
 * the header and the order of the sections; the longer sections have a file each beside it.
 */
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { accountNames } from '@/lib/ledger/account-names';
import { effectiveEvents } from '@/lib/ledger/relations';
import { t } from '@/lib/i18n/i18n';
import { counted, plural } from '@/lib/i18n/plural';
import type { Account } from '@/lib/ledger/events';
import { fingerprintText } from '@/lib/ledger/fingerprint';
import { isolate } from '@/lib/i18n/isolate';
import { fromReportEvent } from '@/lib/report/event-form';
import type { Report } from '@/lib/report/schema';
import { SORA_CLOSURE_NOT_SAID, SORA_CLOSURE_SAID } from '@/lib/facts/policies';
import { CopiesReport } from './CopiesReport';
import { ReportAccess } from './ReportAccess';
import { ReportChronology } from './ReportChronology';
import { ReportDeadlines } from './ReportDeadlines';
import { ClosureFacts, ReportSources } from './ReportSources';
import { closureSummary } from '../SoraClosure';
import { accountShown, serviceLabel, showAccountNames } from '../text';

/** An account in running text: the handle isolated (FSI…PDI), as <bdi> would in an element of its own. */
const plainAccount = (account: Account) => t('accountLabel', serviceLabel(account.service), isolate(accountShown(account)));

function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export interface EvidenceReportProps {
  report: Report;
  locale: string;
  /** How many chronology rows to render yet: a long ledger is rendered in steps, the page staying responsive. */
  rows?: number;
}

export function EvidenceReport({ report, locale, rows = report.events.length }: EvidenceReportProps) {
  const zone = report.timeZone;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: zone });
  const when = (iso: string) => <time dateTime={iso}>{dateTime.format(Date.parse(iso))}</time>;
  // The report's own names (pseudonyms once redacted), not this browser's: a report may be imported.
  showAccountNames(useMemo(() => accountNames(effectiveEvents(report.events.map(fromReportEvent))), [report.events]));
  const scope = report.scope;

  return (
    <article class="evidence" data-testid="evidence-report">
      <header>
        <h1>{t('reportTitle')}</h1>
        <p>{t('reportMadeOn', date.format(Date.parse(report.createdAt)), report.createdBy.version)}</p>
        <p>
          {scope.kind === 'all'
            ? t('reportScopeAll')
            : scope.kind === 'account'
              ? t('reportScopeAccount', plainAccount(scope.account))
              : t('reportScopeRange', date.format(Date.parse(scope.from)), date.format(Date.parse(scope.to) - 1))}{' '}
          {t('reportCounts', counted('entries', report.events.length), report.accounts.map(plainAccount).join(', ') || '—')}
        </p>
        <p>{t('reportTimeZone', zone)}</p>
        {report.redacted && <p class="notice warn">{t('reportRedactedNote')}</p>}
        <p data-testid="report-fingerprint">
          {report.chain ? (
            <>
              {plural(['reportFingerprintOne', 'reportFingerprintOther'], report.chain.head.seq, '\uE000', dateTime.format(Date.parse(report.chain.head.recordedAt)))
                .split('\uE000')
                .flatMap((part, i) => (i ? [<code key="hash">{fingerprintText(report.chain!.head.hash)}</code>, part] : [part]))}
            </>
          ) : (
            t('reportFingerprintNone')
          )}
        </p>
      </header>

      <Section id="about" title={t('reportAboutTitle')}>
        <p>{t('reportAboutWhat')}</p>
        <p>{t('reportAboutHow')}</p>
        <p>{t('reportAboutDeadlines')}</p>
      </Section>

      {report.accounts.some((a) => a.service === 'sora') && (
        <Section id="sora-closure" title={t('closureTitle')}>
          <p>{closureSummary(locale)}</p>
          <h3>{t('closureSaid')}</h3>
          <ClosureFacts items={SORA_CLOSURE_SAID} locale={locale} />
          <h3>{t('closureNotSaid')}</h3>
          <ClosureFacts items={SORA_CLOSURE_NOT_SAID} locale={locale} />
        </Section>
      )}

      <Section id="deadlines" title={t('reportDeadlinesTitle')}>
        <ReportDeadlines report={report} locale={locale} dateTime={dateTime} when={when} />
      </Section>

      <Section id="copies" title={t('sectionCopies')}>
        <CopiesReport report={report} when={when} />
      </Section>

      <Section id="access" title={t('reportAccessTitle')}>
        <ReportAccess report={report} dateTime={dateTime} />
      </Section>

      <Section id="chronology" title={t('reportChronologyTitle')}>
        <p>{t('reportChronologyIntro')}</p>
        <ReportChronology report={report} locale={locale} rows={rows} when={when} />
      </Section>

      <Section id="sources" title={t('reportSourcesTitle')}>
        <ReportSources report={report} locale={locale} />
      </Section>
    </article>
  );
}
