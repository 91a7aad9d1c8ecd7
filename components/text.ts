/**
 * The words for the ledger's values, in the user's language. Every table is total over its
 * type, so a new kind, status or law fails the type check until it has its words.
 */
import { shownHandle } from '@/lib/ledger/account-names';
import { KINDS } from '@/lib/ledger/event-kinds';
import type { Account, Audience, Certainty, EventKind, EventSource, Imported, LedgerEvent, Service } from '@/lib/ledger/events';
import { formatDate, formatDuration } from '@/lib/i18n/format';
import { t, uiLocale, type MessageKey } from '@/lib/i18n/i18n';
import { lawLabel } from '@/lib/facts/law-names';
import type { Law } from '@/lib/facts/policies';
import type { SurfaceId } from '@/lib/facts/surfaces';
import type { DeadlineKind, WindowStatus } from '@/lib/deadlines/windows';
import { platformLabel, routeLabel, takedownOutcomeLabel } from './copies-text';

/** A kind's name: its `label` in lib/ledger/event-kinds.ts. */
export const kindLabel = (kind: EventKind) => t(KINDS[kind].label);

const AUDIENCE: Record<Audience, MessageKey> = {
  'only-me': 'audienceOnlyMe',
  'people-i-approve': 'audiencePeopleIApprove',
  mutuals: 'audienceMutuals',
  everyone: 'audienceEveryone',
};
export const audienceLabel = (audience: Audience) => t(AUDIENCE[audience]);

const SERVICE: Record<Service, MessageKey> = {
  sora: 'serviceSora',
  chatgpt: 'serviceChatgpt',
  'api-platform': 'serviceApiPlatform',
};
export const serviceLabel = (service: Service) => t(SERVICE[service]);
const SURFACE: Record<SurfaceId, MessageKey> = { sora: 'surfaceSora', chatgpt: 'surfaceChatgpt', privacy: 'surfacePrivacyPortal' };
/** A watched site's name in the UI's language (lib/facts/surfaces.ts keeps the English one, for bug reports). */
export const surfaceLabel = (surface: SurfaceId) => t(SURFACE[surface]);

/**
 * The names the user gave accounts without a handle, for the page being shown: each page (popup,
 * dashboard, report) sets them from the ledger it shows before rendering, so every place that says
 * "ChatGPT · unknown" says "ChatGPT · Work" instead without each being handed the names.
 */
let names: Readonly<Record<string, string>> = {};
export const showAccountNames = (given: Readonly<Record<string, string>>) => void (names = given);
/** The account's name if the user gave one, else its handle. */
export const accountShown = (account: Account) => shownHandle(account, names);
export const accountLabel = (account: Account) => t('accountLabel', serviceLabel(account.service), accountShown(account));

const SOURCE: Record<EventSource, MessageKey> = {
  page: 'sourcePage',
  network: 'sourceNetwork',
  manual: 'sourceManual',
  import: 'sourceImport',
};
export const sourceLabel = (source: EventSource) => t(SOURCE[source]);

const CERTAINTY: Record<Certainty, MessageKey> = {
  confirmed: 'certaintyConfirmed',
  'seen-on-page': 'certaintySeenOnPage',
  'stated-by-user': 'certaintyStatedByUser',
};
export const certaintyLabel = (certainty: Certainty) => t(CERTAINTY[certainty]);

/**
 * "Imported from “x.json” on 1 Mar 2026": said instead of how the entry was seen, since an imported
 * entry's certainty is only what the file claims (never "confirmed by the service's own response").
 */
export function importedLabel(imported: Imported, locale: string): string {
  const from = t('importedFrom', imported.file, formatDate(imported.at, locale));
  return imported.fingerprint === 'verified' ? from : `${from} (${t(imported.fingerprint === 'unverified' ? 'importedUnverified' : 'importedNoFingerprint')})`;
}

const STATUS: Record<WindowStatus, MessageKey> = {
  open: 'statusOpen',
  'due-soon': 'statusDueSoon',
  'closed-awaiting-verification': 'statusClosedAwaitingVerification',
  overdue: 'statusOverdue',
  verified: 'statusVerified',
};
export const statusLabel = (status: WindowStatus) => t(STATUS[status]);

const WINDOW: Record<DeadlineKind, MessageKey> = {
  'cameo-purge': 'windowCameoPurge',
  'account-purge': 'windowAccountPurge',
  'export-link': 'windowExportLink',
  'legal-deadline': 'windowLegalDeadline',
  'sora-closure': 'windowSoraClosure',
  takedown: 'windowTakedown',
};
export const windowLabel = (kind: DeadlineKind) => t(WINDOW[kind]);

