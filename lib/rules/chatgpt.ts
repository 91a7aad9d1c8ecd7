/** ChatGPT's page rules (chatgpt.com): the settings dialog, routed by the hash (#settings/Account). */
import { LINKED_DELETIONS } from '../policies';
import { ACCOUNT_MENU, CONFIRMATION, TOAST, type SurfaceRules } from './page-rules';

export const CHATGPT: SurfaceRules = {
  surface: 'chatgpt',
  account: ACCOUNT_MENU,
  rules: [
    {
      // Settings → Account → Delete account → type email and DELETE → "Permanently delete my account" [C 6378407].
      // What the page shows once it is done [I].
      id: 'chatgpt.account-deleted',
      surface: 'chatgpt',
      where: /#settings\/account/i,
      when: { shown: { role: CONFIRMATION, text: /^your account (has been|was) deleted\b/i } },
      kind: 'account-deletion-requested',
      details: { linkedAccounts: { const: LINKED_DELETIONS.chatgpt } },
      expect: { role: 'button', name: /^delete( account)?$/i },
      basis: { fact: 'Settings → Account → Delete → type the email and DELETE → "Permanently delete my account" (help 6378407); the page after it is not documented', confidence: 'I' },
    },
    {
      // Data controls → Export data → "Export" → "Confirm export" [C 7260999]; the confirmation's wording [I].
      id: 'chatgpt.export-requested',
      surface: 'chatgpt',
      where: /#settings\/data-?controls/i,
      when: { shown: { role: TOAST, text: /\b((data )?export (has been |was |is being )?(requested|started|processed)|successfully exported)\b/i } },
      kind: 'data-export-requested',
      details: {},
      expect: { role: 'button', name: /^export( data)?$/i },
      basis: { fact: 'Settings → Data controls → Export → "Confirm export" (help 7260999); the on-page text after it is not documented', confidence: 'I' },
    },
  ],
};
