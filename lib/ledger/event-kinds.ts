/**
 * Every event kind and what it may be: who writes it, whether the user types it in, whether quick
 * add offers it, whether the popup's summary derives from it, whether the timeline lists it, what
 * it is called and which of its details names another entry. One table, total over the kinds: a
 * new kind does not compile until each of these is decided for it, and every list of kinds
 * elsewhere (lib/ledger/writers.ts, the ledger's summary, quick add, the timeline's filter, the report's
 * pseudonyms) is derived from it.
 *
 * Adding a kind is an entry in lib/ledger/events.ts `DETAILS` (the zod schema: what it holds) and its
 * facets here, then the cases the type check asks for (lib/ledger/events.ts says which). No zod here (type imports only): content scripts and the popup
 * import this within their size budgets.
 */
import type { EventKind } from './events';
import type { MessageKey } from '../i18n/i18n';

/**
 * - `page`: a content script's observation of what a page showed (untrusted: a page can fake it);
 * - `network`: the background's webRequest watcher, on a request a tab of that surface made;
 * - `user`: the user, in the extension's own pages (popup, dashboard, a notification's button).
 */
export type Writer = 'page' | 'network' | 'user';

export interface KindFacets {
  /** Its name in the UI (the timeline, its filter, the reports). */
  label: MessageKey;
  /** Who may write it: every write is checked against this (lib/ledger/writers.ts `mayWrite`). */
  writers: readonly Writer[];
  /** The user enters it by hand, and may edit it later (lib/ledger/ledger.ts `editManual`). */
  manual: boolean;
  /** Quick add's button for it (popup and dashboard), in this table's order; null: not offered there. */
  quickAdd: MessageKey | null;
  /** The popup's summary derives from it (lib/ledger/ledger.ts keeps copies); appearances and notes can be many and are read page by page. */
  summary: boolean;
  /** Listed in the timeline and its kind filter; a removal or a review shows on the entry it corrects instead. */
  listed: boolean;
  /** The details field that holds another entry's id (lib/ledger/relations.ts says what each does to it); null: none. */
  refersBy: 'target' | 'window' | 'request' | 'about' | 'sighting' | null;
}

const PAGE_NETWORK_USER = ['page', 'network', 'user'] as const;
// What settles, edits, removes or judges another entry is the user's alone: a page or a request it
// makes could otherwise close a window or make evidence vanish. Copies elsewhere are the user's to
// log: we read nothing from those pages (only a context-menu click hands over an address), and a
// page that could log or close takedowns could bury evidence.
const USER = ['user'] as const;

