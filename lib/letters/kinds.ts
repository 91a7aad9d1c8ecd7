/**
 * What a follow-up letter is about, per kind of window: the part of the letter that does not
 * depend on the language. Total over DeadlineKind, so a new kind of window (OpenAI closing a
 * service, say) fails the type check until it says what its letters ask to be erased.
 * Small and free of text, so the popup can ask `canDraft` without loading the letters.
 */
import type { DeadlineKind } from '../deadlines/windows';

/**
 * What the letter asks to be erased. 'cameo': the recording of the face and voice and everything
 * derived from it; 'account': the account's data, a cameo and its derivatives included; 'request':
 * the data a privacy request was about. null: nothing to erase (an export link expiring).
 */
export type ErasureScope = 'cameo' | 'account' | 'request';

export const LETTER_SCOPE: Record<DeadlineKind, ErasureScope | null> = {
  'cameo-purge': 'cameo',
  'account-purge': 'account',
  'export-link': null,
  'sora-closure': 'cameo',
  'legal-deadline': 'request',
  // A takedown's letters go to the platform, not OpenAI: they are lib/letters/takedown.ts's, not these.
  takedown: null,
};

/** Whether a window of this kind can lead to a letter (a request, a follow-up, a complaint). */
export const canDraft = (kind: DeadlineKind) => LETTER_SCOPE[kind] !== null;
