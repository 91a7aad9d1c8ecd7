/**
 * A reminder as a browser notification: its id, its text and its buttons.
 *
 * Chrome shows at most two buttons, so each reminder offers the two that fit its moment; a click
 * on the notification itself opens the dashboard at the entry, where every action is at hand.
 * Firefox shows no buttons at all: there the click is the way in.
 * (Chrome: https://developer.chrome.com/docs/extensions/reference/notifications, "up to two
 * notification action buttons"; Firefox supports only type, title, message and iconUrl:
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/notifications/NotificationOptions)
 */
import { t, type MessageKey } from '../i18n/i18n';
import { plural } from '../i18n/plural';
import type { DeadlineKind, DeadlineWindow } from '../deadlines/windows';
import { isReminded, type RemindedStatus } from './log';
import { reminderTitle, windowSentence, type TextOptions } from './text';

export type ReminderAction = 'mark-verified' | 'draft-follow-up' | 'remind-later';

const LABELS: Record<ReminderAction, MessageKey> = {
  'mark-verified': 'reminderMarkVerified',
  'draft-follow-up': 'reminderDraftFollowUp',
  'remind-later': 'reminderLater',
};

/**
 * A purge can be checked and marked verified by the user; a legal deadline is settled by the
 * answer, which the dashboard records with its outcome. Overdue is when a follow-up is due.
 */
export function actionsFor(window: Pick<DeadlineWindow, 'kind'>, status: RemindedStatus): [ReminderAction, ReminderAction] {
  if (window.kind === 'legal-deadline') return status === 'due-soon' ? ['remind-later', 'draft-follow-up'] : ['draft-follow-up', 'remind-later'];
  return status === 'overdue' ? ['mark-verified', 'draft-follow-up'] : ['mark-verified', 'remind-later'];
}

const PREFIX = 'reminder';
// Total over the kinds, so a new window kind is one the type check makes us name here.
const KIND_NAMES: Record<DeadlineKind, true> = { 'cameo-purge': true, 'account-purge': true, 'export-link': true, 'legal-deadline': true, 'sora-closure': true, takedown: true };
const KINDS = Object.keys(KIND_NAMES) as DeadlineKind[];

export interface NotificationRef {
  window: string;
  kind: DeadlineKind;
  status: RemindedStatus;
}

/**
 * One notification per window and status; a newer reminder about a window replaces the older one.
 * The id carries what the buttons depend on, so a click needs no ledger read to know what was shown.
 */
export const notificationId = ({ window, kind, status }: NotificationRef) => `${PREFIX}:${kind}:${status}:${window}`;

export function parseNotificationId(id: string): NotificationRef | null {
  const [prefix, kind, status, window, extra] = id.split(':');
  if (prefix !== PREFIX || !window || extra !== undefined) return null;
  if (!KINDS.includes(kind as DeadlineKind) || !isReminded(status as RemindedStatus)) return null;
  return { window, kind: kind as DeadlineKind, status: status as RemindedStatus };
}

export interface NotificationContent {
  id: string;
  title: string;
  message: string;
  buttons?: { title: string }[];
}

export function reminderNotification(
  window: DeadlineWindow,
  status: RemindedStatus,
  options: TextOptions & { buttons: boolean },
): NotificationContent {
  return {
    id: notificationId({ window: window.id, kind: window.kind, status }),
    title: reminderTitle(status),
    message: windowSentence(window, options),
    ...(options.buttons ? { buttons: actionsFor(window, status).map((a) => ({ title: t(LABELS[a]) })) } : {}),
  };
}

/** The dashboard at one entry (and its follow-up draft): where a click on a reminder leads. */
export function entryPath(windowId: string, draft = false): string {
  return `/options.html#entry=${encodeURIComponent(windowId)}${draft ? '&draft=follow-up' : ''}`;
}

/**
 * Notifications shown one by one in a run; past this, the rest are one notification with their
 * count. A file or a page that opened 40 overdue windows must not become 40 notifications.
 */
export const MAX_SEPARATE_NOTIFICATIONS = 3;

/** The one notification for the rest of a run's reminders: a click opens the dashboard's deadlines. */
export const GROUP_NOTIFICATION_ID = `${PREFIX}-group`;
export const GROUP_PATH = '/options.html#deadlines';

/**
 * A run's reminders as notifications: the first few (soonest due, as planned) each its own, and
 * when there are more, those as one grouped notification; never more than the few plus one.
 */
export function notificationsFor<R extends { window: DeadlineWindow; status: RemindedStatus }>(
  due: readonly R[],
  content: (reminder: R) => NotificationContent,
): NotificationContent[] {
  if (due.length <= MAX_SEPARATE_NOTIFICATIONS) return due.map(content);
  const separate = due.slice(0, MAX_SEPARATE_NOTIFICATIONS - 1);
  const rest = due.length - separate.length;
  return [...separate.map(content), { id: GROUP_NOTIFICATION_ID, title: t('reminderGroupTitle'), message: plural(['reminderGroupMessageOne', 'reminderGroupMessageOther'], rest) }];
}
