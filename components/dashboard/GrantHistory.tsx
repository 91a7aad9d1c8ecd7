/**
 * Who had access, from when to when: each person's intervals on one time axis per account,
 * with the dates in words beside each bar (the bars are for the eye; the words for everyone).
 */
import { Fragment } from 'preact';
import { useMemo } from 'preact/hooks';
import type { LedgerEvent } from '@/lib/ledger/events';
import { formatDate, formatMonth } from '@/lib/i18n/format';
import { audienceNow, grantHistory, usedAfterRevocation, type PersonHistory } from '@/lib/ledger/grants';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { accountKey } from '@/lib/ledger/relations';
import { audienceLabel } from '../text';
import { When } from '../When';
import type { DashboardContext } from './context';
import { AccountName, Subject } from '../Isolated';

export function GrantHistory({ ctx }: { ctx: DashboardContext }) {
  const { events, accounts, now } = ctx;
  const flagged = useMemo(() => usedAfterRevocation(events), [events]);
  const histories = useMemo(
    () =>
      accounts.map((account) => ({
        account,
        // A revocation whose grant predates the ledger has no interval to draw.
        people: grantHistory(events, account).filter((h) => h.intervals.length > 0),
        audience: audienceNow(events, account),
      })),
    [events, accounts],
  );
  const shown = histories.filter((h) => h.people.length > 0 || h.audience);
  if (shown.length === 0) return <p class="empty">{t('accessEmpty')}</p>;
  return (
    <>
      {shown.map(({ account, people, audience }) => (
        <div key={accountKey(account)} class="card" data-testid="access-account">
          <h3><AccountName account={account} /></h3>
          <p>
            {t('labelColon', t('popupAudience'))} <strong>{audience ? audienceLabel(audience) : t('popupAudienceUnknown')}</strong>
          </p>
          {people.length > 0 && <Chart people={people} now={now} />}
          <UsedAfterRevocation events={flagged.filter((e) => accountKey(e.account) === accountKey(account))} onShow={ctx.showEntry} />
        </div>
      ))}
    </>
  );
}

function Chart({ people, now }: { people: PersonHistory[]; now: number }) {
  const locale = uiLocale();
  const first = people.flatMap((p) => p.intervals).reduce((a, b) => (b.from < a.from ? b : a));
  const start = first.from;
  const end = Math.max(now, ...people.flatMap((p) => p.intervals.map((i) => i.to ?? now)));
  const span = Math.max(end - start, 1);
  const at = (ms: number) => ((ms - start) / span) * 100;
  // A bar starting now still shows: it gets at least half a percent of the track, inside it.
  // A date remembered only to the month is shown as that month, never as a day it may not have been.
  const when = (ms: number, month: true | undefined) => (month ? formatMonth(ms, locale) : formatDate(ms, locale));
  const bar = (from: number, to: number) => {
    const left = Math.min(at(from), 99.5);
    return { left: `${left.toFixed(2)}%`, width: `${Math.max(at(to) - left, 0.5).toFixed(2)}%` };
  };
  return (
    <div class="gantt" data-testid="grant-chart">
      <div class="axis" aria-hidden="true">
        <span>{when(start, first.fromMonth)}</span>
        <span>{t('now')}</span>
      </div>
      {people.map(({ person, intervals }) => (
        <Fragment key={person}>
          <span class="person">
            <bdi>{person}</bdi>
          </span>
          <div class="track" aria-hidden="true">
            {intervals.map((i) => (
              <span
                key={i.from}
                class={i.to === undefined ? 'bar open' : 'bar'}
                style={bar(i.from, i.to ?? end)}
              />
            ))}
          </div>
          <span class="spans">
            {intervals
              .map((i) => (i.to === undefined ? t('accessSince', when(i.from, i.fromMonth)) : t('accessFromTo', when(i.from, i.fromMonth), when(i.to, i.toMonth))))
              .join('; ')}
          </span>
        </Fragment>
      ))}
    </div>
  );
}

function UsedAfterRevocation({ events, onShow }: { events: LedgerEvent[]; onShow: (id: string) => void }) {
  if (events.length === 0) return null;
  return (
    <div class="notice danger" data-testid="used-after-revocation">
      <p>
        <strong>{t('accessUsedAfterRevocation')}</strong>
      </p>
      <ul class="plain">
        {events.map((e) => (
          <li key={e.id}>
            <button type="button" class="link" onClick={() => onShow(e.id)}>
              <Subject event={e} />
            </button>{' '}
            <When at={e.occurredAt} precision={e.occurredPrecision} />
          </li>
        ))}
      </ul>
    </div>
  );
}

