/** Every version of an entry, oldest first: recorded, edited, confirmed, removed; the one shown marked. */
import type { LedgerEvent } from '@/lib/ledger/events';
import { formatDate } from '@/lib/i18n/format';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { eventSubject, kindLabel } from '../text';
import { When } from '../When';

function historyLine(h: LedgerEvent): string {
  const what = [kindLabel(h.kind), eventSubject(h)].filter(Boolean).join(' ');
  const on = formatDate(h.occurredAt, uiLocale());
  if (h.kind === 'entry-removed') return t('historyRemoved');
  if (h.kind === 'observation-reviewed') return t(h.details.verdict === 'confirmed' ? 'historyConfirmedByYou' : 'historyDismissedByYou');
  if (h.supersedes) return h.source === 'network' ? t('historyConfirmedByNetwork', what, on) : t('historyEdited', what, on);
  return t('historyRecorded', what, on);
}

export function EntryHistory({ history, shown }: { history: LedgerEvent[]; shown: string }) {
  if (history.length <= 1) return null;
  return (
    <>
      <h4>{t('detailsHistory')}</h4>
      <ol class="history" data-testid="details-history">
        {history.map((h) => (
          <li key={h.id} aria-current={h.id === shown ? 'true' : undefined}>
            {historyLine(h)} <When at={h.recordedAt} />
            {h.id === shown && <span class="muted"> ({t('historyThisVersion')})</span>}
          </li>
        ))}
      </ol>
    </>
  );
}
