/**
 * Sora's page rules (sora.chatgpt.com, sora.com), as the app was until it closed on 2026-04-26.
 * Facts: ../shared/docs/openai-surfaces.md, "Sora UI as it was" and "Cameos → Characters".
 * A client-rendered app: settings are a dialog over whatever route is open (there is no
 * /settings route), so most rules apply on every route; pickers are Radix menus and selects,
 * lists are grids of cards under a heading. Both words, "cameo" and "character", are read.
 * Then Sora's network rules and its account deletion step: the three tables of one surface in one
 * module, each a separate export so that a content script carries no network rule.
 */
import { LINKED_DELETIONS } from '../facts/policies';
import type { DestructiveStep } from './destructive-steps';
import type { NetworkRule } from './network-rules';
import { CONFIRMATION, TOAST, type Mapping, type SurfaceRules, type Target } from './page-rules';

const ANY_ROUTE = /./;
/** A profile: the user's own, or a character's (`/profile/crystal.party`). */
const PROFILE = /^\/profile\/[^/]+\/?$/i;
const PERSON = /@([a-z0-9._-]+)/i;

/**
 * Who can use the character: the Radix menu's button (or, on the older sora.com, the Radix
 * Select's combobox) named by its heading, showing the chosen level.
 */
const CHARACTER_ACCESS: Target = {
  role: ['button', 'combobox'],
  name: /^(character access|who can use (this|your|my) (cameo|character)|(cameo|character) (permissions|audience))\b/i,
};
/** The people "People I approve" lets in; no page or endpoint for them was ever seen [I]. */
const APPROVED_PEOPLE: Target = {
  role: ['list', 'region'],
  name: /^(approved people|people (you|i) approved?|people with access)$/i,
};
// The four levels [S]; Mashable says "friends" [S]; a label may carry a description after the name.
const AUDIENCE: Mapping = [
  [/^only me\b/i, 'only-me'],
  [/^people i approve\b/i, 'people-i-approve'],
  [/^(mutuals|friends)\b/i, 'mutuals'],
  [/^everyone\b/i, 'everyone'],
];
const APPEARANCE = { by: { text: PERSON }, link: { link: true, optional: true } } as const;
const CARDS: Target['role'] = ['region', 'list', 'grid'];