export const KINDS = {
  'cameo-created': { label: 'kindCameoCreated', writers: PAGE_NETWORK_USER, manual: true, quickAdd: null, summary: true, listed: true, refersBy: null },
  'audience-changed': { label: 'kindAudienceChanged', writers: PAGE_NETWORK_USER, manual: true, quickAdd: null, summary: true, listed: true, refersBy: null },
  'access-granted': { label: 'kindAccessGranted', writers: PAGE_NETWORK_USER, manual: true, quickAdd: 'quickGrant', summary: true, listed: true, refersBy: null },
  'access-revoked': { label: 'kindAccessRevoked', writers: PAGE_NETWORK_USER, manual: true, quickAdd: 'quickRevoke', summary: true, listed: true, refersBy: null },
  'restrictions-changed': { label: 'kindRestrictionsChanged', writers: PAGE_NETWORK_USER, manual: false, quickAdd: null, summary: false, listed: true, refersBy: null },
  // What the user saw elsewhere (the phone app) is theirs to state; the network shows no appearance.
  'appearance-seen': { label: 'kindAppearanceSeen', writers: ['page', 'user'], manual: false, quickAdd: null, summary: false, listed: true, refersBy: null },
  'cameo-deleted': { label: 'kindCameoDeleted', writers: PAGE_NETWORK_USER, manual: true, quickAdd: 'quickCameoDeleted', summary: true, listed: true, refersBy: null },
  'account-deletion-requested': {
    label: 'kindAccountDeletionRequested',
    writers: PAGE_NETWORK_USER,
    manual: true,
    quickAdd: 'quickAccountDeleted',
    summary: true,
    listed: true,
    refersBy: null,
  },
  // The in-page warning reports the user's choice through its content script.
  'deletion-warning-shown': { label: 'kindDeletionWarningShown', writers: ['page', 'user'], manual: false, quickAdd: null, summary: false, listed: true, refersBy: null },
  'data-export-requested': { label: 'kindDataExportRequested', writers: PAGE_NETWORK_USER, manual: true, quickAdd: null, summary: true, listed: true, refersBy: null },
  'data-export-received': { label: 'kindDataExportReceived', writers: ['page', 'user'], manual: true, quickAdd: null, summary: true, listed: true, refersBy: null },
  'privacy-request-sent': { label: 'kindPrivacyRequestSent', writers: PAGE_NETWORK_USER, manual: true, quickAdd: 'quickPrivacyRequest', summary: true, listed: true, refersBy: null },
  'privacy-answer-received': { label: 'kindPrivacyAnswerReceived', writers: USER, manual: true, quickAdd: null, summary: true, listed: true, refersBy: 'request' },
  'purge-verified': { label: 'kindPurgeVerified', writers: USER, manual: true, quickAdd: null, summary: true, listed: true, refersBy: 'window' },
  'follow-up-sent': { label: 'kindFollowUpSent', writers: USER, manual: true, quickAdd: null, summary: true, listed: true, refersBy: 'window' },
  'sighting-logged': { label: 'kindSightingLogged', writers: USER, manual: true, quickAdd: null, summary: false, listed: true, refersBy: null },
  // A takedown is a window (lib/deadlines/windows.ts): the background's reminders read windows from the summary.
  'takedown-requested': { label: 'kindTakedownRequested', writers: USER, manual: true, quickAdd: null, summary: true, listed: true, refersBy: 'sighting' },
  'takedown-outcome': { label: 'kindTakedownOutcome', writers: USER, manual: true, quickAdd: null, summary: true, listed: true, refersBy: 'request' },
  note: { label: 'kindNote', writers: USER, manual: true, quickAdd: null, summary: false, listed: true, refersBy: 'about' },
  'entry-removed': { label: 'kindEntryRemoved', writers: USER, manual: false, quickAdd: null, summary: false, listed: false, refersBy: 'target' },
  'observation-reviewed': { label: 'kindObservationReviewed', writers: USER, manual: false, quickAdd: null, summary: false, listed: false, refersBy: 'target' },
  // The user's name for an account without a handle (lib/ledger/account-names.ts): a page could otherwise
  // relabel an account, and with it whose entries they seem to be. The popup shows it: a summary kind.
  'account-named': { label: 'kindAccountNamed', writers: USER, manual: false, quickAdd: null, summary: true, listed: true, refersBy: null },
} as const satisfies Record<EventKind, KindFacets>;

/** Every kind, in the table's order. */
const ALL = Object.keys(KINDS) as EventKind[];

/** The kinds a facet is true (or set) for, in the table's order. */
export const kindsWhere = (facet: 'manual' | 'summary' | 'listed' | 'quickAdd' | 'refersBy'): EventKind[] =>
  ALL.filter((k) => Boolean((KINDS[k] as KindFacets)[facet]));

/** Own keys only: a kind named `constructor` in a forged message is no kind. */
const facetsOf = (kind: string): KindFacets | undefined => (Object.hasOwn(KINDS, kind) ? KINDS[kind as EventKind] : undefined);

/** Entered by hand, so editable (a page's or the network's report never is). */
export const isManualKind = (kind: EventKind): boolean => facetsOf(kind)?.manual === true;

/** The kinds quick add offers, typed, in the table's order (most common first). */
export type QuickKind = { [K in EventKind]: (typeof KINDS)[K]['quickAdd'] extends null ? never : K }[EventKind];
export const QUICK_KINDS = kindsWhere('quickAdd') as QuickKind[];
