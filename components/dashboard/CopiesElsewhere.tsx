/**
 * "Copies elsewhere": where the user's likeness turned up outside OpenAI, each copy with its
 * takedown and deadline. A copy is logged here (or from the context menu, which opens this form
 * prefilled), a takedown requested along one of the routes (lib/copies/routes.ts), and closed with
 * "I checked: it is gone" or a refusal. The deadlines, reminders and calendar file follow from the
 * takedown being a window (lib/deadlines/windows.ts).
 */
import { useMemo, useState } from 'preact/hooks';
import { sightingAddress, type AddressProblem } from '@/lib/copies/address';
import { ROUTES, routesFor, type TakedownRouteId } from '@/lib/copies/routes';
import { COPY_FILTERS, copiesOf, inFilter, type Copy, type CopyFilter, type CopyState } from '@/lib/copies/sightings';
import { UNKNOWN_HANDLE, type Account, type DetailsOf } from '@/lib/ledger/events';
import { formatDate, fromLocalInput, toLocalInput } from '@/lib/i18n/format';
import { t, uiLocale, type MessageKey } from '@/lib/i18n/i18n';
import { recentFirst } from '../accounts';
import { madeWithLabel, platformLabel, routeLabel, showsLabel } from '../copies-text';
import { windowProgress } from '../text';
import type { DashboardContext } from './context';
import { linkedCopyAddress } from './copy-link';
import { TakedownNotice } from './TakedownNotice';

const PROBLEM: Record<AddressProblem, MessageKey> = {
  'not-an-address': 'copyAddressNotAnAddress',
  'not-http': 'copyAddressNotHttp',
  'too-long': 'copyAddressTooLong',
};
const STATE: Record<CopyState, MessageKey> = {
  'no-takedown': 'copyStateNoTakedown',
  running: 'copyStateRunning',
  'due-soon': 'copyStateDueSoon',
  overdue: 'copyStateOverdue',
  gone: 'copyStateGone',
  refused: 'copyStateRefused',
};
const FILTER: Record<CopyFilter, MessageKey> = { all: 'copyFilterAll', open: 'copyFilterOpen', overdue: 'copyFilterOverdue', settled: 'copyFilterSettled' };

type Sighting = DetailsOf<'sighting-logged'>;

/** Whose likeness: the account the user used most recently (a cameo lived on Sora), else an unnamed Sora account. */
const likenessAccount = (ctx: DashboardContext): Account =>
  recentFirst(ctx.accounts, ctx.events).find((a) => a.service === 'sora') ?? { service: 'sora', handle: UNKNOWN_HANDLE };

