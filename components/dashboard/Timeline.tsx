/**
 * The full timeline: every entry that counts, newest first, with filters and search; the
 * selected entry's details beside it. Until the whole ledger is read (`ctx.complete`), its newest
 * page: rows can be opened, but filters, counts, review marks and details wait for the rest.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { SOURCES, type LedgerEvent } from '@/lib/ledger/events';
import { formatDate, formatTime, isoOf } from '@/lib/i18n/format';
import { When } from '../When';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { plural } from '@/lib/i18n/plural';
import { kindsWhere } from '@/lib/ledger/event-kinds';
import { accountKey, latestVersions, reviewsOf } from '@/lib/ledger/relations';
import { accountLabel, eventSubject, kindLabel, sourceLabel } from '../text';
import type { DashboardContext } from './context';
import { EntryDetails } from './EntryDetails';
import { needsReview } from './review';
import { filterTimeline, isFiltered, NO_FILTER, type TimelineFilter } from './timeline-filter';
import { VirtualList } from './VirtualList';
import { AccountName, Subject } from '../Isolated';
import { NameAccount } from '../NameAccount';
import { accountNames, needsName } from '@/lib/ledger/account-names';

const ROW_HEIGHT = 56;
/** Retractions and reviews change other entries; they are shown in those entries' history. */
const LISTED_KINDS = kindsWhere('listed');

const describe = (e: LedgerEvent) => `${kindLabel(e.kind)} ${eventSubject(e)} ${accountLabel(e.account)} ${sourceLabel(e.source)}`;

