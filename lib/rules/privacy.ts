/**
 * The OpenAI Privacy Portal (privacy.openai.com), a Transcend Privacy Center: "Make a Privacy
 * Request" → "I have a consumer ChatGPT account" → "Delete my ChatGPT account" / "Download my data"
 * [C 6378407 (2026-02-28), 7260999]; in Jan 2024 the choice read "Delete my OpenAI account" [C]. Then,
 * as Transcend documents its product: the email, an emailed login link back to the portal, and the
 * request confirmed there [C for Transcend, I for OpenAI's configuration]. The closing text is
 * undocumented [I]: the rules read a confirmation that names the request. The portal knows the user
 * by email only, which is never read: its events carry UNKNOWN_HANDLE. It speaks English only.
 * Its page rules, then the step that sends a deletion request; it has no network rule.
 */
import { LINKED_DELETIONS } from '../facts/policies';
import type { DestructiveStep } from './destructive-steps';
import { CONFIRMATION, type Basis, type Mapping, type SurfaceRules } from './page-rules';

/** The form's "Where do you live?" answer, to the law that sets the answer's deadline (lib/facts/policies.ts). */
const LAW_OF_REGION: Mapping = [
  [/european (union|economic area)|\bEEA\b|\bEU\b/i, 'gdpr'],
  [/united kingdom|\bUK\b/i, 'uk-gdpr'],
  [/california/i, 'ccpa'],
  [/united states|\bUS\b|another (US )?state/i, 'us-state'],
  [/brazil|brasil/i, 'lgpd'],
  [/canada/i, 'pipeda'],
];

const CLOSING: Basis = { fact: 'Privacy portal: the closing text after a request is confirmed is undocumented', confidence: 'I' };

export const PRIVACY: SurfaceRules = {
  surface: 'privacy',
  account: null,
  languages: ['en'],
  rules: [
    {
      // "Delete my ChatGPT account" now, "Delete my OpenAI account" in 2024; "ChatGPT Personal Data Removal Request" in an older guide [S].
      id: 'privacy.account-deletion',
      surface: 'privacy',
      where: /./,
      when: {
        shown: {
          role: CONFIRMATION,
          text: /\b(request to delete (your|my) (chatgpt |openai )?account|personal data removal request) (was|has been|is) (submitted|received|confirmed)/i,
        },
      },
      kind: 'account-deletion-requested',
      details: { linkedAccounts: { const: LINKED_DELETIONS.chatgpt } },
      basis: CLOSING,
    },
    {
      id: 'privacy.data-request',
      surface: 'privacy',
      where: /./,
      when: { shown: { role: CONFIRMATION, text: /request to (download|access|get a copy of) (your|my) data (was|has been|is) (submitted|received|confirmed)/i } },
      kind: 'privacy-request-sent',
      details: {
        law: { field: { role: 'combobox', name: /where do you live|country|region/i }, map: LAW_OF_REGION, fallback: 'none' },
        channel: { const: 'privacy-portal' },
        request: { const: 'access' },
        reference: { text: /reference:?\s*([a-z0-9-]{4,40})/i, optional: true },
      },
      basis: CLOSING,
    },
  ],
  anchors: [
    {
      // The portal's way in, on every page of it ("Make a Privacy Request" in the top right) [C 6378407].
      id: 'privacy.request-form',
      where: /./,
      expect: { role: ['button', 'link'], name: /^make a privacy request$/i },
      basis: { fact: 'Privacy portal: "Make a Privacy Request" (help 6378407, Jan 2024 and 2026-02-28 copies)', confidence: 'C' },
    },
  ],
};

/** The portal has no network rule: its requests are a vendor's (Transcend), undocumented [I]. The step that sends a deletion request (lib/rules/destructive-steps.ts): */
export const PRIVACY_DESTRUCTIVE_STEPS: readonly DestructiveStep[] = [
  {
    // "Make a Privacy Request" → "I have a consumer ChatGPT account" → "Delete my ChatGPT account"
    // ("Delete my OpenAI account" in Jan 2024) → email, login link → the request submitted or
    // confirmed. "Submit Request" is an older guide's wording [S]; the current label is unknown [I].
    id: 'privacy.delete-account.submit',
    surface: 'privacy',
    service: 'chatgpt',
    where: /./,
    button: /^(submit|confirm)( (my |your )?request)?$/i,
    context: /delete my (chatgpt|openai) account|personal data removal request/i,
    basis: { fact: 'Privacy portal: "Delete my ChatGPT account" (2026) / "Delete my OpenAI account" (2024) [C]; "Submit Request" [S]', confidence: 'S' },
  },
];
