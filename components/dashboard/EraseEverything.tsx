/** Erase everything: the whole ledger goes, after a confirmation that says exactly what goes. */
import { useState } from 'preact/hooks';
import { errorMessage } from '@/lib/i18n/error-message';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { counted } from '@/lib/i18n/plural';
import { ConfirmDialog } from '../ConfirmDialog';
import type { DashboardContext } from './context';

export function EraseEverything({ ctx }: { ctx: DashboardContext }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { all, accounts, events } = ctx;
  const manual = events.filter((e) => e.source === 'manual').length;
  const erase = async () => {
    setAsking(false);
    try {
      // The background erases the ledger and the observations still waiting for room: they belong to it too.
      await ctx.writes.erase();
      ctx.reload();
      ctx.announce(t('eraseDone'));
    } catch (e) {
      setError(t('saveFailed', errorMessage(e)));
    }
  };
  return (
    <>
      <p>{t('eraseIntro')}</p>
      <p data-testid="uninstall-deletes">{t('uninstallDeletes')}</p>
      <button type="button" class="danger" onClick={() => setAsking(true)} disabled={all.length === 0} data-testid="erase">
        {t('eraseButton')}
      </button>
      {all.length === 0 && <p class="muted">{t('eraseNothing')}</p>}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {asking && (
        <ConfirmDialog
          title={t('eraseTitle')}
          confirmLabel={t('eraseConfirm', counted('entries', all.length))}
          onConfirm={() => void erase()}
          onCancel={() => setAsking(false)}
          testId="erase-dialog"
        >
          <ul>
            <li>{t('eraseWhatEntries', counted('entries', events.length), manual.toLocaleString(uiLocale()), counted('accounts', accounts.length))}</li>
            <li>{t('eraseWhatHistory', counted('history', all.length - events.length))}</li>
            <li>{t('eraseWhatDerived')}</li>
          </ul>
          <p>
            <strong>{t('eraseCannotUndo')}</strong>
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
