/**
 * Every window and legal deadline: when it opened, when it is due, where it stands, and why (the
 * source); the next step for each (its draft, a calendar entry), and every open one as a calendar file.
 */
import { formatDate, formatLength } from '@/lib/i18n/format';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { CALENDAR_FILE, calendarOf } from '@/lib/deadlines/ics';
import { canDraft } from '@/lib/letters/kinds';
import { countsFromMonth, windowsClosedUnverified, type DeadlineWindow } from '@/lib/deadlines/windows';
import { DeadlineHead } from '../DeadlineHead';
import { AccountName } from '../Isolated';
import { WindowBasis } from '../WindowBasis';
import { saveFile } from '../save-file';
import { SourceTitle } from '../SourceTitle';
import { accountLabel, deadlineName, statusLabel, windowProgress } from '../text';
import type { DashboardContext } from './context';
import { draftHash } from './deep-link';

/** A window whose next step may be a letter: past due and not settled. */
const LATE = new Set<DeadlineWindow['status']>(['closed-awaiting-verification', 'overdue']);

export function Deadlines({ ctx }: { ctx: DashboardContext }) {
  const { windows, now, settings } = ctx;
  const locale = uiLocale();
  if (windows.length === 0) return <p class="empty">{t('deadlinesEmpty')}</p>;

  const saveCalendar = (which: readonly DeadlineWindow[], name: string) => {
    saveFile(name, CALENDAR_FILE.type, calendarOf(which, { now, timeZone: settings.timeZone, locale, leadDays: settings.leadDays }));
    ctx.announce(t('calendarSaved', name));
  };
  // One window's file is named after its id, so saving it twice keeps one file per window.
  const oneFile = (w: DeadlineWindow) => CALENDAR_FILE.name.replace(/\.ics$/, `-${w.id}.ics`);
  const named = (w: DeadlineWindow) => `${deadlineName(w)}, ${accountLabel(w.account)}, ${formatDate(w.dueAt, locale)}`;
  const open = windows.filter((w) => w.status !== 'verified');

  return (
    <>
      {open.length > 0 && (
        <div class="deadlines-actions">
          <button type="button" onClick={() => saveCalendar(open, CALENDAR_FILE.name)} aria-describedby="calendar-hint" data-testid="calendar-all">
            {t('calendarAdd')}
          </button>
          <p class="hint" id="calendar-hint">
            {t('calendarHint')}
          </p>
        </div>
      )}
      <table class="data" data-testid="deadlines">
        <caption class="visually-hidden">{t('deadlinesCaption')}</caption>
        <DeadlineHead nextStep />
        <tbody>
          {windows.map((w) => (
            <tr key={w.id} data-status={w.status} data-window={w.id}>
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
                <SourceTitle source={w.source} />
                <br />
                <span class="muted">{t('asOf', w.source.asOf)}</span>
              </td>
              <td class="next-step">
                {LATE.has(w.status) && canDraft(w.kind) && (
                  <button type="button" onClick={() => (location.hash = draftHash(w.id))} aria-label={t('deadlinesDraftFor', named(w))} data-testid="deadline-draft">
                    {t('reminderDraftFollowUp')}
                  </button>
                )}
                {w.status !== 'verified' && (
                  <button type="button" onClick={() => saveCalendar([w], oneFile(w))} aria-label={t('calendarAddOne', named(w))} data-testid="deadline-calendar">
                    {t('calendarAddOneShort')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
