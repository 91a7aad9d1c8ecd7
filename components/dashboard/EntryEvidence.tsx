/** Where an entry came from: the page, the rule that read it and the words shown, or that the user wrote it. */
import type { LedgerEvent } from '@/lib/ledger/events';
import { t } from '@/lib/i18n/i18n';
import { ExternalLink } from '../ExternalLink';

export function EntryEvidence({ event }: { event: LedgerEvent }) {
  return (
    <>
      <h4>{t('detailsEvidence')}</h4>
      {event.evidence.url || event.evidence.rule || event.evidence.shownText ? (
        <dl class="facts" data-testid="details-evidence">
          {event.evidence.url && (
            <>
              <dt>{t('evidencePage')}</dt>
              <dd>
                <ExternalLink href={event.evidence.url} />
              </dd>
            </>
          )}
          {event.evidence.rule && (
            <>
              <dt>{t('evidenceRule')}</dt>
              <dd>
                <code>{event.evidence.rule}</code>
              </dd>
            </>
          )}
          {event.evidence.shownText && (
            <>
              <dt>{t('evidenceShown')}</dt>
              <dd>
                <q><bdi>{event.evidence.shownText}</bdi></q>
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p class="muted">{event.source === 'manual' ? t('evidenceManual') : t('evidenceNone')}</p>
      )}
    </>
  );
}
