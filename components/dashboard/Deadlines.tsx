/** Every window and legal deadline: when it opened, when it is due, where it stands, and why (the source). */
import { formatDate, formatLength } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import { countsFromMonth, windowsClosedUnverified } from '@/lib/windows';
import { DeadlineHead } from '../DeadlineHead';
import { WindowBasis } from '../WindowBasis';
import { deadlineName, statusLabel, windowProgress } from '../text';
import type { DashboardContext } from './context';
import { AccountName } from '../Isolated';

export function Deadlines({ ctx }: { ctx: DashboardContext }) {
  const { windows, now } = ctx;
  const locale = uiLocale();
  if (windows.length === 0) return <p class="empty">{t('deadlinesEmpty')}</p>;
  return (
    <table class="data" data-testid="deadlines">
      <caption class="visually-hidden">{t('deadlinesCaption')}</caption>
      <DeadlineHead />
      <tbody>
        {windows.map((w) => (
          <tr key={w.id} data-status={w.status}>
            <th scope="row">
              <button type="button" class="link" onClick={() => ctx.showEntry(w.id)}>
                {deadlineName(w)}
              </button>
              <br />
              <span class="muted">{formatLength(w.length, locale)}</span>
              <WindowBasis kind={w.kind} fromMonth={countsFromMonth(w.kind, w.opener)} />
            </th>
            <td><AccountName account={w.account} /></td>
            <td class="date">{formatDate(w.openedAt, locale)}</td>
            <td class="date">{formatDate(w.dueAt, locale)}</td>
            <td class="progress">
              <span class={`badge status-${w.status}`}>{statusLabel(w.status)}</span>
              {windowsClosedUnverified([w]).length > 0 && <strong class="closed-unverified"> {t('closedNotVerified')}</strong>}
              <br />
              {windowProgress(w, now)}
            </td>
            <td>
              {w.source.url ? (
                <a href={w.source.url} target="_blank" rel="noreferrer">
                  {w.source.title}
                </a>
              ) : (
                w.source.title
              )}
              <br />
              <span class="muted">{t('asOf', w.source.asOf)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
