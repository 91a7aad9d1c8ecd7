/**
 * The OpenAI Privacy Portal's page rules (privacy.openai.com): "Make a Privacy Request" →
 * "I have a consumer ChatGPT account" → "Delete my ChatGPT account" / "Download my data" [C 6378407, 7260999].
 * The form's and the confirmation's wording [I]. The portal shows only the email address, which is
 * never read: its events carry UNKNOWN_HANDLE.
 */
import { LINKED_DELETIONS } from '../policies';
import { CONFIRMATION, type Mapping, type SurfaceRules } from './page-rules';

/** The form's "Where do you live?" answer, to the law that sets the answer's deadline (lib/policies.ts). */
const LAW_OF_REGION: Mapping = [
  [/european (union|economic area)|\bEEA\b|\bEU\b/i, 'gdpr'],
  [/united kingdom|\bUK\b/i, 'uk-gdpr'],
  [/california/i, 'ccpa'],
  [/united states|\bUS\b|another (US )?state/i, 'us-state'],
  [/brazil|brasil/i, 'lgpd'],
  [/canada/i, 'pipeda'],
];

export const PRIVACY: SurfaceRules = {
  surface: 'privacy',
  account: null,
  rules: [
    {
      id: 'privacy.account-deletion',
      surface: 'privacy',
      where: /./,
      when: { shown: { role: CONFIRMATION, text: /request to delete (your|my) (chatgpt )?account (was|has been) (submitted|received)/i } },
      kind: 'account-deletion-requested',
      details: { linkedAccounts: { const: LINKED_DELETIONS.chatgpt } },
      basis: { fact: '"Make a Privacy Request" → "I have a consumer ChatGPT account" → "Delete my ChatGPT account" (help 6378407); the closing text is not documented', confidence: 'I' },
    },
    {
      id: 'privacy.data-request',
      surface: 'privacy',
      where: /./,
      when: { shown: { role: CONFIRMATION, text: /request to (download|access|get a copy of) (your|my) data (was|has been) (submitted|received)/i } },
      kind: 'privacy-request-sent',
      details: {
        law: { field: { role: 'combobox', name: /where do you live|country|region/i }, map: LAW_OF_REGION, fallback: 'none' },
        channel: { const: 'privacy-portal' },
        request: { const: 'access' },
        reference: { text: /reference:?\s*([a-z0-9-]{4,40})/i, optional: true },
      },
      basis: { fact: '"Make a Privacy Request" → "Download my data" (help 7260999); the region field and the closing text are not documented', confidence: 'I' },
    },
  ],
};
