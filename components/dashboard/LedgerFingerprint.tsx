/**
 * The ledger's fingerprint in the dashboard: the head of its hash chain and when its last entry was
 * recorded, to quote in a complaint; and the result of checking every entry against the chain
 * when the dashboard opens. A failed check is shown, never repaired.
 */
import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/i18n/error-message';
import type { ChainCheck, LedgerFingerprint as Fingerprint } from '@/lib/ledger/fingerprint';
import { fingerprintText } from '@/lib/ledger/fingerprint';
import { formatDateTime } from '@/lib/i18n/format';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { plural } from '@/lib/i18n/plural';
import { ledgerFingerprint, verifyLedger } from '@/lib/ledger/ledger-fingerprint';
import type { DashboardContext } from './context';

export function LedgerFingerprint({ ctx }: { ctx: DashboardContext }) {
  const [head, setHead] = useState<Fingerprint | null | undefined>(undefined);
  const [check, setCheck] = useState<ChainCheck | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  // Once per opening: the whole chain is hashed again (seconds at 100k entries, in the background of the page).
  useEffect(() => {
    verifyLedger(ctx.db).then(setCheck, (e: unknown) => setFailed(errorMessage(e)));
  }, [ctx.db]);
  // The head follows every write.
  useEffect(() => {
    ledgerFingerprint(ctx.db).then(setHead, () => setHead(null));
  }, [ctx.db, ctx.all.length]);

  return (
    <section class="quick-form" aria-labelledby="fingerprint-title" data-testid="ledger-fingerprint">
      <h3 id="fingerprint-title">{t('fingerprintTitle')}</h3>
      {head === null ? (
        <p>{t('fingerprintEmpty')}</p>
      ) : head ? (
        <p>
          {plural(['fingerprintHeadOne', 'fingerprintHeadOther'], head.seq, '\uE000', formatDateTime(head.recordedAt, uiLocale()))
            .split('\uE000')
            .flatMap((part, i) => (i ? [<code key="hash" data-testid="fingerprint-hash">{fingerprintText(head.hash)}</code>, part] : [part]))}
        </p>
      ) : null}
      <p class="hint">{t('fingerprintHint')}</p>
      {failed ? (
        <p role="alert" class="notice danger">
          {t('fingerprintCheckFailed', failed)}
        </p>
      ) : check === null ? (
        <p class="hint">{t('fingerprintChecking')}</p>
      ) : check.ok ? (
        <p class="hint" data-testid="fingerprint-check" data-ok="true">
          {t('fingerprintOk')}
        </p>
      ) : (
        <p role="alert" class="notice danger" data-testid="fingerprint-check" data-ok="false">
          {t('fingerprintBroken', check.seq.toLocaleString(uiLocale()))}
        </p>
      )}
    </section>
  );
}
