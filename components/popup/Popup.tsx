/**
 * The toolbar popup: each account at a glance, this tab's watch status, and quick add for what
 * happened where no extension runs (the phone).
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/i18n/error-message';
import { addCopyHash } from '@/lib/copies/link';
import type { Account, NewEvent } from '@/lib/ledger/events';
import { t, uiLocale } from '@/lib/i18n/i18n';
import { plural } from '@/lib/i18n/plural';
import type { Law } from '@/lib/facts/policies';
import type { PopupSummary } from '@/lib/ledger/summary';
import type { TabStatus } from '@/lib/background/tab-status';
import { accountKey } from '@/lib/ledger/relations';
import { recentFirst } from '../accounts';
import { useNow } from '../hooks';
import { QuickAdd } from '../QuickAdd';
import { kindLabel, showAccountNames } from '../text';
import { When } from '../When';
import { AccountCard } from './AccountCard';
import { TabStatusLine } from './TabStatusLine';
import { AccountName, Subject } from '../Isolated';

/** The rest is a click away, in the dashboard's timeline. */
const LATEST_SHOWN = 6;

export interface PopupData {
  summary: PopupSummary;
  tab: TabStatus | null;
  /** The user's jurisdiction (settings): a privacy request starts with it. */
  law: Law;
  /** The background's check of the ledger's fingerprint chain failed (lib/background/fingerprint-check.ts). */
  fingerprintBroken?: boolean;
  /** Install-time host patterns the user withdrew (lib/site-access/site-access.ts). */
  withdrawn?: string[];
}

export interface PopupActions {
  load(): Promise<PopupData>;
  /** Records a manual entry; resolves with its id. */
  record(event: NewEvent): Promise<string>;
  /** Takes back an entry just made (a removal, so the ledger keeps its history). */
  undo(id: string): Promise<void>;
  /** Opens the dashboard, at a section or an entry when given (`entry=<id>`, `import-export`). */
  openDashboard(at?: string): void;
  copyBugReport(tab: TabStatus): Promise<void>;
  /** Asks the browser for these host patterns again (from the click); resolves with whether they were granted. */
  grantSiteAccess(origins: string[]): Promise<boolean>;
}

export function Popup({ actions }: { actions: PopupActions }) {
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = useNow();

  const reload = useCallback(
    () => actions.load().then(setData, (e: unknown) => setError(errorMessage(e))),
    [actions],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  const summary = data?.summary;
  showAccountNames(useMemo(() => Object.fromEntries(summary?.accounts.flatMap((a) => (a.naming ? [[accountKey(a.account), a.naming.name]] : [])) ?? []), [summary]));
  const accounts = useMemo(() => (summary ? recentFirst(summary.accounts.map((a) => a.account), summary.latest) : []), [summary]);
  const cards = accounts.map((account) => summary!.accounts.find((a) => accountKey(a.account) === accountKey(account))!);
  const peopleWithAccess = (account: Account) =>
    summary?.accounts.find((a) => accountKey(a.account) === accountKey(account))?.people.map((p) => p.person) ?? [];
  const people = [...new Set(summary?.accounts.flatMap((a) => a.people.map((p) => p.person)) ?? [])];

  return (
    <div class="popup" aria-busy={data === null && error === null}>
      <header class="popup-header">
        <h1>{t('extName')}</h1>
        <div class="header-actions">
          <button type="button" onClick={() => actions.openDashboard()} data-testid="open-dashboard">
            {t('popupOpenDashboard')}
          </button>
          <button type="button" onClick={() => actions.openDashboard('import-export')} data-testid="export-report">
            {t('popupExport')}
          </button>
        </div>
      </header>
      <main>
        {error && (
          <p role="alert" class="notice danger">
            {t('popupLoadFailed', error)}
          </p>
        )}
        {data?.fingerprintBroken && (
          <p role="alert" class="notice danger" data-testid="fingerprint-broken">
            <button type="button" class="link" onClick={() => actions.openDashboard('import-export')}>
              {t('popupFingerprintBroken')}
            </button>
          </p>
        )}
        <section aria-labelledby="quick-add-title">
          <QuickAdd
            headingId="quick-add-title"
            headingLevel={2}
            accounts={accounts}
            peopleWithAccess={peopleWithAccess}
            people={people}
            law={data?.law ?? 'none'}
            record={actions.record}
            undo={actions.undo}
            onChange={() => void reload()}
          />
        </section>

        {summary?.waiting && summary.waiting.count + summary.waiting.dropped > 0 && (
          <p role="alert" class="notice warn" data-testid="storage-full">
            {plural(['popupStorageFullOne', 'popupStorageFullOther'], summary.waiting.count, summary.waiting.dropped.toLocaleString(uiLocale()))}
          </p>
        )}

        <TabStatusLine
          tab={data?.tab ?? null}
          loaded={data !== null}
          latest={summary?.latest ?? []}
          onCopy={actions.copyBugReport}
          withdrawn={data?.withdrawn ?? []}
          onGrant={async (origins) => {
            const granted = await actions.grantSiteAccess(origins);
            if (granted) await reload();
            return granted;
          }}
        />

        {summary && summary.accounts.length > 0 && (
          <section aria-labelledby="accounts-title">
            <h2 id="accounts-title">{t('popupAccounts')}</h2>
            {cards.map((a) => (
              <AccountCard key={accountKey(a.account)} summary={a} now={now} onOpen={actions.openDashboard} record={actions.record} onNamed={() => void reload()} />
            ))}
          </section>
        )}

        <section aria-labelledby="latest-title">
          <h2 id="latest-title">{t('popupLatest')}</h2>
          {summary && summary.latest.length === 0 && (
            <>
              <p class="empty" data-testid="empty-state">
                {t('popupEmpty')}
              </p>
              <p>
                <button type="button" class="link" onClick={() => actions.openDashboard('after-sora')} data-testid="record-sora-history">
                  {t('soraHistoryLink')}
                </button>
              </p>
            </>
          )}
          {summary && summary.latest.length > 0 && (
            <ul class="event-list" data-testid="latest-events">
              {summary.latest.slice(0, LATEST_SHOWN).map((e) => (
                <li key={e.id} data-kind={e.kind}>
                  <span>
                    <strong>{kindLabel(e.kind)}</strong> <Subject event={e} />
                  </span>
                  <span class="event-meta muted">
                    <AccountName account={e.account} /> · <When at={e.occurredAt} now={now} relative precision={e.occurredPrecision} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        {/* Firefox for Android has no context menu: the popup is the way to log a copy there. */}
        <p>
          <button type="button" class="link" onClick={() => actions.openDashboard(addCopyHash())} data-testid="popup-log-copy">
            {t('popupLogCopy')}
          </button>
        </p>
      </main>
    </div>
  );
}
