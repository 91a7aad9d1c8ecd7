/**
 * One entry: what it says, where it came from (evidence), every version of it (history), the
 * deadline it opened, and what the user can do: edit or remove a manual entry, confirm or
 * dismiss what was only seen on a page. Its parts are beside it (EntryEvidence, EntryHistory,
 * CloseWindow, EditDate); how the entry relates to others (its versions, its retraction, the entry
 * it is about) is lib/ledger/relations.ts's to say.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/i18n/error-message';
import type { LedgerEvent, NewEvent } from '@/lib/ledger/events';
import { formatDate, formatLength } from '@/lib/i18n/format';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { entryState, referenceOf, type Reviews } from '@/lib/ledger/relations';
import { countsFromMonth } from '@/lib/deadlines/windows';
import { canDraft } from '@/lib/letters/kinds';
import { isQuickKind, valuesOf } from '@/lib/ledger/quick-add';
import { ConfirmDialog } from '../ConfirmDialog';
import { CloseWindow } from './CloseWindow';
import { DraftPanel } from './DraftPanel';
import { EditDate } from './EditDate';
import { EntryEvidence } from './EntryEvidence';
import { EntryHistory } from './EntryHistory';
import QuickAddForm from '../QuickAddForm';
import { certaintyLabel, eventSubject, importedLabel, kindLabel, sourceLabel, statusLabel, windowLabel, windowProgress } from '../text';
import { When } from '../When';
import { ExternalLink } from '../ExternalLink';
import { SourceTitle } from '../SourceTitle';
import { WindowBasis } from '../WindowBasis';
import type { DashboardContext } from './context';
import { wantsDraft } from './deep-link';
import { needsReview } from './review';
import { AccountName, Subject } from '../Isolated';

interface Props {
  event: LedgerEvent;
  ctx: DashboardContext;
  reviews: Reviews;
  /** Focus moves to the heading when this names the entry (going to it from elsewhere). */
  focusRequest: { id: string } | null;
}