export { lawLabel };
/** A window's name as tables show it: the purge or deadline, and for a legal deadline its law. */
export const deadlineName = (w: { kind: DeadlineKind; law?: Law }) => (w.law ? `${windowLabel(w.kind)} (${lawLabel(w.law)})` : windowLabel(w.kind));

const CHANNEL: Record<'privacy-portal' | 'email' | 'other', MessageKey> = {
  'privacy-portal': 'channelPrivacyPortal',
  email: 'channelEmail',
  other: 'channelOther',
};
export const channelLabel = (channel: keyof typeof CHANNEL) => t(CHANNEL[channel]);

const REQUEST: Record<'erasure' | 'access' | 'other', MessageKey> = {
  erasure: 'requestErasure',
  access: 'requestAccess',
  other: 'requestOther',
};
export const requestLabel = (request: keyof typeof REQUEST) => t(REQUEST[request]);

const OUTCOME: Record<'done' | 'refused' | 'extended' | 'other', MessageKey> = {
  done: 'outcomeDone',
  refused: 'outcomeRefused',
  extended: 'outcomeExtended',
  other: 'outcomeOther',
};

export const outcomeLabel = (outcome: keyof typeof OUTCOME) => t(OUTCOME[outcome]);

/** The one line that says what an entry is about, beyond its kind: "to @alice", "Everyone". */
export function eventSubject(e: LedgerEvent): string {
  switch (e.kind) {
    case 'access-granted':
      return t('subjectGrantedTo', e.details.person);
    case 'access-revoked':
      return t('subjectRevokedFrom', e.details.person);
    case 'audience-changed':
      return e.details.before
        ? t('subjectAudienceFromTo', audienceLabel(e.details.before), audienceLabel(e.details.after))
        : audienceLabel(e.details.after);
    case 'appearance-seen':
      return t(e.details.where === 'draft' ? 'subjectDraftBy' : 'subjectPostBy', e.details.by);
    case 'restrictions-changed':
      return e.details.restrictions;
    case 'account-deletion-requested':
      return e.details.linkedAccounts.length > 0 ? t('subjectWithLinked', e.details.linkedAccounts.map(serviceLabel).join(', ')) : '';
    case 'deletion-warning-shown':
      return t(e.details.choice === 'go-back' ? 'subjectWentBack' : 'subjectContinued');
    case 'privacy-request-sent':
      return `${lawLabel(e.details.law)} · ${requestLabel(e.details.request)} · ${channelLabel(e.details.channel)}`;
    case 'privacy-answer-received':
      return outcomeLabel(e.details.outcome);
    case 'follow-up-sent':
      return `${lawLabel(e.details.law)} · ${t(e.details.to === 'authority' ? 'followUpToAuthority' : 'followUpToOpenai')}`;
    case 'sighting-logged':
      return t('subjectSighting', platformLabel(e.details.platform), e.details.address);
    case 'takedown-requested':
      return routeLabel(e.details.route);
    case 'takedown-outcome':
      return takedownOutcomeLabel(e.details.outcome);
    case 'note':
      return e.details.text;
    case 'account-named':
      return e.details.name;
    case 'observation-reviewed':
      return t(e.details.verdict === 'confirmed' ? 'reviewConfirmed' : 'reviewDismissed');
    case 'cameo-created':
    case 'cameo-deleted':
    case 'data-export-requested':
    case 'data-export-received':
    case 'purge-verified':
    case 'entry-removed':
      return '';
  }
}

/** Where a window stands, seen from now: "due in 12 days", "overdue by 3 days". */
export function windowProgress(w: { status: WindowStatus; dueAt: number; closedAt?: number }, now: number): string {
  const locale = uiLocale();
  switch (w.status) {
    case 'open':
    case 'due-soon':
      return t('progressDueIn', formatDuration(w.dueAt - now, locale), formatDate(w.dueAt, locale));
    case 'closed-awaiting-verification':
      return t('progressAwaitingVerification', formatDate(w.dueAt, locale));
    case 'overdue':
      return t('progressOverdue', formatDuration(now - w.dueAt, locale));
    case 'verified':
      return w.closedAt === undefined ? statusLabel('verified') : t('progressVerifiedOn', formatDate(w.closedAt, locale));
  }
}