export const SORA: SurfaceRules = {
  surface: 'sora',
  // The sidebar's "Profile" link goes to /profile/{username}: the only place the page shows the handle.
  account: { role: 'link', name: /^profile$/i, href: /^\/profile\/([a-z0-9._-]{1,600})\/?$/i },
  rules: [
    {
      id: 'sora.cameo-created',
      surface: 'sora',
      where: ANY_ROUTE,
      when: { shown: { role: CONFIRMATION, text: /^(your )?(cameo|character) (is ready|(was |has been )?created)\b/i } },
      kind: 'cameo-created',
      details: {},
      basis: {
        fact: 'Profile → "Create character" (or "Create a Cameo") → record → name and handle → who can use it → Save (Discord help bot, 2026-01); the confirmation\'s wording is not documented',
        confidence: 'I',
      },
    },
    {
      id: 'sora.audience-changed',
      surface: 'sora',
      where: ANY_ROUTE,
      when: { choice: CHARACTER_ACCESS },
      kind: 'audience-changed',
      details: { before: { choice: 'before', map: AUDIENCE, optional: true }, after: { choice: 'after', map: AUDIENCE } },
      basis: {
        fact: 'Profile → Settings → "Character access": "Only me", "People I approve", "Mutuals", "Everyone", picked in a Radix menu (menuitemradio) or select (help.apiyi.com, Discord help bot, SORA_SELECTORS_REFERENCE.md)',
        confidence: 'S',
      },
    },
    {
      id: 'sora.access-granted',
      surface: 'sora',
      where: ANY_ROUTE,
      when: { added: APPROVED_PEOPLE },
      kind: 'access-granted',
      details: { person: { text: PERSON } },
      basis: { fact: '"People I approve" suggests an allowlist of people (reference objects carry "allowlist": []); no page or endpoint to approve someone was ever seen', confidence: 'I' },
    },
    {
      id: 'sora.access-revoked',
      surface: 'sora',
      where: ANY_ROUTE,
      when: { removed: APPROVED_PEOPLE },
      kind: 'access-revoked',
      details: { person: { text: PERSON } },
      basis: { fact: 'Owners could revoke access at any time (press); how the page showed it is not documented', confidence: 'I' },
    },
    {
      id: 'sora.restrictions-changed',
      surface: 'sora',
      where: ANY_ROUTE,
      when: { shown: { role: TOAST, text: /^(restrictions|instructions|preferences|(cameo|character) preferences) (saved|updated)\b/i } },
      kind: 'restrictions-changed',
      details: { restrictions: { field: { role: 'textbox', name: /restrictions|instructions|preferences/i } } },
      basis: {
        fact: '"Edit cameo > Cameo preferences > Restrictions", instructions to the model (9to5mac, 2025-10-06); toasts were role=status; the saved wording is not documented',
        confidence: 'I',
      },
    },
    {
      id: 'sora.cameo-deleted',
      surface: 'sora',
      where: ANY_ROUTE,
      when: { shown: { role: CONFIRMATION, text: /^(your )?(cameo|character) (was |has been )?deleted\b/i } },
      kind: 'cameo-deleted',
      details: {},
      basis: { fact: 'Owners deleted their character (DELETE /project_y/characters/{ch_…}, public client code); the confirmation\'s wording is not documented', confidence: 'I' },
    },
    {
      id: 'sora.cameo-deleted.unclear',
      surface: 'sora',
      where: PROFILE,
      when: { shown: { role: TOAST, text: /^deleted\.?$/i } },
      kind: 'cameo-deleted',
      details: {},
      ask: { en: 'Log this as a cameo deletion?', de: 'Als Cameo-Löschung eintragen?', fr: 'L’enregistrer comme suppression du caméo ?', es: '¿Registrarlo como eliminación del cameo?' },
      basis: { fact: 'On a character\'s profile a bare "Deleted" may be the character or one of its videos: owners could delete videos with their cameo too (press)', confidence: 'I' },
    },
    {
      id: 'sora.appearance.draft',
      surface: 'sora',
      where: /^\/(drafts|profile\/[^/]+)(\/|$)/i,
      when: { listed: { role: CARDS, name: /^(drafts (of|with) (me|you|my (cameo|character))|(cameo|character) drafts)$/i } },
      kind: 'appearance-seen',
      details: { ...APPEARANCE, where: { const: 'draft' } },
      basis: {
        fact: 'Owners saw others\' drafts with their cameo (GET /project_y/profile/drafts/cameos, public client code); drafts were a grid of cards, lists named by a heading; the heading\'s words are not documented',
        confidence: 'I',
      },
    },
    {
      id: 'sora.appearance.post',
      surface: 'sora',
      where: PROFILE,
      when: { listed: { role: CARDS, name: /^(appearances|cameos|characters|posts (with|featuring) (me|my (cameo|character))|(cameos|characters) of me)$/i } },
      kind: 'appearance-seen',
      details: { ...APPEARANCE, where: { const: 'post' } },
      expect: { role: ['tab', 'button'], name: /^(posts|appearances|cameos|characters)$/i },
      basis: {
        fact: 'A profile\'s feed had an appearances cut (GET /project_y/profile_feed/{id}?cut=appearances, public client code); its tab\'s and heading\'s words are not documented',
        confidence: 'I',
      },
    },
    {
      id: 'sora.account-deleted',
      surface: 'sora',
      where: ANY_ROUTE,
      when: { shown: { role: CONFIRMATION, text: /^(your (sora )?account (has been|was) deleted|account deletion (requested|scheduled))\b/i } },
      kind: 'account-deletion-requested',
      details: { linkedAccounts: { const: LINKED_DELETIONS.sora } },
      basis: {
        fact: 'At launch, deleting Sora deleted ChatGPT and API access too ("All your data … across ChatGPT and Sora, will be removed", Decrypt); the page after it is not documented',
        confidence: 'I',
      },
    },
  ],
};

