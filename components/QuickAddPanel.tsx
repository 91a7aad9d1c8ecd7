/** Loaded on first use of quick add: the form, its checks and the schemas they need. */
import type { Account, NewEvent } from '@/lib/ledger/events';
import { t } from '@/lib/i18n/i18n';
import type { Law } from '@/lib/facts/policies';
import type { QuickKind } from '@/lib/ledger/event-kinds';
import { defaultValues } from '@/lib/ledger/quick-add';
import QuickAddForm from './QuickAddForm';

export interface QuickAddPanelProps {
  kind: QuickKind;
  accounts: Account[];
  peopleWithAccess: (account: Account) => string[];
  people: string[];
  law: Law;
  onSubmit: (event: NewEvent) => Promise<void>;
  onCancel: () => void;
}

export function QuickAddPanel({ kind, accounts, peopleWithAccess, people, law, onSubmit, onCancel }: QuickAddPanelProps) {
  const account = accounts[0] ?? null;
  const withAccess = account ? peopleWithAccess(account) : [];
  const initial = defaultValues(kind, account, Date.now(), law);
  // Revoking from the only person who has access needs nothing typed.
  if (kind === 'access-revoked' && withAccess.length === 1) initial.person = withAccess[0]!;
  return (
    <QuickAddForm
      initial={initial}
      accounts={accounts}
      people={kind === 'access-revoked' && withAccess.length > 0 ? withAccess : people}
      submitLabel={t('save')}
      onSubmit={onSubmit}
      onCancel={onCancel}
    />
  );
}
