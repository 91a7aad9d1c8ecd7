/**
 * Why a window is due when it is, where that is not plain from its source: the closure window's
 * length is an inference, and a window counted from a remembered month starts on its last day.
 */
import { t } from '@/lib/i18n/i18n';
import type { DeadlineKind } from '@/lib/deadlines/windows';

export function WindowBasis({ kind, fromMonth }: { kind: DeadlineKind; fromMonth: boolean }) {
  if (kind !== 'sora-closure' && !fromMonth) return null;
  return (
    <span class="window-basis muted" data-testid="window-basis">
      {kind === 'sora-closure' && t('closureBasis')}
      {kind === 'sora-closure' && fromMonth && ' '}
      {fromMonth && t('dueFromMonthEnd')}
    </span>
  );
}
