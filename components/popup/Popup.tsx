import { useEffect, useState } from 'preact/hooks';
import type { LedgerEvent } from '@/lib/events';
import { t } from '@/lib/i18n';
import type { TabStatus } from '@/lib/tab-status';
import { SURFACES } from '@/lib/surfaces';

export interface PopupData {
  latest: LedgerEvent[];
  tab: TabStatus | null;
}

export function Popup({ load, openDashboard }: { load: () => Promise<PopupData>; openDashboard: () => void }) {
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    load().then(setData, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [load]);

  return (
    <main class="popup" aria-busy={data === null && error === null}>
      <header>
        <h1>{t('extName')}</h1>
      </header>
      {error && <p role="alert" class="overdue">{t('popupLoadFailed', error)}</p>}
      <section aria-labelledby="this-tab">
        <h2 id="this-tab">{t('popupThisTab')}</h2>
        <p data-testid="tab-status">
          {data?.tab ? t('popupTabWatched', SURFACES[data.tab.surface].label) : t('popupTabNotWatched')}
        </p>
      </section>
      <section aria-labelledby="latest">
        <h2 id="latest">{t('popupLatest')}</h2>
        {data && data.latest.length === 0 && <p class="empty" data-testid="empty-state">{t('popupEmpty')}</p>}
        {data && data.latest.length > 0 && (
          <ul data-testid="latest-events">
            {data.latest.map((e) => (
              <li key={e.id} data-kind={e.kind}>
                {e.kind} · {e.account.service} {e.account.handle}
              </li>
            ))}
          </ul>
        )}
      </section>
      <footer>
        <button type="button" onClick={openDashboard}>
          {t('popupOpenDashboard')}
        </button>
      </footer>
    </main>
  );
}
