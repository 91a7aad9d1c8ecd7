import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/i18n';
import { hostOfPattern } from '@/lib/site-access/site-access';

/**
 * Why this tab is not watched when the user took the extension's access to an OpenAI site away,
 * and a button that asks for it again (the browser asks the user; the request needs the click).
 */
export function SiteAccessWithdrawn({ origins, onGrant }: { origins: string[]; onGrant: (origins: string[]) => Promise<boolean> }) {
  const [refused, setRefused] = useState(false);
  return (
    <div class="notice warn" data-testid="site-access-withdrawn">
      <p>{t('popupSiteAccessWithdrawn', origins.map(hostOfPattern).join(', '))}</p>
      <button type="button" onClick={async () => setRefused(!(await onGrant(origins)))} data-testid="site-access-grant">
        {t('popupSiteAccessGrant')}
      </button>
      <span role="status">{refused ? ` ${t('popupSiteAccessRefused')}` : ''}</span>
    </div>
  );
}
