import { useMemo } from 'preact/hooks';
import { grantHistory, peopleWithAccess } from '@/lib/ledger/grants';
import { t } from '@/lib/i18n/i18n';
import { recentFirst } from '../accounts';
import { QuickAdd } from '../QuickAdd';
import type { DashboardContext } from './context';

/** Quick add, as in the popup: what was done on the phone, entered here. */
export function AddEntry({ ctx }: { ctx: DashboardContext }) {
  const { events, accounts } = ctx;
  const recent = useMemo(() => recentFirst(accounts, events), [events, accounts]);
  const people = useMemo(
    () => [...new Set(accounts.flatMap((a) => grantHistory(events, a).map((h) => h.person)))],
    [events, accounts],
  );
  return (
    <>
      <p class="muted">{t('addIntro')}</p>
      <QuickAdd
        headingId="add-quick-title"
        headingLevel={3}
        headingHidden
        accounts={recent}
        peopleWithAccess={(account) => peopleWithAccess(events, account).map((p) => p.person)}
        people={people}
        law={ctx.settings.jurisdiction}
        record={(event) => ctx.writes.record(event)}
        undo={async (id) => void (await ctx.writes.remove(id))}
      />
    </>
  );
}
