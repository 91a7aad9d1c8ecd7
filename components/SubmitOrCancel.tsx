/** A form's last row: its submit button (the primary action) and Cancel beside it. */
import { t } from '@/lib/i18n/i18n';

export function SubmitOrCancel({ label, onCancel, busy, testId }: { label: string; onCancel: () => void; busy?: boolean; testId?: string }) {
  return (
    <div class="actions">
      <button type="submit" class="primary" disabled={busy} data-testid={testId}>
        {label}
      </button>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}
