/** The column headings of a table of windows and deadlines: the dashboard's and the evidence report's. */
import { t } from '@/lib/i18n/i18n';

/** `nextStep`: a last column for what the user can do about each (the dashboard's; the printed report has none). */
export function DeadlineHead({ nextStep = false }: { nextStep?: boolean }) {
  return (
    <thead>
      <tr>
        <th scope="col">{t('deadlinesWhat')}</th>
        <th scope="col">{t('detailsAccount')}</th>
        <th scope="col">{t('deadlinesOpened')}</th>
        <th scope="col">{t('deadlinesDue')}</th>
        <th scope="col">{t('deadlinesStatus')}</th>
        <th scope="col">{t('deadlinesSource')}</th>
        {nextStep && <th scope="col">{t('deadlinesNextStep')}</th>}
      </tr>
    </thead>
  );
}
