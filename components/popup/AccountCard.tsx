import { t } from '@/lib/i18n/i18n';
import { canDraft } from '@/lib/letters/kinds';
import type { AccountAtAGlance } from '@/lib/ledger/summary';
import { audienceLabel, statusLabel, windowLabel, windowProgress } from '../text';
import { SoraClosureNote } from '../SoraClosure';
import { draftHash } from '../dashboard/deep-link';
import { When } from '../When';
import { WindowBasis } from '../WindowBasis';
import { AccountName } from '../Isolated';
import { UNKNOWN_HANDLE } from '@/lib/ledger/unknown-handle';
import type { NewEvent } from '@/lib/ledger/events';
import { NameAccount } from '../NameAccount';

const LATE = new Set(['closed-awaiting-verification', 'overdue']);

/**
 * One account: who can use the cameo now, and its windows, the late ones first. A Sora account
 * says that Sora has closed. A late window is "closed, not verified", with the next step.
 * Cameos lived on Sora: a ChatGPT account shows no cameo rows unless the user recorded cameo facts
 * for it, so "Who can use your cameo: Not recorded yet" never suggests a gap that cannot exist.
 */
export function AccountCard({ summary, now, onOpen, record, onNamed }: { summary: AccountAtAGlance; now: number; onOpen: (at: string) => void; record: (event: NewEvent) => Promise<string>; onNamed: () => void }) {
  const { account, audience, people, windows } = summary;
  const id = `account-${account.service}-${account.handle}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const late = windows.filter((w) => LATE.has(w.status));
  const coming = windows.filter((w) => !LATE.has(w.status));
  const hasCameo = account.service === 'sora' || audience !== null || people.length > 0;
  return (
    <article class="card account" aria-labelledby={id} data-testid="account">
      <h3 id={id}><AccountName account={account} /></h3>
      {account.handle === UNKNOWN_HANDLE && <NameAccount key={summary.naming?.id ?? 'unnamed'} account={account} naming={summary.naming} id={id} record={record} onNamed={onNamed} />}
      {account.service === 'sora' && <SoraClosureNote />}
      {hasCameo && (
        <dl class="facts">
          <dt>{t('popupAudience')}</dt>
          <dd data-testid="audience">{audience ? audienceLabel(audience) : <span class="muted">{t('popupAudienceUnknown')}</span>}</dd>
          <dt>{t('popupPeople')}</dt>
          <dd>
            {people.length === 0 ? (
              <span class="muted">{t('popupPeopleNone')}</span>
            ) : (
              <ul class="people" data-testid="people">
                {people.map((p) => (
                  <li key={p.person}>
                    <strong><bdi>{p.person}</bdi></strong> <span class="muted">{t('since')} <When at={p.since} dateOnly precision={p.sinceMonth ? 'month' : undefined} /></span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      )}
      {late.length > 0 && (
        <div class="late">
          <h4>{t('popupLate')}</h4>
          <ul class="windows" data-testid="late-windows">
            {late.map((w) => (
              <li key={w.id} class={`window status-${w.status}`}>
                <button type="button" class="link" onClick={() => onOpen(`entry=${w.id}`)}>
                  {windowLabel(w.kind)}
                </button>{' '}
                <span class={`badge status-${w.status}`}>{statusLabel(w.status)}</span>
                <span class="closed-unverified" data-testid="closed-unverified">
                  {t('closedNotVerified')}
                </span>
                <span class="progress">{windowProgress(w, now)}</span>
                <WindowBasis kind={w.kind} fromMonth={!!w.fromMonth} />
                {canDraft(w.kind) && (
                  <button type="button" class="link next-step" onClick={() => onOpen(draftHash(w.id))} aria-label={t('deadlinesDraftFor', windowLabel(w.kind))} data-testid="draft-follow-up">
                    {w.kind === 'sora-closure' ? t('nextStepAskOpenai') : t('reminderDraftFollowUp')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {coming.length > 0 && (
        <div>
          <h4>{t('popupOpenWindows')}</h4>
          <ul class="windows" data-testid="open-windows">
            {coming.map((w) => (
              <li key={w.id} class={`window status-${w.status}`}>
                <button type="button" class="link" onClick={() => onOpen(`entry=${w.id}`)}>
                  {windowLabel(w.kind)}
                </button>{' '}
                {w.status === 'due-soon' && <span class={`badge status-${w.status}`}>{statusLabel(w.status)}</span>}
                <span class="progress">{windowProgress(w, now)}</span>
                <WindowBasis kind={w.kind} fromMonth={!!w.fromMonth} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}
