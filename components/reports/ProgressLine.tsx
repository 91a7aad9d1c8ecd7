/** How far a long export, import or report is: the step in words and a bar. */
import { t, type MessageKey } from '@/lib/i18n/i18n';
import type { Phase, Progress } from '@/lib/report/progress';

const PHASE: Record<Phase, MessageKey> = {
  'reading-ledger': 'reportPhaseReadingLedger',
  'writing-report': 'reportPhaseWritingReport',
  checking: 'reportPhaseChecking',
  comparing: 'reportPhaseComparing',
  'writing-ledger': 'reportPhaseWritingLedger',
};

export function ProgressLine({ progress }: { progress: Progress | null }) {
  const label = progress ? t(PHASE[progress.phase]) : t('loading');
  return (
    <div class="progress-line" data-testid="progress">
      <span>{label}</span>{' '}
      {/* No value yet: an indeterminate bar. */}
      <progress aria-label={label} max={progress?.total || undefined} value={progress?.total ? progress.done : undefined} />
    </div>
  );
}
