/** The API platform's page rules (platform.openai.com): organization settings [S]; wording [I]. */
import { LINKED_DELETIONS } from '../policies';
import { ACCOUNT_MENU, CONFIRMATION, type SurfaceRules } from './page-rules';

export const PLATFORM: SurfaceRules = {
  surface: 'platform',
  account: ACCOUNT_MENU,
  rules: [
    {
      // Deleting the account deletes the linked ones [S].
      id: 'platform.account-deleted',
      surface: 'platform',
      where: /^\/settings\//i,
      when: { shown: { role: CONFIRMATION, text: /^your account (has been|was) deleted\b/i } },
      kind: 'account-deletion-requested',
      details: { linkedAccounts: { const: LINKED_DELETIONS['api-platform'] } },
      expect: { role: 'button', name: /^delete (your )?(account|organization)$/i },
      basis: { fact: 'No account deletion exists on platform.openai.com (community.openai.com threads)', confidence: 'S' },
    },
    {
      // Deleting an organization leaves the person's own accounts alone [I].
      id: 'platform.organization-deleted',
      surface: 'platform',
      where: /^\/settings\//i,
      when: { shown: { role: CONFIRMATION, text: /^your organization (has been|was) deleted\b/i } },
      kind: 'account-deletion-requested',
      details: { linkedAccounts: { const: [] } },
      basis: { fact: 'Organizations can be neither deleted nor added (community.openai.com threads)', confidence: 'S' },
    },
  ],
};
