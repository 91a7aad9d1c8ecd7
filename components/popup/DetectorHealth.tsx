import { useState } from 'preact/hooks';
import { errorMessage } from '@/lib/i18n/error-message';
import { t } from '@/lib/i18n/i18n';
import type { TabStatus } from '@/lib/background/tab-status';

/**
 * Detector health for the current tab: what the page was expected to show and did not (its rules'
 * elements, its route's anchors), and a page language whose texts the rules do not know. Either
 * way the user can copy a redacted description for a bug report (lib/rules/bug-report.ts).
 */
export function DetectorHealth({ tab, onCopy }: { tab: TabStatus; onCopy: (tab: TabStatus) => Promise<void> }) {
  const [copied, setCopied] = useState<string | null>(null);
  if (tab.misses.length === 0 && !tab.unknownLanguage) return null;
  const copy = async () => {
    try {
      await onCopy(tab);
      setCopied(t('popupCopied'));
    } catch (error) {
      setCopied(t('popupCopyFailed', errorMessage(error)));
    }
  };
  return (
    <div class="notice warn" data-testid="tab-misses">
      {tab.misses.length > 0 && <p>{t('popupMisses')}</p>}
      {tab.unknownLanguage && <p data-testid="tab-language">{t('popupUnknownLanguage', tab.unknownLanguage)}</p>}
      <button type="button" onClick={() => void copy()}>
        {t('popupCopyBugReport')}
      </button>
      <span role="status" class="status-line">
        {copied}
      </span>
    </div>
  );
}
