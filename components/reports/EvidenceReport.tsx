/**
 * The printable evidence report: a report (lib/report) as a document for someone who has never
 * seen the extension: a lawyer, a data protection authority, OpenAI's privacy team. It says what
 * the record is, which deadlines ran and which were missed, who had access, every entry in order
 * of time with how it is known, and the rules and sources behind every deadline.
 */
import { Fragment, type ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { accountNames } from '@/lib/ledger/account-names';
import { effectiveEvents } from '@/lib/ledger/relations';
import { formatDuration, formatLength, formatMonth, isoMonthOf } from '@/lib/i18n/format';
import { t } from '@/lib/i18n/i18n';
import { counted, plural } from '@/lib/i18n/plural';
import type { Account } from '@/lib/ledger/events';
import { fingerprintText } from '@/lib/ledger/fingerprint';
import { isolate } from '@/lib/i18n/isolate';
import { provenanceOf } from '@/lib/ledger/provenance';
import { fromReportEvent } from '@/lib/report/event-form';
import type { Report, ReportEvent } from '@/lib/report/schema';
import { correctionsOf } from '@/lib/ledger/relations';
import { SORA_CLOSURE_NOT_SAID, SORA_CLOSURE_SAID, type Statement } from '@/lib/facts/policies';
import { lawLabel } from '@/lib/facts/law-names';
import { LETTERS, letterLanguageFor } from '@/lib/letters/languages';
import { DeadlineHead } from '../DeadlineHead';
import { CONFIDENCE_MESSAGE, SourceTitle } from '../SourceTitle';
import { CopiesReport } from './CopiesReport';
import { AccountName } from '../Isolated';
import { closureSummary, factLanguage } from '../SoraClosure';
import { accountShown, audienceLabel, serviceLabel, showAccountNames, deadlineName, eventSubject, importedLabel, kindLabel, statusLabel, windowLabel } from '../text';

/** An account in running text: the handle isolated (FSI…PDI), as <bdi> would in an element of its own. */
const plainAccount = (account: Account) => t('accountLabel', serviceLabel(account.service), isolate(accountShown(account)));

type ReportWindow = Report['derived']['windows'][number];
type Source = ReportWindow['source'];

/** Said to a reader who is not the person: "their own statement", not "your own statement". */
const CERTAINTY = { confirmed: 'reportCertaintyConfirmed', 'seen-on-page': 'reportCertaintySeenOnPage', 'stated-by-user': 'reportCertaintyStatedByUser' } as const;

/** Entries are referred to by the start of their id: enough to find them, short enough to read. */
export const shortId = (id: string) => id.slice(0, 8);

function SourceCite({ source }: { source: Source }) {
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
function ClosureFacts({ items, locale }: { items: Statement[]; locale: string }) {
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

const CORRECTION = { edited: 'reportCorrectedBy', removed: 'reportRemovedBy', dismissed: 'reportDismissedBy', confirmed: 'reportConfirmedBy' } as const;

/** Stands in a message for the entry reference, which is a link. */
const REF = '\uE000';

const EntryRef = ({ id }: { id: string }) => <a href={`#entry-${id}`}>{shortId(id)}</a>;

/** A sentence of the messages with one entry reference in it: "Removed by entry 1a2b3c4d". */
function WithRef({ text, id }: { text: string; id: string }) {
  const [before, after] = text.split(REF) as [string, string?];
  return (
    <>
      {before}
      <EntryRef id={id} />
      {after}
    </>
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

function lateness(w: ReportWindow, asOf: number, locale: string): { late: boolean; text: string } {
  const due = Date.parse(w.dueAt);
  if (w.closedAt !== undefined) {
    const closed = Date.parse(w.closedAt);
    return closed > due ? { late: true, text: t('reportClosedLate', formatDuration(closed - due, locale)) } : { late: false, text: t('reportClosedInTime') };
  }
  if (w.status === 'overdue' || w.status === 'closed-awaiting-verification') return { late: true, text: t('reportPastDue', formatDuration(asOf - due, locale)) };
  return { late: false, text: t('reportRunning', formatDuration(due - asOf, locale)) };
}

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
  const asOf = Date.parse(report.derived.asOf);
  const windows = report.derived.windows;
  const judged = windows.map((w) => ({ w, ...lateness(w, asOf, locale) }));
  const missed = judged.filter((j) => j.late);
  const corrections = correctionsOf(report.events);
  // The report's own names (pseudonyms once redacted), not this browser's: a report may be imported.
  showAccountNames(useMemo(() => accountNames(effectiveEvents(report.events.map(fromReportEvent))), [report.events]));
  // Windows opened by an entry remembered to the month count from its last day: the table says so.
  const fromMonth = new Set(report.events.filter((e) => e.occurredPrecision === 'month').map((e) => e.id));
  const events = report.events.slice(0, rows);
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
        {windows.length === 0 ? (
          <p>{t('reportDeadlinesNone')}</p>
        ) : (
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
                          {t('reportFollowUps')}{' '}
                          {w.followUps.map((id, i) => (
                            <Fragment key={id}>
                              {i > 0 && ', '}
                              <EntryRef id={id} />
                            </Fragment>
                          ))}
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
        )}
      </Section>

      <Section id="copies" title={t('sectionCopies')}>
        <CopiesReport report={report} when={when} />
      </Section>

      <Section id="access" title={t('reportAccessTitle')}>
        {report.derived.grants.map((g) => (
          <div class="account-access" key={`${g.account.service}|${g.account.handle}`}>
            <h3><AccountName account={g.account} /></h3>
            <dl class="facts">
              <dt>{t('reportAudienceNow')}</dt>
              <dd>{g.audience ? audienceLabel(g.audience) : t('popupAudienceUnknown')}</dd>
              <dt>{t('reportPeopleNow')}</dt>
              <dd>{g.peopleWithAccess.length ? g.peopleWithAccess.map((p) => `${isolate(p.person)} (${t('accessSince', dateTime.format(Date.parse(p.since)))})`).join('; ') : t('reportNobody')}</dd>
            </dl>
            {g.history.length > 0 && (
              <>
                <h4>{t('reportAccessHistory')}</h4>
                <ul>
                  {g.history.map((h) => (
                    <li key={h.person}>
                      <bdi>{h.person}</bdi>:{' '}
                      {h.intervals
                        .map((i) => (i.to ? t('accessFromTo', dateTime.format(Date.parse(i.from)), dateTime.format(Date.parse(i.to))) : t('accessSince', dateTime.format(Date.parse(i.from)))))
                        .join('; ')}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {g.usedAfterRevocation.length > 0 && (
              <p class="overdue">
                {t('labelColon', t('accessUsedAfterRevocation'))}{' '}
                {g.usedAfterRevocation.map((id, i) => (
                  <Fragment key={id}>
                    {i > 0 && ', '}
                    <EntryRef id={id} />
                  </Fragment>
                ))}
              </p>
            )}
          </div>
        ))}
      </Section>

      <Section id="chronology" title={t('reportChronologyTitle')}>
        <p>{t('reportChronologyIntro')}</p>
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
      </Section>

      <Section id="sources" title={t('reportSourcesTitle')}>
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
      </Section>
    </article>
  );
}
