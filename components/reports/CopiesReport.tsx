/**
 * The evidence report's "Copies elsewhere": every copy of the person's likeness they logged, with
 * the takedowns requested, their route, deadline and outcome, from the report's own events and
 * windows (so a redacted report shows the redacted addresses).
 */
import type { Report } from '@/lib/report/schema';
import { t } from '@/lib/i18n/i18n';
import { madeWithLabel, platformLabel, routeLabel, showsLabel } from '../copies-text';
import { statusLabel } from '../text';

type ReportWindow = Report['derived']['windows'][number];

export function CopiesReport({ report, when }: { report: Report; when: (iso: string) => preact.JSX.Element }) {
  const sightings = report.events.filter((e) => e.kind === 'sighting-logged');
  if (sightings.length === 0) return <p>{t('reportCopiesNone')}</p>;
  const requests = report.events.filter((e) => e.kind === 'takedown-requested');
  const windowOf = new Map<string, ReportWindow>(report.derived.windows.filter((w) => w.kind === 'takedown').map((w) => [w.id, w]));
  return (
    <table class="data" data-testid="report-copies">
      <thead>
        <tr>
          <th scope="col">{t('reportCopiesWhere')}</th>
          <th scope="col">{t('reportCopiesSeen')}</th>
          <th scope="col">{t('reportCopiesTakedown')}</th>
        </tr>
      </thead>
      <tbody>
        {sightings.map((s) => (
          <tr key={s.id} id={`copy-${s.id}`}>
            <th scope="row">
              {platformLabel(s.details.platform)}
              <br />
              <bdi class="copy-address">{s.details.address}</bdi>
              <br />
              <span class="muted">
                {showsLabel(s.details.shows)} · {madeWithLabel(s.details.madeWith)}
                {s.details.screenshotSha256 && ` · SHA-256 ${s.details.screenshotSha256}`}
              </span>
            </th>
            <td>{when(s.occurredAt)}</td>
            <td>
              {requests
                .filter((r) => r.details.sighting === s.id)
                .map((r) => {
                  const w = windowOf.get(r.id);
                  return (
                    <p key={r.id}>
                      {routeLabel(r.details.route)}: {when(r.occurredAt)}
                      {w && (
                        <>
                          {' '}
                          · {t('reportCopiesDue')} {when(w.dueAt)} · <strong>{w.refused ? t('copyStateRefused') : statusLabel(w.status)}</strong>
                          {w.closedAt && <> ({when(w.closedAt)})</>}
                        </>
                      )}
                    </p>
                  );
                })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