/**
 * Sora's requests that mean an action succeeded (lib/rules/network-rules.ts says what the background
 * reads of them). Endpoints: openai-surfaces.md ("Network endpoints"), all [S] (public client code).
 */
/** Statuses that mean the action succeeded. */
const SUCCESS = [200, 299] as const;
const UPDATE_CAMEO = /^\/backend\/project_y\/cameos\/by_id\/(?<id>[^/]+)\/update_v2$/;

export const SORA_NETWORK_RULES: readonly NetworkRule[] = [
  {
    id: 'sora.net.cameo-created',
    surface: 'sora',
    method: 'POST',
    path: /^\/backend\/characters\/finalize$/,
    filter: '/backend/characters/finalize',
    status: SUCCESS,
    kind: 'cameo-created',
    // The cameo id (bare hex): only finalize's response names the character id (ch_…) that a
    // later deletion carries, and responses are never read. The upload before it carries the video: never watched.
    details: { cameoId: { body: 'cameo_id', optional: true } },
    basis: { fact: 'POST /backend/characters/finalize {cameo_id (32 hex), username, display_name, instruction_set, …} → {character: {character_id: ch_…}} (sora2api, Modified_Sora2api)', confidence: 'S' },
  },
  {
    id: 'sora.net.audience-changed',
    surface: 'sora',
    method: 'POST',
    path: UPDATE_CAMEO,
    filter: '/backend/project_y/cameos/by_id/*/update_v2',
    status: SUCCESS,
    kind: 'audience-changed',
    // How the four levels map to `visibility` is unknown: only "public" is read, as everyone.
    // The other levels are logged from the page alone.
    details: { after: { body: 'visibility', map: [[/^public$/i, 'everyone']] } },
    basis: { fact: 'POST …/project_y/cameos/by_id/{cameo_id}/update_v2 {visibility: "public" | "private"} (public client code); "public" as Everyone is inferred', confidence: 'I' },
  },
  {
    id: 'sora.net.restrictions-changed',
    surface: 'sora',
    method: 'POST',
    path: UPDATE_CAMEO,
    filter: '/backend/project_y/cameos/by_id/*/update_v2',
    status: SUCCESS,
    kind: 'restrictions-changed',
    details: { restrictions: { body: 'instruction_set' } },
    basis: { fact: 'POST …/project_y/cameos/by_id/{cameo_id}/update_v2 {instruction_set: {"value":[{"type":"text","value":"…"}]}} (Modified_Sora2api update_character_instructions)', confidence: 'S' },
  },
  {
    id: 'sora.net.cameo-deleted',
    surface: 'sora',
    method: 'DELETE',
    path: /^\/backend\/project_y\/characters\/(?<id>ch_[^/]+)$/,
    filter: '/backend/project_y/characters/*',
    status: SUCCESS,
    kind: 'cameo-deleted',
    // The character id (ch_…), not the cameo id its creation carried.
    details: { cameoId: { path: 'id' } },
    basis: { fact: 'DELETE /backend/project_y/characters/{character_id}, ch_ + 32 hex, answered 200 or 204 (sora2api)', confidence: 'S' },
  },
];

/** The confirmation that deletes a Sora account (lib/rules/destructive-steps.ts). */
export const SORA_DESTRUCTIVE_STEPS: readonly DestructiveStep[] = [
  {
    // Sora's settings are a dialog over any route; "Delete account" there opens the confirmation,
    // whose own "Delete account" is the step: it is the one that says what goes with it. [S Decrypt, launch]
    id: 'sora.delete-account.confirm',
    surface: 'sora',
    service: 'sora',
    where: /./,
    button: /^(permanently )?delete (my )?account$/i,
    context: /all your data|cannot reuse the same email/i,
    basis: { fact: 'Sora at launch: deleting the Sora account deleted ChatGPT and API access (Decrypt)', confidence: 'S' },
  },
];
