/**
 * What a reminder says about a window, in the user's language and time zone:
 * "Your cameo deleted on 3 Oct should have been purged by 2 Nov."
 * Shared by the notifications and the calendar file, so both say the same thing.
 */
import { localParts } from '../deadlines/calendar';
import { t, type MessageKey } from '../i18n/i18n';
import { pluralKey } from '../i18n/plural';
import { lawLabel } from '../facts/law-names';
import type { DeadlineKind, DeadlineWindow } from '../deadlines/windows';
import type { RemindedStatus } from './log';

export interface TextOptions {
  now: number;
  timeZone: string;
  locale: string;
}

/**
 * The toolbar button's title while its badge shows a number: what the number counts, in words
 * (a bare number means nothing to a screen reader). The plural form follows the language's rules.
 */
export function badgeTitle(passed: number, locale: string): string {
  return t(pluralKey(['badgeTitleOne', 'badgeTitleOther'], passed, locale), passed.toLocaleString(locale));
}

/** "3 Oct", with the year only when it is not this year's. */
export function shortDate(instant: number, { now, timeZone, locale }: TextOptions): string {
  const sameYear = localParts(instant, timeZone).year === localParts(now, timeZone).year;
  return new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) }).format(instant);
}

const SENTENCES: Record<DeadlineKind, { ahead: MessageKey; past: MessageKey; calendar: MessageKey }> = {
  'cameo-purge': { ahead: 'reminderCameoPurgeAhead', past: 'reminderCameoPurgePast', calendar: 'calendarCameoPurge' },
  'account-purge': { ahead: 'reminderAccountPurgeAhead', past: 'reminderAccountPurgePast', calendar: 'calendarAccountPurge' },
  'export-link': { ahead: 'reminderExportLinkAhead', past: 'reminderExportLinkPast', calendar: 'calendarExportLink' },
  'legal-deadline': { ahead: 'reminderLegalAhead', past: 'reminderLegalPast', calendar: 'calendarLegal' },
  'sora-closure': { ahead: 'reminderSoraClosureAhead', past: 'reminderSoraClosurePast', calendar: 'calendarSoraClosure' },
  takedown: { ahead: 'reminderTakedownAhead', past: 'reminderTakedownPast', calendar: 'calendarTakedown' },
};

const substitutions = (window: DeadlineWindow, options: TextOptions) => [
  shortDate(window.openedAt, options),
  shortDate(window.dueAt, options),
  window.law && window.law !== 'none' ? lawLabel(window.law) : '',
];

/** The sentence about a window: what should happen by when; in the past tense once it is due. */
export function windowSentence(window: DeadlineWindow, options: TextOptions): string {
  const { ahead, past } = SENTENCES[window.kind];
  return t(options.now > window.dueAt ? past : ahead, ...substitutions(window, options));
}

/** A calendar entry's title: short, since a calendar shows it in a small box. */
export function calendarTitle(window: DeadlineWindow, options: TextOptions): string {
  return t(SENTENCES[window.kind].calendar, ...substitutions(window, options));
}

const TITLES: Record<RemindedStatus, MessageKey> = {
  'due-soon': 'reminderTitleDueSoon',
  'closed-awaiting-verification': 'reminderTitleClosed',
  overdue: 'reminderTitleOverdue',
};

export const reminderTitle = (status: RemindedStatus) => t(TITLES[status]);
