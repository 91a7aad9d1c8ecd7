/**
 * "Copies elsewhere": where the user's likeness turned up outside OpenAI, each copy with its
 * takedown and deadline. A copy is logged here (or from the context menu, which opens this form
 * prefilled), a takedown requested along one of the routes (lib/copies/routes.ts), and closed with
 * "I checked: it is gone" or a refusal. The deadlines, reminders and calendar file follow from the
 * takedown being a window (lib/deadlines/windows.ts).
 */
import { useMemo, useState } from 'preact/hooks';
import { COPY_FILTERS, copiesOf, inFilter, type CopyFilter } from '@/lib/copies/sightings';
import { t, type MessageKey } from '@/lib/i18n/i18n';
import { ADDRESS_PROBLEM } from '../copies-text';
import { AddCopy } from './AddCopy';
import type { DashboardContext } from './context';
import { linkedCopyAddress } from './copy-link';
import { CopyRow } from './CopyRow';

const FILTER: Record<CopyFilter, MessageKey> = { all: 'copyFilterAll', open: 'copyFilterOpen', overdue: 'copyFilterOverdue', settled: 'copyFilterSettled' };

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
          {t(ADDRESS_PROBLEM[linked.problem])}
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
