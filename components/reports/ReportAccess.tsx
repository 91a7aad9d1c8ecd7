/**
 * The evidence report's "Who had access": for each account, who may use the likeness now, who
 * could before and when, and any use of it after access was revoked.
 */
import { t } from '@/lib/i18n/i18n';
import { isolate } from '@/lib/i18n/isolate';
import type { Report } from '@/lib/report/schema';
import { AccountName } from '../Isolated';
import { audienceLabel } from '../text';
import { EntryRefs } from './EntryReference';

export function ReportAccess({ report, dateTime }: { report: Report; dateTime: Intl.DateTimeFormat }) {
  return (
    <>
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
              {t('labelColon', t('accessUsedAfterRevocation'))} <EntryRefs ids={g.usedAfterRevocation} />
            </p>
          )}
        </div>
      ))}
    </>
  );
}
