/**
 * A sentence with the strings others wrote in it (handles, names, a page's text) each in <bdi>, so a
 * right-to-left name or a direction control in it cannot reorder the rest (lib/i18n/isolate.ts).
 */
import { Fragment } from 'preact';
import type { Account, LedgerEvent } from '@/lib/ledger/events';
import { foreignParts } from '@/lib/i18n/isolate';
import { accountLabel, accountShown, eventSubject } from './text';

export function Isolated({ text, foreign }: { text: string; foreign: readonly (string | undefined)[] }) {
  return (
    <>
      {foreignParts(text, foreign).map((part, i) => (part.foreign ? <bdi key={i}>{part.text}</bdi> : <Fragment key={i}>{part.text}</Fragment>))}
    </>
  );
}

/** "Sora · alice", the handle (or the name the user gave the account) in <bdi>. */
export const AccountName = ({ account }: { account: Account }) => <Isolated text={accountLabel(account)} foreign={[accountShown(account)]} />;

/** What an entry is about ("to bob", a note's text), what others wrote of it in <bdi>. */
export const Subject = ({ event }: { event: LedgerEvent }) => <Isolated text={eventSubject(event)} foreign={[foreignOf(event)]} />;

/** The one string in an entry's subject that someone else wrote, if any. */
function foreignOf(e: LedgerEvent): string | undefined {
  switch (e.kind) {
    case 'access-granted':
    case 'access-revoked':
      return e.details.person;
    case 'appearance-seen':
      return e.details.by;
    case 'restrictions-changed':
      return e.details.restrictions;
    case 'note':
      return e.details.text;
    case 'account-named':
      return e.details.name;
    default:
      return undefined;
  }
}