export function EntryDetails({ event, ctx, reviews, focusRequest }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view');
  const [error, setError] = useState<string | null>(null);
  const locale = uiLocale();


  const { history, latest, retraction, isCurrent } = entryState(ctx.all, event.id);
  const review = reviews.get(event.id);
  const opened = ctx.windows.find((w) => w.id === event.id);
  // Opened for its draft (a reminder's "Draft a follow-up", `draft=follow-up`): focus goes to the draft instead.
  const draftRequested =
    wantsDraft(ctx.link, event.id) && isCurrent && opened !== undefined && canDraft(opened.kind);
  useEffect(() => {
    if (focusRequest?.id === event.id && !draftRequested) heading.current?.focus();
  }, [focusRequest]);

  // Removed or dismissed while shown: its buttons go, so focus goes to its heading, not to the page.
  const wasCurrent = useRef(isCurrent);
  useEffect(() => {
    if (wasCurrent.current && !isCurrent) heading.current?.focus();
    wasCurrent.current = isCurrent;
  }, [isCurrent]);

  const act = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await action();
      ctx.announce(done);
    } catch (e) {
      setError(t('saveFailed', errorMessage(e)));
    }
  };

  const saveEdit = async (edited: NewEvent) => {
    const { occurredAt, occurredPrecision = 'day', account, details } = edited;
    const next = await ctx.writes.edit(event.id, { occurredAt, occurredPrecision, account, details } as Partial<NewEvent>);
    ctx.announce(t('detailsEdited'));
    setMode('view');
    ctx.select(next);
  };

  const remove = () =>
    act(async () => {
      await ctx.writes.remove(event.id);
      setMode('view');
    }, t('detailsRemoved'));

  const reviewAs = (verdict: 'confirmed' | 'dismissed') =>
    act(
      () =>
        ctx.writes.record({
          kind: 'observation-reviewed',
          occurredAt: Date.now(),
          account: event.account,
          source: 'manual',
          evidence: {},
          details: { target: event.id, verdict },
        }),
      t(verdict === 'confirmed' ? 'detailsConfirmedDone' : 'detailsDismissedDone'),
    );

  const about = referenceOf(event);
  const target = about ? ctx.all.find((e) => e.id === about) : undefined;

  return (
    <article class="card" aria-labelledby="details-title" data-testid="entry-details">
      <h3 id="details-title" tabIndex={-1} ref={heading}>
        {kindLabel(event.kind)}
      </h3>
      {eventSubject(event) && <p data-testid="details-subject"><Subject event={event} /></p>}
      {retraction && (
        <p class="notice warn">
          {retraction.kind === 'entry-removed' ? t('detailsWasRemoved') : t('detailsWasDismissed')} <When at={retraction.recordedAt} />
        </p>
      )}
      {!retraction && latest && latest.id !== event.id && (
        <p class="notice warn">
          {t('detailsNewerVersion')}{' '}
          <button type="button" class="link" onClick={() => ctx.showEntry(latest.id)}>
            {t('detailsShowLatest')}
          </button>
        </p>
      )}
      <dl class="facts">
        <dt>{t('detailsWhen')}</dt>
        <dd>
          <When at={event.occurredAt} precision={event.occurredPrecision} />
        </dd>
        <dt>{t('detailsRecorded')}</dt>
        <dd>
          <When at={event.recordedAt} />
        </dd>
        <dt>{t('detailsAccount')}</dt>
        <dd><AccountName account={event.account} /></dd>
        <dt>{t('detailsSource')}</dt>
        <dd>
          {event.imported ? (
            <span data-testid="imported-from">{importedLabel(event.imported, locale)}</span>
          ) : (
            <>
              {sourceLabel(event.source)}
              {event.source !== 'manual' && ` · ${certaintyLabel(event.certainty)}`}
            </>
          )}
          {review && ` · ${t(review.details.verdict === 'confirmed' ? 'reviewConfirmed' : 'reviewDismissed')}`}
        </dd>
        {target && (
          <>
            <dt>{t('detailsAbout')}</dt>
            <dd>
              <button type="button" class="link" onClick={() => ctx.showEntry(target.id)}>
                {kindLabel(target.kind)}, {formatDate(target.occurredAt, locale)}
              </button>
            </dd>
          </>
        )}
        {'reference' in event.details && event.details.reference && (
          <>
            <dt>{t('fieldReference')}</dt>
            <dd><bdi>{event.details.reference}</bdi></dd>
          </>
        )}
        {'link' in event.details && event.details.link && (
          <>
            <dt>{t('detailsLink')}</dt>
            <dd>
              <ExternalLink href={event.details.link} />
            </dd>
          </>
        )}
        {'cameoId' in event.details && event.details.cameoId && (
          <>
            <dt>{t('detailsCameoId')}</dt>
            <dd>
              <code>{event.details.cameoId}</code>
            </dd>
          </>
        )}
      </dl>

      <EntryEvidence event={event} />

      {opened && (
        <>
          <h4>{t('detailsDeadline')}</h4>
          <p data-testid="details-window">
            {windowLabel(opened.kind)} ({formatLength(opened.length, locale)}) <span class={`badge status-${opened.status}`}>{statusLabel(opened.status)}</span>
            <br />
            {windowProgress(opened, ctx.now)}
            <WindowBasis kind={opened.kind} fromMonth={countsFromMonth(opened.kind, opened.opener)} />
            <br />
            <span class="muted">
              <SourceTitle source={opened.source} />{' '}
              · {t('asOf', opened.source.asOf)}
            </span>
          </p>
          {isCurrent && opened.status !== 'verified' && <CloseWindow window={opened} writes={ctx.writes} act={act} />}
          {isCurrent && <DraftPanel window={opened} ctx={ctx} focus={draftRequested && focusRequest?.id === event.id} />}
        </>
      )}

      <EntryHistory history={history} shown={event.id} />

      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}

      {isCurrent && mode === 'edit' && (
        isQuickKind(event.kind) ? (
          <QuickAddForm
            initial={valuesOf(event)!}
            accounts={ctx.accounts}
            people={[]}
            submitLabel={t('saveChanges')}
            onSubmit={saveEdit}
            onCancel={() => setMode('view')}
          />
        ) : (
          <EditDate event={event} onSave={(occurredAt) => saveEdit({ ...event, occurredAt, occurredPrecision: 'day' } as NewEvent)} onCancel={() => setMode('view')} />
        )
      )}

      {isCurrent && mode !== 'edit' && (
        <div class="actions">
          {event.source === 'manual' && (
            <>
              <button type="button" onClick={() => setMode('edit')} data-testid="edit-entry">
                {t('detailsEdit')}
              </button>
              <button type="button" class="danger" onClick={() => setMode('remove')} data-testid="remove-entry">
                {t('detailsRemove')}
              </button>
            </>
          )}
          {needsReview(event, reviews) && (
            <>
              <p class="hint">{t('detailsReviewHint')}</p>
              <button type="button" onClick={() => void reviewAs('confirmed')} data-testid="confirm-observation">
                {t('detailsConfirm')}
              </button>
              <button type="button" onClick={() => void reviewAs('dismissed')} data-testid="dismiss-observation">
                {t('detailsDismiss')}
              </button>
            </>
          )}
        </div>
      )}

      {mode === 'remove' && (
        <ConfirmDialog
          title={t('removeTitle')}
          confirmLabel={t('detailsRemove')}
          onConfirm={() => void remove()}
          onCancel={() => setMode('view')}
          testId="remove-dialog"
        >
          <p>{t('removeBody', kindLabel(event.kind), formatDate(event.occurredAt, locale))}</p>
        </ConfirmDialog>
      )}
    </article>
  );
}