export function Timeline({ ctx }: { ctx: DashboardContext }) {
  const { events, all, accounts, entry, complete } = ctx;
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  const [count, setCount] = useState('');
  const locale = uiLocale();
  const reviews = useMemo(() => reviewsOf(all), [all]);

  const [withRemoved, setWithRemoved] = useState(false);
  const listed = useMemo(() => (withRemoved ? latestVersions(all) : events), [withRemoved, all, events]);
  const counted = useMemo(() => new Set(events.map((e) => e.id)), [events]);
  const shown = useMemo(() => filterTimeline(listed, filter, describe), [listed, filter]);

  // The count is said once typing pauses, not at every key.
  useEffect(() => {
    const timer = setTimeout(() => setCount(plural(['timelineCountOne', 'timelineCountOther'], listed.length, shown.length.toLocaleString(locale))), 400);
    return () => clearTimeout(timer);
  }, [shown.length, listed.length]);

  // Going to an entry (a deep link, a link elsewhere on the page): scroll to its row, focus its details.
  const [scrollTo, setScrollTo] = useState<{ index: number } | null>(null);
  const [focusRequest, setFocusRequest] = useState<{ id: string } | null>(null);
  const handled = useRef(0);
  useEffect(() => {
    // The entry may be past the first page: it is looked for in the whole list.
    if (!complete || ctx.revealed === handled.current || !entry) return;
    const index = shown.findIndex((e) => e.id === entry);
    // The filters hide it: clear them, and come back here with the entry in the list.
    if (index < 0 && isFiltered(filter)) return setFilter(NO_FILTER);
    handled.current = ctx.revealed;
    if (index >= 0) setScrollTo({ index });
    setFocusRequest({ id: entry });
    document.getElementById('timeline')?.scrollIntoView({ block: 'start' });
  }, [complete, ctx.revealed, shown, entry]);

  const selected = complete && entry ? (all.find((e) => e.id === entry) ?? null) : null;
  const set = (field: keyof TimelineFilter) => (e: JSX.TargetedEvent<HTMLInputElement | HTMLSelectElement>) => {
    const value = e.currentTarget.value;
    setFilter((f) => ({ ...f, [field]: value }));
  };

  // Accounts whose pages show no handle and that the user has not named yet (lib/ledger/account-names.ts).
  const unnamed = useMemo(() => {
    const names = accountNames(events);
    return accounts.filter((a) => needsName(a, names));
  }, [accounts, events]);

  return (
    <>
      {unnamed.map((account) => (
        <NameAccount key={accountKey(account)} account={account} naming={undefined} id={`timeline-name-${account.service}`} record={(event) => ctx.writes.record(event)} onNamed={() => {}} />
      ))}
      <form class="filters" role="search" aria-label={t('timelineFilters')} onSubmit={(e) => e.preventDefault()}>
        <fieldset class="filters-fields" disabled={!complete}>
          <div class="field">
            <label for="f-query">{t('filterSearch')}</label>
            <input id="f-query" type="search" value={filter.query} onInput={set('query')} data-testid="filter-query" />
          </div>
          <div class="field">
            <label for="f-account">{t('filterAccount')}</label>
            <select id="f-account" value={filter.account} onChange={set('account')} data-testid="filter-account">
              <option value="">{t('filterAll')}</option>
              {accounts.map((a) => (
                <option key={accountKey(a)} value={accountKey(a)}>
                  {accountLabel(a)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-kind">{t('filterKind')}</label>
            <select id="f-kind" value={filter.kind} onChange={set('kind')} data-testid="filter-kind">
              <option value="">{t('filterAll')}</option>
              {LISTED_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="f-source">{t('filterSource')}</label>
            <select id="f-source" value={filter.source} onChange={set('source')} data-testid="filter-source">
              <option value="">{t('filterAll')}</option>
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {sourceLabel(s)}
                </option>
              ))}
            </select>
          </div>
          <div class="dates">
            <div class="field">
              <label for="f-from">{t('filterFrom')}</label>
              <input id="f-from" type="date" value={filter.from} onInput={set('from')} data-testid="filter-from" />
            </div>
            <div class="field">
              <label for="f-to">{t('filterTo')}</label>
              <input id="f-to" type="date" value={filter.to} onInput={set('to')} data-testid="filter-to" />
            </div>
          </div>
          <div class="field checkbox">
            <label>
              <input type="checkbox" checked={withRemoved} onChange={(e) => setWithRemoved(e.currentTarget.checked)} data-testid="filter-removed" />{' '}
              {t('filterWithRemoved')}
            </label>
          </div>
          <div class="filter-actions">
            <p role="status" class="muted" data-testid="timeline-count">
              {complete ? count : t('timelineFirstPage')}
            </p>
            <button type="button" onClick={() => setFilter(NO_FILTER)} disabled={!isFiltered(filter)}>
              {t('filterClear')}
            </button>
          </div>
        </fieldset>
      </form>
      <div class="timeline-layout">
        <div>
          <h3 id="timeline-list-title" class="visually-hidden">
            {t('timelineEntries')}
          </h3>
          <p id="timeline-keys" class="hint">
            {t('timelineKeys')}
          </p>
          {shown.length === 0 ? (
            <p class="empty" data-testid="timeline-empty">
              {events.length === 0 ? t('timelineEmpty') : t('timelineNoMatch')}
            </p>
          ) : (
            <VirtualList
              items={shown}
              rowHeight={ROW_HEIGHT}
              keyOf={(e) => e.id}
              labelledBy="timeline-list-title"
              describedBy="timeline-keys"
              scrollTo={scrollTo}
              renderRow={(e, _i, props) => (
                <button
                  type="button"
                  class="row"
                  {...props}
                  aria-current={e.id === entry ? 'true' : undefined}
                  onClick={() => ctx.select(e.id)}
                  data-testid="timeline-row"
                  data-id={e.id}
                  data-kind={e.kind}
                >
                  {e.occurredPrecision === 'month' ? (
                    <span class="row-when">
                      <When at={e.occurredAt} precision="month" />
                    </span>
                  ) : (
                    <time class="row-when" dateTime={isoOf(e.occurredAt)}>
                      {formatDate(e.occurredAt, locale)}
                      <br />
                      {formatTime(e.occurredAt, locale)}
                    </time>
                  )}
                  <span class="row-what">
                    <strong>{kindLabel(e.kind)}</strong> <Subject event={e} />
                  </span>
                  <span class="row-account"><AccountName account={e.account} /></span>
                  <span class="row-tags">
                    {!counted.has(e.id) && <span class="badge gone">{t('timelineTakenBack')}</span>}
                    {complete && counted.has(e.id) && needsReview(e, reviews) && <span class="badge review">{t('needsReview')}</span>}
                    <span class="source-tag">{sourceLabel(e.source)}</span>
                  </span>
                </button>
              )}
            />
          )}
        </div>
        <div class="details" data-testid="entry-details-panel">
          {selected ? (
            <EntryDetails key={selected.id} event={selected} ctx={ctx} reviews={reviews} focusRequest={focusRequest} />
          ) : (
            <p class="muted card">{t(entry && !complete ? 'loading' : 'detailsNone')}</p>
          )}
        </div>
      </div>
    </>
  );
}
