/**
 * ChatGPT (chatgpt.com): what the pages say is in ../shared/docs/openai-surfaces.md ("ChatGPT settings").
 *
 * No page rule: the texts ChatGPT shows after "Permanently delete my account" and after "Confirm
 * export" are undocumented in every language [I], so the two actions are logged from their requests
 * (CHATGPT_NETWORK_RULES below: accounts/deactivate and accounts/data_export), which work whatever
 * language the page speaks. The page is still read on the settings routes, by structure only:
 * - whose account it is: the profile button shows the display name (never a handle) [S];
 * - the anchors that show the settings dialog is the one the rules and the warning know.
 * Then the deletion step the warning holds back (CHATGPT_DESTRUCTIVE_STEPS). Content scripts import
 * CHATGPT and the steps; only the background imports the network rules.
 */
import { LINKED_DELETIONS } from '../facts/policies';
import type { DestructiveStep } from './destructive-steps';
import type { NetworkRule } from './network-rules';
import type { Basis, SurfaceRules } from './page-rules';

const REFLOW: Basis = { fact: 'ChatGPT settings: dialog routed by #settings/<Tab>, tablist, data-testids (Reflow knowledge base, 2026-02-19)', confidence: 'S' };

/** The settings dialog's routes: `#settings/Account`, `#settings/DataControls`, … over any path. */
export const SETTINGS_ROUTE = /#settings(\/|$)/i;

export const CHATGPT: SurfaceRules = {
  surface: 'chatgpt',
  // `[data-testid=accounts-profile-button]`, labelled "Open profile menu" in the user's language,
  // showing the display name: that name identifies the account in the ledger (never the email).
  account: { role: 'button', testid: 'accounts-profile-button', text: /^(\S.{0,99})$/ },
  // Languages with recorded texts (openai-surfaces.md, "Languages"); the structure works in any other.
  languages: ['en', 'de', 'fr', 'es', 'ko'],
  rules: [],
  anchors: [
    { id: 'chatgpt.settings-dialog', where: SETTINGS_ROUTE, expect: { role: 'tablist' }, basis: REFLOW },
    { id: 'chatgpt.profile-button', where: SETTINGS_ROUTE, expect: { role: 'button', testid: 'accounts-profile-button' }, basis: REFLOW },
    {
      // The way into the deletion dialog: Account → under "Delete account", "Delete". Recorded in English only.
      id: 'chatgpt.account-delete-button',
      where: /#settings\/account\b/i,
      expect: { role: 'button', name: /^delete$/i },
      lang: ['en'],
      basis: { fact: 'ChatGPT: Settings → Account → under Delete account click "Delete" (help 6378407, 2026-02-28)', confidence: 'C' },
    },
  ],
};

/** ChatGPT's requests that mean an action succeeded: deleting the account and asking for an export (openai-surfaces.md, "Network endpoints"). */
/** Statuses that mean the action succeeded. */
const SUCCESS = [200, 299] as const;

export const CHATGPT_NETWORK_RULES: readonly NetworkRule[] = [
  {
    id: 'chatgpt.net.account-deleted',
    surface: 'chatgpt',
    method: 'POST',
    path: /^\/backend-api\/accounts\/deactivate$/,
    filter: '/backend-api/accounts/deactivate',
    status: SUCCESS,
    kind: 'account-deletion-requested',
    details: { linkedAccounts: { const: LINKED_DELETIONS.chatgpt } },
    basis: { fact: 'POST /backend-api/accounts/deactivate (body {}), lanqian528/chat2api, soulteary/sparrow', confidence: 'S' },
  },
  {
    // Settings → Data controls → Export → "Confirm export" [C 7260999] sends this, in any page language;
    // the text the page shows afterwards is undocumented [I].
    id: 'chatgpt.net.export-requested',
    surface: 'chatgpt',
    method: 'POST',
    path: /^\/backend-api\/accounts\/data_export$/,
    filter: '/backend-api/accounts/data_export',
    status: SUCCESS,
    kind: 'data-export-requested',
    details: {},
    basis: { fact: 'POST /backend-api/accounts/data_export, answered {status:"queued"} (soulteary/sparrow)', confidence: 'S' },
  },
];

/** The confirmation that deletes a ChatGPT account (lib/rules/destructive-steps.ts). */
export const CHATGPT_DESTRUCTIVE_STEPS: readonly DestructiveStep[] = [
  {
    // Settings (a dialog over any route) → Account → Delete account → "Delete" → type the account
    // email and "DELETE" → this button. The name is recorded in English only; in German, French,
    // Spanish and any other language the dialog's structure finds it.
    id: 'chatgpt.delete-account.confirm',
    surface: 'chatgpt',
    service: 'chatgpt',
    where: /./,
    button: /^permanently delete my account$/i,
    structure: 'email-and-word-dialog',
    basis: { fact: 'ChatGPT: type the account email and "DELETE" to unlock "Permanently delete my account" (help 6378407, 2026-02-28)', confidence: 'C' },
  },
];
