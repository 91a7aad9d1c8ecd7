/**
 * The evidence report's "Chronology": every entry in order of time, what it says, how it is known
 * (confirmed, seen on the page, the person's own statement, imported), its evidence, and the later
 * entries that correct, remove, dismiss or confirm it. Corrected entries stay, struck through.
 */
import { Fragment } from 'preact';
import { t } from '@/lib/i18n/i18n';
import { formatMonth, isoMonthOf } from '@/lib/i18n/format';
import { correctionsOf } from '@/lib/ledger/relations';
import { provenanceOf } from '@/lib/ledger/provenance';
import { fromReportEvent } from '@/lib/report/event-form';
import type { Report } from '@/lib/report/schema';
import { AccountName } from '../Isolated';
import { eventSubject, importedLabel, kindLabel } from '../text';
import { REF, WithRef, shortId } from './EntryReference';

/** Said to a reader who is not the person: "their own statement", not "your own statement". */
const CERTAINTY = { confirmed: 'reportCertaintyConfirmed', 'seen-on-page': 'reportCertaintySeenOnPage', 'stated-by-user': 'reportCertaintyStatedByUser' } as const;

const CORRECTION = { edited: 'reportCorrectedBy', removed: 'reportRemovedBy', dismissed: 'reportDismissedBy', confirmed: 'reportConfirmedBy' } as const;

export interface ReportChronologyProps {
  report: Report;
  locale: string;
  /** How many rows to render yet (see EvidenceReport). */
  rows: number;
  when: (iso: string) => preact.JSX.Element;
}

export function ReportChronology({ report, locale, rows, when }: ReportChronologyProps) {
  const corrections = correctionsOf(report.events);
  const events = report.events.slice(0, rows);
  return (
    <table class="data chronology" data-testid="chronology">
      <thead>
        <tr>
          <th scope="col">{t('reportWhen')}</th>
          <th scope="col">{t('reportWhat')}</th>
          <th scope="col">{t('reportHowKnown')}</th>
          <th scope="col">{t('detailsEvidence')}</th>
          <th scope="col">{t('reportEntry')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((r) => {
          const e = fromReportEvent(r);
          const later = corrections.get(r.id) ?? [];
          const gone = later.some((c) => c.how !== 'confirmed');
          const subject = eventSubject(e);
          const how = provenanceOf(e);
          const target = e.kind === 'entry-removed' || e.kind === 'observation-reviewed' ? e.details.target : e.kind === 'note' ? e.details.about : undefined;
          return (
            <tr key={r.id} id={`entry-${r.id}`} class={gone ? 'gone' : undefined}>
              <td>{e.occurredPrecision === 'month' ? <time dateTime={isoMonthOf(e.occurredAt)}>{formatMonth(e.occurredAt, locale)}</time> : when(r.occurredAt)}</td>
              <td>
                <strong>{kindLabel(e.kind)}</strong>
                {subject && ` ${subject}`}
                <br />
                <span class="muted"><AccountName account={e.account} /></span>
                {target && (
                  <>
                    <br />
                    <WithRef text={t('reportAbout', REF)} id={target} />
                  </>
                )}
                {e.supersedes && (
                  <>
                    <br />
                    <WithRef text={t('reportCorrects', REF)} id={e.supersedes} />
                  </>
                )}
                {later.map((c) => (
                  <Fragment key={c.by}>
                    <br />
                    <em>
                      <WithRef text={t(CORRECTION[c.how], REF)} id={c.by} />
                    </em>
                  </Fragment>
                ))}
              </td>
              <td>
                {how.kind === 'imported' ? <span data-testid="imported-from">{importedLabel(how.imported, locale)}</span> : t(CERTAINTY[how.certainty])}
                {e.source === 'import' && (
                  <>
                    <br />
                    <span class="muted">{t('reportSourceImported')}</span>
                  </>
                )}
              </td>
              <td class="evidence-cell">
                {e.evidence.url && <span class="url">{e.evidence.url}</span>}
                {e.evidence.shownText && <q><bdi>{e.evidence.shownText}</bdi></q>}
                {e.kind === 'appearance-seen' && e.details.link && <span class="url">{e.details.link}</span>}
              </td>
              <td>
                <code>{shortId(r.id)}</code>
                <br />
                <span class="muted">
                  {t('reportRecorded')} {when(r.recordedAt)}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
