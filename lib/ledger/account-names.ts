/**
 * The names the user gave accounts whose pages show no handle (ChatGPT shows a display name, never a
 * handle: its observations are filed under UNKNOWN_HANDLE). A name is an `account-named` event, the
 * user's alone (lib/ledger/writers.ts): it labels every entry of that account, earlier ones too, without
 * rewriting any of them; a new name is a new version of the old one.
 * Pure, without the ledger's store, so the popup's summary and the report can use it.
 */
import type { Account, EventOf, LedgerEvent } from './events';
import { accountKey, chronological } from './relations';
import { UNKNOWN_HANDLE } from './unknown-handle';

/** Each account's naming in force, by account key: the latest among effective events. */
export function namings(effective: readonly LedgerEvent[]): Map<string, EventOf<'account-named'>> {
  const latest = new Map<string, EventOf<'account-named'>>();
  for (const e of effective) {
    if (e.kind !== 'account-named') continue;
    const before = latest.get(accountKey(e.account));
    if (!before || chronological(e, before) > 0) latest.set(accountKey(e.account), e);
  }
  return latest;
}

/** Each account's name, by account key. No prototype: an account key is a key like any other. */
export const accountNames = (effective: readonly LedgerEvent[]): Record<string, string> =>
  Object.assign(Object.create(null) as Record<string, string>, Object.fromEntries([...namings(effective)].map(([key, e]) => [key, e.details.name])));

const nameOf = (account: Pick<Account, 'service' | 'handle'>, names: Readonly<Record<string, string>>) =>
  Object.hasOwn(names, accountKey(account)) ? names[accountKey(account)] : undefined;

/** What stands for the account where it is shown: its name if the user gave one, else its handle. */
export const shownHandle = (account: Pick<Account, 'service' | 'handle'>, names: Readonly<Record<string, string>>): string =>
  nameOf(account, names) ?? account.handle;

/** The account's pages show no handle and the user has not named it yet: the popup asks. */
export const needsName = (account: Pick<Account, 'service' | 'handle'>, names: Readonly<Record<string, string>>): boolean =>
  account.handle === UNKNOWN_HANDLE && nameOf(account, names) === undefined;
