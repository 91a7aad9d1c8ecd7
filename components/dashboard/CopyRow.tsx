/**
 * One copy in the list of copies elsewhere: where it is, its takedown's state and clock, and what
 * the user can do next (it is gone, it was refused, request a takedown, send or escalate the notice).
 */
import { useState } from 'preact/hooks';
import { ROUTES } from '@/lib/copies/routes';
import type { Copy, CopyState } from '@/lib/copies/sightings';
import type { DetailsOf } from '@/lib/ledger/events';
import { formatDate } from '@/lib/i18n/format';
import { t, uiLocale, type MessageKey } from '@/lib/i18n/i18n';
import { madeWithLabel, platformLabel, routeLabel, showsLabel } from '../copies-text';
import { windowProgress } from '../text';
import type { DashboardContext } from './context';
import { RequestTakedown } from './RequestTakedown';
import { TakedownNotice } from './TakedownNotice';

const STATE: Record<CopyState, MessageKey> = {
  'no-takedown': 'copyStateNoTakedown',
  running: 'copyStateRunning',
  'due-soon': 'copyStateDueSoon',
  overdue: 'copyStateOverdue',
  gone: 'copyStateGone',
  refused: 'copyStateRefused',
};
export function CopyRow({ ctx, copy }: { ctx: DashboardContext; copy: Copy }) {
  const locale = uiLocale();
  const { sighting, takedowns, state } = copy;
  const latest = takedowns.at(-1);
  const [requesting, setRequesting] = useState(false);
  const settle = async (outcome: DetailsOf<'takedown-outcome'>['outcome']) => {
    if (!latest) return;
    await ctx.writes.record({ kind: 'takedown-outcome', occurredAt: Date.now(), account: sighting.account, source: 'manual', evidence: {}, details: { request: latest.request.id, outcome } });
    ctx.announce(t(outcome === 'gone-verified' ? 'copyGoneSaid' : 'copyRefusedSaid'));
  };
  const open = state === 'running' || state === 'due-soon' || state === 'overdue';
  return (
    <li class="copy" data-state={state} data-sighting={sighting.id} data-testid="copy">
      <p>
        <strong>{platformLabel(sighting.details.platform)}</strong> · <bdi class="copy-address">{sighting.details.address}</bdi>
      </p>
      <p class="muted">
        {t('copySeenOn', formatDate(sighting.occurredAt, locale))} · {showsLabel(sighting.details.shows)} · {madeWithLabel(sighting.details.madeWith)}
        {sighting.details.screenshotSha256 && ` · ${t('copyScreenshotKept', sighting.details.screenshotSha256.slice(0, 16))}`}
      </p>
      <p>
        <span class={`badge copy-state-${state}`} data-testid="copy-state">
          {t(STATE[state])}
        </span>
        {latest && ` ${routeLabel(latest.request.details.route)}`}
        {latest?.window && ` · ${windowProgress(latest.window, ctx.now)}`}
      </p>
      <div class="actions">
        {open && (
          <>
            <button type="button" onClick={() => settle('gone-verified')} data-testid="copy-gone">
              {t('copyGone')}
            </button>
            <button type="button" onClick={() => settle('refused')} data-testid="copy-refused">
              {t('copyRefused')}
            </button>
          </>
        )}
        {!open && state !== 'gone' && (
          <button type="button" aria-expanded={requesting} onClick={() => setRequesting((r) => !r)} data-testid="copy-request-takedown">
            {t('takedownRequestOpen')}
          </button>
        )}
      </div>
      {/* While it runs: the notice sent, to send again; past its clock or refused: the escalation. */}
      {latest && (open || state === 'refused') && (
        <TakedownNotice
          copy={copy}
          route={ROUTES[latest.request.details.route]}
          timeZone={ctx.settings.timeZone}
          now={ctx.now}
          announce={ctx.announce}
          takedown={latest}
          escalate={state === 'overdue' || state === 'refused'}
        />
      )}
      {requesting && !open && <RequestTakedown ctx={ctx} copy={copy} />}
    </li>
  );
}
