/**
 * The evidence report's "Deadlines": every purge window and legal deadline the record opened, when
 * it fell due, whether it was met or missed (and by how much), its follow-ups, and the statement
 * and source it was computed from.
 */
import { t } from '@/lib/i18n/i18n';
import { counted } from '@/lib/i18n/plural';
import { formatLength } from '@/lib/i18n/format';
import { lateness } from '@/lib/report/lateness';
import type { Report } from '@/lib/report/schema';
import { DeadlineHead } from '../DeadlineHead';
import { AccountName } from '../Isolated';
import { deadlineName, statusLabel } from '../text';
import { EntryRefs, REF, WithRef } from './EntryReference';
import { SourceCite } from './ReportSources';

export interface ReportDeadlinesProps {
  report: Report;
  locale: string;
  dateTime: Intl.DateTimeFormat;
  when: (iso: string) => preact.JSX.Element;
}

export function ReportDeadlines({ report, locale, dateTime, when }: ReportDeadlinesProps) {
  const asOf = Date.parse(report.derived.asOf);
  const windows = report.derived.windows;
  if (windows.length === 0) return <p>{t('reportDeadlinesNone')}</p>;
  const judged = windows.map((w) => ({ w, ...lateness(w, asOf, locale) }));
  const missed = judged.filter((j) => j.late);
  // Windows opened by an entry remembered to the month count from its last day: the table says so.
  const fromMonth = new Set(report.events.filter((e) => e.occurredPrecision === 'month').map((e) => e.id));
  return (
    <>
      <p data-testid="deadline-summary">{t('reportDeadlinesSummary', counted('deadlines', windows.length), missed.length.toLocaleString(locale), dateTime.format(asOf))}</p>
      <table class="data">
        <DeadlineHead />
        <tbody>
          {judged.map(({ w, late, text }) => (
            <tr key={w.id} class={late ? 'late' : undefined} data-status={w.status}>
              <th scope="row">
                {deadlineName(w)}
                <br />
                <span class="muted">
                  {formatLength(w.length, locale)} · <WithRef text={t('reportOpenedBy', REF)} id={w.id} />
                </span>
                {fromMonth.has(w.id) && w.kind !== 'sora-closure' && <span class="muted window-basis">{t('dueFromMonthEnd')}</span>}
              </th>
              <td><AccountName account={w.account} /></td>
              <td>{when(w.openedAt)}</td>
              <td>{when(w.dueAt)}</td>
              <td>
                <strong class={late ? 'overdue' : undefined}>{statusLabel(w.status)}</strong>
                <br />
                {w.closedAt && <>{t('reportClosedOn')} {when(w.closedAt)}<br /></>}
                {text}
                {w.followUps.length > 0 && (
                  <>
                    <br />
                    {t('reportFollowUps')} <EntryRefs ids={w.followUps} />
                  </>
                )}
              </td>
              <td>
                “{w.statement}” <SourceCite source={w.source} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