/** The screenshot's SHA-256, in hex: the only thing kept of it, so it can later be shown to be the same file. */
async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function AddCopy({ ctx, prefill }: { ctx: DashboardContext; prefill: string }) {
  const [address, setAddress] = useState(prefill);
  const [shows, setShows] = useState<Sighting['shows']>('face');
  const [madeWith, setMadeWith] = useState<Sighting['madeWith']>('unknown');
  const [seen, setSeen] = useState(() => toLocalInput(ctx.now));
  const [screenshot, setScreenshot] = useState<string | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const checked = sightingAddress(address);
    if (!checked.ok) return setError(PROBLEM[checked.problem]);
    const occurredAt = fromLocalInput(seen);
    if (occurredAt === null) return setError('copySeenInvalid');
    setBusy(true);
    try {
      const details: Sighting = { address: checked.address, platform: checked.platform, shows, madeWith, ...(screenshot ? { screenshotSha256: screenshot } : {}) };
      await ctx.writes.record({ kind: 'sighting-logged', occurredAt, account: likenessAccount(ctx), source: 'manual', evidence: {}, details });
      ctx.announce(t('copyLogged', platformLabel(checked.platform)));
      setAddress('');
      setScreenshot(null);
      setError(null);
      // The prefilled link has served: a reload should not offer the same address again.
      if (location.hash.includes('add=')) history.replaceState(null, '', '#copies');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="quick-form copy-form" onSubmit={submit} noValidate aria-labelledby="copy-add-title" data-testid="copy-add-form">
      <h3 id="copy-add-title">{t('copyAddTitle')}</h3>
      <div class="field">
        <label for="copy-address">{t('copyAddress')}</label>
        <input
          id="copy-address"
          type="url"
          value={address}
          onInput={(e) => setAddress(e.currentTarget.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`copy-address-hint${error ? ' copy-error' : ''}`}
          data-testid="copy-address"
        />
        <span class="hint" id="copy-address-hint">
          {t('copyAddressHint')}
        </span>
      </div>
      <div class="field-row">
        <div class="field">
          <label for="copy-shows">{t('copyShows')}</label>
          <select id="copy-shows" value={shows} onChange={(e) => setShows(e.currentTarget.value as Sighting['shows'])}>
            {(['face', 'voice', 'both'] as const).map((s) => (
              <option key={s} value={s}>
                {showsLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="copy-made-with">{t('copyMadeWith')}</label>
          <select id="copy-made-with" value={madeWith} onChange={(e) => setMadeWith(e.currentTarget.value as Sighting['madeWith'])}>
            {(['sora', 'other', 'unknown'] as const).map((m) => (
              <option key={m} value={m}>
                {madeWithLabel(m)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="copy-seen">{t('copySeen')}</label>
          <input id="copy-seen" type="datetime-local" value={seen} onInput={(e) => setSeen(e.currentTarget.value)} />
        </div>
      </div>
      <div class="field">
        <label for="copy-screenshot">{t('copyScreenshot')}</label>
        <input
          id="copy-screenshot"
          type="file"
          accept="image/*"
          aria-describedby="copy-screenshot-hint"
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            setScreenshot(file ? await sha256Hex(file) : null);
          }}
          data-testid="copy-screenshot"
        />
        <span class="hint" id="copy-screenshot-hint">
          {screenshot ? t('copyScreenshotKept', screenshot.slice(0, 16)) : t('copyScreenshotHint')}
        </span>
      </div>
      {error && (
        <p role="alert" class="error" id="copy-error">
          {t(error)}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy} data-testid="copy-save">
          {t('copySave')}
        </button>
      </div>
    </form>
  );
}

function RequestTakedown({ ctx, copy }: { ctx: DashboardContext; copy: Copy }) {
  const routes = routesFor(copy.sighting.details.platform);
  const [route, setRoute] = useState<TakedownRouteId>(routes[0]!.id);
  const chosen = ROUTES[route];
  const [days, setDays] = useState(chosen.clock.type === 'user' ? chosen.clock.defaultDays : 14);
  const [reference, setReference] = useState('');
  const id = copy.sighting.id;
  const submit = async (e: Event) => {
    e.preventDefault();
    const details: DetailsOf<'takedown-requested'> = {
      sighting: id,
      route,
      ...(chosen.clock.type === 'user' ? { remindInDays: Math.min(365, Math.max(1, Math.round(days) || 1)) } : {}),
      ...(reference.trim() ? { reference: reference.trim() } : {}),
    };
    await ctx.writes.record({ kind: 'takedown-requested', occurredAt: Date.now(), account: copy.sighting.account, source: 'manual', evidence: {}, details });
    ctx.announce(t('takedownRequestedSaid', routeLabel(route)));
  };
  return (
    <form class="takedown-form" onSubmit={submit} aria-label={t('takedownRequestFor', copy.sighting.details.address)} data-testid="takedown-form">
      <div class="field">
        <label for={`route-${id}`}>{t('takedownRoute')}</label>
        <select id={`route-${id}`} value={route} onChange={(e) => setRoute(e.currentTarget.value as TakedownRouteId)} data-testid="takedown-route">
          {routes.map((r) => (
            <option key={r.id} value={r.id}>
              {routeLabel(r.id)}
            </option>
          ))}
        </select>
      </div>
      <TakedownNotice copy={copy} route={chosen} timeZone={ctx.settings.timeZone} now={ctx.now} announce={ctx.announce} />
      {chosen.clock.type === 'user' && (
        <div class="field">
          <label for={`days-${id}`}>{t('takedownRemindInDays')}</label>
          <input id={`days-${id}`} type="number" min={1} max={365} value={days} onInput={(e) => setDays(Number(e.currentTarget.value))} />
        </div>
      )}
      <div class="field">
        <label for={`reference-${id}`}>{t('takedownReference')}</label>
        <input id={`reference-${id}`} maxLength={200} value={reference} onInput={(e) => setReference(e.currentTarget.value)} />
      </div>
      <button type="submit" data-testid="takedown-request">
        {t('takedownRequest')}
      </button>
    </form>
  );
}

function CopyRow({ ctx, copy }: { ctx: DashboardContext; copy: Copy }) {
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

export function CopiesElsewhere({ ctx }: { ctx: DashboardContext }) {
  const linked = linkedCopyAddress(ctx.link);
  const copies = useMemo(() => copiesOf(ctx.events, ctx.windows), [ctx.events, ctx.windows]);
  const [filter, setFilter] = useState<CopyFilter>('all');
  const shown = copies.filter((c) => inFilter(c, filter));
  const prefill = linked?.ok ? linked.address : '';
  return (
    <>
      <p class="muted">{t('copiesIntro')}</p>
      {linked && !linked.ok && (
        <p role="alert" class="notice danger" data-testid="copy-link-refused">
          {t(PROBLEM[linked.problem])}
        </p>
      )}
      {/* Keyed by the prefilled address, so a second context-menu click refills the form. */}
      <AddCopy key={prefill} ctx={ctx} prefill={prefill} />
      <h3 id="copies-list-title">{t('copiesListTitle')}</h3>
      <div class="field">
        <label for="copies-filter">{t('copiesFilter')}</label>
        <select id="copies-filter" value={filter} onChange={(e) => setFilter(e.currentTarget.value as CopyFilter)} data-testid="copies-filter">
          {COPY_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(FILTER[f])}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 ? (
        <p class="empty">{t('copiesEmpty')}</p>
      ) : (
        <ul class="copies" aria-labelledby="copies-list-title" data-testid="copies">
          {shown.map((c) => (
            <CopyRow key={c.sighting.id} ctx={ctx} copy={c} />
          ))}
        </ul>
      )}
      <p class="hint">{t('copiesNotLegalAdvice')}</p>
    </>
  );
}
