/**
 * Asks the user to name an account whose pages show no handle (ChatGPT), or to rename it: the name
 * is an `account-named` entry of the user's (lib/ledger/account-names.ts), never read from a page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Account, NewEvent } from '@/lib/ledger/events';
import { errorMessage } from '@/lib/i18n/error-message';
import { t } from '@/lib/i18n/i18n';
import { SubmitOrCancel } from './SubmitOrCancel';
import { accountLabel, serviceLabel } from './text';

export interface NameAccountProps {
  account: Account;
  /** The name in force and its entry, which a new name supersedes. */
  naming: { id: string; name: string } | undefined;
  /** Ids in the form are made from it: the popup and the dashboard can show one per account. */
  id: string;
  record: (event: NewEvent) => Promise<string>;
  onNamed: () => void;
}

export function NameAccount({ account, naming, id, record, onNamed }: NameAccountProps) {
  const [open, setOpen] = useState(!naming);
  const [name, setName] = useState(naming?.name ?? '');
  const [error, setError] = useState<string | null>(null);
  // Opening or closing the form by its buttons moves the focus with it (not on the first render: the popup asks without taking the focus).
  const [moved, setMoved] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const rename = useRef<HTMLButtonElement>(null);
  useEffect(() => void (moved && (open ? field : rename).current?.focus()), [open, moved]);
  const toggle = (to: boolean) => {
    setMoved(true);
    setOpen(to);
  };
  if (!open) {
    return (
      <button type="button" class="link" ref={rename} onClick={() => toggle(true)} aria-label={t('accountRenameFor', accountLabel(account))} data-testid="rename-account">
        {t('accountRename')}
      </button>
    );
  }
  const save = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return;
    try {
      await record({
        kind: 'account-named',
        account,
        details: { name },
        occurredAt: Date.now(),
        source: 'manual',
        evidence: {},
        ...(naming ? { supersedes: naming.id } : {}),
      });
      setError(null);
      onNamed();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form class="name-account" onSubmit={(e) => void save(e)} aria-labelledby={`${id}-ask`} data-testid="name-account">
      <p id={`${id}-ask`}>
        <strong>{t('accountNameAsk', serviceLabel(account.service))}</strong>
      </p>
      <p class="muted" id={`${id}-help`}>{t('accountNameHelp')}</p>
      <div class="field">
        <label for={`${id}-name`}>{t('accountNameField')}</label>
        <input ref={field} id={`${id}-name`} type="text" value={name} maxLength={100} required aria-describedby={`${id}-help`} onInput={(e) => setName(e.currentTarget.value)} data-testid="account-name" />
      </div>
      {naming ? <SubmitOrCancel label={t('accountNameSave')} onCancel={() => toggle(false)} /> : <button type="submit" class="primary">{t('accountNameSave')}</button>}
      {error && <p role="alert" class="error">{error}</p>}
    </form>
  );
}
