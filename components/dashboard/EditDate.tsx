import { useEffect, useRef, useState } from 'preact/hooks';
import type { LedgerEvent } from '@/lib/ledger/events';
import { fromLocalInput, toLocalInput } from '@/lib/i18n/format';
import { t } from '@/lib/i18n/i18n';
import { SubmitOrCancel } from '../SubmitOrCancel';

/** Editing a manual entry of a kind quick add does not make (a follow-up, a verification): its date. */
export function EditDate({ event, onSave, onCancel }: { event: LedgerEvent; onSave: (at: number) => Promise<void>; onCancel: () => void }) {
  const [value, setValue] = useState(toLocalInput(event.occurredAt));
  const [invalid, setInvalid] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      class="quick-form"
      onSubmit={(e) => {
        e.preventDefault();
        const at = fromLocalInput(value);
        if (at === null || at > Date.now()) return setInvalid(true);
        void onSave(at);
      }}
    >
      <div class="field">
        <label for="edit-date">{t('fieldWhen')}</label>
        <input
          id="edit-date"
          ref={input}
          type="datetime-local"
          value={value}
          onInput={(e) => setValue(e.currentTarget.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? 'edit-date-error' : undefined}
        />
        {invalid && (
          <span class="error" id="edit-date-error">
            {t('errorDateInvalid')}
          </span>
        )}
      </div>
      <SubmitOrCancel label={t('saveChanges')} onCancel={onCancel} />
    </form>
  );
}
