import { t, uiLocale } from '@/lib/i18n/i18n';
import type { BackupDue } from '@/lib/reminders/backup-nudge';

/** "Save a backup": why it is due, and a link to the export (the dashboard's "Import and export"). */
export function BackupNudge({ due }: { due: BackupDue }) {
  const count = (due.reason === 'entries' ? due.entries : due.days).toLocaleString(uiLocale());
  return (
    <div class="notice warn" data-testid="backup-nudge">
      <p>
        {due.last === null ? t('backupNudgeNever') : t(due.reason === 'entries' ? 'backupNudgeEntries' : 'backupNudgeDays', count)}{' '}
        {t('backupNudgeWhy')}
      </p>
      <a class="button" href="#import-export" data-testid="backup-nudge-go">
        {t('backupNudgeButton')}
      </a>
    </div>
  );
}
