/**
 * What a report file would do to the ledger, shown before anything is written: how many entries
 * are new, whether the file's fingerprint checks out, and each entry of the user's that the file
 * would remove, replace, close or answer, by name and date. Those are written only if the user
 * ticks the box; the default leaves them out.
 */
import { formatDate } from '@/lib/i18n/format';
import type { Imported } from '@/lib/ledger/events';
import { t, uiLocale, type MessageKey } from '@/lib/i18n/i18n';
import type { ChangeHow, ChangeToExisting, ImportResult } from '@/lib/report/import';
import { accountLabel, eventSubject, kindLabel } from '../text';

type Preview = Extract<ImportResult, { ok: true }>;

const HOW: Record<ChangeHow, MessageKey> = {
  replaces: 'importHowReplaces',
  removes: 'importHowRemoves',
  reviews: 'importHowReviews',
  closes: 'importHowCloses',
  answers: 'importHowAnswers',
  'follows-up': 'importHowFollowsUp',
  notes: 'importHowNotes',
};

const FINGERPRINT: Record<Imported['fingerprint'], MessageKey> = {
  verified: 'importFingerprintVerified',
  unverified: 'importFingerprintUnverified',
  none: 'importFingerprintNone',
};

const n = (x: number) => x.toLocaleString(uiLocale());

/** "Removes: Cameo deleted of 10 Jan 2026, @me on Sora": the user's entry, as the timeline names it. */
export function ChangeLine({ change }: { change: ChangeToExisting }) {
  const { target } = change;
  const subject = eventSubject(target);
  const name = subject ? `${kindLabel(target.kind)} ${subject}` : kindLabel(target.kind);
  return <li>{t('importChangeLine', t(HOW[change.how]), name, formatDate(target.occurredAt, uiLocale()), accountLabel(target.account))}</li>;
}

export function ImportPreview({
  preview,
  apply,
  onApplyChange,
  onImport,
  onCancel,
}: {
  preview: Preview;
  apply: boolean;
  onApplyChange: (apply: boolean) => void;
  onImport: () => void;
  onCancel: () => void;
}) {
  const changing = new Set(preview.changes.map((c) => c.event.id)).size;
  return (
    <div class="notice" role="region" aria-labelledby="import-preview-title" data-testid="import-preview">
      <h4 id="import-preview-title">{t('importPreviewTitle')}</h4>
      <p>{t('importPreviewCounts', n(preview.added + (apply ? changing : 0)), n(preview.unchanged))}</p>
      <p data-testid="import-fingerprint" data-fingerprint={preview.fingerprint}>
        {t(FINGERPRINT[preview.fingerprint])}
      </p>
      {changing === 0 ? (
        <p>{t('importPreviewNoChanges')}</p>
      ) : (
        <>
          <p>{t('importPreviewChanges', n(changing))}</p>
          <ul data-testid="import-changes">
            {preview.changes.map((c, i) => (
              <ChangeLine key={i} change={c} />
            ))}
          </ul>
          <div class="field checkbox">
            <label>
              <input type="checkbox" checked={apply} onChange={(e) => onApplyChange(e.currentTarget.checked)} data-testid="import-apply-changes" />{' '}
              {t('importApplyChanges')}
            </label>
            <span class="hint">{t('importApplyChangesHint')}</span>
          </div>
        </>
      )}
      <div class="actions">
        <button type="button" class={apply ? 'danger' : 'primary'} onClick={onImport} data-testid="import-confirm">
          {t(apply ? 'importConfirmWithChanges' : 'importConfirm')}
        </button>
        <button type="button" onClick={onCancel} data-testid="import-cancel">
          {t('importCancel')}
        </button>
      </div>
    </div>
  );
}
