import type { Ref } from 'preact';
import { t } from '@/lib/i18n/i18n';
import { isOptional, SURFACES, SURFACE_IDS } from '@/lib/facts/surfaces';
import { surfaceLabel } from '../text';
import { SORA_CLOSURE } from '@/lib/facts/policies';
import { closureDate, SoraClosure } from '../SoraClosure';

/**
 * First install (`#welcome`): that Sora has closed and how to record what happened there, what is
 * watched, what is kept, and that nothing leaves the device.
 */
export function Welcome({ headingRef }: { headingRef: Ref<HTMLHeadingElement> }) {
  return (
    <section class="card welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h2 id="welcome-title" tabIndex={-1} ref={headingRef}>
        {t('welcomeTitle')}
      </h2>
      <p>{t('welcomeIntro')}</p>
      <SoraClosure headingLevel={3} headingId="welcome-closure" />
      <p>
        <a href="#after-sora" data-testid="welcome-sora-history">
          {t('soraHistoryLink')}
        </a>
      </p>
      <h3>{t('welcomeWatched')}</h3>
      <ul>
        {SURFACE_IDS.map((id) => (
          <li key={id}>
            <strong>{surfaceLabel(id)}</strong> <span class="muted">({SURFACES[id].hosts.join(', ')})</span>
            {/* Optional hosts (Sora's): the site closed but may come back; its watcher stays, on request. */}
            {isOptional(id) && <span class="muted"> {t('welcomeOnRequest', closureDate(SORA_CLOSURE.apps.date))}</span>}
          </li>
        ))}
      </ul>
      <h3>{t('welcomeKept')}</h3>
      <p>{t('welcomeKeptText')}</p>
      <h3>{t('welcomeNeverSent')}</h3>
      <p>{t('welcomeNeverSentText')}</p>
      <p data-testid="uninstall-deletes">{t('uninstallDeletes')}</p>
      <p>{t('welcomeStart')}</p>
      <p class="muted" data-testid="welcome-privacy">
        {t('notAffiliated')} <a href="/privacy-policy.html" target="_blank">{t('privacyLink')}</a>
      </p>
    </section>
  );
}
