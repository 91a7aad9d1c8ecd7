/** Sora's page rules (sora.chatgpt.com, sora.com). Texts and routes: openai-surfaces.md, "Cameos". */
import { LINKED_DELETIONS } from '../policies';
import { ACCOUNT_MENU, CONFIRMATION, TOAST, type Mapping, type SurfaceRules, type Target } from './page-rules';

// The cameo (character) settings live under the profile: /profile/cameo, /profile/characters/ch_…
const CAMEO_PAGE = /\/(cameos?|characters?)(\/|$)/i;
const WHO_CAN_USE: Target = { role: 'radiogroup', name: /who can (use|appear with)|(cameo|character) (permissions|audience)/i };
const APPROVED_PEOPLE: Target = { role: 'list', name: /^(approved people|people (you|i) approved?|people with access)$/i };
const PERSON = /@([a-z0-9._-]+)/i;
// The four levels [S]; some reports call the third "friends" [S]. Labels may carry a description after the name.
const AUDIENCE: Mapping = [
  [/^only me\b/i, 'only-me'],
  [/^people i approve\b/i, 'people-i-approve'],
  [/^(mutuals|friends)\b/i, 'mutuals'],
  [/^everyone\b/i, 'everyone'],
];
const APPEARANCE = { by: { text: PERSON }, link: { link: true, optional: true } } as const;

export const SORA: SurfaceRules = {
  surface: 'sora',
  account: ACCOUNT_MENU,
  rules: [
    {
      // "Create a Cameo"/"Character" from the profile or the + menu of any page [S]; wording [I].
      id: 'sora.cameo-created',
      surface: 'sora',
      where: /./,
      when: { shown: { role: CONFIRMATION, text: /^(your )?(cameo|character) (is ready|(was |has been )?created)\b/i } },
      kind: 'cameo-created',
      details: {},
    },
    {
      // Who can use it: four levels [S]; the group's label [I].
      id: 'sora.audience-changed',
      surface: 'sora',
      where: CAMEO_PAGE,
      when: { choice: WHO_CAN_USE },
      kind: 'audience-changed',
      details: { before: { choice: 'before', map: AUDIENCE, optional: true }, after: { choice: 'after', map: AUDIENCE } },
      expect: WHO_CAN_USE,
    },
    {
      // Owners approve specific people [S]; no endpoint is known, so the page is the only signal [I].
      id: 'sora.access-granted',
      surface: 'sora',
      where: CAMEO_PAGE,
      when: { added: APPROVED_PEOPLE },
      kind: 'access-granted',
      details: { person: { text: PERSON } },
    },
    {
      // Owners can revoke access at any time [S].
      id: 'sora.access-revoked',
      surface: 'sora',
      where: CAMEO_PAGE,
      when: { removed: APPROVED_PEOPLE },
      kind: 'access-revoked',
      details: { person: { text: PERSON } },
    },
    {
      // Restrictions are instructions to the model [S]; the saved wording [I].
      id: 'sora.restrictions-changed',
      surface: 'sora',
      where: CAMEO_PAGE,
      when: { shown: { role: TOAST, text: /^(restrictions|instructions|preferences) (saved|updated)\b/i } },
      kind: 'restrictions-changed',
      details: { restrictions: { field: { role: 'textbox', name: /restrictions|instructions/i } } },
    },
    {
      // Owners delete their cameo [S]; the confirmation's wording [I].
      id: 'sora.cameo-deleted',
      surface: 'sora',
      where: /./,
      when: { shown: { role: CONFIRMATION, text: /^(your )?(cameo|character) (was |has been )?deleted\b/i } },
      kind: 'cameo-deleted',
      details: {},
    },
    {
      // On the cameo's own page a bare "Deleted" may be the cameo or one of its videos [I]: ask.
      id: 'sora.cameo-deleted.unclear',
      surface: 'sora',
      where: CAMEO_PAGE,
      when: { shown: { role: TOAST, text: /^deleted\.?$/i } },
      kind: 'cameo-deleted',
      details: {},
      ask: { en: 'Log this as a cameo deletion?', de: 'Als Cameo-Löschung eintragen?' },
    },
    {
      // Owners see other people's drafts that use their cameo, "drafts of me" [S]; the list's label [I].
      id: 'sora.appearance.draft',
      surface: 'sora',
      where: /\/(drafts|profile)(\/|$)/i,
      when: { listed: { role: 'list', name: /^(drafts (of me|(with|using) (my|your) (cameo|character))|(cameo|character) drafts)$/i } },
      kind: 'appearance-seen',
      details: { ...APPEARANCE, where: { const: 'draft' } },
    },
    {
      // The profile feed's appearances (profile_feed/me?cut=appearances) [S]; the list's label [I].
      id: 'sora.appearance.post',
      surface: 'sora',
      where: /\/profile(\/|$)/i,
      when: { listed: { role: 'list', name: /^(appearances|posts (with|featuring) (me|my (cameo|character))|(cameos|characters) of me)$/i } },
      kind: 'appearance-seen',
      details: { ...APPEARANCE, where: { const: 'post' } },
    },
    {
      // Deleting the Sora account deletes the linked accounts [S]; the confirmation's wording [I].
      id: 'sora.account-deleted',
      surface: 'sora',
      where: /settings|account/i,
      when: { shown: { role: CONFIRMATION, text: /^(your (sora )?account (has been|was) deleted|account deletion (requested|scheduled))\b/i } },
      kind: 'account-deletion-requested',
      details: { linkedAccounts: { const: LINKED_DELETIONS.sora } },
    },
  ],
};
