/** What closes a deadline window from its entry: the user checked the purge, or the answer to a request came. */
import { useState } from 'preact/hooks';
import type { NewEvent } from '@/lib/ledger/events';
import { t } from '@/lib/i18n/i18n';
import type { LedgerWrites } from '@/lib/ledger/ui-writes';
import type { DeadlineWindow } from '@/lib/deadlines/windows';
import { outcomeLabel } from '../text';

const OUTCOMES = ['done', 'refused', 'extended', 'other'] as const;

export function CloseWindow({ window, writes, act }: { window: DeadlineWindow; writes: LedgerWrites; act: (action: () => Promise<unknown>, done: string) => Promise<void> }) {
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('done');
  const id = `outcome-${window.id}`;
  const write = (input: NewEvent) => () => writes.record(input);
  const base = { occurredAt: Date.now(), account: window.account, source: 'manual', evidence: {} } as const;
  if (window.kind !== 'legal-deadline') {
    return (
      <div class="actions">
        <button type="button" onClick={() => void act(write({ ...base, kind: 'purge-verified', details: { window: window.id } }), t('windowVerifiedDone'))} data-testid="verify-window">
          {t('windowVerify')}
        </button>
      </div>
    );
  }
  return (
    <div class="actions">
      <label for={id}>{t('fieldOutcome')}</label>
      <select id={id} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as (typeof OUTCOMES)[number])}>
        {OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {outcomeLabel(o)}
          </option>
        ))}
      </select>
      <button
        type="button"
        onClick={() => void act(write({ ...base, kind: 'privacy-answer-received', details: { request: window.id, outcome } }), t('windowAnsweredDone'))}
        data-testid="answer-window"
      >
        {t('windowAnswer')}
      </button>
    </div>
  );
}
