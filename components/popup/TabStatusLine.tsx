import type { LedgerEvent } from '@/lib/ledger/events';
import { t } from '@/lib/i18n/i18n';
import type { TabStatus } from '@/lib/background/tab-status';
import { SiteAccessWithdrawn } from './SiteAccessWithdrawn';
import { kindLabel, surfaceLabel } from '../text';
import { Isolated } from '../Isolated';
import { DetectorHealth } from './DetectorHealth';

/** What the extension sees in the current tab, and a way to report it when detection seems stale. */
export function TabStatusLine({
  tab,
  loaded,
  latest,
  onCopy,
  withdrawn,
  onGrant,
}: {
  tab: TabStatus | null;
  loaded: boolean;
  latest: LedgerEvent[];
  onCopy: (tab: TabStatus) => Promise<void>;
  /** Host patterns the user withdrew: why a page there is not watched. */
  withdrawn: string[];
  onGrant: (origins: string[]) => Promise<boolean>;
}) {
  // The popup has the latest entries at hand; older ones seen here are counted, not listed.
  const seen = tab ? latest.filter((e) => tab.seen.includes(e.id)) : [];
  return (
    <section aria-labelledby="this-tab" class="this-tab">
      <h2 id="this-tab">{t('popupThisTab')}</h2>
      {loaded && (
        <p data-testid="tab-status">
          {tab ? t('popupTabWatched', surfaceLabel(tab.surface)) : t('popupTabNotWatched')}
          {tab && <span class="muted"> · {tab.path}</span>}
          {tab?.handle && <span class="muted"> · <Isolated text={t('popupSignedInAs', tab.handle)} foreign={[tab.handle]} /></span>}
        </p>
      )}
      {tab && (
        <p class="muted" data-testid="tab-seen">
          {tab.seen.length === 0 ? t('popupSeenNone') : t('popupSeenCount', tab.seen.length)}
          {seen.length > 0 && `: ${seen.map((e) => kindLabel(e.kind)).join(', ')}`}
        </p>
      )}
      {tab && <DetectorHealth tab={tab} onCopy={onCopy} />}
      {loaded && !tab && withdrawn.length > 0 && <SiteAccessWithdrawn origins={withdrawn} onGrant={onGrant} />}
    </section>
  );
}
