/**
 * "Watch Sora's pages if they come back": Sora's hosts on request (lib/site-access/sora-access.ts). The switch
 * shows what the browser says is granted, also when the user changes it in the browser's own
 * extension settings.
 */
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/i18n/error-message';
import { t } from '@/lib/i18n/i18n';
import { soraWatched, stopWatchingSora, watchSora, type PermissionsApi } from '@/lib/site-access/sora-access';

/** The browser's permissions API; absent or unimplemented where the page runs without one (unit tests): the switch then stays disabled. */
const browserPermissions = () => (globalThis as { browser?: { permissions?: PermissionsApi } }).browser?.permissions;

export function SoraAccess({ permissions = browserPermissions() }: { permissions?: PermissionsApi }) {
  const [on, setOn] = useState<boolean | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (!permissions) return;
    const refresh = () => void soraWatched(permissions).then(setOn, () => setOn(null));
    refresh();
    try {
      permissions.onAdded.addListener(refresh);
      permissions.onRemoved.addListener(refresh);
    } catch {
      return; // No permission events here: the switch shows what was read once.
    }
    return () => {
      permissions.onAdded.removeListener(refresh);
      permissions.onRemoved.removeListener(refresh);
    };
  }, [permissions]);

  // A click, not a change: the browser asks the user only inside the click itself, so nothing is awaited before the request.
  const toggle = async (e: MouseEvent) => {
    if (!permissions) return;
    const want = (e.currentTarget as HTMLInputElement).checked;
    const asked = want ? watchSora(permissions) : stopWatchingSora(permissions);
    setStatus('');
    try {
      await asked;
      const now = await soraWatched(permissions);
      setOn(now);
      setStatus(t(now ? 'soraAccessOn' : want ? 'soraAccessRefused' : 'soraAccessOff'));
    } catch (err) {
      setOn(await soraWatched(permissions).catch(() => false));
      setStatus(t('saveFailed', errorMessage(err)));
    }
  };

  return (
    <section class="settings" aria-labelledby="sora-access-title">
      <h3 id="sora-access-title">{t('soraAccessTitle')}</h3>
      <div class="field checkbox">
        <label>
          <input
            type="checkbox"
            role="switch"
            data-testid="sora-access"
            checked={on === true}
            aria-checked={on === true}
            disabled={on === null}
            onClick={toggle}
            aria-describedby="sora-access-hint"
          />{' '}
          {t('soraAccessToggle')}
        </label>
        <span class="hint" id="sora-access-hint">
          {t('soraAccessHint')}
        </span>
      </div>
      <span role="status" class="muted">
        {status}
      </span>
    </section>
  );
}
