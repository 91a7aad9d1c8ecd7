/**
 * Requesting a takedown of one copy elsewhere: the route (lib/copies/routes.ts), the notice to send
 * (TakedownNotice.tsx), when to be reminded where the route sets no clock, and the platform's reference.
 */
import { useState } from 'preact/hooks';
import { ROUTES, routesFor, type TakedownRouteId } from '@/lib/copies/routes';
import type { Copy } from '@/lib/copies/sightings';
import type { DetailsOf } from '@/lib/ledger/events';
import { t } from '@/lib/i18n/i18n';
import { routeLabel } from '../copies-text';
import type { DashboardContext } from './context';
import { TakedownNotice } from './TakedownNotice';

export function RequestTakedown({ ctx, copy }: { ctx: DashboardContext; copy: Copy }) {
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
